-- school_resources: the seven resource indicators of 督导评估办法 (2017) per school section, the number met and compliance (≥ 6 met, the rest ≥ 85%)
-- grain: period × school × section (primary | junior)
-- key: period, school_id, section
with indicators as (
    select * from int_school_indicators
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
        period,
        school_id,
        section,
        school_name,
        county,
        stage,
        locality,
        ownership,
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
        end as is_compliant
    from pivoted
)

select * from final
