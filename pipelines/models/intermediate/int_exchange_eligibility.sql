-- int_exchange_eligibility: teachers eligible for exchange (交流轮岗) at each school section (学部) at the start of a school year
-- grain: school year × school × section ('all' for a school with no sections: vocational, special)
-- key: school_year, school_id, section
with years as (
    select * from int_school_years
),

year_sections as (
    select * from int_school_year_sections
),

schools as (
    select * from stg_schools
),

teachers as (
    select * from stg_teachers
),

school_years as (
    select
        years.school_year,
        years.year_start,
        years.snapshot_period,
        schools.school_id,
        schools.school_name,
        schools.county,
        schools.locality,
        schools.stage,
        schools.ownership,
        coalesce(year_sections.largest_section, 'all') as largest_section,
        year_sections.sections
    from years
    inner join schools
        on years.snapshot_period = schools.period
    left join year_sections
        on years.school_year = year_sections.school_year
        and schools.school_id = year_sections.school_id
),

-- every section of each school (a school with none: one row, 'all'), so a section without teachers has a row
school_sections as (
    select school_years.*, unnest(coalesce(nullif(sections, []), ['all'])) as section
    from school_years
),

-- eligible: full-time and at the school for at least 6 years by the year's start (教师交流轮岗: 在同一学校连续任教满6年);
-- a teacher whose school_start_date is unknown is counted as eligible (all full-time teachers).
-- is_compulsory: a public school's teacher of a compulsory section (义务教育: 小学、初中) — the school has a
-- primary or junior section (not senior, vocational, special, kindergarten) and the teacher's section is not senior
-- section (docs/metrics.md teacher_exchange, "Sections"): the roster's 任教学段 when the school has that section,
-- else the school's largest section by students ('all' for a school with no sections)
teacher_flags as (
    select
        years.school_year,
        teachers.school_id,
        case
            when list_contains(school_years.sections, teachers.section) then teachers.section
            else school_years.largest_section
        end as section,
        teachers.school_start_date is not null as has_start_date,
        teachers.school_start_date is null
            or teachers.school_start_date <= years.year_start - interval 6 year as is_eligible,
        school_years.ownership = 'public'
            and school_years.stage in ('primary', 'junior', 'nine_year', 'twelve_year', 'complete_secondary')
            and teachers.section is distinct from 'senior' as is_compulsory
    from years
    inner join teachers
        on years.snapshot_period = teachers.period
    inner join school_years
        on years.school_year = school_years.school_year
        and teachers.school_id = school_years.school_id
    where teachers.is_full_time
),

school_counts as (
    select
        school_year,
        school_id,
        section,
        count(*) as n_full_time,
        count(*) filter (where is_eligible) as n_eligible,
        count(*) filter (where has_start_date) as n_with_start_date,
        count(*) filter (where is_compulsory) as n_full_time_compulsory,
        count(*) filter (where is_compulsory and is_eligible) as n_eligible_compulsory
    from teacher_flags
    group by school_year, school_id, section
),

final as (
    select
        school_sections.school_year,
        school_sections.year_start,
        school_sections.snapshot_period,
        school_sections.school_id,
        school_sections.school_name,
        school_sections.county,
        school_sections.locality,
        school_sections.stage,
        school_sections.ownership,
        school_sections.section,
        coalesce(school_counts.n_full_time, 0)::integer as n_full_time,
        coalesce(school_counts.n_eligible, 0)::integer as n_eligible,
        coalesce(school_counts.n_full_time_compulsory, 0)::integer as n_full_time_compulsory,
        coalesce(school_counts.n_eligible_compulsory, 0)::integer as n_eligible_compulsory,
        case
            when coalesce(school_counts.n_full_time, 0) = 0 then null
            when school_counts.n_with_start_date = school_counts.n_full_time then 'six_years'
            when school_counts.n_with_start_date = 0 then 'all_full_time'
            else 'mixed'
        end as eligibility_basis
    from school_sections
    left join school_counts
        on school_sections.school_year = school_counts.school_year
        and school_sections.school_id = school_counts.school_id
        and school_sections.section = school_counts.section
)

select * from final
