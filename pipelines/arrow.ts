// Query results as Arrow IPC streams, the format the site and the browser explorer read (DuckDB-WASM
// loads them with insertArrowFromIPCStream; it cannot read Parquet offline). Written with apache-arrow
// because Node DuckDB has no arrow extension without a download.
// apache-arrow is loaded on the first file written, not when this module is imported (about 0.4 s of CPU
// that a CLI refusal or `--help` would otherwise pay).
import type {DataType, Vector} from "apache-arrow";
import type {Db} from "./db.js";

type Arrow = typeof import("apache-arrow");

function arrowType(arrow: Arrow, duckdbType: string): DataType {
  const {Bool, DateDay, Field, Float64, Int32, List, TimestampMillisecond, Utf8} = arrow;
  if (duckdbType === "BOOLEAN") return new Bool();
  if (["TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT"].includes(duckdbType)) return new Int32();
  if (["BIGINT", "HUGEINT", "UBIGINT", "UINTEGER", "FLOAT", "DOUBLE"].includes(duckdbType) || duckdbType.startsWith("DECIMAL")) return new Float64();
  if (duckdbType === "DATE") return new DateDay();
  if (duckdbType.startsWith("TIMESTAMP")) return new TimestampMillisecond();
  if (duckdbType.endsWith("[]")) return new List(new Field("item", arrowType(arrow, duckdbType.slice(0, -2)), true));
  return new Utf8();
}

function toArrowValue(arrow: Arrow, value: unknown, type: DataType): unknown {
  const {List, Utf8} = arrow;
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (type instanceof List && Array.isArray(value)) return value.map((item) => toArrowValue(arrow, item, type.children[0]!.type));
  if (type instanceof Utf8 && typeof value !== "string") return String(value);
  return value;
}

export async function queryToArrowIpc(db: Db, sql: string): Promise<Uint8Array> {
  const arrow = await import("apache-arrow");
  const {tableToIPC, vectorFromArray, Table} = arrow;
  const columns = await db.columns(sql);
  const vectors: Record<string, Vector> = {};
  for (const column of columns) {
    const type = arrowType(arrow, column.type);
    vectors[column.name] = vectorFromArray(column.values.map((value) => toArrowValue(arrow, value, type)), type);
  }
  return tableToIPC(new Table(vectors), "stream");
}
