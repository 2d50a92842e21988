// The floor the benchmark measures `junheng run` against: DuckDB alone reading every input CSV once,
// `select count(*) from read_csv(path)` per file, with the same thread and memory settings as the run.
// Run as a child process by pipelines/bench/run.ts; prints one JSON line {rows, ms, files}.
import {parseArgs} from "node:util";
import {Db} from "../db.js";
import {lit} from "../sql.js";
import {inputCsvFiles} from "./inputs.js";

const {values} = parseArgs({
  options: {input: {type: "string"}, threads: {type: "string"}, "memory-limit": {type: "string"}},
  strict: true
});
if (!values.input) throw new Error("--input is required");
const files = inputCsvFiles(values.input);
const db = await Db.open(":memory:", {threads: values.threads ? Number(values.threads) : undefined, memoryLimit: values["memory-limit"]});
const started = performance.now();
let rows = 0;
for (const file of files) {
  const [row] = await db.all<{n: number}>(`select count(*) as n from read_csv(${lit(file)})`);
  rows += Number(row?.n ?? 0);
}
const ms = performance.now() - started;
db.close();
console.log(JSON.stringify({rows, ms: Math.round(ms), files: files.length}));
