// A table of files to download (the downloads page): a view's rows and columns, where a column with `code`
// shows that field of the row as code under its own value, and a `file` column ({name, size}) is a download
// link with the file's size.
import {html} from "htl";
import {dataTable} from "./card.js";
import {i18n} from "./i18n.js";

/** @param {{lang: string, rows: object[], columns: object[]}} spec @param {Record<string, Record<string, string>>} hrefs table → column → URL */
export function fileTable({lang, rows, columns}, hrefs) {
  const cell = (column, row) => {
    const value = row[column.name];
    if (column.code) return html`${value}<br><code>${row[column.code]}</code>`;
    if (column.file) {
      return html`<a class="jh-button" href=${hrefs[row.table]?.[column.name]} download=${value.name}>${column.label}</a> <span class="jh-note">${value.size}</span>`;
    }
    return column.format ? column.format(value, row) : value ?? "—";
  };
  return dataTable(rows, columns, {cell, i18n: i18n(lang), full: true});
}
