// Query results as Arrow IPC streams, the format the site and the browser explorer read (DuckDB-WASM
// loads them with insertArrowFromIPCStream; it cannot read Parquet offline). Written with apache-arrow
// because Node DuckDB has no arrow extension without a download.
// apache-arrow is loaded on the first file written, not when this module is imported (about 0.4 s of CPU
// that a CLI refusal or `--help` would otherwise pay), and from the package's own single-file build
// (Arrow.esnext.min.js, the same version's code in one module) rather than its ~200 ES modules: 0.35 → 0.04 s of
// CPU per process (`node -e` loading each way, mean of five, less Node's own start-up), paid once by every run.
import {existsSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import type {DataType, Vector} from "apache-arrow";
import type {Db} from "./db.js";

type Arrow = typeof import("apache-arrow");

let loaded: Arrow | undefined;
async function loadArrow(): Promise<Arrow> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  // the package's entry for require (Arrow.node.js) sits beside the single-file builds; where that build is missing
  // (another layout of the package), the ES modules as before
  const single = join(dirname(require.resolve("apache-arrow")), "Arrow.esnext.min.js");
  loaded = existsSync(single) ? (require(single) as Arrow) : await import("apache-arrow");
  return loaded;
}

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

export async function queryToArrowIpc(db: Db, sql: string): Promise<Uint8Array> {
  return (await queryToArrow(db, sql)).ipc;
}

/**
 * One column's values gathered chunk by chunk: strings straight into UTF-8 bytes and offsets, numbers into a typed
 * array, so a large table never lives as JS values (a province's exam_school held ~1M rows × 20 columns of them,
 * several GB with DuckDB's whole result beside them). The finished Data is laid out exactly as apache-arrow's
 * builder (vectorFromArray) lays it out — validity bitmap in whole 64-byte blocks and only when a value is null, a
 * null's slot 0 or empty — without the builder's per-value calls (test/publish/arrow.test.ts compares the bytes);
 * a column of any other type (dates, booleans, lists) keeps its JS values for the builder.
 */
class ColumnAccumulator {
  private length = 0;
  private nullCount = 0;
  private valid: Uint8Array = new Uint8Array(256);
  private numbers: Float64Array | Int32Array | undefined;
  private offsets: Int32Array | undefined;
  private bytes: Buffer | undefined;
  private byteLength = 0;
  private readonly values: unknown[] | undefined;

  constructor(
    private readonly arrow: Arrow,
    private readonly type: DataType,
    private readonly kind: "string" | "number" | "other"
  ) {
    if (kind === "string") {
      this.offsets = new Int32Array(2048 + 1);
      this.bytes = Buffer.alloc(64 * 1024);
    } else if (kind === "number") this.numbers = type instanceof arrow.Int32 ? new Int32Array(2048) : new Float64Array(2048);
    else this.values = [];
  }

  append(chunk: readonly unknown[]): void {
    if (this.values) {
      for (const value of chunk) this.values.push(value);
      this.length += chunk.length;
      return;
    }
    const end = this.length + chunk.length;
    if (this.valid.length * 8 < end) this.valid = grow(this.valid, Math.ceil(end / 8));
    if (this.numbers && this.numbers.length < end) this.numbers = grow(this.numbers, end) as Float64Array | Int32Array;
    if (this.offsets && this.offsets.length < end + 1) this.offsets = grow(this.offsets, end + 1) as Int32Array;
    for (let j = 0; j < chunk.length; j++) {
      const i = this.length + j;
      const value = chunk[j];
      if (value === null || value === undefined) {
        this.nullCount += 1;
        if (this.offsets) this.offsets[i + 1] = this.byteLength;
        continue;
      }
      this.valid[i >> 3]! |= 1 << (i % 8);
      if (this.numbers) {
        if (typeof value !== "number" && typeof value !== "bigint") throw new Error(`a ${typeof value} in a number column`);
        this.numbers[i] = Number(value);
      } else {
        if (typeof value !== "string") throw new Error(`a ${typeof value} in a text column`);
        const size = Buffer.byteLength(value, "utf8");
        if (this.bytes!.length < this.byteLength + size) {
          const bigger = Buffer.alloc(Math.max(this.bytes!.length * 2, this.byteLength + size));
          this.bytes!.copy(bigger, 0, 0, this.byteLength);
          this.bytes = bigger;
        }
        if (size > 0) this.bytes!.write(value, this.byteLength, "utf8");
        this.byteLength += size;
        this.offsets![i + 1] = this.byteLength;
      }
    }
    this.length = end;
  }

  vector(): Vector {
    const {makeData, makeVector, vectorFromArray} = this.arrow;
    if (this.values) return vectorFromArray(this.values.map((value) => toArrowValue(this.arrow, value, this.type)), this.type);
    const length = this.length;
    let nullBitmap: Uint8Array | undefined;
    if (this.nullCount > 0) {
      nullBitmap = new Uint8Array(builderLength(length / 8, 1));
      nullBitmap.set(this.valid.subarray(0, Math.ceil(length / 8)));
    }
    if (this.offsets) {
      const data = new Uint8Array(this.byteLength);
      data.set(this.bytes!.subarray(0, this.byteLength));
      const valueOffsets = this.offsets.slice(0, length + 1);
      return makeVector(makeData({type: this.type as InstanceType<Arrow["Utf8"]>, length, nullCount: this.nullCount, nullBitmap, valueOffsets, data}));
    }
    const data = this.numbers!.slice(0, length);
    return makeVector(makeData({type: this.type as InstanceType<Arrow["Float64"]>, length, nullCount: this.nullCount, nullBitmap, data: data as Float64Array}));
  }
}

/** a typed array at least `min` long (doubling), its contents kept */
function grow<T extends Uint8Array | Int32Array | Float64Array>(array: T, min: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(array.length * 2, min));
  bigger.set(array);
  return bigger;
}

const NUMBER_TYPES = new Set(["TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT", "BIGINT", "HUGEINT", "UBIGINT", "UINTEGER", "FLOAT", "DOUBLE"]);

/** A query's result as an Arrow IPC stream, and how many rows it holds; read chunk by chunk (ColumnAccumulator). */
export async function queryToArrow(db: Db, sql: string): Promise<{ipc: Uint8Array; rows: number}> {
  const arrow = await loadArrow();
  const {tableToIPC, Table} = arrow;
  let columns: {name: string; type: string}[] = [];
  let accumulators: ColumnAccumulator[] = [];
  let rows = 0;
  await db.streamColumns(
    sql,
    (described) => {
      columns = described;
      accumulators = described.map((column) => {
        const type = arrowType(arrow, column.type);
        const kind = column.type === "VARCHAR" ? "string" : NUMBER_TYPES.has(column.type) || column.type.startsWith("DECIMAL") ? "number" : "other";
        return new ColumnAccumulator(arrow, type, kind);
      });
    },
    (chunk, count) => {
      rows += count;
      chunk.forEach((values, i) => accumulators[i]!.append(values));
    }
  );
  const vectors: Record<string, Vector> = {};
  columns.forEach((column, i) => (vectors[column.name] = accumulators[i]!.vector()));
  return {ipc: tableToIPC(new Table(vectors), "stream"), rows};
}
