-- headline: the numbers a progress page leads with, per period and county ('all' = the whole region); the gap from district-wide exams only, with the previous comparable exam's
-- grain: period × county
-- key: period, county
with coverage_rows as (
    select * from coverage
),

exchange_rows as (
    select * from teacher_exchange
),

years as (
    select * from int_school_years
),

gaps as (
    select * from urban_rural_gap
),

exams as (
    select * from stg_exams
),

cv_rows as (
    select * from resource_cv
),

resources as (
    select * from school_resources
),

settings as (
    select * from cfg_settings
),

periods as (
    select
        period,
        county,
        n_schools,
        share_schools as share_schools_in_group,
        share_students as share_students_in_group
    from coverage_rows
    where stage = 'all' and locality = 'all' and ownership = 'all'
),

period_dates as (
    select distinct period, as_of_date from stg_schools
),

-- exchange: the latest school year that started by the period's as-of date; 'all' sums the counties. The base is
-- the one teacher_exchange used (config exchange.denominator: eligible or every full-time teacher), so the
-- headline rate is the county row's exchange_rate and 'all' pools the same bases.
county_exchange as (
    select
        exchange_rows.school_year,
        years.year_start,
        exchange_rows.scope_id as county,
        case when exchange_rows.rate_denominator = 'full_time' then exchange_rows.n_full_time else exchange_rows.n_eligible end as n_base,
        exchange_rows.n_exchanged
    from exchange_rows
    inner join years
        on exchange_rows.school_year = years.school_year
    where exchange_rows.scope = 'county'
    union all
    select
        exchange_rows.school_year,
        years.year_start,
        'all' as county,
        sum(case when exchange_rows.rate_denominator = 'full_time' then exchange_rows.n_full_time else exchange_rows.n_eligible end),
        sum(exchange_rows.n_exchanged)
    from exchange_rows
    inner join years
        on exchange_rows.school_year = years.school_year
    where exchange_rows.scope = 'county'
    group by exchange_rows.school_year, years.year_start
),

latest_exchange as (
    select
        period_dates.period,
        county_exchange.county,
        county_exchange.school_year,
        county_exchange.n_exchanged / nullif(county_exchange.n_base, 0) as exchange_rate
    from period_dates
    inner join county_exchange
        on county_exchange.year_start <= period_dates.as_of_date
    qualify row_number() over (partition by period_dates.period, county_exchange.county order by county_exchange.year_start desc) = 1
),

-- urban–rural gap, from comparable exams only (docs/metrics.md, headline). One exam's figure is the mean over its
-- subjects of the published urban − rural gaps in the county (or region). Only district-wide exams (区统考) count:
-- a group's joint exam (集团联考) is sat by one group's schools, so its "region" gap is that group's, and it is never
-- a fallback. Two exams are comparable when both are district-wide, of the same grade, with gaps published for the
-- same subjects: each exam's previous figure is the latest earlier comparable exam's.
exam_gaps as (
    select
        gaps.exam_id,
        any_value(exams.exam_name order by exams.subject) as exam_name,
        any_value(exams.exam_date order by exams.subject) as exam_date,
        any_value(exams.grade order by exams.subject) as grade,
        gaps.scope_id as county,
        string_agg(gaps.subject, ',' order by gaps.subject) as subjects,
        avg(gaps.gap order by gaps.subject) as mean_gap
    from gaps
    inner join exams
        on gaps.exam_id = exams.exam_id
        and gaps.subject = exams.subject
    where gaps.comparison = 'urban_rural'
        and gaps.scope in ('county', 'all')
        and gaps.gap is not null
        and exams.scope = 'district'
    group by gaps.exam_id, gaps.scope_id
),

comparable_gaps as (
    select
        *,
        -- the quarter the exam was sat in, as `period` is written
        year(exam_date) || 'Q' || quarter(exam_date) as exam_period,
        lag(exam_id) over comparable as previous_exam_id,
        lag(exam_date) over comparable as previous_exam_date,
        lag(mean_gap) over comparable as previous_gap
    from exam_gaps
    window comparable as (partition by county, grade, subjects order by exam_date, exam_id)
),

-- the latest district-wide exam by the as-of date (on one date, the lowest grade first); it is carried into later
-- quarters as the latest figure, and gap_in_period says whether the quarter had an exam of its own
latest_gap as (
    select
        period_dates.period,
        comparable_gaps.*
    from period_dates
    inner join comparable_gaps
        on comparable_gaps.exam_date <= period_dates.as_of_date
    qualify row_number() over (
        partition by period_dates.period, comparable_gaps.county
        order by comparable_gaps.exam_date desc, comparable_gaps.grade, comparable_gaps.exam_id
    ) = 1
),

-- largest 差异系数 over the seven indicators; 'all' is the largest over the counties
county_cv as (
    select
        period,
        scope_id as county,
        max(cv) filter (where section = 'primary') as max_cv_primary,
        max(cv) filter (where section = 'junior') as max_cv_junior
    from cv_rows
    where scope = 'county'
    group by period, scope_id
),

all_cv as (
    select period, 'all' as county, max(max_cv_primary) as max_cv_primary, max(max_cv_junior) as max_cv_junior
    from county_cv
    group by period
),

-- a school is compliant when every one of its assessed sections is
school_compliance as (
    select
        period,
        school_id,
        any_value(county) as county,
        count(*) filter (where is_compliant) = count(*) as is_compliant
    from resources
    group by period, school_id
),

compliance as (
    select
        period,
        case when grouping(county) = 1 then 'all' else county end as county,
        count(*) filter (where is_compliant) as n_compliant_schools,
        count(*) as n_schools_assessed
    from school_compliance
    group by grouping sets ((period, county), (period))
),

final as (
    select
        periods.period,
        periods.county,
        case when periods.county = 'all' then nullif(settings.region_name, '') end as region_name,
        periods.share_schools_in_group,
        periods.share_students_in_group,
        latest_exchange.school_year as exchange_school_year,
        latest_exchange.exchange_rate::double as exchange_rate,
        latest_gap.exam_id as gap_exam_id,
        latest_gap.mean_gap::double as urban_rural_gap,
        largest_cv.max_cv_primary::double as max_cv_primary,
        largest_cv.max_cv_junior::double as max_cv_junior,
        coalesce(compliance.n_compliant_schools, 0)::integer as n_compliant_schools,
        coalesce(compliance.n_schools_assessed, 0)::integer as n_schools_assessed,
        periods.n_schools,
        latest_gap.exam_name as gap_exam_name,
        latest_gap.exam_date as gap_exam_date,
        latest_gap.grade::integer as gap_grade,
        latest_gap.subjects as gap_subjects,
        coalesce(latest_gap.exam_period = periods.period, false) as gap_in_period,
        latest_gap.previous_exam_id as gap_previous_exam_id,
        latest_gap.previous_exam_date as gap_previous_exam_date,
        latest_gap.previous_gap::double as gap_previous,
        (latest_gap.mean_gap - latest_gap.previous_gap)::double as gap_change
    from periods
    cross join settings
    left join latest_exchange
        on periods.period = latest_exchange.period and periods.county = latest_exchange.county
    left join latest_gap
        on periods.period = latest_gap.period and periods.county = latest_gap.county
    left join (select * from county_cv union all select * from all_cv) as largest_cv
        on periods.period = largest_cv.period and periods.county = largest_cv.county
    left join compliance
        on periods.period = compliance.period and periods.county = compliance.county
)

select * from final
