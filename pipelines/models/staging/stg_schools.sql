-- stg_schools: every school as reported at each period's end (carried-forward copies included)
-- grain: period × school
-- key: period, school_id
with source as (
    select * from raw_schools
),

final as (
    select
        period,
        -- the period's last day: one definition, periodEnd in pipelines/contract.ts
        jh_period_end(period) as as_of_date,
        school_id,
        school_name,
        county,
        stage,
        locality,
        ownership,
        students,
        students_primary,
        students_junior,
        students_senior,
        classes,
        is_weak,
        teaching_area_m2,
        sports_area_m2,
        equipment_value_yuan,
        multimedia_rooms,
        lat,
        lon,
        opened_date,
        carried_from
    from source
)

select * from final
