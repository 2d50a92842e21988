import {describe, expect, it} from "vitest";
import {exchangeFixture} from "./exchange-fixture.js";
import {build, rows} from "./fixture.js";

describe("headline", () => {
  it("leads with coverage, the latest exchange rate and compliance per county and for the region", async () => {
    const db = await build(exchangeFixture(), {region_name: "甘州区"});
    const found = await rows<Record<string, unknown>>(db, "headline", "period = '2025Q4'", "county");
    const [a, all, b] = [found.find((r) => r.county === "A"), found.find((r) => r.county === "all"), found.find((r) => r.county === "B")];
    // schools X (400, G lead), Y (100, G member) in county A; Z (100) in county B, in no group.
    // A: 2/2 schools, 500/500 students; all: 2/3 schools, 500/600 students; B: 0
    expect(a).toMatchObject({share_schools_in_group: 1, share_students_in_group: 1, n_schools: 3 - 1, region_name: null});
    expect(all).toMatchObject({n_schools: 3, region_name: "甘州区"});
    expect(all!.share_schools_in_group as number).toBeCloseTo(2 / 3, 12);
    expect(all!.share_students_in_group as number).toBeCloseTo(500 / 600, 12);
    // exchange, school year 2025-2026 (started 2025-09-01 ≤ 2025-12-31): A 2/5 = 0.4 (teacher_exchange.test.ts),
    // B: z1 of 1 eligible = 1.0; all: (2 + 1)/(5 + 1) = 0.5
    expect(a).toMatchObject({exchange_school_year: "2025-2026", exchange_rate: 0.4});
    expect(b).toMatchObject({exchange_rate: 1, share_schools_in_group: 0});
    expect(all).toMatchObject({exchange_rate: 0.5});
    // no exams → no gap; no resources reported → no school is compliant
    expect(all).toMatchObject({urban_rural_gap: null, n_compliant_schools: 0, n_schools_assessed: 3});
    db.close();
  });
});
