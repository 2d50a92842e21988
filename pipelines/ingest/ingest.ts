// The ingest on Node: the input folder on disk, staged by a pool of worker threads (stage-pool.ts) into
// canonical CSV files in the run's work folder. The sequence itself (stage, collect problems, load and
// check in SQL, report) is ingest-input.ts, which the browser runs too; this module gives the file access.
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import type {FileName} from "../contract.js";
import type {Db} from "../db.js";
import {InputError} from "../errors.js";
import {ingestInput, type IngestResult, type InputSource} from "./ingest-input.js";
import {discoverListing, notAFile, type Discovery, type EntryKind} from "./load-and-check.js";
import {isSymlink} from "../paths.js";
import type {Pseudonymiser} from "./pseudonym.js";
import {stageAll, type StageTask} from "./stage-pool.js";

export type {FileReport} from "./load-and-check.js";
export type {IngestResult} from "./ingest-input.js";
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

/** junheng.config.json's text, or undefined when the input folder has none. */
export function configText(input: string): string | undefined {
  const path = join(input, "junheng.config.json");
  const kind = entryKind(path);
  if (kind === "broken-link" && !isSymlink(path)) return undefined; // no config: the defaults
  // a FIFO would block the read for ever; a loop or a dangling link is the user's to fix
  if (kind !== "file") throw notAFile({file: "junheng.config.json"}, kind);
  return readFileSync(path, "utf8");
}

/** The input folder as the shared ingest sees it. */
export function nodeSource(options: Omit<IngestOptions, "db" | "maxRejectRate">): InputSource {
  return {
    configText: async () => configText(options.input),
    discover: () => discoverInput(options.input),
    stage: async (files) => {
      const tasks: StageTask[] = files.map((inputFile) => ({
        path: inputFile.path,
        displayName: inputFile.name,
        period: inputFile.period,
        file: inputFile.file,
        stagedPath: join(options.workDir, `${inputFile.period}_${inputFile.file}.csv`),
        bytes: statSync(inputFile.path).size
      }));
      return stageAll(tasks, {
        key: options.pseudonymiser.keyBytes,
        workers: options.stageWorkers,
        onProgress: (task, bytes, rows) => options.onProgress?.({stage: "decode", name: task.displayName, bytes, totalBytes: task.bytes, rows}),
        onDone: (task, result) => options.onProgress?.({stage: "decode-done", name: task.displayName, rows: result.rowsRead, ms: result.ms})
      });
    }
  };
}

/** The ingest alone (no config, no models), for tests of the ingest. */
export async function ingest(options: IngestOptions): Promise<IngestResult> {
  return ingestInput(options.db, nodeSource(options), {
    maxRejectRate: options.maxRejectRate,
    onCheck: (file, rows) => options.onProgress?.({stage: "check", file, rows})
  });
}
