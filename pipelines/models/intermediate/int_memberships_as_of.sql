-- int_memberships_as_of: the schools (or their sections, 学部) in each group on their period's as-of date (the quarter's last day)
-- grain: period × group × school × section (section 'all' = the whole school)
-- key: period, group_id, school_id, section
with memberships as (
    select * from stg_memberships
),

groups as (
    select * from stg_groups
),

periods as (
    select distinct period, as_of_date from stg_schools
),

-- membership on date d: joined_date <= d and (left_date is null or left_date > d) (docs/metrics.md)
active_spells as (
    select
        memberships.period,
        periods.as_of_date,
        memberships.group_id,
        memberships.school_id,
        memberships.section,
        memberships.role,
        memberships.is_lead,
        memberships.joined_date
    from memberships
    inner join periods
        on memberships.period = periods.period
    where memberships.joined_date <= periods.as_of_date
        and (memberships.left_date is null or memberships.left_date > periods.as_of_date)
),

-- overlapping spells of one school (section) in one group (a data slip) count once: the latest spell wins
one_spell_per_school as (
    select *
    from active_spells
    qualify row_number() over (partition by period, group_id, school_id, section order by joined_date desc) = 1
),

final as (
    select
        one_spell_per_school.period,
        one_spell_per_school.as_of_date,
        one_spell_per_school.group_id,
        groups.group_type,
        one_spell_per_school.school_id,
        one_spell_per_school.section,
        one_spell_per_school.role,
        one_spell_per_school.is_lead,
        one_spell_per_school.joined_date
    from one_spell_per_school
    left join groups
        on one_spell_per_school.period = groups.period
        and one_spell_per_school.group_id = groups.group_id
)

select * from final
