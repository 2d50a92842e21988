// Every mart, built from the same fixture SQL, gives the same rows in Node DuckDB (1.5) and in
// DuckDB-WASM 1.32 (DuckDB 1.4), the engine the browser explorer uses.
import {afterAll, describe, expect, it} from "vitest";
import {Db} from "../../pipelines/db.js";
import {parseConfig} from "../../pipelines/models/config.js";
import {buildOn, modelsToBuild} from "./fixture.js";
import {sampleFixture} from "./sample.js";
import {openWasmEngine, type WasmEngine} from "./wasm-engine.js";

function canonical(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value : Number(value.toPrecision(10));
  if (Array.isArray(value)) return value.map(canonical);
  return value;
}

// one engine of each kind for both tests: instantiating DuckDB-WASM's 33 MB module is most of the second
// test's time, and neither test depends on what the other left in the database
let engines: Promise<{node: Db; wasm: WasmEngine}> | undefined;
const openEngines = () => (engines ??= Promise.all([Db.open(), openWasmEngine()]).then(([node, wasm]) => ({node, wasm})));

afterAll(async () => {
  if (!engines) return;
  const {node, wasm} = await engines;
  node.close();
  wasm.close();
});

describe("dual engine", () => {
  it("builds every mart identically on Node DuckDB and DuckDB-WASM", async () => {
    const fixture = sampleFixture();
    const config = parseConfig({min_n: 5});
    const {node, wasm} = await openEngines();
    const [version] = await wasm.all<{v: string}>("select version() as v");
    expect(version?.v).toMatch(/^v1\.4\./);
    await buildOn(node, fixture, config);
    await buildOn(wasm, fixture, config);
    const marts = modelsToBuild().filter((model) => model.layer === "marts");
    expect(marts.length).toBe(20); // the 20 tables of docs/metrics.md (exam_list joined them with the editions; group_counts and group_bundled with 捆绑考核)
    for (const mart of marts) {
      const order = mart.key.map((column) => `"${column}"`).join(", ");
      const sql = `select * from ${mart.name} order by ${order}`;
      const fromNode = (await node.all(sql)).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, canonical(v)])));
      const fromWasm = (await wasm.all(sql)).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, canonical(v)])));
      expect(fromNode.length, mart.name).toBeGreaterThan(0);
      expect(fromWasm, mart.name).toEqual(fromNode);
    }
  });

  it("errors carry the SQL that failed, on both engines", async () => {
    const {node, wasm} = await openEngines();
    for (const engine of [node, wasm]) {
      await expect(engine.all("select no_such_column from (select 1 as a)")).rejects.toMatchObject({
        name: "SqlError",
        sql: "select no_such_column from (select 1 as a)",
        message: expect.stringMatching(/no_such_column[\s\S]*-- while running:\nselect no_such_column from/)
      });
      await expect(engine.run("create table t as select * from no_such_table")).rejects.toMatchObject({name: "SqlError", sql: "create table t as select * from no_such_table"});
    }
  });
});
