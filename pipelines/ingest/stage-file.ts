// One input file → one canonical UTF-8 CSV (period, source_line, every contract column in order),
// with values folded and ids pseudonymised. Rows that cannot be split into the header's fields are
// rejected here (bad_row); everything else is checked in SQL.
import {createHash} from "node:crypto";
import {createWriteStream, type WriteStream} from "node:fs";
import {once} from "node:events";
import type {FileSpec} from "../contract.js";
import {InputError} from "../errors.js";
import {CsvTokenizer, csvField, sniffDelimiter, DEFAULT_LIMITS, type CsvLimits, type CsvRecord} from "./csv.js";
import {candidateEncodings, readText, NotThisEncoding, UndecodableFile, type Encoding} from "./decode.js";
import {foldValue, mapHeader} from "./normalize.js";
import type {Pseudonymiser} from "./pseudonym.js";

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

export interface StagedFile {
  period: string;
  file: FileSpec["name"];
  path: string;
  stagedPath: string;
  encoding: Encoding;
  delimiter: string;
  bytes: number;
  sha256: string;
  rowsRead: number;
  blankLines: number;
  extraColumns: string[];
  rejects: RejectRow[];
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

const DELIMITER_NAMES: Record<number, string> = {44: ",", 9: "\\t", 59: ";"};

export async function stageFile(args: StageArgs): Promise<StagedFile> {
  const started = performance.now();
  const where = {period: args.period, file: args.displayName};
  const {candidates, bytes} = await candidateEncodings(args.path);
  if (bytes === 0) throw new InputError("empty_file", where);
  if (candidates.length === 0) {
    throw new InputError("unreadable_encoding", where, {
      zh: "文件含有空字节：可能是不带 BOM 的 UTF-16 或者根本不是 CSV（例如改了扩展名的 .xlsx）",
      en: "the file contains NUL bytes: UTF-16 without a BOM, or not a CSV at all (an .xlsx renamed, say)"
    });
  }
  for (let i = 0; i < candidates.length; i++) {
    const encoding = candidates[i]!;
    try {
      const result = await stageWith(args, encoding, i === candidates.length - 1, bytes);
      return {...result, ms: performance.now() - started};
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

async function stageWith(args: StageArgs, encoding: Encoding, last: boolean, bytes: number): Promise<Omit<StagedFile, "ms">> {
  const {spec, period, pseudonymiser} = args;
  const where = {period, file: args.displayName};
  const hash = createHash("sha256");
  if (encoding === "utf-8-bom") hash.update(Buffer.from([0xef, 0xbb, 0xbf]));
  if (encoding === "utf-16le") hash.update(Buffer.from([0xff, 0xfe]));
  if (encoding === "utf-16be") hash.update(Buffer.from([0xfe, 0xff]));
  const out = new BufferedWriter(args.stagedPath);
  out.write(["period", "source_line", ...spec.columns.map((column) => column.name)].join(",") + "\n");

  const rejects: RejectRow[] = [];
  const columns = spec.columns;
  const pseudonymise = columns.map((column) => column.pseudonymise === true);
  const linePrefix = csvField(period) + ",";
  const width = columns.length;
  let header: string[] | undefined;
  let index: number[] = [];
  let effectiveWidth = 0;
  let extraColumns: string[] = [];
  let rowsRead = 0;
  let delimiter = 44;
  let bytesRead = 0;

  const reject = (line: number, zh: string, en: string) =>
    rejects.push({period, file: spec.name, line, column: "", value: null, reason: "bad_row", detail_zh: zh, detail_en: en});

  const onRecord = (record: CsvRecord) => {
    if (!header) {
      header = record.fields;
      const mapping = mapHeader(spec, header);
      if (mapping.duplicates.length > 0) {
        const list = mapping.duplicates.map((dup) => `${dup.column} ← ${dup.headers.join(" / ")}`).join("; ");
        throw new InputError("duplicate_header", {...where, line: 1}, {zh: list, en: list});
      }
      if (mapping.missing.length > 0) {
        const missing = mapping.missing
          .map((name) => `${name}（${columns.find((column) => column.name === name)?.aliases[0] ?? ""}）`)
          .join("、");
        const found = header.slice(0, 30).join(", ");
        throw new InputError(
          "missing_column",
          {...where, line: 1},
          {zh: `${missing}；表头为：${found}`, en: `${mapping.missing.join(", ")}; the header has: ${found}`}
        );
      }
      index = columns.map((column) => mapping.index.get(column.name) ?? -1);
      extraColumns = mapping.extra;
      effectiveWidth = header.reduce((width, cell, i) => (cell.trim() === "" ? width : i + 1), 0);
      return;
    }
    rowsRead++;
    const fields = record.fields;
    if (record.broken) {
      const [zh, en] = BROKEN_TEXT[record.broken];
      reject(record.line, zh, en);
      return;
    }
    if (fields.length < effectiveWidth || (fields.length > header.length && fields.slice(header.length).some((f) => f.trim() !== ""))) {
      reject(record.line, `有 ${fields.length} 个字段，表头有 ${effectiveWidth} 列`, `${fields.length} fields, but the header has ${effectiveWidth} columns`);
      return;
    }
    let line = linePrefix + record.line;
    for (let c = 0; c < width; c++) {
      const at = index[c]!;
      let value = at >= 0 && at < fields.length ? foldValue(fields[at]!) : "";
      if (value !== "") {
        if (pseudonymise[c]) value = pseudonymiser.map(value);
        line += "," + csvField(value);
      } else line += ",";
    }
    out.write(line + "\n");
  };

  let tokenizer: CsvTokenizer | undefined;
  try {
    for await (const text of readText(args.path, encoding, last, (chunk) => {
      hash.update(chunk);
      bytesRead += chunk.length;
    })) {
      if (!tokenizer) {
        const newline = text.indexOf("\n");
        delimiter = sniffDelimiter(newline === -1 ? text : text.slice(0, newline));
        tokenizer = new CsvTokenizer(delimiter, onRecord, args.limits ?? DEFAULT_LIMITS);
      }
      tokenizer.push(text);
      await out.flushIfFull();
      args.onProgress?.(bytesRead, rowsRead);
    }
    tokenizer?.end();
    await out.close();
  } catch (error) {
    out.destroy();
    throw error;
  }
  if (!header) throw new InputError("empty_file", where);
  return {
    period,
    file: spec.name,
    path: args.path,
    stagedPath: args.stagedPath,
    encoding,
    delimiter: DELIMITER_NAMES[delimiter] ?? ",",
    bytes,
    sha256: hash.digest("hex"),
    rowsRead,
    blankLines: tokenizer?.blankLines ?? 0,
    extraColumns,
    rejects
  };
}

const BROKEN_TEXT: Record<NonNullable<CsvRecord["broken"]>, [string, string]> = {
  unclosed_quote: ["引号未闭合，直到文件末尾", "a quote opened here is never closed before the end of the file"],
  field_too_long: ["某个字段超过 100 万个字符", "a field is longer than 1,000,000 characters"],
  too_many_fields: ["字段超过 10000 个", "more than 10,000 fields"]
};

/** Collects lines and writes them in ~1 MB blocks, respecting back-pressure. */
class BufferedWriter {
  private text = "";
  private readonly stream: WriteStream;
  constructor(path: string) {
    this.stream = createWriteStream(path, {encoding: "utf8"});
  }
  write(text: string): void {
    this.text += text;
  }
  async flushIfFull(): Promise<void> {
    if (this.text.length >= 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.text.length === 0) return;
    const ok = this.stream.write(this.text);
    this.text = "";
    if (!ok) await once(this.stream, "drain");
  }
  destroy(): void {
    this.text = "";
    this.stream.destroy();
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }
}
