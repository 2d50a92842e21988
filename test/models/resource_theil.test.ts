import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

describe("resource_theil", () => {
  it("decomposes Theil T into within and between parts that sum to the total", async () => {
    // equipment per student X = 1000, 2000, 4000 yuan (Theil is scale-free: work in thousands 1, 2, 4);
    // P = 100, 100, 200 (P = 400). U1, U2 urban (group G), R rural (no group), Z has no equipment value (blank:
    // unknown, left out — a zero is kept, see the next test).
    const db = await build({
      schools: [
        school({school_id: "U1", students: 100, equipment_value_yuan: 100000}),
        school({school_id: "U2", students: 100, equipment_value_yuan: 200000}),
        school({school_id: "R", locality: "rural", students: 200, equipment_value_yuan: 800000}),
        school({school_id: "Z", locality: "rural", students: 50, equipment_value_yuan: null})
      ],
      groups: [{group_id: "G", group_name: "集团", group_type: "tight"}],
      memberships: [
        {group_id: "G", school_id: "U1", role: "lead", joined_date: "2024-01-01"},
        {group_id: "G", school_id: "U2", role: "member", joined_date: "2024-01-01"}
      ]
    });
    const found = await rows<Record<string, number>>(db, "resource_theil", "indicator = 'equipment_per_student'", "partition");
    // X̄ = (100·1 + 100·2 + 200·4) / 400 = 1100/400 = 2.75
    // T = Σ (Pᵢ/P)(Xᵢ/X̄) ln(Xᵢ/X̄) = 0.25·0.36364·ln 0.36364 + 0.25·0.72727·ln 0.72727 + 0.5·1.45455·ln 1.45455
    //   = −0.091964 − 0.057901 + 0.272504 = 0.122640
    // Parts {U1, U2} (X̄ = 1.5, P = 200) and {R} (X̄ = 4, P = 200):
    //   T_U = 0.5·(1/1.5) ln(1/1.5) + 0.5·(2/1.5) ln(2/1.5) = −0.135155 + 0.191788 = 0.056633;  T_R = 0
    //   s_U = 200·1.5 / (400·2.75) = 0.272727;  s_R = 200·4 / 1100 = 0.727273
    //   within = 0.272727·0.056633 = 0.015445
    //   between = 0.272727·ln(1.5/2.75) + 0.727273·ln(4/2.75) = −0.165306 + 0.272501 = 0.107195
    //   within + between = 0.122640 = T; between_share = 0.1071946 / 0.1226399 = 0.87406
    // The group partition ({U1, U2} = G, {R} = no group) and the locality partition (urban, rural) coincide here.
    expect(found.map((row) => row.partition)).toEqual(["group", "locality"]);
    for (const row of found) {
      expect(row).toMatchObject({n_schools: 3, n_zero: 0, n_parts: 2});
      expect(row.theil).toBeCloseTo(0.12264, 5);
      expect(row.within).toBeCloseTo(0.015445, 5);
      expect(row.between).toBeCloseTo(0.107195, 5);
      expect(row.within! + row.between!).toBeCloseTo(row.theil!, 12);
      expect(row.between_share).toBeCloseTo(0.87406, 4);
    }
    db.close();
  });

  it("keeps schools at zero: their term is 0 (x·ln x → 0) and their students lower the mean", async () => {
    // equipment per student in thousands of yuan: A 2, B 4 (urban), C 0, D 2 (rural); P = 100 each (P = 400).
    // C alone is in group G; A, B, D are in no group.
    const db = await build({
      schools: [
        school({school_id: "A", students: 100, equipment_value_yuan: 200000}),
        school({school_id: "B", students: 100, equipment_value_yuan: 400000}),
        school({school_id: "C", locality: "rural", students: 100, equipment_value_yuan: 0}),
        school({school_id: "D", locality: "rural", students: 100, equipment_value_yuan: 200000})
      ],
      groups: [{group_id: "G", group_name: "集团", group_type: "tight"}],
      memberships: [{group_id: "G", school_id: "C", role: "lead", joined_date: "2024-01-01"}]
    });
    const found = await rows<Record<string, number>>(db, "resource_theil", "indicator = 'equipment_per_student'", "partition");
    // X̄ = (200 + 400 + 0 + 200) / 400 = 2
    // T = 0.25·(2/2) ln 1 + 0.25·(4/2) ln 2 + 0 (C: 0·ln 0 → 0) + 0.25·(2/2) ln 1 = 0.5 ln 2 = 0.346574
    // (dropping C instead: X̄ = 8/3, T = ⅓[0.75 ln 0.75 · 2 + 1.5 ln 1.5] = 0.058892 — a sixth of it)
    // locality: urban {A, B} X̄_u = 3, rural {C, D} X̄_r = 1; s_u = 200·3/800 = 0.75, s_r = 200·1/800 = 0.25
    //   T_u = 0.5·(2/3) ln(2/3) + 0.5·(4/3) ln(4/3) = 0.056633;  T_r = 0 + 0.5·2 ln 2 = 0.693147
    //   within = 0.75·0.056633 + 0.25·0.693147 = 0.215762;  between = 0.75 ln 1.5 + 0.25 ln 0.5 = 0.130812
    //   between_share = 0.130812 / 0.346574 = 0.37744
    // group: G {C} X̄ = 0, s_G = 0 (adds nothing); no group {A, B, D} X̄ = 8/3, s = 300·(8/3)/800 = 1
    //   within = 1 · 0.058892;  between = 1 · ln((8/3)/2) = ln(4/3) = 0.287682;  share = 0.83007
    const [group, locality] = found;
    expect(found.map((row) => row.partition)).toEqual(["group", "locality"]);
    for (const row of found) {
      expect(row).toMatchObject({n_schools: 4, n_zero: 1, n_parts: 2});
      expect(row.theil).toBeCloseTo(0.346574, 5);
      expect(row.within! + row.between!).toBeCloseTo(row.theil!, 12);
    }
    expect(locality!.within).toBeCloseTo(0.215762, 5);
    expect(locality!.between).toBeCloseTo(0.130812, 5);
    expect(locality!.between_share).toBeCloseTo(0.37744, 4);
    expect(group!.within).toBeCloseTo(0.058892, 5);
    expect(group!.between).toBeCloseTo(0.287682, 5);
    expect(group!.between_share).toBeCloseTo(0.83007, 4);
    db.close();
  });

  it("gives no index where every school is at zero", async () => {
    const db = await build({
      schools: [
        school({school_id: "A", students: 100, equipment_value_yuan: 0}),
        school({school_id: "B", locality: "rural", students: 50, equipment_value_yuan: 0})
      ]
    });
    const found = await rows<Record<string, number | null>>(db, "resource_theil", "indicator = 'equipment_per_student'", "partition");
    for (const row of found) {
      expect(row).toMatchObject({n_schools: 2, n_zero: 2, theil: null, within: null, between: null, between_share: null});
    }
    db.close();
  });
});
