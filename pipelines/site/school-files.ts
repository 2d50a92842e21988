// One small file per school (src/data/schools/<school_id>.json), so that a school page loads its own rows
// only, and the list of schools (src/data/schools.json) that the schools index and the school pages'
// dynamicPaths read.
import {mkdirSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {ID_RULE} from "../contract.js";
import {UsageError} from "../errors.js";
import {encodeTable} from "./encode-table.js";
import {schoolList, schoolSlices} from "./school-slice.js";
import {DATA, writeJson, type Row} from "./paths.js";
import {SCHOOL_TEMPLATE} from "./pages.js";

// the published table whose date columns each slice's rows have
const SLICE_DATES: Record<string, string> = {members: "group_members", resources: "school_resources", exams: "exam_school"};

export function writeSchoolFiles(tables: Record<string, Row[] | undefined>, dates: Record<string, string[]>, data = DATA): number {
  const schools = schoolList(tables);
  const dir = join(data, "schools");
  mkdirSync(dir, {recursive: true});
  // every file name is checked before any is written
  const files = new Map(schools.map((school) => [school.school_id, schoolFile(dir, school.school_id)]));
  let first = true;
  for (const [id, slice] of schoolSlices(tables, schools)) {
    const encoded = Object.fromEntries(Object.entries(slice).map(([key, value]) => [key, Array.isArray(value) ? encodeTable(value, dates[SLICE_DATES[key] ?? ""] ?? []) : value]));
    writeJson(files.get(id)!, encoded);
    // the file of the one page Framework builds (school-pages.ts writes the others from it): a real school's shape
    if (first) writeJson(join(dir, `${SCHOOL_TEMPLATE}.json`), encoded);
    first = false;
  }
  // the index: one column per field, counties, stages and localities as codes into a dictionary
  writeJson(join(data, "schools.json"), encodeTable(schools as unknown as Row[]));
  return schools.length;
}

/**
 * `<dir>/<school_id>.json`, refused unless the code follows the contract's ID_RULE and the file is directly
 * inside `dir` (as groupFile does for groups): the site step stays inside its data folder, and its URLs and
 * pages sound, whatever output it is given.
 */
export function schoolFile(dir: string, schoolId: string): string {
  const name = `${schoolId}.json`;
  const file = resolve(dir, name);
  if (!new RegExp(ID_RULE.pattern, "u").test(schoolId) || schoolId === SCHOOL_TEMPLATE || dirname(file) !== resolve(dir) || basename(file) !== name) {
    throw new UsageError(
      `学校代码 ${JSON.stringify(schoolId)} 不能用作数据目录 ${dir} 中的文件名和网址，已停止：代码${ID_RULE.description.zh}`,
      `school_id ${JSON.stringify(schoolId)} cannot be a file name in the data folder ${dir} nor a URL: stopped; codes may contain ${ID_RULE.description.en}`
    );
  }
  return file;
}
