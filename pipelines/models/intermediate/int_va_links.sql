-- int_va_links: each student linked by a value-added pair: the later and the prior z, and the student's school at each (not published: student level)
-- grain: prior exam × exam × subject × student
-- key: prior_exam_id, exam_id, subject, student_key
-- materialized: view
-- A view, not a table: int_va_schools sums it per school as it is read, and int_va_residuals reads it for the
-- checks; stored, its 27 M rows at province scale would cost more to write than the join does to compute.
with pairs as (
    select * from int_va_pairs
),

-- read twice below, inlined: materialized (DuckDB's default for a CTE read twice), its 37 M rows at province scale
-- were written aside and read back under the memory limit (NOTES.md)
scored as not materialized (
    select * from int_scores_z where z is not null
),

final as (
    select
        pairs.prior_exam_id,
        pairs.exam_id,
        pairs.subject,
        pairs.exam_date,
        -- the student's number (int_student_keys holds the id)
        now_scores.student_key,
        -- the student's school at the later exam (docs/metrics.md)
        now_scores.school_id,
        now_scores.z as z_now,
        prior_scores.z as z_prior,
        -- the student's school at the prior exam
        prior_scores.school_id as prior_school_id
    -- on the integer keys of the exam subject and the student (int_scores_z, int_student_keys): the same rows as
    -- on exam_id, subject and student_id, with a fraction of the hash table (province 30 → 10 s, NOTES.md); the two
    -- as one 64-bit number (both keys are row numbers, positive and below 2³²: one pair, one number), so the hash
    -- join hashes and compares one column
    from pairs
    inner join scored as now_scores
        on pairs.exam_key = now_scores.exam_key
    inner join scored as prior_scores
        on pairs.prior_exam_key::bigint * 4294967296 + now_scores.student_key
            = prior_scores.exam_key::bigint * 4294967296 + prior_scores.student_key
)

select * from final
