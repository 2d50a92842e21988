import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

describe("urban_rural_gap", () => {
  it("gives the gap in mean z with a Welch standard error, per county, group and all, and suppresses small sides", async () => {
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
    // within-side variance of z: 100 / (1000/7) = 0.7 on each side; se = √(0.7/3 + 0.7/3) = √0.466667 = 0.683130
    // ci = 1.673320 ∓ 1.96·0.683130 = 1.673320 ∓ 1.338935 → [0.334385, 3.012255]
    const expected = {n_first: 3, n_second: 3, is_suppressed: false};
    const urbanRural = found.filter((row) => row.comparison === "urban_rural");
    expect(urbanRural.map((row) => `${row.scope}:${row.scope_id}`)).toEqual(["all:all", "county:A", "group:G"]);
    for (const row of [...urbanRural, found.find((row) => row.comparison === "lead_member")!]) {
      expect(row).toMatchObject(expected);
      expect(row.gap as number).toBeCloseTo(1.67332, 5);
      expect(row.se as number).toBeCloseTo(0.68313, 5);
      expect(row.ci_low as number).toBeCloseTo(0.334385, 5);
      expect(row.ci_high as number).toBeCloseTo(3.012255, 5);
    }
    // urban vs town: town has 2 students < min_n 3 → suppressed
    const town = found.find((row) => row.scope === "county" && row.comparison === "urban_town");
    expect(town).toMatchObject({n_first: 3, n_second: 2, is_suppressed: true, gap: null, se: null, ci_low: null});
    db.close();
  });

  it("pools several schools on a side into one set of students (means and variances of the students, not of the schools)", async () => {
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
    // se = √(0.606061/5 + 0.242424/3) = √0.202020 = 0.449467; ci = [0.596143, 2.358052]
    for (const scope of ["all", "county", "group"]) {
      const row = found.find((candidate) => candidate.scope === scope && candidate.comparison === "urban_rural")!;
      expect(row).toMatchObject({n_first: 5, n_second: 3, is_suppressed: false});
      expect(row.gap as number).toBeCloseTo(1.477098, 5);
      expect(row.se as number).toBeCloseTo(0.449467, 5);
      expect(row.ci_low as number).toBeCloseTo(0.596143, 5);
      expect(row.ci_high as number).toBeCloseTo(2.358052, 5);
    }
    // lead (U1: 60, 80) against members (U2 and R: 70, 90, 100, 40, 50, 60)
    // lead mean 70, variance 200; members mean 410/6 = 68.333, Σ squared deviations 2683.333, variance 536.667
    // gap = 1.6667/20.310096 = 0.082061; se = √((200/412.5)/2 + (536.667/412.5)/6) = √(0.242424 + 0.216835) = 0.677687
    const lead = found.find((candidate) => candidate.comparison === "lead_member")!;
    expect(lead).toMatchObject({n_first: 2, n_second: 6, is_suppressed: false});
    expect(lead.gap as number).toBeCloseTo(0.082061, 5);
    expect(lead.se as number).toBeCloseTo(0.677687, 5);
    db.close();
  });
});
