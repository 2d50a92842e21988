// Build-time step between the pipeline and `observable build`, one job per module:
//   bundle-vendor.ts      Plot and the d3 functions the site uses → src/components/vendor/plot.js
//   bundle-ingest.ts      the pipeline's own code for the bring-your-own-data page → src/components/vendor/
//   copy-published.ts     <out>/published/<edition> → src/data, checked against the manifest's sha256
//                         (JUNHENG_EDITION: public, the default, or internal; docs/editions.md)
//   table-files.ts        every table (and narrower slices) as column JSON (encode-table.ts)
//   edition-file.ts       which edition, and what it leaves out (src/data/edition.json; empty tables in its place)
//   report-files.ts       the edition's quarterly report (junheng report), if made from these tables, for downloads
//   file-list.ts          the edition's Arrow, CSV and Parquet files for the explorer and downloads (src/data/files.js)
//   group-files.ts        one small JSON per group (group-slice.ts) and the list of groups
//   school-files.ts       one small JSON per school (school-slice.ts) and the schools index
//   exam-list.ts          the exams' names and dates (exam_list)
//   methodology-files.ts  the metrics' texts and the input contract
//   english-pages.ts      src/en/** from the Chinese pages (titles from pages.js)
//   stub-npm-cache.ts     Framework's npm cache stubbed so that the build never asks the network
//
//   npx tsx pipelines/site/prepare.ts        (JUNHENG_OUT overrides the pipeline's output dir, default `out`; absolute or relative to the project root)
import {fileURLToPath} from "node:url";
import {bundleIngest} from "./bundle-ingest.js";
import {bundleVendor} from "./bundle-vendor.js";
import {copyPublished, dateColumns} from "./copy-published.js";
import {writeEditionFile} from "./edition-file.js";
import {writeEnglishPages} from "./english-pages.js";
import {writeFileList} from "./file-list.js";
import {writeReportFile} from "./report-files.js";
import {writeExamList} from "./exam-list.js";
import {writeGroupFiles} from "./group-files.js";
import {writeSchoolFiles} from "./school-files.js";
import {writeMethodologyFiles} from "./methodology-files.js";
import {DATA, ROOT, type Row} from "./paths.js";
import {stubNpmCache} from "./stub-npm-cache.js";
import {writeTableFiles} from "./table-files.js";
import {publishedDir} from "./out-dir.js";
import {UsageError} from "../errors.js";

/** `tables`: what the pages are made from, given the published tables (site-bench.ts replicates them) */
export function prepare({out = process.env.JUNHENG_OUT || "out", tables: from = (t) => t}: {out?: string; tables?: (tables: Record<string, Row[]>) => Record<string, Row[]>} = {}): void {
  const published = publishedDir(ROOT, out);
  bundleVendor();
  bundleIngest();
  const tables = from(copyPublished(published, DATA));
  const dates = dateColumns(DATA);
  writeTableFiles(tables, dates);
  writeEditionFile();
  writeReportFile(published);
  writeFileList();
  writeGroupFiles(tables, dates);
  writeSchoolFiles(tables, dates);
  writeExamList(tables.exam_list ?? []);
  writeMethodologyFiles();
  writeEnglishPages();
  stubNpmCache();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  try {
    prepare();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.bilingual());
    process.exit(1);
  }
  console.log(`site data prepared in src/data (${Math.round(performance.now() - started)} ms)`);
}
