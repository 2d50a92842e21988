// truth.json: what the generator planted, and the same quantities counted back from the built tables
// by the definitions of docs/metrics.md, so tests can check both the files and the pipeline against them.
import type {Db} from "../db.js";
import {latentQuery} from "./files.js";
import {PERIODS, PLANTED, THRESHOLDS} from "./model.js";
import {periodInfo} from "./files.js";

export interface Truth {
  readonly [key: string]: unknown;
}

const r6 = (expr: string) => `round((${expr})::double, 6)`;

export async function collectTruth(db: Db, meta: Record<string, unknown>): Promise<Truth> {
  return {
    note: "Every number in this demo is synthetic. 所有数字均为合成数据。",
    generator: meta,
    coverage: await coverage(db),
    urban_rural_gap: {model: gapModel(), exams: await gaps(db)},
    value_added: await valueAdded(db),
    teacher_exchange: await exchange(db),
    resources: await resources(db),
    roster: await roster(db)
  };
}

function gapModel() {
  return {
    units: "latent z; expected_gap_z divides by the exam's latent sd",
    urban_rural_gap_at_term_0: PLANTED.gapRural0,
    urban_rural_narrowing_per_term: PLANTED.gapRuralPerTerm,
    urban_town_gap_at_term_0: PLANTED.gapTown0,
    urban_town_narrowing_per_term: PLANTED.gapTownPerTerm
  };
}

async function coverage(db: Db) {
  const rows = [];
  for (const period of PERIODS) {
    const p = periodInfo(period);
    rows.push(
      ...(await db.all(`
with active as (
    select school_key, section from spells
    where joined_date <= date '${p.end}' and (left_date is null or left_date > date '${p.end}')
),

-- a school is in a group when it or any section (学部) is; its students in a group: all of them when the whole
-- school is, else its grouped sections' (docs/metrics.md, coverage)
in_group as (
    select school_key, bool_or(section is null) as is_whole,
        list_distinct(list(section) filter (where section is not null)) as sections
    from active
    group by school_key
)

select '${period}' as period, schools.county,
    count(*)::integer as n_schools,
    count(in_group.school_key)::integer as n_schools_in_group,
    sum(school_state.students)::integer as n_students,
    coalesce(sum(case
        when in_group.is_whole then school_state.students
        when in_group.school_key is not null then
            (case when list_contains(in_group.sections, 'primary') then school_state.students_primary else 0 end)
            + (case when list_contains(in_group.sections, 'junior') then school_state.students_junior else 0 end)
    end), 0)::integer as n_students_in_group,
    count(*) filter (where schools.is_weak)::integer as n_weak,
    count(in_group.school_key) filter (where schools.is_weak)::integer as n_weak_in_group
from schools
inner join school_state on school_state.school_key = schools.school_key and school_state.school_year = ${p.schoolYear}
left join in_group on in_group.school_key = schools.school_key
group by schools.county_no, schools.county
order by schools.county_no`))
    );
  }
  return rows;
}

async function gaps(db: Db) {
  return db.all(`
with latent as (${latentQuery("exams.group_key is null")}),

per_exam as (
    select exam_id, subject, any_value(term_index)::double as term_index,
        stddev_pop(latent) as latent_sd,
        avg(latent) filter (where locality = 'urban') as mean_urban,
        avg(latent) filter (where locality = 'town') as mean_town,
        avg(latent) filter (where locality = 'rural') as mean_rural,
        count(*) filter (where locality = 'urban')::integer as n_urban,
        count(*) filter (where locality = 'town')::integer as n_town,
        count(*) filter (where locality = 'rural')::integer as n_rural
    from latent
    where not is_absent
    group by exam_id, subject
)

select exam_id, subject, term_index, n_urban, n_town, n_rural,
    ${r6(`${PLANTED.gapRural0} - ${PLANTED.gapRuralPerTerm} * term_index`)} as planted_gap_urban_rural,
    ${r6(`${PLANTED.gapTown0} - ${PLANTED.gapTownPerTerm} * term_index`)} as planted_gap_urban_town,
    ${r6("latent_sd")} as latent_sd,
    -- no expectation where a side has no students (cohort C has no rural school)
    case when n_rural > 0 and n_urban > 0 then ${r6(`(${PLANTED.gapRural0} - ${PLANTED.gapRuralPerTerm} * term_index) / latent_sd`)} end
        as expected_gap_z_urban_rural,
    case when n_town > 0 and n_urban > 0 then ${r6(`(${PLANTED.gapTown0} - ${PLANTED.gapTownPerTerm} * term_index) / latent_sd`)} end
        as expected_gap_z_urban_town,
    -- the gap this draw of students actually has (sampling error included), before scores are rounded and clipped
    ${r6("(mean_urban - mean_rural) / latent_sd")} as sample_gap_z_urban_rural,
    ${r6("(mean_urban - mean_town) / latent_sd")} as sample_gap_z_urban_town
from per_exam
order by exam_id, subject`);
}

