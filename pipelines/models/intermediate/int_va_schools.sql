-- int_va_schools: each school's linked students of a value-added pair, from one pass over the link join: the pair's contextual regression and the school's fit, its residuals' exact sum, mean and variance, how many stayed in the school
-- z_now = α_c + b_w·(z_prior − z̄_prior,j) + b_B·z̄_prior,j + r, where z̄_prior,j is the mean prior z of the school's
-- linked students and c the school's context cell (its locality where every locality of the pair has at least 5
-- schools, else 'all'); OLS over every linked student of the pair (docs/metrics.md "Value-added").
-- Everything the fit and the school's residuals need is a sum over the school's students (n, Σx, Σy, Σx², Σy², Σxy
-- with x, y the prior and later z), so the students are summed per school once and never stored: the within slope
-- is Σ_j Cxy_j / Σ_j Cxx_j over the schools' centred sums, a school's mean residual ȳ_j − α_c − b_B·x̄_j and its
-- residuals' sum of squares Cyy_j − 2·b_w·Cxy_j + b_w²·Cxx_j. int_va_residuals (a view) gives each student's
-- residual from this fit.
-- grain: (prior_exam_id, exam_id, subject) × school
-- key: prior_exam_id, exam_id, subject, school_id
with links as (
    select * from int_va_links
),

exam_schools as (
    select * from int_exam_schools
),

