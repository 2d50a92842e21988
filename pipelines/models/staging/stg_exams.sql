-- stg_exams: exams and their subjects
-- grain: exam × subject
-- key: exam_id, subject
with source as (
    select * from raw_exams
),

final as (
    select
        period,
        exam_id,
        subject,
        exam_name,
        exam_date,
        grade,
        full_marks,
        scope
    from source
)

select * from final
