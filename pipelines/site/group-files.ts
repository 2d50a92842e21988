// One small file per group (src/data/groups/<id>.json), so that a group page does not load every school's
// rows (page weight), and the list of groups (src/data/groups.json) that the group pages' dynamicPaths read.
import {join} from "node:path";
import {encodeTable} from "./encode-table.js";
import {groupSlice} from "./group-slice.js";
import {DATA, writeJson, type Row} from "./paths.js";

// the published table whose date columns each slice's rows have
const SLICE_DATES: Record<string, string> = {members: "group_members", profile: "group_profile", exams: "exam_school"};

export function writeGroupFiles(tables: Record<string, Row[]>, dates: Record<string, string[]>): void {
  const groups = groupList(tables.group_profile ?? []);
  for (const group of groups) {
    const slice = groupSlice(tables, group.group_id);
    const encoded = Object.fromEntries(Object.entries(slice).map(([key, value]) => [key, Array.isArray(value) ? encodeTable(value, dates[SLICE_DATES[key] ?? ""] ?? []) : value]));
    writeJson(join(DATA, "groups", `${group.group_id}.json`), encoded);
  }
  writeJson(join(DATA, "groups.json"), groups);
}

/** Every group that exists in any period, with its latest name (dynamicPaths reads this). */
function groupList(profiles: Row[]): {group_id: string; group_name: string}[] {
  const latest = new Map<string, string>();
  for (const row of [...profiles].sort((a, b) => String(a.period).localeCompare(String(b.period)))) {
    latest.set(String(row.group_id), String(row.group_name));
  }
  return [...latest].sort(([a], [b]) => a.localeCompare(b)).map(([group_id, group_name]) => ({group_id, group_name}));
}
