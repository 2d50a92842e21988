// An Excel sheet's rows → the records the CSV path checks (record.ts's RecordStager), so an .xlsx is
// matched, folded, pseudonymised and checked by exactly the code a .csv is. Pure: the Node ingest
// (xlsx.ts streams the workbook) and the browser's upload page (which loads the dropped workbook) give
// the rows; this turns cell values into the text a CSV would have held and decides which rows are data.
import {SHEET_NAMES, type ColumnType, type FileName, type FileSpec} from "../contract.js";
import {InputError} from "../errors.js";
import {mapHeader} from "./normalize.js";
import {RecordStager, type StagedText, type StageTextOptions} from "./record.js";

/** One row of a sheet as a reader gives it: Excel's row number and the cells from column A on. */
export interface SheetRow {
  number: number;
  cells: readonly unknown[];
}

/** A sheet as the workbook lists it, in the workbook's order. */
export interface SheetInfo {
  name: string;
  /** "hidden" or "veryHidden" sheets are never picked as the first sheet */
  state?: string;
}

/** The template's instructions sheet: never read as data. */
export const INSTRUCTIONS_SHEET = "填表说明";

/**
 * The sheet to read: one named like the file (schools, 学校名册) if there is one, else the first
 * visible sheet that is not the template's instructions.
 */
export function pickSheet(file: FileName, sheets: readonly SheetInfo[]): string | undefined {
  const wanted = [file, SHEET_NAMES[file]].map((name) => name.toLowerCase());
  const named = sheets.find((sheet) => wanted.includes(sheet.name.trim().toLowerCase()));
  if (named) return named.name;
  return sheets.find((sheet) => (sheet.state ?? "visible") === "visible" && sheet.name.trim() !== INSTRUCTIONS_SHEET)?.name;
}

const DAY_MS = 86_400_000;
/** Excel's day 0 in the 1900 date system is 1899-12-30 (its phantom 1900-02-29 lies before every plausible date) */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel date serial (days since the workbook's epoch) → YYYY-MM-DD; the time of day is dropped. */
export function serialToDate(serial: number, date1904 = false): string {
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial) * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/** A serial is taken as a date only when it falls between 1900 and 2100 (the contract's range for dates). */
const SERIAL_MIN = 1;
const SERIAL_MAX = 73_051; // 2099-12-31

/**
 * A cell's value as the text a CSV export of it would have held. Dates (a cell formatted as a date, or a
 * plain number in a date column: an Excel date serial) become YYYY-MM-DD; numbers the shortest text
 * that reads back as Excel's 15-digit value; rich text, links and formulas their text or result.
 */
export function cellText(value: unknown, type: ColumnType | undefined, date1904 = false): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    if (type === "date" && value >= SERIAL_MIN && value <= SERIAL_MAX) return serialToDate(value, date1904);
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const cell = value as {richText?: {text: string}[]; text?: unknown; result?: unknown; error?: string; formula?: string; sharedFormula?: string};
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text).join("");
    if ("result" in cell || cell.formula !== undefined || cell.sharedFormula !== undefined) return cellText(cell.result, type, date1904);
    if (typeof cell.error === "string") return cell.error;
    if (cell.text !== undefined) return cellText(cell.text, type, date1904);
  }
  return String(value);
}

export interface StageRowsOptions extends Omit<StageTextOptions, "limits"> {
  sheet: string;
  date1904?: boolean;
  /** the sheet's merged ranges as the workbook lists them (`A3:A9`): see mergedColumns */
  merges?: readonly string[];
}

export interface StagedRows extends StagedText {
  /** rows that were not data: blank rows, a title above the header, a note under the data */
  skippedRows: number[];
  /** the merged ranges whose first value was filled down into the cells under it (mergedColumns) */
  filledMerges: string[];
}

/** A merged range one column wide and more than one row tall, under the header: its value applies to each row. */
export interface MergedColumn {
  ref: string;
  /** 0-based, from column A */
  column: number;
  from: number;
  to: number;
}

/**
 * The merged ranges filled down: one column wide and two or more rows tall (学校名称 merged over a school's
 * rows, as a clerk's layout often has it). Excel keeps the value in the first cell only and shows it over the
 * whole range, so each row is given it, as the clerk reads the sheet. A range wider than one column (a title
 * across the top, a note across the bottom) is left as it is: its value is one cell's, and the header and
 * note rules above decide about it.
 */
