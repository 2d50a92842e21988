-- coverage: schools, students and weak schools in any group on the period's as-of date, with rollups ('all')
-- grain: period × county × stage × locality × ownership, with rollups
-- key: period, county, stage, locality, ownership
with schools as (
    select * from stg_schools
),

memberships as (
    select * from int_memberships_as_of
),

sections as (
    select * from int_school_sections
),

-- a school is covered when it, or any of its sections (学部), is in a group; it is in whole when the school
-- itself is (section 'all')
grouped_schools as (
    select period, school_id, bool_or(section = 'all') as is_whole
    from memberships
    group by period, school_id
),

-- the students of a school's sections that are in a group, for a school grouped by section only
grouped_sections as (
    select sections.period, sections.school_id, exact_sum(sections.section_students) as section_students,
        count(*) as n_sections_in_group, any_value(sections.n_sections) as n_sections
    from sections
    semi join memberships
        on sections.period = memberships.period
        and sections.school_id = memberships.school_id
        and sections.section = memberships.section
    group by sections.period, sections.school_id
),

-- a school in several groups is covered once (data contract, memberships); its students in a group are all
-- of them, or its grouped sections' students; partly in a group: some of its sections are in none
flagged as (
    select
        schools.*,
        grouped_schools.school_id is not null as is_in_group,
        coalesce(not grouped_schools.is_whole and grouped_sections.n_sections_in_group < grouped_sections.n_sections, false)
            as is_partly_in_group,
        case
            when grouped_schools.is_whole then schools.students
            when grouped_schools.school_id is not null then coalesce(grouped_sections.section_students, 0)
            else 0
        end as students_in_group
    from schools
    left join grouped_schools
        on schools.period = grouped_schools.period
        and schools.school_id = grouped_schools.school_id
    left join grouped_sections
        on schools.period = grouped_sections.period
        and schools.school_id = grouped_sections.school_id
),

rolled_up as (
    select
        period,
        case when grouping(county) = 1 then 'all' else county end as county,
        case when grouping(stage) = 1 then 'all' else stage end as stage,
        case when grouping(locality) = 1 then 'all' else locality end as locality,
        case when grouping(ownership) = 1 then 'all' else ownership end as ownership,
        count(*)::integer as n_schools,
        count(*) filter (where is_in_group)::integer as n_schools_in_group,
        count(*) filter (where is_partly_in_group)::integer as n_schools_partly_in_group,
        coalesce(sum(students), 0)::integer as n_students,
        coalesce(sum(students_in_group), 0)::integer as n_students_in_group,
        count(*) filter (where is_weak)::integer as n_weak,
        count(*) filter (where is_weak and is_in_group)::integer as n_weak_in_group
    from flagged
    group by period, cube(county, stage, locality, ownership)
),

final as (
    select
        period,
        county,
        stage,
        locality,
        ownership,
        n_schools,
        n_schools_in_group,
        n_schools_partly_in_group,
        -- coverage by schools and by students, as bureaus report both (南岸区 2022)
        (n_schools_in_group / nullif(n_schools, 0))::double as share_schools,
        n_students,
        n_students_in_group,
        (n_students_in_group / nullif(n_students, 0))::double as share_students,
        n_weak,
        n_weak_in_group,
        (n_weak_in_group / nullif(n_weak, 0))::double as share_weak
    from rolled_up
)

select * from final
