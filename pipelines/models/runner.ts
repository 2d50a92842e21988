// Builds SQL models in dependency order on any SqlEngine (Node DuckDB or DuckDB-WASM). Pure: no fs,
// so the browser explorer runs the very same models. One model = one file = one relation.
import {PERIOD_END_MACRO} from "../contract.js";
import {runInTransaction, type SqlEngine} from "../sql.js";

export type Layer = "staging" | "intermediate" | "marts";
export const LAYERS: readonly Layer[] = ["staging", "intermediate", "marts"];

export interface Model {
  name: string;
  layer: Layer;
  sql: string;
  /** from the header comment `-- grain: …` */
  grain: string;
  /** from the header comment `-- key: a, b`; published files are ordered by it */
  key: string[];
  description: string;
  /** from `-- materialized: view` (default table): a view costs nothing to build and is read where used */
  materialized: "table" | "view";
}

/** Parse a model file's header: `-- name: description`, `-- grain: …`, `-- key: a, b`, `-- materialized: view`. */
export function parseModel(name: string, layer: Layer, sql: string): Model {
  // the header is the comment block the file starts with; comments further down are the SQL's own
  const lines = sql.split("\n");
  const end = lines.findIndex((line) => !line.startsWith("--"));
  const header = end === -1 ? lines : lines.slice(0, end);
  const field = (label: string) =>
    header
      .map((line) => new RegExp(`^--\\s*${label}:\\s*(.*)$`).exec(line)?.[1]?.trim())
      .find((value) => value !== undefined);
  const first = header[0] ? /^--\s*[\w]+:\s*(.*)$/.exec(header[0])?.[1] ?? "" : "";
  const key = field("key");
  const materialized = field("materialized") ?? "table";
  if (materialized !== "table" && materialized !== "view") throw new Error(`${name}: materialized must be table or view, not ${materialized}`);
  return {
    name,
    layer,
    sql,
    grain: field("grain") ?? "",
    key: key ? key.split(",").map((column) => column.trim()).filter(Boolean) : [],
    description: first,
    materialized
  };
}

/** Topological order: a model comes after every other model whose name it mentions as a word. */
export function orderModels(models: readonly Model[]): Model[] {
  const byName = new Map(models.map((model) => [model.name, model]));
  const deps = new Map<string, string[]>();
  for (const model of models) {
    const body = stripComments(model.sql);
    deps.set(
      model.name,
      models.filter((other) => other !== model && new RegExp(`\\b${other.name}\\b`).test(body)).map((other) => other.name)
    );
  }
  const ordered: Model[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new Error(`model cycle: ${[...path, name].join(" → ")}`);
    state.set(name, "visiting");
    for (const dep of deps.get(name) ?? []) visit(dep, [...path, name]);
    state.set(name, "done");
    ordered.push(byName.get(name)!);
  };
  const layerRank = (model: Model) => LAYERS.indexOf(model.layer);
  for (const model of [...models].sort((a, b) => layerRank(a) - layerRank(b) || a.name.localeCompare(b.name))) {
    visit(model.name, []);
  }
  return ordered;
}

/**
 * Order-free arithmetic for the models' sums over doubles (docs/architecture.md, "Deterministic at any thread
 * count"). A parallel sum of doubles adds its partial sums in whichever order the threads finish, so the last bits
 * of a mean or a variance could change with the thread count. Instead each term becomes an integer count of 2⁻⁶⁰
 * (exact_units: scaling by a power of two is exact, so a term of at least 2⁻⁸ in size is kept exactly and a smaller
 * one rounded to 2⁻⁶¹ ≈ 4·10⁻¹⁹) and the terms are added in 128-bit integers, whose sum does not depend on order.
 * exact_value turns such a sum into the double nearest it (through its text: a one-step rounding), so
 * exact_sum(x) is the exactly rounded Σx — as good as a double sum can be, and the same at any thread count.
 * A term or sum beyond ±1.4·10²⁰ overflows: the run stops with an error rather than a wrong figure.
 * - exact_sum(x) = Σx, exact_avg(x) = Σx / n (n = count(x); NULL values left out, as sum and avg).
 * - exact_m2(x) = Σ(x − x̄)² = (n·Σu² − (Σu)²) / (n·10¹⁸), u = x rounded to 10⁻⁹ as an integer (exact_nanos; a score
 *   with up to 9 decimals is exact): the numerator is exact in 128-bit integers, so there is no cancellation (a
 *   constant sample gives exactly 0, where Σx² − (Σx)²/n in doubles left ~1e-17 and its square root ~1e-9). It
 *   overflows past n·Σu² ≈ 1.7·10³⁸ (a million scores of up to 1000 marks reach 10³⁶). NULL without values.
 *   exact_var_samp and exact_stddev_samp divide it by n − 1 (NULL for n < 2, as var_samp).
 * A macro takes no FILTER clause: exact_sum(case when … then x end). In a window: exact_value(sum(exact_units(x)) over …).
 * Node DuckDB and DuckDB-WASM both run them (test/models/dual-engine.test.ts).
 */
