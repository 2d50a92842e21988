import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

describe("group_members", () => {
  it("lists each group's schools on the as-of date with role and haversine distance from the lead", async () => {
    const db = await build({
      schools: [
        school({school_id: "L", students: 300, lat: 39.0, lon: 100.0}),
        school({school_id: "M1", locality: "rural", students: 100, lat: 39.5, lon: 100.0}),
        school({school_id: "M2", locality: "town", students: 100}),
        school({school_id: "X", students: 999, lat: 50, lon: 120})
      ],
      groups: [{group_id: "G1", group_name: "一集团", group_type: "tight", established_date: "2024-09-01"}],
      memberships: [
        {group_id: "G1", school_id: "L", role: "lead", joined_date: "2024-09-01"},
        {group_id: "G1", school_id: "M1", role: "member", joined_date: "2024-09-01"},
        {group_id: "G1", school_id: "M2", role: "member", joined_date: "2024-09-01"},
        {group_id: "G1", school_id: "X", role: "member", joined_date: "2024-09-01", left_date: "2025-06-30"}
      ]
    });
    const members = await rows<Record<string, unknown>>(db, "group_members", "true", "school_id");
    // X left before the as-of date; M2 has no coordinates
    expect(members.map((member) => member.school_id)).toEqual(["L", "M1", "M2"]);
    expect(members[0]).toMatchObject({role: "lead", is_lead: true, lead_school_id: "L", n_students: 300, distance_km: 0});
    // along a meridian the haversine distance is R·Δφ: 0.5° → 6371.0088·π/180·0.5 = 55.59754 km
    expect(members[1]!.distance_km as number).toBeCloseTo(55.59754, 4);
    expect(members[2]).toMatchObject({locality: "town", distance_km: null, lat: null});
    db.close();
  });
});
