// The bring-your-own-data page's pipeline, in the browser: the dropped files are found and named as the
// CLI finds them (load-and-check.ts discoverListing), staged in a Web Worker by the pipeline's own record
// code (stage-worker.ts), loaded and checked in DuckDB-WASM by the same SQL phase as `junheng run`
// (loadAndCheck), then the same config statements and the same model files build the marts. Bundled by
// pipelines/site/prepare.ts into src/components/vendor/ingest.js with the model files inlined (MODELS).
// Nothing leaves the browser: files are read locally, the engine is in this tab.
import {CONTRACT, FILE_NAMES, PERIOD_PATTERN, type FileName} from "../../contract.js";
import type {SqlEngine} from "../../db.js";
import {InputError} from "../../errors.js";
import {rejectsExportQuery} from "../../ingest/checks-sql.js";
import {discoverListing, extraColumnsWarning, fileReport, InputProblems, loadAndCheck, type CarriedFile, type FileReport, type Warning} from "../../ingest/load-and-check.js";
import type {RejectRow} from "../../ingest/record.js";
import {configStatements, parseConfig, type JunhengConfig} from "../../models/config.js";
import {buildModels, type Model, type ModelTiming} from "../../models/runner.js";
import type {WorkerMessage, WorkerTask} from "./stage-worker.js";

export {CONTRACT, FILE_NAMES, PERIOD_PATTERN};

/** A dropped or chosen file: its path inside what was dropped (2025Q3/schools.csv, demo/2025Q3/schools.csv). */
export interface DroppedFile {
  path: string;
  blob: Blob;
}

/** A file-level problem as the page shows it: the contract's code and the CLI's two-line message. */
export interface Problem {
  code: string;
  period?: string;
  file?: string;
  line?: number;
  text: string;
}

export class UploadProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((problem) => problem.text).join("\n"));
    this.name = "UploadProblems";
  }
}

function problemOf(error: InputError): Problem {
  return {code: error.code, ...error.location, text: error.bilingual()};
}

/**
 * The dropped files as an input folder: files under a YYYYQn folder belong to that period; files dropped
 * loose (no period folder anywhere) belong to `loosePeriod`. junheng.config.json is the one outside the
 * period folders.
 */
export function discoverDropped(files: DroppedFile[], loosePeriod: string) {
  const byPeriod = new Map<string, {name: string; path: string; blob: Blob}[]>();
  const ignoredFolders = new Set<string>();
  const split = files.map((file) => ({file, parts: file.path.split(/[\\/]/).filter(Boolean)}));
  const hasPeriodFolder = split.some(({parts}) => parts.length >= 2 && PERIOD_PATTERN.test(parts.at(-2)!));
  let config: DroppedFile | undefined;
  for (const {file, parts} of split) {
    const name = parts.at(-1) ?? file.path;
    const parent = parts.length >= 2 ? parts.at(-2)! : undefined;
    if (parent && PERIOD_PATTERN.test(parent)) {
      byPeriod.set(parent, [...(byPeriod.get(parent) ?? []), {name, path: file.path, blob: file.blob}]);
    } else if (name.toLowerCase() === "junheng.config.json") {
      if (!config || file.path.length < config.path.length) config = file;
    } else if (parts.length >= 3 && parent && !parent.startsWith(".")) {
      ignoredFolders.add(parent);
    } else if (!hasPeriodFolder && PERIOD_PATTERN.test(loosePeriod)) {
      byPeriod.set(loosePeriod, [...(byPeriod.get(loosePeriod) ?? []), {name, path: file.path, blob: file.blob}]);
    }
  }
  const blobs = new Map<string, Blob>();
  const discovery = discoverListing({
    label: files.length ? (files[0]!.path.split(/[\\/]/)[0] ?? "") : "",
    entries: [...byPeriod.keys(), ...ignoredFolders].sort().map((name) => ({name, kind: "directory" as const})),
    periodEntries: (period) =>
      (byPeriod.get(period) ?? [])
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((entry) => {
          blobs.set(entry.path, entry.blob);
          return {name: entry.name, path: entry.path, kind: () => "file" as const};
        })
  });
  return {...discovery, config, blobOf: (path: string) => blobs.get(path)!};
}

export type Progress =
  | {stage: "stage"; name: string; bytes: number; total: number; rows: number; done?: boolean}
  | {stage: "check"; file: FileName; rows: number}
  | {stage: "models"; done: number; total: number}
  | {stage: "done"};

export interface BrowserIngestOptions {
  files: DroppedFile[];
  /** the period of files dropped without a YYYYQn folder */
  loosePeriod: string;
  engine: SqlEngine;
  /** make a text file readable by read_csv under this name (DuckDB-WASM's registerFileText) */
  registerFile: (name: string, text: string) => Promise<void>;
  /** the staging worker's script (src/components/vendor/ingest-worker.js) */
  workerUrl: string;
  models: Model[];
  maxRejectRate?: number;
  onProgress?: (progress: Progress) => void;
}

export type StagedReport = Omit<FileReport, "sha256">;

export interface BrowserIngestResult {
  periods: string[];
  files: StagedReport[];
  carried: CarriedFile[];
  warnings: Warning[];
  config: JunhengConfig;
  rejects: {period: string; file: string; line: number; column: string; value: string | null; reason: string; message_zh: string; message_en: string}[];
  models: ModelTiming[];
  timings: {stage_ms: number; load_ms: number; validate_ms: number; models_ms: number};
}

