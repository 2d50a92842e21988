import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

describe("resource_cv", () => {
  it("reproduces the national method's worked check: 5 schools, 302 students, 1,913 books → X̄ = 6.33, CV ≈ 0.52", async () => {
    // "books" are carried in equipment_value_yuan; equipment_per_student = books / students.
    // P = 100, 80, 60, 40, 22 (Σ 302); books = 300, 365, 595, 395, 258 (Σ 1913).
    // X̄ = Σ PᵢXᵢ / Σ Pᵢ = Σ booksᵢ / Σ Pᵢ = 1913 / 302 = 6.33444
    // Σ Pᵢ Xᵢ² = Σ booksᵢ² / Pᵢ = 900 + 1665.3125 + 5900.41667 + 3900.625 + 3025.63636 = 15391.99053
    // S² = Σ Pᵢ (Xᵢ − X̄)² / Σ Pᵢ = 15391.99053 / 302 − 6.33444² = 50.96686 − 40.12509 = 10.84176 → S = 3.29268
    // CV = S / X̄ = 3.29268 / 6.33444 = 0.51981 ≈ 0.52 > 0.50 → does not meet the primary threshold
    const sizes = [100, 80, 60, 40, 22];
    const books = [300, 365, 595, 395, 258];
    const db = await build({
      schools: sizes.map((students, i) => school({school_id: `S${i}`, students, equipment_value_yuan: books[i]!})),
      groups: [{group_id: "G", group_name: "集团", group_type: "tight"}],
      memberships: [
        {group_id: "G", school_id: "S0", role: "lead", joined_date: "2024-01-01"},
        {group_id: "G", school_id: "S4", role: "member", joined_date: "2024-01-01"}
      ]
    });
    const [county] = await rows<Record<string, number | boolean>>(db, "resource_cv", "scope = 'county' and indicator = 'equipment_per_student'");
    expect(county).toMatchObject({scope_id: "A", section: "primary", n_schools: 5, threshold: 0.5, meets: false});
    expect(county!.mean as number).toBeCloseTo(6.33444, 5);
    expect(county!.sd as number).toBeCloseTo(3.29268, 5);
    expect(county!.cv as number).toBeCloseTo(0.51981, 5);
    // group G: S0 (100, X 3) and S4 (22, X 258/22 = 11.72727): X̄ = (300 + 258)/122 = 4.57377;
    // S² = (100·3² + 22·11.72727²)/122 − 4.57377² = (900 + 3025.63636)/122 − 20.91935 = 32.17735 − 20.91935 = 11.25800
    // S = 3.35530, CV = 0.73359
    const [group] = await rows<Record<string, number>>(db, "resource_cv", "scope = 'group' and indicator = 'equipment_per_student'");
    expect(group).toMatchObject({scope_id: "G", n_schools: 2});
    expect(group!.cv).toBeCloseTo(0.73359, 4);
    db.close();
  });
});
