// Builds the demo's entity tables inside DuckDB. Every random draw is u01/nrm of hash(seed, keys, salt),
// so a table's content depends only on the seed and the scale, never on thread scheduling.
import type {Db} from "../db.js";
import {lit} from "../sql.js";
import {COHORTS, PLANTED, SCHOOL_YEARS, SITTINGS, SUBJECT_NO, THRESHOLDS, type ScaleSpec} from "./model.js";
import {TEMPLATE_GROUPS, TEMPLATE_SCHOOLS, TEMPLATE_SPELLS} from "./roster.js";

const sqlValue = (value: string | number | boolean | undefined | null): string =>
  typeof value === "string" ? lit(value) : value === undefined || value === null ? "null" : String(value);
const values = (rows: readonly (readonly (string | number | boolean | undefined | null)[])[]): string =>
  rows.map((row) => `(${row.map(sqlValue).join(", ")})`).join(",\n");

export async function buildTables(db: Db, seed: number, scale: ScaleSpec): Promise<void> {
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer: ${seed}`);
  for (const sql of [
    macros(seed),
    templates(),
    counties(scale.counties),
    schools(),
    schoolState(),
    resources(),
    groups(),
    spells(),
    teacherSlots(),
    teachers(),
    exchangeWaves(),
    exchanges(),
    cohortStudents(scale),
    schoolEffects(),
    exams(scale),
    examSchools()
  ]) {
    await db.run(sql);
  }
}

// u01: uniform on (0,1); nrm: standard normal by Box–Muller. hash() is DuckDB's, stable for a version.
function macros(seed: number): string {
  return `
create or replace macro u01(k1, k2, salt) as
    ((hash(${seed}::bigint, k1::bigint, k2::bigint, salt::varchar) % 1000000007)::double + 0.5) / 1000000007.0;
create or replace macro nrm(k1, k2, salt) as
    sqrt(-2 * ln(u01(k1, k2, salt || ':a'))) * cos(2 * pi() * u01(k1, k2, salt || ':b'));`;
}

function templates(): string {
  const schoolRows = TEMPLATE_SCHOOLS.map((s) => [
    s.idx, s.name, s.prefix, s.stage, s.locality, s.students, s.isWeak ?? false, s.ownership ?? "public",
    s.eastKm, s.northKm, s.openedYear
  ]);
  const groupRows = TEMPLATE_GROUPS.map((g) => [
    g.idx, g.name, g.type, g.established, g.partner ?? null, g.exchangeRate, g.jointExam
  ]);
  const spellRows = TEMPLATE_SPELLS.map((p) => [p.group, p.school, p.section ?? null, p.role, p.joined, p.left ?? null]);
  return `
create or replace table tpl_schools as
select * from (values ${values(schoolRows)})
    t(idx, name, prefix, stage, locality, students, is_weak, ownership, east_km, north_km, opened_year);
create or replace table tpl_groups as
select idx, name, type, established::date as established, partner, exchange_rate, joint_exam
from (values ${values(groupRows)}) t(idx, name, type, established, partner, exchange_rate, joint_exam);
create or replace table tpl_spells as
select group_idx, school_idx, section, role, joined::date as joined_date, left_date::date as left_date
from (values ${values(spellRows)}) t(group_idx, school_idx, section, role, joined, left_date);
create or replace table school_years as select unnest(${lit("[" + SCHOOL_YEARS.join(",") + "]")}::integer[]) as school_year;`;
}

function counties(n: number): string {
  return `
create or replace table counties as
select
    range::integer as county_no,
    case when range = 0 then '甘州区' else '示例县' || lpad(range::varchar, 3, '0') end as county
from range(${n});`;
}

// One row per school. Replicas beyond county 0 get synthetic names, a map offset and jittered enrolment.
function schools(): string {
  return `
create or replace table schools as
with replicated as (
    select
        counties.county_no,
        counties.county,
        tpl_schools.*,
        counties.county_no * 100 + tpl_schools.idx as school_key
    from counties
    cross join tpl_schools
),

final as (
    select
        school_key,
        county_no,
        county,
        idx as template_idx,
        '2162' || lpad(county_no::varchar, 3, '0') || lpad(idx::varchar, 3, '0') as school_id,
        case when county_no = 0 then prefix || name else county || name end as school_name,
        stage,
        locality,
        ownership,
        is_weak,
        case
            when county_no = 0 then students
            else round(students * (0.45 + 0.5 * u01(school_key, 0, 'enrolment')))::integer
        end as students_2024,
        round(38.93 + (county_no // 15) * 0.9 + north_km / 111.0, 5)::decimal(8, 5) as lat,
        round(100.45 + (county_no % 15) * 1.1 + east_km / 86.4, 5)::decimal(9, 5) as lon,
        make_date(opened_year, 9, 1) as opened_date,
        case stage when 'primary' then 'primary' else 'junior' end as base_section
    from replicated
)

select * from final order by school_key;`;
}

// Enrolment per school year: urban growing, town and rural shrinking, as in most western counties.
function schoolState(): string {
  return `
create or replace table school_state as
with enrolment as (
    select
        schools.school_key,
        school_years.school_year,
        schools.stage,
        case
            when school_years.school_year = 2024 then schools.students_2024
            else round(
                schools.students_2024
                * pow(case schools.locality when 'urban' then 1.02 when 'town' then 0.98 else 0.97 end, school_years.school_year - 2024)
                * (1 + greatest(-0.03, least(0.03, 0.015 * nrm(schools.school_key, school_years.school_year, 'drift'))))
            )::integer
        end as students
    from schools
    cross join school_years
),

final as (
    select
        school_key,
        school_year,
        students,
        case stage
            when 'nine_year' then round(students * 0.68)::integer
            when 'twelve_year' then round(students * 0.45)::integer
        end as students_primary,
        case stage
            when 'nine_year' then students - round(students * 0.68)::integer
            when 'twelve_year' then round(students * 0.25)::integer
        end as students_junior,
        case stage when 'twelve_year' then students - round(students * 0.45)::integer - round(students * 0.25)::integer end
            as students_senior
    from enrolment
)

select * from final order by school_key, school_year;`;
}

// Building and equipment indicators: most schools sit 10–55% above the national threshold of their
// base section; a planted few (more of them rural or weak) sit 15–28% below it in every school year.
function resources(): string {
  const t = THRESHOLDS;
  return `
create or replace table resource_plan as
with indicators as (
    select * from (values
        (1, 'teaching_area_per_student', ${t.teaching_area_per_student.primary}, ${t.teaching_area_per_student.junior}, 1.0),
        (2, 'sports_area_per_student', ${t.sports_area_per_student.primary}, ${t.sports_area_per_student.junior}, 1.0),
        (3, 'equipment_per_student', ${t.equipment_per_student.primary}, ${t.equipment_per_student.junior}, 1.0),
        (4, 'multimedia_per_100', ${t.multimedia_per_100.primary}, ${t.multimedia_per_100.junior}, 100.0)
    ) t(indicator_no, indicator, threshold_primary, threshold_junior, per)
),

draws as (
    select
        schools.school_key,
        indicators.*,
        case schools.base_section when 'primary' then threshold_primary else threshold_junior end as base_threshold,
        u01(schools.school_key, indicators.indicator_no, 'below')
            < case when schools.locality = 'rural' or schools.is_weak then ${PLANTED.belowShareRuralOrWeak} else ${PLANTED.belowShareOther} end
            as is_planted_below,
        u01(schools.school_key, indicators.indicator_no, 'factor') as u
    from schools
    cross join indicators
)

select
    *,
    case when is_planted_below then 0.72 + 0.13 * u else 1.10 + 0.45 * u * u end as factor
from draws
order by school_key, indicator_no;

create or replace table school_resources as
with pivoted as (
    select
        resource_plan.school_key,
        max(case when indicator_no = 1 then base_threshold * factor end) as teaching,
        max(case when indicator_no = 2 then base_threshold * factor end) as sports,
        max(case when indicator_no = 3 then base_threshold * factor end) as equipment,
        bool_or(indicator_no = 3 and is_planted_below) as equipment_below,
        max(case when indicator_no = 4 then base_threshold * factor / 100 end) as multimedia,
        bool_or(indicator_no = 4 and is_planted_below) as multimedia_below
    from resource_plan
    group by resource_plan.school_key
)

select
    schools.school_key,
    round(schools.students_2024 * teaching, 1)::decimal(12, 1) as teaching_area_m2,
    round(schools.students_2024 * sports, 1)::decimal(12, 1) as sports_area_m2,
    schools.students_2024 * equipment as equipment_2024,
    equipment_below,
    -- rounding down keeps a planted shortfall a shortfall even in the smallest village school
    case when multimedia_below then floor(schools.students_2024 * multimedia) else ceil(schools.students_2024 * multimedia) end::integer
        as multimedia_rooms
from schools
inner join pivoted on pivoted.school_key = schools.school_key
order by schools.school_key;`;
}

function groups(): string {
  return `
create or replace table groups as
select
    counties.county_no * 100 + tpl_groups.idx as group_key,
    counties.county_no,
    tpl_groups.idx as template_idx,
    'JT62' || lpad(counties.county_no::varchar, 3, '0') || lpad(tpl_groups.idx::varchar, 2, '0') as group_id,
    case when counties.county_no = 0 then '甘州区' else counties.county end || tpl_groups.name as group_name,
    tpl_groups.type as group_type,
    tpl_groups.established as established_date,
    tpl_groups.partner,
    tpl_groups.joint_exam,
    -- replicas vary the planted rate by up to ±0.02 so counties differ
    tpl_groups.exchange_rate
        + case when counties.county_no = 0 then 0 else 0.01 * (floor(u01(counties.county_no * 100 + tpl_groups.idx, 0, 'rate') * 5) - 2) end
        as exchange_rate
from counties
cross join tpl_groups
order by group_key;`;
}

function spells(): string {
  return `
create or replace table spells as
select
    groups.group_key,
    groups.group_id,
    schools.school_key,
    schools.school_id,
    -- the school's section (学部) in the group; NULL = the whole school
    tpl_spells.section,
    tpl_spells.role,
    tpl_spells.joined_date,
    tpl_spells.left_date
from tpl_spells
inner join groups on groups.template_idx = tpl_spells.group_idx
inner join schools on schools.template_idx = tpl_spells.school_idx and schools.county_no = groups.county_no
order by groups.group_key, schools.school_key, tpl_spells.section, tpl_spells.joined_date;`;
}

// Teaching posts per school section; sized per 100 students, more generously where schools are small.
function teacherSlots(): string {
  return `
create or replace table teacher_slots as
with sections as (
    select schools.*, school_state.students_primary, school_state.students_junior, school_state.students_senior,
        unnest(case stage
            when 'nine_year' then ['primary', 'junior']
            when 'twelve_year' then ['primary', 'junior', 'senior']
            when 'primary' then ['primary']
            when 'junior' then ['junior']
            when 'special' then ['primary']
            else ['senior']
        end) as section
    from schools
    inner join school_state on school_state.school_key = schools.school_key and school_state.school_year = 2024
),

sized as (
    select
        *,
        case section when 'primary' then 1 when 'junior' then 2 else 3 end as section_no,
        case section
            when 'primary' then coalesce(students_primary, students_2024)
            when 'junior' then coalesce(students_junior, students_2024)
            else coalesce(students_senior, students_2024)
        end as section_students
    from sections
),

posts as (
    select
        *,
        greatest(4, round(section_students / 100.0
            * case
                when stage = 'special' then 22
                when section = 'primary' then case locality when 'urban' then 5.0 when 'town' then 6.0 else 7.5 end
                when section = 'junior' then case locality when 'urban' then 7.0 when 'town' then 7.8 else 9.0 end
                else 8.0
            end
            * exp(0.08 * nrm(school_key, section_no, 'posts'))))::integer as n_posts
    from sized
),

numbered as (
    select
        *,
        coalesce(sum(n_posts) over (partition by school_key order by section_no rows between unbounded preceding and 1 preceding), 0)
            as post_offset
    from posts
)

select
    school_key, school_id, county_no, locality, stage, section, section_no,
    post_offset + unnest(range(1, n_posts + 1)) as post_no
from numbered
order by school_key, post_no;`;
}

// A post is held by the same teacher all school year (leavers go on Aug 31, hires start Sep 1), so
// exchange eligibility (≥ 6 years at the school) is the same whichever date in the year one uses.
function teachers(): string {
  return `
create or replace table teachers as
with posts as (
    select
        *,
        school_key * 1000 + post_no as post_key,
        (u01(school_key * 1000 + post_no, 2025, 'leave') < 0.05)::integer as left_2025,
        (u01(school_key * 1000 + post_no, 2026, 'leave') < 0.05)::integer as left_2026
    from teacher_slots
),

holders as (
    select
        posts.*,
        school_years.school_year,
        case school_years.school_year when 2024 then 0 when 2025 then left_2025 else left_2025 + left_2026 end as version
    from posts
    cross join school_years
),

drawn as (
    select
        *,
        post_key * 10 + version as teacher_key,
        case when version = 0 then 24 + floor(u01(post_key, 0, 'age') * 36)::integer else 22 + floor(u01(post_key, version, 'age') * 6)::integer end
            as age_at_hire_or_2024,
        case
            when version = 0 then null
            when version = 1 and left_2025 = 1 then 2025
            else 2026
        end as hire_year_new
    from holders
),

dated as (
    select
        *,
        case when version = 0 then 2024 - age_at_hire_or_2024 else hire_year_new - age_at_hire_or_2024 end as birth_year,
        coalesce(hire_year_new, 2024 - least(age_at_hire_or_2024 - 22, floor(-ln(u01(post_key, 0, 'tenure')) * 9)::integer))
            as start_year
    from drawn
),

attributes as (
    select
        *,
        school_year - birth_year as age,
        u01(teacher_key, 0, 'title') as u_title,
        u01(teacher_key, 0, 'degree') as u_degree,
        u01(teacher_key, 0, 'backbone') as u_backbone,
        u01(teacher_key, 1, 'backbone') as u_level,
        u01(teacher_key, 0, 'subject') as u_subject,
        case when stage = 'special' then 0.20 else case locality when 'urban' then 0.20 when 'town' then 0.16 else 0.12 end end
            as pe_arts_share,
        case locality when 'urban' then 0.92 when 'town' then 0.80 else 0.62 end
            + case when section = 'primary' then 0 else 0.06 end
            - case when 2024 - birth_year > 45 then 0.15 else 0 end as bachelor_share
    from dated
),

final as (
    select
        school_year,
        teacher_key,
        post_key,
        'T' || school_id || lpad(post_no::varchar, 3, '0') || version::varchar as teacher_id,
        school_key,
        school_id,
        locality,
        section,
        case when stage in ('nine_year', 'twelve_year') then section end as section_reported,
        case
            when u_subject < pe_arts_share * 0.4 then '体育'
            when u_subject < pe_arts_share * 0.7 then '音乐'
            when u_subject < pe_arts_share then '美术'
            when u_subject < pe_arts_share + (1 - pe_arts_share) * 0.32 then '语文'
            when u_subject < pe_arts_share + (1 - pe_arts_share) * 0.58 then '数学'
            when u_subject < pe_arts_share + (1 - pe_arts_share) * 0.72 then '英语'
            when section = 'primary' then case when u_subject < pe_arts_share + (1 - pe_arts_share) * 0.84 then '科学' when u_subject < pe_arts_share + (1 - pe_arts_share) * 0.94 then '道德与法治' else '信息科技' end
            else case when u_subject < pe_arts_share + (1 - pe_arts_share) * 0.8 then '物理' when u_subject < pe_arts_share + (1 - pe_arts_share) * 0.86 then '化学' when u_subject < pe_arts_share + (1 - pe_arts_share) * 0.91 then '生物' when u_subject < pe_arts_share + (1 - pe_arts_share) * 0.96 then '历史' else '地理' end
        end as subject,
        case
            when 2024 - birth_year < 27 then case when u_title < 0.4 then 'none' else 'second' end
            when 2024 - birth_year < 35 then case when u_title < 0.55 then 'second' else 'first' end
            when 2024 - birth_year < 45 then case when u_title < 0.25 then 'second' when u_title < 0.8 then 'first' else 'senior' end
            else case when u_title < 0.45 then 'first' when u_title < 0.97 then 'senior' else 'senior_professor' end
        end as title,
        case
            when u_degree < case when 2024 - birth_year < 40 then case locality when 'urban' then 0.10 when 'town' then 0.03 else 0.01 end else 0.01 end then 'master'
            when u_degree < bachelor_share then 'bachelor'
            when u_degree < bachelor_share + (1 - bachelor_share) * 0.85 then 'associate'
            else 'secondary'
        end as degree,
        case
            when 2024 - birth_year < 30 or version > 0 then 'none'
            when u_backbone >= case locality when 'urban' then 0.20 when 'town' then 0.13 else 0.09 end then 'none'
            when u_level < 0.62 then 'county'
            when u_level < 0.90 then 'municipal'
            when u_level < 0.985 then 'provincial'
            else 'national'
        end as backbone_level,
        u01(teacher_key, 0, 'fulltime') < 0.96 as is_full_time,
        make_date(start_year, 9, 1) as school_start_date,
        start_year,
        birth_year,
        case when u01(teacher_key, 0, 'gender') < 0.68 then 'female' else 'male' end as gender
    from attributes
)

select
    *,
    is_full_time and start_year <= school_year - 6 as is_eligible,
    backbone_level <> 'none' as is_backbone
from final
order by school_year, teacher_id;`;
}

// Each group holds one exchange wave a school year: Sep 1, or after the spring festival if the group
// was founded during the autumn term. A group holds schools or sections (学部) of them; a school section in
// several groups sends its teachers through its most specific group (the highest template index: a pairing or
// community before an alliance), so a 九年一贯制 school's 小学部 teachers go with 甘州中学教育集团 and its
// 初中部 teachers with 中学教育集团.
function exchangeWaves(): string {
  return `
create or replace table exchange_waves as
with waves as (
    select
        groups.*,
        school_years.school_year,
        case
            when groups.established_date <= make_date(school_years.school_year, 9, 1) then make_date(school_years.school_year, 9, 1)
            when school_years.school_year < 2026 and groups.established_date <= make_date(school_years.school_year + 1, 2, 24)
                then make_date(school_years.school_year + 1, 2, 24)
        end as wave_date,
        exchange_rate + 0.01 * (school_years.school_year - 2024) as planted_rate
    from groups
    cross join school_years
)

select * from waves where wave_date is not null order by group_key, school_year;

create or replace table wave_members as
select exchange_waves.group_key, exchange_waves.school_year, exchange_waves.wave_date, spells.school_key,
    -- the section (学部) the group holds; NULL = the whole school
    spells.section, spells.role, exchange_waves.template_idx
from exchange_waves
inner join spells
    on spells.group_key = exchange_waves.group_key
    and spells.joined_date <= exchange_waves.wave_date
    and (spells.left_date is null or spells.left_date > exchange_waves.wave_date)
order by group_key, school_year, school_key, section;

create or replace table home_groups as
with school_sections as (
    select distinct school_key, section from teacher_slots
)

select school_sections.school_key, school_sections.section, wave_members.school_year,
    arg_max(wave_members.group_key, wave_members.template_idx) as group_key
from school_sections
inner join wave_members
    on wave_members.school_key = school_sections.school_key
    and (wave_members.section is null or wave_members.section = school_sections.section)
group by school_sections.school_key, school_sections.section, wave_members.school_year
order by school_key, section, school_year;`;
}

// Exact planted counts: round(rate × eligible) per group and year, drawn without replacement with
// urban and backbone teachers weighted up (Efraimidis–Spirakis keys).
function exchanges(): string {
  return `
create or replace table exchange_pool as
select
    home_groups.group_key,
    teachers.*,
    -ln(u01(teachers.teacher_key, teachers.school_year, 'exchange'))
        / ((case teachers.locality when 'urban' then 4 when 'town' then 1.5 else 1 end) * (case when teachers.is_backbone then 2.5 else 1 end))
        as draw_key
from teachers
inner join home_groups
    on home_groups.school_key = teachers.school_key and home_groups.section = teachers.section
    and home_groups.school_year = teachers.school_year
where teachers.is_eligible
order by home_groups.group_key, home_groups.school_year, teachers.teacher_id;

create or replace table exchange_targets as
select exchange_waves.group_key, exchange_waves.school_year, exchange_waves.wave_date, exchange_waves.planted_rate,
    count(exchange_pool.teacher_key)::integer as n_pool,
    round(exchange_waves.planted_rate * count(exchange_pool.teacher_key))::integer as n_target
from exchange_waves
left join exchange_pool on exchange_pool.group_key = exchange_waves.group_key and exchange_pool.school_year = exchange_waves.school_year
group by exchange_waves.group_key, exchange_waves.school_year, exchange_waves.wave_date, exchange_waves.planted_rate
order by group_key, school_year;

create or replace table exchanges as
with ranked as (
    select exchange_pool.*, row_number() over (partition by exchange_pool.group_key, exchange_pool.school_year order by draw_key, teacher_key) as draw_rank
    from exchange_pool
),

chosen as (
    select ranked.*, exchange_targets.wave_date
    from ranked
    inner join exchange_targets on exchange_targets.group_key = ranked.group_key and exchange_targets.school_year = ranked.school_year
    where ranked.draw_rank <= exchange_targets.n_target
),

destinations as (
    -- urban senders go to town and rural members; town and rural senders shadow at the lead; a teacher goes to
    -- a member school as a whole or to a member section of her own (a 小学部 teacher to a 小学部)
    select
        chosen.teacher_key,
        arg_min(schools.school_id,
            (case
                when chosen.locality = 'urban' then case schools.locality when 'rural' then 0 when 'town' then 1 else 2 end
                else case when wave_members.role = 'lead' then 0 when schools.locality = 'urban' then 1 else 2 end
            end) + u01(chosen.teacher_key, wave_members.school_key, 'destination')) as to_school_id,
        arg_min(schools.locality,
            (case
                when chosen.locality = 'urban' then case schools.locality when 'rural' then 0 when 'town' then 1 else 2 end
                else case when wave_members.role = 'lead' then 0 when schools.locality = 'urban' then 1 else 2 end
            end) + u01(chosen.teacher_key, wave_members.school_key, 'destination')) as to_locality
    from chosen
    inner join wave_members
        on wave_members.group_key = chosen.group_key and wave_members.school_year = chosen.school_year
        and wave_members.school_key <> chosen.school_key
        and (wave_members.section is null or wave_members.section = chosen.section)
    inner join schools on schools.school_key = wave_members.school_key
    group by chosen.teacher_key
),

final as (
    select
        chosen.group_key,
        chosen.school_year,
        chosen.teacher_id,
        chosen.teacher_key,
        chosen.school_id as from_school_id,
        destinations.to_school_id,
        chosen.wave_date as start_date,
        chosen.is_backbone,
        case
            when chosen.locality <> 'urban' then 'shadow'
            when u01(chosen.teacher_key, 0, 'kind') < 0.6 then 'rotation'
            when u01(chosen.teacher_key, 0, 'kind') < 0.9 then 'support'
            else 'itinerant'
        end as kind
    from chosen
    inner join destinations on destinations.teacher_key = chosen.teacher_key
)

select
    *,
    case kind when 'shadow' then start_date + interval 3 month - interval 1 day else start_date + interval 1 year - interval 1 day end::date
        as end_date
from final
order by start_date, teacher_id;`;
}

// Tested students: a cohort is followed from its 2024-2025 grade into the next year (no transfers).
function cohortStudents(scale: ScaleSpec): string {
  const cohortRows = COHORTS.map((c) => [c.code, c.no, c.section, c.grade2024]);
  return `
create or replace table cohorts as
select * from (values ${values(cohortRows)}) t(cohort, cohort_no, section, grade_2024);

create or replace table cohort_sizes as
select
    schools.school_key,
    schools.school_id,
    schools.county_no,
    schools.locality,
    cohorts.cohort,
    cohorts.cohort_no,
    cohorts.section,
    round(
        case cohorts.section
            when 'primary' then coalesce(school_state.students_primary, school_state.students) / 6.0
            else coalesce(school_state.students_junior, school_state.students) / 3.0
        end
        * (0.92 + 0.16 * u01(schools.school_key, cohorts.cohort_no, 'cohort')) * ${scale.cohortShare}
    )::integer as n_students
from schools
inner join school_state on school_state.school_key = schools.school_key and school_state.school_year = 2024
cross join cohorts
where cohorts.cohort in (${[...scale.districtCohorts, "B"].map(lit).join(", ")})
    and schools.stage <> 'special'
    and (
        (cohorts.section = 'primary' and schools.stage in ('primary', 'nine_year', 'twelve_year'))
        or (cohorts.section = 'junior' and schools.stage in ('junior', 'nine_year', 'twelve_year'))
    )
order by school_key, cohort_no;

create or replace table students as
with expanded as (
    select *, unnest(range(n_students)) as student_no
    from cohort_sizes
)

select
    school_key,
    school_id,
    county_no,
    locality,
    cohort,
    cohort_no,
    section,
    school_key::bigint * 100000 + cohort_no * 10000 + student_no as student_key,
    'S' || cohort || lpad(school_key::varchar, 5, '0') || lpad(student_no::varchar, 4, '0') as student_id,
    ${PLANTED.abilitySd} * nrm(school_key::bigint * 100000 + cohort_no * 10000 + student_no, 0, 'ability') as ability
from expanded
order by student_key;`;
}

// School level, centred within county × section × locality (weighted by tested students) so the locality gaps
// are exactly what was planted; and the schools' value added, drawn afresh for each half-term step and centred
// the same way. A school's effect in one step is independent of its effect in the steps before, so a cohort's
// prior score carries none of the effect a later pair measures: a model that adjusts for the school's mean prior
// attainment can recover it (a persistent effect would raise the prior too, and no model could tell it from intake).
function schoolEffects(): string {
  const steps = SITTINGS.map((s) => s.termIndex * 2);
  return `
create or replace table school_effects as
with weights as (
    select school_key, county_no, locality, section, sum(n_students) as weight
    from cohort_sizes
    group by all
),

raw as (
    select
        weights.*,
        case section when 'primary' then 1 else 2 end as section_no,
        ${PLANTED.schoolSd} * nrm(school_key, case section when 'primary' then 1 else 2 end, 'level') as level_raw
    from weights
),

centred as (
    select
        *,
        round(level_raw - sum(level_raw * weight) over cell / sum(weight) over cell, 6) as level
    from raw
    window cell as (partition by county_no, section, locality)
)

select
    school_key, county_no, locality, section, weight, level,
    case locality when 'rural' then ${PLANTED.gapRural0} when 'town' then ${PLANTED.gapTown0} else 0 end as gap0,
    case locality when 'rural' then ${PLANTED.gapRuralPerTerm} when 'town' then ${PLANTED.gapTownPerTerm} else 0 end as drift_per_term
from centred
order by school_key, section;

-- per half-term step k (term_index (k−1)/2 → k/2): the school's value added per term, sd τ·√2 so that a span of
-- one term (two steps of half a term) has sd τ; va_cumulative: the sum of step × ½ up to the step's end
create or replace table school_va_steps as
with intake as (
    -- the school's intake as a pair sees it: its level plus its tested students' mean ability (same section)
    select school_effects.school_key, school_effects.section, any_value(school_effects.level) + avg(students.ability) as intake
    from school_effects
    inner join students on students.school_key = school_effects.school_key and students.section = school_effects.section
    group by all
),

raw as (
    select
        school_effects.school_key, school_effects.county_no, school_effects.locality, school_effects.section,
        school_effects.weight, intake.intake, step,
        ${PLANTED.vaTau} * sqrt(2) * nrm(school_effects.school_key,
            (case school_effects.section when 'primary' then 1 else 2 end) * 100 + step, 'value_added') as va_raw
    from school_effects
    inner join intake on intake.school_key = school_effects.school_key and intake.section = school_effects.section
    cross join (select unnest(range(1, ${Math.max(...steps) + 1})) as step)
),

deviations as (
    select
        *,
        va_raw - sum(va_raw * weight) over cell / sum(weight) over cell as va_dev,
        intake - sum(intake * weight) over cell / sum(weight) over cell as intake_dev
    from raw
    window cell as (partition by county_no, section, locality, step)
),

-- centred, and with its weighted linear trend on intake removed, within each cell: this draw's effects are then
-- uncorrelated with intake in the sample, as the design intends (by chance a few dozen schools' draws can lean on
-- intake, and a contextual model attributes that lean to intake)
centred as (
    select
        *,
        round(va_dev - intake_dev * coalesce(sum(weight * intake_dev * va_dev) over cell
            / nullif(sum(weight * intake_dev * intake_dev) over cell, 0), 0), 6) as va_rate
    from deviations
    window cell as (partition by county_no, section, locality, step)
)

select
    school_key, section, step, (step - 1) / 2 as term_from, step / 2 as term_to, va_rate,
    sum(0.5 * va_rate) over (partition by school_key, section order by step) as va_cumulative
from centred
order by school_key, section, step;`;
}

function exams(scale: ScaleSpec): string {
  const sittingRows = SITTINGS.map((s) => [s.date, s.period, s.schoolYear, s.term, s.kind, s.termIndex]);
  const subjectRows = Object.entries(SUBJECT_NO).map(([name, no]) => [name, no]);
  const district = scale.districtCohorts.map(lit).join(", ");
  return `
create or replace table sittings as
select date::date as exam_date, period, school_year, term, kind, term_index
from (values ${values(sittingRows)}) t(date, period, school_year, term, kind, term_index);

create or replace table exams as
with subjects as (
    select * from (values ${values(subjectRows)}) t(subject, subject_no)
),

district as (
    select
        counties.county_no,
        null::integer as group_key,
        cohorts.*,
        sittings.*,
        'district' as scope,
        'QK' || lpad(counties.county_no::varchar, 3, '0') || '-' || strftime(sittings.exam_date, '%Y%m') || '-' || cohorts.cohort
            as exam_id,
        counties.county as owner_name
    from counties
    cross join cohorts
    cross join sittings
    where cohorts.cohort in (${district}) and sittings.kind = 'final'
),

joint as (
    select
        groups.county_no,
        groups.group_key,
        cohorts.*,
        sittings.*,
        'group' as scope,
        'LK' || substr(groups.group_id, 5) || '-' || strftime(sittings.exam_date, '%Y%m') || '-' || cohorts.cohort as exam_id,
        groups.group_name as owner_name
    from groups
    cross join cohorts
    cross join sittings
    where groups.joint_exam and cohorts.cohort = 'B' and sittings.kind = 'midterm' and groups.established_date <= sittings.exam_date
),

all_exams as (
    select * from district union all by name select * from joint
),

final as (
    select
        all_exams.*,
        all_exams.grade_2024 + all_exams.school_year - 2024 as grade,
        subjects.subject,
        subjects.subject_no,
        case when all_exams.section = 'primary' then 100 else 120 end as full_marks,
        all_exams.owner_name
            || all_exams.school_year || '—' || (all_exams.school_year + 1) || '学年第' || case all_exams.term when 1 then '一' else '二' end || '学期'
            || ['一', '二', '三', '四', '五', '六', '七', '八', '九'][all_exams.grade_2024 + all_exams.school_year - 2024] || '年级'
            || case all_exams.kind when 'final' then '期末质量监测' else '期中联考' end as exam_name
    from all_exams
    inner join subjects on list_contains(
        case all_exams.cohort when 'B' then ['数学'] else ${"[" + scale.districtSubjects.map(lit).join(", ") + "]"} end, subjects.subject)
)

select *, row_number() over (order by exam_id, subject_no) as exam_key
from final
order by exam_id, subject_no;`;
}

// Which schools sit an exam: every school of the county with the cohort, or the group's members on the
// exam date for a joint exam.
function examSchools(): string {
  return `
create or replace table exam_schools as
with exam_ids as (
    select distinct exam_id, county_no, group_key, cohort, exam_date, period from exams
)

select exam_ids.exam_id, exam_ids.period, cohort_sizes.school_key
from exam_ids
inner join cohort_sizes on cohort_sizes.county_no = exam_ids.county_no and cohort_sizes.cohort = exam_ids.cohort
where exam_ids.group_key is null
    or exists (
        select 1 from spells
        where spells.group_key = exam_ids.group_key and spells.school_key = cohort_sizes.school_key
            and (spells.section is null or spells.section = cohort_sizes.section)
            and spells.joined_date <= exam_ids.exam_date and (spells.left_date is null or spells.left_date > exam_ids.exam_date)
    )
order by exam_ids.exam_id, cohort_sizes.school_key;`;
}
