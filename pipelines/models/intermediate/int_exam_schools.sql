-- int_exam_schools: each school that sat an exam subject, as reported in the latest period among its scores of it: name, county and locality
-- grain: exam × subject × school
-- key: exam_id, subject, school_id
-- One row per school and exam, read by every model that names or places a school's exam figures (exam_school,
-- int_school_score_moments, int_va_schools, value_added_school), so that int_scores_z need not carry the school's
-- labels on each of its rows (38 M at province scale; pipelines/bench/NOTES.md).
with scores as (
    select * from int_scores_z
),

schools as (
    select * from stg_schools
),

-- the periods in which the school's scores of the exam arrived: one, unless the exam's files came over several
school_periods as (
    select distinct exam_id, subject, school_id, period
    from scores
),

final as (
    select
        school_periods.exam_id,
        school_periods.subject,
        school_periods.school_id,
        -- each as of the latest of those periods that reports it: arg_max skips a NULL, so a period with no roster
        -- row for the school (or an empty field) gives way to the one before
        arg_max(schools.school_name, school_periods.period) as school_name,
        arg_max(schools.county, school_periods.period) as county,
        arg_max(schools.locality, school_periods.period) as locality
    from school_periods
    left join schools
        on school_periods.period = schools.period
        and school_periods.school_id = schools.school_id
    group by school_periods.exam_id, school_periods.subject, school_periods.school_id
)

select * from final
