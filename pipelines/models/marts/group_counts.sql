-- group_counts: education groups by county and type on the period's as-of date, with rollups ('all')
-- grain: period × county × group_type, with rollups
-- key: period, county, group_type
with groups as (
    select * from stg_groups
),

members as (
    select * from int_group_members
),

-- a group's county: its lead school's (九龙坡区 counts its 10 groups, 5 共同体 and 8 结对帮带体 this way);
-- without a lead on the date, its members' county that comes first by name
group_counties as (
    select
        period,
        group_id,
        coalesce(min(county) filter (where is_lead), min(county)) as county,
        count(*) as n_members
    from members
    group by period, group_id
),

-- every group reported in the period, also one with no member on the date (it counts, with 0 members)
listed as (
    select
        groups.period,
        groups.group_id,
        groups.group_type,
        -- a group with no member on the date has no county
        coalesce(group_counties.county, '(none)') as county,
        coalesce(group_counties.n_members, 0) as n_members
    from groups
    left join group_counties
        on groups.period = group_counties.period
        and groups.group_id = group_counties.group_id
),

school_types as (
    select distinct members.period, group_counties.county, groups.group_type, members.school_id
    from members
    inner join groups
        on members.period = groups.period
        and members.group_id = groups.group_id
    inner join group_counties
        on members.period = group_counties.period
        and members.group_id = group_counties.group_id
),

group_rollup as (
    select
        period,
        county,
        group_type,
        grouping(county) as county_all,
        grouping(group_type) as type_all,
        count(*) as n_groups,
        count(*) filter (where n_members = 0) as n_groups_without_members,
        sum(n_members) as n_memberships
    from listed
    group by grouping sets ((period, county, group_type), (period, county), (period, group_type), (period))
),

-- distinct schools: a school in two groups of the same county and type counts once in that cell
school_rollup as (
    select
        period,
        county,
        group_type,
        grouping(county) as county_all,
        grouping(group_type) as type_all,
        count(distinct school_id) as n_schools
    from school_types
    group by grouping sets ((period, county, group_type), (period, county), (period, group_type), (period))
),

final as (
    select
        group_rollup.period,
        case when group_rollup.county_all = 1 then 'all' else group_rollup.county end as county,
        case when group_rollup.type_all = 1 then 'all' else group_rollup.group_type end as group_type,
        group_rollup.n_groups::integer as n_groups,
        group_rollup.n_groups_without_members::integer as n_groups_without_members,
        group_rollup.n_memberships::integer as n_memberships,
        coalesce(school_rollup.n_schools, 0)::integer as n_schools
    from group_rollup
    left join school_rollup
        on group_rollup.period = school_rollup.period
        and group_rollup.county_all = school_rollup.county_all
        and group_rollup.type_all = school_rollup.type_all
        and group_rollup.county is not distinct from school_rollup.county
        and group_rollup.group_type is not distinct from school_rollup.group_type
)

select * from final
