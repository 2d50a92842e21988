// int_va_schools computes the value-added regression and each school's residual mean and variance from the
// schools' sums (n, Σx, Σy, Σx², Σy², Σxy), never from the students' residuals. Held here to the students
// themselves, on the demo's warehouse: the residuals of int_va_residuals (each student's own, from the fit)
// summed per school the direct way, and the OLS normal equations those residuals must satisfy if the fit is the
// least-squares one — Σ r = 0 in each context cell, Σ r·(x − x̄_j) = 0 (the pupil term), Σ_j x̄_j·Σ r = 0 where the
// school-mean term is fitted. The paper case (value_added_school.test.ts) holds the slopes to hand-worked values.
import {describe, expect, it} from "vitest";
import {demoWarehouse} from "../demo-run.js";

const demo = demoWarehouse();

const PAIR = "prior_exam_id, exam_id, subject";

describe("int_va_schools from the schools' sums (demo)", () => {
  it("gives each school the n, Σ, mean and variance of its students' own residuals", async () => {
    const rows = await demo.db.all<{
      key: string;
      n: number;
      n_students: number;
      n_residuals: number;
      n_stayed: number;
      stayed: number;
      sum: number;
      units_sum: number;
      mean: number | null;
      va: number | null;
      var_direct: number | null;
      var_residual: number | null;
    }>(`
      with students as (
          select ${PAIR}, school_id, count(*)::integer as n, count(residual)::integer as n_residuals,
              count(*) filter (where prior_school_id = school_id)::integer as stayed,
              sum(residual) as sum, avg(residual) as mean, var_samp(residual) as var_direct
          from int_va_residuals
          group by all
      )
      select s.prior_exam_id || '|' || s.exam_id || '|' || s.subject || '|' || s.school_id as key, students.n,
          s.n_students::integer as n_students, s.n_residuals::integer as n_residuals, s.n_stayed::integer as n_stayed,
          students.stayed, students.sum, s.residual_units::double / 1152921504606846976.0 as units_sum,
          students.mean, s.va, students.var_direct, s.var_residual
      from int_va_schools as s
      full join students using (${PAIR}, school_id)
      order by key`);
    expect(rows.length).toBeGreaterThan(100);
    const problems: string[] = [];
    const near = (a: number | null, b: number | null, tolerance: number): boolean =>
      a === null || b === null ? a === b : Math.abs(a - b) <= tolerance;
    for (const r of rows) {
      const counts = r.n === r.n_students && r.n_residuals === r.n && r.stayed === r.n_stayed;
      if (!counts) problems.push(`${r.key}: counts ${JSON.stringify(r)}`);
      // z rounded to 10⁻⁹ in the sums: a residual carries at most (1 + |b_w|)·5·10⁻¹⁰ of it
      if (!near(r.mean, r.va, 1e-8)) problems.push(`${r.key}: va ${r.va} against the students' mean ${r.mean}`);
      if (!near(r.sum, r.units_sum, 1e-8 * r.n)) problems.push(`${r.key}: Σ ${r.units_sum} against ${r.sum}`);
      if (!near(r.var_direct, r.var_residual, 1e-8))
        problems.push(`${r.key}: variance ${r.var_residual} against ${r.var_direct}`);
    }
    expect(problems).toEqual([]);
    // something to hold: schools whose residuals vary
    expect(rows.filter((r) => (r.var_residual ?? 0) > 0.01).length).toBeGreaterThan(50);
  });

  it("gives residuals that satisfy the normal equations: its slopes and intercepts are OLS's", async () => {
    const cells = await demo.db.all<{key: string; n: number; sum: number}>(`
      select ${PAIR.replaceAll(", ", " || '|' || ")} || '|' || context_cell as key, count(*)::integer as n,
          sum(residual) as sum
      from int_va_residuals group by all order by key`);
    type Pair = {key: string; n: number; within: number | null; between: number | null; scale: number};
    const pairs = await demo.db.all<Pair>(`
      select ${PAIR.replaceAll(", ", " || '|' || ")} as key, count(*)::integer as n,
          case when any_value(slope) is not null then sum(residual * (z_prior - school_mean_prior)) end as within,
          case when bool_and(with_school_mean) then sum(residual * school_mean_prior) end as between,
          sum(abs(z_prior)) + 1 as scale
      from int_va_residuals group by all order by key`);
    expect(cells.length).toBeGreaterThan(10);
    expect(pairs.filter((p) => p.within !== null).length).toBeGreaterThan(10);
    expect(pairs.filter((p) => p.between !== null).length).toBeGreaterThan(5);
    const off = (value: number | null, scale: number): boolean => Math.abs(value ?? 0) > 1e-8 * scale;
    const problems = [
      ...cells.filter((c) => off(c.sum, c.n)).map((c) => `Σ r = ${c.sum} in ${c.key}`),
      ...pairs.filter((p) => off(p.within, p.scale)).map((p) => `Σ r·(x − x̄_j) = ${p.within} in ${p.key}`),
      ...pairs.filter((p) => off(p.between, p.scale)).map((p) => `Σ x̄_j·r = ${p.between} in ${p.key}`)
    ];
    expect(problems).toEqual([]);
  });
});
