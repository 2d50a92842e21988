// The rows of the published tables that one school page shows, picked (never computed) at build time so
// that a school page loads a few kilobytes. Tables are indexed by school once (a province has about 10,000
// schools: filtering every table per school would be quadratic).
//
// A table the edition does not publish (the public edition has no exam_school nor value_added_school) is
// `null` in every slice, never `[]`: the page tells "not in this edition" from "no rows".
import {sectionOfGrade} from "../contract.js";
import type {Row} from "./paths.js";

export interface SchoolSlice {
  school_id: string;
  /** the school as listed each period: group_members and uncovered_schools (name, county, stage, locality, students) */
  profile: Row[];
  /** its memberships over periods, with the group's name */
  members: Row[];
  resources: Row[];
  /** exchange_flows rows it sent or received (a row per sending and receiving section, 学部) */
  flows: Row[];
  /** exam_school rows of this school and of the schools it is compared with (`peer`: self, group, similar, both) */
  exams: Row[] | null;
  /** value_added_school rows, the same way */
  va: Row[] | null;
  /** value_added_group rows of the group each pair's section is compared with (null with value_added_school: only the internal page shows them) */
  va_group: Row[] | null;
  /** the group each section (学部) of the school is compared with: a 九年一贯制 school whose 小学部 and 初中部 are in
   *  different groups has one per section; an exam's section follows its grade (1–6, 7–9, 10–12) */
  comparison_groups: {section: string; group_id: string; group_name: string}[];
}

/** a school's listing: its latest name, county, stage and locality (the schools index and similar-school matching) */
export interface SchoolEntry {
  school_id: string;
  school_name: string;
  county: string;
  stage: string;
  locality: string;
}

