// The quarterly report of the site's edition (junheng report, pipelines/report/), offered on the downloads
// page: <out>/reports/<edition>/'s Word and PDF files copied into src/data/downloads/, and
// src/data/report.json saying which (null when there is none). A report made from another run than the
// published tables the site shows (its report.json names the run) is left out, so the page never offers
// a report whose figures differ from the site's.
import {copyFileSync, existsSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {DATA, writeJson} from "./paths.js";

export interface ReportFile {
  period: string;
  date: string;
  docx: {file: string; bytes: number};
  pdf: {file: string; bytes: number};
}

/** `published`: <out>/published/<edition>; its report is in <out>/reports/<edition> */
export function writeReportFile(published: string, data = DATA): ReportFile | null {
  const manifest = JSON.parse(readFileSync(join(data, "manifest.json"), "utf8")) as {edition: string; run: {started_at: string}};
  const dir = join(published, "..", "..", "reports", manifest.edition);
  let file: ReportFile | null = null;
  if (existsSync(join(dir, "report.json"))) {
    const record = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as {edition: string; period: string; date: string; run_started_at: string; files: {docx: string; pdf: string}};
    const present = existsSync(join(dir, record.files.docx)) && existsSync(join(dir, record.files.pdf));
    if (record.edition === manifest.edition && record.run_started_at === manifest.run.started_at && present) {
      for (const name of [record.files.docx, record.files.pdf]) copyFileSync(join(dir, name), join(data, "downloads", name));
      const entry = (name: string) => ({file: name, bytes: statSync(join(dir, name)).size});
      file = {period: record.period, date: record.date, docx: entry(record.files.docx), pdf: entry(record.files.pdf)};
    } else {
      console.warn(`${dir}: 报告不是由当前发布数据生成的，下载页不提供；请运行 junheng report。The report there was not made from the published tables the site shows; it is left out (run junheng report).`);
    }
  }
  writeJson(join(data, "report.json"), file);
  return file;
}
