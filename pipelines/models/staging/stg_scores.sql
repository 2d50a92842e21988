-- stg_scores: one student's result in one exam subject; student_id is already pseudonymised
-- grain: exam × subject × student
-- key: exam_id, subject, student_id
-- materialized: view
with source as (
    select * from raw_scores
),

final as (
    select
        period,
        exam_id,
        subject,
        student_id,
        school_id,
        score,
        is_absent
    from source
)

select * from final
