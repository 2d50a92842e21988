-- stg_memberships: membership spells; a school is in a group on date d if joined_date <= d < left_date
-- grain: period × group × school × joined_date
-- key: period, group_id, school_id, joined_date
with source as (
    select * from raw_memberships
),

final as (
    select
        period,
        group_id,
        school_id,
        role,
        role = 'lead' as is_lead,
        joined_date,
        left_date,
        carried_from
    from source
)

select * from final
