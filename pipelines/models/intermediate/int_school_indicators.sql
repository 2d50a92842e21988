-- int_school_indicators: the seven resource indicators of each school's primary and junior section, one row per indicator, with its threshold
-- grain: period × school × section × indicator
-- key: period, school_id, section, indicator
with sections as (
    select * from int_school_sections
),

section_teachers as (
    select * from int_section_teachers
),

thresholds as (
    select * from cfg_indicator_thresholds
),

periods_with_teachers as (
    select distinct period from stg_teachers
),

indicator_names as (
    select *
    from (values
        (1, 'qualified_teachers_per_100'),
        (2, 'backbone_per_100'),
        (3, 'pe_arts_per_100'),
        (4, 'teaching_area_per_student'),
        (5, 'sports_area_per_student'),
        (6, 'equipment_per_student'),
        (7, 'multimedia_per_100')
    ) as names(indicator_order, indicator)
),

compulsory_sections as (
    select
        sections.*,
        -- no teachers file for the period: teacher indicators are unknown, not zero
        case when periods_with_teachers.period is null then null else coalesce(section_teachers.n_qualified, 0) end as n_qualified,
        case when periods_with_teachers.period is null then null else coalesce(section_teachers.n_backbone, 0) end as n_backbone,
        case when periods_with_teachers.period is null then null else coalesce(section_teachers.n_pe_arts, 0) end as n_pe_arts
    from sections
    left join section_teachers
        on sections.period = section_teachers.period
        and sections.school_id = section_teachers.school_id
        and sections.section = section_teachers.section
    left join periods_with_teachers
        on sections.period = periods_with_teachers.period
    where sections.section in ('primary', 'junior')
),

-- 督导评估办法 (2017) indicators; a school-level resource is split by the section's student share, so per
-- student it equals resource / the school's section students
section_values as (
    select
        *,
        nullif(section_students, 0) as students_divisor
    from compulsory_sections
),

long as (
    select
        section_values.period,
        section_values.as_of_date,
        section_values.school_id,
        section_values.school_name,
        section_values.county,
        section_values.stage,
        section_values.locality,
        section_values.ownership,
        section_values.section,
        section_values.section_students,
        section_values.section_share,
        section_values.is_section_estimated,
        indicator_names.indicator_order,
        indicator_names.indicator,
        case indicator_names.indicator
            when 'qualified_teachers_per_100' then section_values.n_qualified * 100 / section_values.students_divisor
            when 'backbone_per_100' then section_values.n_backbone * 100 / section_values.students_divisor
            when 'pe_arts_per_100' then section_values.n_pe_arts * 100 / section_values.students_divisor
            when 'teaching_area_per_student'
                then section_values.teaching_area_m2 * section_values.section_share / section_values.students_divisor
            when 'sports_area_per_student'
                then section_values.sports_area_m2 * section_values.section_share / section_values.students_divisor
            when 'equipment_per_student'
                then section_values.equipment_value_yuan * section_values.section_share / section_values.students_divisor
            when 'multimedia_per_100'
                then section_values.multimedia_rooms * 100 * section_values.section_share / section_values.students_divisor
        end::double as value
    from section_values
    cross join indicator_names
),

final as (
    select
        long.*,
        thresholds.threshold,
        long.value >= thresholds.threshold as is_met,
        -- 督导评估办法: the indicators not met must each reach 85% of their threshold
        long.value >= 0.85 * thresholds.threshold as is_within_85
    from long
    left join thresholds
        on long.section = thresholds.section
        and long.indicator = thresholds.indicator
)

select * from final
