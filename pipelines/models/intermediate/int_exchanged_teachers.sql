-- int_exchanged_teachers: each teacher exchanged in a school year, per sending and receiving school, with backbone status (not published: holds teacher ids)
-- grain: school year × from school × to school × teacher
-- key: school_year, from_school_id, to_school_id, teacher_id
with exchanges as (
    select * from stg_exchanges
),

years as (
    select * from int_school_years
),

teachers as (
    select * from stg_teachers
),

schools as (
    select * from stg_schools
),

-- backbone status from the year's snapshot; a teacher missing there: the latest snapshot up to the
-- exchange's period, else the earliest later one
backbone_status as (
    select
        exchanges.school_year,
        exchanges.teacher_id,
        exchanges.start_date,
        teachers.is_backbone
    from exchanges
    inner join years
        on exchanges.school_year = years.school_year
    inner join teachers
        on exchanges.teacher_id = teachers.teacher_id
    qualify row_number() over (
        partition by exchanges.school_year, exchanges.teacher_id, exchanges.start_date
        order by
            teachers.period = years.snapshot_period desc,
            teachers.period <= exchanges.period desc,
            case when teachers.period <= exchanges.period then teachers.period end desc,
            teachers.period
    ) = 1
),

located as (
    select
        exchanges.school_year,
        exchanges.from_school_id,
        exchanges.to_school_id,
        exchanges.teacher_id,
        coalesce(backbone_status.is_backbone, false) as is_backbone,
        to_schools.locality as to_locality
    from exchanges
    left join backbone_status
        on exchanges.school_year = backbone_status.school_year
        and exchanges.teacher_id = backbone_status.teacher_id
        and exchanges.start_date = backbone_status.start_date
    left join schools as to_schools
        on exchanges.period = to_schools.period
        and exchanges.to_school_id = to_schools.school_id
),

final as (
    select
        school_year,
        from_school_id,
        to_school_id,
        teacher_id,
        bool_or(is_backbone) as is_backbone,
        coalesce(bool_or(to_locality in ('town', 'rural')), false) as is_to_rural
    from located
    group by school_year, from_school_id, to_school_id, teacher_id
)

select * from final
