// The downloads page (src/downloads.md): every published table with its CSV and Parquet files, named by
// what it holds (the Chinese or English title of its definition on the methodology page), the whole edition
// as one zip with its data package and recommended citation (docs/release.md), and the run manifest and
// configuration.
import {formats, wording} from "../wording/index.js";
import downloadsWording from "../wording/downloads.js";
import siteWording from "../wording/site.js";

const {t} = wording(downloadsWording, siteWording);

/**
 * @param {{manifest: object, methodology: Record<string, string>, report?: object|null}} tables the run manifest,
 *   the marts' definitions (methodology.json: table → its bilingual markdown) and the quarterly report's
 *   files (report.json, written by pipelines/site/report-files.ts; null when the site has none)
 * @param {object} config
 * @param {"zh"|"en"} lang
 */
export function downloadsView({manifest, methodology, report = null}, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `downloads.${key}`, params);
  const size = (bytes) => (bytes >= 1e6 ? w("size.mb", {n: f.num(bytes / 1e6, 1)}) : w("size.kb", {n: f.num(Math.max(1, bytes / 1e3), 0)}));
  const file = (p, ext) => {
    const found = p.files.find((entry) => entry.file.endsWith(`.${ext}`));
    return {name: `${p.table}.${ext}`, size: found ? size(found.bytes) : "—"};
  };
  const rows = manifest.published
    .filter((p) => p.table !== "config")
    .map((p) => ({table: p.table, about: titleOf(methodology[p.table], lang) ?? p.grain, rows: p.rows, csv: file(p, "csv"), parquet: file(p, "parquet")}));
  // what this edition leaves out, and why (docs/editions.md): a table-only card, none in the internal edition
  const left = manifest.left_out ?? {tables: [], columns: [], rows: []};
  const aboutOf = (table) => titleOf(methodology[table], lang) ?? table;
  const reasonOf = (item) => t(lang, `site.withheld.${item.reason.code}`);
  const leftRows = [
    ...left.tables.map((item) => ({table: item.table, about: aboutOf(item.table), part: w("leftOut.whole"), reason: reasonOf(item)})),
    ...left.columns.map((item) => ({table: item.table, about: aboutOf(item.table), part: w("leftOut.columns", {n: f.num(item.columns.length)}), columns: item.columns.join(", "), reason: reasonOf(item)})),
    ...left.rows.map((item) => ({table: item.table, about: aboutOf(item.table), part: w("leftOut.rows"), reason: reasonOf(item)}))
  ];
  const leftOutCard = leftRows.length
    ? {
        lang,
        minN: config.min_n,
        filename: "left_out",
        title: w("leftOut.title"),
        takeaway: w("leftOut.takeaway", {edition: t(lang, `site.edition.${manifest.edition}`)}),
        note: t(lang, "site.withheld.rule"),
        full: true,
        rows: leftRows,
        columns: [
          {name: "about", label: w("column.table")},
          {name: "table", label: w("leftOut.name"), code: true},
          {name: "part", label: w("leftOut.part")},
          {name: "columns", label: w("leftOut.columnNames"), code: true},
          {name: "reason", label: w("leftOut.reason")}
        ]
      }
    : null;
  return {
    lang,
    title: w("title"),
    edition: t(lang, `site.edition.${manifest.edition ?? "internal"}`),
    leftOut: leftOutCard,
    lead: w("lead"),
    asOf: w("asOf", {date: f.date(manifest.as_of_date), at: f.dateTime(manifest.run.finished_at)}),
    files: {
      lang,
      title: w("files.title"),
      takeaway: w("files.takeaway", {n: f.num(rows.length), rows: f.num(rows.reduce((sum, row) => sum + row.rows, 0))}),
      rows,
      // `code`: the row's name to type (the Explorer's table name) under what it holds; `file`: a download link with its size
      columns: [
        {name: "about", label: w("column.table"), code: "table"},
        {name: "rows", label: w("column.rows"), num: true, format: f.num},
        {name: "csv", label: w("column.csv"), file: true},
        {name: "parquet", label: w("column.parquet"), file: true}
      ]
    },
    release: releaseOf(manifest, w, size),
    citation: manifest.citation
      ? {title: w("cite.title"), text: manifest.citation[lang], note: w("cite.note", {licence: manifest.citation.licence})}
      : null,
    // the quarterly report of this edition (junheng report), when one was made from these tables
    report: report
      ? {
          title: w("report.title"),
          lead: w("report.lead", {period: f.period(report.period), edition: t(lang, `site.edition.${manifest.edition ?? "internal"}`), date: f.date(report.date)}),
          files: [
            {key: "docx", file: report.docx.file, label: w("report.docx"), size: size(report.docx.bytes)},
            {key: "pdf", file: report.pdf.file, label: w("report.pdf"), size: size(report.pdf.bytes)}
          ]
        }
      : null,
    other: [
      {key: "manifest", file: "manifest.json", text: w("other.manifest")},
      {key: "config", file: "config.json", text: w("other.config")}
    ],
    otherTitle: w("other.title")
  };
}

/**
 * The whole edition as one download (docs/release.md): the zip, and the files of it a reader may want alone
 * (datapackage.json, the citation, the methodology), each with its size; null for an output without them.
 */
export function releaseOf(manifest, w, size) {
  const files = manifest.release ?? [];
  const archive = files.find((entry) => entry.file.endsWith(".zip"));
  if (!archive) return null;
  const kinds = [
    [/\.zip$/, "zip"],
    [/^datapackage\.json$/, "datapackage"],
    [/^methodology\.md$/, "methodology"],
    [/^CITATION\.cff$/, "citation"]
  ];
  const kindOf = (file) => kinds.find(([pattern]) => pattern.test(file))?.[1];
  return {
    title: w("release.title"),
    // the file's name is in the list below, as code: a name a reader types, not words
    takeaway: w("release.takeaway", {size: size(archive.bytes)}),
    files: files
      .filter((entry) => kindOf(entry.file))
      .sort((a, b) => kinds.findIndex(([p]) => p.test(a.file)) - kinds.findIndex(([p]) => p.test(b.file)))
      .map((entry) => ({file: entry.file, size: size(entry.bytes), text: w(`release.${kindOf(entry.file)}`)}))
  };
}

const HEADINGS = {zh: /^## 中文[：:]\s*(.+)$/m, en: /^## English:\s*(.+)$/m};

/** a definition's title in `lang`: "## 中文：集团化办学覆盖率" / "## English: Group coverage" */
export function titleOf(source, lang) {
  const match = (HEADINGS[lang] ?? HEADINGS.zh).exec(source ?? "");
  return match ? match[1].trim() : null;
}
