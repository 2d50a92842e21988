// One input file's text → the canonical CSV rows the SQL checks read: `period, source_line, <every
// contract column in order>`, values folded and ids pseudonymised. The header is matched here (missing or
// duplicate columns are file-level problems) and records that cannot be split into the header's fields
// are rejected here (bad_row); everything else is checked in SQL. Pure: the Node ingest (stage-file.ts)
// and the browser's bring-your-own-data page run this same code.
import type {FileSpec} from "../contract.js";
import {InputError, shown, type ProblemLocation} from "../errors.js";
import type {CsvBytes} from "./csv-bytes.js";
import {CsvTokenizer, csvField, sniffDelimiter, DEFAULT_LIMITS, type CsvLimits, type CsvRecord} from "./csv.js";
import {NotThisEncoding, UndecodableFile, type Encoding} from "./encoding.js";
import {foldValue, mapHeader} from "./normalize.js";

export interface RejectRow {
  period: string;
  file: string;
  line: number;
  column: string;
  value: string | null;
  reason: string;
  detail_zh: string;
  detail_en: string;
}

export interface StagedText {
  /** the delimiter as the manifest names it: ",", "\\t" or ";" */
  delimiter: string;
  rowsRead: number;
  blankLines: number;
  extraColumns: string[];
  rejects: RejectRow[];
  /** each contract column present → its header cell as the file names it (在校生数 for students) */
  headerNames: Record<string, string>;
}

export interface StageTextOptions {
  spec: FileSpec;
  period: string;
  /** how the file is named in messages: 2025Q3/schools.csv */
  displayName: string;
  /** an id → its pseudonym (the same id gives the same pseudonym within a run) */
  pseudonymise: (id: string) => string;
  /** receives the canonical CSV, header first, in pieces that end with a newline */
  write: (text: string) => void;
  /**
   * Instead of write: the canonical CSV as UTF-8 bytes appended to `out` (the same text, without a string
   * per row), ids through pseudonymiseInto, which writes the pseudonym pseudonymise would give.
   */
  bytes?: {out: CsvBytes; pseudonymiseInto: (id: string, out: CsvBytes) => void};
  limits?: CsvLimits;
  /** awaited after each chunk of text (back-pressure, progress) */
  afterChunk?: (rowsRead: number) => Promise<void> | void;
}

const DELIMITER_NAMES: Record<number, string> = {44: ",", 9: "\\t", 59: ";"};

/** The canonical CSV's header line. */
export function canonicalHeader(spec: FileSpec): string {
  return ["period", "source_line", ...spec.columns.map((column) => column.name)].join(",") + "\n";
}

/** Stage one file's decoded text (in chunks). Throws InputError for the file-level problems. */
export async function stageText(text: AsyncIterable<string>, options: StageTextOptions): Promise<StagedText> {
  const stager = new RecordStager(options);
  let tokenizer: CsvTokenizer | undefined;
  let delimiter = 44;
  for await (const chunk of text) {
    if (!tokenizer) {
      const newline = chunk.indexOf("\n");
      delimiter = sniffDelimiter(newline === -1 ? chunk : chunk.slice(0, newline));
      tokenizer = new CsvTokenizer(delimiter, (record) => stager.record(record), options.limits ?? DEFAULT_LIMITS);
    }
    tokenizer.push(chunk);
    await options.afterChunk?.(stager.rowsRead);
  }
  tokenizer?.end();
  return {...stager.finish(), delimiter: DELIMITER_NAMES[delimiter] ?? ",", blankLines: tokenizer?.blankLines ?? 0};
}

/**
 * The records of one file, header first, → the canonical CSV: the one place a header is matched and a
 * record is folded and pseudonymised, whether the records came from a CSV's text (stageText) or from
 * an Excel sheet's rows (xlsx.ts), so both are checked by the same code.
 */
export class RecordStager {
  private header: string[] | undefined;
  private index: number[] = [];
  private effectiveWidth = 0;
  private extraColumns: string[] = [];
  private headerNames: Record<string, string> = {};
  private readonly rejects: RejectRow[] = [];
  private readonly isId: boolean[];
  private readonly linePrefix: string;
  rowsRead = 0;

  constructor(private readonly options: Omit<StageTextOptions, "limits" | "afterChunk">) {
    this.isId = options.spec.columns.map((column) => column.pseudonymise === true);
    this.linePrefix = csvField(options.period) + ",";
    if (options.bytes) options.bytes.out.text(canonicalHeader(options.spec));
    else options.write(canonicalHeader(options.spec));
  }

  /** The header cells, once the header record has been seen. */
  get headerCells(): readonly string[] | undefined {
    return this.header;
  }

