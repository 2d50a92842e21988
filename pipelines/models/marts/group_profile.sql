-- group_profile: each group's type, lead school, members, students and reach on the period's as-of date
-- grain: period × group
-- key: period, group_id
with groups as (
    select * from stg_groups
),

memberships as (
    select * from int_memberships_as_of
),

schools as (
    select * from stg_schools
),

member_schools as (
    select
        memberships.period,
        memberships.group_id,
        memberships.is_lead,
        schools.school_id,
        schools.school_name,
        schools.stage,
        schools.county,
        schools.locality,
        schools.students,
        schools.lat,
        schools.lon
    from memberships
    inner join schools
        on memberships.period = schools.period
        and memberships.school_id = schools.school_id
),

leads as (
    select * from member_schools where is_lead
),

-- great-circle distance lead → member, haversine on a sphere of radius 6371.0088 km (IUGG mean Earth radius)
distances as (
    select
        members.period,
        members.group_id,
        2 * 6371.0088 * asin(sqrt(
            pow(sin(radians(members.lat - leads.lat) / 2), 2)
            + cos(radians(leads.lat)) * cos(radians(members.lat)) * pow(sin(radians(members.lon - leads.lon) / 2), 2)
        )) as distance_km
    from member_schools as members
    inner join leads
        on members.period = leads.period
        and members.group_id = leads.group_id
    where not members.is_lead
        and members.lat is not null and members.lon is not null
        and leads.lat is not null and leads.lon is not null
),

member_summary as (
    select
        period,
        group_id,
        count(*) as n_members,
        sum(students) as n_students,
        sum(students) filter (where locality = 'rural') as n_rural_students,
        list_sort(list_distinct(list(stage))) as stages,
        list_sort(list_distinct(list(county))) as counties
    from member_schools
    group by period, group_id
),

distance_summary as (
    select period, group_id, max(distance_km) as max_distance_km
    from distances
    group by period, group_id
),

-- a group has exactly one lead on any date (data contract); the smallest id guards against a slip
lead_summary as (
    select period, group_id, min(school_id) as lead_school_id, min(school_name) as lead_school_name
    from leads
    group by period, group_id
),

final as (
    select
        groups.period,
        groups.group_id,
        groups.group_name,
        groups.group_type,
        lead_summary.lead_school_id,
        lead_summary.lead_school_name,
        coalesce(member_summary.n_members, 0)::integer as n_members,
        coalesce(member_summary.n_students, 0)::integer as n_students,
        (coalesce(member_summary.n_rural_students, 0) / nullif(member_summary.n_students, 0))::double as share_rural_students,
        member_summary.stages,
        member_summary.counties,
        distance_summary.max_distance_km::double as max_distance_km,
        groups.established_date,
        groups.partner
    from groups
    left join member_summary
        on groups.period = member_summary.period
        and groups.group_id = member_summary.group_id
    left join distance_summary
        on groups.period = distance_summary.period
        and groups.group_id = distance_summary.group_id
    left join lead_summary
        on groups.period = lead_summary.period
        and groups.group_id = lead_summary.group_id
)

select * from final
