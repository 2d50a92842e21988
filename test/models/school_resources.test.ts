import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../pipelines/db.js";
import {build, rows, school, type Row} from "./fixture.js";

// Thresholds (primary): qualified 4.2, backbone 1.0, PE/arts 0.9, teaching area 4.5, sports 7.5, equipment 2000, multimedia 2.3.
function staff(schoolId: string, n: number, extra: Row = {}): Row[] {
  return Array.from({length: n}, (_, i) => ({teacher_id: `${schoolId}-${extra.section ?? "x"}-${extra.degree ?? "d"}-${i}`, school_id: schoolId, degree: "associate", ...extra}));
}
let db: Db;
beforeAll(async () => {
  const resources = {teaching_area_m2: 900, sports_area_m2: 1400, equipment_value_yuan: 400000, multimedia_rooms: 5};
  db = await build({
    schools: [
      school({school_id: "OK", students: 200, ...resources}),
      school({school_id: "LOW", students: 200, ...resources, sports_area_m2: 1200}),
      school({school_id: "UNK", students: 200, ...resources, equipment_value_yuan: null}),
      school({
        school_id: "N", stage: "nine_year", students: 200, students_primary: 120, students_junior: 80,
        teaching_area_m2: 1000, sports_area_m2: 2000, equipment_value_yuan: 500000, multimedia_rooms: 10
      })
    ],
    teachers: [
      // OK, LOW, UNK: 9 full-time associate-degree teachers, 2 of them PE/music, 2 county backbone, and one part-time
      ...["OK", "LOW", "UNK"].flatMap((id) => [
        ...staff(id, 5),
        ...staff(id, 2, {subject: "体育", degree: "bachelor"}),
        ...staff(id, 2, {backbone_level: "county", degree: "master"}),
        ...staff(id, 1, {is_full_time: false, degree: "doctorate"})
      ]),
      // N: 3 bachelor teachers of the junior section, 2 associate teachers with no section, 1 bachelor "senior" (no such section)
      ...staff("N", 3, {section: "junior", degree: "bachelor"}),
      ...staff("N", 2, {degree: "associate"}),
      ...staff("N", 1, {section: "senior", degree: "bachelor"})
    ]
  });
});
afterAll(() => db.close());

describe("school_resources", () => {
  it("computes the seven indicators and the 6-of-7 and 85% rule", async () => {
    const [low, n, ok, unknown] = await rows<Record<string, number | boolean | null>>(db, "school_resources", "section = 'primary'", "school_id");
    // OK: qualified (full-time, associate+) 9 ×100/200 = 4.5 ≥ 4.2; backbone 2 ×100/200 = 1.0 ≥ 1.0; PE/arts 2 ×100/200 = 1.0 ≥ 0.9;
    // teaching 900/200 = 4.5 ≥ 4.5; sports 1400/200 = 7.0 < 7.5 but ≥ 0.85·7.5 = 6.375; equipment 400000/200 = 2000 ≥ 2000;
    // multimedia 5 ×100/200 = 2.5 ≥ 2.3 → 6 met, the seventh at 93% → compliant
    expect(ok).toMatchObject({
      qualified_teachers_per_100: 4.5, backbone_per_100: 1, pe_arts_per_100: 1, teaching_area_per_student: 4.5,
      sports_area_per_student: 7, equipment_per_student: 2000, multimedia_per_100: 2.5, n_met: 6, is_compliant: true
    });
    // LOW: sports 1200/200 = 6.0 < 6.375 → 6 met but one below 85% → not compliant
    expect(low).toMatchObject({sports_area_per_student: 6, n_met: 6, is_compliant: false});
    // UNK: equipment unknown, sports not met but within 85%: 5 met, 1 missing → cannot be decided
    expect(unknown).toMatchObject({equipment_per_student: null, n_met: 5, n_missing: 1, is_compliant: null});
    expect(n).toMatchObject({section: "primary", section_students: 120});
  });

  it("splits a nine-year school into sections by section, else by student share", async () => {
    const [junior, primary] = await rows<Record<string, number>>(db, "school_resources", "school_id = 'N'", "section");
    // shares: primary 120/200 = 0.6, junior 80/200 = 0.4.
    // primary (associate+): the 2 unassigned associates ×0.6 + the "senior" bachelor ×0.6 = 1.8 → 1.8 ×100/120 = 1.5
    // junior (bachelor+): the 3 junior bachelors + the "senior" bachelor ×0.4 = 3.4 → 3.4 ×100/80 = 4.25 (associates do not qualify)
    expect(primary!.qualified_teachers_per_100).toBeCloseTo(1.5, 12);
    expect(junior!.qualified_teachers_per_100).toBeCloseTo(4.25, 12);
    // resources split by share: teaching 1000·0.6/120 = 5.0 = 1000·0.4/80; multimedia 10·100·0.6/120 = 5.0
    expect(primary!.teaching_area_per_student).toBeCloseTo(5, 12);
    expect(junior!.teaching_area_per_student).toBeCloseTo(5, 12);
    expect(junior!.multimedia_per_100).toBeCloseTo(5, 12);
    // equipment 500000·0.4/80 = 2500 ≥ 2500 (junior threshold)
    expect(junior!.equipment_per_student).toBeCloseTo(2500, 9);
  });
});
