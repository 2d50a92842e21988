// Every published table as column JSON in src/data/tables (what the pages read), and narrower slices of
// the large ones.
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import {encodeTable} from "./encode-table.js";
import {DATA, writeJson, type Row} from "./paths.js";

/** Narrower copies of a large table for a page that shows only one slice of it (page weight): rows
 * picked, never computed. The balance page shows the county coefficients of variation only. */
const SLICES: Record<string, {table: string; where: (row: Row) => boolean}> = {
  resource_cv_county: {table: "resource_cv", where: (row) => row.scope === "county"},
  // the methodology page shows the revisions to earlier figures, not a new quarter's added rows
  revisions_earlier: {table: "revisions", where: (row) => row.earlier_period === true}
};

export function writeTableFiles(tables: Record<string, Row[]>, dates: Record<string, string[]>): void {
  mkdirSync(join(DATA, "tables"), {recursive: true});
  for (const [name, rows] of Object.entries(tables)) writeJson(join(DATA, "tables", `${name}.json`), encodeTable(rows, dates[name] ?? []));
  for (const [name, {table, where}] of Object.entries(SLICES)) {
    writeJson(join(DATA, "tables", `${name}.json`), encodeTable((tables[table] ?? []).filter(where), dates[table] ?? []));
  }
}
