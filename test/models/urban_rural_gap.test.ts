import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

describe("urban_rural_gap", () => {
  it("gives the gap in mean z per county, group and all, no interval with one school a side, and suppresses small sides", async () => {
    const db = await build(
      {
        schools: [school({school_id: "U"}), school({school_id: "R", locality: "rural"}), school({school_id: "T", locality: "town"})],
        groups: [{group_id: "G", group_name: "集团", group_type: "tight"}],
        memberships: [
          {group_id: "G", school_id: "U", role: "lead", joined_date: "2025-01-01"},
          {group_id: "G", school_id: "R", role: "member", joined_date: "2025-01-01"}
        ],
        exams: [{exam_id: "E", subject: "math", exam_name: "期末", exam_date: "2025-07-01", grade: 5, full_marks: 100}],
        scores: [
          ...[60, 70, 80].map((score, i) => ({school_id: "U", student_id: `u${i}`, score})),
          ...[40, 50, 60].map((score, i) => ({school_id: "R", student_id: `r${i}`, score})),
          ...[60, 60].map((score, i) => ({school_id: "T", student_id: `t${i}`, score}))
        ].map((row) => ({exam_id: "E", subject: "math", ...row}))
      },
      {min_n: 3}
    );
    const found = await rows<Record<string, number | boolean | null | string>>(db, "urban_rural_gap", "true", "scope, scope_id, comparison");
    // exam: 8 students, mean 480/8 = 60, squared deviations 0+100+400+400+100+0+0+0 = 1000, sd = √(1000/7) = 11.952286
    // urban z mean = (70 − 60)/11.952286 = 0.836660; rural = (50 − 60)/11.952286 = −0.836660; gap = 20/11.952286 = 1.673320
    // one school a side: no between-school variance can be estimated on either side, so no interval (se, df,
    // ci NULL) and the comparison is flagged as resting on fewer than 3 schools a side
    const expected = {n_first: 3, n_second: 3, n_schools_first: 1, n_schools_second: 1, is_suppressed: false, is_few_schools: true, se: null, df: null, ci_low: null, ci_high: null};
    const urbanRural = found.filter((row) => row.comparison === "urban_rural");
    expect(urbanRural.map((row) => `${row.scope}:${row.scope_id}`)).toEqual(["all:all", "county:A", "group:G"]);
    for (const row of [...urbanRural, found.find((row) => row.comparison === "lead_member")!]) {
      expect(row).toMatchObject(expected);
      expect(row.gap as number).toBeCloseTo(1.67332, 5);
    }
    // urban vs town: town has 2 students < min_n 3 → suppressed
    const town = found.find((row) => row.scope === "county" && row.comparison === "urban_town");
    expect(town).toMatchObject({n_first: 3, n_second: 2, n_schools_first: null, is_suppressed: true, gap: null, se: null, ci_low: null, df: null});
    db.close();
  });

  it("pools several schools on a side into one set of students; a side of one school takes the other side's between-school variance", async () => {
    const db = await build(
      {
        schools: [school({school_id: "U1"}), school({school_id: "U2"}), school({school_id: "R", locality: "rural"})],
        groups: [{group_id: "G", group_name: "集团", group_type: "tight"}],
        memberships: [
          {group_id: "G", school_id: "U1", role: "lead", joined_date: "2025-01-01"},
          {group_id: "G", school_id: "U2", role: "member", joined_date: "2025-01-01"},
          {group_id: "G", school_id: "R", role: "member", joined_date: "2025-01-01"}
        ],
        exams: [{exam_id: "E", subject: "math", exam_name: "期末", exam_date: "2025-07-01", grade: 5, full_marks: 100}],
        scores: [
          ...[60, 80].map((score, i) => ({school_id: "U1", student_id: `a${i}`, score})),
          ...[70, 90, 100].map((score, i) => ({school_id: "U2", student_id: `b${i}`, score})),
          ...[40, 50, 60].map((score, i) => ({school_id: "R", student_id: `r${i}`, score}))
        ].map((row) => ({exam_id: "E", subject: "math", ...row}))
      },
      {min_n: 2}
    );
    const found = await rows<Record<string, number | boolean | null | string>>(db, "urban_rural_gap", "true", "scope, scope_id, comparison");
    // exam: 8 students, mean 550/8 = 68.75, Σ squared deviations 2887.5, sd = √(2887.5/7) = √412.5 = 20.310096
    // urban students 60, 80, 70, 90, 100: mean 80, sample variance 1000/4 = 250 → in z 250/412.5 = 0.606061
    //   (the two schools' own variances, 200 and 233.3, would give neither)
    // rural 40, 50, 60: mean 50, variance 100 → 0.242424; gap = 30/20.310096 = 1.477098
    // se (schools as clusters, in marks, then ÷ 20.310096): urban side of two schools, CR1: its CR0 is
    //   U1 (60, 80) mean 70, U2 (70, 90, 100) mean 86.667; Σ n_j²(mean_j − 80)²/5² = (4·(70−80)² + 9·(86.667−80)²)/25
    //   = (400 + 400)/25 = 32, × G/(G−1)·(N−1)/(N−2) = 3/2·7/6 = 1.75 → 56
    // rural side, one school: its own variance over n, 100/3 = 33.333, plus the urban schools' τ²:
    //   SSB = 2·10² + 3·6.667² = 333.333, MSB = 333.333/1; SSW = 200 + 466.667 = 666.667, MSW = 666.667/3 = 222.222;
    //   n₀ = (5 − (4 + 9)/5)/1 = 2.4; τ² = (333.333 − 222.222)/2.4 = 46.296
    // Var = 56 + 33.333 + 46.296 = 135.630, se = 11.6460 marks = 0.573410 z; df = 3 − 1 = 2, t = 4.302653
    // ci = 1.477098 ∓ 4.302653·0.573410 = [−0.990087, 3.944282]
    for (const scope of ["all", "county", "group"]) {
      const row = found.find((candidate) => candidate.scope === scope && candidate.comparison === "urban_rural")!;
      expect(row).toMatchObject({n_first: 5, n_second: 3, n_schools_first: 2, n_schools_second: 1, is_suppressed: false, is_few_schools: true, df: 2});
      expect(row.gap as number).toBeCloseTo(1.477098, 5);
      expect(row.se as number).toBeCloseTo(0.57341, 5);
      expect(row.ci_low as number).toBeCloseTo(-0.990087, 5);
      expect(row.ci_high as number).toBeCloseTo(3.944282, 5);
    }
    // lead (U1: 60, 80) against members (U2 and R: 70, 90, 100, 40, 50, 60)
    // lead mean 70, variance 200; members mean 410/6 = 68.333, Σ squared deviations 2683.333, variance 536.667
    // gap = 1.6667/20.310096 = 0.082061
    const lead = found.find((candidate) => candidate.comparison === "lead_member")!;
    expect(lead).toMatchObject({n_first: 2, n_second: 6, n_schools_first: 1, n_schools_second: 2, is_suppressed: false, is_few_schools: true});
    expect(lead.gap as number).toBeCloseTo(0.082061, 5);
    db.close();
  });

  it("treats schools as clusters: CR1 with G/(G − 1)·(N − 1)/(N − 2) and t on G − 1 df; a lead school adds the members' between-school variance", async () => {
    // two urban (U1, U2) and two rural (R1, R2) schools; the group's lead is U1, its members U2, R1 and R2
    const scores = {U1: [70, 80], U2: [80, 90, 100], R1: [50, 60], R2: [60, 70, 80]};
    const db = await build(
      {
        schools: [school({school_id: "U1"}), school({school_id: "U2"}), school({school_id: "R1", locality: "rural"}), school({school_id: "R2", locality: "rural"})],
        groups: [{group_id: "G", group_name: "集团", group_type: "tight"}],
        memberships: ["U1", "U2", "R1", "R2"].map((id) => ({group_id: "G", school_id: id, role: id === "U1" ? "lead" : "member", joined_date: "2025-01-01"})),
        exams: [{exam_id: "E", subject: "math", exam_name: "期末", exam_date: "2025-07-01", grade: 5, full_marks: 100}],
        scores: Object.entries(scores).flatMap(([id, marks]) =>
          marks.map((score, i) => ({exam_id: "E", subject: "math", school_id: id, student_id: `${id}-${i}`, score}))
        )
      },
      {min_n: 2}
    );
    const found = await rows<Record<string, number | boolean | null | string>>(db, "urban_rural_gap", "true", "scope, scope_id, comparison");
    // the exam: 10 students, Σ = 740, mean 74; squared deviations 16+36+36+256+676+576+196+196+16+36 = 2040;
    // sd = √(2040/9) = 15.055453 marks. Work in marks, then divide by the sd (z is linear in the mark).
    const sd = Math.sqrt(2040 / 9);
    // urban − rural: urban (70, 80 | 80, 90, 100) mean 420/5 = 84; rural (50, 60 | 60, 70, 80) mean 320/5 = 64; gap 20
    // CR0 per side: urban (2²·(75 − 84)² + 3²·(90 − 84)²)/5² = (324 + 324)/25 = 25.92;
    //               rural (2²·(55 − 64)² + 3²·(70 − 64)²)/5² = 25.92
    // CR1 factor: G/(G − 1)·(N − 1)/(N − 2) = 4/3 · 9/8 = 1.5 → Var = 1.5·51.84 = 77.76; df = G − 1 = 3, t = 3.182446
    for (const scope of ["all", "county", "group"]) {
      const row = found.find((candidate) => candidate.scope === scope && candidate.comparison === "urban_rural")!;
      expect(row).toMatchObject({n_schools_first: 2, n_schools_second: 2, is_few_schools: true, df: 3});
      expect(row.gap as number).toBeCloseTo(20 / sd, 9);
      expect(row.se as number).toBeCloseTo(Math.sqrt(77.76) / sd, 9);
      expect(row.ci_low as number).toBeCloseTo((20 - 3.182446 * Math.sqrt(77.76)) / sd, 9);
    }
    // lead (U1: 70, 80; mean 75, sample variance 50) − members (U2, R1, R2: mean 590/8 = 73.75); gap 1.25
    // lead side, one school: 50/2 + τ² of the members' schools —
    //   SSB = 3·(90 − 73.75)² + 2·(55 − 73.75)² + 3·(70 − 73.75)² = 792.1875 + 703.125 + 42.1875 = 1537.5, MSB = 1537.5/2
    //   SSW = 200 + 50 + 200 = 450, MSW = 450/(8 − 3) = 90; n₀ = (8 − (9 + 4 + 9)/8)/2 = 2.625
    //   τ² = (768.75 − 90)/2.625 = 258.571429
    // members side, CR1: (3²·16.25² + 2²·18.75² + 3²·3.75²)/8² = 3909.375/64 = 61.083984, × 1.5 (G = 4, N = 10)
    // Var = 25 + 258.571429 + 91.625977 = 375.197405; df = 3
    const lead = found.find((candidate) => candidate.comparison === "lead_member")!;
    expect(lead).toMatchObject({n_schools_first: 1, n_schools_second: 3, is_few_schools: true, df: 3});
    expect(lead.gap as number).toBeCloseTo(1.25 / sd, 9);
    expect(lead.se as number).toBeCloseTo(Math.sqrt(25 + 258.571429 + 1.5 * 61.083984) / sd, 6);
    db.close();
  });
});
