// The explorer's database: DuckDB-WASM started once, every published table loaded from its Arrow file, the
// configured targets as a table, then locked; and the status line that says how far it is.
import {html} from "htl";
import {duckdbClient} from "./duckdbClient.js";

/**
 * @param {{files: Record<string, string>, targets: Record<string, unknown>, onProgress?: (p: object) => void}} options
 *   files: table name → Arrow file URL
 */
export async function openExplorerDb({files, targets = {}, onProgress}) {
  const client = await duckdbClient({onProgress});
  await client.loadArrowFiles(Object.entries(files).map(([name, url]) => ({name, url})));
  // the configured targets as a table, to compare against: one row per numeric target
  await client.query("create or replace table targets (target varchar, value double)");
  for (const [target, value] of Object.entries(targets)) {
    if (typeof value === "number") await client.query("insert into targets values (?, ?)", [target, value]);
  }
  // every table is in: from here no query can read another host or load an extension
  await client.lock();
  return client;
}

/** the line under the title while DuckDB loads: `words` are the explorer view's status texts */
export function loadingStatus(words) {
  const message = html`<span>${words.starting}</span>`;
  const bar = html`<progress></progress>`;
  const element = html`<div class="jh-status" role="status" aria-live="polite">${message} ${bar}</div>`;
  const started = performance.now();
  element.progress = ({phase, loaded, total}) => {
    if (phase === "wasm") message.textContent = words.wasm(loaded);
    else if (phase === "tables") message.textContent = words.tables(loaded, total);
    if (total && (phase === "wasm" || phase === "tables")) Object.assign(bar, {value: loaded, max: total});
  };
  element.failed = (error) => {
    message.textContent = words.failed(error?.message ?? String(error));
    element.classList.add("jh-error");
    bar.remove();
    throw error;
  };
  element.ready = (n, version) => {
    bar.remove();
    message.textContent = words.ready(n, version, performance.now() - started);
  };
  return element;
}
