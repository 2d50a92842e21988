// The bring-your-own-data page's pipeline, in the browser: the pipeline's own sequence (orchestrate.ts) with
// what only the browser has — the dropped files, found and named as the CLI finds them (discoverListing),
// a Web Worker that stages them with the pipeline's own record code (stage-worker.ts), and DuckDB-WASM
// (wasm-engine.ts). Bundled by pipelines/site/bundle-ingest.ts into src/components/vendor/ingest.js with
// the model files inlined (MODELS). Nothing leaves the browser: files are read locally, the engine is in this tab.
import {CONTRACT, FILE_NAMES, PERIOD_PATTERN, type FileName} from "../../contract.js";
import {InputError} from "../../errors.js";
import {type IngestResult, type InputSource, type StageOutcome} from "../../ingest/ingest-input.js";
import {discoverListing, InputProblems, type CarriedFile, type FileReport, type Warning} from "../../ingest/load-and-check.js";
import type {RejectRow} from "../../ingest/record.js";
import type {JunhengConfig} from "../../models/config.js";
import type {Model, ModelTiming} from "../../models/runner.js";
import {orchestrate, readConfig, readRejects, type RejectExport} from "../../orchestrate.js";
import type {SqlEngine} from "../../sql.js";
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
  /**
   * make a staged file (the canonical CSV in UTF-8) readable by read_csv; returns the path to read it by (the
   * engine decides where files live). The bytes are the caller's to keep or transfer.
   */
  registerFile: (name: string, bytes: Uint8Array) => Promise<string>;
  /** the staging worker's script (src/components/vendor/ingest-worker.js) */
  workerUrl: string;
  models: Model[];
  onProgress?: (progress: Progress) => void;
}

export type StagedReport = Omit<FileReport, "sha256">;

export interface BrowserIngestResult {
  periods: string[];
  files: StagedReport[];
  carried: CarriedFile[];
  warnings: Warning[];
  config: JunhengConfig;
  rejects: RejectExport[];
  models: ModelTiming[];
  timings: IngestResult["timings"] & {models_ms: number};
}

/** The pipeline's sequence (orchestrate.ts) on the dropped files, with the CLI's default reject-rate limit. */
export async function ingestDropped(options: BrowserIngestOptions): Promise<BrowserIngestResult> {
  const progress = options.onProgress ?? (() => {});
  try {
    const dropped = discoverDropped(options.files, options.loosePeriod);
    const source: InputSource = {
      configText: async () => dropped.config?.blob.text(),
      discover: () => dropped,
      stage: async (files) => {
        const tasks: WorkerTask[] = files.map((file, index) => ({index, period: file.period, file: file.file, name: file.name, blob: dropped.blobOf(file.path)}));
        const messages = await stageInWorker(options.workerUrl, tasks, progress);
        return Promise.all(messages.map((message, i) => outcomeOf(tasks[i]!, message, options.registerFile)));
      }
    };
    const config = readConfig(await source.configText());
    const {ingested, models, models_ms} = await orchestrate(options.engine, source, {
      config,
      models: options.models,
      onCheck: (file, rows) => progress({stage: "check", file, rows}),
      onModel: (done, total) => progress({stage: "models", done, total})
    });
    const rejects = await readRejects(options.engine);
    progress({stage: "done"});
    return {
      periods: ingested.periods,
      files: ingested.files,
      carried: ingested.carried,
      warnings: ingested.warnings,
      config,
      rejects,
      models,
      timings: {...ingested.timings, models_ms}
    };
  } catch (error) {
    if (error instanceof InputError) throw new UploadProblems([problemOf(error)]);
    if (error instanceof InputProblems) throw new UploadProblems(error.problems.map(problemOf));
    throw error;
  }
}

/** A worker's answer as the shared ingest takes it; a staged file is registered with DuckDB under its own name. */
async function outcomeOf(task: WorkerTask, message: WorkerMessage, registerFile: BrowserIngestOptions["registerFile"]): Promise<StageOutcome> {
  if (message.type === "input-error") return {ok: false, error: InputError.revive(message)};
  if (message.type !== "done") throw new Error(`${task.name}: ${message.type === "error" ? message.message : "no answer from the staging worker"}`);
  // the engine decides where a registered file lives (a locked DuckDB-WASM reads only its own folder)
  const stagedPath = await registerFile(`junheng_staged_${task.period}_${task.file}.csv`, message.csv);
  const {csv: _csv, type: _type, index: _index, ...stats} = message;
  return {ok: true, result: {...stats, period: task.period, file: task.file, stagedPath, bytes: task.blob.size, rejects: message.rejects as RejectRow[]}};
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
