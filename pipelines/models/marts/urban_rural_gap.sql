-- urban_rural_gap: the gap in mean z-score between urban and rural (or town) students, and between a group's lead school and its members, with a 95% interval that treats schools as clusters
-- grain: exam × subject × scope (county | group | all) × scope_id × comparison
-- key: exam_id, subject, scope, scope_id, comparison
with school_score_moments as (
    select * from int_school_score_moments
),

exam_memberships as (
    select * from int_exam_memberships
),

settings as (
    select * from cfg_settings
),

t_quantiles as (
    select * from int_t_quantiles
),

-- every comparison pools whole schools: per school, n, mean z and the sum of squared deviations from that
-- mean (m2), which pool exactly: over the schools j of a side, n = Σ n_j, mean = Σ n_j·mean_j / n,
-- m2 = Σ m2_j + Σ n_j·(mean_j − mean)²
school_moments as (
    select exam_id, subject, school_id, county, locality, n_z as n, mean_z, m2_z as m2
    from school_score_moments
    where n_z > 0
),

-- side 1 is the first-named side of the comparison
locality_sides as (
    select exam_id, subject, county, school_id, n, mean_z, m2, 'urban_rural' as comparison,
        case locality when 'urban' then 1 when 'rural' then 2 end as side
    from school_moments
    union all
    select exam_id, subject, county, school_id, n, mean_z, m2, 'urban_town' as comparison,
        case locality when 'urban' then 1 when 'town' then 2 end as side
    from school_moments
),

sided as (
    select exam_id, subject, 'all' as scope, 'all' as scope_id, comparison, side, school_id, n, mean_z, m2
    from locality_sides
    where side is not null
    union all
    select exam_id, subject, 'county' as scope, county as scope_id, comparison, side, school_id, n, mean_z, m2
    from locality_sides
    where side is not null and county is not null
    union all
    select
        locality_sides.exam_id,
        locality_sides.subject,
        'group' as scope,
        exam_memberships.group_id as scope_id,
        locality_sides.comparison,
        locality_sides.side,
        locality_sides.school_id,
        locality_sides.n,
        locality_sides.mean_z,
        locality_sides.m2
    from locality_sides
    inner join exam_memberships
        on locality_sides.exam_id = exam_memberships.exam_id
        and locality_sides.subject = exam_memberships.subject
        and locality_sides.school_id = exam_memberships.school_id
    where locality_sides.side is not null
    union all
    -- within a group on the exam's date: the lead's students vs the members'
    select
        school_moments.exam_id,
        school_moments.subject,
        'group' as scope,
        exam_memberships.group_id as scope_id,
        'lead_member' as comparison,
        case when exam_memberships.is_lead then 1 else 2 end as side,
        school_moments.school_id,
        school_moments.n,
        school_moments.mean_z,
        school_moments.m2
    from school_moments
    inner join exam_memberships
        on school_moments.exam_id = exam_memberships.exam_id
        and school_moments.subject = exam_memberships.subject
        and school_moments.school_id = exam_memberships.school_id
),

-- sums over schools are exact (exact_* macros, pipelines/models/runner.ts): a float sum depends on the order of its
-- terms, and the order rows leave a join depends on which side the optimizer builds on; an ordered aggregate
-- (sum(… order by school_id)) fixed the order but holds every group's rows in memory and cannot spill, which ran a
-- province out of memory at --memory-limit 1.5GB
side_means as (
    select
        exam_id, subject, scope, scope_id, comparison, side,
        sum(n) as n,
        exact_sum(n * mean_z) / sum(n) as mean_z
    from sided
    group by exam_id, subject, scope, scope_id, comparison, side
),

-- a join back rather than a window for each side's mean: window sums follow the partition's row order, which
-- changes with the input's, and the published files must not (the messy demo publishes the clean one's bytes)
side_pooled as (
    select
        side_means.exam_id, side_means.subject, side_means.scope, side_means.scope_id, side_means.comparison,
        side_means.side,
        side_means.n,
        side_means.mean_z,
        count(*) as n_schools,
        -- the cluster-robust (sandwich) variance of the side's mean before its small-sample factor (CR0):
        -- Σ_j n_j²·(mean_j − mean)² / n² — the squared sum of each school's residuals, over n²
        exact_sum(pow(sided.n * (sided.mean_z - side_means.mean_z), 2)) / pow(side_means.n, 2) as cr0,
        -- one-way ANOVA of the side's schools: within (Σ m2_j) and between (Σ n_j·(mean_j − mean)²) sums of
        -- squares, and Σ n_j² for n₀ (as score_variance)
        exact_sum(sided.m2) as ss_within,
        exact_sum(sided.n * pow(sided.mean_z - side_means.mean_z, 2)) as ss_between,
        sum(pow(sided.n, 2)) as sum_n_squared
    from side_means
    inner join sided
        on side_means.exam_id = sided.exam_id
        and side_means.subject = sided.subject
        and side_means.scope = sided.scope
        and side_means.scope_id = sided.scope_id
        and side_means.comparison = sided.comparison
        and side_means.side = sided.side
    group by
        side_means.exam_id, side_means.subject, side_means.scope, side_means.scope_id, side_means.comparison,
        side_means.side, side_means.n, side_means.mean_z
),

