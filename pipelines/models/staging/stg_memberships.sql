-- stg_memberships: membership spells; a school is in a group on date d if joined_date <= d < left_date
-- grain: period × group × school × section × joined_date
-- key: period, group_id, school_id, section, joined_date
with source as (
    select * from raw_memberships
),

final as (
    select
        period,
        group_id,
        school_id,
        -- the school's section (学部) in the group: primary | junior | senior; 'all' = the whole school (the
        -- file's section left empty). A school's rows resolve through (school, section), then 'all'
        coalesce(section, 'all') as section,
        role,
        role = 'lead' as is_lead,
        joined_date,
        left_date,
        carried_from
    from source
)

select * from final
