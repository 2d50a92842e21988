// The one module that opens Node DuckDB. Everything else receives a Db (or any SqlEngine, sql.ts) and never
// opens its own connection. Errors are re-thrown with the SQL that failed; counts come back as numbers.
// The package is loaded on the first open, not when this module is imported: it costs about 0.5 s of CPU,
// which every `junheng --help` and every refusal before a database is opened would otherwise pay
// (RELIABILITY.md, "Test suite time").
// It is a CommonJS package, loaded with require: an ESM import runs Node's CommonJS export scan over each of
// its ~40 files first (another 0.25 s of CPU per process, measured).
import {createRequire} from "node:module";
import type {DuckDBConnection, DuckDBInstance, DuckDBTypeId, DuckDBValue} from "@duckdb/node-api";
import {SqlError, type SqlEngine} from "./sql.js";

export interface DbOptions {
  threads?: number;
  memoryLimit?: string;
  tempDirectory?: string;
}

export class Db implements SqlEngine {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly memoryLimit: string | undefined
  ) {}

  /** Open a database file (created if absent) or, with no path, an in-memory database. */
  static async open(path = ":memory:", options: DbOptions = {}): Promise<Db> {
    const config: Record<string, string> = {};
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    if (options.tempDirectory) config.temp_directory = options.tempDirectory;
    // Deterministic output order everywhere (published files must be byte-identical across runs).
    config.preserve_insertion_order = "true";
    // Give freed memory back to the system as the run goes. DuckDB's allocator (jemalloc on Linux) otherwise
    // keeps what one model freed: at province scale the process reached 6.0 GB under a 3 GB memory_limit,
    // and 3.3 GB with these two settings (measured model by model; BENCHMARKS.md).
    config.allocator_background_threads = "true";
    config.allocator_flush_threshold = "32MB";
    const {DuckDBInstance, DuckDBTypeId, JSDuckDBValueConverter} = createRequire(import.meta.url)("@duckdb/node-api") as typeof import("@duckdb/node-api");
    JS_CONVERTER ??= JSDuckDBValueConverter;
    BIG_INTEGER_TYPES ??= new Set([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT]);
    const instance = await DuckDBInstance.create(path, config);
    const connection = await instance.connect();
    return new Db(instance, connection, options.memoryLimit);
  }

  /**
   * Give back the pages DuckDB keeps cached from tables it has read, when the run was given a memory limit: the
   * buffer pool holds them until it reaches that limit, and a step that then works in JavaScript (the disclosure
   * audit) would hold both, above the limit the user asked for. Lowering the limit evicts them (temporary tables
   * go to the spill folder); the configured limit comes straight back. At province size with --memory-limit 1.5GB:
   * 1.37 → 0.19 GB of RSS before the audit's JavaScript part, the publish stage's peak 2.71 → 1.57 GB
   * (BENCHMARKS.md). Without a configured limit it does nothing: DuckDB shows its default only rounded to 0.1 GiB,
   * and `reset` changes the setting but not the buffer pool's limit (DuckDB 1.5, measured), so it could not be
   * given back exactly.
   */
  async releaseCache(): Promise<void> {
    if (!this.memoryLimit) return;
    try {
      await this.connection.run("set memory_limit = '32MB'");
    } catch {
      // what could not be evicted stays: the limit is restored below either way
    }
    await this.run(`set memory_limit = '${this.memoryLimit.replace(/'/g, "''")}'`);
  }

  async run(sql: string, params?: Record<string, DuckDBValue> | DuckDBValue[]): Promise<void> {
    try {
      await this.connection.run(sql, params);
    } catch (error) {
      throw new SqlError(error, sql);
    }
  }

  async all<T = Record<string, unknown>>(sql: string, params?: Record<string, DuckDBValue> | DuckDBValue[]): Promise<T[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql, params);
      const bigColumns = reader
        .columnNames()
        .filter((_, i) => BIG_INTEGER_TYPES!.has(reader.columnTypes()[i]!.typeId));
      const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
      if (bigColumns.length > 0) for (const row of rows) for (const name of bigColumns) row[name] = toNumber(row[name]);
      return rows as T[];
    } catch (error) {
      throw new SqlError(error, sql);
    }
  }

  async one<T = Record<string, unknown>>(sql: string, params?: Record<string, DuckDBValue> | DuckDBValue[]): Promise<T> {
    const rows = await this.all<T>(sql, params);
    if (rows.length !== 1) throw new SqlError(new Error(`expected one row, got ${rows.length}`), sql);
    return rows[0]!;
  }

  /** A result column by column, with DuckDB's type names, as JS values (for writing Arrow files). */
  async columns(sql: string): Promise<{name: string; type: string; values: unknown[]}[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql);
      const names = reader.columnNames();
      const types = reader.columnTypes();
      // by the result's names, not its chunks: an empty result has no chunk, and still its columns
      const values = reader.getColumnsJS();
      return names.map((name, i) => ({name, type: types[i]!.toString(), values: values[i] ?? []}));
    } catch (error) {
      throw new SqlError(error, sql);
    }
  }

  /**
   * A result streamed chunk by chunk (DuckDB's chunks of up to 2,048 rows, in the result's order), each column's
   * values as JS values: a large table is never held whole, neither as DuckDB's result nor as JS arrays.
   */
  async streamColumns(sql: string, onColumns: (columns: {name: string; type: string}[]) => void, onChunk: (columns: unknown[][], rows: number) => void): Promise<void> {
    try {
      const result = await this.connection.stream(sql);
      const types = result.columnTypes();
      onColumns(result.columnNames().map((name, i) => ({name, type: types[i]!.toString()})));
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        onChunk(chunk.convertColumns(JS_CONVERTER!) as unknown[][], chunk.rowCount);
      }
    } catch (error) {
      throw new SqlError(error, sql);
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

// JSON conversion gives 64- and 128-bit integers as strings; they come back as numbers (counts are far
// below 2^53; models cast counts to integer anyway). Filled by the first open (the package loads then).
let BIG_INTEGER_TYPES: Set<DuckDBTypeId> | undefined;
let JS_CONVERTER: typeof import("@duckdb/node-api").JSDuckDBValueConverter | undefined;
function toNumber(value: unknown): unknown {
  return typeof value === "string" ? Number(value) : value;
}
