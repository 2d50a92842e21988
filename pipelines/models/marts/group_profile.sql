-- group_profile: each group's type, lead school, members, students and reach on the period's as-of date
-- grain: period × group
-- key: period, group_id
with groups as (
    select * from stg_groups
),

group_members as (
    select * from int_group_members
),

member_summary as (
    select
        period,
        group_id,
        count(*) as n_members,
        sum(students) as n_students,
        sum(students) filter (where locality = 'rural') as n_rural_students,
        list_sort(list_distinct(list(stage))) as stages,
        list_sort(list_distinct(list(county))) as counties,
        -- lead → farthest member; NULL without coordinates
        max(distance_km) filter (where not is_lead) as max_distance_km,
        -- int_group_members gives every member the same (smallest-id) lead
        min(lead_school_id) as lead_school_id,
        min(lead_school_name) as lead_school_name
    from group_members
    group by period, group_id
),

final as (
    select
        groups.period,
        groups.group_id,
        groups.group_name,
        groups.group_type,
        member_summary.lead_school_id,
        member_summary.lead_school_name,
        coalesce(member_summary.n_members, 0)::integer as n_members,
        coalesce(member_summary.n_students, 0)::integer as n_students,
        (coalesce(member_summary.n_rural_students, 0) / nullif(member_summary.n_students, 0))::double as share_rural_students,
        member_summary.stages,
        member_summary.counties,
        member_summary.max_distance_km::double as max_distance_km,
        groups.established_date,
        groups.partner
    from groups
    left join member_summary
        on groups.period = member_summary.period
        and groups.group_id = member_summary.group_id
)

select * from final
