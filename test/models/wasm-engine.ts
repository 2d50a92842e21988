// DuckDB-WASM (the browser explorer's engine) running under Node through its blocking build, behind the
// same SqlEngine interface as pipelines/db.ts, so the models run unchanged on both engines.
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import type {SqlEngine} from "../../pipelines/db.js";

const require = createRequire(import.meta.url);

// The few parts of the blocking build's API used here (its .d.ts is not reachable through the package exports).
interface ArrowField {
  name: string;
  type: unknown;
}
interface ArrowTable {
  schema: {fields: ArrowField[]};
  toArray(): {toJSON(): Record<string, unknown>}[];
}
interface WasmConnection {
  query(sql: string): ArrowTable;
  close(): void;
}
interface WasmModule {
  createDuckDB(bundles: unknown, logger: unknown, runtime: unknown): Promise<{instantiate(progress: () => void): Promise<unknown>; connect(): WasmConnection}>;
  VoidLogger: new () => unknown;
  NODE_RUNTIME: unknown;
}
const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs") as WasmModule;

export class WasmEngine implements SqlEngine {
  private constructor(private readonly connection: WasmConnection) {}

  static async open(): Promise<WasmEngine> {
    const dist = dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs"));
    const bundles = {
      mvp: {mainModule: join(dist, "duckdb-mvp.wasm"), mainWorker: join(dist, "duckdb-node-mvp.worker.cjs")},
      eh: {mainModule: join(dist, "duckdb-eh.wasm"), mainWorker: join(dist, "duckdb-node-eh.worker.cjs")}
    };
    const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await db.instantiate(() => {});
    return new WasmEngine(db.connect());
  }

  async run(sql: string): Promise<void> {
    this.connection.query(sql);
  }

  async all<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    const table = this.connection.query(sql);
    const names = table.schema.fields.map((field) => field.name);
    const types = table.schema.fields.map((field) => String(field.type));
    const out: Record<string, unknown>[] = [];
    for (const row of table.toArray()) {
      const record: Record<string, unknown> = {};
      const json = row.toJSON() as Record<string, unknown>;
      names.forEach((name, i) => (record[name] = plain(json[name], types[i]!)));
      out.push(record);
    }
    return out as T[];
  }

  version(): string {
    return String(this.connection.query("select version() as v").toArray()[0]!.toJSON().v);
  }

  close(): void {
    this.connection.close();
  }
}

/** Arrow values as Node DuckDB's JSON gives them: dates as YYYY-MM-DD, 64-bit integers as numbers, lists as arrays. */
function plain(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (type.startsWith("Date")) return new Date(Number(value)).toISOString().slice(0, 10);
  if (typeof value === "object" && value !== null && "toArray" in value && typeof value.toArray === "function") {
    return Array.from(value.toArray() as Iterable<unknown>, (item) => plain(item, ""));
  }
  return value;
}
