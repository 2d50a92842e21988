// Runs the pipeline on dropped files, in this tab: the pipeline's own code (vendor/ingest.js, bundled from
// pipelines/ at prepare time) stages the files in a Web Worker and runs the contract's checks and the model
// files in DuckDB-WASM. Returns what the page shows: per-file counts, rejects, warnings and the marts it
// charts. Nothing is sent anywhere: the only requests are for the site's own scripts and DuckDB's .wasm.
import {html} from "htl";
import {duckdbClient} from "./duckdbClient.js";
import {ingestDropped, UploadProblems, MODELS} from "./vendor/ingest.js";
import {ident} from "./vendor/sql.js";

/** the marts the page shows, read back from DuckDB-WASM after the models ran */
const MARTS = {
  headline: "select * from headline order by period, county",
  coverage: "select * from coverage order by period",
  urban_rural_gap: "select * from urban_rural_gap",
  value_added_school: "select * from value_added_school",
  value_added_group: "select * from value_added_group",
  exams: "select distinct exam_id, exam_name, exam_date, grade, exam_scope from exam_school order by exam_date, exam_id"
};

/**
 * @param {{files: {path: string, blob: Blob}[], loosePeriod: string, workerUrl: string, onProgress?: (p: object) => void, onDb?: (p: object) => void}} options
 * @returns {Promise<{ok: true, result: object, marts: Record<string, object[]>} | {ok: false, problems: object[]}>}
 */
export async function runUpload({files, loosePeriod, workerUrl, onProgress, onDb}) {
  // DuckDB starts (its .wasm fetched and compiled, the first time) while the worker stages the files: nothing
  // reaches it before the first staged file is registered. Locked before any dropped file arrives: DuckDB then
  // reads only what this page registers (registerBytes), and the lock holds for a second drop too.
  const ready = (async () => {
    const client = await duckdbClient({onProgress: onDb});
    await client.lock();
    await resetDatabase(client);
    return client;
  })();
  // a failed start is reported where the pipeline first needs DuckDB (or by the close below), not as unhandled
  ready.catch(() => {});
  const engine = {
    run: async (sql) => (await ready).run(sql),
    all: async (sql) => (await ready).all(sql)
  };
  try {
    const result = await ingestDropped({
      files,
      loosePeriod,
      engine,
      registerFile: async (name, bytes) => (await ready).registerBytes(name, bytes),
      workerUrl,
      models: MODELS,
      onProgress
    });
    const client = await ready;
    const marts = {};
    for (const [name, sql] of Object.entries(MARTS)) marts[name] = (await client.query(sql)).rows;
    return {ok: true, result, marts};
  } catch (error) {
    if (error instanceof UploadProblems) return {ok: false, problems: error.problems};
    throw error;
  } finally {
    await (await ready).close();
  }
}

/** a second drop starts from an empty database (one DuckDB per page) */
async function resetDatabase(client) {
  const rows = await client.all(
    "select table_schema as s, table_name as t, table_type as k from information_schema.tables where table_schema in ('main', 'temp')"
  );
  for (const {s, t, k} of rows) await client.run(`drop ${k === "VIEW" ? "view" : "table"} if exists ${ident(s)}.${ident(t)}`);
}

/** one line per file with a progress bar, updated as the worker reports */
export function progressList(names, {text}) {
  const bars = new Map();
  const list = html`<ol class="jh-files" aria-live="polite">${names.map((name) => {
    const bar = html`<progress max="1" value="0"></progress>`;
    const rows = html`<span class="jh-rows"></span>`;
    bars.set(name, {bar, rows});
    return html`<li><code>${name}</code>${bar}${rows}</li>`;
  })}</ol>`;
  const stage = html`<p class="jh-note"></p>`;
  const element = html`<div class="jh-progress-list">${stage}${list}</div>`;
  element.update = (progress) => {
    if (progress.stage === "stage") {
      const entry = bars.get(progress.name);
      if (!entry) return;
      entry.bar.value = progress.total ? progress.bytes / progress.total : 1;
      entry.rows.textContent = text.rows(progress.rows);
    } else if (progress.stage === "check") stage.textContent = text.checking(progress.file);
    else if (progress.stage === "models") stage.textContent = text.models(progress.done, progress.total);
    else if (progress.stage === "db") stage.textContent = progress.message;
  };
  return element;
}
