// DuckDB-WASM (the browser's engine) running under Node through its blocking build, behind the adapter the
// bring-your-own-data page uses (pipelines/wasm-engine.ts), so the models run unchanged on both engines.
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import type {SqlEngine} from "../../pipelines/sql.js";
import {wasmEngine, type WasmConnection} from "../../pipelines/wasm-engine.js";

const require = createRequire(import.meta.url);

// The few parts of the blocking build's API used here (its .d.ts is not reachable through the package exports).
interface WasmModule {
  createDuckDB(bundles: unknown, logger: unknown, runtime: unknown): Promise<{instantiate(progress: () => void): Promise<unknown>; connect(): WasmConnection & {close(): void}}>;
  VoidLogger: new () => unknown;
  NODE_RUNTIME: unknown;
}
const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs") as WasmModule;

export type WasmEngine = SqlEngine & {close(): void};

export async function openWasmEngine(): Promise<WasmEngine> {
  const dist = dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs"));
  const bundles = {
    mvp: {mainModule: join(dist, "duckdb-mvp.wasm"), mainWorker: join(dist, "duckdb-node-mvp.worker.cjs")},
    eh: {mainModule: join(dist, "duckdb-eh.wasm"), mainWorker: join(dist, "duckdb-node-eh.worker.cjs")}
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  const connection = db.connect();
  return {...wasmEngine(connection), close: () => connection.close()};
}
