-- int_student_keys: every student with a score row, numbered: the integer on which a student's scores of two exams are joined (not published: holds student ids)
-- grain: student
-- key: student_id
-- int_va_pairs and int_va_links pair each student's scores across exams, tens of millions of rows at province scale.
-- Joined on this key and the exam's (int_scores_z's exam_key) instead of three text columns, their hash tables are a
-- fraction of the size, and under a memory limit that decides how much of them spills (pipelines/bench/NOTES.md).
with scores as (
    select * from stg_scores
),

students as (
    select distinct student_id
    from scores
    where student_id is not null
),

final as (
    select
        student_id,
        -- numbered in the ids' order: the same key at any thread count
        (row_number() over (order by student_id))::integer as student_key
    from students
)

select * from final
