// The edition's published files as one module the pages import (src/data/files.js): the explorer's Arrow
// files and the downloads page's CSV, Parquet and JSON, each named with FileAttachment so that the build
// copies it. Written from the copied manifest, so a page lists exactly the tables of the site's edition
// (docs/editions.md) and the build never references a file the edition leaves out (Framework stops on one).
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {DATA} from "./paths.js";
import {siteName} from "./copy-published.js";

export function writeFileList(data = DATA): string[] {
  const manifest = JSON.parse(readFileSync(join(data, "manifest.json"), "utf8")) as {published: {table: string}[]; release?: {file: string}[]};
  const release = (manifest.release ?? []).map((entry) => entry.file).sort();
  const tables = manifest.published.map((entry) => entry.table).filter((table) => table !== "config").sort();
  const attachment = (path: string) => `FileAttachment(${JSON.stringify(`./${path}`)}).href`;
  // the quarterly report, when the site step copied one (report-files.ts)
  const report = existsSync(join(data, "report.json")) ? (JSON.parse(readFileSync(join(data, "report.json"), "utf8")) as {docx: {file: string}; pdf: {file: string}} | null) : null;
  const lines = [
    "// written by pipelines/site/file-list.ts from the edition's manifest: do not edit",
    'import {FileAttachment} from "observablehq:stdlib";',
    "",
    "/** table → its Arrow file (the explorer) */",
    "export const ARROW = {",
    tables.map((table) => `  ${JSON.stringify(table)}: ${attachment(`${table}.arrow`)}`).join(",\n"),
    "};",
    "",
    "/** table → its CSV and Parquet files (the downloads page) */",
    "export const DOWNLOADS = {",
    tables.map((table) => `  ${JSON.stringify(table)}: {csv: ${attachment(`downloads/${table}.csv`)}, parquet: ${attachment(`downloads/${table}.parquet`)}}`).join(",\n"),
    "};",
    "",
    "/** the edition's manifest and configuration (the downloads page) */",
    `export const OTHER = {manifest: ${attachment("downloads/manifest.json")}, config: ${attachment("downloads/config.json")}};`,
    "",
    "/** the release beside the tables (docs/release.md): file name → its link (the zip, datapackage.json, CITATION.cff, methodology.md) */",
    "export const RELEASE = {",
    release.map((file) => `  ${JSON.stringify(file)}: ${attachment(`downloads/${siteName(file)}`)}`).join(",\n"),
    "};",
    "/** the quarterly report's Word and PDF files, or null (the downloads page) */",
    `export const REPORT = ${report ? `{docx: ${attachment(`downloads/${report.docx.file}`)}, pdf: ${attachment(`downloads/${report.pdf.file}`)}}` : "null"};`,
    ""
  ];
  writeFileSync(join(data, "files.js"), lines.join("\n"));
  return tables;
}
