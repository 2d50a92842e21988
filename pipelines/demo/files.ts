// The canonical (clean) content of each contract file in one period, as SQL over the built tables.
// Columns are in docs/data-contract.md order; the messy writer formats the same rows differently.
import {periodEnd} from "../contract.js";
import {PLANTED, SNAPSHOT_GAPS} from "./model.js";

export interface PeriodInfo {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  /** the school year (its starting calendar year) the period's end falls in */
  readonly schoolYear: number;
}

export function periodInfo(period: string): PeriodInfo {
  const year = Number(period.slice(0, 4));
  const quarter = Number(period.slice(5));
  const start = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, "0")}-01`;
  return {period, start, end: periodEnd(period), schoolYear: quarter >= 3 ? year : year - 1};
}

export const FILE_ORDER = ["schools", "groups", "memberships", "teachers", "exchanges", "exams", "scores"] as const;
export type DemoFile = (typeof FILE_ORDER)[number];

export function isWritten(file: DemoFile, period: string): boolean {
  return !(SNAPSHOT_GAPS[file] ?? []).includes(period);
}

/** The select statement for a file in a period, ordered so the output is byte-stable. */
export function fileQuery(file: DemoFile, p: PeriodInfo): string {
  const end = `date '${p.end}'`;
  const start = `date '${p.start}'`;
  switch (file) {
    case "schools":
      return `
select
    schools.school_id, schools.school_name, schools.county, schools.stage, schools.locality, schools.ownership,
    school_state.students, school_state.students_primary, school_state.students_junior, school_state.students_senior,
    ceil(school_state.students / case schools.locality when 'urban' then 45.0 when 'town' then 38.0 else 25.0 end)::integer as classes,
    schools.is_weak,
    school_resources.teaching_area_m2, school_resources.sports_area_m2,
    -- equipment keeps growing except where a shortfall was planted
    round(school_resources.equipment_2024 * case when school_resources.equipment_below then 1 else pow(1.04, ${p.schoolYear} - 2024) end)::bigint
        as equipment_value_yuan,
    school_resources.multimedia_rooms,
    schools.lat, schools.lon, schools.opened_date
from schools
inner join school_state on school_state.school_key = schools.school_key and school_state.school_year = ${p.schoolYear}
inner join school_resources on school_resources.school_key = schools.school_key
where schools.opened_date <= ${end}
order by schools.school_id`;
    case "groups":
      return `
select group_id, group_name, group_type, established_date, partner
from groups
where established_date <= ${end}
order by group_id`;
    case "memberships":
      return `
select group_id, school_id, section, role, joined_date, case when left_date <= ${end} then left_date end as left_date
from spells
where joined_date <= ${end}
order by group_id, school_id, section nulls first, joined_date`;
    case "teachers":
      return `
select teacher_id, school_id, subject, title, degree, backbone_level, is_full_time, section_reported as section,
    school_start_date, birth_year, gender
from teachers
where school_year = ${p.schoolYear}
order by teacher_id`;
    case "exchanges":
      return `
select teacher_id, from_school_id, to_school_id, start_date, end_date, kind
from exchanges
where start_date between ${start} and ${end}
order by start_date, teacher_id`;
    case "exams":
      return `
select exam_id, subject, exam_name, exam_date, grade, full_marks, scope
from exams
where period = '${p.period}'
order by exam_id, subject_no`;
    case "scores":
      return scoresQuery(p.period);
  }
}

// latent = ability + subject ability + school level + value added × terms − locality gap + error;
// the score maps it linearly onto the paper and clips at 0 and full marks.
export function latentQuery(where: string): string {
  return `
with sat as (
    select exams.exam_id, exams.subject, exams.subject_no, exams.exam_key, exams.full_marks, exams.term_index, exams.section,
        exams.cohort, exams.period, exam_schools.school_key
    from exams
    inner join exam_schools on exam_schools.exam_id = exams.exam_id
    where ${where}
)

select
    sat.exam_id, sat.subject, sat.subject_no, sat.full_marks, sat.section, sat.term_index, sat.period,
    students.student_id, students.school_id, students.locality, school_effects.gap0, school_effects.drift_per_term,
    u01(students.student_key, sat.exam_key, 'absent') < ${PLANTED.absentShare} as is_absent,
    students.ability
        + ${PLANTED.subjectSd} * nrm(students.student_key, sat.subject_no, 'subject')
        + school_effects.level
        + coalesce(va_steps.va_cumulative, 0)
        - (school_effects.gap0 - school_effects.drift_per_term * sat.term_index)
        + ${PLANTED.errorSd} * nrm(students.student_key, sat.exam_key, 'error') as latent
from sat
inner join students on students.school_key = sat.school_key and students.cohort = sat.cohort
inner join school_effects on school_effects.school_key = sat.school_key and school_effects.section = sat.section
left join school_va_steps as va_steps
    on va_steps.school_key = sat.school_key and va_steps.section = sat.section and va_steps.term_to = sat.term_index`;
}

function scoresQuery(period: string): string {
  return `
with latent as (${latentQuery(`exams.period = '${period}'`)})

select
    exam_id, subject, student_id, school_id,
    case when not is_absent then greatest(0, least(full_marks,
        round(full_marks * (case section when 'primary' then 0.68 + 0.15 * latent else 0.60 + 0.17 * latent end))))::integer
    end as score,
    is_absent
from latent
order by exam_id, subject_no, student_id`;
}
