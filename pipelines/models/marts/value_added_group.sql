-- value_added_group: a group's value-added over its schools' linked students, and its lead school minus its members
-- grain: (prior_exam_id, exam_id, subject) × group
-- key: prior_exam_id, exam_id, subject, group_id
with va_schools as (
    select * from int_va_schools
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

-- each school's linked students, summed (int_va_schools): n_j, the exact units of Σ residual and the residual
-- variance σ_j² (sample, n_j − 1). The sampling variance of a group's mean is Σ_j n_j·σ_j² / n² over its schools
-- (school residual sds differ: no pooled σ). Every group figure below is a sum of these exact school sums, so it
-- equals the sum over the students themselves
school_sums as (
    select
        prior_exam_id,
        exam_id,
        subject,
        school_id,
        n_students as n_j,
        n_residuals,
        residual_units,
        coalesce(var_residual, 0) as var_j
    from va_schools
),

-- the students' school at the later exam, in the group on that exam's date
grouped as (
    select
        school_sums.*,
        exam_memberships.group_id,
        exam_memberships.is_lead,
        -- Σ over the school's students of σ_j², as exact units: n_j·units(σ_j²)
        school_sums.n_j * exact_units(school_sums.var_j) as var_units
    from school_sums
    inner join exam_memberships
        on school_sums.exam_id = exam_memberships.exam_id
        and school_sums.subject = exam_memberships.subject
        and school_sums.school_id = exam_memberships.school_id
),

group_effects as (
    select
        prior_exam_id,
        exam_id,
        subject,
        group_id,
        sum(n_j) as n_students,
        coalesce(sum(n_j) filter (where is_lead), 0) as n_lead,
        coalesce(sum(n_j) filter (where not is_lead), 0) as n_members,
        -- the members' side as schools: their number and Σ n_j² (the weight of τ² in the variance of their
        -- student-weighted mean, Σ_j (n_j/n)²·τ²)
        count(*) filter (where not is_lead) as n_member_schools,
        sum(n_j * n_j) filter (where not is_lead) as sum_nj2,
        -- the students' mean residuals from exact sums, order-free at any thread count (as exact_avg over them)
        exact_value(sum(residual_units)) / nullif(sum(n_residuals), 0) as va,
        exact_value(sum(residual_units) filter (where is_lead)) / nullif(sum(n_residuals) filter (where is_lead), 0)
            as va_lead,
        exact_value(sum(residual_units) filter (where not is_lead))
            / nullif(sum(n_residuals) filter (where not is_lead), 0) as va_members,
        -- Σ over students of σ_j² = Σ_j n_j·σ_j²
        exact_value(sum(var_units)) as sum_var,
        exact_value(sum(var_units) filter (where is_lead)) as sum_var_lead,
        exact_value(sum(var_units) filter (where not is_lead)) as sum_var_members
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
            + coalesce(pair_tau.tau_squared, 0)
                * (1 + group_effects.sum_nj2 / pow(nullif(group_effects.n_members, 0), 2))) as raw_lead_members_se,
        case when group_effects.n_member_schools >= 2 then coalesce(t_quantiles.t_975, 1.959964) end as lead_members_t
    from group_effects
    cross join settings
    left join pair_tau
        on group_effects.prior_exam_id = pair_tau.prior_exam_id
        and group_effects.exam_id = pair_tau.exam_id
        and group_effects.subject = pair_tau.subject
    left join t_quantiles
        on group_effects.n_member_schools = t_quantiles.df
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
