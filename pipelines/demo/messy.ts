// The messy variant: the same rows written the way bureau exports arrive (GBK or UTF-8 with BOM, CRLF,
// Chinese headers and labels, statistics-bureau locality codes, full-width digits, 年月日 dates), plus a
// few extra rows planted to be rejected, one per reason code, each recorded in messy.json.
import {createReadStream, createWriteStream, rmSync} from "node:fs";
import {join} from "node:path";
import {pipeline} from "node:stream/promises";
import iconv from "iconv-lite";
import {CONTRACT, DOMAINS, type ColumnSpec, type ReasonCode} from "../contract.js";
import type {Db} from "../db.js";
import {lit} from "../sql.js";
import type {DemoFile} from "./files.js";
import {TEMPLATE_SCHOOLS} from "./roster.js";

export interface BrokenRow {
  file: string;
  period: string;
  line: number;
  column: string;
  reason: ReasonCode;
}

interface MessyFile {
  file: DemoFile;
  period: string;
  query: string;
  path: string;
  rows: number;
  seed: number;
  work: string;
  /** how many broken rows earlier periods already planted in this file (picks the next recipes) */
  planted: number;
}

const ENCODING: Readonly<Record<DemoFile, "gb18030" | "utf8-bom">> = {
  schools: "gb18030",
  groups: "gb18030",
  memberships: "utf8-bom",
  teachers: "gb18030",
  exchanges: "gb18030",
  exams: "utf8-bom",
  scores: "gb18030"
};

/** strftime patterns; each file uses one of the spellings docs/data-contract.md accepts */
const DATE_STYLE: Readonly<Record<DemoFile, string>> = {
  schools: "%Y年%-m月%-d日",
  groups: "%Y-%m-%d",
  memberships: "%Y年%-m月%-d日",
  teachers: "%Y/%-m/%-d",
  exchanges: "%Y.%-m.%-d",
  exams: "%Y年%-m月%-d日",
  scores: "%Y-%m-%d"
};

/** numeric columns that sometimes arrive in full-width digits */
const FULL_WIDTH = new Set(["students", "classes", "score", "grade", "full_marks", "birth_year", "multimedia_rooms"]);

/** Chinese header: the alias a bureau export most often uses. */
function header(file: DemoFile, column: ColumnSpec): string {
  if (file === "schools" && column.name === "school_id") return "学校标识码";
  if (file === "schools" && column.name === "locality") return "城乡分类代码";
  return column.aliases[0] ?? column.name;
}

function formatted(file: DemoFile, column: ColumnSpec, index: number): string {
  const c = `src."${column.name}"`;
  let expr: string;
  if (file === "schools" && column.name === "locality") {
    // statistics-bureau 城乡分类代码: 111/112 urban, 121/122 town, 210/220 rural
    expr = `case ${c} when 'urban' then case when u01(src.rn, ${index}, 'code') < 0.7 then '111' else '112' end
        when 'town' then case when u01(src.rn, ${index}, 'code') < 0.7 then '121' else '122' end
        else case when u01(src.rn, ${index}, 'code') < 0.7 then '210' else '220' end end`;
  } else if (column.type === "enum" && column.domain) {
    const entries = Object.entries(DOMAINS[column.domain].values as Record<string, readonly string[]>);
    expr = `case ${c} ${entries.map(([code, labels]) => `when '${code}' then '${labels[0] ?? code}'`).join(" ")} else ${c} end`;
  } else if (column.type === "boolean") {
    expr = `case when ${c} then '是' when not ${c} then '否' end`;
  } else if (column.type === "date") {
    expr = `strftime(${c}, '${DATE_STYLE[file]}')`;
  } else if (FULL_WIDTH.has(column.name)) {
    expr = `case when u01(src.rn, ${index}, 'full_width') < 0.1 then translate(${c}::varchar, '0123456789.-', '０１２３４５６７８９．－') else ${c}::varchar end`;
  } else {
    expr = `${c}::varchar`;
  }
  return `coalesce(${expr}, '')`;
}

