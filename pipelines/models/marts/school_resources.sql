-- school_resources: the seven resource indicators of 督导评估办法 (2017) per school section, the number met and compliance (≥ 6 met, the rest ≥ 85%)
-- grain: period × school × section (primary | junior)
-- key: period, school_id, section
with indicators as (
    select * from int_school_indicators
),

schools as (
    select * from stg_schools
),

sections as (
    select * from int_school_sections
),

-- school size and class size (督导评估办法 2017, 规模与班额): a primary or junior school ≤ 2000 compulsory
-- students, a nine- or twelve-year school ≤ 2500; classes ≤ 45 students in primary, ≤ 50 in junior.
-- The contract reports classes per school, not per section or per class: the average class size
-- (students / classes) is checked only in single-section primary or junior schools, and an average under the
-- limit does not rule out one class over it.
compulsory_size as (
    select period, school_id, exact_sum(section_students) as compulsory_students
    from sections
    where section in ('primary', 'junior')
    group by period, school_id
),

sizes as (
    select
        schools.period,
        schools.school_id,
        compulsory_size.compulsory_students,
        case
            when schools.stage in ('primary', 'junior', 'complete_secondary') then 2000
            when schools.stage in ('nine_year', 'twelve_year') then 2500
        end as school_size_limit,
        case when schools.stage in ('primary', 'junior') then schools.students / nullif(schools.classes, 0) end as class_size
    from schools
    left join compulsory_size
        on schools.period = compulsory_size.period
        and schools.school_id = compulsory_size.school_id
),

pivoted as (
    select
        period,
        school_id,
        section,
        any_value(school_name) as school_name,
        any_value(county) as county,
        any_value(stage) as stage,
        any_value(locality) as locality,
        any_value(ownership) as ownership,
        any_value(section_students) as section_students,
        any_value(is_section_estimated) as is_section_estimated,
        max(value) filter (where indicator = 'qualified_teachers_per_100') as qualified_teachers_per_100,
        max(value) filter (where indicator = 'backbone_per_100') as backbone_per_100,
        max(value) filter (where indicator = 'pe_arts_per_100') as pe_arts_per_100,
        max(value) filter (where indicator = 'teaching_area_per_student') as teaching_area_per_student,
        max(value) filter (where indicator = 'sports_area_per_student') as sports_area_per_student,
        max(value) filter (where indicator = 'equipment_per_student') as equipment_per_student,
        max(value) filter (where indicator = 'multimedia_per_100') as multimedia_per_100,
        count(*) filter (where is_met) as n_met,
        count(*) filter (where value is null) as n_missing,
        count(*) filter (where is_within_85) as n_within_85,
        count(*) filter (where not is_within_85) as n_below_85
    from indicators
    group by period, school_id, section
),

final as (
    select
        pivoted.period,
        pivoted.school_id,
        pivoted.section,
        pivoted.school_name,
        pivoted.county,
        pivoted.stage,
        pivoted.locality,
        pivoted.ownership,
        section_students::double as section_students,
        is_section_estimated,
        qualified_teachers_per_100,
        backbone_per_100,
        pe_arts_per_100,
        teaching_area_per_student,
        sports_area_per_student,
        equipment_per_student,
        multimedia_per_100,
        n_met::integer as n_met,
        n_missing::integer as n_missing,
        -- 督导评估办法 (2017): at least 6 of 7 met and the rest at ≥ 85% of its threshold; unknown when a missing value decides it
        case
            when n_met >= 6 and n_within_85 = 7 then true
            when n_below_85 > 0 or n_met + n_missing < 6 then false
        end as is_compliant,
        sizes.compulsory_students::double as compulsory_students,
        sizes.school_size_limit::integer as school_size_limit,
        sizes.compulsory_students <= sizes.school_size_limit as meets_school_size,
        sizes.class_size::double as class_size,
        (case pivoted.section when 'primary' then 45 else 50 end)::integer as class_size_limit,
        sizes.class_size <= case pivoted.section when 'primary' then 45 else 50 end as meets_class_size
    from pivoted
    left join sizes
        on pivoted.period = sizes.period
        and pivoted.school_id = sizes.school_id
)

select * from final
