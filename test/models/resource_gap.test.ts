import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

describe("resource_gap", () => {
  it("gives enrolment-weighted urban, town and rural means and the rural-to-urban ratio", async () => {
    const db = await build({
      schools: [
        school({school_id: "U1", students: 100, equipment_value_yuan: 100000}),
        school({school_id: "U2", students: 300, equipment_value_yuan: 600000}),
        school({school_id: "R", locality: "rural", students: 200, equipment_value_yuan: 800000})
      ]
    });
    const [gap] = await rows<Record<string, number | null>>(db, "resource_gap", "indicator = 'equipment_per_student'");
    // urban: (100·1000 + 300·2000) / 400 = 700000/400 = 1750; rural: 800000/200 = 4000; no town schools
    // ratio = 4000 / 1750 = 2.285714
    expect(gap).toMatchObject({county: "A", section: "primary", urban_mean: 1750, town_mean: null, rural_mean: 4000, n_urban_schools: 2});
    expect(gap!.rural_to_urban_ratio!).toBeCloseTo(2.285714, 6);
    db.close();
  });
});
