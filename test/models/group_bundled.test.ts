// 捆绑考核: the lead and its members evaluated as one. Every expected value is worked out by hand below.
import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

const students = (exam_id: string, school_id: string, scores: number[]) =>
  scores.map((score, i) => ({exam_id, subject: "math", student_id: `${exam_id}-${school_id}-${i}`, school_id, score, is_absent: false}));

const fixture = {
  schools: [school({school_id: "L"}), school({school_id: "M1", locality: "rural"}), school({school_id: "M2", locality: "rural"}), school({school_id: "O"})],
  groups: [{group_id: "G", group_name: "集团", group_type: "tight"}],
  memberships: [
    {group_id: "G", school_id: "L", role: "lead", joined_date: "2024-01-01"},
    {group_id: "G", school_id: "M1", role: "member", joined_date: "2024-01-01"},
    {group_id: "G", school_id: "M2", role: "member", joined_date: "2024-01-01"}
  ],
  exams: [
    {exam_id: "E1", subject: "math", exam_name: "期初", exam_date: "2025-07-01", grade: 5, full_marks: 100, scope: "district"},
    {exam_id: "E3", subject: "math", exam_name: "联考", exam_date: "2025-08-01", grade: 5, full_marks: 100, scope: "group"},
    {exam_id: "E2", subject: "math", exam_name: "期末", exam_date: "2025-09-20", grade: 5, full_marks: 100, scope: "district"}
  ],
  scores: [
    ...students("E1", "L", [80, 80]), ...students("E1", "M1", [60, 60]), ...students("E1", "M2", [40, 40]), ...students("E1", "O", [60, 60]),
    ...students("E3", "L", [90]), ...students("E3", "M1", [70]),
    ...students("E2", "L", [70, 70]), ...students("E2", "M1", [70, 70]), ...students("E2", "M2", [50, 50]), ...students("E2", "O", [50, 50])
  ]
};

describe("group_bundled", () => {
  it("weighs the lead's and the members' mean z, and compares with the group's previous exam of the same kind", async () => {
    const db = await build(fixture, {min_n: 2});
    const found = await rows<Record<string, unknown>>(db, "group_bundled", "true", "exam_date");
    // E1: 8 scores, mean 60, deviations ±20 (four) and 0 (four): sd = √(1600/7) = 15.118579;
    //   z: L 20/15.118579 = 1.3228757, M1 0, M2 −1.3228757, O 0
    //   lead 1.3228757; members (2·0 + 2·(−1.3228757)) / 4 = −0.6614378
    //   bundled (w = 0.5) = 0.6614378 − 0.3307189 = 0.3307189 (the group's pooled mean z would be 0)
    // E3 (group joint): one student each side < min_n 2 → suppressed, no score
    // E2: mean 60, deviations ±10 (eight): sd = √(800/7) = 10.690450; z: L, M1 0.9354143; M2, O −0.9354143
    //   lead 0.9354143; members 0; bundled 0.4677072; previous district exam E1 (E3 is of another kind):
    //   change 0.4677072 − 0.3307189 = 0.1369883
    expect(found.map((row) => [row.exam_id, row.exam_scope, row.n_lead, row.n_members, row.n_member_schools, row.is_suppressed, row.previous_exam_id])).toEqual([
      ["E1", "district", 2, 4, 2, false, null],
      ["E3", "group", 1, 1, 1, true, null],
      ["E2", "district", 2, 4, 2, false, "E1"]
    ]);
    expect(found[0]!.bundled_z as number).toBeCloseTo(0.3307189, 6);
    expect(found[0]!.bundled_change).toBeNull();
    expect(found[1]!.bundled_z).toBeNull();
    expect(found[2]!.bundled_z as number).toBeCloseTo(0.4677072, 6);
    expect(found[2]!.bundled_change as number).toBeCloseTo(0.1369883, 6);
    expect(found[0]!.lead_weight).toBe(0.5);
    db.close();
  });

  it("takes the lead's weight from the config", async () => {
    const db = await build(fixture, {min_n: 2, bundled: {lead_weight: 0.25}});
    const [e1] = await rows<Record<string, number>>(db, "group_bundled", "exam_id = 'E1'", "exam_id");
    // 0.25 · 1.3228757 + 0.75 · (−0.6614378) = 0.3307189 − 0.4960784 = −0.1653595
    expect(e1!.bundled_z).toBeCloseTo(-0.1653595, 6);
    expect(e1!.lead_weight).toBe(0.25);
    db.close();
  });
});
