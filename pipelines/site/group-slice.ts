// The rows of the published tables that one group page shows, picked (never computed) at build time so
// that a group page loads a few kilobytes instead of every school's rows.
import {sectionOfGrade} from "../contract.js";
import type {Row} from "./paths.js";

export interface GroupSlice {
  group_id: string;
  profile: Row[];
  members: Row[];
  resources: Row[];
  exams: Row[];
  gaps: Row[];
  va_schools: Row[];
  va_group: Row[];
  exchange: Row[];
  flows: Row[];
}

export function groupSlice(tables: Record<string, Row[]>, groupId: string): GroupSlice {
  const table = (name: string): Row[] => tables[name] ?? [];
  const members = table("group_members").filter((row) => row.group_id === groupId);
  // a school's rows for the periods in which it, or the section (学部) the row is about, was in the group
  // (section 'all' = the whole school; an exam's section is its grade's: 1–6 primary, 7–9 junior, 10–12 senior)
  const inGroup = new Set(members.map((row) => `${row.period}|${row.school_id}|${row.section ?? "all"}`));
  const inGroupAs = (row: Row, section: unknown) =>
    inGroup.has(`${row.period}|${row.school_id}|all`) || inGroup.has(`${row.period}|${row.school_id}|${section}`);
  const everIn = new Set(members.map((row) => `${row.school_id}|${row.section ?? "all"}`));
  const everInSchool = new Set(members.map((row) => row.school_id));
  // an exam whose grade is not known here (no exam_school row) counts for the school in any section
  const everInAs = (row: Row, section: string | null) =>
    section === null ? everInSchool.has(row.school_id) : everIn.has(`${row.school_id}|all`) || everIn.has(`${row.school_id}|${section}`);
  const gradeSection = (grade: unknown) => (grade === null || grade === undefined ? null : sectionOfGrade(Number(grade)));
  const gradeOf = new Map(table("exam_school").map((row) => [row.exam_id, row.grade]));
  return {
    group_id: groupId,
    profile: table("group_profile").filter((row) => row.group_id === groupId),
    members,
    resources: table("school_resources").filter((row) => inGroupAs(row, row.section)),
    // exams have no period: every exam sat by a school (section) that was ever in the group
    exams: table("exam_school").filter((row) => everInAs(row, gradeSection(row.grade))),
    gaps: table("urban_rural_gap").filter((row) => row.scope === "group" && row.scope_id === groupId),
    // a value-added pair belongs to the later exam's section
    va_schools: table("value_added_school").filter((row) => everInAs(row, gradeSection(gradeOf.get(row.exam_id)))),
    va_group: table("value_added_group").filter((row) => row.group_id === groupId),
    exchange: table("teacher_exchange").filter((row) => row.scope === "group" && row.scope_id === groupId),
    // a flow row is a pair of sections (学部): the group's are those whose sending or receiving section it holds
    flows: table("exchange_flows").filter((row) => row.from_group_id === groupId || row.to_group_id === groupId)
  };
}
