// The contract turned into SQL: parsing macros, the typed raw_* tables, and the row, key and
// reference checks that sort each staged row into loaded or rejected. Pure string building, so the
// browser explorer runs exactly the same checks in DuckDB-WASM.
import {CONTRACT, DOMAINS, ID_RULE, PERIOD_END_MACRO, REASONS, STAGE_SECTIONS, REJECT_COLUMNS, rejectHeader, type ColumnSpec, type FileName, type FileSpec} from "../contract.js";
import {ident, lit} from "../sql.js";

/**
 * ID_RULE in two cheaper parts, same meaning: the character class with `+`, and the length (DuckDB's length
 * counts code points, as RE2's `{1,64}` does). RE2 compiles `[\p{L}\p{N}_-]{1,64}` into 64 copies of the
 * Unicode classes: 0.3–0.5 s of CPU per regexp_matches in a statement, about 4 s of every run's ~6 s.
 */
const ID_CLASS_PATTERN = ID_RULE.pattern.replace(`{1,${ID_RULE.maxLength}}$`, "+$");
if (ID_CLASS_PATTERN === ID_RULE.pattern) throw new Error(`ID_RULE.pattern no longer ends in {1,${ID_RULE.maxLength}}$: update checks-sql.ts`);

const DATE_PATTERN = String.raw`^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?(\s+[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?$`;
const INT_PATTERN = String.raw`^[+-]?[0-9]+(\.0+)?$`;
const GROUPED_INT_PATTERN = String.raw`^[0-9]{1,3}(,[0-9]{3})+$`;
const NUM_PATTERN = String.raw`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`;
const GROUPED_NUM_PATTERN = String.raw`^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`;

const TRUE_WORDS = ["是", "1", "true", "t", "y", "yes", "对"];
const FALSE_WORDS = ["否", "0", "false", "f", "n", "no", "错"];

/** Parsing macros: each returns NULL when the text is not a valid value of its type. */
export function macroStatements(): string[] {
  const statements = [
    `create or replace macro jh_int(s) as case
       when regexp_matches(s, ${lit(INT_PATTERN)}) then try_cast(regexp_replace(s, '\\.0+$', '') as bigint)
       when regexp_matches(s, ${lit(GROUPED_INT_PATTERN)}) then try_cast(replace(s, ',', '') as bigint)
     end`,
    `create or replace macro jh_num(s) as case
       when regexp_matches(s, ${lit(NUM_PATTERN)}) then try_cast(s as double)
       when regexp_matches(s, ${lit(GROUPED_NUM_PATTERN)}) then try_cast(replace(s, ',', '') as double)
     end`,
    // 2024-09-01, 2024/9/1, 2024.9.1, 2024年9月1日 (a time of day after it, as Excel writes, is ignored)
    `create or replace macro jh_date(s) as case
       when regexp_matches(s, ${lit(DATE_PATTERN)})
       then try_cast(regexp_replace(s, ${lit(DATE_PATTERN)}, '\\1-\\2-\\3') as date)
     end`,
    `create or replace macro jh_bool(s) as case
       when lower(s) in (${TRUE_WORDS.map(lit).join(", ")}) then true
       when lower(s) in (${FALSE_WORDS.map(lit).join(", ")}) then false
     end`,
    PERIOD_END_MACRO
  ];
  for (const [domain, spec] of Object.entries(DOMAINS)) {
    const whens = Object.entries(spec.values as Record<string, readonly string[]>).flatMap(([code, labels]) =>
      [code, ...labels].map((label) => `when ${lit(label.toLowerCase())} then ${lit(code)}`)
    );
    statements.push(`create or replace macro jh_enum_${domain}(s) as case lower(s) ${whens.join(" ")} end`);
  }
  return statements;
}

const SQL_TYPE = {text: "varchar", integer: "integer", number: "double", date: "date", boolean: "boolean", enum: "varchar"};

/** Columns of the typed table raw_<file>: the contract's, plus where each row came from. */
export function rawTableDdl(spec: FileSpec): string {
  const columns = [
    "period varchar not null",
    "source_line integer not null",
    ...rawValueColumns(spec).map(([name, type]) => `${name} ${type}`)
  ];
  return `create table raw_${spec.name} (\n  ${columns.join(",\n  ")}\n)`;
}

