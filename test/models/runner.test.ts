import {describe, expect, it} from "vitest";
import {periodEnd} from "../../pipelines/contract.js";
import {Db} from "../../pipelines/db.js";
import {buildModels, parseModel} from "../../pipelines/models/runner.js";
import {loadModels} from "../../pipelines/models/load.js";

describe("the model runner", () => {
  it("reads the header block only: a comment inside the SQL is not a header field", () => {
    const model = parseModel(
      "m",
      "marts",
      "-- m: a model\n-- grain: school\n-- key: school_id\nwith a as (\n    -- key: not this\n    -- materialized: nor this\n    select 1\n)\nselect * from a"
    );
    expect(model).toMatchObject({description: "a model", grain: "school", key: ["school_id"], materialized: "table"});
    expect(() => parseModel("m", "staging", "-- m: x\n-- materialized: temporary\nselect 1")).toThrow(/table or view/);
  });

  it("builds a view where the header asks for one (not counted), and every published model is a table", async () => {
    const db = await Db.open(":memory:");
    await db.run("create table raw_t as select range as x from range(5)");
    const timings = await buildModels(db, [
      parseModel("stg_t", "staging", "-- stg_t: a view\n-- materialized: view\nselect x from raw_t"),
      parseModel("t", "marts", "-- t: a table\nselect sum(x) as s from stg_t")
    ]);
    expect(timings.map((timing) => [timing.name, timing.rows])).toEqual([["stg_t", null], ["t", 1]]);
    expect(await db.all("select view_name from duckdb_views() where not internal")).toEqual([{view_name: "stg_t"}]);
    expect(await db.all("select s::integer as s from t")).toEqual([{s: 10}]);
    db.close();
    const marts = loadModels().filter((model) => model.layer === "marts");
    for (const model of marts) expect(`${model.name} ${model.materialized}`).toBe(`${model.name} table`);
  });

  it("gives the models the contract's period end: jh_period_end(period) = periodEnd(period)", async () => {
    const db = await Db.open(":memory:");
    await buildModels(db, []);
    // the last day of each quarter, by hand; 2024 is a leap year, which changes no quarter's end
    const expected = {"2024Q1": "2024-03-31", "2024Q2": "2024-06-30", "2025Q3": "2025-09-30", "2025Q4": "2025-12-31"};
    for (const [period, end] of Object.entries(expected)) {
      expect(periodEnd(period), period).toBe(end);
      const [row] = await db.all<{end: string}>(`select strftime(jh_period_end('${period}'), '%Y-%m-%d') as end`);
      expect(row!.end, period).toBe(end);
    }
    db.close();
  });
});
