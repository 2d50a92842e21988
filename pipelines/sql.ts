// The one DuckDB query contract, whichever engine runs it: Node DuckDB (db.ts) or DuckDB-WASM (wasm-engine.ts,
// in the browser and in tests). The model runner, the checks and the orchestration use only this. Pure: no
// Node and no browser APIs, so the browser bundles it as it is.

/** What models and checks need from an engine: statements, and rows as plain objects (counts as numbers). */
export interface SqlEngine {
  run(sql: string): Promise<void>;
  all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** give back cached pages before a step that works in JavaScript (Node DuckDB, db.ts); a no-op elsewhere */
  releaseCache?(): Promise<void>;
  /** a result chunk by chunk, column by column (Node DuckDB, db.ts); an engine without it is read with all()
   * (forEachChunk) */
  streamColumns?(sql: string, onColumns: (columns: {name: string; type: string}[]) => void, onChunk: (columns: unknown[][], rows: number) => void): Promise<void>;
}

/**
 * Statements in one call and one commit (a file database syncs its write-ahead log at every commit), rolled back
 * if one fails.
 */
export async function runInTransaction(engine: SqlEngine, statements: readonly string[]): Promise<void> {
  try {
    await engine.run(["begin transaction", ...statements, "commit"].join(";\n"));
  } catch (error) {
    await engine.run("rollback").catch(() => undefined);
    throw error;
  }
}

/**
 * A query's result chunk by chunk, each chunk's columns by name: streamed where the engine can (Node DuckDB), so
 * that no whole result is held in JavaScript; elsewhere one chunk made from all().
 */
export async function forEachChunk(engine: SqlEngine, sql: string, onChunk: (columns: Record<string, unknown[]>, rows: number) => void): Promise<void> {
  if (!engine.streamColumns) {
    const rows = await engine.all<Record<string, unknown>>(sql);
    if (rows.length > 0) onChunk(Object.fromEntries(Object.keys(rows[0]!).map((name) => [name, rows.map((row) => row[name])])), rows.length);
    return;
  }
  let names: string[] = [];
  await engine.streamColumns(
    sql,
    (columns) => (names = columns.map((column) => column.name)),
    (chunk, rows) => onChunk(Object.fromEntries(names.map((name, i) => [name, chunk[i]!])), rows)
  );
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

/** A column as `describe` gives it. */
export interface DescribedColumn {
  column_name: string;
  column_type: string;
}

/**
 * The columns of each target (a relation, or a `select …`), in `describe`'s order, all in one statement: one
 * `describe` each costs a few ms however small the table (RELIABILITY.md, "Fixed cost of a run").
 */
export async function describeAll(engine: SqlEngine, targets: readonly string[]): Promise<DescribedColumn[][]> {
  const described = targets.map((): DescribedColumn[] => []);
  if (targets.length === 0) return described;
  const rows = await engine.all<{i: number} & DescribedColumn>(
    targets.map((target, i) => `select ${i} as i, column_name, column_type, row_number() over () as n from (describe ${target})`).join("\nunion all\n") + "\norder by i, n"
  );
  for (const row of rows) described[row.i]!.push({column_name: row.column_name, column_type: row.column_type});
  return described;
}

/** A SQL string literal; null becomes the SQL null. */
export function lit(value: string | null): string {
  return value === null ? "null" : `'${value.replaceAll("'", "''")}'`;
}

/** A quoted SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
