-- int_va_residuals: each linked student's residual from the pair's regression z_now = a + b·z_prior (not published: holds student ids)
-- grain: prior exam × exam × subject × student
-- key: prior_exam_id, exam_id, subject, student_id
with pairs as (
    select * from int_va_pairs
),

scored as (
    select * from int_scores_z where z is not null
),

-- read twice, by the fits and by the residuals: computed once
linked as materialized (
    select
        pairs.prior_exam_id,
        pairs.exam_id,
        pairs.subject,
        pairs.exam_date,
        now_scores.student_id,
        -- the student's school at the later exam (docs/metrics.md)
        now_scores.school_id,
        now_scores.z as z_now,
        prior_scores.z as z_prior
    from pairs
    inner join scored as now_scores
        on pairs.exam_id = now_scores.exam_id
        and pairs.subject = now_scores.subject
    inner join scored as prior_scores
        on pairs.prior_exam_id = prior_scores.exam_id
        and pairs.subject = prior_scores.subject
        and now_scores.student_id = prior_scores.student_id
),

-- ordinary least squares over every linked student of the pair
fits as (
    select
        prior_exam_id,
        exam_id,
        subject,
        count(*) as n_linked,
        regr_intercept(z_now, z_prior) as intercept,
        regr_slope(z_now, z_prior) as slope,
        -- σ_r: the sd of all residuals of the pair (docs/metrics.md; sample sd, n − 1). OLS residuals have mean 0 and
        -- sum of squares Syy − Sxy²/Sxx, so no second pass over the students is needed
        sqrt(greatest(regr_syy(z_now, z_prior) - pow(regr_sxy(z_now, z_prior), 2) / nullif(regr_sxx(z_now, z_prior), 0), 0)
            / nullif(count(*) - 1, 0)) as sigma_r
    from linked
    group by prior_exam_id, exam_id, subject
),

residuals as (
    select
        linked.*,
        fits.n_linked,
        fits.intercept,
        fits.slope,
        linked.z_now - (fits.intercept + fits.slope * linked.z_prior) as residual,
        fits.sigma_r
    from linked
    inner join fits
        on linked.prior_exam_id = fits.prior_exam_id
        and linked.exam_id = fits.exam_id
        and linked.subject = fits.subject
),

final as (
    select * from residuals
)

select * from final