async function valueAdded(db: Db) {
  const schools = await db.all(`
with drift_mean as (
    select county_no, section, sum(weight * drift_per_term) / sum(weight) as mean_drift
    from school_effects group by all
),

paths as (
    select school_key, section, list({term_index: term_to, va_cumulative: round(va_cumulative, 6)} order by step) as va_path
    from school_va_steps group by all
)

select schools.school_id, school_effects.section, school_effects.locality, school_effects.weight::integer as n_tested,
    ${r6("school_effects.drift_per_term")} as locality_drift_per_term,
    ${r6("school_effects.drift_per_term - drift_mean.mean_drift")} as relative_drift_per_term,
    paths.va_path
from school_effects
inner join schools on schools.school_key = school_effects.school_key
inner join drift_mean on drift_mean.county_no = school_effects.county_no and drift_mean.section = school_effects.section
inner join paths on paths.school_key = school_effects.school_key and paths.section = school_effects.section
order by schools.school_id, school_effects.section`);
  // latent_sd: the sd of the exam's latent scores (non-absent sittings, per subject); z-scores divide by it
  const exams = await db.all(`
with latent as (${latentQuery("true")})

select exams.exam_id, exams.subject, any_value(exams.scope) as scope, any_value(exams.cohort) as cohort,
    any_value(exams.section) as section, any_value(exams.term_index)::double as term_index,
    ${r6("stddev_pop(latent.latent)")} as latent_sd
from exams
inner join latent on latent.exam_id = exams.exam_id and latent.subject = exams.subject and not latent.is_absent
group by exams.exam_id, exams.subject
order by exams.exam_id, exams.subject`);
  return {
    model:
      "latent = ability + subject ability + school level + va_cumulative(term_index) − (gap0 − drift × term_index) + error; " +
      "a school's value added is drawn afresh for each half-term step (per-term rate sd τ·√2, centred within county × section × locality), " +
      "so a pair's effect is independent of the prior score: for a pair (prior, now) the school's planted effect (latent units) is " +
      "va_cumulative at term_index_now − at term_index_prior (va_path; 0 at term 0) + locality_drift_per_term × (term_index_now − term_index_prior); " +
      "docs/metrics.md's contextual value-added estimates it / latent_sd of the later exam, centred over the linked students of the school's context cell",
    tau: PLANTED.vaTau,
    tau_note: "sd of a school's effect over one term (two independent half-term steps)",
    ability_sd: PLANTED.abilitySd,
    subject_sd: PLANTED.subjectSd,
    school_level_sd: PLANTED.schoolSd,
    error_sd: PLANTED.errorSd,
    absent_share: PLANTED.absentShare,
    exams,
    schools
  };
}

async function exchange(db: Db) {
  const groups = await db.all(`
with sent as (
    select group_key, school_year, count(*)::integer as n_exchanged, count(*) filter (where is_backbone)::integer as n_backbone_exchanged
    from exchanges group by all
),

members as (
    select group_key, school_year, list(distinct schools.school_id order by schools.school_id) as member_school_ids,
        -- the sections (学部) a group holds of a school; a whole-school member is not listed here
        list({school_id: schools.school_id, section: wave_members.section} order by schools.school_id, wave_members.section)
            filter (where wave_members.section is not null) as member_sections
    from wave_members inner join schools on schools.school_key = wave_members.school_key
    group by all
),

by_definition as (
    -- docs/metrics.md: eligible teachers of the group's schools, or of the sections (学部) it holds; exchanges
    -- counted at the sending school section
    select wave_members.group_key, wave_members.school_year,
        count(distinct teachers.teacher_key) filter (where teachers.is_eligible)::integer as n_eligible_members,
        count(distinct exchanges.teacher_key)::integer as n_exchanged_members
    from wave_members
    inner join schools on schools.school_key = wave_members.school_key
    left join teachers on teachers.school_key = wave_members.school_key and teachers.school_year = wave_members.school_year
        and (wave_members.section is null or teachers.section = wave_members.section)
    left join exchanges on exchanges.teacher_key = teachers.teacher_key and exchanges.school_year = wave_members.school_year
    group by all
)

select groups.group_id, exchange_targets.school_year || '-' || (exchange_targets.school_year + 1) as school_year,
    exchange_targets.wave_date, ${r6("exchange_targets.planted_rate")} as planted_rate,
    exchange_targets.n_pool as n_eligible_home, coalesce(sent.n_exchanged, 0) as n_exchanged_home,
    coalesce(sent.n_backbone_exchanged, 0) as n_backbone_exchanged_home,
    members.member_school_ids, coalesce(members.member_sections, []) as member_sections,
    by_definition.n_eligible_members, by_definition.n_exchanged_members,
    ${r6("by_definition.n_exchanged_members / nullif(by_definition.n_eligible_members, 0)")} as exchange_rate_members
from exchange_targets
inner join groups on groups.group_key = exchange_targets.group_key
left join sent on sent.group_key = exchange_targets.group_key and sent.school_year = exchange_targets.school_year
left join members on members.group_key = exchange_targets.group_key and members.school_year = exchange_targets.school_year
left join by_definition on by_definition.group_key = exchange_targets.group_key and by_definition.school_year = exchange_targets.school_year
order by exchange_targets.school_year, groups.group_id`);
  const counties = await db.all(`
select teachers.school_year || '-' || (teachers.school_year + 1) as school_year, schools.county,
    count(*) filter (where teachers.is_eligible)::integer as n_eligible,
    count(exchanges.teacher_key)::integer as n_exchanged
from teachers
inner join schools on schools.school_key = teachers.school_key
left join exchanges on exchanges.teacher_key = teachers.teacher_key and exchanges.school_year = teachers.school_year
group by all
order by school_year, schools.county`);
  return {
    eligibility:
      "full-time teachers with school_start_date at least 6 years before Sep 1 of the school year; every start date is a Sep 1 " +
      "and every roster change happens on Sep 1, so any as-of date inside the school year gives the same count",
    home_group_rule:
      "a school section (学部) in several groups sends through the group with the highest template index; *_home counts use that pool " +
      "and n_exchanged_home = round(planted_rate × n_eligible_home) exactly; *_members count every member school, or the section the group holds, on the wave date",
    groups,
    counties
  };
}

