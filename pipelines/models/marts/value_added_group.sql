-- value_added_group: a group's value-added over its schools' linked students, and its lead school minus its members
-- grain: (prior_exam_id, exam_id, subject) × group
-- key: prior_exam_id, exam_id, subject, group_id
with residuals as (
    select * from int_va_residuals
),

exam_memberships as (
    select * from int_exam_memberships
),

settings as (
    select * from cfg_settings
),

-- the pair's between-school variance τ² (value_added_school: method of moments over the pair's schools), and
-- Student's t for the lead − members interval
pair_tau as (
    select prior_exam_id, exam_id, subject, any_value(tau_squared) as tau_squared
    from value_added_school
    group by prior_exam_id, exam_id, subject
),

t_quantiles as (
    select * from int_t_quantiles
),

-- each school's residual variance σ_j² (sample, n_j − 1): the sampling variance of a group's mean is
-- Σ_j n_j·σ_j² / n² over its schools (school residual sds differ: no pooled σ)
school_variance as (
    select prior_exam_id, exam_id, subject, school_id, coalesce(exact_var_samp(residual), 0) as var_j
    from residuals
    group by prior_exam_id, exam_id, subject, school_id
),

-- the student's school at the later exam, in the group on that exam's date
grouped as (
    select
        residuals.prior_exam_id,
        residuals.exam_id,
        residuals.subject,
        exam_memberships.group_id,
        exam_memberships.is_lead,
        residuals.school_id,
        residuals.residual,
        school_variance.var_j
    from residuals
    inner join exam_memberships
        on residuals.exam_id = exam_memberships.exam_id
        and residuals.subject = exam_memberships.subject
        and residuals.school_id = exam_memberships.school_id
    inner join school_variance
        on residuals.prior_exam_id = school_variance.prior_exam_id
        and residuals.exam_id = school_variance.exam_id
        and residuals.subject = school_variance.subject
        and residuals.school_id = school_variance.school_id
),

-- the members' side as schools: their number and Σ n_j² (the weight of τ² in the variance of their
-- student-weighted mean, Σ_j (n_j/n)²·τ²)
member_schools as (
    select prior_exam_id, exam_id, subject, group_id, count(*) as n_member_schools, sum(n_j * n_j) as sum_nj2
    from (
        select prior_exam_id, exam_id, subject, group_id, school_id, count(*) as n_j
        from grouped
        where not is_lead
        group by prior_exam_id, exam_id, subject, group_id, school_id
    )
    group by prior_exam_id, exam_id, subject, group_id
),

group_effects as (
    select
        prior_exam_id,
        exam_id,
        subject,
        group_id,
        count(*) as n_students,
        count(*) filter (where is_lead) as n_lead,
        count(*) filter (where not is_lead) as n_members,
        -- exact sums, order-free at any thread count (exact_* macros, pipelines/models/runner.ts)
        exact_avg(residual) as va,
        exact_avg(case when is_lead then residual end) as va_lead,
        exact_avg(case when not is_lead then residual end) as va_members,
        -- Σ over students of σ_j² = Σ_j n_j·σ_j²
        exact_sum(var_j) as sum_var,
        exact_sum(case when is_lead then var_j end) as sum_var_lead,
        exact_sum(case when not is_lead then var_j end) as sum_var_members
    from grouped
    group by prior_exam_id, exam_id, subject, group_id
),

flagged as (
    select
        group_effects.*,
        group_effects.n_students < settings.min_n as is_suppressed,
        group_effects.n_lead < settings.min_n or group_effects.n_members < settings.min_n as is_lead_members_suppressed,
        -- se = √(Σ_j n_j·σ_j²) / n (the group's schools fixed; the school residual variances their own)
        sqrt(group_effects.sum_var) / group_effects.n_students as raw_se,
        -- lead − members with schools as a sample (docs/metrics.md value_added_group): each side's sampling
        -- variance plus the between-school variance τ² of the pair — the lead is one school (+ τ²), the members'
        -- mean weighs its schools by students (+ τ²·Σ n_j²/n_members²); the interval uses t with as many degrees of
        -- freedom as member schools (schools − 1), none when the members are one school
        sqrt(group_effects.sum_var_lead / pow(nullif(group_effects.n_lead, 0), 2)
            + group_effects.sum_var_members / pow(nullif(group_effects.n_members, 0), 2)
            + coalesce(pair_tau.tau_squared, 0) * (1 + member_schools.sum_nj2 / pow(nullif(group_effects.n_members, 0), 2))) as raw_lead_members_se,
        case when member_schools.n_member_schools >= 2 then coalesce(t_quantiles.t_975, 1.959964) end as lead_members_t
    from group_effects
    cross join settings
    left join pair_tau
        on group_effects.prior_exam_id = pair_tau.prior_exam_id
        and group_effects.exam_id = pair_tau.exam_id
        and group_effects.subject = pair_tau.subject
    left join member_schools
        on group_effects.prior_exam_id = member_schools.prior_exam_id
        and group_effects.exam_id = member_schools.exam_id
        and group_effects.subject = member_schools.subject
        and group_effects.group_id = member_schools.group_id
    left join t_quantiles
        on member_schools.n_member_schools = t_quantiles.df
),

final as (
    select
        prior_exam_id,
        exam_id,
        subject,
        group_id,
        n_students::integer as n_students,
        n_lead::integer as n_lead,
        n_members::integer as n_members,
        is_suppressed,
        case when not is_suppressed then va end::double as va,
        case when not is_suppressed then raw_se end::double as se,
        -- 95% interval va ∓ 1.96·se
        case when not is_suppressed then va - 1.96 * raw_se end::double as ci_low,
        case when not is_suppressed then va + 1.96 * raw_se end::double as ci_high,
        -- va of the lead's students − va of the members' (捆绑考核 of lead and members)
        case when not is_lead_members_suppressed then va_lead - va_members end::double as lead_minus_members,
        case when not is_lead_members_suppressed then raw_lead_members_se end::double as lead_minus_members_se,
        -- its 95% interval, lead_minus_members ∓ t(0.975, member schools)·lead_minus_members_se
        case when not is_lead_members_suppressed then va_lead - va_members - lead_members_t * raw_lead_members_se end::double
            as lead_minus_members_ci_low,
        case when not is_lead_members_suppressed then va_lead - va_members + lead_members_t * raw_lead_members_se end::double
            as lead_minus_members_ci_high
    from flagged
)

select * from final
