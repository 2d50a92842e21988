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
