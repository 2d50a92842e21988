// No student or teacher id, raw or pseudonymised, in anything published; no raw id anywhere in the
// warehouse. Every id of the demo input is looked for in every value of every published file.
import {beforeAll, describe, expect, it} from "vitest";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import Papa from "papaparse";
import {tableFromIPC} from "apache-arrow";
import {Db} from "../../pipelines/db.js";
import {DEMO_KEY, Pseudonymiser} from "../../pipelines/ingest/pseudonym.js";
import {ROOT, TIMEOUT} from "../helpers.js";
import {demoOutput} from "../demo-run.js";

let out = "";
const raw = new Set<string>();
const hashed = new Set<string>();

function idsOf(file: string, columns: string[]): void {
  const rows = Papa.parse<Record<string, string>>(readFileSync(file, "utf8"), {header: true, skipEmptyLines: true}).data;
  for (const row of rows) for (const column of columns) if (row[column]) raw.add(row[column]!);
}

beforeAll(async () => {
  const input = join(ROOT, "data/demo");
  for (const period of readdirSync(input).filter((entry) => /^\d{4}Q\d$/.test(entry))) {
    const files = readdirSync(join(input, period));
    if (files.includes("scores.csv")) idsOf(join(input, period, "scores.csv"), ["student_id"]);
    if (files.includes("teachers.csv")) idsOf(join(input, period, "teachers.csv"), ["teacher_id"]);
    if (files.includes("exchanges.csv")) idsOf(join(input, period, "exchanges.csv"), ["teacher_id"]);
  }
  const pseudonymiser = new Pseudonymiser(Buffer.from(DEMO_KEY));
  for (const id of raw) hashed.add(pseudonymiser.map(id));
  // the real pipeline's run of data/demo, shared with the other files that read it (test/demo-run.ts)
  out = await demoOutput();
}, TIMEOUT.test);

/** Every string in a value, flattening lists and Arrow vectors. */
function strings(value: unknown, into: string[]): void {
  if (value === null || value === undefined) return;
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, into);
  else if (typeof value === "object" && Symbol.iterator in (value as object)) for (const item of value as Iterable<unknown>) strings(item, into);
}

function leaks(values: string[]): string[] {
  return values.filter((value) => raw.has(value) || hashed.has(value) || value.split(/[^0-9A-Za-z]+/).some((token) => raw.has(token) || hashed.has(token)));
}

describe("privacy", () => {
  it("the demo input has ids to look for", () => {
    expect(raw.size).toBeGreaterThan(10_000);
    expect(hashed.size).toBe(raw.size);
    // the detector finds an id alone and inside a longer value
    const [rawId] = raw;
    const [hashedId] = hashed;
    expect(leaks([rawId!, `x ${hashedId} y`, "甘州区"])).toHaveLength(2);
  });

  it("no published file holds a raw or pseudonymised student or teacher id", async () => {
    // both editions (docs/editions.md); rejected rows stay beside the warehouse (the site copies an edition only)
    expect(readdirSync(join(out, "published")).sort()).toEqual(["internal", "public"]);
    expect(readdirSync(out)).toContain("rejects.csv");
    const db = await Db.open();
    try {
      for (const file of ["public", "internal"].flatMap((edition) => readdirSync(join(out, "published", edition)).map((name) => join(edition, name)))) {
        expect(file.includes("rejects"), file).toBe(false);
        const dir = join(out, "published");
        const values: string[] = [];
        const path = join(dir, file);
        if (file.endsWith(".parquet")) {
          for (const column of await db.columns(`select * from read_parquet('${path}')`)) strings(column.values, values);
        } else if (file.endsWith(".arrow")) {
          const table = tableFromIPC(readFileSync(path));
          for (const field of table.schema.fields) strings(table.getChild(field.name)?.toArray(), values);
        } else {
          values.push(...readFileSync(path, "utf8").split(/[\s,"{}[\]:]+/));
        }
        // every file holds values, but the revisions of a first release, which has none (its columns only)
        if (!/(^|\/)revisions\.(arrow|parquet)$/.test(file)) expect(values.length, file).toBeGreaterThan(0);
        expect(leaks(values), file).toEqual([]);
      }
    } finally {
      db.close();
    }
  });

  it("the warehouse holds no raw id in any text column, and birth year and gender stay out of staging", async () => {
    const db = await Db.open(join(out, "warehouse.duckdb"));
    try {
      const columns = await db.all<{table_name: string; column_name: string}>(
        `select table_name, column_name from information_schema.columns where data_type = 'VARCHAR' order by all`
      );
      await db.run("create temp table raw_ids (id varchar)");
      const ids = [...raw];
      for (let i = 0; i < ids.length; i += 5000) {
        await db.run(`insert into raw_ids values ${ids.slice(i, i + 5000).map((id) => `('${id.replaceAll("'", "''")}')`).join(",")}`);
      }
      for (const {table_name, column_name} of columns) {
        const [hit] = await db.all<{n: number}>(`select count(*)::integer as n from "${table_name}" where "${column_name}" in (select id from raw_ids)`);
        expect(hit?.n, `${table_name}.${column_name}`).toBe(0);
      }
      const staged = await db.all<{column_name: string}>(`select column_name from information_schema.columns where table_name = 'stg_teachers'`);
      expect(staged.map((column) => column.column_name)).not.toContain("birth_year");
      expect(staged.map((column) => column.column_name)).not.toContain("gender");
    } finally {
      db.close();
    }
  });
});
