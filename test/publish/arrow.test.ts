// The .arrow files: strings and numbers are laid out directly as the result streams in, chunk by chunk
// (pipelines/arrow.ts ColumnAccumulator), everything else through
// apache-arrow's builder. The direct layout must give the bytes apache-arrow's own builder (vectorFromArray)
// gives for the same values — checked here against that builder on the awkward cases: nulls, an all-null
// column, an empty result, the empty string, multi-byte text and a lone surrogate, NaN and −0, BIGINT and
// DECIMAL as doubles, and the columns the builder still writes (dates, booleans, lists).
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import * as arrow from "apache-arrow";
import {Db} from "../../pipelines/db.js";
import {queryToArrowIpc} from "../../pipelines/arrow.js";

function builderType(duckdb: string): arrow.DataType {
  if (duckdb === "BOOLEAN") return new arrow.Bool();
  if (duckdb === "INTEGER") return new arrow.Int32();
  if (["BIGINT", "DOUBLE"].includes(duckdb) || duckdb.startsWith("DECIMAL")) return new arrow.Float64();
  if (duckdb === "DATE") return new arrow.DateDay();
  if (duckdb.endsWith("[]")) return new arrow.List(new arrow.Field("item", builderType(duckdb.slice(0, -2)), true));
  return new arrow.Utf8();
}

function builderValue(value: unknown, type: arrow.DataType): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (type instanceof arrow.List && Array.isArray(value)) return value.map((item) => builderValue(item, type.children[0]!.type));
  if (type instanceof arrow.Utf8 && typeof value !== "string") return String(value);
  return value;
}

/** every column through apache-arrow's builder */
async function throughBuilder(db: Db, sql: string): Promise<Uint8Array> {
  const vectors: Record<string, arrow.Vector> = {};
  for (const column of await db.columns(sql)) {
    const type = builderType(column.type);
    vectors[column.name] = arrow.vectorFromArray(column.values.map((value) => builderValue(value, type)), type);
  }
  return arrow.tableToIPC(new arrow.Table(vectors), "stream");
}

describe(".arrow files", () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open();
  });
  afterAll(() => db.close());

  it.each([
    ["nulls, the empty string, multi-byte text, a lone surrogate, NaN and −0", "select * from (values (1, 'a', 1.5::double), (null, null, null), (3, '', 'nan'::double), (4, 'é漢字\ud800', -0.0::double)) t(i, s, d)"],
    ["columns of nulls only", "select null::varchar as s, null::double as d, null::integer as i from range(3)"],
    ["no rows", "select 'x' as s, 1.0::double as d from range(0)"],
    [
      "BIGINT, DECIMAL, booleans, dates and lists beside strings with some nulls",
      "select range::bigint as b, range::integer as i, (range * 1.5)::decimal(9,2) as dec, range % 2 = 0 as bo, date '2024-01-01' + range::integer as dt, ['a', null] as l, case when range % 3 = 0 then null else 'v' || range end as s from range(100)"
    ],
    ["integers beyond 32 bits, long text", "select 2147483647 + range::bigint as b, repeat('長', range::integer) as s from range(70)"],
    // read chunk by chunk (DuckDB's chunks of 2,048 rows): nulls and text across chunk boundaries, the buffers grown
    [
      "several chunks: 9,000 rows, 600 KB of text",
      "select range as k, case when range % 7 = 0 then null else repeat('字', (range % 50)::integer) end as s, case when range % 5 = 0 then null else range / 3 end::double as d, (range % 3 = 0) as bo from range(9000) order by range"
    ]
  ])("%s: the bytes apache-arrow's builder writes", async (_, sql) => {
    const direct = await queryToArrowIpc(db, sql);
    const built = await throughBuilder(db, sql);
    expect(Buffer.from(direct).equals(Buffer.from(built))).toBe(true);
    expect(arrow.tableFromIPC(direct).numRows).toBe((await db.all(sql)).length);
  });
});
