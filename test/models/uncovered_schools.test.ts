import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

describe("uncovered_schools", () => {
  it("lists, per period, the schools in no group on the as-of date", async () => {
    // 2025Q3 (as of 09-30): U1 joins on 2025-10-01, so it is uncovered in Q3 and covered in Q4 (as of 12-31).
    const db = await build({
      schools: ["2025Q3", "2025Q4"].flatMap((period) => [school({period, school_id: "L1"}), school({period, school_id: "U1", students: 40})]),
      groups: ["2025Q3", "2025Q4"].map((period) => ({period, group_id: "G1", group_name: "集团", group_type: "alliance"})),
      memberships: ["2025Q3", "2025Q4"].flatMap((period) => [
        {period, group_id: "G1", school_id: "L1", role: "lead", joined_date: "2025-01-01"},
        {period, group_id: "G1", school_id: "U1", role: "member", joined_date: "2025-10-01"}
      ])
    });
    const uncovered = await rows<Record<string, unknown>>(db, "uncovered_schools");
    expect(uncovered).toHaveLength(1);
    expect(uncovered[0]).toMatchObject({period: "2025Q3", school_id: "U1", n_students: 40, as_of_date: "2025-09-30"});
    db.close();
  });
});
