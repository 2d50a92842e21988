import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

describe("score_variance", () => {
  it("gives the between-school share of variance (ANOVA intraclass correlation)", async () => {
    const db = await build(
      {
        schools: [school({school_id: "A"}), school({school_id: "B"}), school({school_id: "C", county: "B"})],
        exams: [{exam_id: "E", subject: "math", exam_name: "期末", exam_date: "2025-07-01", grade: 5, full_marks: 100}],
        scores: [
          ...[1, 2, 3].map((score, i) => ({school_id: "A", student_id: `a${i}`, score})),
          ...[5, 6, 7].map((score, i) => ({school_id: "B", student_id: `b${i}`, score})),
          ...[5, 6].map((score, i) => ({school_id: "C", student_id: `c${i}`, score}))
        ].map((row) => ({exam_id: "E", subject: "math", ...row}))
      },
      {min_n: 3}
    );
    const [a, b] = await rows<Record<string, number | boolean | null>>(db, "score_variance", "true", "county");
    // county A: N = 6, J = 2, grand mean 4, school means 2 and 6.
    // SSB = 3·(2−4)² + 3·(6−4)² = 24; SSW = (1+0+1) + (1+0+1) = 4; MSB = 24/1 = 24; MSW = 4/(6−2) = 1
    // n₀ = (6 − (9+9)/6)/(2−1) = 3; σ²_between = (24 − 1)/3 = 7.66667; share = 7.66667/(7.66667 + 1) = 23/26 = 0.884615
    // η² = 24/28 = 0.857143
    expect(a).toMatchObject({county: "A", n_schools: 2, n_students: 6, is_suppressed: false, var_within: 1});
    expect(a!.between_school_share!).toBeCloseTo(23 / 26, 10);
    expect(a!.eta_squared!).toBeCloseTo(24 / 28, 10);
    // county B: 2 students < 3 → suppressed
    expect(b).toMatchObject({county: "B", n_students: 2, is_suppressed: true, between_school_share: null});
    db.close();
  });
});
