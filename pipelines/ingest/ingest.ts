// The ingest: every period folder's files → staged CSV → checked in SQL → raw_* tables and rejects.
// Set-based: each kind of file is loaded and checked for all periods at once, in reference order,
// and snapshots missing from a period are carried forward before anything refers to them. The SQL half
// is load-and-check.ts and the per-record half record.ts, both pure and shared with the browser.
import {readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {type FileName} from "../contract.js";
import type {Db} from "../db.js";
import {InputError} from "../errors.js";
import {discoverListing, extraColumnsWarning, fileReport, InputProblems, loadAndCheck, type CarriedFile, type Discovery, type EntryKind, type FileReport, type Warning} from "./load-and-check.js";

export type {FileReport};
import type {Pseudonymiser} from "./pseudonym.js";
import {stageAll, type StageTask} from "./stage-pool.js";
import type {StagedFile} from "./stage-file.js";

export {InputProblems, type CarriedFile, type Discovery, type InputFile, type Warning} from "./load-and-check.js";

/** Find the period folders and the contract files in each; nothing is read yet. */
export function discoverInput(input: string): Discovery {
  let entries: string[];
  try {
    entries = readdirSync(input);
  } catch {
    throw new InputError("no_periods", {file: input}, {zh: `无法读取目录 ${input}`, en: `cannot read the folder ${input}`});
  }
  return discoverListing({
    label: input,
    entries: entries.sort().map((name) => ({name, kind: entryKind(join(input, name))})),
    periodEntries: (period) => {
      let names: string[];
      try {
        names = readdirSync(join(input, period));
      } catch (error) {
        const reason = (error as Error).message;
        throw new InputError("unreadable_file", {period, file: `${period}/`}, {zh: reason, en: reason});
      }
      return names.sort().map((name) => ({name, path: join(input, period, name), kind: () => entryKind(join(input, period, name))}));
    }
  });
}

/** Symlinks are followed (a linked file or period folder is read as if it were there); only a file or a
 * folder at the end of them is usable. stat never opens the entry, so a FIFO cannot block the run. */
export function entryKind(path: string): EntryKind {
  try {
    const stat = statSync(path);
    if (stat.isFile()) return "file";
    if (stat.isDirectory()) return "directory";
    if (stat.isFIFO()) return "fifo";
    if (stat.isSocket()) return "socket";
    return "device";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ELOOP" ? "loop" : code === "ENOENT" ? "broken-link" : "unreadable";
  }
}

export interface IngestResult {
  periods: string[];
  files: FileReport[];
  carried: CarriedFile[];
  warnings: Warning[];
  rejected: number;
  timings: {decode_ms: number; load_ms: number; validate_ms: number};
}

export type ProgressEvent =
  | {stage: "decode"; name: string; bytes: number; totalBytes: number; rows: number}
  | {stage: "decode-done"; name: string; rows: number; ms: number}
  | {stage: "check"; file: FileName; rows: number};

export interface IngestOptions {
  input: string;
  /** scratch folder for staged CSV files (inside the run's temporary folder) */
  workDir: string;
  db: Db;
  pseudonymiser: Pseudonymiser;
  /** a file whose rejected share exceeds this fails the run */
  maxRejectRate: number;
  /** worker threads that decode and stage files in parallel (default: one per core, at most 4) */
  stageWorkers?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const {db, input} = options;
  const discovery = discoverInput(input);
  const warnings = [...discovery.warnings];

  // 1. decode and stage every file; collect every file-level problem before stopping
  const decodeStarted = performance.now();
  const staged: StagedFile[] = [];
  const problems: InputError[] = [];
  const tasks: StageTask[] = discovery.files.map((inputFile) => ({
    path: inputFile.path,
    displayName: inputFile.name,
    period: inputFile.period,
    file: inputFile.file,
    stagedPath: join(options.workDir, `${inputFile.period}_${inputFile.file}.csv`),
    bytes: statSync(inputFile.path).size
  }));
  const outcomes = await stageAll(tasks, {
    key: options.pseudonymiser.keyBytes,
    workers: options.stageWorkers,
    onProgress: (task, bytes, rows) => options.onProgress?.({stage: "decode", name: task.displayName, bytes, totalBytes: task.bytes, rows}),
    onDone: (task, result) => options.onProgress?.({stage: "decode-done", name: task.displayName, rows: result.rowsRead, ms: result.ms})
  });
  outcomes.forEach((outcome, i) => {
    const inputFile = discovery.files[i]!;
    if (!outcome.ok) {
      problems.push(outcome.error);
      return;
    }
    const result = outcome.result;
    staged.push(result);
    if (result.extraColumns.length > 0) warnings.push(extraColumnsWarning(inputFile.period, inputFile.name, result.extraColumns));
  });
  if (problems.length > 0) throw new InputProblems(problems);
  const decodeMs = performance.now() - decodeStarted;

  // 2. load and check, one kind of file at a time, in reference order; reconcile; the reject-rate limit
  const nameOf = (result: StagedFile) => discovery.files.find((f) => f.period === result.period && f.file === result.file)!.name;
  const loaded = await loadAndCheck(db, {
    periods: discovery.periods,
    staged: staged.map((result) => ({...result, name: nameOf(result)})),
    maxRejectRate: options.maxRejectRate,
    onCheck: (file, rows) => options.onProgress?.({stage: "check", file, rows})
  });
  const files: FileReport[] = staged.map((result, i) => ({
    ...fileReport({period: result.period, file: result.file, name: nameOf(result), bytes: result.bytes}, result, loaded.counts[i]!),
    sha256: result.sha256
  }));
  warnings.push(...loaded.warnings);
  return {
    periods: discovery.periods,
    files,
    carried: loaded.carried,
    warnings,
    rejected: loaded.rejected,
    timings: {decode_ms: Math.round(decodeMs), load_ms: Math.round(loaded.load_ms), validate_ms: Math.round(loaded.validate_ms)}
  };
}
