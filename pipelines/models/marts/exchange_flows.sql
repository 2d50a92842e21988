-- exchange_flows: teachers exchanged from one school section (学部) to another in a school year, with both schools' locality and both sections' group and role (for flow diagrams)
-- grain: school year × from school × from section × to school × to section
-- key: school_year, from_school_id, from_section, to_school_id, to_section
with exchanged as (
    select * from int_exchanged_teachers
),

years as (
    select * from int_school_years
),

year_memberships as (
    select * from int_school_year_memberships
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

-- sections as int_exchanged_teachers: a teacher's sending section and the receiving section she teaches in
-- ('all' for a school with no sections); a group the two sections both belonged to at the year's start, if any
flows as (
    select
        school_year,
        from_school_id,
        from_section,
        to_school_id,
        to_section,
        count(distinct teacher_id) as n_teachers,
        count(distinct teacher_id) filter (where is_backbone) as n_backbone,
        -- the same for every teacher of the section pair (int_exchanged_teachers, shared_groups)
        min(shared_group_id) as shared_group_id
    from exchanged
    group by school_year, from_school_id, from_section, to_school_id, to_section
),

flow_sections as (
    select school_year, from_school_id as school_id, from_section as section from flows
    union
    select school_year, to_school_id, to_section from flows
),

-- each section's groups: those holding the section or its whole school (a school without sections, 'all': any
-- of its groups); one row per group, its role in it the lead's first
section_memberships as (
    select
        flow_sections.school_year,
        flow_sections.school_id,
        flow_sections.section,
        year_memberships.group_id,
        year_memberships.group_type,
        year_memberships.joined_date,
        year_memberships.role
    from flow_sections
    inner join year_memberships
        on flow_sections.school_year = year_memberships.school_year
        and flow_sections.school_id = year_memberships.school_id
        and (year_memberships.section = 'all' or flow_sections.section in ('all', year_memberships.section))
    qualify row_number() over (
        partition by flow_sections.school_year, flow_sections.school_id, flow_sections.section, year_memberships.group_id
        order by year_memberships.is_lead desc, year_memberships.joined_date desc, year_memberships.section
    ) = 1
),

-- one group per section for the diagram: non-pairing before pairing, earliest joined, smallest id
section_groups as (
    select *
    from section_memberships
    qualify row_number() over (
        partition by school_year, school_id, section
        order by coalesce(group_type = 'pairing', false), joined_date, group_id
    ) = 1
),

final as (
    select
        flows.school_year,
        flows.from_school_id,
        flows.from_section,
        flows.to_school_id,
        flows.to_section,
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
    left join section_groups as from_groups
        on flows.school_year = from_groups.school_year
        and flows.from_school_id = from_groups.school_id
        and flows.from_section = from_groups.section
    left join section_groups as to_groups
        on flows.school_year = to_groups.school_year
        and flows.to_school_id = to_groups.school_id
        and flows.to_section = to_groups.section
    left join section_memberships as from_roles
        on flows.school_year = from_roles.school_year
        and flows.from_school_id = from_roles.school_id
        and flows.from_section = from_roles.section
        and coalesce(flows.shared_group_id, from_groups.group_id) = from_roles.group_id
    left join section_memberships as to_roles
        on flows.school_year = to_roles.school_year
        and flows.to_school_id = to_roles.school_id
        and flows.to_section = to_roles.section
        and coalesce(flows.shared_group_id, to_groups.group_id) = to_roles.group_id
)

select * from final
