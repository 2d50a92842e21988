import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

describe("exam_school", () => {
  it("computes 三率一分 and the mean z-score, suppressing small schools", async () => {
    const scores: [string, string, number | null][] = [
      ["A", "a1", 85], ["A", "a2", 80], ["A", "a3", 60], ["A", "a4", 30], ["A", "a5", null],
      ["B", "b1", 70], ["B", "b2", 50],
      // every student of C absent: a row of its own, with its count of absences and no value
      ["C", "c1", null], ["C", "c2", null]
    ];
    const db = await build(
      {
        schools: [school({school_id: "A"}), school({school_id: "B", locality: "rural"}), school({school_id: "C"})],
        exams: [{exam_id: "E", subject: "math", exam_name: "期末", exam_date: "2025-07-01", grade: 5, full_marks: 100, scope: "group"}],
        scores: scores.map(([school_id, student_id, score]) => ({exam_id: "E", subject: "math", student_id, school_id, score, is_absent: score === null}))
      },
      {min_n: 3}
    );
    const [a, b, c] = await rows<Record<string, number | boolean | null>>(db, "exam_school", "true", "school_id");
    // exam over the 6 present students: mean 375/6 = 62.5; deviations 22.5, 17.5, −2.5, −32.5, 7.5, −12.5;
    // squares 506.25 + 306.25 + 6.25 + 1056.25 + 56.25 + 156.25 = 2087.5; sd = √(2087.5/5) = √417.5 = 20.43282
    // A (4 present, 1 absent): mean (85+80+60+30)/4 = 63.75; sd: deviations 21.25, 16.25, −3.75, −33.75 →
    //   451.5625 + 264.0625 + 14.0625 + 1139.0625 = 1868.75 / 3 = 622.9167 → 24.95830
    //   excellent ≥ 85: 1/4; pass ≥ 60: 3/4; low < 40: 1/4; mean rate 0.6375; mean z = (63.75 − 62.5)/20.43282 = 0.061176
    // the exam's kind is carried through, so that a chart can say which exam a point is
    expect(a).toMatchObject({exam_scope: "group", n_students: 4, n_absent: 1, is_suppressed: false, mean_score: 63.75, mean_rate: 0.6375, excellent_rate: 0.25, pass_rate: 0.75, low_rate: 0.25});
    expect(a!.sd_score!).toBeCloseTo(24.9583, 4);
    expect(a!.mean_z!).toBeCloseTo(0.061176, 6);
    // B: 2 students < min_n 3 → every value NULL
    expect(b).toMatchObject({n_students: 2, is_suppressed: true, mean_score: null, sd_score: null, pass_rate: null, mean_z: null});
    expect(c).toMatchObject({
      school_id: "C", n_students: 0, n_absent: 2, is_suppressed: true,
      mean_score: null, sd_score: null, excellent_rate: null, mean_z: null
    });
    db.close();
  });
});
