-- uncovered_schools: the schools in no group on the period's as-of date (the bureau's to-do list)
-- grain: period × school
-- key: period, school_id
with schools as (
    select * from stg_schools
),

memberships as (
    select * from int_memberships_as_of
),

final as (
    select
        schools.period,
        schools.as_of_date,
        schools.school_id,
        schools.school_name,
        schools.county,
        schools.stage,
        schools.locality,
        schools.ownership,
        schools.students::integer as n_students,
        schools.is_weak
    from schools
    anti join memberships
        on schools.period = memberships.period
        and schools.school_id = memberships.school_id
)

select * from final
