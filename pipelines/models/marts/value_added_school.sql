-- value_added_school: each school's contextual value-added (mean residual of its students given their prior z-score, its
-- school mean prior and its context cell), its 95% interval, and the empirical-Bayes estimate shrunk toward the grand mean
-- with its 95% posterior interval; bands from the posterior interval
-- grain: (prior_exam_id, exam_id, subject) × school
-- key: prior_exam_id, exam_id, subject, school_id
with va_schools as (
    select * from int_va_schools
),

pairs as (
    select * from int_va_pairs
),

-- the school as reported in its latest period among its scores of the later exam
exam_schools as (
    select * from int_exam_schools
),

settings as (
    select * from cfg_settings
),

-- va_j = mean residual of the school's linked students; s_j² = σ_j²/n_j with σ_j the sd of the school's own residuals
-- (sample sd, n_j − 1): school residual sds differ, so no pooled σ (docs/metrics.md "Value-added")
school_effects as (
    select
        prior_exam_id,
        exam_id,
        subject,
        school_id,
        n_students,
        -- exact sums over the school's linked students (int_va_schools), order-free at any thread count
        va,
        sqrt(var_residual) as sd_residual,
        context_cell,
        with_school_mean,
        intercept,
        slope,
        slope_between,
        n_linked
    from va_schools
),

with_settings as (
    select
        school_effects.*,
        pow(school_effects.sd_residual, 2) / school_effects.n_students as sampling_var,
        school_effects.n_students < settings.min_n as is_suppressed
    from school_effects
    cross join settings
),

-- the school-level regression's parameters: one intercept per context cell and the school-mean slope (where fitted)
pair_parameters as (
    select prior_exam_id, exam_id, subject,
        count(distinct context_cell) + case when bool_or(with_school_mean) then 1 else 0 end as n_parameters
    from school_effects
    group by prior_exam_id, exam_id, subject
),

-- τ² by the method of moments (unweighted, Hedges 1983; Raudenbush & Bryk 2002 §3): the spread of the schools' va
-- beyond what sampling explains, with k − p degrees of freedom for the k schools' residual means after the p
-- school-level parameters (cells' intercepts, + 1 for b_B where fitted): τ² = max(0, Σ(va_j − mean va)²/(k − p) − mean s_j²), over the schools with at least 2 students
between_variance as (
    select
        with_settings.prior_exam_id,
        with_settings.exam_id,
        with_settings.subject,
        count(*) as n_schools,
        case
            when count(*) > any_value(pair_parameters.n_parameters)
                then greatest(0, exact_m2(with_settings.va)
                    / (count(*) - any_value(pair_parameters.n_parameters)) - exact_avg(with_settings.sampling_var))
        end as tau_squared
    from with_settings
    inner join pair_parameters
        on with_settings.prior_exam_id = pair_parameters.prior_exam_id
        and with_settings.exam_id = pair_parameters.exam_id
        and with_settings.subject = pair_parameters.subject
    where with_settings.sampling_var is not null
    group by with_settings.prior_exam_id, with_settings.exam_id, with_settings.subject
),

weighted as (
    select
        with_settings.*,
        between_variance.tau_squared,
        -- precision weight w_j = 1/(τ² + s_j²) and reliability λ_j = τ²/(τ² + s_j²) (Raudenbush & Bryk 2002, eq. 3.57)
        1 / nullif(between_variance.tau_squared + with_settings.sampling_var, 0) as weight,
        between_variance.tau_squared / nullif(between_variance.tau_squared + with_settings.sampling_var, 0) as raw_reliability
    from with_settings
    left join between_variance
        on with_settings.prior_exam_id = between_variance.prior_exam_id
        and with_settings.exam_id = between_variance.exam_id
        and with_settings.subject = between_variance.subject
),

-- the grand mean μ = Σ w_j va_j / Σ w_j over the published schools (a suppressed school's va stays out of every
-- published figure but τ²): the centre of the shrinkage
grand_mean as (
    select
        prior_exam_id,
        exam_id,
        subject,
        -- weights 1/(τ² + s_j²) have no bound for a fixed scale: summed in school order instead (order-free too)
        sum(weight * va order by school_id) / nullif(sum(weight order by school_id), 0) as grand_mean,
        sum(weight order by school_id) as sum_weight
    from weighted
    where not is_suppressed and weight is not null
    group by prior_exam_id, exam_id, subject
),

-- posterior mean μ + λ_j(va_j − μ); posterior variance λ_j·s_j² + (1 − λ_j)²/Σw (Morris 1983: the second term is the
-- uncertainty of μ); 95% posterior interval ∓ 1.96·√variance
posterior as (
    select
        weighted.*,
        grand_mean.grand_mean,
        grand_mean.grand_mean + weighted.raw_reliability * (weighted.va - grand_mean.grand_mean) as raw_shrunk,
        sqrt(weighted.raw_reliability * weighted.sampling_var + pow(1 - weighted.raw_reliability, 2) / grand_mean.sum_weight)
            as raw_post_se
    from weighted
    left join grand_mean
        on weighted.prior_exam_id = grand_mean.prior_exam_id
        and weighted.exam_id = grand_mean.exam_id
        and weighted.subject = grand_mean.subject
),

-- multiple comparisons: p_j = 2·(1 − Φ(|va_j − μ|/s_j)), Φ by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7); Benjamini–
-- Hochberg q_j = min over p_(i) ≥ p_j of p_(i)·m/rank_i among the pair's m published schools (false discovery rate)
tested as (
    select
        posterior.*,
        abs(posterior.va - posterior.grand_mean) / nullif(sqrt(posterior.sampling_var), 0) / sqrt(2) as x
    from posterior
),

