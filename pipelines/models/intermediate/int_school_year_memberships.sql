-- int_school_year_memberships: the groups each school belonged to at the start of a school year (memberships of the year's snapshot period)
-- grain: school year × group × school
-- key: school_year, group_id, school_id
with years as (
    select * from int_school_years
),

memberships as (
    select * from stg_memberships
),

groups as (
    select * from stg_groups
),

-- membership on date d: joined_date <= d and (left_date is null or left_date > d) (metrics.md)
active as (
    select
        years.school_year,
        memberships.group_id,
        groups.group_type,
        memberships.school_id,
        memberships.role,
        memberships.is_lead,
        memberships.joined_date
    from years
    inner join memberships
        on years.snapshot_period = memberships.period
        and memberships.joined_date <= years.year_start
        and (memberships.left_date is null or memberships.left_date > years.year_start)
    left join groups
        on memberships.period = groups.period
        and memberships.group_id = groups.group_id
),

final as (
    select *
    from active
    qualify row_number() over (partition by school_year, group_id, school_id order by joined_date desc) = 1
)

select * from final
