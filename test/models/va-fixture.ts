// A value-added case small enough to work on paper (see value_added_school.test.ts).
import type {Db} from "../../pipelines/db.js";
import type {Fixture} from "./fixture.js";
import {school} from "./fixture.js";

// Six students, prior (E1) → later (E2) scores; A's students gain 4 points, B's lose 4, C's none.
//   A: 40 → 44, 80 → 84    B: 50 → 46, 70 → 66    C: 60 → 60, 60 → 60
// E0 (between the two) has only two of E2's six students: fewer than half, so E1 is E2's prior exam.
export function vaFixture(): Fixture {
  const students: [string, string, number, number][] = [
    ["A", "s1", 40, 44], ["A", "s2", 80, 84], ["B", "s3", 50, 46], ["B", "s4", 70, 66], ["C", "s5", 60, 60], ["C", "s6", 60, 60]
  ];
  const exam = (exam_id: string, exam_date: string) => ({exam_id, subject: "math", exam_name: exam_id, exam_date, grade: 5, full_marks: 100});
  return {
    schools: [school({school_id: "A"}), school({school_id: "B", locality: "rural"}), school({school_id: "C", locality: "rural"})],
    groups: [{group_id: "G", group_name: "集团", group_type: "tight"}],
    memberships: [
      {group_id: "G", school_id: "A", role: "lead", joined_date: "2024-01-01"},
      {group_id: "G", school_id: "B", role: "member", joined_date: "2024-01-01"}
    ],
    exams: [exam("E1", "2025-01-10"), exam("E0", "2025-04-10"), exam("E2", "2025-07-01")],
    scores: [
      ...students.map(([school_id, student_id, prior]) => ({exam_id: "E1", subject: "math", school_id, student_id, score: prior})),
      ...students.map(([school_id, student_id, , later]) => ({exam_id: "E2", subject: "math", school_id, student_id, score: later})),
      {exam_id: "E0", subject: "math", school_id: "A", student_id: "s1", score: 50},
      {exam_id: "E0", subject: "math", school_id: "B", student_id: "s3", score: 70}
    ]
  };
}

/** context_cell, with_school_mean, mean_prior, intercept, slope, slope_between, n_linked */
const FIT = "'all', true, 0.0, 0.0, 1.0, 1.0, 11";

/**
 * Hand-made residuals in place of the regression's, one list per school of the pair E1 → E2 in math: the school rows
 * of int_va_schools that such students would give (n, the exact units of Σ residual, their mean and sample variance,
 * every student stayed), summed here with the exact macros the models use (pipelines/models/runner.ts), and each
 * school the same fit (one cell 'all', the school-mean term fitted, intercept 0, slopes 1, 11 linked students).
 * int_va_schools' own sums are held to the student residuals in value_added_school.test.ts.
 */
export async function plantResiduals(db: Db, residuals: Record<string, number[]>): Promise<void> {
  const values = Object.entries(residuals).flatMap(([school, list]) => list.map((r) => `('${school}', ${r})`));
  await db.run(`create or replace table int_va_schools as
    select 'E1' as prior_exam_id, 'E2' as exam_id, 'math' as subject, school_id, count(*) as n_students,
      count(residual) as n_residuals, sum(exact_units(residual)) as residual_units, exact_avg(residual) as va,
      exact_var_samp(residual) as var_residual, count(*) as n_stayed, fit.*
    from (values ${values.join(", ")}) as planted(school_id, residual)
    cross join (select ${FIT})
      as fit(context_cell, with_school_mean, mean_prior, intercept, slope, slope_between, n_linked)
    group by all`);
}
