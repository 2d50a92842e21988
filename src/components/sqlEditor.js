// The explorer's SQL editor: a textarea with example queries, Ctrl/Cmd+Enter (or the button) to run,
// and the query kept in the address (?sql=…) so that a link reproduces it. The element is a view: its
// `value` is the last query run (null until one is), and it fires "input" when one is run (Framework's
// view()). A query that came with a link is shown, never run, until the reader presses run: a link is
// anybody's text.
import {html} from "htl";

/** the query in the page's address, if any */
export function sqlFromUrl(location = window.location) {
  return new URLSearchParams(location.search).get("sql") || null;
}

/**
 * @param {object} options
 * @param {string} options.value the query shown first
 * @param {boolean} [options.run] run it at once (the site's own example), or wait for the reader (a link's query)
 * @param {{id: string, label: string, sql: string}[]} options.examples
 * @param {object} options.text the explorer view's words (src/views/explorer.js)
 */
export function sqlEditor({value, run: runNow = true, examples = [], text}) {
  const textarea = html`<textarea class="jh-sql" spellcheck="false" autocomplete="off" autocapitalize="off" rows="12" aria-label=${text.sqlLabel}></textarea>`;
  textarea.value = value;
  // tall enough for the query (an example is 10–25 lines), never a whole screen
  const fit = () => (textarea.rows = Math.min(24, Math.max(8, textarea.value.split("\n").length + 1)));
  fit();
  const picker = html`<select aria-label=${text.examples}>
    <option value="">${text.choose}</option>
    ${examples.map((example) => html`<option value=${example.id}>${example.label}</option>`)}
  </select>`;
  const run = html`<button type="button" class="jh-button jh-run">${text.run} ▶</button>`;
  const copy = html`<button type="button" class="jh-button">${text.copyLink}</button>`;
  const form = html`<div class="jh-editor">
    <div class="jh-controls"><label class="jh-control"><span>${text.examples}</span>${picker}</label></div>
    ${textarea}
    <div class="jh-actions">${run}<span class="jh-note">${text.shortcut}</span>${copy}</div>
  </div>`;

  if (sqlFromUrl()) linkOtherLanguage(value);
  let current = runNow ? value : null;
  const submit = () => {
    fit();
    current = textarea.value;
    keepInUrl(current);
    form.dispatchEvent(new Event("input", {bubbles: true}));
  };
  Object.defineProperty(form, "value", {get: () => current, set: (sql) => ((textarea.value = sql), submit())});

  run.addEventListener("click", submit);
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  });
  // the textarea's own input events are not the view's (the view changes when a query is run)
  textarea.addEventListener("input", (event) => event.stopPropagation());
  picker.addEventListener("input", (event) => event.stopPropagation());
  picker.addEventListener("change", () => {
    const example = examples.find((e) => e.id === picker.value);
    if (!example) return;
    textarea.value = example.sql;
    picker.value = "";
    submit();
  });
  copy.addEventListener("click", async () => {
    keepInUrl(textarea.value);
    try {
      await navigator.clipboard.writeText(window.location.href);
      copy.textContent = text.copied;
    } catch {
      copy.textContent = window.location.href; // no clipboard permission: show the link to copy by hand
    }
    setTimeout(() => (copy.textContent = text.copyLink), 2000);
  });
  return form;
}

/** ?sql=… in the address (replaced, not pushed: the back button leaves the page), and in the language link */
function keepInUrl(sql) {
  const url = new URL(window.location.href);
  url.searchParams.set("sql", sql);
  window.history.replaceState(null, "", url);
  linkOtherLanguage(sql);
}

/** the header's link to the other language carries the query too */
function linkOtherLanguage(sql) {
  const other = document.querySelector(".jh-lang");
  if (other) {
    const link = new URL(other.href, window.location.href);
    link.searchParams.set("sql", sql);
    other.href = link.href;
  }
}

/**
 * The loaded tables, each a <details>: name (linked to its definition when `href` gives one), row count,
 * a button that puts `select * from <table>` in the editor, and its columns with their DuckDB types.
 * @param {{name: string, rows: number, columns: {name: string, type: string}[]}[]} tables
 */
export function tableList(tables, {text, open = true, href = () => null, onQuery}) {
  const list = html`<div class="jh-tablelist">${tables.map((table) => {
    const link = href(table.name);
    const name = html`<code>${table.name}</code>`;
    return html`<details class="jh-tableinfo" open=${open} data-name=${table.name}>
      <summary>${link ? html`<a href=${link}>${name}</a>` : name}
        <span class="jh-note">${text.rowsCount(table.rows)} · ${text.columnsCount(table.columns.length)}</span>
        <button type="button" class="jh-button" data-table=${table.name}>${text.insert}</button>
      </summary>
      <span class="jh-columns">${table.columns.map((column) => html`<span><code>${column.name}</code> <small>${column.type}</small></span>`)}</span>
    </details>`;
  })}</div>`;
  // a listener, not htl's onclick=${…}: htl writes that as an inline handler attribute first, which the
  // Content-Security-Policy refuses (a console error per table)
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-table]");
    if (!button) return;
    event.preventDefault();
    onQuery?.(button.dataset.table);
  });
  return list;
}
