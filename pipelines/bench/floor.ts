// The floors the benchmark measures `junheng run` against, with the same thread and memory settings as the run.
// Run as a child process by pipelines/bench/run.ts; prints one JSON line {rows, ms, files}.
//
//   count (default)  DuckDB alone reading every input CSV once: `select count(*) from read_csv(path)` per file.
//   --typed          DuckDB alone loading every input CSV into a typed table of a database file:
//                    `create table … as select * from read_csv(path, header = true, columns = {…})` per file, each
//                    column with the data contract's type (pipelines/contract.ts: integer → BIGINT, number → DOUBLE,
//                    date → DATE, boolean → BOOLEAN, text and enum → VARCHAR). What a researcher gets from DuckDB
//                    alone: typed tables, no checks, no pseudonyms, no models. The file is removed afterwards.
import {rmSync, openSync, readSync, closeSync} from "node:fs";
import {basename, dirname, join} from "node:path";
import {parseArgs} from "node:util";
import {Db} from "../db.js";
import {lit} from "../sql.js";
import {CONTRACT, FILE_NAMES, type ColumnType, type FileName} from "../contract.js";
import {inputCsvFiles} from "./inputs.js";

const {values} = parseArgs({
  options: {input: {type: "string"}, threads: {type: "string"}, "memory-limit": {type: "string"}, typed: {type: "boolean", default: false}, db: {type: "string"}},
  strict: true
});
if (!values.input) throw new Error("--input is required");
if (values.typed && !values.db) throw new Error("--typed needs --db (the database file to load into, removed afterwards)");

const SQL_TYPE: Record<ColumnType, string> = {text: "VARCHAR", enum: "VARCHAR", integer: "BIGINT", number: "DOUBLE", date: "DATE", boolean: "BOOLEAN"};

/** The first line of a file: its header (UTF-8, BOM dropped). */
function header(path: string): string[] {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const line = buffer.subarray(0, n).toString("utf8").replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "";
    return line.split(",").map((name) => name.trim().replace(/^"|"$/g, ""));
  } finally {
    closeSync(fd);
  }
}

/** `{'name': 'TYPE', …}` for read_csv's columns, every header name typed by the contract (by name or alias). */
function columnsFor(path: string): string {
  const file = basename(path).replace(/\.csv$/i, "") as FileName;
  if (!(FILE_NAMES as readonly string[]).includes(file)) throw new Error(`not a contract file: ${path}`);
  const specs = CONTRACT[file].columns;
  const typed = header(path).map((name) => {
    const spec = specs.find((column) => column.name === name || column.aliases.includes(name));
    return `${lit(name)}: ${lit(spec ? SQL_TYPE[spec.type] : "VARCHAR")}`;
  });
  return `{${typed.join(", ")}}`;
}

const files = inputCsvFiles(values.input);
const path = values.typed ? values.db! : ":memory:";
if (values.typed) rmSync(path, {force: true});
const db = await Db.open(path, {
  threads: values.threads ? Number(values.threads) : undefined,
  memoryLimit: values["memory-limit"],
  tempDirectory: values.typed ? join(dirname(path), `${basename(path)}.spill`) : undefined
});
const started = performance.now();
let rows = 0;
try {
  for (const [i, file] of files.entries()) {
    if (values.typed) {
      const table = `t${i}_${basename(dirname(file))}_${basename(file).replace(/\.csv$/i, "")}`;
      await db.run(`create table "${table}" as select * from read_csv(${lit(file)}, header = true, auto_detect = false, delim = ',', quote = '"', columns = ${columnsFor(file)})`);
      const [row] = await db.all<{n: number}>(`select count(*) as n from "${table}"`);
      rows += Number(row?.n ?? 0);
    } else {
      const [row] = await db.all<{n: number}>(`select count(*) as n from read_csv(${lit(file)})`);
      rows += Number(row?.n ?? 0);
    }
  }
  if (values.typed) await db.run("checkpoint");
} finally {
  db.close();
}
const ms = performance.now() - started;
if (values.typed) {
  rmSync(path, {force: true});
  rmSync(`${path}.wal`, {force: true});
  rmSync(join(dirname(path), `${basename(path)}.spill`), {recursive: true, force: true});
}
console.log(JSON.stringify({rows, ms: Math.round(ms), files: files.length}));
