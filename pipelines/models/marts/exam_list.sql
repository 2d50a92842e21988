-- exam_list: the exams and subjects that have scores: name, date, grade, full marks and scope, with no result (what a page needs to name and order an exam in either edition)
-- grain: exam × subject
-- key: exam_id, subject
with scores as (
    select * from int_scores_z
),

exams as (
    select * from stg_exams
),

-- the exams and subjects with at least one score row (a student present or absent)
scored as (
    select distinct exam_id, subject
    from scores
),

final as (
    select
        exams.exam_id,
        exams.subject,
        -- one row per exam and subject in stg_exams (its key)
        exams.exam_name,
        exams.exam_date,
        exams.grade,
        exams.full_marks,
        exams.scope as exam_scope
    from scored
    inner join exams
        on scored.exam_id = exams.exam_id
        and scored.subject = exams.subject
)

select * from final
