// The smaller points of the national standard (督导评估办法 2017), worked out by hand: backbone teachers are
// full-time teachers, PE and arts teachers match a subject list (艺术 included), one school has no 差异系数,
// and school size and average class size are checked against their limits.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../pipelines/db.js";
import {build, rows, school} from "./fixture.js";

let db: Db;
beforeAll(async () => {
  db = await build({
    schools: [
      school({school_id: "A", students: 900, classes: 20}), // 45 a class: at the primary limit
      school({school_id: "B", stage: "junior", students: 1020, classes: 20}), // 51 a class: over the junior limit of 50
      // nine-year: 1800 + 800 = 2600 compulsory students > 2500; classes reported for the whole school only
      school({school_id: "C", stage: "nine_year", students: 2600, students_primary: 1800, students_junior: 800, classes: 56})
    ],
    groups: [{group_id: "G", group_name: "单校集团", group_type: "tight"}],
    memberships: [{group_id: "G", school_id: "A", role: "lead", joined_date: "2024-01-01"}],
    teachers: [
      {teacher_id: "a1", school_id: "A", subject: "语文", backbone_level: "county"},
      {teacher_id: "a2", school_id: "A", subject: "数学", backbone_level: "municipal", is_full_time: false}, // part-time: not counted
      {teacher_id: "a3", school_id: "A", subject: "艺术"},
      {teacher_id: "a4", school_id: "A", subject: " 音乐 "},
      {teacher_id: "a5", school_id: "A", subject: "体育与健康"},
      {teacher_id: "a6", school_id: "A", subject: "美术", is_full_time: false} // part-time: not counted
    ]
  });
});
afterAll(() => db.close());

describe("standard checks", () => {
  it("counts full-time backbone teachers only, and PE and arts teachers by subject list", async () => {
    const [a] = await rows<Record<string, number>>(db, "school_resources", "school_id = 'A'", "section");
    // backbone: a1 only (a2 is part-time) → 1 × 100 / 900 = 0.111111
    expect(a!.backbone_per_100).toBeCloseTo(100 / 900, 9);
    // PE and arts: a3 艺术, a4 音乐 (spaces ignored), a5 体育与健康 → 3 × 100 / 900 = 0.333333 (a6 is part-time)
    expect(a!.pe_arts_per_100).toBeCloseTo(300 / 900, 9);
    const [structure] = await rows<Record<string, number>>(db, "teacher_structure", "school_id = 'A'", "school_id");
    expect(structure!.backbone_per_100).toBeCloseTo(100 / 900, 9);
  });

  it("gives a one-school group no coefficient of variation and no verdict", async () => {
    const found = await rows<Record<string, unknown>>(db, "resource_cv", "scope = 'group' and scope_id = 'G'", "indicator");
    // the three teacher indicators have values (A reports no areas, equipment or rooms)
    expect(found.map((row) => row.indicator)).toEqual(["backbone_per_100", "pe_arts_per_100", "qualified_teachers_per_100"]);
    for (const row of found) expect(row, String(row.indicator)).toMatchObject({n_schools: 1, cv: null, meets: null});
  });

  it("checks school size and average class size against the standard's limits", async () => {
    const found = await rows<Record<string, unknown>>(db, "school_resources", "true", "school_id, section");
    const pick = (id: string, section: string) => found.find((row) => row.school_id === id && row.section === section);
    // A: 900 ≤ 2000; 900 / 20 = 45 ≤ 45
    expect(pick("A", "primary")).toMatchObject({compulsory_students: 900, school_size_limit: 2000, meets_school_size: true, class_size: 45, class_size_limit: 45, meets_class_size: true});
    // B: 1020 ≤ 2000; 1020 / 20 = 51 > 50
    expect(pick("B", "junior")).toMatchObject({compulsory_students: 1020, school_size_limit: 2000, meets_school_size: true, class_size: 51, class_size_limit: 50, meets_class_size: false});
    // C: 2600 > 2500 on both section rows; classes are not reported by section: no class size
    for (const section of ["primary", "junior"]) {
      expect(pick("C", section)).toMatchObject({compulsory_students: 2600, school_size_limit: 2500, meets_school_size: false, class_size: null, meets_class_size: null});
    }
  });
});
