// `junheng report`: the quarterly report of one edition (docs/editions.md) as Word and PDF, from
// <out>/published/<edition>/ only, into <out>/reports/<edition>/ (or --to). The site step copies the
// report of its edition into the downloads page (pipelines/site/report-files.ts).
import {mkdirSync, renameSync, writeFileSync} from "node:fs";
import {join, relative, resolve, sep} from "node:path";
import type {Edition} from "../editions.js";
import {UsageError} from "../errors.js";
import {isInside, realPathOf} from "../paths.js";
import {acquireLock, addToMarker, outputPaths} from "../safe-write.js";
import {buildReport} from "./content.js";
import {readEdition} from "./data.js";
import {reportDocx} from "./docx.js";
import {findFonts} from "./fonts.js";
import {reportPdf} from "./pdf.js";

export interface ReportOptions {
  out: string;
  edition: Edition;
  /** the folder written, default <out>/reports/<edition> */
  to?: string;
  /** 成文日期 YYYY-MM-DD, default today */
  date?: string;
}

/** what the report folder's report.json says: which run and edition the files were made from */
export interface ReportRecord {
  edition: Edition;
  period: string;
  run_started_at: string;
  date: string;
  files: {docx: string; pdf: string};
}

export function reportName(period: string, edition: Edition): string {
  return `junheng-report-${period}-${edition}`;
}

export function reportDir(out: string, edition: Edition): string {
  return join(out, "reports", edition);
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

export function checkDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const parsed = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !parsed || parsed.getUTCDate() !== Number(m[3])) throw new UsageError(`--date 应为日期 YYYY-MM-DD：${date}`, `--date must be a date YYYY-MM-DD: ${date}`);
  return date;
}

export async function writeReport(options: ReportOptions): Promise<ReportRecord & {dir: string}> {
  const out = resolve(options.out);
  const date = options.date ? checkDate(options.date) : today();
  const fonts = findFonts();
  const input = await readEdition(out, options.edition);
  const doc = buildReport(input, {date, fonts});
  const period = input.manifest.periods.at(-1) ?? "";
  const [docx, pdf] = await Promise.all([reportDocx(doc), reportPdf(doc, fonts, date)]);
  const dir = resolve(options.to ?? reportDir(out, options.edition));
  const name = reportName(period, options.edition);
  const record: ReportRecord = {edition: options.edition, period, run_started_at: input.manifest.run.started_at, date, files: {docx: `${name}.docx`, pdf: `${name}.pdf`}};
  // Inside <out> (the default), under the output's lock, and listed in its marker: a later run then still
  // sees the folder as Junheng's own and replaces it whole (safe-write.ts), reports included.
  const real = realPathOf(out);
  const inside = isInside(realPathOf(dir), real);
  const release = inside ? acquireLock(outputPaths(real)) : () => {};
  try {
    mkdirSync(dir, {recursive: true});
    // each file appears whole or not at all
    const put = (file: string, data: Buffer | string) => {
      const tmp = join(dir, `.${file}.${process.pid}.tmp`);
      writeFileSync(tmp, data);
      renameSync(tmp, join(dir, file));
    };
    put(record.files.docx, docx);
    put(record.files.pdf, pdf);
    put("report.json", `${JSON.stringify(record, null, 2)}\n`);
    if (inside) addToMarker(real, [record.files.docx, record.files.pdf, "report.json"].map((file) => relative(real, join(realPathOf(dir), file)).split(sep).join("/")));
  } finally {
    release();
  }
  return {...record, dir};
}
