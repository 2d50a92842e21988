-- int_school_years: school years with exchanges, and the snapshot period whose teachers and schools describe them
-- grain: school year
-- key: school_year
with exchanges as (
    select * from stg_exchanges
),

snapshots as (
    select distinct schools.period, schools.as_of_date
    from stg_schools as schools
    inner join (select distinct period from stg_teachers) as teacher_periods
        on schools.period = teacher_periods.period
),

years as (
    select distinct
        school_year,
        -- school year Sep 1 – Aug 31 (stg_exchanges.school_year)
        make_date(cast(left(school_year, 4) as integer), 9, 1) as year_start,
        make_date(cast(left(school_year, 4) as integer) + 1, 8, 31) as year_end
    from exchanges
),

-- the teachers snapshot of the period containing the year's start (Q3, as of Sep 30); if that period
-- has none, the snapshot nearest to the year's start, the earlier one on a tie
chosen as (
    select
        years.school_year,
        years.year_start,
        years.year_end,
        snapshots.period as snapshot_period,
        snapshots.as_of_date as snapshot_as_of_date
    from years
    left join snapshots
        on true
    qualify row_number() over (
        partition by years.school_year
        order by
            (snapshots.as_of_date >= years.year_start and snapshots.as_of_date < years.year_start + interval 3 month) desc,
            abs(date_diff('day', years.year_start, snapshots.as_of_date)),
            snapshots.as_of_date
    ) = 1
),

final as (
    select * from chosen
)

select * from final
