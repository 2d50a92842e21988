// "This quarter's revisions to earlier figures" on the methodology page: from the edition's manifest (its
// `revisions` summary, pipelines/revisions.ts) and the published table revisions' lines about earlier periods
// (src/data/tables/revisions_earlier.json). A count by table, then the first lines, with a download of all.
import {formats, wording} from "../wording/index.js";
import revisionsWording from "../wording/revisions.js";

const {t, column} = wording(revisionsWording);

/** how many lines the page lists; the rest are in the download */
export const LIMIT = 50;

const KINDS = ["changed", "withheld", "removed", "added"];

/**
 * @param {{lines: object[], manifest: object, titles?: Record<string, string>}} data the revisions' lines
 *   about earlier periods, the edition's manifest, and each table's title in the page's language
 * @param {"zh"|"en"} lang
 * @param {{limit?: number}} [options]
 */
export function revisionsView({lines, manifest, titles = {}}, lang, {limit = LIMIT} = {}) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `revisions.${key}`, params);
  const summary = manifest.revisions;
  const base = {lang, full: true, open: true};
  const period = (value) => (value == null ? "—" : /^\d{4}Q[1-4]$/.test(value) ? f.period(value) : value);
  const titleOf = (table) => titles[table] ?? table;

  if (!summary || summary.first_release) {
    return {title: w("title"), lead: w("lead"), summary: w("first"), byTable: null, lines: null, download: null};
  }
  const earlier = lines.filter((line) => line.earlier_period === true);
  const counts = new Map();
  for (const line of earlier) {
    const entry = counts.get(line.table_name) ?? {table: line.table_name, changed: 0, withheld: 0, removed: 0, added: 0, total: 0};
    entry[line.kind] = (entry[line.kind] ?? 0) + 1;
    entry.total += 1;
    counts.set(line.table_name, entry);
  }
  const byTable = [...counts.values()].sort((a, b) => b.total - a.total || (a.table < b.table ? -1 : 1));
  const inputs = summary.inputs ?? {changed: [], added: [], removed: []};
  const changedFiles = [...inputs.changed, ...inputs.removed];
  const newRows = Object.values(summary.by_table ?? {}).reduce((sum, entry) => sum + (entry.added ?? 0), 0) - earlier.filter((line) => line.kind === "added").length;
  const sentences = [
    w("since", {date: f.dateTime(summary.previous?.started_at), asOf: f.date(summary.previous?.as_of_date)}),
    earlier.length ? w("some", {n: f.num(earlier.length), tables: f.num(byTable.length)}) : w("none"),
    changedFiles.length ? w("inputs", {files: f.list(changedFiles)}) : inputs.added.length ? null : w("inputsNone"),
    newRows > 0 ? w("added", {n: f.num(newRows)}) : null
  ].filter(Boolean);

  const shown = earlier.slice(0, limit);
  const kind = (value) => w(`kind.${value}`);
  return {
    title: w("title"),
    lead: w("lead"),
    summary: f.sentences(sentences),
    byTable: byTable.length
      ? {
          ...base,
          filename: "revisions_by_table",
          title: w("byTable.title"),
          takeaway: w("byTable.takeaway", {table: titleOf(byTable[0].table), n: f.num(byTable[0].total)}),
          rows: byTable,
          columns: [
            {name: "name", label: w("byTable.name"), format: (_, row) => titleOf(row.table)},
            {name: "table", label: column(lang, "table_name"), code: true},
            ...KINDS.map((name) => ({name, label: kind(name), num: true, format: f.num})),
            {name: "total", label: w("byTable.total"), num: true, format: f.num}
          ]
        }
      : null,
    lines: shown.length
      ? {
          ...base,
          filename: "revisions_first",
          title: w("lines.title"),
          takeaway: earlier.length > shown.length ? w("lines.takeaway", {shown: f.num(shown.length), n: f.num(earlier.length)}) : w("lines.all", {n: f.num(earlier.length)}),
          rows: shown,
          columns: [
            {name: "table_name", label: column(lang, "table_name"), code: true},
            {name: "row_key", label: column(lang, "row_key"), code: true, format: (value) => value ?? w("wholeTable")},
            {name: "period", label: column(lang, "period"), format: period},
            {name: "kind", label: column(lang, "kind"), format: kind},
            {name: "column_name", label: column(lang, "column_name"), code: true, format: (value, row) => value ?? (row.row_key == null ? w("wholeTable") : w("wholeRow"))},
            {name: "old_value", label: column(lang, "old_value"), code: true, format: (value) => value ?? "—"},
            {name: "new_value", label: column(lang, "new_value"), code: true, format: (value) => value ?? "—"}
          ]
        }
      : null,
    download: earlier.length > 0 ? {label: w("download"), table: "revisions"} : null
  };
}
