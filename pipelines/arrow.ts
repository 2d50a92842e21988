// Query results as Arrow IPC streams, the format the site and the browser explorer read (DuckDB-WASM
// loads them with insertArrowFromIPCStream; it cannot read Parquet offline). Written with apache-arrow
// because Node DuckDB has no arrow extension without a download.
// apache-arrow is loaded on the first file written, not when this module is imported (about 0.4 s of CPU
// that a CLI refusal or `--help` would otherwise pay).
import type {Data, DataType, Vector} from "apache-arrow";
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

/** the length apache-arrow's builders give a buffer of `length` elements of `bytes` bytes: whole 64-byte blocks */
function builderLength(length: number, bytes: number): number {
  const bytesMinus1 = Math.ceil(length) * bytes - 1;
  return ((bytesMinus1 - (bytesMinus1 % 64) + 64) || 64) / bytes;
}

/**
 * A column of strings or numbers as Arrow data laid out exactly as apache-arrow's builder lays it out
 * (vectorFromArray: validity bitmap in whole 64-byte blocks and only when a value is null, a null's slot 0 or
 * empty), without the builder's per-value calls: most of the cost of a table's .arrow file. Null where a value
 * is of another kind (a date, a list, a decimal object): the builder writes that column.
 */
function directData(arrow: Arrow, values: readonly unknown[], type: DataType): Data | null {
  const {Float64, Int32, Utf8, makeData} = arrow;
  const kind = type instanceof Utf8 ? "string" : type instanceof Float64 || type instanceof Int32 ? "number" : null;
  if (!kind) return null;
  const length = values.length;
  let nullCount = 0;
  for (const value of values) {
    if (value === null || value === undefined) nullCount += 1;
    else if (kind === "string" ? typeof value !== "string" : typeof value !== "number" && typeof value !== "bigint") return null;
  }
  let nullBitmap: Uint8Array | undefined;
  if (nullCount > 0) {
    nullBitmap = new Uint8Array(builderLength(length / 8, 1));
    for (let i = 0; i < length; i++) if (values[i] !== null && values[i] !== undefined) nullBitmap[i >> 3]! |= 1 << (i % 8);
  }
  if (kind === "string") {
    const valueOffsets = new Int32Array(length + 1);
    let bytes = 0;
    for (let i = 0; i < length; i++) {
      const value = values[i];
      if (typeof value === "string") bytes += Buffer.byteLength(value, "utf8");
      valueOffsets[i + 1] = bytes;
    }
    const data = new Uint8Array(bytes);
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    for (let i = 0; i < length; i++) {
      const value = values[i];
      if (typeof value === "string" && value.length > 0) buffer.write(value, valueOffsets[i]!, "utf8");
    }
    return makeData({type: type as InstanceType<typeof Utf8>, length, nullCount, nullBitmap, valueOffsets, data});
  }
  const data = type instanceof Int32 ? new Int32Array(length) : new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined) data[i] = Number(value);
  }
  return makeData({type: type as InstanceType<typeof Float64>, length, nullCount, nullBitmap, data: data as Float64Array});
}

export async function queryToArrowIpc(db: Db, sql: string): Promise<Uint8Array> {
  return (await queryToArrow(db, sql)).ipc;
}

/** A query's result as an Arrow IPC stream, and how many rows it holds. */
export async function queryToArrow(db: Db, sql: string): Promise<{ipc: Uint8Array; rows: number}> {
  const arrow = await import("apache-arrow");
  const {tableToIPC, vectorFromArray, makeVector, Table} = arrow;
  const columns = await db.columns(sql);
  const vectors: Record<string, Vector> = {};
  for (const column of columns) {
    const type = arrowType(arrow, column.type);
    const direct = directData(arrow, column.values, type);
    vectors[column.name] = direct ? makeVector(direct) : vectorFromArray(column.values.map((value) => toArrowValue(arrow, value, type)), type);
  }
  return {ipc: tableToIPC(new Table(vectors), "stream"), rows: columns[0]?.values.length ?? 0};
}
