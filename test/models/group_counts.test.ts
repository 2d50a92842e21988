// Groups by county (the lead's) and type, with 'all' rollups; every count is worked out by hand below.
import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

describe("group_counts", () => {
  it("counts groups, memberships and distinct schools per county and type", async () => {
    const member = (group_id: string, school_id: string, role = "member") => ({group_id, school_id, role, joined_date: "2024-01-01"});
    const db = await build({
      schools: [school({school_id: "A1"}), school({school_id: "A2"}), school({school_id: "B1", county: "B"}), school({school_id: "B2", county: "B"})],
      groups: [
        {group_id: "G1", group_name: "一", group_type: "tight"},
        {group_id: "G2", group_name: "二", group_type: "community"},
        {group_id: "G3", group_name: "三", group_type: "pairing"},
        {group_id: "G4", group_name: "四", group_type: "pairing"},
        {group_id: "G5", group_name: "五", group_type: "community"}
      ],
      memberships: [
        // G1 led from county A reaches B1; G2 led by A2; G3 led by B1 pairs with A2; G4 led by B2; G5 has no member
        member("G1", "A1", "lead"), member("G1", "A2"), member("G1", "B1"),
        member("G2", "A2", "lead"), member("G2", "A1"),
        member("G3", "B1", "lead"), member("G3", "A2"),
        member("G4", "B2", "lead"), member("G4", "B1")
      ]
    });
    const found = await rows<Record<string, unknown>>(db, "group_counts", "true", "county, group_type");
    const cells = Object.fromEntries(found.map((row) => [`${row.county}|${row.group_type}`, [row.n_groups, row.n_memberships, row.n_schools, row.n_groups_without_members]]));
    expect(cells).toEqual({
      // [groups, memberships, distinct schools, groups without members]
      "A|tight": [1, 3, 3, 0], // G1: A1, A2, B1
      "A|community": [1, 2, 2, 0], // G2: A2, A1
      "A|all": [2, 5, 3, 0], // A1, A2, B1
      "B|pairing": [2, 4, 3, 0], // G3: B1, A2; G4: B2, B1 → B1, A2, B2
      "B|all": [2, 4, 3, 0],
      "(none)|community": [1, 0, 0, 1], // G5
      "(none)|all": [1, 0, 0, 1],
      "all|tight": [1, 3, 3, 0],
      "all|community": [2, 2, 2, 1],
      "all|pairing": [2, 4, 3, 0],
      "all|all": [5, 9, 4, 1]
    });
    expect(new Set(found.map((row) => row.period))).toEqual(new Set(["2025Q3"]));
    db.close();
  });
});