p_values as (
    select
        tested.*,
        case when x is not null then
            (1 / (1 + 0.3275911 * x)) * (0.254829592 + (1 / (1 + 0.3275911 * x)) * (-0.284496736 + (1 / (1 + 0.3275911 * x))
                * (1.421413741 + (1 / (1 + 0.3275911 * x)) * (-1.453152027 + (1 / (1 + 0.3275911 * x)) * 1.061405429))))
                * exp(-x * x)
        end as p_value
    from tested
),

ranked as (
    select
        p_values.*,
        p_value * count(*) over pair_tests / row_number() over (pair_tests order by p_value, school_id) as bh_raw
    from p_values
    where not is_suppressed and p_value is not null
    window pair_tests as (partition by prior_exam_id, exam_id, subject)
),

q_values as (
    select
        prior_exam_id,
        exam_id,
        subject,
        school_id,
        least(1, min(bh_raw) over (
            partition by prior_exam_id, exam_id, subject order by p_value desc, school_id desc
            rows between unbounded preceding and current row
        )) as q_value
    from ranked
),

final as (
    select
        p_values.prior_exam_id,
        p_values.exam_id,
        p_values.subject,
        p_values.school_id,
        exam_schools.school_name,
        exam_schools.county,
        exam_schools.locality,
        p_values.n_students::integer as n_students,
        p_values.is_suppressed,
        case when not p_values.is_suppressed then p_values.va end::double as va,
        -- se_j = σ_j/√n_j (the school's own residual sd)
        case when not p_values.is_suppressed then sqrt(p_values.sampling_var) end::double as se,
        -- 95% interval of the raw estimate va ∓ 1.96·se (DfE Progress 8)
        case when not p_values.is_suppressed then p_values.va - 1.96 * sqrt(p_values.sampling_var) end::double as ci_low,
        case when not p_values.is_suppressed then p_values.va + 1.96 * sqrt(p_values.sampling_var) end::double as ci_high,
        case when not p_values.is_suppressed then p_values.raw_reliability end::double as reliability,
        case when not p_values.is_suppressed then p_values.raw_shrunk end::double as va_shrunk,
        case when not p_values.is_suppressed then p_values.raw_post_se end::double as va_shrunk_se,
        case when not p_values.is_suppressed then p_values.raw_shrunk - 1.96 * p_values.raw_post_se end::double as va_shrunk_low,
        case when not p_values.is_suppressed then p_values.raw_shrunk + 1.96 * p_values.raw_post_se end::double as va_shrunk_high,
        -- above / below: the 95% posterior interval lies wholly above / below the grand mean; else not distinguishable
        case
            when p_values.is_suppressed or p_values.raw_post_se is null then null
            when p_values.raw_shrunk - 1.96 * p_values.raw_post_se > p_values.grand_mean then 'above'
            when p_values.raw_shrunk + 1.96 * p_values.raw_post_se < p_values.grand_mean then 'below'
            else 'average'
        end as band,
        case when not p_values.is_suppressed then p_values.p_value end::double as p_value,
        q_values.q_value::double as q_value,
        p_values.context_cell,
        pairs.pair_source,
        p_values.n_linked::integer as n_linked,
        p_values.intercept::double as intercept,
        p_values.slope::double as slope,
        p_values.slope_between::double as slope_between,
        case when not p_values.is_suppressed then p_values.sd_residual end::double as sd_residual,
        p_values.tau_squared::double as tau_squared,
        p_values.grand_mean::double as grand_mean
    from p_values
    inner join pairs
        on p_values.prior_exam_id = pairs.prior_exam_id
        and p_values.exam_id = pairs.exam_id
        and p_values.subject = pairs.subject
    left join q_values
        on p_values.prior_exam_id = q_values.prior_exam_id
        and p_values.exam_id = q_values.exam_id
        and p_values.subject = q_values.subject
        and p_values.school_id = q_values.school_id
    left join exam_schools
        on p_values.exam_id = exam_schools.exam_id
        and p_values.subject = exam_schools.subject
        and p_values.school_id = exam_schools.school_id
)

select * from final
