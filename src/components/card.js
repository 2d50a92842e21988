// The chart card every chart goes through: title, one-line takeaway, the chart (a <figure> named by the
// takeaway), a note on suppressed values when there are any, a <details> data table and a CSV download of
// exactly the rows and columns the table shows. Suppressed values read "<n" in the table and in the CSV,
// never 0.
//
// A converted page hands it a view's card spec (src/views/, docs/site.md) and the chart drawn for it:
//   display(card(v.coverageTrend, resize(draw(trendChart, v.coverageTrend))))
import {html} from "htl";
import {csvField} from "./vendor/csv.js";
import {i18n as i18nOf} from "./i18n.js";

/**
 * @param {object} spec
 * @param {string} spec.title
 * @param {string} spec.takeaway one line: what the chart says
 * @param {Node} [spec.chart] the chart (or any node); omitted for table-only cards
 * @param {object[]} spec.rows the rows the chart shows
 * @param {{name: string, label?: string, format?: (value: any, row: object) => string, num?: boolean, code?: boolean, md?: boolean, suppressed?: (row: object) => boolean, href?: (row: object) => string}[]} spec.columns
 *   (href: the cell links there, e.g. a group's page; code: a published name shown as code; md: text whose
 *   `names` in backticks are shown as code)
 * @param {string} spec.filename CSV name without extension
 * @param {"zh"|"en"} [spec.lang] the page's language (a view's card), or
 * @param {ReturnType<import("./i18n.js").i18n>} [spec.i18n] the older pages' i18n(lang)
 * @param {number} spec.minN the configured suppression size
 * @param {string} [spec.note]
 * @param {string} [spec.withheld] the reason's code when the card stands in the place of what the site's
 *   edition leaves out (src/views/edition.js): only the title, the reason and the rule
 * @param {boolean} [spec.open] show the table open (table-only cards)
 * @param {boolean} [spec.full] the table is the card's content: no inner scroll box, long text wraps
 * @param {boolean} [spec.fold] a table-only card's long table behind a closed "show the table" toggle (the
 *   methodology's codebook until the reader searches it)
 * @param {Node | [string, string, boolean?][]} [spec.legend] a node, or [label, colour, dashed] entries for swatches
 * @param {Node} [chart] the chart node (older pages pass it as spec.chart)
 */
export function card(spec, chart = spec.chart) {
  const {title, takeaway, rows, columns, filename, lang, minN = 10, note, open = false} = spec;
  const i18n = spec.i18n ?? i18nOf(lang);
  const legend = Array.isArray(spec.legend) ? (spec.legend.length ? swatches(spec.legend) : null) : spec.legend;
  const cell = (column, row) => {
    if (column.suppressed?.(row)) return `<${minN}`;
    const value = row[column.name];
    return column.format ? column.format(value, row) : value == null ? "—" : String(value);
  };
  const anySuppressed = rows.some((row) => columns.some((column) => column.suppressed?.(row)));
  const table = dataTable(rows, columns, {cell, i18n, full: spec.full});
  // a real link to a Blob of the CSV: right-click "save as" works, and a test can fetch what it holds
  const href = URL.createObjectURL(new Blob([toCsv(rows, columns, minN)], {type: "text/csv;charset=utf-8"}));
  const download = html`<a class="jh-button jh-download" href=${href} download=${`${filename}.csv`}>${i18n.t(chart ? "downloadCsv" : "downloadTableCsv")}</a>`;
  // a card in the place of what the site's edition leaves out (src/views/edition.js) says so by its class
  return html`<section class=${spec.withheld ? "card jh-card jh-withheld" : "card jh-card"} data-card=${filename} data-withheld=${spec.withheld || undefined}>
    <h2>${title}</h2>
    ${takeaway ? html`<p class="jh-takeaway">${takeaway}</p>` : null}
    ${legend ?? null}
    ${chart ? html`<figure class="jh-figure" aria-label=${takeaway || title}>${chart}</figure>` : null}
    ${anySuppressed ? html`<p class="jh-note">${i18n.t("suppressedNote", {n: minN})}</p>` : null}
    ${note ? html`<p class="jh-note">${note}</p>` : null}
    ${!rows.length
      ? // nothing to tabulate: the takeaway says why; an empty table and an empty CSV would add nothing
        takeaway ? null : table
      : chart || spec.fold
        ? html`<details open=${chart ? open : false}><summary>${i18n.t("showTable")} (${i18n.t("rowsShown", {n: rows.length})})</summary>${table}</details>`
        : table}
    ${rows.length ? html`<div class="jh-actions">${download}</div>` : null}
  </section>`;
}

export function dataTable(rows, columns, {cell, i18n, full = false}) {
  if (!rows.length) return html`<p class="jh-note">${i18n.t("noData")}</p>`;
  const head = columns.map((column) => html`<th class=${column.num ? "num" : ""} scope="col" data-column=${column.name}>${column.label ?? i18n.column(column.name)}</th>`);
  const body = rows.map(
    (row) => html`<tr>${columns.map((column) => {
      const suppressed = column.suppressed?.(row);
      const text = cell(column, row);
      const href = !suppressed && column.href?.(row);
      // a published name a researcher needs (a column, a table, a file): shown as code
      const shown = column.code && text ? html`<code>${text}</code>` : column.md && text ? withCode(text) : text;
      return html`<td class="${column.num ? "num" : ""}${suppressed ? " jh-suppressed" : ""}">${href ? html`<a href=${href}>${shown}</a>` : shown}</td>`;
    })}</tr>`
  );
  return html`<div class=${`jh-table-wrap${full ? " jh-full" : ""}`} tabindex="0"><table class="jh-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** text whose `names` in backticks are shown as code (a column `md: true`, e.g. the codebook's meanings) */
function withCode(text) {
  return String(text)
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? html`<code>${part.slice(1, -1)}</code>` : part));
}

/**
 * CSV of exactly the columns shown, raw values (dates ISO), suppressed cells as "<n"; BOM for Excel. Text
 * that a spreadsheet would run as a formula is neutralised (pipelines/csv-rule.ts).
 */
export function toCsv(rows, columns, minN = 10) {
  const lines = [columns.map((column) => csvField(column.csvHeader ?? column.name)).join(",")];
  for (const row of rows) {
    lines.push(columns.map((column) => (column.suppressed?.(row) ? `<${minN}` : csvField(column.csv ? column.csv(row) : row[column.name]))).join(","));
  }
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

/** for resize(): the chart component drawn with a view card's `data` and `options` at the page's width */
export function draw(component, spec) {
  return (width) => component(spec.data, {width, ...spec.options});
}

/** a legend of swatches (Plot's own legend is a separate figure; this one reads in both languages) */
export function swatches(entries) {
  return html`<div class="jh-legend">${entries.map(([label, color, dashed]) => html`<span><i style=${dashed ? `border:2px dashed ${color};background:none;width:1rem;height:0;border-radius:0;vertical-align:0.2rem` : `background:${color}`}></i>${label}</span>`)}</div>`;
}
