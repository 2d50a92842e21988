-- int_section_memberships: each school section (学部) in each group on the period's as-of date — the section's own membership, else its school's whole-school membership
-- grain: period × group × school × section
-- key: period, group_id, school_id, section
with memberships as (
    select * from int_memberships_as_of
),

sections as (
    select * from int_school_sections
),

-- a section belongs to a group through a membership of that section or of the whole school ('all'); the
-- 甘州区 plan puts the 小学部 of five 九年一贯制 schools in one group and their 初中部 in another
resolved as (
    select
        sections.period,
        memberships.group_id,
        memberships.group_type,
        sections.school_id,
        sections.section,
        memberships.section as membership_section,
        memberships.role,
        memberships.is_lead,
        memberships.joined_date
    from sections
    inner join memberships
        on sections.period = memberships.period
        and sections.school_id = memberships.school_id
        and memberships.section in ('all', sections.section)
),

-- the ingest rejects a whole-school spell beside a section spell of the same school and group; should both
-- reach here, the section's own membership wins
final as (
    select *
    from resolved
    qualify row_number() over (
        partition by period, group_id, school_id, section
        order by membership_section = 'all', joined_date desc
    ) = 1
)

select * from final
