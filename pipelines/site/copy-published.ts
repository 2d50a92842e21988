// The published files, copied into src/data as one consistent output even while a pipeline run swaps <out>,
// and the copied Arrow tables read back as rows (with the names of their date columns).
import {copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {createHash} from "node:crypto";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import type {Row} from "./paths.js";

/**
 * Copy what the pages read (Arrow, JSON) and what the downloads page offers (CSV, Parquet, JSON) into
 * `data`. A pipeline run may swap <out> while this reads it; the copy is checked against the sha256
 * of every file in the copied manifest and redone until it is one consistent output.
 */
export function copyPublished(published: string, data: string, attempts = 20): Record<string, Row[]> {
  for (let attempt = 1; ; attempt++) {
    rmSync(data, {recursive: true, force: true});
    mkdirSync(join(data, "downloads"), {recursive: true});
    mkdirSync(join(data, "groups"), {recursive: true});
    const manifestBefore = readFileSync(join(published, "manifest.json"));
    const copied = new Map<string, string>();
    try {
      for (const file of readdirSync(published).sort()) {
        const from = join(published, file);
        if (file.endsWith(".arrow")) {
          copyFileSync(from, join(data, file));
          copied.set(file, join(data, file));
        } else if (/\.(csv|parquet|zip|cff|md)$/.test(file)) {
          // the tables, and the release beside them (docs/release.md): the archive, the citation, the methodology;
          // a .md under src/ would be built as a page, so its copy is named by siteName()
          const to = join(data, "downloads", siteName(file));
          copyFileSync(from, to);
          copied.set(file, to);
        } else if (file.endsWith(".json")) {
          copyFileSync(from, join(data, file));
          copyFileSync(from, join(data, "downloads", file));
          copied.set(file, join(data, file));
        }
      }
    } catch (error) {
      // a file vanished between listing and copying: the output was being swapped
      if (attempt >= attempts || (error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      continue;
    }
    if (isConsistent(join(data, "manifest.json"), manifestBefore, copied)) {
      const tables: Record<string, Row[]> = {};
      for (const [file, path] of copied) if (file.endsWith(".arrow")) tables[file.replace(/\.arrow$/, "")] = readArrow(path);
      return tables;
    }
    if (attempt >= attempts) throw new Error(`${published} kept changing while it was being copied; is a pipeline run looping?`);
  }
}

/** a published file's name under src/data/downloads/: methodology.md as methodology.md.txt (not a page) */
export function siteName(file: string): string {
  return file.endsWith(".md") ? `${file}.txt` : file;
}

function isConsistent(manifestPath: string, manifestBefore: Buffer, copied: Map<string, string>): boolean {
  const manifestText = readFileSync(manifestPath);
  if (!manifestText.equals(manifestBefore)) return false;
  const manifest = JSON.parse(manifestText.toString("utf8")) as {published: {files: {file: string; sha256: string}[]}[]; release?: {file: string; sha256: string}[]};
  for (const files of [...manifest.published.map((table) => table.files), manifest.release ?? []]) {
    for (const file of files) {
      const path = copied.get(file.file);
      if (!path || createHash("sha256").update(readFileSync(path)).digest("hex") !== file.sha256) return false;
    }
  }
  return true;
}

function readArrow(path: string): Row[] {
  const table = tableFromIPC(readFileSync(path));
  return table.toArray().map((row) => {
    const object = row.toJSON() as Record<string, unknown>;
    for (const [key, value] of Object.entries(object)) {
      if (typeof value === "bigint") object[key] = Number(value);
      else if (value && typeof value === "object" && "toArray" in value) object[key] = Array.from((value as {toArray(): unknown[]}).toArray());
    }
    return object as Row;
  });
}

/** the Date columns of each copied .arrow table (the pages turn them back into Date objects) */
export function dateColumns(data: string): Record<string, string[]> {
  const dates: Record<string, string[]> = {};
  for (const file of readdirSync(data).filter((name) => name.endsWith(".arrow"))) {
    const table = tableFromIPC(readFileSync(join(data, file)));
    dates[file.replace(/\.arrow$/, "")] = table.schema.fields.filter((field) => String(field.type).startsWith("Date")).map((field) => field.name);
  }
  return dates;
}