-- the between-school variance τ² of a side of two schools or more, by the ANOVA (moment) estimator:
-- τ² = max(0, (MSB − MSW)/n₀), MSB = SSB/(J − 1), MSW = SSW/(n − J), n₀ = (n − Σn_j²/n)/(J − 1)
side_variances as (
    select
        *,
        case when n_schools >= 2 and n > n_schools then
            greatest(0, (ss_between / (n_schools - 1) - ss_within / (n - n_schools)) / ((n - sum_n_squared / n) / (n_schools - 1)))
        end as tau_squared,
        -- a side of one school: its students' sample variance
        case when n > 1 then ss_within / (n - 1) end as var_within
    from side_pooled
),

side_moments as (
    select
        exam_id, subject, scope, scope_id, comparison,
        coalesce(sum(n) filter (where side = 1), 0) as n_first,
        coalesce(sum(n) filter (where side = 2), 0) as n_second,
        coalesce(sum(n_schools) filter (where side = 1), 0) as n_schools_first,
        coalesce(sum(n_schools) filter (where side = 2), 0) as n_schools_second,
        any_value(mean_z) filter (where side = 1) as mean_first,
        any_value(mean_z) filter (where side = 2) as mean_second,
        any_value(cr0) filter (where side = 1) as cr0_first,
        any_value(cr0) filter (where side = 2) as cr0_second,
        any_value(tau_squared) filter (where side = 1) as tau_squared_first,
        any_value(tau_squared) filter (where side = 2) as tau_squared_second,
        any_value(var_within) filter (where side = 1) as var_within_first,
        any_value(var_within) filter (where side = 2) as var_within_second
    from side_variances
    group by exam_id, subject, scope, scope_id, comparison
),

-- Var(gap) = V₁ + V₂, schools as clusters (docs/metrics.md, urban_rural_gap):
-- a side of two schools or more: CR1, its CR0 × G/(G − 1) × (N − 1)/(N − 2) with G the schools and N the students of
-- both sides (Liang & Zeger 1986; the small-sample factor of Stata and statsmodels' cov_type='cluster');
-- a side of one school (a group's lead): its own sampling variance s²/n plus the between-school variance τ² of the
-- other side's schools, the one school being one draw of a school (random-intercept model, Raudenbush & Bryk);
-- no interval when both sides are one school. Degrees of freedom G − 1 (Cameron & Miller 2015).
compared as (
    select
        side_moments.*,
        side_moments.n_first < settings.min_n or side_moments.n_second < settings.min_n as is_suppressed,
        side_moments.n_schools_first < 3 or side_moments.n_schools_second < 3 as is_few_schools,
        side_moments.mean_first - side_moments.mean_second as raw_gap,
        (side_moments.n_schools_first + side_moments.n_schools_second) / (side_moments.n_schools_first + side_moments.n_schools_second - 1)
            * (side_moments.n_first + side_moments.n_second - 1) / (side_moments.n_first + side_moments.n_second - 2) as small_sample_factor,
        side_moments.n_schools_first + side_moments.n_schools_second - 1 as raw_df
    from side_moments
    cross join settings
    where side_moments.n_first > 0 and side_moments.n_second > 0
),

variances as (
    select
        compared.*,
        sqrt(
            case
                when n_schools_first >= 2 then small_sample_factor * cr0_first
                else tau_squared_second + var_within_first / n_first
            end
            + case
                when n_schools_second >= 2 then small_sample_factor * cr0_second
                else tau_squared_first + var_within_second / n_second
            end
        ) as raw_se,
        coalesce(t_quantiles.t_975, 1.959964) as t_975
    from compared
    left join t_quantiles
        on compared.raw_df = t_quantiles.df
),

final as (
    select
        exam_id,
        subject,
        scope,
        scope_id,
        comparison,
        n_first::integer as n_first,
        n_second::integer as n_second,
        is_suppressed,
        case when not is_suppressed then mean_first end::double as mean_first,
        case when not is_suppressed then mean_second end::double as mean_second,
        case when not is_suppressed then raw_gap end::double as gap,
        case when not is_suppressed then raw_se end::double as se,
        -- 95% interval gap ∓ t(0.975, G − 1)·se
        case when not is_suppressed then raw_gap - t_975 * raw_se end::double as ci_low,
        case when not is_suppressed then raw_gap + t_975 * raw_se end::double as ci_high,
        case when not is_suppressed then n_schools_first end::integer as n_schools_first,
        case when not is_suppressed then n_schools_second end::integer as n_schools_second,
        is_few_schools,
        case when not is_suppressed and raw_se is not null then raw_df end::integer as df
    from variances
)

select * from final
