import {describe, expect, it} from "vitest";
import {exchangeFixture} from "./exchange-fixture.js";
import {build, rows, school} from "./fixture.js";

describe("headline", () => {
  it("leads with coverage, the latest exchange rate and compliance per county and for the region", async () => {
    const db = await build(exchangeFixture(), {region_name: "甘州区"});
    const found = await rows<Record<string, unknown>>(db, "headline", "period = '2025Q4'", "county");
    const [a, all, b] = [found.find((r) => r.county === "A"), found.find((r) => r.county === "all"), found.find((r) => r.county === "B")];
    // schools X (400, G lead), Y (100, G member) in county A; Z (100) in county B, in no group.
    // A: 2/2 schools, 500/500 students; all: 2/3 schools, 500/600 students; B: 0
    expect(a).toMatchObject({share_schools_in_group: 1, share_students_in_group: 1, n_schools: 3 - 1, region_name: null});
    expect(all).toMatchObject({n_schools: 3, region_name: "甘州区"});
    expect(all!.share_schools_in_group as number).toBeCloseTo(2 / 3, 12);
    expect(all!.share_students_in_group as number).toBeCloseTo(500 / 600, 12);
    // exchange, school year 2025-2026 (started 2025-09-01 ≤ 2025-12-31): A 2/5 = 0.4 (teacher_exchange.test.ts),
    // B: z1 of 1 eligible = 1.0; all: (2 + 1)/(5 + 1) = 0.5
    expect(a).toMatchObject({exchange_school_year: "2025-2026", exchange_rate: 0.4});
    expect(b).toMatchObject({exchange_rate: 1, share_schools_in_group: 0});
    expect(all).toMatchObject({exchange_rate: 0.5});
    // no exams → no gap; no resources reported → no school is compliant
    expect(all).toMatchObject({urban_rural_gap: null, n_compliant_schools: 0, n_schools_assessed: 3});
    db.close();
  });

  it("takes the urban–rural gap from the latest district-wide exam, not a later joint exam of one group", async () => {
    // E1 (区统考, July): urban 60, 70, 80 vs rural 40, 50, 60 → gap 20 points; all 6 scores: mean 60,
    //   squared deviations 0+100+400+400+100+0 = 1000, sd = √(1000/5) = 14.142136 → gap in z = 20/14.142136 = 1.414214
    // E2 (集团联考, September, later): urban 50, 50, 50 vs rural 50, 50, 56 → a different gap; must not be chosen
    const scores = (exam: string, urban: number[], rural: number[]) => [
      ...urban.map((score, i) => ({exam_id: exam, subject: "math", school_id: "U", student_id: `u${i}`, score})),
      ...rural.map((score, i) => ({exam_id: exam, subject: "math", school_id: "R", student_id: `r${i}`, score}))
    ];
    const db = await build(
      {
        schools: [school({school_id: "U"}), school({school_id: "R", locality: "rural"})],
        exams: [
          {exam_id: "E1", subject: "math", exam_name: "区统考", exam_date: "2025-07-01", grade: 5, full_marks: 100, scope: "district"},
          {exam_id: "E2", subject: "math", exam_name: "集团联考", exam_date: "2025-09-20", grade: 5, full_marks: 100, scope: "group"}
        ],
        scores: [...scores("E1", [60, 70, 80], [40, 50, 60]), ...scores("E2", [50, 50, 50], [50, 50, 56])]
      },
      {min_n: 3}
    );
    const [all] = await rows<Record<string, unknown>>(db, "headline", "period = '2025Q3' and county = 'all'");
    expect(all!.urban_rural_gap as number).toBeCloseTo(1.414214, 5);
    db.close();
  });

  it("compares only comparable exams (district-wide, same grade, same subjects), never falls back to a joint exam, and flags quarters without one", async () => {
    const scores = (exam: string, urban: number[], rural: number[]) => [
      ...urban.map((score, i) => ({exam_id: exam, subject: "math", school_id: "U", student_id: `${exam}u${i}`, score})),
      ...rural.map((score, i) => ({exam_id: exam, subject: "math", school_id: "R", student_id: `${exam}r${i}`, score}))
    ];
    const exam = (exam_id: string, exam_date: string, grade: number, scope: string) => ({exam_id, subject: "math", exam_name: `${exam_id}考试`, exam_date, grade, full_marks: 100, scope});
    const periods = ["2024Q4", "2025Q1", "2025Q2", "2025Q3"];
    const db = await build(
      {
        schools: periods.flatMap((period) => [school({school_id: "U", period}), school({school_id: "R", locality: "rural", period})]),
        exams: [
          exam("G4", "2024-11-20", 4, "group"),
          exam("E5a", "2025-01-10", 5, "district"),
          exam("E6", "2025-06-20", 6, "district"),
          exam("E5b", "2025-06-20", 5, "district")
        ],
        // E5a and E6: urban 60, 70, 80 vs rural 40, 50, 60 → 20 points over sd √(1000/5) = 14.142136: 1.414214 z
        // E5b: urban 50, 60, 70 vs rural 50, 60, 70 → 0. G4: any gap; it must never be the headline's
        scores: [
          ...scores("G4", [80, 90, 100], [40, 50, 60]),
          ...scores("E5a", [60, 70, 80], [40, 50, 60]),
          ...scores("E6", [60, 70, 80], [40, 50, 60]),
          ...scores("E5b", [50, 60, 70], [50, 60, 70])
        ]
      },
      {min_n: 3}
    );
    const found = await rows<Record<string, unknown>>(db, "headline", "county = 'all'", "period");
    const at = (period: string) => found.find((row) => row.period === period)!;
    // 2024Q4: only the group's joint exam — no gap, and no fallback to it
    expect(at("2024Q4")).toMatchObject({gap_exam_id: null, urban_rural_gap: null, gap_in_period: false, gap_previous: null});
    // 2025Q1: E5a, the first grade-5 district exam: nothing comparable before it
    expect(at("2025Q1")).toMatchObject({gap_exam_id: "E5a", gap_grade: 5, gap_subjects: "math", gap_in_period: true, gap_previous_exam_id: null, gap_change: null});
    expect(at("2025Q1").urban_rural_gap as number).toBeCloseTo(1.414214, 5);
    // 2025Q2: E6 and E5b on one date, the lower grade first → E5b (gap 0); its previous comparable exam is E5a
    // (grade 5), not E6 (grade 6): change 0 − 1.414214
    expect(at("2025Q2")).toMatchObject({gap_exam_id: "E5b", gap_exam_name: "E5b考试", gap_grade: 5, gap_in_period: true, gap_previous_exam_id: "E5a"});
    expect(at("2025Q2").urban_rural_gap as number).toBeCloseTo(0, 9);
    expect(at("2025Q2").gap_previous as number).toBeCloseTo(1.414214, 5);
    expect(at("2025Q2").gap_change as number).toBeCloseTo(-1.414214, 5);
    expect(String(at("2025Q2").gap_previous_exam_date)).toContain("2025-01-10");
    // 2025Q3: no exam in the quarter: the latest figure is E5b's, flagged as not of this quarter
    expect(at("2025Q3")).toMatchObject({gap_exam_id: "E5b", gap_in_period: false});
    db.close();
  });
});
