-- resource_gap: enrolment-weighted mean of each resource indicator in urban, town and rural school sections of a county
-- grain: period × county × section × indicator
-- key: period, county, section, indicator
with indicators as (
    select * from int_school_indicators
),

valued as (
    select period, county, locality, section, indicator, section_students as students, value
    from indicators
    where value is not null and section_students > 0
),

-- enrolment-weighted mean Σ PᵢXᵢ / Σ Pᵢ per locality (督导评估办法 weighting)
means as (
    select
        period,
        county,
        section,
        indicator,
        count(*) filter (where locality = 'urban') as n_urban_schools,
        count(*) filter (where locality = 'town') as n_town_schools,
        count(*) filter (where locality = 'rural') as n_rural_schools,
        -- exact sums, order-free at any thread count (exact_* macros, pipelines/models/runner.ts)
        exact_sum(case when locality = 'urban' then students * value end) / exact_sum(case when locality = 'urban' then students end) as urban_mean,
        exact_sum(case when locality = 'town' then students * value end) / exact_sum(case when locality = 'town' then students end) as town_mean,
        exact_sum(case when locality = 'rural' then students * value end) / exact_sum(case when locality = 'rural' then students end) as rural_mean
    from valued
    group by period, county, section, indicator
),

final as (
    select
        period,
        county,
        section,
        indicator,
        n_urban_schools::integer as n_urban_schools,
        n_town_schools::integer as n_town_schools,
        n_rural_schools::integer as n_rural_schools,
        urban_mean::double as urban_mean,
        town_mean::double as town_mean,
        rural_mean::double as rural_mean,
        (rural_mean / nullif(urban_mean, 0))::double as rural_to_urban_ratio
    from means
)

select * from final
