// Teacher exchange by section (学部), worked by hand: a 九年一贯制 school N whose 小学部 is in group P (with the
// primary school Q) and whose 初中部 is in group J (with the junior school R) — the 甘州区 plan's structure.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../pipelines/db.js";
import type {Fixture, Row} from "./fixture.js";
import {build, rows, school} from "./fixture.js";

// School year 2025-2026 (starts 2025-09-01); every teacher has taught at the school since 2010, so all are eligible
// and the eligible and full-time bases agree.
function splitSchoolFixture(): Fixture {
  const period = "2025Q3";
  const teacher = (teacher_id: string, school_id: string, section?: string): Row =>
    ({period, teacher_id, school_id, school_start_date: "2010-09-01", ...(section ? {section} : {})});
  const exchange = (teacher_id: string, from_school_id: string, to_school_id: string): Row =>
    ({period, teacher_id, from_school_id, to_school_id, start_date: "2025-09-01", kind: "rotation"});
  return {
    schools: [
      // N: 300 primary and 200 junior students, so its largest section is the 小学部
      school({period, school_id: "N", stage: "nine_year", students: 500, students_primary: 300, students_junior: 200}),
      school({period, school_id: "Q", stage: "primary", locality: "rural", students: 100}),
      school({period, school_id: "R", stage: "junior", locality: "town", students: 100})
    ],
    groups: [
      {period, group_id: "P", group_name: "小学集团", group_type: "alliance"},
      {period, group_id: "J", group_name: "初中集团", group_type: "alliance"}
    ],
    memberships: [
      {period, group_id: "P", school_id: "N", section: "primary", role: "lead", joined_date: "2025-01-01"},
      {period, group_id: "P", school_id: "Q", role: "member", joined_date: "2025-01-01"},
      {period, group_id: "J", school_id: "N", section: "junior", role: "lead", joined_date: "2025-01-01"},
      {period, group_id: "J", school_id: "R", role: "member", joined_date: "2025-01-01"}
    ],
    teachers: [
      teacher("n1", "N", "primary"),
      teacher("n2", "N", "primary"),
      teacher("n3", "N", "junior"),
      teacher("n4", "N", "junior"),
      teacher("n5", "N"), // no 任教学段: counted in N's largest section, the 小学部
      teacher("q1", "Q"), // single-section schools: their one section
      teacher("q2", "Q"),
      teacher("r1", "R"),
      teacher("r2", "R")
    ],
    exchanges: [
      exchange("n1", "N", "Q"), // 小学部 → Q (小学部): within P
      exchange("n2", "N", "R"), // 小学部 → R, whose only section is 初中部: P holds N's 小学部, J holds R → not within a group
      exchange("n3", "N", "R"), // 初中部 → R: within J
      exchange("n4", "N", "Q"), // 初中部 → Q (小学部 only): not within a group
      exchange("q1", "Q", "N"), // a primary teacher → N's 小学部: within P
      exchange("r1", "R", "N") // a junior teacher → N's 初中部: within J
    ]
  };
}

const ganzhou = {exchange: {denominator: "full_time", scope: "within_group", include_shadow: false, schools: "compulsory_public"}};

let within: Db;
let any: Db;
beforeAll(async () => {
  within = await build(splitSchoolFixture(), ganzhou);
  any = await build(splitSchoolFixture(), {exchange: {...ganzhou.exchange, scope: "any"}});
});
afterAll(() => {
  within?.close();
  any?.close();
});

const row = async (db: Db, scope: string, id: string) =>
  (await rows<Record<string, unknown>>(db, "teacher_exchange", `scope = '${scope}' and scope_id = '${id}'`, "scope_id"))[0];

describe("teacher_exchange by section (学部)", () => {
  it("counts a group's teachers and exchanges only in the sections it holds", async () => {
    // P = N's 小学部 (n1, n2, and n5 by the largest-section rule) + Q (q1, q2): base 3 + 2 = 5, in 2 schools.
    // Within P: n1 (→ Q) and q1 (→ N's 小学部) → 2/5 = 0.4; n2 went to R, outside P; n3, n4 teach in the 初中部.
    // (By whole school, as before: base N 5 + Q 2 = 7 and n1, q1, n4 (→ Q) → 3/7.)
    expect(await row(within, "group", "P")).toMatchObject({n_schools: 2, n_full_time: 5, n_eligible: 5, n_exchanged: 2, exchange_rate: 0.4});
    // J = N's 初中部 (n3, n4) + R (r1, r2): base 4. Within J: n3 (→ R) and r1 (→ N's 初中部) → 2/4 = 0.5; n4 went to Q
    expect(await row(within, "group", "J")).toMatchObject({n_schools: 2, n_full_time: 4, n_exchanged: 2, exchange_rate: 0.5});
    // any destination: P counts n1, n2, q1 → 3/5; J counts n3, n4, r1 → 3/4 — each teacher in one group only
    expect(await row(any, "group", "P")).toMatchObject({n_full_time: 5, n_exchanged: 3, exchange_rate: 0.6});
    expect(await row(any, "group", "J")).toMatchObject({n_full_time: 4, n_exchanged: 3, exchange_rate: 0.75});
  });

  it("keeps the school and county rows whole, within a group only when both sections share one", async () => {
    // N: all five teachers; within a group n1 (P) and n3 (J) → 2/5; n2 and n4 crossed from one group to the other
    expect(await row(within, "school", "N")).toMatchObject({n_schools: 1, n_full_time: 5, n_exchanged: 2, exchange_rate: 0.4});
    expect(await row(within, "school", "Q")).toMatchObject({n_full_time: 2, n_exchanged: 1, exchange_rate: 0.5});
    // county A: 5 + 2 + 2 = 9 teachers in 3 schools; n1, n3, q1, r1 within a group → 4/9; any destination: all 6 → 6/9
    const county = await row(within, "county", "A");
    expect(county).toMatchObject({n_schools: 3, n_full_time: 9, n_exchanged: 4});
    expect(county!.exchange_rate).toBeCloseTo(4 / 9, 12);
    expect((await row(any, "county", "A"))!.exchange_rate).toBeCloseTo(6 / 9, 12);
  });

  it("gives a flow one row per sending and receiving section, within a group when the two share one", async () => {
    const flows = await rows<Record<string, unknown>>(within, "exchange_flows", "true", "from_school_id, from_section, to_school_id, to_section");
    expect(flows.map((f) => [f.from_school_id, f.from_section, f.to_school_id, f.to_section, f.n_teachers, f.is_within_group, f.from_group_id, f.to_group_id])).toEqual([
      ["N", "junior", "Q", "primary", 1, false, "J", "P"], // n4: N's 初中部 is in J, Q in P
      ["N", "junior", "R", "junior", 1, true, "J", "J"], // n3 within J
      ["N", "primary", "Q", "primary", 1, true, "P", "P"], // n1 within P
      ["N", "primary", "R", "junior", 1, false, "P", "J"], // n2: N's 小学部 is in P, R in J
      ["Q", "primary", "N", "primary", 1, true, "P", "P"],
      ["R", "junior", "N", "junior", 1, true, "J", "J"]
    ]);
  });
});
