// One small file per group (src/data/groups/<id>.json), so that a group page does not load every school's
// rows (page weight), and the list of groups (src/data/groups.json) that stamp-pages.ts reads to write every group's page.
import {mkdirSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {ID_RULE} from "../contract.js";
import {UsageError} from "../errors.js";
import {encodeTable} from "./encode-table.js";
import {groupSlice} from "./group-slice.js";
import {DATA, writeJson, type Row} from "./paths.js";
import {GROUP_TEMPLATE} from "./pages.js";

// the published table whose date columns each slice's rows have
const SLICE_DATES: Record<string, string> = {members: "group_members", profile: "group_profile", exams: "exam_school"};

export function writeGroupFiles(tables: Record<string, Row[]>, dates: Record<string, string[]>): void {
  const groups = groupList(tables.group_profile ?? []);
  const dir = join(DATA, "groups");
  mkdirSync(dir, {recursive: true});
  // every file name is checked before any is written
  const files = new Map(groups.map((group) => [group.group_id, groupFile(dir, group.group_id)]));
  let first = true;
  for (const group of groups) {
    const slice = groupSlice(tables, group.group_id);
    const encoded = Object.fromEntries(Object.entries(slice).map(([key, value]) => [key, Array.isArray(value) ? encodeTable(value, dates[SLICE_DATES[key] ?? ""] ?? []) : value]));
    writeJson(files.get(group.group_id)!, encoded);
    // the file of the one page Framework builds (stamp-pages.ts writes the others from it): a real group's shape
    if (first) writeJson(join(dir, `${GROUP_TEMPLATE}.json`), encoded);
    first = false;
  }
  writeJson(join(DATA, "groups.json"), groups);
}

/**
 * `<dir>/<group_id>.json`, refused unless the code follows the contract's ID_RULE and the file is directly
 * inside `dir`. The run already rejects such rows; this keeps the site step inside its data folder (and
 * its URLs and pages sound) whatever output it is given, e.g. one written by an older version.
 */
export function groupFile(dir: string, groupId: string): string {
  const name = `${groupId}.json`;
  const file = resolve(dir, name);
  if (!new RegExp(ID_RULE.pattern, "u").test(groupId) || groupId === GROUP_TEMPLATE || dirname(file) !== resolve(dir) || basename(file) !== name) {
    throw new UsageError(
      `集团代码 ${JSON.stringify(groupId)} 不能用作数据目录 ${dir} 中的文件名和网址，已停止：代码${ID_RULE.description.zh}`,
      `group_id ${JSON.stringify(groupId)} cannot be a file name in the data folder ${dir} nor a URL: stopped; codes may contain ${ID_RULE.description.en}`
    );
  }
  return file;
}

/** Every group that exists in any period, with its latest name (dynamicPaths reads this). */
function groupList(profiles: Row[]): {group_id: string; group_name: string}[] {
  const latest = new Map<string, string>();
  for (const row of [...profiles].sort((a, b) => String(a.period).localeCompare(String(b.period)))) {
    latest.set(String(row.group_id), String(row.group_name));
  }
  return [...latest].sort(([a], [b]) => a.localeCompare(b)).map(([group_id, group_name]) => ({group_id, group_name}));
}
