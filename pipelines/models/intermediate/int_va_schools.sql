-- int_va_schools: each school's linked students of a value-added pair, summed: their residuals' exact sum, mean and variance, how many stayed in the school, and the school's fit
-- What every reader of the residuals needs (value_added_school, value_added_group, the disclosure registry), from
-- one pass over int_va_residuals (a view: the regression is computed here, and its student rows never stored).
-- grain: (prior_exam_id, exam_id, subject) × school
-- key: prior_exam_id, exam_id, subject, school_id
with residuals as (
    select * from int_va_residuals
),

final as (
    select
        prior_exam_id,
        exam_id,
        subject,
        school_id,
        count(*) as n_students,
        count(residual) as n_residuals,
        -- Σ residual as exact units (exact_units, pipelines/models/runner.ts): a hugeint, so a group's sum over its
        -- schools is exactly the sum over their students (value_added_group)
        sum(exact_units(residual)) as residual_units,
        -- exact sums, order-free at any thread count
        exact_avg(residual) as va,
        -- σ_j², the sample variance (n_j − 1) of the school's own residuals
        exact_var_samp(residual) as var_residual,
        -- linked students whose school at the prior exam was this one (the disclosure registry's vaLinksSql)
        count(*) filter (where prior_school_id = school_id) as n_stayed,
        -- the school's fit: the same for every linked student of the school (int_va_residuals' school_fit)
        any_value(context_cell) as context_cell,
        any_value(with_school_mean) as with_school_mean,
        any_value(school_mean_prior) as mean_prior,
        any_value(intercept) as intercept,
        any_value(slope) as slope,
        any_value(slope_between) as slope_between,
        any_value(n_linked) as n_linked
    from residuals
    group by prior_exam_id, exam_id, subject, school_id
)

select * from final
