-- group_members: each group's schools (or school sections, 学部) on the period's as-of date, with role, place and distance from the lead
-- grain: period × group × school × section (section 'all' = the whole school)
-- key: period, group_id, school_id, section
with group_members as (
    select * from int_group_members
),

final as (
    select
        period,
        group_id,
        school_id,
        school_name,
        section,
        role,
        is_lead,
        joined_date,
        county,
        stage,
        locality,
        school_students::integer as n_students,
        -- the member's own students: the section's when only that section is in the group
        round(students)::integer as n_section_students,
        lat::double as lat,
        lon::double as lon,
        lead_school_id,
        distance_km::double as distance_km
    from group_members
)

select * from final