async function resources(db: Db) {
  const planted = await db.all(`
select schools.school_id, resource_plan.indicator, schools.base_section, ${r6("resource_plan.factor")} as factor
from resource_plan inner join schools on schools.school_key = resource_plan.school_key
where resource_plan.is_planted_below
order by schools.school_id, resource_plan.indicator_no`);
  return {thresholds: THRESHOLDS, planted_below: planted, below: await belowThresholds(db)};
}

// The seven indicators of docs/metrics.md, per school year, school and section; rows below threshold only.
async function belowThresholds(db: Db) {
  const t = THRESHOLDS;
  return db.all(`
with sections as (
    select schools.school_key, schools.school_id, school_state.school_year, section,
        case section when 'primary' then coalesce(school_state.students_primary, school_state.students)
            else coalesce(school_state.students_junior, school_state.students) end as section_students,
        school_state.students
    from schools
    inner join school_state on school_state.school_key = schools.school_key
    cross join (values ('primary'), ('junior')) s(section)
    where (section = 'primary' and schools.stage in ('primary', 'nine_year', 'twelve_year'))
        or (section = 'junior' and schools.stage in ('junior', 'nine_year', 'twelve_year'))
),

staff as (
    select school_key, school_year, section,
        count(*) filter (where is_full_time and degree in ('doctorate', 'master', 'bachelor')
            or (is_full_time and section = 'primary' and degree = 'associate')) as n_qualified,
        -- docs/metrics.md: backbone teachers among full-time teachers; PE and arts by subject (the demo's
        -- teachers teach 体育, 音乐 or 美术 among the listed subjects)
        count(*) filter (where is_full_time and is_backbone) as n_backbone,
        count(*) filter (where is_full_time and subject in ('体育', '体育与健康', '艺术', '音乐', '美术', '舞蹈', '戏剧', '戏曲', '影视')) as n_pe_arts
    from teachers group by all
),

values_long as (
    select sections.school_id, sections.school_year, sections.section, indicator, value
    from sections
    inner join school_resources on school_resources.school_key = sections.school_key
    left join staff on staff.school_key = sections.school_key and staff.school_year = sections.school_year and staff.section = sections.section
    cross join lateral (values
        ('qualified_teachers_per_100', coalesce(staff.n_qualified, 0) * 100.0 / sections.section_students),
        ('backbone_per_100', coalesce(staff.n_backbone, 0) * 100.0 / sections.section_students),
        ('pe_arts_per_100', coalesce(staff.n_pe_arts, 0) * 100.0 / sections.section_students),
        ('teaching_area_per_student', school_resources.teaching_area_m2 / sections.students),
        ('sports_area_per_student', school_resources.sports_area_m2 / sections.students),
        ('equipment_per_student', round(school_resources.equipment_2024
            * case when school_resources.equipment_below then 1 else pow(1.04, sections.school_year - 2024) end) / sections.students),
        ('multimedia_per_100', school_resources.multimedia_rooms * 100.0 / sections.students)
    ) v(indicator, value)
),

thresholds as (
    select * from (values
        ${Object.entries(t)
          .map(([name, th]) => `('${name}', ${th.primary}, ${th.junior})`)
          .join(",\n        ")}
    ) t(indicator, threshold_primary, threshold_junior)
)

select values_long.school_year || '-' || (values_long.school_year + 1) as school_year, school_id, section, values_long.indicator,
    ${r6("value")} as value,
    case section when 'primary' then threshold_primary else threshold_junior end as threshold
from values_long
inner join thresholds on thresholds.indicator = values_long.indicator
where value < case section when 'primary' then threshold_primary else threshold_junior end
order by school_year, school_id, section, values_long.indicator`);
}

async function roster(db: Db) {
  const groups = await db.all(`
select group_id, group_name, group_type, established_date, partner from groups order by group_id`);
  const leads = await db.all(`
select group_id, school_id, joined_date, left_date from spells where role = 'lead' order by group_id, joined_date`);
  const never = await db.all(`
select school_id, school_name from schools where school_key not in (select school_key from spells) order by school_id`);
  return {groups, leads, never_in_group: never};
}
