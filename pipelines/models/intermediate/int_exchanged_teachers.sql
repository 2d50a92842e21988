-- int_exchanged_teachers: each teacher exchanged in a school year, per sending and receiving school, with the sending and receiving section (学部), backbone status, kind, compulsory-school flag and whether both sections share a group (not published: holds teacher ids)
-- grain: school year × from school × to school × teacher
-- key: school_year, from_school_id, to_school_id, teacher_id
with exchanges as (
    select * from stg_exchanges
),

years as (
    select * from int_school_years
),

teachers as (
    select * from stg_teachers
),

schools as (
    select * from stg_schools
),

year_memberships as (
    select * from int_school_year_memberships
),

year_sections as (
    select * from int_school_year_sections
),

-- backbone status from the year's snapshot; a teacher missing there: the latest snapshot up to the
-- exchange's period, else the earliest later one
backbone_status as (
    select
        exchanges.school_year,
        exchanges.teacher_id,
        exchanges.start_date,
        teachers.is_backbone,
        teachers.section
    from exchanges
    inner join years
        on exchanges.school_year = years.school_year
    inner join teachers
        on exchanges.teacher_id = teachers.teacher_id
    qualify row_number() over (
        partition by exchanges.school_year, exchanges.teacher_id, exchanges.start_date
        order by
            teachers.period = years.snapshot_period desc,
            teachers.period <= exchanges.period desc,
            case when teachers.period <= exchanges.period then teachers.period end desc,
            teachers.period
    ) = 1
),

-- sections (docs/metrics.md teacher_exchange, "Sections"): the teacher is counted in the sending school's section
-- named by the roster's 任教学段, else in its largest section (as int_exchange_eligibility); the receiving section is
-- the same section when the receiving school has it (a 小学部 teacher teaches in the receiving 小学部), else the
-- receiving school's largest; 'all' for a school with no sections
located as (
    select
        exchanges.school_year,
        exchanges.from_school_id,
        exchanges.to_school_id,
        exchanges.teacher_id,
        coalesce(
            case
                when list_contains(from_sections.sections, backbone_status.section) then backbone_status.section
                else from_sections.largest_section
            end,
            'all'
        ) as from_section,
        to_sections.sections as to_school_sections,
        to_sections.largest_section as to_largest_section,
        coalesce(backbone_status.is_backbone, false) as is_backbone,
        exchanges.kind,
        from_schools.locality as from_locality,
        to_schools.locality as to_locality,
        -- as int_exchange_eligibility: a public school with a compulsory section, the teacher not in its senior section
        coalesce(
            from_schools.ownership = 'public'
                and from_schools.stage in ('primary', 'junior', 'nine_year', 'twelve_year', 'complete_secondary')
                and backbone_status.section is distinct from 'senior',
            false
        ) as is_compulsory
    from exchanges
    left join backbone_status
        on exchanges.school_year = backbone_status.school_year
        and exchanges.teacher_id = backbone_status.teacher_id
        and exchanges.start_date = backbone_status.start_date
    left join schools as to_schools
        on exchanges.period = to_schools.period
        and exchanges.to_school_id = to_schools.school_id
    left join schools as from_schools
        on exchanges.period = from_schools.period
        and exchanges.from_school_id = from_schools.school_id
    left join year_sections as from_sections
        on exchanges.school_year = from_sections.school_year
        and exchanges.from_school_id = from_sections.school_id
    left join year_sections as to_sections
        on exchanges.school_year = to_sections.school_year
        and exchanges.to_school_id = to_sections.school_id
),

sectioned as (
    select
        * exclude (to_school_sections, to_largest_section),
        coalesce(
            case when list_contains(to_school_sections, from_section) then from_section else to_largest_section end,
            'all'
        ) as to_section
    from located
),

-- the two sections share a group in the school year (membership on the year's start, or on a group's founding
-- date): a group holding the section or its whole school ('all') on both sides; an exchange to a 九年一贯制
-- school's 初中部 is not within the group that holds only its 小学部
shared_groups as (
    select
        sectioned.school_year,
        sectioned.from_school_id,
        sectioned.from_section,
        sectioned.to_school_id,
        sectioned.to_section,
        min(from_members.group_id) as shared_group_id
    from (select distinct school_year, from_school_id, from_section, to_school_id, to_section from sectioned) as sectioned
    inner join year_memberships as from_members
        on sectioned.school_year = from_members.school_year
        and sectioned.from_school_id = from_members.school_id
        and from_members.section in ('all', sectioned.from_section)
    inner join year_memberships as to_members
        on from_members.school_year = to_members.school_year
        and from_members.group_id = to_members.group_id
        and sectioned.to_school_id = to_members.school_id
        and to_members.section in ('all', sectioned.to_section)
    group by all
),

final as (
    select
        sectioned.school_year,
        sectioned.from_school_id,
        sectioned.to_school_id,
        sectioned.teacher_id,
        -- one section per teacher and school: the year's roster (several exchanges of a teacher share it)
        min(sectioned.from_section) as from_section,
        min(sectioned.to_section) as to_section,
        bool_or(sectioned.is_backbone) as is_backbone,
        coalesce(bool_or(sectioned.to_locality in ('town', 'rural')), false) as is_to_rural,
        coalesce(bool_or(sectioned.from_locality = 'urban'), false) as is_from_urban,
        -- 跟岗 (shadow) only: every exchange of the teacher between the two schools that year is a shadowing
        bool_and(sectioned.kind is not distinct from 'shadow') as is_shadow_only,
        bool_or(sectioned.is_compulsory) as is_compulsory,
        min(shared_groups.shared_group_id) as shared_group_id,
        count(shared_groups.shared_group_id) > 0 as is_within_group
    from sectioned
    left join shared_groups
        on sectioned.school_year = shared_groups.school_year
        and sectioned.from_school_id = shared_groups.from_school_id
        and sectioned.from_section = shared_groups.from_section
        and sectioned.to_school_id = shared_groups.to_school_id
        and sectioned.to_section = shared_groups.to_section
    group by sectioned.school_year, sectioned.from_school_id, sectioned.to_school_id, sectioned.teacher_id
)

select * from final
