// The link between value-added and exam results (docs/metrics.md "Disclosure control / 披露控制"): where every
// student of a school sat both exams at that school, its value-added sum is Σ z_later − slope_between · Σ z_prior −
// n · intercept (the contextual model's pupil term sums to 0 within the school), with intercept and slope_between
// published. A case worked on paper, built by the real models.
//
// Schools (one subject, two exams; min_n 10): in E1 (prior) A 10, B 12, C 20 students; in E2 (later) B and C
// the same students, A 5 new ones (so A has no value-added and its 10 E1 students are not linked).
//   E2: A (5) is primary; Σz = 0 over E2 gives A from B and C, so B (the next smallest) is complementary.
//   B's value-added is published (12 linked), and so are intercept, slope_between and B's E1 mean: then
//   mean_z(E2, B) = va_B + intercept + slope_between · mean_z(E1, B) — and A follows from Σz = 0.
// Audited as one system: E2's B is exposed by {va_B, E1's B}; both are schools of 12 students and exam_school
// comes first, so E1's B is suppressed; then Σz = 0 over E1 gives B from A and C, so A (10) goes too.
// Left published: E1 C, E2 C, va_B, va_C. Unknowns E2 A, E2 B, E1 A, E1 B with three equations
// (E2_A + E2_B, E1_A + E1_B, E2_B − slope_between · E1_B): none of the four is determined.
import {describe, expect, it} from "vitest";
import type {Db} from "../../pipelines/db.js";
import {dyadic, fraction, mulmod, PRIMES} from "../../pipelines/disclosure/modular.js";
import {protectEdition} from "../../pipelines/disclosure/protect.js";
import {build} from "../models/fixture.js";
import {cityFixture, editionRelations} from "./city.js";

async function linkedCity(): Promise<Db> {
  const fixture = cityFixture([{id: "A", n: 10}, {id: "B", n: 12}, {id: "C", n: 20, locality: "urban"}], []);
  // A's E2 students are five newcomers: none of A's E1 students sat E2
  fixture.scores = fixture.scores!.filter((s) => !(s.exam_id === "E2" && s.school_id === "A"));
  for (let i = 0; i < 5; i++) fixture.scores.push({exam_id: "E2", subject: "math", school_id: "A", student_id: `A-new-${i}`, score: 31 + 7 * i});
  return build(fixture);
}

interface Row {
  exam_id: string;
  school_id: string;
  mean_z: number | null;
  suppression: string | null;
}

/** plain arithmetic: B's later mean z from its value-added, its cell's intercept, the between slope and its prior mean z */
async function recoverB(db: Db, examSchool: string, valueAdded: string): Promise<number | null> {
  const [r] = await db.all<{va: number | null; intercept: number; slope: number; prior: number | null}>(`
    select va.va, va.intercept, va.slope_between as slope, e.mean_z as prior
    from ${valueAdded} as va
    inner join ${examSchool} as e on e.exam_id = va.prior_exam_id and e.subject = va.subject and e.school_id = va.school_id
    where va.school_id = 'B'`);
  if (!r || r.va === null || r.prior === null) return null;
  return r.va + r.intercept + r.slope * r.prior;
}

describe("a published slope in the audit's arithmetic", () => {
  it("a double is its exact dyadic rational mod p", () => {
    for (const p of PRIMES) {
      expect(dyadic(0.75, p)).toBe(fraction(3, 4, p));
      expect(dyadic(-0.75, p)).toBe(fraction(-3, 4, p));
      expect(dyadic(5, p)).toBe(5);
      // 0.1 is 3602879701896397 / 2^55 exactly, not 1/10
      expect(dyadic(0.1, p)).not.toBe(fraction(1, 10, p));
      expect(mulmod(dyadic(0.1, p), dyadic(2 ** 55, p), p)).toBe(3602879701896397 % p);
    }
  });
});

describe("value-added written in the exams' sums", () => {
  it("B's suppressed later mean comes back from its value-added, intercept, slope and prior mean when the two tables are audited apart", async () => {
    const db = await linkedCity();
    try {
      // the separate audit: exam results protected on their own, value-added as its own system (nothing in it
      // is protected: A has no value-added, B and C have 12 and 20 linked students)
      const tables = await editionRelations(db, "internal", ["exam_school"]);
      const report = await protectEdition(db, {edition: "internal", tables, settings: {min_n: 10}});
      expect(report.complementary).toBe(1);
      const e2b = (await db.all<Row>(`select * from ${tables.exam_school} where exam_id = 'E2' and school_id = 'B'`))[0]!;
      expect(e2b.suppression).toBe("complementary");
      const [truth] = await db.all<{mean_z: number}>(`select mean_z from int_school_score_moments where exam_id = 'E2' and school_id = 'B'`);
      const recovered = await recoverB(db, tables.exam_school!, "value_added_school");
      expect(recovered).not.toBeNull();
      expect(Math.abs(recovered! - truth!.mean_z)).toBeLessThan(1e-9);
    } finally {
      db.close();
    }
  });

  it("audited as one system: the prior mean goes too (and the next smallest with it), and nothing comes back", async () => {
    const db = await linkedCity();
    try {
      const tables = await editionRelations(db, "internal", ["exam_school", "value_added_school"]);
      const report = await protectEdition(db, {edition: "internal", tables, settings: {min_n: 10}});
      expect(report.va_linked).toBe(2); // B and C; A has no linked student
      expect(report.components).toBe(1);
      const rows = await db.all<Row>(`select exam_id, school_id, mean_z, suppression from ${tables.exam_school} order by exam_id, school_id`);
      expect(rows.map((r) => [r.exam_id, r.school_id, r.suppression])).toEqual([
        ["E1", "A", "complementary"],
        ["E1", "B", "complementary"],
        // (two schools: the contextual model has no school-mean term below 5 schools, docs/metrics.md)
        ["E1", "C", null],
        ["E2", "A", "primary"],
        ["E2", "B", "complementary"],
        ["E2", "C", null]
      ]);
      const va = await db.all<{school_id: string; suppression: string | null}>(`select school_id, suppression from ${tables.value_added_school} order by school_id`);
      expect(va).toEqual([{school_id: "B", suppression: null}, {school_id: "C", suppression: null}]);
      expect(report.primary).toBe(1);
      expect(report.complementary).toBe(3);
      expect(report.by_table.exam_school!.complementary).toBe(3);
      expect(await recoverB(db, tables.exam_school!, tables.value_added_school!)).toBeNull();
      // protecting again adds nothing: the audit is clean
      const again = await protectEdition(db, {edition: "internal", tables, settings: {min_n: 10}});
      expect(again.complementary).toBe(3);
    } finally {
      db.close();
    }
  });

  it("a school whose students are not all linked keeps its value-added as its own unknown", async () => {
    const db = await linkedCity();
    try {
      // one of B's E2 students sat no E1: B's value-added covers 11 of its 12 students, a different sum
      await db.run(`update int_va_schools set n_students = n_students - 1, n_stayed = n_stayed - 1
        where school_id = 'B'`);
      const tables = await editionRelations(db, "internal", ["exam_school", "value_added_school"]);
      const report = await protectEdition(db, {edition: "internal", tables, settings: {min_n: 10}});
      expect(report.va_linked).toBe(1); // C only
    } finally {
      db.close();
    }
  });
});
