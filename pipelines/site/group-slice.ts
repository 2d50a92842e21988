// The rows of the published tables that one group page shows, picked (never computed) at build time so
// that a group page loads a few kilobytes instead of every school's rows.
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
  // a school's rows for the periods in which it was in the group
  const inGroup = new Set(members.map((row) => `${row.period}|${row.school_id}`));
  const everIn = new Set(members.map((row) => row.school_id));
  return {
    group_id: groupId,
    profile: table("group_profile").filter((row) => row.group_id === groupId),
    members,
    resources: table("school_resources").filter((row) => inGroup.has(`${row.period}|${row.school_id}`)),
    // exams have no period: every exam sat by a school that was ever in the group
    exams: table("exam_school").filter((row) => everIn.has(row.school_id)),
    gaps: table("urban_rural_gap").filter((row) => row.scope === "group" && row.scope_id === groupId),
    va_schools: table("value_added_school").filter((row) => everIn.has(row.school_id)),
    va_group: table("value_added_group").filter((row) => row.group_id === groupId),
    exchange: table("teacher_exchange").filter((row) => row.scope === "group" && row.scope_id === groupId),
    flows: table("exchange_flows").filter((row) => row.from_group_id === groupId || row.to_group_id === groupId)
  };
}
