import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../pipelines/db.js";
import {build, rows, school} from "./fixture.js";

// Period 2025Q3, as-of date 2025-09-30. Membership on d: joined_date <= d and (left_date null or left_date > d).
//   S1 urban primary 100 students, lead of G1 since 2024-09-01          → in a group
//   S2 rural primary  50 students, weak, member of G1 and of pairing G2 → in a group (counted once)
//   S3 rural junior   30 students, weak, no membership                  → not
//   S4 town primary   20 students, left G1 on 2025-09-30 (left_date = d is not > d) → not
//   S5 town primary    0 students, joins G1 on 2025-10-01 (after d)       → not
let db: Db;
beforeAll(async () => {
  db = await build({
    schools: [
      school({school_id: "S1", students: 100}),
      school({school_id: "S2", locality: "rural", students: 50, is_weak: true}),
      school({school_id: "S3", stage: "junior", locality: "rural", students: 30, is_weak: true}),
      school({school_id: "S4", locality: "town", students: 20}),
      school({school_id: "S5", locality: "town", students: 0})
    ],
    groups: [
      {group_id: "G1", group_name: "一集团", group_type: "tight"},
      {group_id: "G2", group_name: "结对", group_type: "pairing"}
    ],
    memberships: [
      {group_id: "G1", school_id: "S1", role: "lead", joined_date: "2024-09-01"},
      {group_id: "G1", school_id: "S2", role: "member", joined_date: "2024-09-01"},
      {group_id: "G2", school_id: "S1", role: "lead", joined_date: "2025-01-01"},
      {group_id: "G2", school_id: "S2", role: "member", joined_date: "2025-01-01"},
      {group_id: "G1", school_id: "S4", role: "member", joined_date: "2024-09-01", left_date: "2025-09-30"},
      {group_id: "G1", school_id: "S5", role: "member", joined_date: "2025-10-01"}
    ]
  });
});
afterAll(() => db.close());

describe("coverage", () => {
  it("counts schools, students and weak schools in any group on the as-of date", async () => {
    const [all] = await rows<Record<string, number>>(db, "coverage", "county = 'all' and stage = 'all' and locality = 'all' and ownership = 'all'");
    // schools: 2 of 5 → 0.4; students: (100 + 50) / (100 + 50 + 30 + 20 + 0) = 150 / 200 = 0.75; weak: S2 of {S2, S3} → 0.5
    expect(all).toMatchObject({
      n_schools: 5, n_schools_in_group: 2, share_schools: 0.4,
      n_students: 200, n_students_in_group: 150, share_students: 0.75,
      n_weak: 2, n_weak_in_group: 1, share_weak: 0.5
    });
  });

  it("has a row for every subset of the four dimensions, and leaves no weak share without weak schools", async () => {
    const [town] = await rows<Record<string, unknown>>(db, "coverage", "county = 'A' and stage = 'all' and locality = 'town' and ownership = 'all'");
    // town: S4 (20) and S5 (0), neither covered; no weak schools → share_weak NULL
    expect(town).toMatchObject({n_schools: 2, n_schools_in_group: 0, share_schools: 0, n_students: 20, share_students: 0, share_weak: null});
    const [junior] = await rows<Record<string, unknown>>(db, "coverage", "county = 'all' and stage = 'junior' and locality = 'rural' and ownership = 'public'");
    expect(junior).toMatchObject({n_schools: 1, n_schools_in_group: 0, n_weak: 1, share_weak: 0});
    // county, stage and ownership rolled up, locality kept or rolled up: urban, rural, town and all
    const [{n}] = (await db.all<{n: number}>("select count(*)::integer as n from coverage where county = 'all' and stage = 'all' and ownership = 'all'")) as [{n: number}];
    expect(n).toBe(4); // locality all, urban, rural, town
  });

  it("lists the uncovered schools", async () => {
    const uncovered = await rows<{school_id: string}>(db, "uncovered_schools", "true", "school_id");
    expect(uncovered.map((row) => row.school_id)).toEqual(["S3", "S4", "S5"]);
  });
});
