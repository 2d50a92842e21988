// Builds SQL models in dependency order on any SqlEngine (Node DuckDB or DuckDB-WASM). Pure: no fs,
// so the browser explorer runs the very same models. One model = one file = one relation.
import {PERIOD_END_MACRO} from "../contract.js";
import type {SqlEngine} from "../sql.js";

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

export interface ModelTiming {
  name: string;
  layer: Layer;
  rows: number;
  ms: number;
}

/** Create every model as a table (or a view where its header says so), in order. */
export async function buildModels(engine: SqlEngine, models: readonly Model[], onBuilt?: (done: number, total: number) => void): Promise<ModelTiming[]> {
  const timings: ModelTiming[] = [];
  // the models' one shared function (the ingest checks create it too; a model test starts from raw_* tables)
  await engine.run(PERIOD_END_MACRO);
  for (const model of orderModels(models)) {
    const started = performance.now();
    await engine.run(`create or replace ${model.materialized} ${model.name} as\n${stripTrailingSemicolon(model.sql)}`);
    const [count] = await engine.all<{n: number}>(`select count(*)::integer as n from ${model.name}`);
    timings.push({name: model.name, layer: model.layer, rows: Number(count?.n ?? 0), ms: performance.now() - started});
    onBuilt?.(timings.length, models.length);
  }
  return timings;
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, "");
}
function stripTrailingSemicolon(sql: string): string {
  return sql.trim().replace(/;\s*$/, "");
}
