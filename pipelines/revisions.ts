// Revisions (docs/editions.md "Revisions"): what this run is about to publish in an edition, compared with
// what the last good output published in the same edition (<out>/published/<edition>/, still in place until
// the swap, safe-write.ts), as one table of changes — `revisions` — published beside the edition's tables.
//
// - Same edition only: the public edition is compared with the previous public edition, never with the
//   internal one, so it names only what the public edition publishes.
// - A row is found by its table's primary key: the model's `-- key:` header (models/runner.ts), which the
//   manifest records per table (publish.ts); no second definition here.
// - Values are compared as published (the text DuckDB writes into the CSV); a DOUBLE by its 12 significant
//   digits, so the order of floating-point sums is not a revision. Two runs over the same input: none.
// - Suppression: a published value is never more than what the two editions' files hold (a suppressed cell is
//   empty there). A value that is empty now in a table under disclosure control (it has `is_suppressed`) is
//   listed as `withheld`, its old value not repeated: a tightened rule is not undone by this table.
// - Rows added or removed are one line each (no values: added rows are in the table, removed ones in the
//   previous release); so are whole tables and columns added or removed.
import {existsSync, readFileSync} from "node:fs";
import {sha256File} from "./publish.js";
import {join} from "node:path";
import type {Db} from "./db.js";
import {ident, lit} from "./sql.js";

/** The published table's name, and its relation in the warehouse while the run publishes it. */
export const REVISIONS_TABLE = "revisions";
export const REVISIONS_GRAIN = "table × row (primary key) × column: one published figure that changed";
export const REVISIONS_KEY = ["table_name", "key_json", "column_name"];

export type RevisionKind = "changed" | "added" | "removed" | "withheld";

/** The last good output's edition, as the revisions need it; null when there is none (a first release). */
export interface PreviousRelease {
  dir: string;
  started_at: string | null;
  as_of_date: string | null;
  periods: string[];
  version: string | null;
  tables: {table: string; key: string[]; files: {file: string; sha256?: string}[]}[];
  /** input files of the previous run (name → sha256), from <out>/manifest.json; null when it has none */
  inputs: Record<string, string | null> | null;
}

export interface InputChanges {
  /** the same file name, different content */
  changed: string[];
  /** files the previous run did not read */
  added: string[];
  /** files the previous run read and this one did not */
  removed: string[];
}

