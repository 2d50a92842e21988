import {describe, expect, it} from "vitest";
import {build, rows} from "./fixture.js";
import {vaFixture} from "./va-fixture.js";

describe("value_added_school", () => {
  it("works the paper case: residuals, σ_r/√n, reliability and shrinkage", async () => {
    const db = await build(vaFixture(), {min_n: 2});
    const pairs = await rows<Record<string, unknown>>(db, "int_va_pairs", "exam_id = 'E2'");
    // E0 links 2 of 6 (< half); E1 links 6 of 6 → E1 is the prior exam
    expect(pairs.map((pair) => pair.prior_exam_id)).toEqual(["E1"]);
    const [a, b, c] = await rows<Record<string, number | string | boolean | null>>(db, "value_added_school", "exam_id = 'E2'", "school_id");
    // E1: deviations from 60: −20, 20, −10, 10, 0, 0 → Σd² = 1000, sd₁ = √(1000/5) = 14.142136
    // E2: mean 360/6 = 60, deviations −16, 24, −14, 6, 0, 0 → Σd² = 256+576+196+36 = 1064, sd₂ = √(1064/5) = 14.587666
    // In points the regression of E2 on E1 has slope Σd₁d₂/Σd₁² = (320+480+140+60)/1000 = 1, intercept 0, so the
    // residual is each school's gain: +4, +4, −4, −4, 0, 0. In z units: slope b = 1·sd₁/sd₂ = 0.969458, a = 0,
    // residual = gain/sd₂: ±4/14.587666 = ±0.274204.
    // σ_r = √(4·0.274204² / 5) = √(0.0601504) = 0.245256
    // A: va = 0.274204, n = 2, se = 0.245256/√2 = 0.173422, ci = 0.274204 ∓ 0.339907 = [−0.065703, 0.614111] → average
    // τ² = var(0.274204, −0.274204, 0) − mean(σ_r²/2) = 0.0751880 − 0.0300752 = 0.0451128
    // λ = 0.0451128 / (0.0451128 + 0.0300752) = 0.6 for every school (equal n); va_shrunk A = 0.6·0.2742042 = 0.1645225
    expect(a).toMatchObject({prior_exam_id: "E1", school_id: "A", n_students: 2, band: "average", n_linked: 6, is_suppressed: false});
    expect(a!.slope as number).toBeCloseTo(0.969458, 6);
    expect(a!.intercept as number).toBeCloseTo(0, 12);
    expect(a!.va as number).toBeCloseTo(0.274204, 6);
    expect(a!.sigma_r as number).toBeCloseTo(0.245256, 6);
    expect(a!.se as number).toBeCloseTo(0.173422, 6);
    expect(a!.ci_low as number).toBeCloseTo(-0.065703, 6);
    expect(a!.ci_high as number).toBeCloseTo(0.614111, 6);
    expect(a!.tau_squared as number).toBeCloseTo(0.0451128, 7);
    expect(a!.reliability as number).toBeCloseTo(0.6, 10);
    expect(a!.va_shrunk as number).toBeCloseTo(0.1645225, 6);
    expect(b!.va as number).toBeCloseTo(-0.274204, 6);
    expect(c!.va as number).toBeCloseTo(0, 12);
    db.close();
  });

  it("suppresses schools with fewer than min_n linked students", async () => {
    const db = await build(vaFixture(), {min_n: 3});
    const found = await rows<Record<string, unknown>>(db, "value_added_school", "exam_id = 'E2'");
    expect(found.every((row) => row.is_suppressed === true && row.va === null && row.se === null && row.band === null)).toBe(true);
    db.close();
  });

  it("uses configured pairs instead of the default when given", async () => {
    const db = await build(vaFixture(), {min_n: 2, va_pairs: [{prior_exam_id: "E0", exam_id: "E2"}]});
    const pairs = await rows<Record<string, unknown>>(db, "int_va_pairs");
    expect(pairs.map((pair) => [pair.prior_exam_id, pair.exam_id, pair.n_linked, pair.pair_source])).toEqual([["E0", "E2", 2, "config"]]);
    db.close();
  });
});
