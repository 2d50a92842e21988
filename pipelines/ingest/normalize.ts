// Header matching and value folding, shared by the Node ingest and the browser explorer.
import type {ColumnSpec, FileSpec} from "../contract.js";

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * Fold a value the way the contract says: full-width digits and letters to ASCII (NFKC), invisible
 * characters removed, trimmed. ASCII-only values (the vast majority) skip the Unicode work.
 */
export function foldValue(value: string): string {
  let ascii = true;
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    const first = value.charCodeAt(0);
    const last = value.charCodeAt(value.length - 1);
    return first <= 32 || last <= 32 ? value.trim() : value;
  }
  // non-ASCII values repeat (a subject on every score row, a school's name): each is folded once
  let folded = FOLDED.get(value);
  if (folded === undefined) {
    folded = value.normalize("NFKC").replace(INVISIBLE, "").trim();
    if (value.length <= 64) {
      if (FOLDED.size >= 10_000) FOLDED.clear();
      FOLDED.set(value, folded);
    }
  }
  return folded;
}

const FOLDED = new Map<string, string>();

/** A header cell reduced to what matching compares: NFKC, lower case, no spaces, no `*` marks. */
export function headerKey(header: string): string {
  return foldValue(header)
    .toLowerCase()
    .replace(/[\s*＊]+/g, "")
    .replace(/^["']|["']$/g, "");
}

/** The same key with a trailing unit in brackets removed: `面积(平方米)` → `面积`. */
function withoutUnit(key: string): string {
  return key.replace(/[(\[（【][^()\[\]（）【】]*[)\]）】]$/, "");
}

export interface HeaderMapping {
  /** for each contract column present, the index of its field in a record */
  index: Map<string, number>;
  /** header cells that match no column (ignored, with one warning) */
  extra: string[];
  /** required columns that are absent */
  missing: string[];
  /** contract columns named by more than one header cell, with those cells */
  duplicates: {column: string; headers: string[]}[];
}

export function mapHeader(spec: FileSpec, headerCells: readonly string[]): HeaderMapping {
  const lookup = new Map<string, ColumnSpec>();
  for (const column of spec.columns) {
    for (const name of [column.name, ...column.aliases]) lookup.set(headerKey(name), column);
  }
  const index = new Map<string, number>();
  const seen = new Map<string, string[]>();
  const extra: string[] = [];
  headerCells.forEach((cell, i) => {
    const key = headerKey(cell);
    if (key === "") return; // Excel's trailing empty header cells
    const column = lookup.get(key) ?? lookup.get(withoutUnit(key));
    if (!column) {
      extra.push(cell);
      return;
    }
    seen.set(column.name, [...(seen.get(column.name) ?? []), cell]);
    if (!index.has(column.name)) index.set(column.name, i);
  });
  const duplicates = [...seen].filter(([, cells]) => cells.length > 1).map(([column, headers]) => ({column, headers}));
  const missing = spec.columns.filter((column) => column.required && !index.has(column.name)).map((c) => c.name);
  return {index, extra, missing, duplicates};
}
