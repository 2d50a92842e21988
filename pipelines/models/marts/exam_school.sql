-- exam_school: the bureau's 三率一分 per school in an exam subject (mean, excellent, pass and low rates) and the mean z-score
-- grain: exam × subject × school
-- key: exam_id, subject, school_id
with scores as (
    select * from int_scores_z
),

settings as (
    select * from cfg_settings
),

school_scores as (
    select
        scores.exam_id,
        scores.subject,
        scores.school_id,
        any_value(scores.exam_name) as exam_name,
        any_value(scores.exam_date) as exam_date,
        any_value(scores.grade) as grade,
        any_value(scores.full_marks) as full_marks,
        any_value(scores.exam_scope) as exam_scope,
        -- the school as reported in its latest period among these scores (any_value could pick either of two)
        arg_max(scores.school_name, scores.period) as school_name,
        arg_max(scores.county, scores.period) as county,
        arg_max(scores.locality, scores.period) as locality,
        count(*) filter (where scores.has_score) as n_students,
        count(*) filter (where not scores.has_score) as n_absent,
        -- exact sums, order-free at any thread count (exact_* macros, pipelines/models/runner.ts)
        exact_avg(case when scores.has_score then scores.score end) as mean_score,
        exact_stddev_samp(case when scores.has_score then scores.score end) as sd_score,
        -- 三率: cut-offs are shares of full marks (config score_bands; rounded to avoid 0.85 × 100 = 85.000…01)
        count(*) filter (where scores.has_score and scores.score >= round(settings.excellent_share * scores.full_marks, 6))
            as n_excellent,
        count(*) filter (where scores.has_score and scores.score >= round(settings.pass_share * scores.full_marks, 6)) as n_pass,
        count(*) filter (where scores.has_score and scores.score < round(settings.low_share * scores.full_marks, 6)) as n_low,
        exact_avg(case when scores.has_score then scores.z end) as mean_z
    from scores
    cross join settings
    group by scores.exam_id, scores.subject, scores.school_id
),

-- suppression: values from fewer than min_n students are not published (docs/metrics.md)
final as (
    select
        school_scores.exam_id,
        school_scores.subject,
        school_scores.school_id,
        school_scores.exam_name,
        school_scores.exam_date,
        school_scores.grade,
        school_scores.full_marks::double as full_marks,
        -- district | group | school: which kind of exam, so that a chart can say which exam each point is
        school_scores.exam_scope,
        school_scores.school_name,
        school_scores.county,
        school_scores.locality,
        school_scores.n_students::integer as n_students,
        school_scores.n_absent::integer as n_absent,
        school_scores.n_students < settings.min_n as is_suppressed,
        case when school_scores.n_students >= settings.min_n then school_scores.mean_score end::double as mean_score,
        case when school_scores.n_students >= settings.min_n then school_scores.sd_score end::double as sd_score,
        -- 一分: mean / full marks
        case when school_scores.n_students >= settings.min_n then school_scores.mean_score / school_scores.full_marks end::double
            as mean_rate,
        case when school_scores.n_students >= settings.min_n then school_scores.n_excellent / school_scores.n_students end::double
            as excellent_rate,
        case when school_scores.n_students >= settings.min_n then school_scores.n_pass / school_scores.n_students end::double
            as pass_rate,
        case when school_scores.n_students >= settings.min_n then school_scores.n_low / school_scores.n_students end::double
            as low_rate,
        case when school_scores.n_students >= settings.min_n then school_scores.mean_z end::double as mean_z
    from school_scores
    cross join settings
)

select * from final
