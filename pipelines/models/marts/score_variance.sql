-- score_variance: the between-school share of score variance (intraclass correlation) in an exam subject within a county
-- grain: exam × subject × county
-- key: exam_id, subject, county
with school_moments as (
    select * from int_school_score_moments where county is not null
),

settings as (
    select * from cfg_settings
),

-- per school, n_j, mean ȳ_j and the within-school sum of squares Σ (y − ȳ_j)²
school_means as (
    select
        exam_id,
        subject,
        county,
        school_id,
        n_scores as n_school,
        mean_score as school_mean,
        m2_score as ss_school
    from school_moments
),

-- sums over schools are exact (exact_* macros): a float sum depends on the order of its terms, which a plan must not
-- decide (an ordered aggregate fixed the order but cannot spill: urban_rural_gap.sql)
county_means as (
    select exam_id, subject, county, sum(n_school) as n_students, exact_sum(n_school * school_mean) / sum(n_school) as county_mean
    from school_means
    group by exam_id, subject, county
),

-- one-way ANOVA sums of squares: between = Σ n_j (ȳ_j − ȳ)², within = Σ (y − ȳ_j)² = Σ_j ss_j
sums_of_squares as (
    select
        county_means.exam_id,
        county_means.subject,
        county_means.county,
        county_means.n_students,
        count(*) as n_schools,
        exact_sum(school_means.n_school * pow(school_means.school_mean - county_means.county_mean, 2)) as ss_between,
        sum(pow(school_means.n_school, 2)) as sum_n_squared,
        exact_sum(school_means.ss_school) as ss_within
    from county_means
    inner join school_means
        on county_means.exam_id = school_means.exam_id
        and county_means.subject = school_means.subject
        and county_means.county = school_means.county
    group by county_means.exam_id, county_means.subject, county_means.county, county_means.n_students
),

-- variance components by the ANOVA (method-of-moments) estimator: MSB = SSB/(J−1), MSW = SSW/(N−J),
-- n₀ = (N − Σn_j²/N)/(J−1), σ²_between = max(0, (MSB − MSW)/n₀), share = σ²_between / (σ²_between + MSW)
components as (
    select
        *,
        case when n_schools > 1 and n_students > n_schools then ss_between / (n_schools - 1) end as ms_between,
        case when n_schools > 1 and n_students > n_schools then ss_within / (n_students - n_schools) end as ms_within,
        case when n_schools > 1 then (n_students - sum_n_squared / n_students) / (n_schools - 1) end as n_zero
    from sums_of_squares
),

shares as (
    select
        *,
        case when ms_between is not null and n_zero > 0 then greatest(0, (ms_between - ms_within) / n_zero) end as var_between
    from components
),

final as (
    select
        shares.exam_id,
        shares.subject,
        shares.county,
        shares.n_schools::integer as n_schools,
        shares.n_students::integer as n_students,
        shares.n_students < settings.min_n as is_suppressed,
        case
            when shares.n_students >= settings.min_n and shares.var_between + shares.ms_within > 0
                then shares.var_between / (shares.var_between + shares.ms_within)
        end::double as between_school_share,
        case when shares.n_students >= settings.min_n then shares.var_between end::double as var_between,
        case when shares.n_students >= settings.min_n then shares.ms_within end::double as var_within,
        -- η² = SSB / (SSB + SSW): the descriptive share, larger than the ICC when schools are small
        case
            when shares.n_students >= settings.min_n and shares.ss_between + shares.ss_within > 0
                then shares.ss_between / (shares.ss_between + shares.ss_within)
        end::double as eta_squared
    from shares
    cross join settings
)

select * from final
