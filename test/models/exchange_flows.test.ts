import {describe, expect, it} from "vitest";
import {exchangeFixture} from "./exchange-fixture.js";
import {build, rows} from "./fixture.js";

describe("exchange_flows", () => {
  it("counts distinct teachers per sending and receiving school and sums to the exchanges", async () => {
    const db = await build(exchangeFixture());
    const flows = await rows<Record<string, unknown>>(db, "exchange_flows", "true", "from_school_id, to_school_id");
    // four exchanges: x1 X→Y, x1 X→Z, x4 X→Y, z1 Z→X → flows X→Y 2 teachers, X→Z 1, Z→X 1 (4 in all)
    expect(flows.reduce((sum, row) => sum + (row.n_teachers as number), 0)).toBe(4);
    expect(flows.every((row) => !("teacher_id" in row))).toBe(true);
    expect(flows[2]).toMatchObject({from_school_id: "Z", from_county: "B", from_locality: "town", to_locality: "urban", to_role: "lead", from_role: null});
    db.close();
  });
});