/** raw_<file>'s columns after period and source_line, with their types: carried_from for a snapshot, then the
 * contract's (checkStatements writes its checked rows in exactly these) */
function rawValueColumns(spec: FileSpec): [name: string, type: string][] {
  return [
    ...(spec.kind === "snapshot" ? ([["carried_from", "varchar"]] as [string, string][]) : []),
    ...spec.columns.map((column) => [column.name, SQL_TYPE[column.type]] as [string, string])
  ];
}

/** The all-text table the staged CSV files load into. */
export function stageColumns(spec: FileSpec): Record<string, string> {
  return Object.fromEntries([
    ["period", "varchar"],
    ["source_line", "integer"],
    ...spec.columns.map((column) => [column.name, "varchar"])
  ]);
}

const rejectsColumns = `period varchar, file varchar, line integer, "column" varchar, value varchar, reason varchar,
  detail_zh varchar, detail_en varchar`;

export function rejectsTableDdl(): string {
  return `create table if not exists rejects (${rejectsColumns})`;
}

/** Each input file's name and sheet, and what it called each contract column: rejects.csv speaks the file's words. */
export function sourcesTableDdl(): string[] {
  return [
    "create table if not exists input_sources (period varchar, file varchar, source varchar, sheet varchar)",
    `create table if not exists input_headers (period varchar, file varchar, "column" varchar, header varchar)`
  ];
}

function parse(column: ColumnSpec, raw: string): string {
  switch (column.type) {
    case "text":
      return raw;
    case "integer":
      return `try_cast(jh_int(${raw}) as integer)`;
    case "number":
      return `jh_num(${raw})`;
    case "date":
      return `jh_date(${raw})`;
    case "boolean":
      return `jh_bool(${raw})`;
    case "enum":
      return `jh_enum_${column.domain}(${raw})`;
  }
}

function defaultValue(column: ColumnSpec): string {
  if (column.default === undefined) return "null";
  if (column.type === "boolean") return column.default;
  return lit(column.default);
}

function typeDetail(column: ColumnSpec): [string, string] {
  switch (column.type) {
    case "integer":
      return ["应为整数", "expected a whole number"];
    case "number":
      return ["应为数字", "expected a number"];
    case "date":
      return ["日期应写作 2024-09-01、2024/9/1、2024.9.1 或 2024年9月1日", "expected a date such as 2024-09-01, 2024/9/1, 2024.9.1 or 2024年9月1日"];
    case "boolean":
      return ["应为 是/否、1/0、true/false 或 Y/N", "expected 是/否, 1/0, true/false or Y/N"];
    case "enum": {
      const values = Object.entries(DOMAINS[column.domain!].values as Record<string, readonly string[]>);
      return [
        `允许的取值：${values.map(([code, labels]) => `${labels[0] ?? code}（${code}）`).join("、")}`,
        `allowed: ${values.map(([code, labels]) => `${code} (${labels[0] ?? code})`).join(", ")}`
      ];
    }
    default:
      return ["", ""];
  }
}

function rangeCheck(column: ColumnSpec, typed: string): {cond: string; zh: string; en: string} | undefined {
  const parts: string[] = [];
  if (column.min !== undefined) parts.push(`${typed} ${column.minExclusive ? "<=" : "<"} ${column.min}`);
  if (column.max !== undefined) parts.push(`${typed} > ${column.max}`);
  if (column.type === "date") parts.push(`year(${typed}) not between 1900 and 2100`);
  if (parts.length === 0) return undefined;
  const op = column.minExclusive ? ">" : "≥";
  let zh: string;
  let en: string;
  if (column.type === "date") [zh, en] = ["年份应在 1900 到 2100 之间", "the year must be between 1900 and 2100"];
  else if (column.min !== undefined && column.max !== undefined)
    [zh, en] = [`应在 ${column.min} 到 ${column.max} 之间`, `must be between ${column.min} and ${column.max}`];
  else [zh, en] = [`应 ${op} ${column.min}`, `must be ${op} ${column.min}`];
  return {cond: parts.join(" or "), zh, en};
}

