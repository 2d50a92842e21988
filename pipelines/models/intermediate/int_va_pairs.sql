-- int_va_pairs: the exam pairs value-added compares: configured pairs, else for each exam and subject the latest earlier exam of the subject that at least half of its students sat
-- grain: prior exam × exam × subject
-- key: prior_exam_id, exam_id, subject
with scored as not materialized (
    -- read twice below, but as a filter of int_scores_z better inlined, where the planner of the self-join in `links`
    -- sees the table's statistics: materialized, the model took 37.6–47.1 s at province, inlined 25.0–25.3 s
    -- (pipelines/bench/NOTES.md)
    select
        int_scores_z.exam_key,
        int_scores_z.exam_id,
        int_scores_z.subject,
        int_scores_z.student_key,
        stg_exams.exam_date
    from int_scores_z
    inner join stg_exams
        on int_scores_z.exam_id = stg_exams.exam_id
        and int_scores_z.subject = stg_exams.subject
    where int_scores_z.z is not null
),

configured as (
    select * from cfg_va_pairs
),

exam_sizes as (
    select
        exam_key,
        any_value(exam_id) as exam_id,
        any_value(subject) as subject,
        any_value(exam_date) as exam_date,
        count(*) as n_students
    from scored
    group by exam_key
),

-- every earlier exam of the same subject, with how many of the later exam's students it links: joined and grouped
-- on the integer keys (int_student_keys; province 19.6 → 7.7 s for this join, pipelines/bench/NOTES.md)
links as (
    select
        later.exam_key,
        earlier.exam_key as prior_exam_key,
        count(*) as n_linked
    from scored as later
    inner join scored as earlier
        on later.subject = earlier.subject
        and later.student_key = earlier.student_key
        and earlier.exam_date < later.exam_date
    group by later.exam_key, earlier.exam_key
),

candidates as (
    select
        prior_sizes.exam_id as prior_exam_id,
        later_sizes.exam_id,
        later_sizes.subject,
        prior_sizes.exam_date as prior_exam_date,
        later_sizes.exam_date,
        later_sizes.n_students,
        links.n_linked,
        links.prior_exam_key,
        links.exam_key
    from links
    inner join exam_sizes as later_sizes
        on links.exam_key = later_sizes.exam_key
    inner join exam_sizes as prior_sizes
        on links.prior_exam_key = prior_sizes.exam_key
),

-- docs/metrics.md: the latest earlier exam of the same subject in which at least half of its students appear
default_pairs as (
    select *, 'default' as pair_source
    from candidates
    where n_linked >= 0.5 * n_students
    qualify row_number() over (partition by exam_id, subject order by prior_exam_date desc, prior_exam_id desc) = 1
),

configured_pairs as (
    select candidates.*, 'config' as pair_source
    from candidates
    inner join configured
        on candidates.prior_exam_id = configured.prior_exam_id
        and candidates.exam_id = configured.exam_id
        and (configured.subject is null or candidates.subject = configured.subject)
),

final as (
    select
        prior_exam_id, exam_id, subject, prior_exam_date, exam_date, n_students, n_linked, pair_source,
        -- the two exams' keys, on which int_va_links joins their scores
        prior_exam_key, exam_key
    from default_pairs
    where not exists (select 1 from configured)
    union all
    select
        prior_exam_id, exam_id, subject, prior_exam_date, exam_date, n_students, n_linked, pair_source,
        -- the two exams' keys, on which int_va_links joins their scores
        prior_exam_key, exam_key
    from configured_pairs
)

select * from final
