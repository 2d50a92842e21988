-- int_exam_memberships: the groups each school belonged to on an exam's date (memberships as reported in the exam's period)
-- grain: exam × subject × group × school
-- key: exam_id, subject, group_id, school_id
with exams as (
    select * from stg_exams
),

memberships as (
    select * from stg_memberships
),

-- membership on date d: joined_date <= d and (left_date is null or left_date > d) (metrics.md)
active as (
    select
        exams.exam_id,
        exams.subject,
        exams.exam_date,
        memberships.group_id,
        memberships.school_id,
        memberships.is_lead,
        memberships.joined_date
    from exams
    inner join memberships
        on exams.period = memberships.period
        and memberships.joined_date <= exams.exam_date
        and (memberships.left_date is null or memberships.left_date > exams.exam_date)
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
