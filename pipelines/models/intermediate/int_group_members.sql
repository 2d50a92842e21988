-- int_group_members: each group's schools (or school sections, 学部) on the period's as-of date, with the group's lead and the distance to it
-- grain: period × group × school × section (section 'all' = the whole school)
-- key: period, group_id, school_id, section
with memberships as (
    select * from int_memberships_as_of
),

schools as (
    select * from stg_schools
),

sections as (
    select * from int_school_sections
),

member_schools as (
    select
        memberships.period,
        memberships.group_id,
        memberships.school_id,
        memberships.section,
        memberships.role,
        memberships.is_lead,
        memberships.joined_date,
        schools.school_name,
        schools.county,
        schools.stage,
        schools.locality,
        -- a section's own students (int_school_sections: reported, or estimated from grade years)
        case when memberships.section = 'all' then schools.students else sections.section_students end as students,
        schools.students as school_students,
        schools.lat,
        schools.lon
    from memberships
    inner join schools
        on memberships.period = schools.period
        and memberships.school_id = schools.school_id
    left join sections
        on memberships.period = sections.period
        and memberships.school_id = sections.school_id
        and memberships.section = sections.section
),

-- one lead per group on any date (data contract); the smallest id guards against a slip
leads as (
    select * from member_schools
    where is_lead
    qualify row_number() over (partition by period, group_id order by school_id, section) = 1
),

final as (
    select
        member_schools.*,
        leads.school_id as lead_school_id,
        leads.school_name as lead_school_name,
        -- great-circle distance to the lead: haversine on a sphere of radius 6371.0088 km (IUGG mean Earth radius)
        case when member_schools.lat is null or member_schools.lon is null or leads.lat is null or leads.lon is null then null
            else 2 * 6371.0088 * asin(sqrt(
                pow(sin(radians(member_schools.lat - leads.lat) / 2), 2)
                + cos(radians(leads.lat)) * cos(radians(member_schools.lat))
                * pow(sin(radians(member_schools.lon - leads.lon) / 2), 2)
            )) end as distance_km
    from member_schools
    left join leads
        on member_schools.period = leads.period
        and member_schools.group_id = leads.group_id
)

select * from final
