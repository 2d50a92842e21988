// What the explorer shows for a query: how many rows came back, a quick chart chosen from the result's
// column types, the first `cap` rows as a table, and a CSV of the whole result; or DuckDB's error.
import * as Plot from "./vendor/plot.js";
import {GREYS} from "./colors.js";
import {html} from "htl";
import {dataTable, toCsv} from "./card.js";
import {i18n as i18nOf} from "./i18n.js";
import {LOCALES} from "../wording/index.js";

/**
 * @param {{columns: {name: string, type: string, kind: string}[], rows: object[], ms: number}} result
 * @param {{text: object, lang: "zh"|"en", cap?: number, width?: number, filename?: string}} options text: the explorer view's words
 */
export function queryResult(result, {text, lang, cap = 1000, width = 640, filename = "query"}) {
  const {columns, rows} = result;
  if (!columns.length) return html`<section class="card jh-card jh-result" data-rows="0"><h2>${text.result}</h2><p class="jh-note">${text.noResult}</p></section>`;
  const shown = rows.slice(0, cap);
  const chart = rows.length ? quickChart(result, {width, text, limit: cap}) : null;
  const href = URL.createObjectURL(new Blob([toCsv(rows, columns.map(csvColumn))], {type: "text/csv;charset=utf-8"}));
  // the result's column names are what a query names: shown as code
  const tableColumns = columns.map((column) => ({name: column.name, label: html`<code>${column.name}</code>`, num: isNumeric(column), type: column.type}));
  const cell = (column, row) => formatValue(row[column.name], LOCALES[lang]);
  return html`<section class="card jh-card jh-result" data-rows=${rows.length} data-shown=${shown.length}>
    <h2>${text.result}</h2>
    <p class="jh-takeaway jh-count">${text.returned(rows.length, result.ms)}</p>
    ${rows.length > cap ? html`<p class="jh-note jh-capped">${text.capped(cap)}</p>` : null}
    ${rows.length ? null : html`<p class="jh-note">${text.noRows}</p>`}
    ${chart}
    ${rows.length ? dataTable(shown, tableColumns, {cell, i18n: i18nOf(lang)}) : null}
    <div class="jh-actions"><a class="jh-button jh-download" href=${href} download=${`${filename}.csv`}>${text.download}</a>
    <span class="jh-note jh-types">${columns.map((column, i) => html`${i ? " · " : ""}<code>${column.name}</code> ${sqlType(column.type)}`)}</span></div>
  </section>`;
}

/** a query that came with the link, shown in the editor and not run yet */
export function queryWaiting({text}) {
  return html`<section class="card jh-card jh-waiting" role="status">
    <h2>${text.waitingTitle}</h2>
    <p class="jh-note">${text.waiting}</p>
  </section>`;
}

/** DuckDB's message in a box; the page stays usable */
export function queryError(error, {text}) {
  return html`<section class="card jh-card jh-result jh-error" role="alert">
    <h2>${text.error}</h2>
    <pre class="jh-error-message">${errorMessage(error)}</pre>
    <p class="jh-note">${text.errorHint}</p>
  </section>`;
}

/** DuckDB's message, with a repeated block (DuckDB-WASM repeats the LINE … context) shown once */
export function errorMessage(error) {
  const blocks = String(error?.message ?? error).trim().split(/\n\s*\n/);
  return blocks.filter((block, i) => !blocks.slice(0, i).some((earlier) => earlier.trim() === block.trim())).join("\n\n");
}

/** an Arrow type as DuckDB names it (Utf8 → VARCHAR …), for the line under the result */
export function sqlType(type) {
  const names = {Utf8: "VARCHAR", LargeUtf8: "VARCHAR", Float64: "DOUBLE", Float32: "FLOAT", Int8: "TINYINT", Int16: "SMALLINT", Int32: "INTEGER", Int64: "BIGINT",
    Uint8: "UTINYINT", Uint16: "USMALLINT", Uint32: "UINTEGER", Uint64: "UBIGINT", Bool: "BOOLEAN", "Date32<DAY>": "DATE", "Date64<MILLISECOND>": "DATE", Null: "NULL"};
  if (names[type]) return names[type];
  const list = /^List<(.*)>$/.exec(type);
  if (list) return `${sqlType(list[1])}[]`;
  if (/^Timestamp/.test(type)) return "TIMESTAMP";
  return type;
}

