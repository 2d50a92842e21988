-- stg_groups: education groups and other groupings as reported at each period's end
-- grain: period × group
-- key: period, group_id
with source as (
    select * from raw_groups
),

final as (
    select
        period,
        group_id,
        group_name,
        group_type,
        established_date,
        partner,
        carried_from
    from source
)

select * from final
