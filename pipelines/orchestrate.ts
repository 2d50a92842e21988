// The pipeline's one sequence, whichever engine and whichever files: read the config, ingest (stage, collect
// problems, check), apply the config, build the models, read the rejects. `junheng run` and `junheng validate`
// (run.ts: lock, temporary build, publish, manifest, swap) and the bring-your-own-data page
// (site/browser/ingest.ts: dropped files, Web Worker, DuckDB-WASM) add only what is theirs. Pure: no Node APIs.
import {InputError} from "./errors.js";
import {rejectsExportQuery} from "./ingest/checks-sql.js";
import {ingestInput, type IngestResult, type InputSource} from "./ingest/ingest-input.js";
import type {RejectRow} from "./ingest/record.js";
import type {FileName} from "./contract.js";
import {configStatements, parseConfig, type JunhengConfig} from "./models/config.js";
import {buildModels, type Model, type ModelTiming} from "./models/runner.js";
import {runInTransaction, type SqlEngine} from "./sql.js";

/** A file with a larger share of rejected rows fails the run: a wrong file, not a few typos. */
export const DEFAULT_MAX_REJECT_RATE = 0.05;

/** junheng.config.json's text (InputSource.configText), checked; the defaults when the input has none. */
export function readConfig(text: string | undefined): JunhengConfig {
  if (text === undefined) return parseConfig({});
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (error) {
    throw new InputError("bad_config", {file: "junheng.config.json"}, {zh: `不是有效的 JSON（${(error as Error).message}）`, en: `not valid JSON (${(error as Error).message})`});
  }
  return parseConfig(json);
}

export interface OrchestrateOptions {
  config: JunhengConfig;
  /** the models to build; none: only the ingest (junheng validate) */
  models?: readonly Model[];
  maxRejectRate?: number;
  onCheck?: (file: FileName, rows: number) => void;
  /** after each model: how many are built of how many */
  onModel?: (done: number, total: number) => void;
  /** awaited between the ingest and the models */
  afterIngest?: () => Promise<void> | void;
}

export interface Orchestrated {
  ingested: IngestResult;
  models: ModelTiming[];
  models_ms: number;
}

/** The config is read by the caller first (readConfig), so that a broken one stops a run before anything. */
export async function orchestrate(engine: SqlEngine, source: InputSource, options: OrchestrateOptions): Promise<Orchestrated> {
  const ingested = await ingestInput(engine, source, {maxRejectRate: options.maxRejectRate ?? DEFAULT_MAX_REJECT_RATE, onCheck: options.onCheck});
  await options.afterIngest?.();
  if (!options.models) return {ingested, models: [], models_ms: 0};
  const started = performance.now();
  // The models run on the threads the caller configured (--threads). Their output does not depend on the
  // thread count: every sum over doubles is exact on fixed-scale terms or runs in a key's order, and every pick
  // among rows has a full tie-breaker (docs/architecture.md, "Deterministic at any thread count").
  await runInTransaction(engine, configStatements(options.config));
  const models = await buildModels(engine, options.models, options.onModel);
  return {ingested, models, models_ms: Math.round(performance.now() - started)};
}

/** A rejected row as `junheng validate` and the upload page show it (rejects.csv has the same columns). */
export type RejectExport = Omit<RejectRow, "detail_zh" | "detail_en"> & {
  /** the sheet, for an .xlsx (null for a CSV) */
  sheet: string | null;
  /** the contract's name of the column; `column` is the file's own header (在校生数) */
  contract_column: string;
  message_zh: string;
  message_en: string;
};

export async function readRejects(engine: SqlEngine): Promise<RejectExport[]> {
  return engine.all<RejectExport>(rejectsExportQuery());
}
