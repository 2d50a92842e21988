-- resource_theil: Theil T of each resource indicator over a county's students, decomposed within/between groups or localities
-- grain: period × county × section × indicator × partition (group | locality)
-- key: period, county, section, indicator, partition
with indicators as (
    select * from int_school_indicators
),

primary_groups as (
    select * from int_school_primary_group
),

-- a school at zero (no backbone teachers, say) stays in: its term is 0 because x·ln x → 0 as x → 0 (Theil
-- 1967; Conceição & Ferreira 2000, "The Young Person's Guide to the Theil Index"); it still adds its students
-- to P and so lowers X̄. Only a missing value (NULL) or a school without students leaves a school out.
positive as (
    select period, school_id, county, locality, section, indicator, section_students as students, value
    from indicators
    where section_students > 0 and value is not null and value >= 0
),

zeros as (
    select period, county, section, indicator, count(*) as n_zero
    from positive
    where value = 0
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
        and positive.section = primary_groups.section
    union all
    select positive.*, 'locality' as partition, positive.locality as part
    from positive
),

totals as (
    select
        period, county, section, indicator, partition,
        count(*) as n_schools,
        -- exact sums, order-free at any thread count (exact_* macros, pipelines/models/runner.ts)
        exact_sum(students) as p_total,
        exact_sum(students * value) / exact_sum(students) as x_bar
    from parted
    group by period, county, section, indicator, partition
),

part_totals as (
    select
        period, county, section, indicator, partition, part,
        exact_sum(students) as p_part,
        exact_sum(students * value) / exact_sum(students) as x_bar_part
    from parted
    group by period, county, section, indicator, partition, part
),

-- Tᵢ terms: (Pᵢ/P)(Xᵢ/X̄) ln(Xᵢ/X̄) over the county, and the same inside each part; 0 where Xᵢ = 0
-- (the limit of x·ln x). Where the county's X̄ is 0 every school is at 0: T is undefined (NULL below).
school_terms as (
    select
        parted.period, parted.county, parted.section, parted.indicator, parted.partition, parted.part,
        case when parted.value > 0 and totals.x_bar > 0
            then (parted.students / totals.p_total) * (parted.value / totals.x_bar) * ln(parted.value / totals.x_bar)
            else 0 end as total_term,
        case when parted.value > 0 and part_totals.x_bar_part > 0
            then (parted.students / part_totals.p_part) * (parted.value / part_totals.x_bar_part)
                * ln(parted.value / part_totals.x_bar_part)
            else 0 end as part_term
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
        -- a part whose schools are all at 0 has weight s_g = 0 and adds s_g ln(X̄_g/X̄) → 0 to the between part
        case when totals.x_bar > 0 then part_totals.p_part * part_totals.x_bar_part / (totals.p_total * totals.x_bar) end
            as part_weight,
        case when totals.x_bar > 0 then part_totals.x_bar_part / totals.x_bar end as part_ratio,
        theil_by_part.theil_part
    from part_totals
    inner join totals
        on part_totals.period = totals.period and part_totals.county = totals.county
        and part_totals.section = totals.section and part_totals.indicator = totals.indicator
        and part_totals.partition = totals.partition
    inner join (
        select period, county, section, indicator, partition, part, exact_sum(part_term) as theil_part
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
        exact_sum(part_weight * theil_part) as within,
        exact_sum(case when part_ratio > 0 then part_weight * ln(part_ratio) else 0 end) as between
    from parts
    group by period, county, section, indicator, partition
),

overall as (
    select period, county, section, indicator, partition, exact_sum(total_term) as theil
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
        coalesce(zeros.n_zero, 0)::integer as n_zero,
        decomposed.n_parts::integer as n_parts,
        (case when totals.x_bar > 0 then overall.theil end)::double as theil,
        (case when totals.x_bar > 0 then decomposed.within end)::double as within,
        (case when totals.x_bar > 0 then decomposed.between end)::double as between,
        -- no inequality (T ≈ 0 up to rounding): no share; clamped to 0–1 against last-digit rounding
        (case when totals.x_bar > 0 and overall.theil > 1e-12 then least(1, greatest(0, decomposed.between / overall.theil)) end)::double
            as between_share
    from totals
    inner join overall
        on totals.period = overall.period and totals.county = overall.county and totals.section = overall.section
        and totals.indicator = overall.indicator and totals.partition = overall.partition
    inner join decomposed
        on totals.period = decomposed.period and totals.county = decomposed.county
        and totals.section = decomposed.section and totals.indicator = decomposed.indicator
        and totals.partition = decomposed.partition
    left join zeros
        on totals.period = zeros.period and totals.county = zeros.county
        and totals.section = zeros.section and totals.indicator = zeros.indicator
)

select * from final
