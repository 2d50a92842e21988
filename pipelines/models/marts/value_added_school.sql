-- value_added_school: each school's value-added (mean residual of its students' z-score given their prior z-score), 95% interval, reliability and shrunken estimate
-- grain: (prior_exam_id, exam_id, subject) × school
-- key: prior_exam_id, exam_id, subject, school_id
with residuals as (
    select * from int_va_residuals
),

pairs as (
    select * from int_va_pairs
),

schools as (
    select * from int_scores_z
),

settings as (
    select * from cfg_settings
),

-- va_j = mean residual of the school's linked students; se_j = σ_r / √n_j (DfE Progress 8 technical guidance)
school_effects as (
    select
        prior_exam_id,
        exam_id,
        subject,
        school_id,
        count(*) as n_students,
        avg(residual) as va,
        any_value(sigma_r) as sigma_r,
        any_value(intercept) as intercept,
        any_value(slope) as slope,
        any_value(n_linked) as n_linked
    from residuals
    group by prior_exam_id, exam_id, subject, school_id
),

-- τ² = max(0, var_j(va_j) − mean_j(σ_r²/n_j)) over every school of the pair (method of moments; sample variance)
between_variance as (
    select
        prior_exam_id,
        exam_id,
        subject,
        case
            when var_samp(va) is not null
                then greatest(0, var_samp(va) - avg(pow(sigma_r, 2) / n_students))
        end as tau_squared
    from school_effects
    group by prior_exam_id, exam_id, subject
),

school_names as (
    select
        exam_id,
        subject,
        school_id,
        any_value(school_name) as school_name,
        any_value(county) as county,
        any_value(locality) as locality
    from schools
    group by exam_id, subject, school_id
),

estimates as (
    select
        school_effects.*,
        between_variance.tau_squared,
        school_effects.sigma_r / sqrt(school_effects.n_students) as raw_se,
        -- reliability λⱼ = τ² / (τ² + σ_r²/nⱼ) (Raudenbush & Bryk, empirical Bayes)
        between_variance.tau_squared
            / nullif(between_variance.tau_squared + pow(school_effects.sigma_r, 2) / school_effects.n_students, 0)
            as raw_reliability
    from school_effects
    inner join between_variance
        on school_effects.prior_exam_id = between_variance.prior_exam_id
        and school_effects.exam_id = between_variance.exam_id
        and school_effects.subject = between_variance.subject
),

flagged as (
    select
        estimates.*,
        estimates.n_students < settings.min_n as is_suppressed,
        estimates.va - 1.96 * estimates.raw_se as raw_ci_low,
        estimates.va + 1.96 * estimates.raw_se as raw_ci_high
    from estimates
    cross join settings
),

final as (
    select
        flagged.prior_exam_id,
        flagged.exam_id,
        flagged.subject,
        flagged.school_id,
        school_names.school_name,
        school_names.county,
        school_names.locality,
        flagged.n_students::integer as n_students,
        flagged.is_suppressed,
        case when not flagged.is_suppressed then flagged.va end::double as va,
        case when not flagged.is_suppressed then flagged.raw_se end::double as se,
        -- 95% interval va ∓ 1.96·se (Progress 8)
        case when not flagged.is_suppressed then flagged.raw_ci_low end::double as ci_low,
        case when not flagged.is_suppressed then flagged.raw_ci_high end::double as ci_high,
        case when not flagged.is_suppressed then flagged.raw_reliability end::double as reliability,
        -- shrunken estimate λⱼ·va_j
        case when not flagged.is_suppressed then flagged.raw_reliability * flagged.va end::double as va_shrunk,
        case
            when flagged.is_suppressed or flagged.raw_se is null then null
            when flagged.raw_ci_low > 0 then 'above'
            when flagged.raw_ci_high < 0 then 'below'
            else 'average'
        end as band,
        pairs.pair_source,
        flagged.n_linked::integer as n_linked,
        flagged.intercept::double as intercept,
        flagged.slope::double as slope,
        flagged.sigma_r::double as sigma_r,
        flagged.tau_squared::double as tau_squared
    from flagged
    inner join pairs
        on flagged.prior_exam_id = pairs.prior_exam_id
        and flagged.exam_id = pairs.exam_id
        and flagged.subject = pairs.subject
    left join school_names
        on flagged.exam_id = school_names.exam_id
        and flagged.subject = school_names.subject
        and flagged.school_id = school_names.school_id
)

select * from final
