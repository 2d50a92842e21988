// Every mart, built from the same fixture SQL, gives the same rows in Node DuckDB (1.5) and in
// DuckDB-WASM 1.32 (DuckDB 1.4), the engine the browser explorer uses.
import {describe, expect, it} from "vitest";
import {Db} from "../../pipelines/db.js";
import {parseConfig} from "../../pipelines/models/config.js";
import {buildOn, modelsToBuild} from "./fixture.js";
import {sampleFixture} from "./sample.js";
import {WasmEngine} from "./wasm-engine.js";

function canonical(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value : Number(value.toPrecision(10));
  if (Array.isArray(value)) return value.map(canonical);
  return value;
}

describe("dual engine", () => {
  it("builds every mart identically on Node DuckDB and DuckDB-WASM", async () => {
    const fixture = sampleFixture();
    const config = parseConfig({min_n: 5});
    const node = await Db.open();
    const wasm = await WasmEngine.open();
    expect(wasm.version()).toMatch(/^v1\.4\./);
    await buildOn(node, fixture, config);
    await buildOn(wasm, fixture, config);
    const marts = modelsToBuild().filter((model) => model.layer === "marts");
    expect(marts.length).toBe(17); // the 17 tables of docs/metrics.md
    for (const mart of marts) {
      const order = mart.key.map((column) => `"${column}"`).join(", ");
      const sql = `select * from ${mart.name} order by ${order}`;
      const fromNode = (await node.all(sql)).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, canonical(v)])));
      const fromWasm = (await wasm.all(sql)).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, canonical(v)])));
      expect(fromNode.length, mart.name).toBeGreaterThan(0);
      expect(fromWasm, mart.name).toEqual(fromNode);
    }
    node.close();
    wasm.close();
  });
});
