// An .xlsx contract file on Node, streamed with exceljs's WorkbookReader (a well-kept streaming reader: a
// sheet of a million score rows is never held in memory) and staged by xlsx-rows.ts through the same
// RecordStager as a CSV.
//
// No raw id may reach the disk. exceljs copies a worksheet to a temporary file when the sheet comes before
// xl/sharedStrings.xml in the zip (Excel's own order), to read it once the strings are known. The file is
// therefore read twice: the first pass keeps only the small parts (shared strings, relationships, the
// sheet list, styles) and skips every sheet; the second starts with them already known, so every sheet is
// parsed as it streams past and nothing is written anywhere. test/ingest/xlsx.test.ts holds exceljs to it.
import {createHash} from "node:crypto";
import {createReadStream} from "node:fs";
import type ExcelJS from "exceljs";
import {Unzip, UnzipInflate} from "fflate";
import type {FileSpec} from "../contract.js";
import {InputError} from "../errors.js";
import {pickSheet, stageRows, type SheetInfo, type SheetRow, type StagedRows} from "./xlsx-rows.js";

/** What the reader keeps between its passes (exceljs fields, not in its type declarations). */
interface ReaderState {
  sharedStrings?: unknown[];
  workbookRels?: {Id?: string; Target?: string}[];
  model?: {sheets?: {name: string; state?: string; id: number; rId?: string}[]};
  properties?: {model?: {date1904?: boolean}};
  styles?: unknown;
}

type WorksheetReader = AsyncIterable<{number: number; values: unknown}> & {name: string};

interface ParseEvent {
  eventType: string;
  value: unknown;
}

/** exceljs is loaded by the first workbook read: it costs every start of the CLI ~0.5 s of CPU, and most
 * inputs are CSV */
let excel: Promise<typeof ExcelJS> | undefined;

async function reader(path: string, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>): Promise<ReaderState & {parse(): AsyncIterable<ParseEvent>}> {
  const {stream} = await (excel ??= import("exceljs").then((module) => module.default));
  return new stream.xlsx.WorkbookReader(path, options) as never;
}

/** Pass 1: the workbook's small parts; every worksheet is skipped (exceljs drains an entry nobody reads). */
async function workbookParts(path: string): Promise<ReaderState> {
  const first = await reader(path, {sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore"});
  // known up front, so that no sheet is ever deferred to a temporary file (see the top of this file)
  first.sharedStrings = [];
  first.workbookRels = [];
  // exceljs's own writer puts xl/workbook.xml (the sheet names) last: a sheet is named in the second pass
  first.model = {sheets: []};
  for await (const _event of first.parse()) {
    // worksheets are not read in this pass
  }
  return {sharedStrings: first.sharedStrings, workbookRels: first.workbookRels, model: first.model, properties: first.properties, styles: first.styles};
}

/** The sheets of a workbook, in its order. */
export async function listSheets(path: string): Promise<SheetInfo[]> {
  const parts = await workbookParts(path);
  return sheetsOf(parts);
}

function sheetsOf(parts: ReaderState): SheetInfo[] {
  return [...(parts.model?.sheets ?? [])].map((sheet) => ({name: sheet.name, state: sheet.state}));
}

/**
 * The chosen sheet's merged ranges (`<mergeCell ref="A3:A9"/>`). They come after the rows in the sheet's XML,
 * too late for rows that stream past, so the sheet's part is inflated once first (fflate, streaming, nothing
 * kept but the refs) to know them before the rows are read.
 */
async function sheetMerges(path: string, parts: ReaderState, sheet: string): Promise<string[]> {
  const rId = parts.model?.sheets?.find((entry) => entry.name === sheet)?.rId;
  const target = parts.workbookRels?.find((rel) => rel.Id === rId)?.Target;
  if (!target) return [];
  const name = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const refs = new Set<string>();
  const decoder = new TextDecoder("latin1");
  let tail = "";
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (file.name !== name) return;
    file.ondata = (error, chunk, final) => {
      if (error) {
        failure = error;
        return;
      }
      const text = tail + decoder.decode(chunk, {stream: !final});
      for (const match of text.matchAll(/<(?:\w+:)?mergeCell\s[^>]*?ref="([^"]+)"/g)) refs.add(match[1]!);
      // a tag cut by the chunk's end is found whole in the next one
      tail = text.slice(-200);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for await (const chunk of createReadStream(path)) unzip.push(chunk as Uint8Array);
  unzip.push(new Uint8Array(0), true);
  if (failure) throw failure;
  return [...refs];
}

/** Pass 2: the chosen sheet's rows, as they stream past. */
async function* sheetRows(path: string, parts: ReaderState, sheet: string): AsyncGenerator<SheetRow> {
  const second = await reader(path, {sharedStrings: "ignore", styles: "ignore", hyperlinks: "ignore", worksheets: "emit", entries: "ignore"});
  Object.assign(second, parts);
  for await (const {eventType, value} of second.parse()) {
    if (eventType !== "worksheet") continue;
    const worksheet = value as WorksheetReader;
    if (worksheet.name !== sheet) continue;
    for await (const row of worksheet) {
      // row.values is 1-based (index 0 is empty): cells from column A on
      const values = row.values as unknown[];
      yield {number: row.number, cells: values.slice(1)};
    }
  }
}

export interface StageXlsxArgs {
  path: string;
  /** 2025Q3/schools.xlsx */
  displayName: string;
  period: string;
  spec: FileSpec;
  pseudonymise: (id: string) => string;
  write: (text: string) => void;
  afterChunk?: (rowsRead: number) => Promise<void> | void;
}

export interface StagedXlsx extends StagedRows {
  sheet: string;
  sha256: string;
}

/** Stage an .xlsx's sheet for its contract file. Throws InputError for a file that is not a workbook. */
export async function stageXlsx(args: StageXlsxArgs): Promise<StagedXlsx> {
  const where = {period: args.period, file: args.displayName};
  let parts: ReaderState;
  try {
    parts = await workbookParts(args.path);
  } catch (error) {
    throw new InputError("unreadable_file", where, notAWorkbook(error));
  }
  const sheets = sheetsOf(parts);
  const sheet = pickSheet(args.spec.name, sheets);
  if (sheet === undefined) {
    throw new InputError("empty_file", where, {zh: "工作簿中没有可读的工作表", en: "the workbook has no visible sheet"});
  }
  let staged: StagedRows;
  try {
    const merges = await sheetMerges(args.path, parts, sheet);
    staged = await stageRows(sheetRows(args.path, parts, sheet), {
      spec: args.spec,
      merges,
      period: args.period,
      displayName: `${args.displayName} [${sheet}]`,
      sheet,
      date1904: parts.properties?.model?.date1904 === true,
      pseudonymise: args.pseudonymise,
      write: args.write,
      afterChunk: args.afterChunk
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError("unreadable_file", {...where, file: `${args.displayName} [${sheet}]`}, notAWorkbook(error));
  }
  return {...staged, sheet, sha256: await fileSha256(args.path)};
}

function notAWorkbook(error: unknown): {zh: string; en: string} {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    zh: `不是有效的 .xlsx 工作簿（旧版 .xls 请在 Excel 或 WPS 中另存为 .xlsx）：${reason}`,
    en: `not a valid .xlsx workbook (save an old .xls as .xlsx in Excel or WPS): ${reason}`
  };
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