const quoteField = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

export async function writeMessyFile(db: Db, m: MessyFile): Promise<BrokenRow[]> {
  const columns = CONTRACT[m.file].columns;
  await db.run(`create or replace temp table messy_src as select * from (${m.query})`);
  const fields = columns.map((column, i) => formatted(m.file, column, i + 1));
  await db.run(`
create or replace temp table messy_lines as
select 0::double as sort_key, ${lit(columns.map((c) => header(m.file, c)).join(","))} as line
union all
select src.rn::double as sort_key,
    concat_ws(',', ${fields.map((f) => `case when ${f} similar to '.*[",].*' then '"' || replace(${f}, '"', '""') || '"' else ${f} end`).join(", ")}) as line
from (select rowid + 1 as rn, * from messy_src) src`);
  const planned = await plantBroken(db, m, fields);
  const tmp = join(m.work, `${m.file}.utf8.csv`);
  await db.run(`copy (select line from messy_lines order by sort_key) to ${lit(tmp)}
    (header false, quote '', escape '', delimiter '\\x01', new_line '\\r\\n')`);
  await encodeFile(tmp, m.path, ENCODING[m.file]);
  rmSync(tmp);
  return planned;
}

async function encodeFile(from: string, to: string, encoding: "gb18030" | "utf8-bom"): Promise<void> {
  const out = createWriteStream(to);
  if (encoding === "utf8-bom") {
    out.write("\uFEFF");
    await pipeline(createReadStream(from), out);
  } else {
    await pipeline(createReadStream(from, {encoding: "utf8"}), iconv.encodeStream("gb18030"), out);
  }
}

// ---- broken rows -------------------------------------------------------------------------------

interface Recipe {
  reason: ReasonCode;
  column: string;
  /** turns a clean source row (formatted fields by column name) into the broken line's fields */
  make: (row: Record<string, string>, serial: string) => string[] | string;
  /** the source row must satisfy this (e.g. a member spell) */
  source?: string;
  /** unclosed quotes swallow what follows, so that line goes last */
  last?: boolean;
}

const NO_SCHOOL = "2162999999";
/** the template's 十二年一贯制 schools, by the last three digits of their ids: they have a 高中部 */
const TWELVE_YEAR_IDX = TEMPLATE_SCHOOLS.filter((school) => school.stage === "twelve_year")
  .map((school) => lit(String(school.idx).padStart(3, "0")))
  .join(", ");
type Row = Record<string, string>;
const withValues = (row: Record<string, string>, changes: Record<string, string>) => ({...row, ...changes});