export async function ingestDropped(options: BrowserIngestOptions): Promise<BrowserIngestResult> {
  const progress = options.onProgress ?? (() => {});
  let discovery: ReturnType<typeof discoverDropped>;
  let config: JunhengConfig;
  try {
    discovery = discoverDropped(options.files, options.loosePeriod);
    config = await readConfig(discovery.config);
  } catch (error) {
    if (error instanceof InputError) throw new UploadProblems([problemOf(error)]);
    throw error;
  }
  const warnings = [...discovery.warnings];

  // 1. stage every file in the worker; collect every file-level problem before stopping
  const stageStarted = performance.now();
  const tasks: WorkerTask[] = discovery.files.map((file, index) => ({index, period: file.period, file: file.file, name: file.name, blob: discovery.blobOf(file.path)}));
  const staged = await stageInWorker(options.workerUrl, tasks, progress);
  const problems: Problem[] = [];
  const ok: {task: WorkerTask; result: Extract<WorkerMessage, {type: "done"}>}[] = [];
  tasks.forEach((task, i) => {
    const message = staged[i]!;
    if (message.type === "input-error") problems.push({code: message.code, ...message.location, text: message.text});
    else if (message.type === "error") throw new Error(`${task.name}: ${message.message}`);
    else if (message.type === "done") {
      ok.push({task, result: message});
      if (message.extraColumns.length > 0) warnings.push(extraColumnsWarning(task.period, task.name, message.extraColumns));
    }
  });
  if (problems.length > 0) throw new UploadProblems(problems);
  const stageMs = performance.now() - stageStarted;

  // 2. the pipeline's SQL phase on the canonical CSVs
  for (const {task, result} of ok) await options.registerFile(stagedName(task), result.csv);
  let loaded;
  try {
    loaded = await loadAndCheck(options.engine, {
      periods: discovery.periods,
      staged: ok.map(({task, result}) => ({period: task.period, file: task.file, name: task.name, stagedPath: stagedName(task), rowsRead: result.rowsRead, rejects: result.rejects as RejectRow[]})),
      maxRejectRate: options.maxRejectRate ?? 0.05,
      onCheck: (file, rows) => progress({stage: "check", file, rows})
    });
  } catch (error) {
    if (error instanceof InputProblems) throw new UploadProblems(error.problems.map(problemOf));
    throw error;
  }
  warnings.push(...loaded.warnings);

  // 3. the same configuration and the same models as `junheng run`
  const modelsStarted = performance.now();
  for (const statement of configStatements(config)) await options.engine.run(statement);
  let built = 0;
  const counting: SqlEngine = {
    run: async (sql) => {
      await options.engine.run(sql);
      if (/^create or replace table /.test(sql)) progress({stage: "models", done: ++built, total: options.models.length});
    },
    all: (sql) => options.engine.all(sql)
  };
  const models = await buildModels(counting, options.models);
  const modelsMs = performance.now() - modelsStarted;
  const rejects = await options.engine.all<BrowserIngestResult["rejects"][number]>(rejectsExportQuery());
  progress({stage: "done"});
  return {
    periods: discovery.periods,
    files: ok.map(({task, result}, i) =>
      fileReport({period: task.period, file: task.file, name: task.name, bytes: task.blob.size}, result, loaded.counts[i]!)
    ),
    carried: loaded.carried,
    warnings,
    config,
    rejects,
    models,
    timings: {stage_ms: Math.round(stageMs), load_ms: Math.round(loaded.load_ms), validate_ms: Math.round(loaded.validate_ms), models_ms: Math.round(modelsMs)}
  };
}

function stagedName(task: WorkerTask): string {
  return `junheng_staged_${task.period}_${task.file}.csv`;
}

async function readConfig(file: DroppedFile | undefined): Promise<JunhengConfig> {
  if (!file) return parseConfig({});
  let json: unknown;
  try {
    json = JSON.parse((await file.blob.text()).replace(/^\ufeff/, ""));
  } catch (error) {
    throw new InputError("bad_config", {file: "junheng.config.json"}, {zh: `不是有效的 JSON（${(error as Error).message}）`, en: `not valid JSON (${(error as Error).message})`});
  }
  return parseConfig(json);
}

/** Every task's outcome, in order; the worker stages one file at a time and reports progress. */
function stageInWorker(url: string, tasks: WorkerTask[], progress: (progress: Progress) => void): Promise<WorkerMessage[]> {
  const WorkerClass = (globalThis as unknown as {Worker: new (url: string) => {onmessage: ((event: {data: WorkerMessage}) => void) | null; onerror: ((event: {message?: string}) => void) | null; postMessage: (data: unknown) => void; terminate: () => void}}).Worker;
  return new Promise((resolve, reject) => {
    if (tasks.length === 0) return resolve([]);
    const worker = new WorkerClass(url);
    const outcomes: WorkerMessage[] = new Array(tasks.length);
    let remaining = tasks.length;
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`staging worker: ${event.message ?? "failed to start"}`));
    };
    worker.onmessage = ({data}) => {
      const task = tasks[data.index]!;
      if (data.type === "progress") {
        progress({stage: "stage", name: task.name, bytes: data.bytes, total: data.total, rows: data.rows});
        return;
      }
      outcomes[data.index] = data;
      progress({stage: "stage", name: task.name, bytes: task.blob.size, total: task.blob.size, rows: data.type === "done" ? data.rowsRead : 0, done: true});
      if (--remaining === 0) {
        worker.terminate();
        resolve(outcomes);
      }
    };
    worker.postMessage(tasks);
  });
}
