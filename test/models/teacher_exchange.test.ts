import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../pipelines/db.js";
import {exchangeFixture} from "./exchange-fixture.js";
import {build, rows} from "./fixture.js";

let db: Db;
beforeAll(async () => {
  db = await build(exchangeFixture());
});
afterAll(() => db.close());

describe("teacher_exchange", () => {
  it("counts eligible and exchanged teachers per school, county and group", async () => {
    const found = await rows<Record<string, unknown>>(db, "teacher_exchange", "true", "scope, scope_id");
    const by = (scope: string, id: string) => found.find((row) => row.scope === scope && row.scope_id === id);
    // X: eligible x1 (2019-09-01 ≤ 2025-09-01 − 6 years) and x3 → 2; exchanged x1 (twice, counted once) and x4 → 2;
    // rate 2/2 = 1.0; backbone x1 → 1/2 = 0.5 ≥ 0.20; both went to Y (rural) at least once → n_to_rural 2
    expect(by("school", "X")).toMatchObject({
      school_year: "2025-2026", n_eligible: 2, eligibility_basis: "six_years", n_exchanged: 2, exchange_rate: 1,
      n_backbone_exchanged: 1, backbone_share: 0.5, n_to_rural: 2, meets_rate: true, meets_backbone: true
    });
    // Y: no start dates → all 3 full-time teachers eligible, none exchanged → rate 0, backbone share undefined
    expect(by("school", "Y")).toMatchObject({n_eligible: 3, eligibility_basis: "all_full_time", n_exchanged: 0, exchange_rate: 0, backbone_share: null, meets_rate: false, meets_backbone: null});
    // Z (county B): z1 eligible and exchanged to X (urban) → rate 1, n_to_rural 0
    expect(by("school", "Z")).toMatchObject({n_eligible: 1, n_exchanged: 1, n_to_rural: 0});
    // county A = X + Y: eligible 2 + 3 = 5, exchanged 2 → 0.4, bases differ → mixed
    expect(by("county", "A")).toMatchObject({n_schools: 2, n_eligible: 5, n_exchanged: 2, exchange_rate: 0.4, eligibility_basis: "mixed"});
    // group G = X (lead) + Y (member) since 2025-01-01: the same 5 and 2
    expect(by("group", "G")).toMatchObject({n_schools: 2, n_eligible: 5, n_exchanged: 2, exchange_rate: 0.4});
  });

  it("describes a group founded during the school year by its members on the founding date", async () => {
    // H is founded on 2025-11-01 with X and Z: on the year's start it had no members, so the year's start alone
    // would drop it; on its founding date it has X (2 eligible) and Z (1), which sent x1, x4 and z1 that year
    const fixture = exchangeFixture();
    fixture.groups!.push({period: "2025Q4", group_id: "H", group_name: "新集团", group_type: "alliance", established_date: "2025-11-01"});
    fixture.memberships!.push(
      {period: "2025Q4", group_id: "H", school_id: "X", role: "lead", joined_date: "2025-11-01"},
      {period: "2025Q4", group_id: "H", school_id: "Z", role: "member", joined_date: "2025-11-01"},
      // a school joining after the founding date is not a member that year
      {period: "2025Q4", group_id: "H", school_id: "Y", role: "member", joined_date: "2025-12-01"}
    );
    const founded = await build(fixture);
    try {
      const found = await rows<Record<string, unknown>>(founded, "teacher_exchange", "scope = 'group'", "scope_id");
      expect(found.find((row) => row.scope_id === "H")).toMatchObject({school_year: "2025-2026", n_schools: 2, n_eligible: 3, n_exchanged: 3, exchange_rate: 1});
      // G, founded before the year, is still described on the year's start
      expect(found.find((row) => row.scope_id === "G")).toMatchObject({n_schools: 2, n_eligible: 5, n_exchanged: 2});
    } finally {
      founded.close();
    }
  });

  it("counts on the configured basis: denominator, scope, 跟岗, compulsory public schools, and the urban → rural rate", async () => {
    // beside the base fixture: P, a private urban school in county A (p1 eligible, sent to Y); X's x7 teaches in
    // the senior section (eligible); x3 (eligible) goes X → Z, outside group G; y1 shadows (跟岗) at X
    const fixture = exchangeFixture();
    for (const period of ["2025Q3", "2025Q4"]) {
      fixture.schools!.push({period, school_id: "P", school_name: "民办P", county: "A", stage: "primary", locality: "urban", ownership: "private", students: 100});
      fixture.teachers!.push(
        {period, teacher_id: "p1", school_id: "P", school_start_date: "2001-09-01"},
        {period, teacher_id: "x7", school_id: "X", school_start_date: "2001-09-01", section: "senior"}
      );
    }
    fixture.exchanges!.push(
      {period: "2025Q4", teacher_id: "p1", from_school_id: "P", to_school_id: "Y", start_date: "2025-10-01", kind: "rotation"},
      {period: "2025Q4", teacher_id: "x3", from_school_id: "X", to_school_id: "Z", start_date: "2025-10-01", kind: "rotation"},
      {period: "2025Q4", teacher_id: "y1", from_school_id: "Y", to_school_id: "X", start_date: "2025-10-08", kind: "shadow"}
    );
    const national = await build(fixture);
    const ganzhou = await build(fixture, {exchange: {denominator: "full_time", scope: "within_group", include_shadow: true, schools: "all"}, targets: {exchange_rate: 0.05}});
    try {
      const by = async (engine: Db, scope: string, id: string) =>
        (await rows<Record<string, unknown>>(engine, "teacher_exchange", `scope = '${scope}' and scope_id = '${id}'`, "scope_id"))[0];
      // Defaults (national rule): public compulsory schools X, Y (P is private; x7 teaches senior); eligible X 2 (x1, x3)
      // + Y 3 = 5, full-time X 4 + Y 3 = 7; exchanged x1, x3, x4 (y1 only shadows, p1 is P's) → 3/5 = 0.6.
      // Urban → rural: base = X's eligible 2; x1 (to Y, rural), x3 (to Z, town), x4 (to Y) → 3/2 = 1.5 ≥ 0.15
      expect(await by(national, "county", "A")).toMatchObject({
        n_schools: 2, n_eligible: 5, n_full_time: 7, n_exchanged: 3, exchange_rate: 0.6,
        rate_denominator: "eligible", rate_scope: "any", includes_shadow: false, school_scope: "compulsory_public",
        n_urban_base: 2, n_urban_to_rural: 3, urban_rural_rate: 1.5, meets_urban_rural: true
      });
      // group G (X, Y), any destination: x3's exchange to Z, outside G, counts → 3/5
      expect(await by(national, "group", "G")).toMatchObject({n_exchanged: 3, exchange_rate: 0.6});
      // 甘州区 basis (all 专任教师, within the group, 跟岗 counted, every school): full-time X 5 (x1–x4, x7) + Y 3 + P 1 = 9;
      // within a group: x1 (X → Y; also X → Z, counted once), x4 (X → Y), y1 (Y → X, shadow); not x3 (→ Z), not p1
      // (P is in no group) → 3/9; the urban → rural base stays eligible (default): X 3 (x1, x3, x7) + P 1 = 4,
      // urban → rural x1, x3, x4, p1 → 4/4; eligible in all: X 3 + Y 3 + P 1 = 7
      expect(await by(ganzhou, "county", "A")).toMatchObject({
        n_schools: 3, n_eligible: 7, n_full_time: 9, n_exchanged: 3,
        rate_denominator: "full_time", rate_scope: "within_group", includes_shadow: true, school_scope: "all",
        n_urban_base: 4, n_urban_to_rural: 4, urban_rural_rate: 1
      });
      expect((await by(ganzhou, "county", "A"))!.exchange_rate).toBeCloseTo(3 / 9, 12);
      // group G: full-time X 5 + Y 3 = 8; within G: x1, x4, y1 → 3/8 = 0.375 ≥ 0.05; x3's exchange to Z does not count
      expect(await by(ganzhou, "group", "G")).toMatchObject({n_full_time: 8, n_exchanged: 3, exchange_rate: 0.375, meets_rate: true});
      // school X: x1, x4 within G → 2/5; Z (no group): z1's exchange to X is not within a group → 0/1
      expect(await by(ganzhou, "school", "X")).toMatchObject({n_exchanged: 2, exchange_rate: 0.4});
      expect(await by(ganzhou, "school", "Z")).toMatchObject({n_exchanged: 0, exchange_rate: 0});
      // the headline's rate is on the same base as teacher_exchange's county row (it had divided by the eligible
      // teachers whatever the basis: 3/7 under the 甘州区 basis, above a 5% target it may not meet)
      const headline = async (engine: Db) => (await rows<Record<string, unknown>>(engine, "headline", "period = '2025Q4' and county = 'A'", "county"))[0]!;
      expect((await headline(national)).exchange_rate).toBeCloseTo(3 / 5, 12);
      expect((await headline(ganzhou)).exchange_rate).toBeCloseTo(3 / 9, 12);
    } finally {
      national.close();
      ganzhou.close();
    }
  });

  it("describes each flow between two schools", async () => {
    const flows = await rows<Record<string, unknown>>(db, "exchange_flows", "true", "from_school_id, to_school_id");
    expect(flows.map((row) => [row.from_school_id, row.to_school_id, row.n_teachers, row.n_backbone])).toEqual([
      ["X", "Y", 2, 1],
      ["X", "Z", 1, 1],
      ["Z", "X", 1, 0]
    ]);
    expect(flows[0]).toMatchObject({from_locality: "urban", to_locality: "rural", from_group_id: "G", from_role: "lead", to_group_id: "G", to_role: "member", is_within_group: true});
    expect(flows[1]).toMatchObject({to_county: "B", to_group_id: null, is_within_group: false});
  });
});
