-- exchange_flows: teachers exchanged from one school to another in a school year, with both schools' locality, group and role (for flow diagrams)
-- grain: school year × from school × to school
-- key: school_year, from_school_id, to_school_id
with exchanged as (
    select * from int_exchanged_teachers
),

years as (
    select * from int_school_years
),

-- one row per school and group: a school in the group by a section (学部) shows that section's role, the lead's first
year_memberships as (
    select *
    from int_school_year_memberships
    qualify row_number() over (partition by school_year, group_id, school_id order by is_lead desc, joined_date desc, section) = 1
),

schools as (
    select * from stg_schools
),

-- school details from the year's snapshot, else the school's latest report
school_details as (
    select
        years.school_year,
        schools.school_id,
        schools.school_name,
        schools.county,
        schools.locality
    from years
    cross join schools
    qualify row_number() over (
        partition by years.school_year, schools.school_id
        order by schools.period = years.snapshot_period desc, schools.period desc
    ) = 1
),

-- one group per school for the diagram: non-pairing before pairing, earliest joined, smallest id
primary_groups as (
    select *
    from year_memberships
    qualify row_number() over (
        partition by school_year, school_id
        order by coalesce(group_type = 'pairing', false), joined_date, group_id
    ) = 1
),

flows as (
    select
        school_year,
        from_school_id,
        to_school_id,
        count(distinct teacher_id) as n_teachers,
        count(distinct teacher_id) filter (where is_backbone) as n_backbone,
        -- a group the sending and receiving sections (学部) both belonged to at the year's start, if any
        -- (int_exchanged_teachers: a 小学部 teacher sent to a school whose 小学部 shares a group with hers)
        min(shared_group_id) as shared_group_id
    from exchanged
    group by school_year, from_school_id, to_school_id
),

final as (
    select
        flows.school_year,
        flows.from_school_id,
        flows.to_school_id,
        flows.n_teachers::integer as n_teachers,
        flows.n_backbone::integer as n_backbone,
        from_details.school_name as from_school_name,
        from_details.county as from_county,
        from_details.locality as from_locality,
        coalesce(flows.shared_group_id, from_groups.group_id) as from_group_id,
        from_roles.role as from_role,
        to_details.school_name as to_school_name,
        to_details.county as to_county,
        to_details.locality as to_locality,
        coalesce(flows.shared_group_id, to_groups.group_id) as to_group_id,
        to_roles.role as to_role,
        flows.shared_group_id is not null as is_within_group
    from flows
    left join school_details as from_details
        on flows.school_year = from_details.school_year and flows.from_school_id = from_details.school_id
    left join school_details as to_details
        on flows.school_year = to_details.school_year and flows.to_school_id = to_details.school_id
    left join primary_groups as from_groups
        on flows.school_year = from_groups.school_year and flows.from_school_id = from_groups.school_id
    left join primary_groups as to_groups
        on flows.school_year = to_groups.school_year and flows.to_school_id = to_groups.school_id
    left join year_memberships as from_roles
        on flows.school_year = from_roles.school_year
        and flows.from_school_id = from_roles.school_id
        and coalesce(flows.shared_group_id, from_groups.group_id) = from_roles.group_id
    left join year_memberships as to_roles
        on flows.school_year = to_roles.school_year
        and flows.to_school_id = to_roles.school_id
        and coalesce(flows.shared_group_id, to_groups.group_id) = to_roles.group_id
)

select * from final
