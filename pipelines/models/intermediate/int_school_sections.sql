-- int_school_sections: schools split into primary / junior / senior sections with section students and student shares
-- grain: period × school × section
-- key: period, school_id, section
with schools as (
    select * from stg_schools
),

section_names as (
    select * from (values ('primary', 6), ('junior', 3), ('senior', 3)) as names(section, grade_years)
),

-- which sections each stage has (一贯制 and 完全中学 schools have several)
school_section_pairs as (
    select
        schools.*,
        section_names.section,
        section_names.grade_years,
        schools.students_primary is null
            and schools.students_junior is null
            and schools.students_senior is null as has_no_section_counts
    from schools
    inner join section_names
        on (section_names.section = 'primary' and schools.stage in ('primary', 'nine_year', 'twelve_year'))
        or (section_names.section = 'junior' and schools.stage in ('junior', 'nine_year', 'twelve_year', 'complete_secondary'))
        or (section_names.section = 'senior' and schools.stage in ('senior', 'twelve_year', 'complete_secondary'))
),

-- single-stage schools: all students; several sections: the reported section counts (a missing one is 0);
-- none reported: students split by the sections' grade years (6 primary, 3 junior, 3 senior), flagged as estimated
section_counts as (
    select
        *,
        count(*) over (partition by period, school_id) as n_sections,
        sum(grade_years) over (partition by period, school_id) as school_grade_years
    from school_section_pairs
),

counted as (
    select
        *,
        case
            when n_sections = 1 then students::double
            when has_no_section_counts then students * grade_years / school_grade_years
            when section = 'primary' then coalesce(students_primary, 0)::double
            when section = 'junior' then coalesce(students_junior, 0)::double
            else coalesce(students_senior, 0)::double
        end as section_students,
        n_sections > 1 and has_no_section_counts as is_section_estimated
    from section_counts
),

final as (
    select
        period,
        as_of_date,
        school_id,
        school_name,
        county,
        stage,
        locality,
        ownership,
        is_weak,
        section,
        n_sections::integer as n_sections,
        section_students,
        -- share of the school's students in this section: splits school-level resources and unassigned teachers
        section_students / nullif(exact_value(sum(exact_units(section_students)) over (partition by period, school_id)), 0) as section_share,
        is_section_estimated,
        teaching_area_m2,
        sports_area_m2,
        equipment_value_yuan,
        multimedia_rooms
    from counted
)

select * from final
