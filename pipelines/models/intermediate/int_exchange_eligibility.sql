-- int_exchange_eligibility: teachers eligible for exchange (交流轮岗) at each school at the start of a school year
-- grain: school year × school
-- key: school_year, school_id
with years as (
    select * from int_school_years
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
        schools.ownership
    from years
    inner join schools
        on years.snapshot_period = schools.period
),

-- eligible: full-time and at the school for at least 6 years by the year's start (教师交流轮岗: 在同一学校连续任教满6年);
-- a teacher whose school_start_date is unknown is counted as eligible (all full-time teachers).
-- is_compulsory: a public school's teacher of a compulsory section (义务教育: 小学、初中) — the school has a
-- primary or junior section (not senior, vocational, special, kindergarten) and the teacher's section is not senior
teacher_flags as (
    select
        years.school_year,
        teachers.school_id,
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
        count(*) as n_full_time,
        count(*) filter (where is_eligible) as n_eligible,
        count(*) filter (where has_start_date) as n_with_start_date,
        count(*) filter (where is_compulsory) as n_full_time_compulsory,
        count(*) filter (where is_compulsory and is_eligible) as n_eligible_compulsory
    from teacher_flags
    group by school_year, school_id
),

final as (
    select
        school_years.*,
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
    from school_years
    left join school_counts
        on school_years.school_year = school_counts.school_year
        and school_years.school_id = school_counts.school_id
)

select * from final
