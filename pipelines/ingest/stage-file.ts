// One input file → one canonical UTF-8 CSV (period, source_line, every contract column in order),
// with values folded and ids pseudonymised. The per-record work is record.ts (pure, shared with the
// browser); this is the Node side: reading the file, hashing it, writing the staged CSV.
import {createHash} from "node:crypto";
import {createWriteStream, statSync, type WriteStream} from "node:fs";
import {once} from "node:events";
import type {FileSpec} from "../contract.js";
import type {CsvLimits} from "./csv.js";
import {candidateEncodings, readText, type Encoding} from "./decode.js";
import {CsvBytes} from "./csv-bytes.js";
import {BOM} from "./encoding.js";
import {stageText, withEncodings, type RejectRow} from "./record.js";
import type {Pseudonymiser} from "./pseudonym.js";
import {stageXlsx} from "./xlsx.js";

export type {RejectRow} from "./record.js";

export interface StagedFile {
  period: string;
  file: FileSpec["name"];
  path: string;
  stagedPath: string;
  /** "xlsx" for an Excel workbook */
  encoding: Encoding | "xlsx";
  delimiter: string;
  /** the sheet read, for an .xlsx */
  sheet?: string;
  /** an .xlsx's rows that were not data: a title above the header, notes under the data */
  skippedRows?: number[];
  /** an .xlsx's merged ranges filled down (xlsx-rows.ts mergedColumns) */
  filledMerges?: string[];
  bytes: number;
  sha256: string;
  rowsRead: number;
  blankLines: number;
  extraColumns: string[];
  rejects: RejectRow[];
  headerNames: Record<string, string>;
  ms: number;
}

export interface StageArgs {
  path: string;
  /** how the file is named in messages: 2025Q3/schools.csv */
  displayName: string;
  period: string;
  spec: FileSpec;
  stagedPath: string;
  pseudonymiser: Pseudonymiser;
  limits?: CsvLimits;
  onProgress?: (bytes: number, rows: number) => void;
}

export async function stageFile(args: StageArgs): Promise<StagedFile> {
  const started = performance.now();
  if (args.path.toLowerCase().endsWith(".xlsx")) return {...(await stageWorkbook(args)), ms: performance.now() - started};
  const {candidates, bytes} = await candidateEncodings(args.path);
  const result = await withEncodings(candidates, bytes, {period: args.period, file: args.displayName}, (encoding, last) =>
    stageWith(args, encoding, last, bytes)
  );
  return {...result, ms: performance.now() - started};
}

async function stageWith(args: StageArgs, encoding: Encoding, last: boolean, bytes: number): Promise<Omit<StagedFile, "ms">> {
  const {spec, period, pseudonymiser} = args;
  const hash = createHash("sha256");
  if (BOM[encoding].length > 0) hash.update(Buffer.from(BOM[encoding]));
  const out = new BufferedWriter(args.stagedPath);
  let bytesRead = 0;
  try {
    const text = readText(args.path, encoding, last, (chunk) => {
      hash.update(chunk);
      bytesRead += chunk.length;
    });
    const staged = await stageText(text, {
      spec,
      period,
      displayName: args.displayName,
      pseudonymise: (id) => pseudonymiser.map(id),
      write: (line) => out.write(line),
      bytes: {out: out.bytes, pseudonymiseInto: (id, into) => pseudonymiser.mapInto(id, into)},
      limits: args.limits,
      afterChunk: async (rows) => {
        await out.flushIfFull();
        args.onProgress?.(bytesRead, rows);
      }
    });
    await out.close();
    return {period, file: spec.name, path: args.path, stagedPath: args.stagedPath, encoding, bytes, sha256: hash.digest("hex"), ...staged};
  } catch (error) {
    out.destroy();
    throw error;
  }
}

/** An .xlsx: its sheet streamed into the same canonical CSV (xlsx.ts); ids are pseudonymised before the write. */
async function stageWorkbook(args: StageArgs): Promise<Omit<StagedFile, "ms">> {
  const out = new BufferedWriter(args.stagedPath);
  try {
    const staged = await stageXlsx({
      path: args.path,
      displayName: args.displayName,
      period: args.period,
      spec: args.spec,
      pseudonymise: (id) => args.pseudonymiser.map(id),
      write: (line) => out.write(line),
      afterChunk: async (rows) => {
        await out.flushIfFull();
        args.onProgress?.(0, rows);
      }
    });
    await out.close();
    const bytes = statSync(args.path).size;
    return {period: args.period, file: args.spec.name, path: args.path, stagedPath: args.stagedPath, encoding: "xlsx", bytes, ...staged};
  } catch (error) {
    out.destroy();
    throw error;
  }
}

/** Collects lines (as text, or as UTF-8 bytes in `bytes`) and writes them in ~1 MB blocks, respecting back-pressure. */
class BufferedWriter {
  private text = "";
  readonly bytes = new CsvBytes();
  private readonly stream: WriteStream;
  constructor(path: string) {
    this.stream = createWriteStream(path, {encoding: "utf8"});
  }
  write(text: string): void {
    this.text += text;
  }
  async flushIfFull(): Promise<void> {
    if (this.text.length >= 1 << 20 || this.bytes.length >= 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    // one of the two is used for a file: text (an .xlsx) or bytes (a CSV)
    if (this.bytes.length > 0 && !this.stream.write(this.bytes.take())) await once(this.stream, "drain");
    if (this.text.length === 0) return;
    const ok = this.stream.write(this.text);
    this.text = "";
    if (!ok) await once(this.stream, "drain");
  }
  destroy(): void {
    this.text = "";
    this.bytes.take();
    this.stream.destroy();
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }
}