export function mergedColumns(refs: readonly string[]): MergedColumn[] {
  const out: MergedColumn[] = [];
  for (const ref of refs) {
    const match = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
    if (!match || match[1] !== match[3]) continue;
    const from = Number(match[2]);
    const to = Number(match[4]);
    if (to <= from) continue;
    const column = [...match[1]!].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
    out.push({ref: `${match[1]}${from}:${match[3]}${to}`, column, from, to});
  }
  return out.sort((a, b) => a.from - b.from || a.column - b.column);
}

/**
 * Stage a sheet's rows. The header is the first row with two or more filled cells (a title merged
 * across the top fills one); blank rows are counted as CSV's blank lines are; rows with a single filled
 * cell under the last data row (制表人：…, a merged note) are listed, not read; a single-cell row between
 * data rows is data and is checked like any other.
 */
export async function stageRows(rows: AsyncIterable<SheetRow> | Iterable<SheetRow>, options: StageRowsOptions): Promise<StagedRows> {
  const stager = new RecordStager(options);
  let types: (ColumnType | undefined)[] | undefined;
  let width = 0;
  let blankLines = 0;
  const skippedRows: number[] = [];
  let pending: {line: number; fields: string[]}[] = [];
  let sinceProgress = 0;
  // merged columns under the header: the value each carries down, until its last row
  const merges: MergeState = {ranges: mergedColumns(options.merges ?? []), next: 0, carrying: []};
  const filledMerges = new Set<string>();
  for await (const row of rows) {
    // Array.from, not map: a reader gives sparse rows, and map would leave their holes as holes
    const fields = Array.from(row.cells, (value, i) => cellText(value, types?.[i], options.date1904));
    if (types && merges.ranges.length) fillMerged(row.number, fields, merges, filledMerges);
    const filled = fields.reduce((n, field) => (field.trim() === "" ? n : n + 1), 0);
    if (filled === 0) {
      blankLines++;
      continue;
    }
    if (!types) {
      if (filled === 1) {
        skippedRows.push(row.number);
        continue;
      }
      // the header: its cells as text, then the type of each column for the rows under it
      stager.record({fields, line: row.number});
      types = columnTypes(options.spec, fields);
      width = fields.length;
      continue;
    }
    if (filled === 1) {
      pending.push({line: row.number, fields});
      continue;
    }
    for (const held of pending) stager.record({fields: pad(held.fields, width), line: held.line});
    pending = [];
    stager.record({fields: pad(fields, width), line: row.number});
    if (++sinceProgress >= 10_000) {
      sinceProgress = 0;
      await options.afterChunk?.(stager.rowsRead);
    }
  }
  skippedRows.push(...pending.map((held) => held.line));
  if (!stager.headerCells) {
    throw new InputError("empty_file", {period: options.period, file: `${options.displayName} [${options.sheet}]`});
  }
  await options.afterChunk?.(stager.rowsRead);
  return {...stager.finish(), delimiter: "", blankLines, skippedRows, filledMerges: [...filledMerges]};
}

/** The merged columns (sorted by first row), the next not yet reached, and those whose value is being carried down. */
interface MergeState {
  ranges: readonly MergedColumn[];
  next: number;
  carrying: {merge: MergedColumn; value: string}[];
}

/**
 * A data row's cells under a merged column get the value of the range's first cell (mergedColumns). Rows come in
 * order, so each range is looked at once: a range whose first row was not a data row (above the header) is passed by.
 */
function fillMerged(line: number, fields: string[], merges: MergeState, filled: Set<string>): void {
  const {ranges, carrying} = merges;
  for (let i = carrying.length - 1; i >= 0; i--) if (carrying[i]!.merge.to < line) carrying.splice(i, 1);
  while (merges.next < ranges.length && ranges[merges.next]!.from <= line) {
    const merge = ranges[merges.next++]!;
    if (merge.from === line) carrying.push({merge, value: fields[merge.column] ?? ""});
  }
  for (const {merge, value} of carrying) {
    if (line <= merge.from || value === "" || (fields[merge.column] ?? "").trim() !== "") continue;
    while (fields.length < merge.column) fields.push("");
    fields[merge.column] = value;
    filled.add(merge.ref);
  }
}

/** Excel leaves out a row's trailing empty cells; the header's width is what a CSV row would have had. */
function pad(fields: string[], width: number): string[] {
  if (fields.length >= width) return fields;
  return fields.concat(new Array<string>(width - fields.length).fill(""));
}

/** The contract type of each header cell's column (undefined for a column outside the contract). */
export function columnTypes(spec: FileSpec, header: readonly string[]): (ColumnType | undefined)[] {
  const mapping = mapHeader(spec, header);
  const types: (ColumnType | undefined)[] = header.map(() => undefined);
  for (const column of spec.columns) {
    const at = mapping.index.get(column.name);
    if (at !== undefined) types[at] = column.type;
  }
  return types;
}