const RECIPES: Readonly<Partial<Record<DemoFile, readonly Recipe[]>>> = {
  schools: ([
    {reason: "missing_value", column: "students", make: (r: Row, n: string) => [withValues(r, {school_id: `216299${n}`, students: ""})]},
    {reason: "bad_enum", column: "stage", make: (r: Row, n: string) => [withValues(r, {school_id: `216299${n}`, stage: "高职院校"})]},
    {reason: "bad_type", column: "students", make: (r: Row, n: string) => [withValues(r, {school_id: `216299${n}`, students: "一千二百"})]},
    {reason: "out_of_range", column: "lat", make: (r: Row, n: string) => [withValues(r, {school_id: `216299${n}`, lat: "95.12345"})]},
    {reason: "duplicate_key", column: "school_id", make: (r: Row) => [r]},
    {reason: "bad_id", column: "school_id", make: (r: Row, n: string) => [withValues(r, {school_id: `2162/99${n}`})]}
  ] satisfies RecipeSpec[]).map(asRows),
  memberships: ([
    {reason: "unknown_group", column: "group_id", source: "role = 'member'", make: (r: Row) => [withValues(r, {group_id: "JT6299999"})]},
    {reason: "unknown_school", column: "school_id", source: "role = 'member'", make: (r: Row) => [withValues(r, {school_id: NO_SCHOOL})]},
    {reason: "conflict", column: "left_date", source: "role = 'member'", make: (r: Row) => [withValues(r, {joined_date: "2025年5月1日", left_date: "2025年3月1日"})]},
    {
      reason: "multiple_leads",
      column: "role",
      source: "role = 'member' and left_date is null",
      make: (r: Row) => [withValues(r, {role: "牵头校", joined_date: r.joined_date!.replace(/(\d+)日$/, (_, d: string) => `${Number(d) + 1}日`)})]
    },
    {reason: "bad_type", column: "joined_date", source: "role = 'member'", make: (r: Row) => [withValues(r, {joined_date: "2025年2月30日"})]},
    // the whole school beside its own 初中部 in the same group (the later line is rejected)
    {reason: "section_overlap", column: "section", source: "section = 'junior'", make: (r: Row) => [withValues(r, {section: ""})]},
    // a 高中部 for a school without one: the 初中部 rows of the 九年一贯制 schools (not the 十二年一贯制 one)
    {reason: "unknown_section", column: "section", source: `section = 'junior' and right(school_id, 3) not in (${TWELVE_YEAR_IDX})`, make: (r: Row) => [withValues(r, {section: "高中部"})]}
  ] satisfies RecipeSpec[]).map(asRows),
  teachers: ([
    {reason: "bad_enum", column: "title", make: (r: Row, n: string) => [withValues(r, {teacher_id: `T9${n}01`, title: "特级教师"})]},
    {reason: "bad_type", column: "school_start_date", make: (r: Row, n: string) => [withValues(r, {teacher_id: `T9${n}02`, school_start_date: "去年九月"})]},
    {reason: "missing_value", column: "teacher_id", make: (r: Row) => [withValues(r, {teacher_id: ""})]},
    {reason: "duplicate_key", column: "teacher_id", make: (r: Row) => [r]},
    {reason: "unknown_school", column: "school_id", make: (r: Row, n: string) => [withValues(r, {teacher_id: `T9${n}03`, school_id: NO_SCHOOL})]},
    {reason: "bad_row", column: "", make: (r: Row, n: string) => [withValues(r, {teacher_id: `T9${n}04`}), {extra: "多余的一列"}]},
    {reason: "out_of_range", column: "birth_year", make: (r: Row, n: string) => [withValues(r, {teacher_id: `T9${n}05`, birth_year: "1890"})]}
  ] satisfies RecipeSpec[]).map(asRows),
  exchanges: ([
    {reason: "unknown_teacher", column: "teacher_id", make: (r: Row, n: string) => [withValues(r, {teacher_id: `T2162999${n}001`})]},
    {reason: "conflict", column: "end_date", make: (r: Row) => [withValues(r, {start_date: shiftDotted(r.start_date!, 1), end_date: r.start_date!})]},
    {reason: "bad_enum", column: "kind", make: (r: Row) => [withValues(r, {start_date: shiftDotted(r.start_date!, 2), kind: "借调"})]},
    {reason: "unknown_school", column: "to_school_id", make: (r: Row) => [withValues(r, {start_date: shiftDotted(r.start_date!, 3), to_school_id: NO_SCHOOL})]},
    {reason: "missing_value", column: "from_school_id", make: (r: Row) => [withValues(r, {start_date: shiftDotted(r.start_date!, 4), from_school_id: ""})]}
  ] satisfies RecipeSpec[]).map(asRows),
  scores: ([
    {reason: "conflict", column: "is_absent", make: (r: Row, n: string) => [withValues(r, {student_id: `SX${n}01`, score: "88", is_absent: "是"})]},
    {reason: "unknown_exam", column: "exam_id", make: (r: Row, n: string) => [withValues(r, {student_id: `SX${n}02`, exam_id: "QK999-209901-A"})]},
    {reason: "out_of_range", column: "score", make: (r: Row, n: string) => [withValues(r, {student_id: `SX${n}03`, score: "-5", is_absent: "否"})]},
    {reason: "bad_type", column: "score", make: (r: Row, n: string) => [withValues(r, {student_id: `SX${n}04`, score: "优秀", is_absent: "否"})]},
    {reason: "missing_value", column: "student_id", make: (r: Row) => [withValues(r, {student_id: ""})]},
    {reason: "duplicate_key", column: "student_id", make: (r: Row) => [r]},
    {reason: "unknown_school", column: "school_id", make: (r: Row, n: string) => [withValues(r, {student_id: `SX${n}05`, school_id: NO_SCHOOL})]},
    {
      reason: "bad_row",
      column: "",
      last: true,
      make: (r: Row, n: string) => `${r.exam_id},${r.subject},"SX${n}06,${r.school_id},77,否`
    }
  ] satisfies RecipeSpec[]).map(asRows)
};

