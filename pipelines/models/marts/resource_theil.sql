-- resource_theil: Theil T of each resource indicator over a county's students, decomposed within/between groups or localities
-- grain: period × county × section × indicator × partition (group | locality)
-- key: period, county, section, indicator, partition
with indicators as (
    select * from int_school_indicators
),

primary_groups as (
    select * from int_school_primary_group
),

-- Theil T needs positive values: zero or missing values are left out (and counted)
all_values as (
    select period, school_id, county, locality, section, indicator, section_students as students, value
    from indicators
    where section_students > 0 and value is not null
),

positive as (
    select * from all_values where value > 0
),

excluded as (
    select period, county, section, indicator, count(*) as n_excluded
    from all_values
    where value <= 0
    group by period, county, section, indicator
),

-- each school falls in one part: its (primary) group, schools in no group form their own part; or its locality
parted as (
    select
        positive.*,
        'group' as partition,
        coalesce(primary_groups.group_id, '(none)') as part
    from positive
    left join primary_groups
        on positive.period = primary_groups.period
        and positive.school_id = primary_groups.school_id
    union all
    select positive.*, 'locality' as partition, positive.locality as part
    from positive
),

totals as (
    select
        period, county, section, indicator, partition,
        count(*) as n_schools,
        sum(students) as p_total,
        sum(students * value) / sum(students) as x_bar
    from parted
    group by period, county, section, indicator, partition
),

part_totals as (
    select
        period, county, section, indicator, partition, part,
        sum(students) as p_part,
        sum(students * value) / sum(students) as x_bar_part
    from parted
    group by period, county, section, indicator, partition, part
),

-- Tᵢ terms: (Pᵢ/P)(Xᵢ/X̄) ln(Xᵢ/X̄) over the county, and the same inside each part
school_terms as (
    select
        parted.period, parted.county, parted.section, parted.indicator, parted.partition, parted.part,
        (parted.students / totals.p_total) * (parted.value / totals.x_bar) * ln(parted.value / totals.x_bar) as total_term,
        (parted.students / part_totals.p_part) * (parted.value / part_totals.x_bar_part)
            * ln(parted.value / part_totals.x_bar_part) as part_term
    from parted
    inner join totals
        on parted.period = totals.period and parted.county = totals.county and parted.section = totals.section
        and parted.indicator = totals.indicator and parted.partition = totals.partition
    inner join part_totals
        on parted.period = part_totals.period and parted.county = part_totals.county
        and parted.section = part_totals.section and parted.indicator = part_totals.indicator
        and parted.partition = part_totals.partition and parted.part = part_totals.part
),

-- T_g per part and its weight s_g = P_g X̄_g / (P X̄) (population-weighted Theil decomposition)
parts as (
    select
        part_totals.period, part_totals.county, part_totals.section, part_totals.indicator, part_totals.partition,
        part_totals.part,
        part_totals.p_part * part_totals.x_bar_part / (totals.p_total * totals.x_bar) as part_weight,
        part_totals.x_bar_part / totals.x_bar as part_ratio,
        theil_by_part.theil_part
    from part_totals
    inner join totals
        on part_totals.period = totals.period and part_totals.county = totals.county
        and part_totals.section = totals.section and part_totals.indicator = totals.indicator
        and part_totals.partition = totals.partition
    inner join (
        select period, county, section, indicator, partition, part, sum(part_term) as theil_part
        from school_terms
        group by period, county, section, indicator, partition, part
    ) as theil_by_part
        on part_totals.period = theil_by_part.period and part_totals.county = theil_by_part.county
        and part_totals.section = theil_by_part.section and part_totals.indicator = theil_by_part.indicator
        and part_totals.partition = theil_by_part.partition and part_totals.part = theil_by_part.part
),

-- T = Σ_g s_g T_g (within) + Σ_g s_g ln(X̄_g / X̄) (between)
decomposed as (
    select
        period, county, section, indicator, partition,
        count(*) as n_parts,
        sum(part_weight * theil_part) as within,
        sum(part_weight * ln(part_ratio)) as between
    from parts
    group by period, county, section, indicator, partition
),

overall as (
    select period, county, section, indicator, partition, sum(total_term) as theil
    from school_terms
    group by period, county, section, indicator, partition
),

final as (
    select
        totals.period,
        totals.county,
        totals.section,
        totals.indicator,
        totals.partition,
        totals.n_schools::integer as n_schools,
        coalesce(excluded.n_excluded, 0)::integer as n_excluded,
        decomposed.n_parts::integer as n_parts,
        overall.theil::double as theil,
        decomposed.within::double as within,
        decomposed.between::double as between,
        -- no inequality (T ≈ 0 up to rounding): no share; clamped to 0–1 against last-digit rounding
        (case when overall.theil > 1e-12 then least(1, greatest(0, decomposed.between / overall.theil)) end)::double
            as between_share
    from totals
    inner join overall
        on totals.period = overall.period and totals.county = overall.county and totals.section = overall.section
        and totals.indicator = overall.indicator and totals.partition = overall.partition
    inner join decomposed
        on totals.period = decomposed.period and totals.county = decomposed.county
        and totals.section = decomposed.section and totals.indicator = decomposed.indicator
        and totals.partition = decomposed.partition
    left join excluded
        on totals.period = excluded.period and totals.county = excluded.county
        and totals.section = excluded.section and totals.indicator = excluded.indicator
)

select * from final
