// The one DuckDB query contract, whichever engine runs it: Node DuckDB (db.ts) or DuckDB-WASM (wasm-engine.ts,
// in the browser and in tests). The model runner, the checks and the orchestration use only this. Pure: no
// Node and no browser APIs, so the browser bundles it as it is.

/** What models and checks need from an engine: statements, and rows as plain objects (counts as numbers). */
export interface SqlEngine {
  run(sql: string): Promise<void>;
  all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
}

/** An engine's error, re-thrown with the SQL that failed (shown cut to 2,000 characters). */
export class SqlError extends Error {
  readonly sql: string;
  constructor(cause: unknown, sql: string) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(`${message}\n-- while running:\n${sql.length > 2000 ? sql.slice(0, 2000) + " …" : sql}`);
    this.name = "SqlError";
    this.sql = sql;
  }
}

/** A SQL string literal; null becomes the SQL null. */
export function lit(value: string | null): string {
  return value === null ? "null" : `'${value.replaceAll("'", "''")}'`;
}

/** A quoted SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
