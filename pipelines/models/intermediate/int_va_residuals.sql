-- int_va_residuals: each linked student's residual from the pair's contextual value-added regression (not published: holds student ids)
-- z_now = α_c + b_w·(z_prior − z̄_prior,j) + b_B·z̄_prior,j + r, where z̄_prior,j is the mean prior z of the student's school's linked
-- students and c the school's context cell (its locality where every locality of the pair has at least 5 schools, else 'all');
-- OLS over every linked student of the pair (docs/metrics.md "Value-added").
-- grain: prior exam × exam × subject × student
-- key: prior_exam_id, exam_id, subject, student_id
-- materialized: view
-- A view, not a table: every reader sums it per school, through int_va_schools. Stored, its 27 M rows at province
-- scale took most of the model's time to write (pipelines/bench/NOTES.md); read once by int_va_schools, the
-- regression is computed once either way.
with pairs as (
    select * from int_va_pairs
),

scored as (
    select * from int_scores_z where z is not null
),

-- read several times: computed once
linked as materialized (
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
        -- the student's school at the prior exam: whether a school's linked students all stayed (the disclosure
        -- registry's vaLinksSql), read here where the prior score is joined anyway
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

-- the school-level context: the mean prior z of the school's linked students (z̄_prior,j) and their mean later z
school_means as materialized (
    select
        prior_exam_id,
        exam_id,
        subject,
        school_id,
        any_value(locality) as locality,
        count(*) as n_j,
        -- exact sums, order-free at any thread count (exact_* macros, pipelines/models/runner.ts)
        exact_avg(z_prior) as mean_prior,
        exact_avg(z_now) as mean_now
    from linked
    group by prior_exam_id, exam_id, subject, school_id
),

-- locality intercepts only where each locality of the pair has at least 5 schools: with fewer, a locality's
-- intercept would absorb its few schools' own effects (one school alone in its locality would get 0 by construction)
context_choice as (
    select
        prior_exam_id,
        exam_id,
        subject,
        min(n_schools) >= 5 as by_locality,
        -- the school-mean term needs schools to fit it: with fewer than 5 it is left out (b_B = b_w), since with as
        -- many schools as school-level parameters the fit is exact and every school's value-added is 0 by construction
        sum(n_schools) >= 5 as with_school_mean
    from (
        select prior_exam_id, exam_id, subject, coalesce(locality, 'unknown') as locality, count(*) as n_schools
        from school_means
        group by all
    )
    group by prior_exam_id, exam_id, subject
),

cells as (
    select
        school_means.*,
        case when context_choice.by_locality then coalesce(school_means.locality, 'unknown') else 'all' end as context_cell,
        context_choice.with_school_mean
    from school_means
    inner join context_choice
        on school_means.prior_exam_id = context_choice.prior_exam_id
        and school_means.exam_id = context_choice.exam_id
        and school_means.subject = context_choice.subject
),

-- each context cell's student-weighted means of z̄_prior,j and z̄_now,j (= the cell's student means)
cell_means as (
    select
        prior_exam_id,
        exam_id,
        subject,
        context_cell,
        exact_sum(n_j * mean_prior) / sum(n_j) as cell_prior,
        exact_sum(n_j * mean_now) / sum(n_j) as cell_now
    from cells
    group by all
),

-- the between-school slope b_B: student-weighted regression of z̄_now,j on z̄_prior,j within context cells
-- (the school-level normal equations of the OLS above, Frisch–Waugh–Lovell: the cell intercepts partialled out)
between_fit as (
    select
        cells.prior_exam_id,
        cells.exam_id,
        cells.subject,
        count(*) as n_schools,
        case when bool_and(cells.with_school_mean) then
            exact_sum(cells.n_j * (cells.mean_prior - cell_means.cell_prior) * (cells.mean_now - cell_means.cell_now))
                / nullif(exact_sum(cells.n_j * pow(cells.mean_prior - cell_means.cell_prior, 2)), 0)
        end as slope_between
    from cells
    inner join cell_means
        on cells.prior_exam_id = cell_means.prior_exam_id
        and cells.exam_id = cell_means.exam_id
        and cells.subject = cell_means.subject
        and cells.context_cell = cell_means.context_cell
    group by cells.prior_exam_id, cells.exam_id, cells.subject
),

-- the pupil-level slope b_w: the within-school regression of z_now on z_prior (the coefficient of z_prior once the
-- school mean is in the model, Mundlak 1978)
within_fit as (
    select
        linked.prior_exam_id,
        linked.exam_id,
        linked.subject,
        count(*) as n_linked,
        exact_sum((linked.z_prior - school_means.mean_prior) * (linked.z_now - school_means.mean_now))
            / nullif(exact_sum(pow(linked.z_prior - school_means.mean_prior, 2)), 0) as slope
    from linked
    inner join school_means
        on linked.prior_exam_id = school_means.prior_exam_id
        and linked.exam_id = school_means.exam_id
        and linked.subject = school_means.subject
        and linked.school_id = school_means.school_id
    group by linked.prior_exam_id, linked.exam_id, linked.subject
),

-- one row per school: its cell, the pair's slopes (b_B falls back to b_w where the schools' prior means do not vary)
-- and its cell's intercept α_c = z̄_now,c − b_B·z̄_prior,c
school_fit as (
    select
        cells.prior_exam_id,
        cells.exam_id,
        cells.subject,
        cells.school_id,
        cells.context_cell,
        cells.mean_prior,
        -- whether b_B was fitted (else b_B = b_w): the school-mean normal equation holds only then (disclosure registry)
        cells.with_school_mean and between_fit.slope_between is not null as with_school_mean,
        within_fit.n_linked,
        between_fit.n_schools,
        within_fit.slope,
        coalesce(between_fit.slope_between, within_fit.slope) as slope_between,
        cell_means.cell_now - coalesce(between_fit.slope_between, within_fit.slope) * cell_means.cell_prior as intercept
    from cells
    inner join cell_means
        on cells.prior_exam_id = cell_means.prior_exam_id
        and cells.exam_id = cell_means.exam_id
        and cells.subject = cell_means.subject
        and cells.context_cell = cell_means.context_cell
    inner join between_fit
        on cells.prior_exam_id = between_fit.prior_exam_id
        and cells.exam_id = between_fit.exam_id
        and cells.subject = between_fit.subject
    inner join within_fit
        on cells.prior_exam_id = within_fit.prior_exam_id
        and cells.exam_id = within_fit.exam_id
        and cells.subject = within_fit.subject
),

residuals as (
    select
        linked.*,
        school_fit.context_cell,
        school_fit.with_school_mean,
        school_fit.mean_prior as school_mean_prior,
        school_fit.n_linked,
        school_fit.n_schools,
        school_fit.intercept,
        school_fit.slope,
        school_fit.slope_between,
        -- r = z_now − α_c − b_w·(z_prior − z̄_prior,j) − b_B·z̄_prior,j; a school's Σ r = Σ z_now − b_B·Σ z_prior − n_j·α_c
        linked.z_now
            - school_fit.intercept
            - coalesce(school_fit.slope, 0) * (linked.z_prior - school_fit.mean_prior)
            - school_fit.slope_between * school_fit.mean_prior as residual
    from linked
    inner join school_fit
        on linked.prior_exam_id = school_fit.prior_exam_id
        and linked.exam_id = school_fit.exam_id
        and linked.subject = school_fit.subject
        and linked.school_id = school_fit.school_id
),

final as (
    select * from residuals
)

select * from final