  record(record: CsvRecord): void {
    const {spec, period} = this.options;
    const columns = spec.columns;
    const header = this.header;
    if (!header) {
      const where = {period, file: this.options.displayName, line: record.line};
      const cells = record.fields;
      const mapping = mapHeader(spec, cells);
      if (mapping.duplicates.length > 0) {
        const list = mapping.duplicates.map((dup) => `${dup.column} ← ${dup.headers.map((cell) => shown(cell)).join(" / ")}`).join("; ");
        throw new InputError("duplicate_header", where, {zh: list, en: list});
      }
      if (mapping.missing.length > 0) {
        const missing = mapping.missing
          .map((name) => `${name}（${columns.find((column) => column.name === name)?.aliases[0] ?? ""}）`)
          .join("、");
        const found = cells.slice(0, 30).map((cell) => shown(cell)).join(", ") + (cells.length > 30 ? ", …" : "");
        throw new InputError(
          "missing_column",
          where,
          {zh: `${missing}；表头为：${found}`, en: `${mapping.missing.join(", ")}; the header has: ${found}`}
        );
      }
      this.header = cells;
      this.index = columns.map((column) => mapping.index.get(column.name) ?? -1);
      this.headerNames = Object.fromEntries([...mapping.index].map(([name, at]) => [name, foldValue(cells[at]!)]));
      this.extraColumns = mapping.extra;
      this.effectiveWidth = cells.reduce((width, cell, i) => (cell.trim() === "" ? width : i + 1), 0);
      return;
    }
    this.rowsRead++;
    const fields = record.fields;
    if (record.broken) {
      const [zh, en] = BROKEN_TEXT[record.broken];
      this.reject(record.line, zh, en);
      return;
    }
    if (fields.length < this.effectiveWidth || (fields.length > header.length && fields.slice(header.length).some((f) => f.trim() !== ""))) {
      this.reject(record.line, `有 ${fields.length} 个字段，表头有 ${this.effectiveWidth} 列`, `${fields.length} fields, but the header has ${this.effectiveWidth} columns`);
      return;
    }
    const width = columns.length;
    const bytes = this.options.bytes;
    if (bytes) {
      const {out, pseudonymiseInto} = bytes;
      out.text(this.linePrefix);
      out.int(record.line);
      for (let c = 0; c < width; c++) {
        const at = this.index[c]!;
        out.byte(44);
        const value = at >= 0 && at < fields.length ? foldValue(fields[at]!) : "";
        if (value === "") continue;
        if (this.isId[c]) pseudonymiseInto(value, out);
        else out.field(value);
      }
      out.byte(10);
      return;
    }
    let line = this.linePrefix + record.line;
    for (let c = 0; c < width; c++) {
      const at = this.index[c]!;
      let value = at >= 0 && at < fields.length ? foldValue(fields[at]!) : "";
      if (value !== "") {
        if (this.isId[c]) value = this.options.pseudonymise(value);
        line += "," + csvField(value);
      } else line += ",";
    }
    this.options.write(line + "\n");
  }

  /** What the file gave; throws empty_file when not even a header came. */
  finish(): Omit<StagedText, "delimiter" | "blankLines"> {
    if (!this.header) throw new InputError("empty_file", {period: this.options.period, file: this.options.displayName});
    return {rowsRead: this.rowsRead, extraColumns: this.extraColumns, rejects: this.rejects, headerNames: this.headerNames};
  }

  private reject(line: number, zh: string, en: string): void {
    const {period, spec} = this.options;
    this.rejects.push({period, file: spec.name, line, column: "", value: null, reason: "bad_row", detail_zh: zh, detail_en: en});
  }
}

export const BROKEN_TEXT: Record<NonNullable<CsvRecord["broken"]>, [string, string]> = {
  unclosed_quote: ["引号未闭合，直到文件末尾", "a quote opened here is never closed before the end of the file"],
  field_too_long: ["某个字段超过 100 万个字符", "a field is longer than 1,000,000 characters"],
  too_many_fields: ["字段超过 10000 个", "more than 10,000 fields"]
};

/**
 * Try each candidate encoding in turn (see encoding.ts): `attempt` stages the file as one encoding and
 * throws NotThisEncoding to move on. Empty files, NUL bytes and undecodable text are file-level problems.
 */
export async function withEncodings<T>(
  candidates: Encoding[],
  bytes: number,
  where: ProblemLocation,
  attempt: (encoding: Encoding, last: boolean) => Promise<T>
): Promise<T> {
  if (bytes === 0) throw new InputError("empty_file", where);
  if (candidates.length === 0) {
    throw new InputError("unreadable_encoding", where, {
      zh: "文件含有空字节：可能是不带 BOM 的 UTF-16 或者根本不是 CSV（例如改了扩展名的 .xlsx）",
      en: "the file contains NUL bytes: UTF-16 without a BOM, or not a CSV at all (an .xlsx renamed, say)"
    });
  }
  for (let i = 0; i < candidates.length; i++) {
    try {
      return await attempt(candidates[i]!, i === candidates.length - 1);
    } catch (error) {
      if (error instanceof NotThisEncoding) continue;
      if (error instanceof UndecodableFile) {
        throw new InputError(
          "unreadable_encoding",
          {...where, line: error.line},
          {zh: "既不是有效的 UTF-8，也不是有效的 GBK/GB18030", en: "neither valid UTF-8 nor valid GBK/GB18030"}
        );
      }
      throw error;
    }
  }
  throw new InputError("unreadable_encoding", where);
}
