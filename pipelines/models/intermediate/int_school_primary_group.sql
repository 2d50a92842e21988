-- int_school_primary_group: one group per grouped school section (学部) and period, so that groups partition school sections (Theil decomposition)
-- grain: period × school × section
-- key: period, school_id, section
with memberships as (
    select * from int_section_memberships
),

-- a section in several groupings is assigned to one: a non-pairing group before a pairing (结对帮带),
-- then the earliest joined, then the smallest group_id
final as (
    select
        period,
        school_id,
        section,
        group_id,
        group_type,
        role,
        is_lead
    from memberships
    qualify row_number() over (
        partition by period, school_id, section
        order by coalesce(group_type = 'pairing', false), joined_date, group_id
    ) = 1
)

select * from final