const problem = (column: string, value: string, reason: keyof typeof REASONS, zh: string, en: string) =>
  `{'column': ${lit(column)}, 'value': ${value}, 'reason': ${lit(reason)}, 'detail_zh': ${zh}, 'detail_en': ${en}}`;

interface RowCheck {
  cond: string;
  struct: string;
}

/** Checks that need only the row itself: presence, type, range, and contradictions within the row. */
function rowChecks(spec: FileSpec): RowCheck[] {
  const checks: RowCheck[] = [];
  for (const column of spec.columns) {
    const raw = `${column.name}__raw`;
    const typed = ident(column.name);
    if (column.required) {
      checks.push({cond: `${raw} is null`, struct: problem(column.name, "null", "missing_value", "''", "''")});
    }
    if (column.id) {
      const {zh, en} = ID_RULE.description;
      checks.push({
        cond: `${raw} is not null and (length(${raw}) > ${ID_RULE.maxLength} or not regexp_matches(${raw}, ${lit(ID_CLASS_PATTERN)}))`,
        struct: problem(column.name, raw, "bad_id", lit(zh), lit(en))
      });
    }
    if (column.type !== "text") {
      const [zh, en] = typeDetail(column);
      const reason = column.type === "enum" ? "bad_enum" : "bad_type";
      checks.push({cond: `${raw} is not null and ${typed} is null`, struct: problem(column.name, raw, reason, lit(zh), lit(en))});
    }
    const range = rangeCheck(column, typed);
    if (range) checks.push({cond: range.cond, struct: problem(column.name, raw, "out_of_range", lit(range.zh), lit(range.en))});
  }
  for (const conflict of CONFLICTS[spec.name] ?? []) {
    checks.push({
      cond: conflict.cond,
      struct: problem(conflict.column, `${conflict.column}__raw`, conflict.reason ?? "conflict", lit(conflict.zh), lit(conflict.en))
    });
  }
  return checks;
}

interface Conflict {
  column: string;
  cond: string;
  zh: string;
  en: string;
  reason?: keyof typeof REASONS;
}

const CONFLICTS: Partial<Record<FileName, Conflict[]>> = {
  memberships: [
    {column: "left_date", cond: "left_date < joined_date", zh: "退出日期早于加入日期", en: "left_date is before joined_date"}
  ],
  exchanges: [
    {column: "end_date", cond: "end_date < start_date", zh: "结束日期早于开始日期", en: "end_date is before start_date"},
    {column: "to_school_id", cond: "to_school_id = from_school_id", zh: "接收学校与派出学校相同", en: "the receiving school is the sending school"}
  ],
  scores: [
    {column: "score", cond: "is_absent and score is not null", zh: "标记为缺考却有成绩", en: "marked absent but has a score"},
    {
      column: "score",
      cond: "not is_absent and score__raw is null",
      zh: "未缺考的学生必须有成绩",
      en: "a score is required unless the student is absent",
      reason: "missing_value"
    }
  ]
};

/**
 * The statements that check stage_<file> (all periods at once) and move its rows into raw_<file> or
 * rejects. Referenced files must already be loaded (and carried forward) in raw_*.
 */
