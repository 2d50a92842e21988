-- int_exam_memberships: the groups each tested school belonged to on an exam's date (memberships as reported in the exam's period)
-- grain: exam × subject × group × school
-- key: exam_id, subject, group_id, school_id
with exams as (
    select * from stg_exams
),

scores as (
    select * from stg_scores
),

memberships as (
    select * from stg_memberships
),

-- only the schools that sat the exam: every consumer joins back to students' scores, and pairing each
-- exam with every membership of its period grows as exams × schools (113M rows at province scale)
tested_schools as (
    select distinct exams.exam_id, exams.subject, exams.exam_date, exams.period, scores.school_id
    from exams
    inner join scores
        on scores.exam_id = exams.exam_id
        and scores.subject = exams.subject
),

-- membership on date d: joined_date <= d and (left_date is null or left_date > d) (docs/metrics.md)
active as (
    select
        tested_schools.exam_id,
        tested_schools.subject,
        tested_schools.exam_date,
        memberships.group_id,
        memberships.school_id,
        memberships.is_lead,
        memberships.joined_date
    from tested_schools
    inner join memberships
        on tested_schools.period = memberships.period
        and tested_schools.school_id = memberships.school_id
        and memberships.joined_date <= tested_schools.exam_date
        and (memberships.left_date is null or memberships.left_date > tested_schools.exam_date)
),

final as (
    select
        exam_id,
        subject,
        exam_date,
        group_id,
        school_id,
        is_lead
    from active
    qualify row_number() over (partition by exam_id, subject, group_id, school_id order by joined_date desc) = 1
)

select * from final
