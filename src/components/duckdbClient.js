// DuckDB-WASM in the browser, started once per page, with tables loaded from Arrow IPC files, CSV text
// or rows. The client is a SqlEngine (run/all, the pipeline's query contract: vendor/sql.js, bundled from
// pipelines/sql.ts and wasm-engine.ts), which the bring-your-own-data page hands to the pipeline; the explorer
// also uses query(sql) → {columns, rows, ms} for its result grid, and tables() for what is loaded.
//
// Offline by construction: the .wasm and the worker are files of the @duckdb/duckdb-wasm package that the
// build copies into dist/ (import.meta.resolve), and DuckDB is told never to install or load extensions
// (it would fetch them from DuckDB's extension server). Parquet therefore cannot be read here: Arrow and CSV.
// Once a page has its tables, lock() shuts DuckDB in: it reads only the files the page registered itself,
// under FILES, and no query can reach another host or change that back.
import * as duckdb from "@duckdb/duckdb-wasm";
import {ident, lit, wasmEngine} from "./vendor/sql.js";

/** the one folder DuckDB may read once locked: files this page registers (registerBytes, loadCsv) */
const FILES = "/junheng/";

// the order matters: allowed_directories before enable_external_access (which then admits only FILES), and
// lock_configuration last, so that a query can turn none of them back on
const LOCK = [
  "set autoinstall_known_extensions = false",
  "set autoload_known_extensions = false",
  "set allow_community_extensions = false",
  `set allowed_directories = ['${FILES}']`,
  "set enable_external_access = false",
  "set lock_configuration = true"
];

// INSTALL is a no-op in DuckDB-WASM (LOAD fetches, and the lock refuses LOAD): say so instead of "OK"
const INSTALL_REFUSED = "此页面不能安装 DuckDB 扩展：本站的 DuckDB 只读取本站自己的数据。\nInstalling DuckDB extensions is disabled on this page: this site's DuckDB reads only the site's own data.";

const BUNDLES = {
  mvp: {
    mainModule: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm"),
    mainWorker: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js")
  },
  eh: {
    mainModule: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"),
    mainWorker: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js")
  }
};

let started; // one DuckDB per page: a second call shares the first one's worker
let locked; // and its lock, once taken

/**
 * Start DuckDB-WASM (once) and open a connection.
 * @param {{onProgress?: (event: {phase: string, loaded?: number, total?: number, table?: string}) => void}} [options]
 */
export async function duckdbClient({onProgress = () => {}} = {}) {
  started ??= startDb(onProgress);
  const db = await started;
  const connection = await db.connect();
  return new DuckDBClient(db, connection, onProgress);
}

async function startDb(onProgress) {
  onProgress({phase: "start"});
  // the exception-handling build where the browser has wasm exceptions (every current one), else mvp
  const bundle = await duckdb.selectBundle(BUNDLES);
  // the .wasm is fetched here and handed to the worker as a Blob typed application/wasm: DuckDB compiles it
  // with instantiateStreaming, which refuses a file served with another type (IIS, older nginx, python -m
  // http.server on some systems), and this also gives a byte progress
  const wasm = URL.createObjectURL(await download(bundle.mainModule, (loaded, total) => onProgress({phase: "wasm", loaded, total})));
  // a worker started from a blob: URL inherits the page's Content-Security-Policy (one started from its
  // own URL would run under none, free to fetch any host); the script itself is still the site's file
  // (a module: the build turns the worker into one)
  const script = URL.createObjectURL(new Blob([`import ${JSON.stringify(bundle.mainWorker)};`], {type: "text/javascript"}));
  const worker = new Worker(script, {type: "module"});
  const failed = new Promise((_, reject) => worker.addEventListener("error", (event) => reject(new Error(`DuckDB worker: ${event.message ?? "failed to start"}`))));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await Promise.race([db.instantiate(wasm, bundle.pthreadWorker), failed]);
  } finally {
    URL.revokeObjectURL(wasm);
    URL.revokeObjectURL(script);
  }
  await db.open({query: {castDecimalToDouble: true}});
  const connection = await db.connect();
  await connection.query("set autoinstall_known_extensions = false");
  await connection.query("set autoload_known_extensions = false");
  await connection.close();
  return db;
}

/** a file as a Blob of WebAssembly, reporting bytes as they arrive (total is 0 when the server does not say) */
async function download(url, onProgress) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  const total = Number(response.headers.get("content-length")) || 0;
  const chunks = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(loaded, total);
  }
  return new Blob(chunks, {type: "application/wasm"});
}

export class DuckDBClient {
  constructor(db, connection, onProgress = () => {}) {
    this.db = db;
    this.connection = connection;
    this.onProgress = onProgress;
    const engine = wasmEngine(connection);
    /** @type {(sql: string) => Promise<void>} a statement; errors carry the SQL (SqlError) */
    this.run = engine.run;
    /** @type {(sql: string) => Promise<object[]>} rows as Node DuckDB gives them (dates as YYYY-MM-DD) */
    this.all = engine.all;
  }

  /** DuckDB's version, e.g. v1.4.0 */
  async version() {
    return this.db.getVersion();
  }

