// Membership by section (issue 14 item 3): a 九年一贯制 school whose 小学部 is in one group and 初中部 in
// another, as 甘州区's plan has five of them (甘州中学教育集团 / 中学教育集团). Every expected value below is
// worked out by hand from the fixture.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../pipelines/db.js";
import {build, rows, school} from "./fixture.js";

type R = Record<string, unknown>;
let db: Db;

beforeAll(async () => {
  db = await build(
    {
      schools: [
        // P leads GP (a primary group), J leads GJ (a junior group)
        school({school_id: "P", students: 400, teaching_area_m2: 2000}),
        school({school_id: "J", stage: "junior", students: 300, teaching_area_m2: 1800}),
        // N: 九年一贯制, 600 + 300 students reported by section; 小学部 in GP, 初中部 in GJ
        school({school_id: "N", stage: "nine_year", locality: "rural", students: 900, students_primary: 600, students_junior: 300, teaching_area_m2: 3600}),
        // T: 十二年一贯制 with no section counts: 1200 split by grade years 6/3/3 of 12 → 600 / 300 / 300;
        // only its 小学部 is in a group (GP), so it is partly covered
        school({school_id: "T", stage: "twelve_year", locality: "town", students: 1200, teaching_area_m2: 4800}),
        // X: in no group
        school({school_id: "X", students: 100, teaching_area_m2: 500})
      ],
      groups: [
        {group_id: "GP", group_name: "小学部集团", group_type: "through"},
        {group_id: "GJ", group_name: "中学集团", group_type: "alliance"}
      ],
      memberships: [
        {group_id: "GP", school_id: "P", role: "lead", joined_date: "2024-11-01"},
        {group_id: "GP", school_id: "N", section: "primary", role: "member", joined_date: "2024-11-01"},
        {group_id: "GP", school_id: "T", section: "primary", role: "member", joined_date: "2024-11-01"},
        {group_id: "GJ", school_id: "J", role: "lead", joined_date: "2024-11-01"},
        {group_id: "GJ", school_id: "N", section: "junior", role: "member", joined_date: "2024-11-01"}
      ],
      exams: [
        {exam_id: "E5", subject: "数学", exam_name: "五年级期末", exam_date: "2025-07-01", grade: 5, full_marks: 100},
        {exam_id: "E8", subject: "数学", exam_name: "八年级期末", exam_date: "2025-07-01", grade: 8, full_marks: 100}
      ],
      scores: [
        ...[70, 90].map((score, i) => ({exam_id: "E5", school_id: "P", student_id: `p${i}`, score})),
        ...[60, 80].map((score, i) => ({exam_id: "E5", school_id: "N", student_id: `n5${i}`, score})),
        ...[50, 70].map((score, i) => ({exam_id: "E8", school_id: "J", student_id: `j${i}`, score})),
        ...[30, 50].map((score, i) => ({exam_id: "E8", school_id: "N", student_id: `n8${i}`, score}))
      ].map((row) => ({subject: "数学", ...row}))
    },
    {min_n: 2}
  );
});
afterAll(() => db.close());

describe("membership by section", () => {
  it("lists a section as a member with its own students, and counts it once in the group's profile", async () => {
    const members = await rows<R>(db, "group_members", "true", "group_id, school_id");
    // n_students: the school's enrolment; n_section_students: the member's own
    expect(members.map((m) => [m.group_id, m.school_id, m.section, m.role, m.n_students, m.n_section_students])).toEqual([
      ["GJ", "J", "all", "lead", 300, 300],
      ["GJ", "N", "junior", "member", 900, 300],
      ["GP", "N", "primary", "member", 900, 600],
      ["GP", "P", "all", "lead", 400, 400],
      ["GP", "T", "primary", "member", 1200, 600]
    ]);
    const profiles = await rows<R>(db, "group_profile", "true", "group_id");
    // GJ: J 300 + N's 初中部 300; GP: P 400 + N's 小学部 600 + T's 小学部 600 = 1600, rural N 600/1600 = 0.375
    expect(profiles.map((p) => [p.group_id, p.n_members, p.n_students])).toEqual([["GJ", 2, 600], ["GP", 3, 1600]]);
    expect(profiles[1]!.share_rural_students as number).toBeCloseTo(0.375, 12);
  });

  it("covers a school when any section is in a group, counting the grouped sections' students", async () => {
    const [all] = await rows<R>(db, "coverage", "county = 'all' and stage = 'all' and locality = 'all' and ownership = 'all'");
    // schools: P, J, N, T in a group (T partly: its 初中部 and 高中部 are in none), X not
    // students: 400 + 300 + 900 + 1200 + 100 = 2900; in a group 400 + 300 + 900 (both sections) + 600 (T's 小学部) = 2200
    expect(all).toMatchObject({n_schools: 5, n_schools_in_group: 4, n_schools_partly_in_group: 1, n_students: 2900, n_students_in_group: 2200});
    expect(all!.share_students as number).toBeCloseTo(2200 / 2900, 12);
    const uncovered = await rows<R>(db, "uncovered_schools");
    expect(uncovered.map((u) => u.school_id)).toEqual(["X"]);
  });

  it("puts an exam's students in the group of the exam's section (grade 5 → 小学部, grade 8 → 初中部)", async () => {
    const exam = await rows<R>(db, "int_exam_memberships", "true", "exam_id, group_id, school_id");
    expect(exam.map((e) => `${e.exam_id}:${e.group_id}:${e.school_id}`)).toEqual(["E5:GP:N", "E5:GP:P", "E8:GJ:J", "E8:GJ:N"]);
    const gaps = await rows<R>(db, "urban_rural_gap", "comparison = 'lead_member'", "exam_id");
    expect(gaps.map((g) => [g.exam_id, g.scope_id, g.n_first, g.n_second])).toEqual([["E5", "GP", 2, 2], ["E8", "GJ", 2, 2]]);
    // E5: 70 90 60 80, mean 75, sd √((25+225+225+25)/3) = √(500/3); lead mean 80, members 70: gap 10/√(500/3) = √0.6
    expect(gaps[0]!.gap as number).toBeCloseTo(Math.sqrt(0.6), 12);
    // E8: 50 70 30 50, mean 50, sd √((0+400+400+0)/3) = √(800/3); lead mean 60, members 40: gap 20/√(800/3) = √1.5
    expect(gaps[1]!.gap as number).toBeCloseTo(Math.sqrt(1.5), 12);
  });

  it("gives a group's resource spread over its sections only, and each section one group in the Theil split", async () => {
    const cv = await rows<R>(db, "resource_cv", "scope = 'group' and indicator = 'teaching_area_per_student'", "scope_id, section");
    // GJ: J (whole, junior) and N's 初中部; GP: P, N's 小学部 and T's 小学部 — no 初中部 or 高中部 in GP
    expect(cv.map((c) => [c.scope_id, c.section, c.n_schools, c.n_students])).toEqual([
      ["GJ", "junior", 2, 600],
      ["GP", "primary", 3, 1600]
    ]);
    const primary = await rows<R>(db, "int_school_primary_group", "school_id in ('N', 'T')", "school_id, section");
    expect(primary.map((p) => [p.school_id, p.section, p.group_id])).toEqual([
      ["N", "junior", "GJ"],
      ["N", "primary", "GP"],
      ["T", "primary", "GP"]
    ]);
  });
});
