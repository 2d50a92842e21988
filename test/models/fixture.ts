// Shared fixtures for the model tests: raw_* tables from arrays of row objects, typed as the ingest
// loads them, then the cfg_* tables and every model. The same SQL statements run in Node DuckDB and in
// DuckDB-WASM (dual-engine test), so the fixture is plain CREATE/INSERT SQL.
import {CONTRACT, FILE_NAMES, type ColumnType, type FileName} from "../../pipelines/contract.js";
import {Db} from "../../pipelines/db.js";
import {lit, type SqlEngine} from "../../pipelines/sql.js";
import {configStatements, parseConfig, type JunhengConfig} from "../../pipelines/models/config.js";
import {loadModels} from "../../pipelines/models/load.js";
import {buildModels, type Model} from "../../pipelines/models/runner.js";

export type Value = string | number | boolean | null | undefined;
export type Row = Record<string, Value>;
export type Fixture = Partial<Record<FileName, Row[]>>;

const SQL_TYPES: Record<ColumnType, string> = {
  text: "varchar",
  integer: "integer",
  number: "double",
  date: "date",
  boolean: "boolean",
  enum: "varchar"
};

function literal(value: Value, type: string): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`bad number ${value}`);
    return `${value}::${type}`;
  }
  return `${lit(value)}::${type}`;
}

/** CREATE TABLE raw_* (every file, even when empty) and INSERT statements for the given rows. */
export function fixtureStatements(fixture: Fixture): string[] {
  const statements: string[] = [];
  for (const file of FILE_NAMES) {
    const spec = CONTRACT[file];
    const columns: [string, string][] = [
      ["period", "varchar"],
      ["source_line", "integer"],
      ...(spec.kind === "snapshot" ? ([["carried_from", "varchar"]] as [string, string][]) : []),
      ...spec.columns.map((column) => [column.name, SQL_TYPES[column.type]] as [string, string])
    ];
    statements.push(`create or replace table raw_${file} (${columns.map(([name, type]) => `${name} ${type}`).join(", ")})`);
    const rows = fixture[file] ?? [];
    if (rows.length === 0) continue;
    const known = new Set(columns.map(([name]) => name));
    const values = rows.map((row, index) => {
      for (const name of Object.keys(row)) if (!known.has(name)) throw new Error(`raw_${file} has no column ${name}`);
      const withDefaults: Row = {period: "2025Q3", source_line: index + 2, ...row};
      for (const column of spec.columns) {
        if (withDefaults[column.name] === undefined && column.default !== undefined) {
          withDefaults[column.name] = column.type === "boolean" ? column.default === "true" : column.default;
        }
      }
      return `(${columns.map(([name, type]) => literal(withDefaults[name], type)).join(", ")})`;
    });
    statements.push(`insert into raw_${file} values\n${values.join(",\n")}`);
  }
  return statements;
}

export function modelsToBuild(): Model[] {
  return loadModels();
}

/** Load the fixture, the config and build every model on any engine. */
export async function buildOn(engine: SqlEngine, fixture: Fixture, config: JunhengConfig = parseConfig({})): Promise<void> {
  for (const statement of [...fixtureStatements(fixture), ...configStatements(config)]) await engine.run(statement);
  await buildModels(engine, modelsToBuild());
}

/** A fresh in-memory Node DuckDB with the fixture loaded and every model built. */
export async function build(fixture: Fixture, config: unknown = {}): Promise<Db> {
  const db = await Db.open();
  await buildOn(db, fixture, parseConfig(config));
  return db;
}

/** Rows of a relation, ordered by the given columns. */
export async function rows<T = Record<string, unknown>>(db: SqlEngine, relation: string, where = "true", orderBy = "all"): Promise<T[]> {
  return db.all<T>(`select * from ${relation} where ${where} order by ${orderBy}`);
}

/** A school row with sensible defaults (one primary school, 100 students, urban, county A). */
export function school(overrides: Row & {school_id: string}): Row {
  return {
    school_name: `学校${overrides.school_id}`,
    county: "A",
    stage: "primary",
    locality: "urban",
    students: 100,
    ...overrides
  };
}