-- the link join summed per school: each school's sufficient statistics. The moments are exact integers (z in units of
-- 10⁻⁹, exact_nanos, pipelines/models/runner.ts), so their sums are order-free at any thread count and a centred sum
-- n·Sxx − Sx² is exactly 0 where every x of the school is equal; the means are exact sums (exact_avg)
school_sums as (
    select
        prior_exam_id,
        exam_id,
        subject,
        -- the student's school at the later exam (docs/metrics.md)
        school_id,
        count(*) as n_j,
        exact_avg(z_prior) as mean_prior,
        exact_avg(z_now) as mean_now,
        sum(exact_nanos(z_prior)) as sx,
        sum(exact_nanos(z_now)) as sy,
        sum(exact_nanos(z_prior) * exact_nanos(z_prior)) as sxx,
        sum(exact_nanos(z_now) * exact_nanos(z_now)) as syy,
        sum(exact_nanos(z_prior) * exact_nanos(z_now)) as sxy,
        -- linked students whose school at the prior exam was this one (the disclosure registry's vaLinksSql)
        count(*) filter (where prior_school_id = school_id) as n_stayed
    from links
    group by prior_exam_id, exam_id, subject, school_id
),

-- the school's centred sums Σ(x − x̄_j)², Σ(y − ȳ_j)², Σ(x − x̄_j)(y − ȳ_j): (n·S.. − S.·S.)/n, exact integers
-- until the one rounding to a double (through the text, as exact_value), in z units
-- and the school's locality as reported in its latest period among its scores of the later exam (int_exam_schools)
school_means as (
    select
        school_sums.*,
        exam_schools.locality,
        (school_sums.n_j * school_sums.sxx - school_sums.sx * school_sums.sx)::varchar::double / school_sums.n_j / 1e18
            as cxx,
        (school_sums.n_j * school_sums.syy - school_sums.sy * school_sums.sy)::varchar::double / school_sums.n_j / 1e18
            as cyy,
        (school_sums.n_j * school_sums.sxy - school_sums.sx * school_sums.sy)::varchar::double / school_sums.n_j / 1e18
            as cxy
    from school_sums
    inner join exam_schools
        on school_sums.exam_id = exam_schools.exam_id
        and school_sums.subject = exam_schools.subject
        and school_sums.school_id = exam_schools.school_id
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

-- each school with its cell's means
celled as (
    select
        cells.*,
        cell_means.cell_prior,
        cell_means.cell_now
    from cells
    inner join cell_means
        on cells.prior_exam_id = cell_means.prior_exam_id
        and cells.exam_id = cell_means.exam_id
        and cells.subject = cell_means.subject
        and cells.context_cell = cell_means.context_cell
),

-- the between-school slope b_B: student-weighted regression of z̄_now,j on z̄_prior,j within context cells
-- (the school-level normal equations of the OLS above, Frisch–Waugh–Lovell: the cell intercepts partialled out)
between_fit as (
    select
        prior_exam_id,
        exam_id,
        subject,
        case when bool_and(with_school_mean) then
            exact_sum(n_j * (mean_prior - cell_prior) * (mean_now - cell_now))
                / nullif(exact_sum(n_j * pow(mean_prior - cell_prior, 2)), 0)
        end as slope_between
    from celled
    group by prior_exam_id, exam_id, subject
),

-- the pupil-level slope b_w: the within-school regression of z_now on z_prior (the coefficient of z_prior once the
-- school mean is in the model, Mundlak 1978), Σ_j Cxy_j / Σ_j Cxx_j; NULL where no school's prior z vary
within_fit as (
    select
        prior_exam_id,
        exam_id,
        subject,
        sum(n_j) as n_linked,
        exact_sum(cxy) / nullif(exact_sum(cxx), 0) as slope
    from school_means
    group by prior_exam_id, exam_id, subject
),

-- each school's fit: its cell, the pair's slopes (b_B falls back to b_w where the schools' prior means do not vary)
-- and its cell's intercept α_c = z̄_now,c − b_B·z̄_prior,c
school_fit as (
    select
        celled.*,
        -- whether b_B was fitted (else b_B = b_w): the school-mean normal equation holds only then (disclosure registry)
        celled.with_school_mean and between_fit.slope_between is not null as fitted_school_mean,
        within_fit.n_linked,
        within_fit.slope,
        coalesce(between_fit.slope_between, within_fit.slope) as fitted_slope_between,
        celled.cell_now - coalesce(between_fit.slope_between, within_fit.slope) * celled.cell_prior as intercept
    from celled
    inner join between_fit
        on celled.prior_exam_id = between_fit.prior_exam_id
        and celled.exam_id = between_fit.exam_id
        and celled.subject = between_fit.subject
    inner join within_fit
        on celled.prior_exam_id = within_fit.prior_exam_id
        and celled.exam_id = within_fit.exam_id
        and celled.subject = within_fit.subject
),

-- the school's residuals r = z_now − α_c − b_w·(z_prior − z̄_prior,j) − b_B·z̄_prior,j: the pupil term sums to 0 within
-- the school, so their mean is z̄_now,j − α_c − b_B·z̄_prior,j, and r − r̄ = (y − ȳ_j) − b_w·(x − x̄_j) gives their sum
-- of squares Cyy − 2·b_w·Cxy + b_w²·Cxx (b_w taken as 0 where it is NULL, as in int_va_residuals)
residual_sums as (
    select
        *,
        mean_now - intercept - fitted_slope_between * mean_prior as va,
        cyy - 2 * coalesce(slope, 0) * cxy + pow(coalesce(slope, 0), 2) * cxx as ss_residual
    from school_fit
),

final as (
    select
        prior_exam_id,
        exam_id,
        subject,
        school_id,
        n_j as n_students,
        -- the residuals exist where the fit does (b_B and α_c not NULL)
        case when va is not null then n_j else 0 end as n_residuals,
        -- Σ residual as exact units (exact_units, pipelines/models/runner.ts): a hugeint, so a group's sum over its
        -- schools is exactly the sum of its schools' (value_added_group)
        exact_units(n_j * va) as residual_units,
        va,
        -- σ_j², the sample variance (n_j − 1) of the school's own residuals. The sum of squares is a difference of
        -- doubles: where it is below 10⁻¹² of its terms it is rounding (residuals all equal), so 0, never a tiny
        -- variance that would give a school an se and a p-value it does not have
        case when va is not null and n_j > 1 then
            case when ss_residual <= 1e-12 * (cyy + pow(coalesce(slope, 0), 2) * cxx) then 0
                else ss_residual end / (n_j - 1)
        end as var_residual,
        n_stayed,
        context_cell,
        fitted_school_mean as with_school_mean,
        mean_prior,
        intercept,
        slope,
        fitted_slope_between as slope_between,
        n_linked
    from residual_sums
)

select * from final
