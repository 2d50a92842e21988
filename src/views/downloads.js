// The downloads page (src/downloads.md): every published table with its CSV and Parquet files, named by
// what it holds (the Chinese or English title of its definition on the methodology page), and the run
// manifest and configuration.
import {formats, wording} from "../wording/index.js";
import downloadsWording from "../wording/downloads.js";

const {t} = wording(downloadsWording);

/**
 * @param {{manifest: object, methodology: Record<string, string>}} tables the run manifest and the marts'
 *   definitions (methodology.json: table → its bilingual markdown)
 * @param {object} config
 * @param {"zh"|"en"} lang
 */
export function downloadsView({manifest, methodology}, config, lang) {
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
  return {
    lang,
    title: w("title"),
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
    other: [
      {key: "manifest", file: "manifest.json", text: w("other.manifest")},
      {key: "config", file: "config.json", text: w("other.config")}
    ],
    otherTitle: w("other.title")
  };
}

const HEADINGS = {zh: /^## 中文[：:]\s*(.+)$/m, en: /^## English:\s*(.+)$/m};

/** a definition's title in `lang`: "## 中文：集团化办学覆盖率" / "## English: Group coverage" */
export function titleOf(source, lang) {
  const match = (HEADINGS[lang] ?? HEADINGS.zh).exec(source ?? "");
  return match ? match[1].trim() : null;
}
