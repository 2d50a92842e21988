-- int_school_year_memberships: the groups each school or school section (学部) belonged to in a school year: on the year's start (memberships of the year's snapshot period), or, for a group founded during the year, on its founding date
-- grain: school year × group × school × section ('all' = the whole school)
-- key: school_year, group_id, school_id, section
with years as (
    select * from int_school_years
),

memberships as (
    select * from stg_memberships
),

groups as (
    select * from stg_groups
),

-- each group as last reported (established_date does not change between reports)
latest_groups as (
    select group_id, arg_max(group_type, period) as group_type, arg_max(established_date, period) as established_date
    from groups
    group by group_id
),

membership_periods as (
    select distinct period from memberships
),

-- the date a group is described on in a school year: the year's start, or its founding date when it was
-- founded during the year (a group launched in November runs its first exchange wave in the spring term
-- and would otherwise have no members for that year)
reference_dates as (
    select
        years.school_year,
        years.year_start,
        years.snapshot_period,
        group_ids.group_id,
        case
            when latest_groups.established_date > years.year_start and latest_groups.established_date <= years.year_end
                then latest_groups.established_date
            else years.year_start
        end as reference_date
    from years
    cross join (select distinct group_id from memberships) as group_ids
    left join latest_groups
        on group_ids.group_id = latest_groups.group_id
),

-- memberships as known at the time: the year's snapshot period, or for a founding date the first period
-- that ends on or after it (the latest period if none does)
reference_periods as (
    select
        reference_dates.*,
        case
            when reference_dates.reference_date = reference_dates.year_start then reference_dates.snapshot_period
            else coalesce(
                (
                    select min(membership_periods.period) from membership_periods
                    where membership_periods.period
                        >= strftime(reference_dates.reference_date, '%Y') || 'Q' || quarter(reference_dates.reference_date)
                ),
                (select max(membership_periods.period) from membership_periods)
            )
        end as membership_period
    from reference_dates
),

-- membership on date d: joined_date <= d and (left_date is null or left_date > d) (docs/metrics.md)
active as (
    select
        reference_periods.school_year,
        memberships.group_id,
        latest_groups.group_type,
        memberships.school_id,
        memberships.section,
        memberships.role,
        memberships.is_lead,
        memberships.joined_date,
        reference_periods.reference_date
    from reference_periods
    inner join memberships
        on reference_periods.membership_period = memberships.period
        and reference_periods.group_id = memberships.group_id
        and memberships.joined_date <= reference_periods.reference_date
        and (memberships.left_date is null or memberships.left_date > reference_periods.reference_date)
    left join latest_groups
        on memberships.group_id = latest_groups.group_id
),

final as (
    select *
    from active
    qualify row_number() over (partition by school_year, group_id, school_id, section order by joined_date desc) = 1
)

select * from final
