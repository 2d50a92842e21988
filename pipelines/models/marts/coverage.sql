-- coverage: schools, students and weak schools in any group on the period's as-of date, with rollups ('all')
-- grain: period × county × stage × locality × ownership, with rollups
-- key: period, county, stage, locality, ownership
with schools as (
    select * from stg_schools
),

memberships as (
    select * from int_memberships_as_of
),

grouped_schools as (
    select distinct period, school_id from memberships
),

-- a school in several groups is covered once (data contract, memberships)
flagged as (
    select
        schools.*,
        grouped_schools.school_id is not null as is_in_group
    from schools
    left join grouped_schools
        on schools.period = grouped_schools.period
        and schools.school_id = grouped_schools.school_id
),

rolled_up as (
    select
        period,
        case when grouping(county) = 1 then 'all' else county end as county,
        case when grouping(stage) = 1 then 'all' else stage end as stage,
        case when grouping(locality) = 1 then 'all' else locality end as locality,
        case when grouping(ownership) = 1 then 'all' else ownership end as ownership,
        count(*)::integer as n_schools,
        count(*) filter (where is_in_group)::integer as n_schools_in_group,
        coalesce(sum(students), 0)::integer as n_students,
        coalesce(sum(students) filter (where is_in_group), 0)::integer as n_students_in_group,
        count(*) filter (where is_weak)::integer as n_weak,
        count(*) filter (where is_weak and is_in_group)::integer as n_weak_in_group
    from flagged
    group by period, cube(county, stage, locality, ownership)
),

final as (
    select
        period,
        county,
        stage,
        locality,
        ownership,
        n_schools,
        n_schools_in_group,
        -- coverage by schools and by students, as bureaus report both (南岸区 2022)
        (n_schools_in_group / nullif(n_schools, 0))::double as share_schools,
        n_students,
        n_students_in_group,
        (n_students_in_group / nullif(n_students, 0))::double as share_students,
        n_weak,
        n_weak_in_group,
        (n_weak_in_group / nullif(n_weak, 0))::double as share_weak
    from rolled_up
)

select * from final