const NUMERIC = new Set(["integer", "bigint", "number"]);
const isNumeric = (column) => NUMERIC.has(column.kind);
// a column that orders in time even as text: 2025Q3, 2025-2026, 2025-09-01
const TIME_TEXT = /^(\d{4}Q[1-4]|\d{4}-\d{4}|\d{4}-\d{2}-\d{2})$/;
const INTERVAL = ["ci_low", "ci_high"];
const REFERENCE = ["target", "threshold"];

/**
 * A chart chosen from the column types (null when nothing numeric):
 * time (a date, or text like 2025Q3 / 2025-2026) and a number → lines, one per category of a short text column;
 * text and a number → horizontal bars in the result's order, dots with ci_low–ci_high lines when those
 * columns are there, a rule at a `target`/`threshold` column's value;
 * two numbers → a scatter plot.
 * The number is the first numeric column that is not a count (n_…), an interval end or a reference.
 */
export function quickChart({columns, rows}, {width = 640, text, limit = 1000}) {
  rows = rows.slice(0, limit);
  const numbers = columns.filter((column) => isNumeric(column) && rows.some((row) => typeof row[column.name] === "number"));
  if (!numbers.length) return html`<p class="jh-note jh-chart-note">${text.noChart}</p>`;
  const measures = numbers.filter((column) => !INTERVAL.includes(column.name) && !REFERENCE.includes(column.name));
  const y = (measures.find((column) => !/^n_/.test(column.name)) ?? measures[0] ?? numbers[0]).name;
  const isTime = (column) =>
    column.kind === "date" || (column.kind === "string" && rows.every((row) => row[column.name] == null || TIME_TEXT.test(row[column.name])));
  const texts = columns.filter((column) => (column.kind === "string" || column.kind === "boolean") && !isTime(column));
  const time = columns.find(isTime);
  const style = {fontSize: "12px"};
    // the caption names the columns drawn (as code), so the axes carry no titles
  const figure = (caption, plot) => html`<figure class="jh-figure jh-quick-chart">${plot}<figcaption class="jh-note">${caption.map((part) => (typeof part === "string" ? part : html`<code>${part.code}</code>`))}</figcaption></figure>`;

  if (time) {
    const series = texts.find((column) => {
      const n = new Set(rows.map((row) => row[column.name])).size;
      return n >= 2 && n <= 12;
    });
    const z = series?.name;
    const ordered = [...rows].sort((a, b) => (a[time.name] < b[time.name] ? -1 : a[time.name] > b[time.name] ? 1 : 0));
    return figure(
      text.chartLine(time.name, y, z),
      Plot.plot({
        width,
        height: 320,
        style,
        marginLeft: 56,
        x: time.kind === "date" ? {label: null, type: "utc"} : {label: null, type: "point"},
        y: {label: null, grid: true, zero: rows.every((row) => row[y] == null || row[y] >= 0)},
        color: z ? {legend: true, label: null} : undefined,
        marks: [
          Plot.line(ordered, {x: time.name, y, stroke: z, z, strokeWidth: 2}),
          Plot.dot(ordered, {x: time.name, y, fill: z, r: 3, title: (row) => `${row[time.name]}${z ? ` · ${row[z]}` : ""}: ${row[y]}`})
        ]
      })
    );
  }

  if (texts.length) {
    const BARS = 50;
    const category = texts[0].name;
    const top = rows.slice(0, BARS).filter((row) => row[y] != null);
    const labels = top.map((row) => String(row[category] ?? "—"));
    const label = (row) => String(row[category] ?? "—");
    const domain = [...new Set(labels)];
    const longest = Math.max(...domain.map((d) => [...d].reduce((w, ch) => w + (ch.charCodeAt(0) > 255 ? 12 : 7), 0)));
    const marginLeft = Math.min(Math.max(60, longest + 20), Math.round(width * 0.45));
    const hasInterval = INTERVAL.every((name) => columns.some((column) => column.name === name));
    const reference = numbers.find((column) => REFERENCE.includes(column.name) && column.name !== y);
    const referenceValue = reference ? top.find((row) => typeof row[reference.name] === "number")?.[reference.name] : undefined;
    const title = (row) => `${label(row)}: ${row[y]}${hasInterval ? ` [${row.ci_low}, ${row.ci_high}]` : ""}`;
    const marks = hasInterval
      ? [
          Plot.ruleX([0], {stroke: GREYS.none}),
          Plot.ruleY(top, {y: label, x1: "ci_low", x2: "ci_high", stroke: GREYS.series}),
          Plot.dot(top, {y: label, x: y, fill: "var(--jh-urban)", r: 3.5, title})
        ]
      : [Plot.barX(top, {y: label, x: y, fill: "var(--jh-urban)", title}), Plot.ruleX([0])];
    if (referenceValue != null) marks.push(Plot.ruleX([referenceValue], {stroke: "var(--jh-accent)", strokeDasharray: "4,3", strokeWidth: 1.5}));
    return figure(
      [...(hasInterval ? text.chartInterval : text.chartBar)(category, y, rows.length > BARS ? BARS : 0), ...(reference ? text.chartReference(reference.name) : [])],
      Plot.plot({
        width,
        height: Math.max(120, domain.length * 20 + 50),
        style,
        marginLeft,
        marginRight: 24,
        marginBottom: 30,
        x: {label: null, grid: true},
        y: {label: null, domain, tickFormat: (d) => truncate(d, Math.floor((marginLeft - 20) / 12) * 2)},
        marks
      })
    );
  }

  if (numbers.length >= 2) {
    const x = numbers.find((column) => column.name !== y).name;
    return figure(
      text.chartDot(x, y),
      Plot.plot({
        width,
        height: 360,
        style,
        marginLeft: 56,
        x: {label: null, grid: true},
        y: {label: null, grid: true},
        marks: [Plot.dot(rows, {x, y, r: 3, fill: "var(--jh-urban)", fillOpacity: 0.7, title: (row) => `${x}: ${row[x]}, ${y}: ${row[y]}`})]
      })
    );
  }
  return html`<p class="jh-note jh-chart-note">${text.noChart}</p>`;
}

