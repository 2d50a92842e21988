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
});