  /**
   * Load tables from Arrow IPC (stream) files, fetching them with byte progress.
   * @param {{name: string, url: string}[]} sources
   */
  async loadArrowFiles(sources) {
    const total = sources.length;
    let loaded = 0;
    this.onProgress({phase: "tables", loaded, total});
    await Promise.all(
      sources.map(async ({name, url}) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
        await this.loadArrow(name, await response.arrayBuffer());
        this.onProgress({phase: "tables", loaded: ++loaded, total, table: name});
      })
    );
  }

  /**
   * Lock DuckDB for the rest of the page (every connection): no external access except the files under
   * FILES, no extension installed or loaded, the configuration locked. Tables already loaded stay.
   */
  async lock() {
    locked ??= (async () => {
      for (const sql of LOCK) await this.connection.query(sql);
    })();
    await locked;
  }

  /**
   * a file DuckDB can read (read_csv) after the lock, from its bytes; returns the path to read it by. The
   * bytes' buffer is transferred to DuckDB's worker (not copied): it is empty here afterwards.
   */
  async registerBytes(name, bytes) {
    const path = FILES + name;
    await this.db.registerFileBuffer(path, bytes);
    return path;
  }

  /** a table (replaced if it exists) from the bytes of an Arrow IPC stream */
  async loadArrow(name, buffer) {
    await this.run(`drop table if exists ${ident(name)}`);
    await this.connection.insertArrowFromIPCStream(new Uint8Array(buffer), {name, create: true});
  }

  /**
   * A table (replaced if it exists) from CSV text or a File, read by DuckDB's read_csv (a core function,
   * no extension). `allVarchar` keeps every value as text, for a caller that checks types itself.
   */
  async loadCsv(name, source, {allVarchar = false, delimiter} = {}) {
    const file = `${FILES}${name}.${Math.random().toString(36).slice(2)}.csv`;
    if (typeof source === "string") await this.db.registerFileText(file, source);
    else await this.db.registerFileHandle(file, source, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    const options = [`header = true`, ...(allVarchar ? ["all_varchar = true"] : []), ...(delimiter ? [`delim = ${lit(delimiter)}`] : [])];
    try {
      await this.run(`create or replace table ${ident(name)} as select * from read_csv(${lit(file)}, ${options.join(", ")})`);
    } finally {
      await this.db.dropFile(file);
    }
  }

  /**
   * Run SQL (several statements: the last one's result). Errors are re-thrown with DuckDB's message
   * and the SQL that failed (error.sql).
   * @returns {Promise<{columns: {name: string, type: string, kind: string}[], rows: object[], ms: number}>}
   */
  async query(sql, params) {
    const started = performance.now();
    let table;
    try {
      if (locked && (await startsInstall(this.db, sql))) throw new Error(INSTALL_REFUSED);
      if (params?.length) {
        const statement = await this.connection.prepare(sql);
        try {
          table = await statement.query(...params);
        } finally {
          await statement.close();
        }
      } else {
        table = await this.connection.query(sql);
      }
    } catch (error) {
      const wrapped = new Error(String(error?.message ?? error));
      wrapped.sql = sql;
      throw wrapped;
    }
    const columns = table.schema.fields.map((field) => ({name: field.name, type: String(field.type), kind: kindOf(field.type)}));
    return {columns, rows: toRows(table, columns), ms: performance.now() - started};
  }

  /** every table of the main schema: name, row count and columns (name and DuckDB type) */
  async tables() {
    const {rows: names} = await this.query("select table_name as name from information_schema.tables where table_schema = 'main' order by table_name");
    const {rows: columns} = await this.query(
      "select table_name, column_name as name, data_type as type from information_schema.columns where table_schema = 'main' order by table_name, ordinal_position"
    );
    const tables = [];
    for (const {name} of names) {
      const {rows} = await this.query(`select count(*)::integer as n from ${ident(name)}`);
      tables.push({name, rows: rows[0].n, columns: columns.filter((column) => column.table_name === name).map(({name, type}) => ({name, type}))});
    }
    return tables;
  }

  async close() {
    await this.connection.close();
  }
}

/** does a statement of the SQL begin with INSTALL or FORCE INSTALL (by DuckDB's own tokenizer; comments skipped)? */
async function startsInstall(db, sql) {
  const {offsets, types} = await db.tokenize(sql);
  let start = true;
  for (let i = 0; i < offsets.length; i++) {
    if (types[i] === duckdb.TokenType.COMMENT) continue;
    const word = /^[a-z_]*/i.exec(sql.slice(offsets[i]))[0].toLowerCase();
    if (start && types[i] === duckdb.TokenType.KEYWORD && word === "install") return true;
    if (!(start && word === "force")) start = types[i] === duckdb.TokenType.OPERATOR && sql[offsets[i]] === ";";
  }
  return false;
}

/** number | integer | bigint | string | boolean | date | list | other, from an Arrow type */
function kindOf(type) {
  if (type.typeId === -1) return kindOf(type.dictionary); // a dictionary-encoded column: its values' type
  const id = type.typeId;
  // apache-arrow Type enum: Int = 2, Float = 3, Binary = 4, Utf8 = 5, Bool = 6, Decimal = 7, Date = 8,
  // Time = 9, Timestamp = 10, List = 12, LargeUtf8 = 20
  if (id === 2) return type.bitWidth === 64 ? "bigint" : "integer";
  if (id === 3 || id === 7) return "number";
  if (id === 5 || id === 20) return "string";
  if (id === 6) return "boolean";
  if (id === 8 || id === 10) return "date";
  if (id === 12) return "list";
  return "other";
}

/** Arrow → plain rows: BIGINT as Number when exact (else a string), dates as Date, lists as arrays */
function toRows(table, columns) {
  const vectors = columns.map((column, i) => table.getChildAt(i));
  const rows = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row = {};
    for (let c = 0; c < columns.length; c++) row[columns[c].name] = plain(vectors[c]?.get(r), columns[c].kind);
    rows[r] = row;
  }
  return rows;
}

function plain(value, kind) {
  if (value == null) return null;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (kind === "date") return value instanceof Date ? value : new Date(Number(value));
  if (kind === "list" && typeof value.toArray === "function") return Array.from(value.toArray(), (item) => plain(item, "other"));
  if (kind === "other" && typeof value === "object" && typeof value.toJSON === "function") return value.toJSON();
  return value;
}
