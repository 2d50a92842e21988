-- urban_rural_gap: the gap in mean z-score between urban and rural (or town) students, and between a group's lead school and its members, with a Welch 95% interval
-- grain: exam × subject × scope (county | group | all) × scope_id × comparison
-- key: exam_id, subject, scope, scope_id, comparison
with scores as (
    select * from int_scores_z where z is not null
),

exam_memberships as (
    select * from int_exam_memberships
),

settings as (
    select * from cfg_settings
),

-- side 1 is the first-named side of the comparison
locality_sides as (
    select exam_id, subject, county, school_id, z, 'urban_rural' as comparison,
        case locality when 'urban' then 1 when 'rural' then 2 end as side
    from scores
    union all
    select exam_id, subject, county, school_id, z, 'urban_town' as comparison,
        case locality when 'urban' then 1 when 'town' then 2 end as side
    from scores
),

sided as (
    select exam_id, subject, 'all' as scope, 'all' as scope_id, comparison, side, z
    from locality_sides
    where side is not null
    union all
    select exam_id, subject, 'county' as scope, county as scope_id, comparison, side, z
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
        locality_sides.z
    from locality_sides
    inner join exam_memberships
        on locality_sides.exam_id = exam_memberships.exam_id
        and locality_sides.subject = exam_memberships.subject
        and locality_sides.school_id = exam_memberships.school_id
    where locality_sides.side is not null
    union all
    -- within a group on the exam's date: the lead's students vs the members'
    select
        scores.exam_id,
        scores.subject,
        'group' as scope,
        exam_memberships.group_id as scope_id,
        'lead_member' as comparison,
        case when exam_memberships.is_lead then 1 else 2 end as side,
        scores.z
    from scores
    inner join exam_memberships
        on scores.exam_id = exam_memberships.exam_id
        and scores.subject = exam_memberships.subject
        and scores.school_id = exam_memberships.school_id
),

side_moments as (
    select
        exam_id, subject, scope, scope_id, comparison,
        count(*) filter (where side = 1) as n_first,
        count(*) filter (where side = 2) as n_second,
        avg(z) filter (where side = 1) as mean_first,
        avg(z) filter (where side = 2) as mean_second,
        var_samp(z) filter (where side = 1) as var_first,
        var_samp(z) filter (where side = 2) as var_second
    from sided
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