interface RecipeSpec {
  reason: ReasonCode;
  column: string;
  source?: string;
  last?: boolean;
  make: (r: Row, n: string) => Row[] | string;
}
function asRows(recipe: RecipeSpec): Recipe {
  return {
    ...recipe,
    make: (row, serial) => {
      const made = recipe.make(row, serial);
      return typeof made === "string" ? made : made.flatMap((part) => Object.values(part));
    }
  };
}

/** exchanges use dotted dates (2025.9.1); shift one by days */
function shiftDotted(date: string, days: number): string {
  const [y, m, d] = date.split(".").map(Number);
  const shifted = new Date(Date.UTC(y!, m! - 1, d! + days));
  return `${shifted.getUTCFullYear()}.${shifted.getUTCMonth() + 1}.${shifted.getUTCDate()}`;
}

// At most two broken rows per file and period and never more than 3% of its rows (the ingest's default
// reject limit is 5%); recipes are used in turn across periods so every reason appears.
async function plantBroken(db: Db, m: MessyFile, fields: string[]): Promise<BrokenRow[]> {
  const recipes = RECIPES[m.file] ?? [];
  const allowed = Math.min(2, Math.floor(m.rows * 0.03));
  if (recipes.length === 0 || allowed === 0 || m.planted >= recipes.length) return [];
  const columns = CONTRACT[m.file].columns.map((c) => c.name);
  const chosen = recipes.slice(m.planted, m.planted + allowed);
  const planted: {recipe: Recipe; sortKey: number}[] = [];
  for (const [i, recipe] of chosen.entries()) {
    const target = 1 + ((m.seed * 7919 + (m.planted + i) * 104729 + m.rows) % m.rows);
    const where = recipe.source ? `where ${recipe.source}` : "";
    const source = await db.one<{rn: number; fields: string[]}>(`
select src.rn::integer as rn, [${fields.join(", ")}] as fields
from (select rowid + 1 as rn, * from messy_src) src
${where}
order by (src.rn >= ${target}) desc, src.rn
limit 1`);
    const row = Object.fromEntries(columns.map((name, k) => [name, source.fields[k] ?? ""]));
    const serial = `${m.period.slice(2, 4)}${m.period.slice(5)}${m.planted + i}`;
    const made = recipe.make(row, serial);
    const line = typeof made === "string" ? made : made.map(quoteField).join(",");
    const sortKey = recipe.last ? 1e12 : source.rn + 0.5;
    await db.run(`insert into messy_lines values (${sortKey}, ${lit(line)})`);
    planted.push({recipe, sortKey});
  }
  const lines = await db.all<{sort_key: number; line_no: number}>(`
select sort_key, line_no::integer as line_no from (
    select sort_key, row_number() over (order by sort_key) as line_no from messy_lines
) where sort_key <> floor(sort_key) or sort_key = 1e12`);
  return planted.map(({recipe, sortKey}) => ({
    file: `${m.file}.csv`,
    period: m.period,
    line: lines.find((l) => l.sort_key === sortKey)!.line_no,
    column: recipe.column,
    reason: recipe.reason
  }));
}
