-- teacher_exchange: teachers exchanged (交流轮岗) in a school year as a share of a base of teachers (eligible or all full-time, per config), by county, group and sending school, with the urban → rural rate
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
    select distinct exchanged.school_year, exchanged.from_school_id as school_id, exchanged.from_section as section
    from exchanged
),

-- each school section's base under the configured basis (docs/metrics.md teacher_exchange; a teacher counts in
-- the section of the roster's 任教学段, else in the school's largest, int_exchange_eligibility):
--   schools = compulsory_public: a public school with a primary or junior section, its teachers outside the
--   senior section (int_exchange_eligibility.n_*_compulsory); all: every school and full-time teacher
--   denominator = eligible (≥ 6 years at the school, the national rule) | full_time (every 专任教师, 甘州区 plan)
school_bases as (
    select
        eligibility.school_year,
        eligibility.school_id,
        eligibility.section,
        eligibility.county,
        eligibility.locality,
        eligibility.eligibility_basis,
        settings.exchange_schools = 'all'
            or (eligibility.ownership = 'public'
                and eligibility.stage in ('primary', 'junior', 'nine_year', 'twelve_year', 'complete_secondary'))
            as is_in_scope,
        case when settings.exchange_schools = 'all' then eligibility.n_eligible else eligibility.n_eligible_compulsory end
            as n_eligible,
        case when settings.exchange_schools = 'all' then eligibility.n_full_time else eligibility.n_full_time_compulsory end
            as n_full_time
    from eligibility
    cross join settings
),

school_list as (
    select
        school_year, school_id, section, county, locality, eligibility_basis, n_eligible, n_full_time,
        case when settings.exchange_denominator = 'full_time' then n_full_time else n_eligible end as n_base,
        case when settings.exchange_urban_rural_denominator = 'full_time' then n_full_time else n_eligible end
            as n_urban_rural_base
    from school_bases
    cross join settings
    where is_in_scope
    union all
    select
        sending_schools.school_year,
        sending_schools.school_id,
        sending_schools.section,
        latest_counties.county,
        null as locality,
        null as eligibility_basis,
        0 as n_eligible,
        0 as n_full_time,
        0 as n_base,
        0 as n_urban_rural_base
    from sending_schools
    left join latest_counties
        on sending_schools.school_id = latest_counties.school_id
    anti join eligibility
        on sending_schools.school_year = eligibility.school_year
        and sending_schools.school_id = eligibility.school_id
),

-- the school sections in each scope: a school's and a county's rows hold every section of their schools; a
-- group's only the sections it holds (a membership of the section, or of the whole school: 'all'), so the 小学部
-- of a 九年一贯制 school counts in 甘州中学教育集团 and its 初中部 in 中学教育集团
scope_schools as (
    select school_year, 'school' as scope, school_id as scope_id, school_id, section from school_list
    union all
    select school_year, 'county' as scope, county as scope_id, school_id, section from school_list where county is not null
    union all
    select distinct year_memberships.school_year, 'group' as scope, year_memberships.group_id as scope_id,
        school_list.school_id, school_list.section
    from year_memberships
    inner join school_list
        on year_memberships.school_year = school_list.school_year
        and year_memberships.school_id = school_list.school_id
        and year_memberships.section in ('all', school_list.section)
),

base_counts as (
    select
        scope_schools.school_year,
        scope_schools.scope,
        scope_schools.scope_id,
        -- schools with a section in the scope (a school in a group by its 小学部 counts once)
        count(distinct scope_schools.school_id) as n_schools,
        sum(school_list.n_eligible) as n_eligible,
        sum(school_list.n_full_time) as n_full_time,
        sum(school_list.n_base) as n_base,
        sum(school_list.n_urban_rural_base) filter (where school_list.locality = 'urban') as n_urban_base,
        -- one basis when every school shares it, else mixed
        case
            when min(school_list.eligibility_basis) = max(school_list.eligibility_basis) then min(school_list.eligibility_basis)
            when min(school_list.eligibility_basis) is not null then 'mixed'
        end as eligibility_basis
    from scope_schools
    inner join school_list
        on scope_schools.school_year = school_list.school_year
        and scope_schools.school_id = school_list.school_id
        and scope_schools.section = school_list.section
    group by scope_schools.school_year, scope_schools.scope, scope_schools.scope_id
),

