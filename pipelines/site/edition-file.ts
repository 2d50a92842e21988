// Which edition the site shows and what it leaves out (docs/editions.md), for the pages and the config's
// header and footer: src/data/edition.json, taken from the copied edition's manifest. A table the edition
// leaves out is written to src/data/tables/ as a table of no rows and no columns, so that a page reads it
// as it reads any table and its view shows, in its place, why it is not in this edition.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {encodeTable} from "./encode-table.js";
import {DATA, writeJson} from "./paths.js";

export interface EditionFile {
  edition: "public" | "internal";
  left_out: {
    tables: {table: string; reason: {code: string}}[];
    columns: {table: string; columns: string[]; reason: {code: string}}[];
    rows: {table: string; keep: string; reason: {code: string}}[];
  };
}

export function writeEditionFile(data = DATA): EditionFile {
  const manifest = JSON.parse(readFileSync(join(data, "manifest.json"), "utf8")) as Partial<EditionFile>;
  if (manifest.edition !== "public" && manifest.edition !== "internal") throw new Error(`${join(data, "manifest.json")} names no edition`);
  const strip = <T extends {reason: {code: string}}>(items: T[] = []): T[] => items.map((item) => ({...item, reason: {code: item.reason.code}}));
  const file: EditionFile = {
    edition: manifest.edition,
    left_out: {tables: strip(manifest.left_out?.tables), columns: strip(manifest.left_out?.columns), rows: strip(manifest.left_out?.rows)}
  };
  writeJson(join(data, "edition.json"), file);
  for (const {table} of file.left_out.tables) writeJson(join(data, "tables", `${table}.json`), encodeTable([]));
  return file;
}
