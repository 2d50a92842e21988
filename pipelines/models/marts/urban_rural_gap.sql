-- urban_rural_gap: the gap in mean z-score between urban and rural (or town) students, and between a group's lead school and its members, with a Welch 95% interval
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

-- sums over schools run in school_id order: a float sum depends on the order of its terms, and the order rows
-- leave a join depends on which side the optimizer builds on, which changes with table sizes and estimates
side_means as (
    select
        exam_id, subject, scope, scope_id, comparison, side,
        sum(n) as n,
        sum(n * mean_z order by school_id) / sum(n) as mean_z
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
        -- the sample variance of the side's students: pooled m2 / (n − 1)
        (sum(sided.m2 order by sided.school_id) + sum(sided.n * pow(sided.mean_z - side_means.mean_z, 2) order by sided.school_id)) / nullif(side_means.n - 1, 0) as var_z
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

side_moments as (
    select
        exam_id, subject, scope, scope_id, comparison,
        coalesce(sum(n) filter (where side = 1), 0) as n_first,
        coalesce(sum(n) filter (where side = 2), 0) as n_second,
        any_value(mean_z) filter (where side = 1) as mean_first,
        any_value(mean_z) filter (where side = 2) as mean_second,
        any_value(var_z) filter (where side = 1) as var_first,
        any_value(var_z) filter (where side = 2) as var_second
    from side_pooled
    group by exam_id, subject, scope, scope_id, comparison
),

compared as (
    select
        side_moments.*,
        side_moments.n_first < settings.min_n or side_moments.n_second < settings.min_n as is_suppressed,
        side_moments.mean_first - side_moments.mean_second as raw_gap,
        -- Welch standard error √(s₁²/n₁ + s₂²/n₂)
        sqrt(side_moments.var_first / side_moments.n_first + side_moments.var_second / side_moments.n_second) as raw_se
    from side_moments
    cross join settings
    where side_moments.n_first > 0 and side_moments.n_second > 0
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
        -- 95% interval gap ∓ 1.96·se (normal approximation)
        case when not is_suppressed then raw_gap - 1.96 * raw_se end::double as ci_low,
        case when not is_suppressed then raw_gap + 1.96 * raw_se end::double as ci_high
    from compared
)

select * from final