export const EXACT_MACROS = [
  "create or replace macro exact_units(x) as round((x) * 1152921504606846976.0)::hugeint",
  "create or replace macro exact_value(units) as (units)::varchar::double / 1152921504606846976.0",
  "create or replace macro exact_sum(x) as exact_value(sum(exact_units(x)))",
  "create or replace macro exact_avg(x) as exact_sum(x) / nullif(count(x), 0)",
  "create or replace macro exact_nanos(x) as round((x) * 1e9)::hugeint",
  `create or replace macro exact_m2(x) as case when count(x) > 0 then
    (count(x) * sum(exact_nanos(x) * exact_nanos(x)) - sum(exact_nanos(x)) * sum(exact_nanos(x)))::varchar::double / count(x) / 1e18
  end`,
  "create or replace macro exact_var_samp(x) as case when count(x) > 1 then exact_m2(x) / (count(x) - 1) end",
  "create or replace macro exact_stddev_samp(x) as sqrt(exact_var_samp(x))"
] as const;

export interface ModelTiming {
  name: string;
  layer: Layer;
  /** null for a view (not counted) */
  rows: number | null;
  ms: number;
}

/** Create every model as a table (or a view where its header says so), in order. */
export async function buildModels(engine: SqlEngine, models: readonly Model[], onBuilt?: (done: number, total: number) => void): Promise<ModelTiming[]> {
  const timings: ModelTiming[] = [];
  // the models' shared functions (the ingest checks create jh_period_end too; a model test starts from raw_* tables),
  // in one call and one commit: a file database syncs its write-ahead log at every commit. The models themselves
  // commit one by one: a transaction over all of them held what they built in memory until its commit (the
  // demo's peak 305 → 453 MB), where a committed table can be evicted.
  await runInTransaction(engine, [PERIOD_END_MACRO, ...EXACT_MACROS]);
  for (const model of orderModels(models)) {
    const started = performance.now();
    const create = `create or replace ${model.materialized} ${model.name} as\n${stripTrailingSemicolon(model.sql)}`;
    // `create table … as` answers with the rows it inserted (one row, column Count): no second statement to
    // count them (each costs a few ms however small the table, RELIABILITY.md "Fixed cost of a run"). A view is
    // not counted: counting would compute it (int_va_residuals is a join over every linked student, read only by
    // tests and benchmarks)
    let rows: number | null = null;
    if (model.materialized === "table") {
      const created = await engine.all<{Count?: number}>(create);
      const count = created.length === 1 ? created[0]!.Count : undefined;
      rows = typeof count === "number" ? count : await countRows(engine, model.name);
    } else {
      await engine.run(create);
    }
    timings.push({name: model.name, layer: model.layer, rows, ms: performance.now() - started});
    onBuilt?.(timings.length, models.length);
  }
  return timings;
}

async function countRows(engine: SqlEngine, relation: string): Promise<number> {
  const [count] = await engine.all<{n: number}>(`select count(*)::integer as n from ${relation}`);
  return Number(count?.n ?? 0);
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, "");
}
function stripTrailingSemicolon(sql: string): string {
  return sql.trim().replace(/;\s*$/, "");
}