export interface RevisionsSummary {
  first_release: boolean;
  previous: {started_at: string | null; as_of_date: string | null; version: string | null} | null;
  inputs: InputChanges;
  /** every line of the table */
  total: number;
  /** lines about rows of periods the previous release covered: "revisions to earlier figures" */
  earlier: number;
  by_table: Record<string, Record<RevisionKind, number> & {earlier: number}>;
  /** tables of the previous release that could not be read as its manifest describes them (changed since, or
   * damaged): not compared, so no line about them */
  not_compared: string[];
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * The edition as the output in <out> published it, or null: no output yet, an output without this edition's
 * folder (0.1.0 had one flat published/, which is never read as the public edition), or a manifest that does
 * not name this edition.
 */
export function readPreviousRelease(out: string, edition: string): PreviousRelease | null {
  const dir = join(out, "published", edition);
  const manifest = readJson(join(dir, "manifest.json")) as
    | {edition?: string; run?: {started_at?: string}; as_of_date?: string; periods?: string[]; tool?: {version?: string}; published?: PreviousRelease["tables"]}
    | undefined;
  if (!manifest || manifest.edition !== edition || !Array.isArray(manifest.published)) return null;
  const top = readJson(join(out, "manifest.json")) as {files?: {name?: string; sha256?: string}[]} | undefined;
  const inputs = Array.isArray(top?.files)
    ? Object.fromEntries(top.files.filter((file) => typeof file.name === "string").map((file) => [file.name!, file.sha256 ?? null]))
    : null;
  return {
    dir,
    started_at: manifest.run?.started_at ?? null,
    as_of_date: manifest.as_of_date ?? null,
    periods: Array.isArray(manifest.periods) ? manifest.periods : [],
    version: manifest.tool?.version ?? null,
    tables: manifest.published.filter((table) => Array.isArray(table?.key) && Array.isArray(table?.files)),
    inputs
  };
}

/** Which input files differ from the previous run's, by name and sha256 (a file without a recorded hash counts as changed). */
export function inputChanges(previous: PreviousRelease | null, current: readonly {name: string; sha256?: string}[]): InputChanges {
  if (!previous?.inputs) return {changed: [], added: previous ? current.map((file) => file.name).sort() : [], removed: []};
  const before = previous.inputs;
  const now = new Map(current.map((file) => [file.name, file.sha256 ?? null]));
  const changed: string[] = [];
  const added: string[] = [];
  for (const [name, sha] of now) {
    if (!(name in before)) added.push(name);
    else if (sha === null || before[name] === null || before[name] !== sha) changed.push(name);
  }
  const removed = Object.keys(before).filter((name) => !now.has(name));
  return {changed: changed.sort(), added: added.sort(), removed: removed.sort()};
}

/** A table about to be published: its name, the relation holding its rows, its primary key. */
export interface CurrentTable {
  name: string;
  relation: string;
  key: string[];
}

type Line = (table: string, row: string, json: string, period: string, earlier: string, kind: string, column: string, oldValue: string, newValue: string) => string;

const DOUBLE_TYPES = new Set(["DOUBLE", "FLOAT", "REAL"]);

/** The text a value is published as (CSV), and the text two values are compared by. */
function shown(alias: string, column: string): string {
  return `cast(${alias}.${ident(column)} as varchar)`;
}
function compared(alias: string, column: string, type: string): string {
  const value = `${alias}.${ident(column)}`;
  return DOUBLE_TYPES.has(type) ? `case when ${value} is null then null when isfinite(${value}) then printf('%.12g', ${value}) else cast(${value} as varchar) end` : `cast(${value} as varchar)`;
}

/**
 * What a row refers to in time, from its key: `period` (YYYYQn), `school_year` (begins 1 September), or the
 * exam (`exam_id`, by its date; a value-added pair by its later exam). `earlier`: the previous release covered
 * it — a period up to its last one, a school year begun, an exam held by its as-of date.
 */
function periodOf(key: string[], alias: string, previous: PreviousRelease): {label: string; earlier: string; join: string} {
  const asOf = previous.as_of_date ? `${lit(previous.as_of_date)}::date` : "null::date";
  const last = previous.periods.at(-1);
  if (key.includes("period")) {
    const period = `cast(${alias}.period as varchar)`;
    return {label: period, earlier: last ? `coalesce(${period} <= ${lit(last)}, false)` : "false", join: ""};
  }
  if (key.includes("school_year")) {
    const year = `cast(${alias}.school_year as varchar)`;
    return {label: year, earlier: `coalesce(make_date(try_cast(left(${year}, 4) as integer), 9, 1) <= ${asOf}, false)`, join: ""};
  }
  if (key.includes("exam_id")) {
    return {
      label: `case when rev_exam.exam_date is null then null else year(rev_exam.exam_date) || 'Q' || quarter(rev_exam.exam_date) end`,
      earlier: `coalesce(rev_exam.exam_date <= ${asOf}, false)`,
      join: `left join rev_exam_dates as rev_exam on rev_exam.exam_id = cast(${alias}.exam_id as varchar)`
    };
  }
  return {label: "null", earlier: "false", join: ""};
}

async function columnTypes(db: Db, relation: string): Promise<Map<string, string>> {
  const rows = await db.all<{column_name: string; column_type: string}>(`describe select * from ${relation}`);
  return new Map(rows.map((row) => [row.column_name, row.column_type]));
}

/**
 * Builds `relation` (a temporary table) with this edition's revisions against `previous`, and says how many
 * of each kind. With no previous release the table is empty, with its columns.
 */
export async function createRevisions(
  db: Db,
  options: {relation: string; tables: readonly CurrentTable[]; previous: PreviousRelease | null; inputs: InputChanges}
): Promise<RevisionsSummary> {
  const {relation, tables, previous, inputs} = options;
  const target = ident(relation);
  await db.run(`create or replace temp table ${target} (
    table_name varchar, row_key varchar, key_json varchar, period varchar, earlier_period boolean, kind varchar,
    column_name varchar, old_value varchar, new_value varchar, changed_inputs varchar)`);
  const changedInputs = [...inputs.changed, ...inputs.added, ...inputs.removed].sort().join("; ");
  // one line of the table; every argument but the table's name is an SQL expression
  const line: Line = (table, row, json, period, earlier, kind, column, oldValue, newValue) =>
    `select ${lit(table)}, ${row}, ${json}, ${period}, ${earlier}, ${kind}, ${column}, ${oldValue}, ${newValue}, ${lit(changedInputs)}`;

  const notCompared: string[] = [];
  if (previous) {
    // the exams' dates, for rows keyed by exam (exam_list holds every exam, whichever edition)
    await db.run(`create or replace temp table rev_exam_dates as select cast(exam_id as varchar) as exam_id, min(exam_date) as exam_date from exam_list group by all`);
    const before = new Map(previous.tables.filter((table) => table.files.some((file) => file.file === `${table.table}.parquet`)).map((table) => [table.table, table]));
    const now = new Set(tables.map((table) => table.name));
    for (const old of before.values()) {
      if (!now.has(old.table) && old.table !== REVISIONS_TABLE) await db.run(`insert into ${target} ${line(old.table, "null", "null", "null", "true", "'removed'", "null", "null", "null")}`);
    }
    for (const table of tables) {
      const old = before.get(table.name);
      if (!old) {
        await db.run(`insert into ${target} ${line(table.name, "null", "null", "null", "false", "'added'", "null", "null", "null")}`);
        continue;
      }
      if (!(await compareTable(db, target, table, old, previous, line))) notCompared.push(table.name);
    }
    await db.run("drop table if exists rev_exam_dates");
  }
  return {...(await summarise(db, target, previous, inputs)), not_compared: notCompared};
}

async function compareTable(
  db: Db,
  target: string,
  table: CurrentTable,
  old: PreviousRelease["tables"][number],
  previous: PreviousRelease,
  line: Line
): Promise<boolean> {
  const file = join(previous.dir, `${table.name}.parquet`);
  // the file exactly as the previous manifest recorded it, else it is not that release's table
  const recorded = old.files.find((entry) => entry.file === `${table.name}.parquet`)?.sha256;
  if (!existsSync(file) || !recorded || sha256File(file) !== recorded) return false;
  const oldRelation = `read_parquet(${lit(file)})`;
  const newTypes = await columnTypes(db, ident(table.relation));
  const oldTypes = await columnTypes(db, oldRelation);
  const key = table.key;
  // a grain that changed (or a key column gone) is a new table: the old one removed, the new one added
  if (key.length === 0 || key.join(",") !== old.key.join(",") || !key.every((column) => newTypes.has(column) && oldTypes.has(column))) {
    await db.run(`insert into ${target} ${line(table.name, "null", "null", "null", "true", "'removed'", "null", "null", "null")}`);
    await db.run(`insert into ${target} ${line(table.name, "null", "null", "null", "false", "'added'", "null", "null", "null")}`);
    return true;
  }
  const keyJson = (alias: string) => `json_object(${key.map((column) => `${lit(column)}, cast(${alias}.${ident(column)} as varchar)`).join(", ")})::varchar`;
  const rowKey = (alias: string) => `concat_ws(' | ', ${key.map((column) => `coalesce(cast(${alias}.${ident(column)} as varchar), '')`).join(", ")})`;
  const side = async (name: string, from: string, alias: string) => {
    const period = periodOf(key, alias, previous);
    await db.run(`create or replace temp table ${name} as
      select ${keyJson(alias)} as rev_key_json, ${rowKey(alias)} as rev_row_key, ${period.label} as rev_period, ${period.earlier} as rev_earlier, ${alias}.*
      from ${from} as ${alias} ${period.join}`);
  };
  await side("rev_new", ident(table.relation), "n");
  await side("rev_old", oldRelation, "o");
  const name = table.name;
  const parts = [
    // rows: one line each, no values
    `${line(name, "n.rev_row_key", "n.rev_key_json", "n.rev_period", "n.rev_earlier", "'added'", "null", "null", "null")}
     from rev_new as n where not exists (select 1 from rev_old as o where o.rev_key_json = n.rev_key_json)`,
    `${line(name, "o.rev_row_key", "o.rev_key_json", "o.rev_period", "true", "'removed'", "null", "null", "null")}
     from rev_old as o where not exists (select 1 from rev_new as n where n.rev_key_json = o.rev_key_json)`
  ];
  // columns added or removed: one line each
  for (const column of newTypes.keys()) if (!oldTypes.has(column)) parts.push(line(name, "null", "null", "null", "false", "'added'", lit(column), "null", "null"));
  for (const column of oldTypes.keys()) if (!newTypes.has(column)) parts.push(line(name, "null", "null", "null", "true", "'removed'", lit(column), "null", "null"));
  // cells of rows in both: every column the two share, the key's aside; one join, each row's cells unnested
  const controlled = newTypes.has("is_suppressed");
  const cells = [...newTypes]
    .filter(([column]) => oldTypes.has(column) && !key.includes(column))
    .map(([column, type]) => {
      const withheld = controlled ? `n.${ident(column)} is null` : "false";
      return `{column_name: ${lit(column)}, withheld: ${withheld}, old_value: ${shown("o", column)}, new_value: ${shown("n", column)},
        differs: ${compared("o", column, oldTypes.get(column)!)} is distinct from ${compared("n", column, type)}}`;
    });
  if (cells.length > 0) {
    parts.push(`${line(
      name,
      "rev_row_key",
      "rev_key_json",
      "rev_period",
      "true",
      "case when cell.withheld then 'withheld' else 'changed' end",
      "cell.column_name",
      "case when cell.withheld then null else cell.old_value end",
      "cell.new_value"
    )}
     from (
       select n.rev_row_key, n.rev_key_json, n.rev_period, unnest([${cells.join(",\n")}]) as cell
       from rev_new as n inner join rev_old as o on o.rev_key_json = n.rev_key_json
     )
     where cell.differs`);
  }
  await db.run(`insert into ${target}\n${parts.join("\nunion all\n")}`);
  await db.run("drop table rev_new");
  await db.run("drop table rev_old");
  return true;
}

async function summarise(db: Db, target: string, previous: PreviousRelease | null, inputs: InputChanges): Promise<Omit<RevisionsSummary, "not_compared">> {
  const rows = await db.all<{table_name: string; kind: RevisionKind; n: number; earlier: number}>(
    `select table_name, kind, count(*)::integer as n, count(*) filter (where earlier_period)::integer as earlier from ${target} group by all order by all`
  );
  const by_table: RevisionsSummary["by_table"] = {};
  for (const row of rows) {
    const entry = (by_table[row.table_name] ??= {changed: 0, added: 0, removed: 0, withheld: 0, earlier: 0});
    entry[row.kind] += row.n;
    entry.earlier += row.earlier;
  }
  return {
    first_release: previous === null,
    previous: previous ? {started_at: previous.started_at, as_of_date: previous.as_of_date, version: previous.version} : null,
    inputs,
    total: rows.reduce((sum, row) => sum + row.n, 0),
    earlier: rows.reduce((sum, row) => sum + row.earlier, 0),
    by_table
  };
}