-- which exchanges count: 跟岗 (shadow) only with include_shadow; with schools = compulsory_public only a
-- compulsory-section teacher of a public school; with scope = within_group only to a section of the same group
-- (for a group's row: a section that group holds; for a school or county: of any group the two sections share).
-- A teacher counts in a scope through the sending section (int_exchanged_teachers.from_section)
counted as (
    select
        scope_schools.school_year,
        scope_schools.scope,
        scope_schools.scope_id,
        exchanged.teacher_id,
        exchanged.is_backbone,
        exchanged.is_to_rural,
        exchanged.is_from_urban
    from scope_schools
    inner join exchanged
        on scope_schools.school_year = exchanged.school_year
        and scope_schools.school_id = exchanged.from_school_id
        and scope_schools.section = exchanged.from_section
    -- the group holds the receiving school whole, or the receiving section: two joins on equalities only, so
    -- that each is a hash join (one join on `section in ('all', to_section)` and `scope = 'group'` was a nested
    -- loop: 6.2 s of 148 at province scale, NOTES.md). A row matched by both is counted once (count distinct).
    left join (select *, 'group' as scope from year_memberships where section = 'all') as to_whole
        on scope_schools.scope = to_whole.scope
        and scope_schools.school_year = to_whole.school_year
        and scope_schools.scope_id = to_whole.group_id
        and exchanged.to_school_id = to_whole.school_id
    left join (select *, 'group' as scope from year_memberships) as to_section
        on scope_schools.scope = to_section.scope
        and scope_schools.school_year = to_section.school_year
        and scope_schools.scope_id = to_section.group_id
        and exchanged.to_school_id = to_section.school_id
        and exchanged.to_section = to_section.section
    cross join settings
    where (settings.exchange_include_shadow or not exchanged.is_shadow_only)
        and (settings.exchange_schools = 'all' or exchanged.is_compulsory)
        and (
            settings.exchange_scope = 'any'
            or (scope_schools.scope = 'group' and (to_whole.school_id is not null or to_section.school_id is not null))
            or (scope_schools.scope <> 'group' and exchanged.is_within_group)
        )
),

-- distinct teachers whose exchange starts in the year, counted at the sending school (docs/metrics.md)
exchanged_counts as (
    select
        school_year,
        scope,
        scope_id,
        count(distinct teacher_id) as n_exchanged,
        count(distinct teacher_id) filter (where is_backbone) as n_backbone_exchanged,
        count(distinct teacher_id) filter (where is_to_rural) as n_to_rural
    from counted
    group by school_year, scope, scope_id
),

-- urban → town or rural (北碚区: 城乡教师交流 ≥ 15%): any destination of that locality, whatever the scope
urban_rural_counts as (
    select
        scope_schools.school_year,
        scope_schools.scope,
        scope_schools.scope_id,
        count(distinct exchanged.teacher_id) as n_urban_to_rural
    from scope_schools
    inner join exchanged
        on scope_schools.school_year = exchanged.school_year
        and scope_schools.school_id = exchanged.from_school_id
        and scope_schools.section = exchanged.from_section
    cross join settings
    where exchanged.is_from_urban and exchanged.is_to_rural
        and (settings.exchange_include_shadow or not exchanged.is_shadow_only)
        and (settings.exchange_schools = 'all' or exchanged.is_compulsory)
    group by scope_schools.school_year, scope_schools.scope, scope_schools.scope_id
),

final as (
    select
        base_counts.school_year,
        base_counts.scope,
        base_counts.scope_id,
        base_counts.n_schools::integer as n_schools,
        base_counts.n_eligible::integer as n_eligible,
        base_counts.n_full_time::integer as n_full_time,
        base_counts.eligibility_basis,
        settings.exchange_denominator as rate_denominator,
        settings.exchange_scope as rate_scope,
        settings.exchange_include_shadow as includes_shadow,
        settings.exchange_schools as school_scope,
        coalesce(exchanged_counts.n_exchanged, 0)::integer as n_exchanged,
        (coalesce(exchanged_counts.n_exchanged, 0) / nullif(base_counts.n_base, 0))::double as exchange_rate,
        coalesce(exchanged_counts.n_backbone_exchanged, 0)::integer as n_backbone_exchanged,
        (exchanged_counts.n_backbone_exchanged / nullif(exchanged_counts.n_exchanged, 0))::double as backbone_share,
        coalesce(exchanged_counts.n_to_rural, 0)::integer as n_to_rural,
        coalesce(base_counts.n_urban_base, 0)::integer as n_urban_base,
        coalesce(urban_rural_counts.n_urban_to_rural, 0)::integer as n_urban_to_rural,
        (coalesce(urban_rural_counts.n_urban_to_rural, 0) / nullif(base_counts.n_urban_base, 0))::double as urban_rural_rate,
        -- 交流轮岗 ≥ 10% of eligible teachers a year (target in config; 甘州区 ≥ 5% of all 专任教师)
        coalesce(exchanged_counts.n_exchanged, 0) / nullif(base_counts.n_base, 0) >= settings.exchange_rate_target
            as meets_rate,
        -- backbone teachers ≥ 20% of those exchanged (target in config)
        exchanged_counts.n_backbone_exchanged / nullif(exchanged_counts.n_exchanged, 0) >= settings.backbone_share_target
            as meets_backbone,
        -- urban → rural ≥ 15% of the urban schools' base (target in config, 北碚区)
        coalesce(urban_rural_counts.n_urban_to_rural, 0) / nullif(base_counts.n_urban_base, 0) >= settings.urban_rural_target
            as meets_urban_rural
    from base_counts
    left join exchanged_counts
        on base_counts.school_year = exchanged_counts.school_year
        and base_counts.scope = exchanged_counts.scope
        and base_counts.scope_id = exchanged_counts.scope_id
    left join urban_rural_counts
        on base_counts.school_year = urban_rural_counts.school_year
        and base_counts.scope = urban_rural_counts.scope
        and base_counts.scope_id = urban_rural_counts.scope_id
    cross join settings
)

select * from final
