-- int_va_residuals: each linked student's residual from the pair's contextual value-added regression (not published: student level)
-- r = z_now − α_c − b_w·(z_prior − z̄_prior,j) − b_B·z̄_prior,j, with the fit of the student's school j from
-- int_va_schools, where the regression is computed from the schools' sums (docs/metrics.md "Value-added").
-- grain: prior exam × exam × subject × student
-- key: prior_exam_id, exam_id, subject, student_key
-- materialized: view
-- A view, not a table: no model reads it (int_va_schools sums the students per school itself); it is the student-level
-- check of the fit (test/models/int_va_schools.test.ts, the disclosure benchmark), computed only when read.
with linked as (
    select * from int_va_links
),

fit as (
    select * from int_va_schools
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
