import {describe, expect, it} from "vitest";
import {exchangeFixture} from "./exchange-fixture.js";
import type {Fixture, Row} from "./fixture.js";
import {build, rows, school} from "./fixture.js";

describe("exchange_flows", () => {
  it("counts distinct teachers per sending and receiving school and sums to the exchanges", async () => {
    const db = await build(exchangeFixture());
    const flows = await rows<Record<string, unknown>>(db, "exchange_flows", "true", "from_school_id, to_school_id");
    // four exchanges: x1 X→Y, x1 X→Z, x4 X→Y, z1 Z→X → flows X→Y 2 teachers, X→Z 1, Z→X 1 (4 in all)
    expect(flows.reduce((sum, row) => sum + (row.n_teachers as number), 0)).toBe(4);
    expect(flows.every((row) => !("teacher_id" in row))).toBe(true);
    expect(flows[2]).toMatchObject({from_school_id: "Z", from_county: "B", from_locality: "town", to_locality: "urban", to_role: "lead", from_role: null});
    db.close();
  });
});

// Worked by hand (the split school of teacher_exchange_sections.test.ts): N and M are 九年一贯制 schools whose
// 小学部 are in group P (N's the lead) and 初中部 in group J (N's the lead); Q is a primary school in P, R a junior
// school in J. Each flow is counted per sending and receiving section and shown under its sections' group.
function splitFlowsFixture(): Fixture {
  const period = "2025Q3";
  const teacher = (teacher_id: string, school_id: string, section: string, backbone = false): Row =>
    ({period, teacher_id, school_id, section, school_start_date: "2010-09-01", ...(backbone ? {backbone_level: "county"} : {})});
  const exchange = (teacher_id: string, from_school_id: string, to_school_id: string): Row =>
    ({period, teacher_id, from_school_id, to_school_id, start_date: "2025-09-01", kind: "rotation"});
  return {
    schools: [
      school({period, school_id: "N", stage: "nine_year", students: 500, students_primary: 300, students_junior: 200}),
      school({period, school_id: "M", stage: "nine_year", locality: "town", students: 400, students_primary: 250, students_junior: 150}),
      school({period, school_id: "Q", stage: "primary", locality: "rural", students: 100}),
      school({period, school_id: "R", stage: "junior", locality: "town", students: 100})
    ],
    groups: [
      {period, group_id: "P", group_name: "小学集团", group_type: "alliance"},
      {period, group_id: "J", group_name: "初中集团", group_type: "alliance"}
    ],
    memberships: [
      {period, group_id: "P", school_id: "N", section: "primary", role: "lead", joined_date: "2025-01-01"},
      {period, group_id: "P", school_id: "M", section: "primary", role: "member", joined_date: "2025-01-01"},
      {period, group_id: "P", school_id: "Q", role: "member", joined_date: "2025-01-01"},
      {period, group_id: "J", school_id: "N", section: "junior", role: "lead", joined_date: "2025-01-01"},
      {period, group_id: "J", school_id: "M", section: "junior", role: "member", joined_date: "2025-01-01"},
      {period, group_id: "J", school_id: "R", role: "member", joined_date: "2025-01-01"}
    ],
    teachers: [
      teacher("n1", "N", "primary"),
      teacher("n2", "N", "primary"),
      teacher("n3", "N", "junior"),
      teacher("n4", "N", "junior", true),
      teacher("n6", "N", "junior"),
      teacher("n7", "N", "primary"),
      teacher("m1", "M", "primary"),
      teacher("q1", "Q", "primary"),
      teacher("r1", "R", "junior")
    ],
    exchanges: [
      exchange("n1", "N", "Q"), // N 小学部 → Q: within P
      exchange("n3", "N", "R"), // N 初中部 → R: within J
      exchange("n2", "N", "M"), // N 小学部 → M 小学部: within P
      exchange("n4", "N", "M"), // N 初中部 → M 初中部 (backbone): within J
      exchange("n6", "N", "M"), // N 初中部 → M 初中部: within J
      exchange("n7", "N", "R") // N 小学部 → R, whose one section is its 初中部: P's lead sends to J's member, no shared group
    ]
  };
}

describe("exchange_flows by section (学部)", () => {
  it("gives each sending and receiving section its own row, group and role", async () => {
    const db = await build(splitFlowsFixture());
    const flows = await rows<Record<string, unknown>>(db, "exchange_flows", "true", "from_school_id, from_section, to_school_id, to_section");
    const shown = flows.map((f) => [f.from_school_id, f.from_section, f.to_school_id, f.to_section, f.n_teachers, f.n_backbone, f.from_group_id, f.from_role, f.to_group_id, f.to_role, f.is_within_group]);
    expect(shown).toEqual([
      // N → M: three teachers, by whole school one row under one group; by section two rows, two groups
      ["N", "junior", "M", "junior", 2, 1, "J", "lead", "J", "member", true],
      ["N", "junior", "R", "junior", 1, 0, "J", "lead", "J", "member", true],
      ["N", "primary", "M", "primary", 1, 0, "P", "lead", "P", "member", true],
      ["N", "primary", "Q", "primary", 1, 0, "P", "lead", "P", "member", true],
      // no shared group: each side's own section's group (N's 小学部 in P, R in J)
      ["N", "primary", "R", "junior", 1, 0, "P", "lead", "J", "member", false]
    ]);
    // by school the totals are those of the teachers: N sent 6, M received 3, R 2
    const sum = (where: (f: Record<string, unknown>) => boolean) => flows.filter(where).reduce((s, f) => s + (f.n_teachers as number), 0);
    expect([sum((f) => f.from_school_id === "N"), sum((f) => f.to_school_id === "M"), sum((f) => f.to_school_id === "R")]).toEqual([6, 3, 2]);
    // by group (a flow counted once in each group on either side): P 1 + 1 + 1 = 3; J 2 + 1 + 1 = 4
    const inGroup = (g: string) => sum((f) => f.from_group_id === g || f.to_group_id === g);
    expect([inGroup("P"), inGroup("J")]).toEqual([3, 4]);
    db.close();
  });
});