export function checkStatements(spec: FileSpec): string[] {
  const name = spec.name;
  const checks = rowChecks(spec);
  const typedColumns = spec.columns.map(
    (column) =>
      `case when ${column.name}__raw is null then ${defaultValue(column)} else ${parse(column, `${column.name}__raw`)} end as ${ident(column.name)}`
  );
  const rawColumns = spec.columns.map((column) => `${ident(column.name)} as ${column.name}__raw`);
  // the columns of raw_<file>, in its order and of its types (carried_from empty: the rows are the file's own)
  const typedAsRaw = rawValueColumns(spec).map(
    ([column, type]) => `cast(${column === "carried_from" ? "null" : ident(column)} as ${type}) as ${ident(column)}`
  );
  // The checked rows go straight into the database file, typed as raw_<file> is (rawTableDdl), with their problems in
  // one more column; the rejected rows are then deleted, that column dropped and the table renamed raw_<file>. A
  // temporary table copied into raw_<file> wrote every row twice (province: 38 M score rows, 37.6 against 22.5 s
  // measured; pipelines/bench/NOTES.md)
  const checked = `create or replace table checked_${name} as
with staged as (
    select period, source_line, ${rawColumns.join(", ")} from stage_${name}
),

typed as (
    select *, ${typedColumns.join(",\n        ")} from staged
)

select
    period,
    source_line,
    ${typedAsRaw.join(",\n    ")},
    case when ${checks.map((check) => `(${check.cond})`).join(" or ") || "false"}
        then list_filter([${checks.map((check) => `case when ${check.cond} then ${check.struct} end`).join(",\n            ")}], lambda p: p is not null)
    end as problems
from typed`;

  const problemSelects = [
    `select period, source_line, unnest(problems, recursive := true) from checked_${name} where problems is not null`,
    duplicateKeySelect(spec),
    ...spec.references.map((reference) => referenceSelect(spec, reference)),
    ...(name === "memberships" ? [multipleLeadsSelect(), sectionOverlapSelect(), unknownSectionSelect()] : []),
    ...(name === "scores" ? [scoreAboveFullMarksSelect()] : [])
  ];
  const problems = `create or replace temp table problems_${name} as
${problemSelects.join("\nunion all\n")}`;

  // every row with a problem of its own or found among the clean rows (a duplicate key, an unknown reference) goes:
  // a few rows of the file, so a delete, in no particular order (every model reads the raw tables with full
  // tie-breakers and exact or ordered sums, docs/architecture.md)
  const keep = [
    `delete from checked_${name} as checked where checked.problems is not null or exists (
    select 1 from problems_${name} as problem
    where problem.period = checked.period and problem.source_line = checked.source_line)`,
    `alter table checked_${name} drop column problems`,
    `drop table raw_${name}`,
    `alter table checked_${name} rename to raw_${name}`,
    `alter table raw_${name} alter column period set not null`,
    `alter table raw_${name} alter column source_line set not null`
  ];

  const reject = `insert into rejects
select period, ${lit(name)} as file, source_line as line, "column", value, reason, detail_zh, detail_en
from problems_${name}`;
  return [checked, problems, reject, ...keep, `drop table problems_${name}`];
}

const clean = (name: string) => `(select * from checked_${name} where problems is null)`;

function duplicateKeySelect(spec: FileSpec): string {
  const key = spec.key.map(ident);
  const partition = spec.keyScope === "period" ? ["period", ...key] : key;
  const keyText = spec.key.length === 1 ? `${key[0]}::varchar` : `concat_ws(' | ', ${key.map((k) => `${k}::varchar`).join(", ")})`;
  const where =
    spec.keyScope === "period"
      ? `concat('与第 ', first_line, ' 行重复（', ${lit(spec.key.join(" + "))}, '）')`
      : `concat('与 ', first_period, ' 期第 ', first_line, ' 行重复（', ${lit(spec.key.join(" + "))}, '）')`;
  const whereEn =
    spec.keyScope === "period"
      ? `concat('duplicates line ', first_line, ' (', ${lit(spec.key.join(" + "))}, ')')`
      : `concat('duplicates period ', first_period, ' line ', first_line, ' (', ${lit(spec.key.join(" + "))}, ')')`;
  // NULL hashes to one value, so keys with NULLs group as the windows' partitions (is not distinct from) do
  const keyHash = (prefix: string) => `hash(${partition.map((column) => prefix + column).join(", ")})`;
  return `select period, source_line, ${lit(spec.key.join("+"))} as "column", key_text as value, 'duplicate_key' as reason,
    ${where} as detail_zh, ${whereEn} as detail_en
from (
    select period, source_line, ${keyText} as key_text,
        row_number() over (partition by ${partition.join(", ")} order by period, source_line) as occurrence,
        first_value(period) over (partition by ${partition.join(", ")} order by period, source_line) as first_period,
        first_value(source_line) over (partition by ${partition.join(", ")} order by period, source_line) as first_line
    from ${clean(spec.name)} as candidate
    -- only keys that occur more than once can be duplicates: the windows then sort a handful of rows. The keys are
    -- counted by their 64-bit hash, not by their text (the scores' three columns over a city's 2.5 million rows:
    -- 1.66 s of CPU in that aggregate; pipelines/bench/NOTES.md); a hash shared by two different keys only lets a few
    -- more rows through to the windows, which partition by the keys themselves, so the duplicates found are exact
    semi join (
        select ${keyHash("")} as key_hash from ${clean(spec.name)} group by all having count(*) > 1
    ) as repeated
        on ${keyHash("candidate.")} = repeated.key_hash
) as keyed
where occurrence > 1`;
}

