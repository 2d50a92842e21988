-- teacher_exchange: teachers exchanged (交流轮岗) in a school year as a share of eligible teachers, by county, group and sending school
-- grain: school year × scope (county | group | school) × scope_id
-- key: school_year, scope, scope_id
with eligibility as (
    select * from int_exchange_eligibility
),

exchanged as (
    select * from int_exchanged_teachers
),

year_memberships as (
    select * from int_school_year_memberships
),

settings as (
    select * from cfg_settings
),

schools as (
    select * from stg_schools
),

latest_counties as (
    select school_id, arg_max(county, period) as county
    from schools
    group by school_id
),

-- a sending school absent from the year's snapshot still counts, in the county of its latest report
sending_schools as (
    select distinct exchanged.school_year, exchanged.from_school_id as school_id
    from exchanged
),

school_list as (
    select school_year, school_id, county, n_eligible, eligibility_basis
    from eligibility
    union all
    select
        sending_schools.school_year,
        sending_schools.school_id,
        latest_counties.county,
        0 as n_eligible,
        null as eligibility_basis
    from sending_schools
    left join latest_counties
        on sending_schools.school_id = latest_counties.school_id
    anti join eligibility
        on sending_schools.school_year = eligibility.school_year
        and sending_schools.school_id = eligibility.school_id
),

scope_schools as (
    select school_year, 'school' as scope, school_id as scope_id, school_id from school_list
    union all
    select school_year, 'county' as scope, county as scope_id, school_id from school_list where county is not null
    union all
    select school_year, 'group' as scope, group_id as scope_id, school_id from year_memberships
),

eligible_counts as (
    select
        scope_schools.school_year,
        scope_schools.scope,
        scope_schools.scope_id,
        count(*) as n_schools,
        sum(school_list.n_eligible) as n_eligible,
        -- one basis when every school shares it, else mixed
        case
            when min(school_list.eligibility_basis) = max(school_list.eligibility_basis) then min(school_list.eligibility_basis)
            when min(school_list.eligibility_basis) is not null then 'mixed'
        end as eligibility_basis
    from scope_schools
    inner join school_list
        on scope_schools.school_year = school_list.school_year
        and scope_schools.school_id = school_list.school_id
    group by scope_schools.school_year, scope_schools.scope, scope_schools.scope_id
),

-- distinct teachers whose exchange starts in the year, counted at the sending school (docs/metrics.md)
exchanged_counts as (
    select
        scope_schools.school_year,
        scope_schools.scope,
        scope_schools.scope_id,
        count(distinct exchanged.teacher_id) as n_exchanged,
        count(distinct exchanged.teacher_id) filter (where exchanged.is_backbone) as n_backbone_exchanged,
        count(distinct exchanged.teacher_id) filter (where exchanged.is_to_rural) as n_to_rural
    from scope_schools
    inner join exchanged
        on scope_schools.school_year = exchanged.school_year
        and scope_schools.school_id = exchanged.from_school_id
    group by scope_schools.school_year, scope_schools.scope, scope_schools.scope_id
),

final as (
    select
        eligible_counts.school_year,
        eligible_counts.scope,
        eligible_counts.scope_id,
        eligible_counts.n_schools::integer as n_schools,
        eligible_counts.n_eligible::integer as n_eligible,
        eligible_counts.eligibility_basis,
        coalesce(exchanged_counts.n_exchanged, 0)::integer as n_exchanged,
        (coalesce(exchanged_counts.n_exchanged, 0) / nullif(eligible_counts.n_eligible, 0))::double as exchange_rate,
        coalesce(exchanged_counts.n_backbone_exchanged, 0)::integer as n_backbone_exchanged,
        (exchanged_counts.n_backbone_exchanged / nullif(exchanged_counts.n_exchanged, 0))::double as backbone_share,
        coalesce(exchanged_counts.n_to_rural, 0)::integer as n_to_rural,
        -- 交流轮岗 ≥ 10% of eligible teachers a year (target in config)
        coalesce(exchanged_counts.n_exchanged, 0) / nullif(eligible_counts.n_eligible, 0) >= settings.exchange_rate_target
            as meets_rate,
        -- backbone teachers ≥ 20% of those exchanged (target in config)
        exchanged_counts.n_backbone_exchanged / nullif(exchanged_counts.n_exchanged, 0) >= settings.backbone_share_target
            as meets_backbone
    from eligible_counts
    left join exchanged_counts
        on eligible_counts.school_year = exchanged_counts.school_year
        and eligible_counts.scope = exchanged_counts.scope
        and eligible_counts.scope_id = exchanged_counts.scope_id
    cross join settings
)

select * from final
