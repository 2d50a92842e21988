-- int_va_residuals: each linked student's residual from the pair's contextual value-added regression (not published: holds student ids)
-- r = z_now − α_c − b_w·(z_prior − z̄_prior,j) − b_B·z̄_prior,j, with the fit of the student's school j from
-- int_va_schools, where the regression is computed from the schools' sums (docs/metrics.md "Value-added").
-- grain: prior exam × exam × subject × student
-- key: prior_exam_id, exam_id, subject, student_id
-- materialized: view
-- A view, not a table: no model reads it (int_va_schools sums the students per school itself); it is the student-level
-- check of the fit (the statsmodels test, the disclosure benchmark), computed only when read.
with pairs as (
    select * from int_va_pairs
),

scored as (
    select * from int_scores_z where z is not null
),

fit as (
    select * from int_va_schools
),

linked as (
    select
        pairs.prior_exam_id,
        pairs.exam_id,
        pairs.subject,
        pairs.exam_date,
        now_scores.student_id,
        -- the student's school at the later exam (docs/metrics.md), and that school's locality
        now_scores.school_id,
        now_scores.locality,
        now_scores.z as z_now,
        prior_scores.z as z_prior,
        -- the student's school at the prior exam
        prior_scores.school_id as prior_school_id
    from pairs
    inner join scored as now_scores
        on pairs.exam_id = now_scores.exam_id
        and pairs.subject = now_scores.subject
    inner join scored as prior_scores
        on pairs.prior_exam_id = prior_scores.exam_id
        and pairs.subject = prior_scores.subject
        and now_scores.student_id = prior_scores.student_id
),

residuals as (
    select
        linked.*,
        fit.context_cell,
        fit.with_school_mean,
        fit.mean_prior as school_mean_prior,
        fit.n_linked,
        fit.intercept,
        fit.slope,
        fit.slope_between,
        linked.z_now
            - fit.intercept
            - coalesce(fit.slope, 0) * (linked.z_prior - fit.mean_prior)
            - fit.slope_between * fit.mean_prior as residual
    from linked
    inner join fit
        on linked.prior_exam_id = fit.prior_exam_id
        and linked.exam_id = fit.exam_id
        and linked.subject = fit.subject
        and linked.school_id = fit.school_id
),

final as (
    select * from residuals
)

select * from final
