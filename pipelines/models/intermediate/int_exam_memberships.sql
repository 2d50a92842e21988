-- int_exam_memberships: the groups each tested school belonged to on an exam's date through the exam's section (memberships as reported in the exam's period)
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
    select distinct exams.exam_id, exams.subject, exams.exam_date, exams.period, scores.school_id,
        -- the exam's section (学部) from its grade: 1–6 小学部, 7–9 初中部, 10–12 高中部 (docs/data-contract.md)
        case when exams.grade <= 6 then 'primary' when exams.grade <= 9 then 'junior' else 'senior' end as section
    from exams
    inner join scores
        on scores.exam_id = exams.exam_id
        and scores.subject = exams.subject
),

-- membership on date d: joined_date <= d and (left_date is null or left_date > d) (docs/metrics.md), of the
-- whole school or of the exam's section: a grade-8 exam of a 九年一贯制 school whose 初中部 is in one group and
-- 小学部 in another counts in the 初中部's group only
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
        and memberships.section in ('all', tested_schools.section)
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
