// DuckDB-WASM behind the SqlEngine contract: one adapter for the browser's asynchronous connection (the
// bring-your-own-data page) and the blocking build under Node (the dual-engine test), so the test runs the
// very code the page runs. Rows come back as Node DuckDB gives them (db.ts): dates as YYYY-MM-DD, 64-bit
// integers as numbers, lists as arrays. Pure: bundled into the site by pipelines/site/bundle-ingest.ts.
import {SqlError, type SqlEngine} from "./sql.js";

// The few parts of an Arrow table used here (DuckDB-WASM bundles its own apache-arrow).
interface ArrowTable {
  schema: {fields: {name: string; type: unknown}[]};
  toArray(): {toJSON(): Record<string, unknown>}[];
}

/** A DuckDB-WASM connection: AsyncDuckDBConnection in the browser, the blocking build's connection in Node. */
export interface WasmConnection {
  query(sql: string): ArrowTable | Promise<ArrowTable>;
}

export function wasmEngine(connection: WasmConnection): SqlEngine {
  const query = async (sql: string): Promise<ArrowTable> => {
    try {
      return await connection.query(sql);
    } catch (error) {
      throw new SqlError(error, sql);
    }
  };
  return {
    run: async (sql) => void (await query(sql)),
    all: async <T>(sql: string) => {
      const table = await query(sql);
      const fields = table.schema.fields.map((field) => ({name: field.name, type: String(field.type)}));
      return table.toArray().map((row) => {
        const json = row.toJSON();
        return Object.fromEntries(fields.map(({name, type}) => [name, plain(json[name], type)]));
      }) as T[];
    }
  };
}

function plain(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (type.startsWith("Date")) return new Date(Number(value)).toISOString().slice(0, 10);
  if (typeof value === "object" && "toArray" in value && typeof value.toArray === "function") {
    return Array.from(value.toArray() as Iterable<unknown>, (item) => plain(item, ""));
  }
  return value;
}