function byKey(rows: Row[], key: (row: Row) => unknown): Map<unknown, Row[]> {
  const map = new Map<unknown, Row[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

// the columns the page reads: all of them for the school itself, fewer for the schools it is compared with
const EXAM_SELF = ["exam_id", "subject", "school_id", "n_students", "is_suppressed", "mean_score", "mean_rate", "excellent_rate", "pass_rate", "low_rate", "full_marks"];
const EXAM_PEER = ["exam_id", "subject", "school_id", "n_students", "is_suppressed", "mean_score", "mean_rate", "excellent_rate", "pass_rate", "low_rate"];
const VA_SELF = ["prior_exam_id", "exam_id", "subject", "school_id", "n_students", "is_suppressed", "va", "ci_low", "ci_high", "va_shrunk", "va_shrunk_low", "va_shrunk_high", "band"];
const VA_PEER = ["prior_exam_id", "exam_id", "subject", "school_id", "is_suppressed", "va"];
const VA_GROUP = ["prior_exam_id", "exam_id", "subject", "group_id", "n_students", "is_suppressed", "va", "ci_low", "ci_high"];
const pick = (row: Row, names: string[]): Row => Object.fromEntries(names.filter((name) => name in row).map((name) => [name, row[name]]));

/**
 * Every school's slice. `schools` gives each school's stage and locality, the similar-school key; the
 * group an exam is compared with is the one holding the exam's section (学部) of the school in the latest period
 * it was in one (the lead's group first), and in it only the schools holding that section or whole.
 */
export function schoolSlices(tables: Record<string, Row[] | undefined>, schools: SchoolEntry[]): Map<string, SchoolSlice> {
  const table = (name: string): Row[] => tables[name] ?? [];
  const groupName = new Map<unknown, unknown>();
  for (const row of [...table("group_profile")].sort((a, b) => String(a.period).localeCompare(String(b.period)))) groupName.set(row.group_id, row.group_name);

  const members = byKey(table("group_members"), (row) => row.school_id);
  const profile = byKey([...table("group_members"), ...table("uncovered_schools")], (row) => row.school_id);
  const resources = byKey(table("school_resources"), (row) => row.school_id);
  const sent = byKey(table("exchange_flows"), (row) => row.from_school_id);
  const received = byKey(table("exchange_flows"), (row) => row.to_school_id);
  const entry = new Map(schools.map((school) => [school.school_id, school]));
  const similarKey = (id: unknown) => {
    const school = entry.get(String(id));
    return school ? `${school.stage}|${school.locality}` : null;
  };

  // each section's comparison group: the group holding it (by a section membership or the whole school's) in the
  // latest period it was in one (the lead's group first); a group's members in its latest period, with the
  // sections it holds of each ('all' = the whole school)
  const SECTIONS = ["primary", "junior", "senior"];
  const groupOf = new Map<string, Map<string, string>>();
  const groupMembers = new Map<string, Map<unknown, Set<string>>>();
  const latestPeriod = new Map<unknown, string>();
  const sectionOfRow = (row: Row) => (row.section == null || row.section === "" ? "all" : String(row.section));
  for (const row of table("group_members")) if (String(row.period) > (latestPeriod.get(row.group_id) ?? "")) latestPeriod.set(row.group_id, String(row.period));
  for (const row of table("group_members")) {
    if (row.period !== latestPeriod.get(row.group_id)) continue;
    const schoolsOf = groupMembers.get(String(row.group_id)) ?? new Map<unknown, Set<string>>();
    schoolsOf.set(row.school_id, (schoolsOf.get(row.school_id) ?? new Set()).add(sectionOfRow(row)));
    groupMembers.set(String(row.group_id), schoolsOf);
  }
  for (const [id, rows] of members) {
    const ordered = [...rows].sort((a, b) => String(b.period).localeCompare(String(a.period)) || Number(b.is_lead) - Number(a.is_lead) || String(a.group_id).localeCompare(String(b.group_id)));
    const bySection = new Map<string, string>();
    for (const section of SECTIONS) {
      const latest = ordered.find((row) => sectionOfRow(row) === "all" || sectionOfRow(row) === section);
      if (latest) bySection.set(section, String(latest.group_id));
    }
    groupOf.set(String(id), bySection);
  }
  const gradeOf = new Map(table("exam_list").map((row) => [row.exam_id, Number(row.grade)]));
  const sectionOfExam = (examId: unknown) => {
    const grade = gradeOf.get(examId);
    return grade == null || Number.isNaN(grade) ? null : sectionOfGrade(grade);
  };
  /** the group a school's section is compared with: the one holding that section, else (an exam of unknown grade) its primary group */
  const comparisonGroup = (id: string, section: string | null): string | null => {
    const bySection = groupOf.get(id);
    if (!bySection) return null;
    return (section ? bySection.get(section) : null) ?? bySection.get("primary") ?? bySection.get("junior") ?? bySection.get("senior") ?? null;
  };
  /** whether a school is, in its latest period, in the group with the section (or as a whole) */
  const holds = (group: string | null, schoolId: unknown, section: string | null) => {
    const sections = group ? groupMembers.get(group)?.get(schoolId) : undefined;
    return !!sections && (sections.has("all") || section === null || sections.has(section));
  };

  const hasExams = tables.exam_school !== undefined;
  const hasVa = tables.value_added_school !== undefined;
  const examsBySchool = byKey(table("exam_school"), (row) => row.school_id);
  const examsBySitting = byKey(table("exam_school"), (row) => `${row.exam_id}|${row.subject}`);
  const vaBySchool = byKey(table("value_added_school"), (row) => row.school_id);
  const pairOf = (row: Row) => `${row.prior_exam_id}|${row.exam_id}|${row.subject}`;
  const vaByPair = byKey(table("value_added_school"), pairOf);
  const vaGroup = byKey(table("value_added_group"), (row) => row.group_id);

  /** the school's own rows, then the rows it is compared with, marked; the group is the one holding the exam's section */
  const withPeers = (id: string, own: Row[], byOccasion: Map<unknown, Row[]>, occasion: (row: Row) => string, selfNames: string[], names: string[]): Row[] => {
    const key = similarKey(id);
    const out = own.map((row) => ({...pick(row, selfNames), peer: "self"}));
    for (const occ of new Set(own.map(occasion))) {
      const rows = byOccasion.get(occ) ?? [];
      const section = sectionOfExam(rows[0]?.exam_id);
      const group = comparisonGroup(id, section);
      for (const row of rows) {
        if (row.school_id === id) continue;
        const inGroup = holds(group, row.school_id, section);
        const similar = key !== null && similarKey(row.school_id) === key;
        if (inGroup || similar) out.push({...pick(row, names), peer: inGroup && similar ? "both" : inGroup ? "group" : "similar"});
      }
    }
    return out;
  };

  const slices = new Map<string, SchoolSlice>();
  for (const {school_id: id} of schools) {
    const sectionGroups = [...(groupOf.get(id) ?? new Map<string, string>())].map(([section, group_id]) => ({section, group_id, group_name: String(groupName.get(group_id) ?? group_id)}));
    // value-added of each pair's comparison group (the group holding the later exam's section)
    const vaGroupRows = [...new Set(sectionGroups.map((g) => g.group_id))].flatMap((group) =>
      (vaGroup.get(group) ?? []).filter((row) => comparisonGroup(id, sectionOfExam(row.exam_id)) === group)
    );
    const flows = [...(sent.get(id) ?? []), ...(received.get(id) ?? []).filter((row) => row.from_school_id !== id)];
    slices.set(id, {
      school_id: id,
      profile: (profile.get(id) ?? []).map((row) => pick(row, ["period", "school_name", "county", "stage", "locality", "ownership", "n_students"])),
      members: (members.get(id) ?? []).map((row) => ({...pick(row, ["period", "group_id", "section", "role", "is_lead", "joined_date", "distance_km"]), group_name: groupName.get(row.group_id) ?? row.group_id})),
      resources: resources.get(id) ?? [],
      flows,
      exams: hasExams ? withPeers(id, examsBySchool.get(id) ?? [], examsBySitting, (row) => `${row.exam_id}|${row.subject}`, EXAM_SELF, EXAM_PEER) : null,
      va: hasVa ? withPeers(id, vaBySchool.get(id) ?? [], vaByPair, pairOf, VA_SELF, VA_PEER) : null,
      va_group: hasVa ? vaGroupRows.map((row) => pick(row, VA_GROUP)) : null,
      comparison_groups: sectionGroups
    });
  }
  return slices;
}

/**
 * Every school that any published table lists, with its latest name, county, stage and locality (from the
 * school's rows in group_members, uncovered_schools and school_resources, the latest period winning).
 */
export function schoolList(tables: Record<string, Row[] | undefined>): SchoolEntry[] {
  const latest = new Map<string, {period: string; entry: SchoolEntry}>();
  const sources = [...(tables.school_resources ?? []), ...(tables.uncovered_schools ?? []), ...(tables.group_members ?? [])];
  for (const row of sources) {
    const id = String(row.school_id);
    const period = String(row.period ?? "");
    const seen = latest.get(id);
    if (seen && seen.period > period) continue;
    latest.set(id, {
      period,
      entry: {school_id: id, school_name: String(row.school_name ?? id), county: String(row.county ?? ""), stage: String(row.stage ?? ""), locality: String(row.locality ?? "")}
    });
  }
  return [...latest.values()].map(({entry}) => entry).sort((a, b) => a.county.localeCompare(b.county, "zh") || a.school_id.localeCompare(b.school_id));
}
