-- int_exchanged_teachers: each teacher exchanged in a school year, per sending and receiving school, with backbone status, kind, compulsory-school flag and whether both schools share a group (not published: holds teacher ids)
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

year_memberships as (
    select * from int_school_year_memberships
),

-- backbone status from the year's snapshot; a teacher missing there: the latest snapshot up to the
-- exchange's period, else the earliest later one
backbone_status as (
    select
        exchanges.school_year,
        exchanges.teacher_id,
        exchanges.start_date,
        teachers.is_backbone,
        teachers.section
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
        exchanges.kind,
        from_schools.locality as from_locality,
        to_schools.locality as to_locality,
        -- as int_exchange_eligibility: a public school with a compulsory section, the teacher not in its senior section
        coalesce(
            from_schools.ownership = 'public'
                and from_schools.stage in ('primary', 'junior', 'nine_year', 'twelve_year', 'complete_secondary')
                and backbone_status.section is distinct from 'senior',
            false
        ) as is_compulsory
    from exchanges
    left join backbone_status
        on exchanges.school_year = backbone_status.school_year
        and exchanges.teacher_id = backbone_status.teacher_id
        and exchanges.start_date = backbone_status.start_date
    left join schools as to_schools
        on exchanges.period = to_schools.period
        and exchanges.to_school_id = to_schools.school_id
    left join schools as from_schools
        on exchanges.period = from_schools.period
        and exchanges.from_school_id = from_schools.school_id
),

-- the two schools share a group in the school year (membership on the year's start, or on a group's founding date)
shared_groups as (
    select distinct from_members.school_year, from_members.school_id as from_school_id, to_members.school_id as to_school_id
    from year_memberships as from_members
    inner join year_memberships as to_members
        on from_members.school_year = to_members.school_year
        and from_members.group_id = to_members.group_id
        and from_members.school_id <> to_members.school_id
),

final as (
    select
        located.school_year,
        located.from_school_id,
        located.to_school_id,
        located.teacher_id,
        bool_or(located.is_backbone) as is_backbone,
        coalesce(bool_or(located.to_locality in ('town', 'rural')), false) as is_to_rural,
        coalesce(bool_or(located.from_locality = 'urban'), false) as is_from_urban,
        -- 跟岗 (shadow) only: every exchange of the teacher between the two schools that year is a shadowing
        bool_and(located.kind is not distinct from 'shadow') as is_shadow_only,
        bool_or(located.is_compulsory) as is_compulsory,
        shared_groups.from_school_id is not null as is_within_group
    from located
    left join shared_groups
        on located.school_year = shared_groups.school_year
        and located.from_school_id = shared_groups.from_school_id
        and located.to_school_id = shared_groups.to_school_id
    group by located.school_year, located.from_school_id, located.to_school_id, located.teacher_id, shared_groups.from_school_id
)

select * from final
