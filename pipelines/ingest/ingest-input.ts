// The ingest's sequence over any engine and any file access: discover the periods and files, stage every
// file, collect every file-level problem before stopping, then load and check in SQL (load-and-check.ts)
// and report each file. Pure: the Node run (ingest.ts gives the disk and worker threads) and the browser
// (site/browser/ingest.ts gives the dropped files and a Web Worker) pass in only what differs.
import {InputError} from "../errors.js";
import type {SqlEngine} from "../sql.js";
import type {FileName} from "../contract.js";
import {extraColumnsWarning, filledMergesWarning, skippedRowsWarning, fileReport, InputProblems, loadAndCheck, type CarriedFile, type Discovery, type FileReport, type InputFile, type StagedInput, type StageStats, type Warning} from "./load-and-check.js";

/** A staged file: the canonical CSV the engine can read, and what staging counted. */
export type StagedResult = Omit<StagedInput, "name"> & StageStats & {bytes: number; sha256?: string};

export type StageOutcome = {ok: true; result: StagedResult} | {ok: false; error: InputError};

/** Where the input comes from: a folder on disk (Node) or the files dropped on a page (browser). */
export interface InputSource {
  /** junheng.config.json's text, or undefined when the input has none */
  configText(): Promise<string | undefined>;
  /** the period folders and the contract files in each; nothing is read yet */
  discover(): Discovery;
  /** decode, check and pseudonymise every file into a canonical CSV; outcomes in the order of the files */
  stage(files: InputFile[]): Promise<StageOutcome[]>;
}

export interface IngestResult {
  periods: string[];
  files: FileReport[];
  carried: CarriedFile[];
  warnings: Warning[];
  rejected: number;
  timings: {decode_ms: number; load_ms: number; validate_ms: number};
}

export interface IngestInputOptions {
  /** a file whose rejected share exceeds this fails the run */
  maxRejectRate: number;
  onCheck?: (file: FileName, rows: number) => void;
}

export async function ingestInput(engine: SqlEngine, source: InputSource, options: IngestInputOptions): Promise<IngestResult> {
  const discovery = source.discover();
  const warnings = [...discovery.warnings];

  // 1. stage every file; collect every file-level problem before stopping
  const decodeStarted = performance.now();
  const outcomes = await source.stage(discovery.files);
  const problems: InputError[] = [];
  const staged: {input: InputFile; result: StagedResult}[] = [];
  outcomes.forEach((outcome, i) => {
    const input = discovery.files[i]!;
    if (!outcome.ok) return void problems.push(outcome.error);
    staged.push({input, result: outcome.result});
    if (outcome.result.extraColumns.length > 0) warnings.push(extraColumnsWarning(input.period, input.name, outcome.result.extraColumns));
    if (outcome.result.skippedRows?.length) warnings.push(skippedRowsWarning(input.period, input.name, outcome.result.sheet ?? "", outcome.result.skippedRows));
    if (outcome.result.filledMerges?.length) warnings.push(filledMergesWarning(input.period, input.name, outcome.result.sheet ?? "", outcome.result.filledMerges));
  });
  if (problems.length > 0) throw new InputProblems(problems);
  const decodeMs = performance.now() - decodeStarted;

  // 2. load and check, one kind of file at a time, in reference order; reconcile; the reject-rate limit
  const loaded = await loadAndCheck(engine, {
    periods: discovery.periods,
    staged: staged.map(({input, result}) => ({...result, name: input.name})),
    maxRejectRate: options.maxRejectRate,
    onCheck: options.onCheck
  });
  warnings.push(...loaded.warnings);
  const files: FileReport[] = staged.map(({input, result}, i) => ({
    ...fileReport({period: input.period, file: input.file, name: input.name, bytes: result.bytes}, result, loaded.counts[i]!),
    ...(result.sha256 === undefined ? {} : {sha256: result.sha256})
  }));
  return {
    periods: discovery.periods,
    files,
    carried: loaded.carried,
    warnings,
    rejected: loaded.rejected,
    timings: {decode_ms: Math.round(decodeMs), load_ms: Math.round(loaded.load_ms), validate_ms: Math.round(loaded.validate_ms)}
  };
}
