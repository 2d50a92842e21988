-- exam_school: the bureau's 三率一分 per school in an exam subject (mean, excellent, pass and low rates) and the mean z-score
-- grain: exam × subject × school
-- key: exam_id, subject, school_id
with scores as (
    select * from int_scores_z
),

exams as (
    select * from stg_exams
),

exam_schools as (
    select * from int_exam_schools
),

moments as (
    select * from int_school_score_moments
),

settings as (
    select * from cfg_settings
),

-- 三率 cut-offs of each exam subject: shares of full marks (config score_bands; rounded to avoid 0.85 × 100 = 85.000…01)
cutoffs as (
    select
        exams.exam_id,
        exams.subject,
        round(settings.excellent_share * exams.full_marks, 6) as excellent_cut,
        round(settings.pass_share * exams.full_marks, 6) as pass_cut,
        round(settings.low_share * exams.full_marks, 6) as low_cut
    from exams
    cross join settings
),

-- the counts from the students; the mean, sd and mean z from int_school_score_moments, which sums the same present
-- students exactly (exact_* macros, pipelines/models/runner.ts) for the marts that pool schools: the same doubles,
-- without a second pass of 128-bit sums over every score row (province: NOTES.md). A school whose students were all
-- absent has no moments: its mean, sd and mean z stay empty
counts as (
    select
        scores.exam_id,
        scores.subject,
        scores.school_id,
        count(*) filter (where not scores.has_score) as n_absent,
        count(*) filter (where scores.has_score and scores.score >= cutoffs.excellent_cut) as n_excellent,
        count(*) filter (where scores.has_score and scores.score >= cutoffs.pass_cut) as n_pass,
        count(*) filter (where scores.has_score and scores.score < cutoffs.low_cut) as n_low
    from scores
    inner join cutoffs
        on scores.exam_id = cutoffs.exam_id
        and scores.subject = cutoffs.subject
    group by scores.exam_id, scores.subject, scores.school_id
),

school_scores as (
    select
        counts.exam_id,
        counts.subject,
        counts.school_id,
        coalesce(moments.n_scores, 0) as n_students,
        counts.n_absent,
        moments.mean_score,
        moments.sd_score,
        counts.n_excellent,
        counts.n_pass,
        counts.n_low,
        moments.mean_z
    from counts
    left join moments
        on counts.exam_id = moments.exam_id
        and counts.subject = moments.subject
        and counts.school_id = moments.school_id
),

-- the exam's labels (stg_exams) and the school as reported in its latest period among these scores (int_exam_schools)
labelled as (
    select
        school_scores.*,
        exams.exam_name,
        exams.exam_date,
        exams.grade,
        exams.full_marks,
        exams.scope as exam_scope,
        exam_schools.school_name,
        exam_schools.county,
        exam_schools.locality
    from school_scores
    inner join exams
        on school_scores.exam_id = exams.exam_id
        and school_scores.subject = exams.subject
    inner join exam_schools
        on school_scores.exam_id = exam_schools.exam_id
        and school_scores.subject = exam_schools.subject
        and school_scores.school_id = exam_schools.school_id
),

-- suppression: values from fewer than min_n students are not published (docs/metrics.md)
final as (
    select
        labelled.exam_id,
        labelled.subject,
        labelled.school_id,
        labelled.exam_name,
        labelled.exam_date,
        labelled.grade,
        labelled.full_marks::double as full_marks,
        -- district | group | school: which kind of exam, so that a chart can say which exam each point is
        labelled.exam_scope,
        labelled.school_name,
        labelled.county,
        labelled.locality,
        labelled.n_students::integer as n_students,
        labelled.n_absent::integer as n_absent,
        labelled.n_students < settings.min_n as is_suppressed,
        case when labelled.n_students >= settings.min_n then labelled.mean_score end::double as mean_score,
        case when labelled.n_students >= settings.min_n then labelled.sd_score end::double as sd_score,
        -- 一分: mean / full marks
        case when labelled.n_students >= settings.min_n then labelled.mean_score / labelled.full_marks end::double
            as mean_rate,
        case when labelled.n_students >= settings.min_n then labelled.n_excellent / labelled.n_students end::double
            as excellent_rate,
        case when labelled.n_students >= settings.min_n then labelled.n_pass / labelled.n_students end::double
            as pass_rate,
        case when labelled.n_students >= settings.min_n then labelled.n_low / labelled.n_students end::double
            as low_rate,
        case when labelled.n_students >= settings.min_n then labelled.mean_z end::double as mean_z
    from labelled
    cross join settings
)

select * from final