/** a label cut to about `units` half-width characters (a CJK character counts two) */
function truncate(label, units) {
  let used = 0;
  let out = "";
  for (const ch of String(label)) {
    used += ch.charCodeAt(0) > 255 ? 2 : 1;
    if (used > units) return out + "…";
    out += ch;
  }
  return out;
}

/** a value as the table shows it: numbers with up to six decimals, dates ISO, lists joined, NULL as — */
export function formatValue(value, locale) {
  if (value == null) return "—";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toLocaleString(locale, {maximumFractionDigits: 6, useGrouping: false});
  if (value instanceof Date) return isMidnight(value) ? value.toISOString().slice(0, 10) : value.toISOString().replace("T", " ").replace(/\.000Z$/, "Z");
  if (Array.isArray(value)) return `[${value.map((item) => formatValue(item, locale)).join(", ")}]`;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function isMidnight(date) {
  return date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
}

/** CSV: the value exactly (numbers unrounded, timestamps with their time) */
function csvColumn(column) {
  return {
    name: column.name,
    csv: (row) => {
      const value = row[column.name];
      if (value instanceof Date) return isMidnight(value) ? value.toISOString().slice(0, 10) : value.toISOString();
      if (value != null && typeof value === "object" && !Array.isArray(value)) return JSON.stringify(value);
      return value;
    }
  };
}
