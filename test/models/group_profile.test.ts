import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

describe("group_profile", () => {
  it("gives lead, members, students, rural share, stages, counties and the haversine reach", async () => {
    const db = await build({
      schools: [
        school({school_id: "L", students: 300, lat: 39.0, lon: 100.0}),
        school({school_id: "M1", stage: "junior", locality: "rural", students: 100, lat: 39.5, lon: 100.0}),
        school({school_id: "M2", county: "B", locality: "rural", students: 100, lat: 40.0, lon: 100.0}),
        school({school_id: "M3", locality: "town", students: 100}),
        school({school_id: "X", students: 999, lat: 50, lon: 120})
      ],
      groups: [
        {group_id: "G1", group_name: "一集团", group_type: "tight", established_date: "2024-09-01"},
        {group_id: "G2", group_name: "空集团", group_type: "alliance"}
      ],
      memberships: [
        {group_id: "G1", school_id: "L", role: "lead", joined_date: "2024-09-01"},
        {group_id: "G1", school_id: "M1", role: "member", joined_date: "2024-09-01"},
        {group_id: "G1", school_id: "M2", role: "member", joined_date: "2024-09-01"},
        {group_id: "G1", school_id: "M3", role: "member", joined_date: "2024-09-01"},
        {group_id: "G1", school_id: "X", role: "member", joined_date: "2024-09-01", left_date: "2025-06-30"}
      ]
    });
    const [g1, g2] = await rows<Record<string, unknown>>(db, "group_profile", "true", "group_id");
    // members L, M1, M2, M3 (X left before 2025-09-30): 4 incl. lead; students 300+100+100+100 = 600;
    // rural: M1 + M2 = 200 / 600 = 1/3.
    // Along a meridian the haversine distance is R·Δφ: M1 0.5° → 6371.0088·π/180·0.5 = 55.5976 km,
    // M2 1.0° → 111.1951 km (the farthest); M3 has no coordinates and is skipped.
    expect(g1).toMatchObject({
      group_id: "G1", group_type: "tight", lead_school_id: "L", lead_school_name: "学校L", n_members: 4, n_students: 600,
      stages: ["junior", "primary"], counties: ["A", "B"], established_date: "2024-09-01"
    });
    expect(g1!.share_rural_students as number).toBeCloseTo(1 / 3, 12);
    expect(g1!.max_distance_km as number).toBeCloseTo(111.1951, 4);
    // a group with no members on the date still has its row
    expect(g2).toMatchObject({group_id: "G2", n_members: 0, n_students: 0, lead_school_id: null, max_distance_km: null});
    db.close();
  });
});