function referenceSelect(spec: FileSpec, reference: FileSpec["references"][number]): string {
  const match = reference.columns
    .map((column, i) => `target.${ident(reference.targets[i]!)} = checked.${ident(column)}`)
    .join(" and ");
  const periodMatch = reference.scope === "period" ? "target.period = checked.period" : "target.period <= checked.period";
  const valueText =
    reference.columns.length === 1
      ? `checked.${ident(reference.columns[0]!)}::varchar`
      : `concat_ws(' | ', ${reference.columns.map((column) => `checked.${ident(column)}::varchar`).join(", ")})`;
  const file = `${reference.file}.csv`;
  const zh = reference.scope === "period" ? `在本期的 ${file} 中找不到` : `在本期及以前各期的 ${file} 中找不到`;
  const en = reference.scope === "period" ? `not found in this period's ${file}` : `not found in ${file} of this or any earlier period`;
  // The test runs on the distinct (period, key) pairs (a city's 2.5 million score rows hold some 5,000), then
  // the rows with a missing pair are found by a semi join, usually on nothing: NOT EXISTS over every row
  // made DuckDB join all of them (half of the scores' checks, profiled with EXPLAIN ANALYZE). The same rows.
  const keys = ["period", ...reference.columns.map(ident)];
  return `select checked.period, checked.source_line, ${lit(reference.columns.join("+"))} as "column", ${valueText} as value,
    ${lit(reference.reason)} as reason, ${lit(zh)} as detail_zh, ${lit(en)} as detail_en
from ${clean(spec.name)} as checked
semi join (
    select * from (select distinct ${keys.join(", ")} from ${clean(spec.name)}) as checked
    where not exists (select 1 from raw_${reference.file} as target where ${periodMatch} and ${match})
) as missing
    on ${keys.map((key) => `missing.${key} is not distinct from checked.${key}`).join(" and ")}`;
}

// A group has exactly one lead on any date: a lead spell overlapping an earlier-listed lead spell of
// the same group in the same period is rejected.
function multipleLeadsSelect(): string {
  return `select later.period, later.source_line, 'role' as "column", 'lead' as value, 'multiple_leads' as reason,
    concat('与第 ', min(earlier.source_line), ' 行的牵头校任期重叠') as detail_zh,
    concat('overlaps the lead spell on line ', min(earlier.source_line)) as detail_en
from ${clean("memberships")} as later
inner join ${clean("memberships")} as earlier
    on earlier.period = later.period
    and earlier.group_id = later.group_id
    and earlier.source_line < later.source_line
    and earlier.role = 'lead' and later.role = 'lead'
    and earlier.joined_date < coalesce(later.left_date, date '9999-12-31')
    and later.joined_date < coalesce(earlier.left_date, date '9999-12-31')
group by later.period, later.source_line`;
}

// A school is in a group either as a whole or by sections (学部) on any date: a spell of the whole school that
// overlaps a section spell of the same school in the same group (or the reverse) is rejected, the later-listed
// row. A section in a group and the whole school in another (a group and a pairing) is allowed, as for schools.
function sectionOverlapSelect(): string {
  return `select later.period, later.source_line, 'section' as "column", coalesce(later.section, '') as value,
    'section_overlap' as reason,
    concat('与第 ', min(earlier.source_line), ' 行重叠：同一集团中整校与学部不能同时加入') as detail_zh,
    concat('overlaps line ', min(earlier.source_line), ': the whole school and one of its sections cannot both be in the group') as detail_en
from ${clean("memberships")} as later
inner join ${clean("memberships")} as earlier
    on earlier.period = later.period
    and earlier.group_id = later.group_id
    and earlier.school_id = later.school_id
    and earlier.source_line < later.source_line
    and (earlier.section is null) <> (later.section is null)
    and earlier.joined_date < coalesce(later.left_date, date '9999-12-31')
    and later.joined_date < coalesce(earlier.left_date, date '9999-12-31')
group by later.period, later.source_line, later.section`;
}

