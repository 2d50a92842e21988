-- exam_list: the exams and subjects that have scores: name, date, grade, full marks and scope, with no result (what a page needs to name and order an exam in either edition)
-- grain: exam × subject
-- key: exam_id, subject
with scores as (
    select * from int_scores_z
),

final as (
    select
        exam_id,
        subject,
        -- one value per exam and subject in the input (exams.csv); min keeps it deterministic
        min(exam_name) as exam_name,
        min(exam_date) as exam_date,
        min(grade) as grade,
        min(full_marks) as full_marks,
        min(exam_scope) as exam_scope
    from scores
    group by exam_id, subject
)

select * from final
