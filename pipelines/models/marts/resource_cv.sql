-- resource_cv: enrolment-weighted 差异系数 (coefficient of variation) of each resource indicator across a county's or group's school sections
-- grain: period × scope (county | group) × scope_id × section × indicator
-- key: period, scope, scope_id, section, indicator
with indicators as (
    select * from int_school_indicators
),

-- each section in its groups: its own membership or its school's (int_section_memberships)
memberships as (
    select * from int_section_memberships
),

settings as (
    select * from cfg_settings
),

valued as (
    select period, school_id, county, section, indicator, indicator_order, section_students as students, value
    from indicators
    where value is not null and section_students > 0
),

scoped as (
    select period, 'county' as scope, county as scope_id, section, indicator, indicator_order, students, value
    from valued
    union all
    select
        valued.period,
        'group' as scope,
        memberships.group_id as scope_id,
        valued.section,
        valued.indicator,
        valued.indicator_order,
        valued.students,
        valued.value
    from valued
    inner join memberships
        on valued.period = memberships.period
        and valued.school_id = memberships.school_id
        and valued.section = memberships.section
),

-- 督导评估办法 (2017) 差异系数: X̄ = Σ PᵢXᵢ / Σ Pᵢ (Pᵢ = students)
means as (
    select
        period,
        scope,
        scope_id,
        section,
        indicator,
        count(*) as n_schools,
        -- exact sums, order-free at any thread count (exact_* macros, pipelines/models/runner.ts)
        exact_sum(students) as n_students,
        exact_sum(students * value) / exact_sum(students) as mean
    from scoped
    group by period, scope, scope_id, section, indicator
),

-- S = √( Σ Pᵢ (Xᵢ − X̄)² / Σ Pᵢ )
spreads as (
    select
        scoped.period,
        scoped.scope,
        scoped.scope_id,
        scoped.section,
        scoped.indicator,
        sqrt(exact_sum(scoped.students * pow(scoped.value - means.mean, 2)) / exact_sum(scoped.students)) as sd
    from scoped
    inner join means
        on scoped.period = means.period
        and scoped.scope = means.scope
        and scoped.scope_id = means.scope_id
        and scoped.section = means.section
        and scoped.indicator = means.indicator
    group by scoped.period, scoped.scope, scoped.scope_id, scoped.section, scoped.indicator
),

final as (
    select
        means.period,
        means.scope,
        means.scope_id,
        means.section,
        means.indicator,
        means.n_schools::integer as n_schools,
        means.n_students::double as n_students,
        means.mean::double as mean,
        spreads.sd::double as sd,
        -- CV = S / X̄ (督导评估办法 2017); one school has no spread to measure: NULL, and neither meets nor fails
        (case when means.n_schools >= 2 then spreads.sd / nullif(means.mean, 0) end)::double as cv,
        case means.section when 'primary' then settings.cv_primary else settings.cv_junior end as threshold,
        case when means.n_schools >= 2 then spreads.sd / nullif(means.mean, 0)
            <= case means.section when 'primary' then settings.cv_primary else settings.cv_junior end end as meets
    from means
    inner join spreads
        on means.period = spreads.period
        and means.scope = spreads.scope
        and means.scope_id = spreads.scope_id
        and means.section = spreads.section
        and means.indicator = spreads.indicator
    cross join settings
)

select * from final
