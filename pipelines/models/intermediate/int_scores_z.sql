-- int_scores_z: each student's score with its z-score within the exam and subject
-- grain: exam × subject × student
-- key: exam_id, subject, student_key
-- Only what its readers need per student: the exam's labels are in stg_exams and the school's in int_exam_schools,
-- one row per exam or school, not on each of 38 M rows at province scale (55.6 → 34.1 s there;
-- pipelines/bench/NOTES.md). The student is its key alone: the id (20 hex digits that do not compress) is in
-- int_student_keys, one row per student; writing it on every score row was a quarter of the model (NOTES.md).
with scores as (
    select * from stg_scores
),

exams as (
    select
        exam_id,
        subject,
        -- the exam subject numbered in key order: with student_key, the integers on which int_va_pairs and
        -- int_va_links join a student's scores of two exams (int_student_keys)
        (row_number() over (order by exam_id, subject))::integer as exam_key
    from stg_exams
),

student_keys as (
    select * from int_student_keys
),

-- a missing score counts as absent (the contract leaves score empty only for absent students)
marked as (
    select
        *,
        not (coalesce(is_absent, false) or score is null) as has_score
    from scores
),

exam_moments as (
    select
        exam_id,
        subject,
        -- exact sums, order-free at any thread count (exact_* macros, pipelines/models/runner.ts)
        exact_avg(score) as exam_mean,
        exact_stddev_samp(score) as exam_sd
    from marked
    where has_score
    group by exam_id, subject
),

final as (
    select
        marked.exam_id,
        marked.subject,
        exams.exam_key,
        student_keys.student_key,
        marked.period,
        marked.school_id,
        marked.score,
        marked.has_score,
        -- z = (score − exam mean) / exam sd over every non-absent student of the exam and subject (docs/metrics.md)
        case
            when marked.has_score and exam_moments.exam_sd > 0
                then (marked.score - exam_moments.exam_mean) / exam_moments.exam_sd
        end as z
    from marked
    -- the exams of stg_exams only (its key is exam_id, subject: a filter, not a fan-out)
    inner join exams
        on marked.exam_id = exams.exam_id
        and marked.subject = exams.subject
    left join exam_moments
        on marked.exam_id = exam_moments.exam_id
        and marked.subject = exam_moments.subject
    left join student_keys
        on marked.student_id = student_keys.student_id
)

select * from final