// A section must be one the school has by its stage in the same period (STAGE_SECTIONS): 九年一贯制 has
// 小学部 and 初中部, a 完全中学 初中部 and 高中部, a 小学 only its 小学部.
function unknownSectionSelect(): string {
  const pairs = Object.entries(STAGE_SECTIONS).flatMap(([stage, sections]) => sections.map((section) => `(${lit(stage)}, ${lit(section)})`));
  return `select checked.period, checked.source_line, 'section' as "column", checked.section as value, 'unknown_section' as reason,
    concat('学段为 ', schools.stage, ' 的学校没有该学部') as detail_zh,
    concat('a school of stage ', schools.stage, ' has no such section') as detail_en
from ${clean("memberships")} as checked
inner join raw_schools as schools
    on schools.period = checked.period and schools.school_id = checked.school_id
where checked.section is not null
    and not exists (
        select 1 from (values ${pairs.join(", ")}) as stage_sections(stage, section)
        where stage_sections.stage = schools.stage and stage_sections.section = checked.section
    )`;
}

function scoreAboveFullMarksSelect(): string {
  return `select checked.period, checked.source_line, 'score' as "column", checked.score::varchar as value, 'out_of_range' as reason,
    concat('超过满分 ', exams.full_marks) as detail_zh, concat('above the full marks of ', exams.full_marks) as detail_en
from ${clean("scores")} as checked
inner join raw_exams as exams
    on exams.exam_id = checked.exam_id and exams.subject = checked.subject and exams.period <= checked.period
where checked.score > exams.full_marks`;
}

/** Copy a snapshot from an earlier period into a period that did not report it. */
export function carryForwardStatement(spec: FileSpec, period: string, from: string): string {
  const columns = spec.columns.map((column) => ident(column.name)).join(", ");
  return `insert into raw_${spec.name} (period, source_line, carried_from, ${columns})
select ${lit(period)}, source_line, coalesce(carried_from, period), ${columns}
from raw_${spec.name} where period = ${lit(from)} order by source_line`;
}

/** rejects.csv: the export with bilingual headers (`行号 line`, see REJECT_COLUMNS). */
export function rejectsCsvQuery(): string {
  const columns = (Object.keys(REJECT_COLUMNS) as (keyof typeof REJECT_COLUMNS)[]).map((key) => `${ident(key)} as ${ident(rejectHeader(key))}`);
  return `select ${columns.join(", ")} from (${rejectsExportQuery()})`;
}

/** Bilingual messages for rejects.csv, built from the reason code and detail. */
export function rejectsExportQuery(): string {
  const zh = Object.entries(REASONS).map(([code, text]) => `when ${lit(code)} then ${lit(text.zh)}`).join(" ");
  const en = Object.entries(REASONS).map(([code, text]) => `when ${lit(code)} then ${lit(text.en)}`).join(" ");
  // a column as the file named it (在校生数, not students); a key of several columns is joined by +
  return `with numbered as (
    select row_number() over () as rid, * from rejects
),
parts as (
    select rid, period, file, unnest(string_split("column", '+')) as part, generate_subscripts(string_split("column", '+'), 1) as i
    from numbered where "column" <> ''
),
named as (
    select parts.rid, string_agg(coalesce(headers.header, parts.part), '+' order by parts.i) as named
    from parts
    left join input_headers as headers on headers.period = parts.period and headers.file = parts.file and headers."column" = parts.part
    group by parts.rid
)
select rejects.period, coalesce(sources.source, rejects.file || '.csv') as file, sources.sheet, rejects.line,
    coalesce(named.named, rejects."column") as "column",
    rejects."column" as contract_column, rejects.value, rejects.reason,
    concat(case rejects.reason ${zh} end, case when rejects.detail_zh <> '' then concat('：', rejects.detail_zh) else '' end) as message_zh,
    concat(case rejects.reason ${en} end, case when rejects.detail_en <> '' then concat(': ', rejects.detail_en) else '' end) as message_en
from numbered as rejects
left join named on named.rid = rejects.rid
left join input_sources as sources on sources.period = rejects.period and sources.file = rejects.file
order by rejects.period, rejects.file, rejects.line, rejects."column", rejects.reason`;
}
