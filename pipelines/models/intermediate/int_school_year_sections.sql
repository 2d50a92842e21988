-- int_school_year_sections: each school's sections (学部) in a school year and the section a teacher is counted in when the roster's 任教学段 names none of them (for teacher exchange)
-- grain: school year × school
-- key: school_year, school_id
with years as (
    select * from int_school_years
),

sections as (
    select * from int_school_sections
),

-- per period: the school's sections and its largest by students (a tie: the lower section)
by_period as (
    select
        period,
        school_id,
        list(section order by case section when 'primary' then 1 when 'junior' then 2 else 3 end) as sections,
        first(section order by section_students desc, case section when 'primary' then 1 when 'junior' then 2 else 3 end)
            as largest_section
    from sections
    group by period, school_id
),

-- the year's snapshot, else the school's latest report (a sending school absent from the snapshot)
final as (
    select
        years.school_year,
        by_period.school_id,
        by_period.sections,
        by_period.largest_section
    from years
    inner join by_period
        on true
    qualify row_number() over (
        partition by years.school_year, by_period.school_id
        order by by_period.period = years.snapshot_period desc, by_period.period desc
    ) = 1
)

select * from final
