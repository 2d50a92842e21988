import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {MODELS_DIR} from "../../pipelines/models/load.js";
import {build, rows} from "./fixture.js";
import {plantResiduals, vaFixture} from "./va-fixture.js";

describe("value_added_school", () => {
  it("works the paper case: the contextual regression's slopes, intercept and residuals", async () => {
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
    // Contextual model (docs/metrics.md): three schools, fewer than 5, so no school-mean term (b_B = b_w = 0.969458; it
    // could not be fitted anyway: every school's mean prior z is 0, A 40, 80; B 50, 70; C 60, 60 averaging 60) and one
    // context cell ('all': no locality has 5 schools); intercept = mean z_now − b_B·mean z_prior = 0.
    // Each school's two students gained alike, so its residuals are equal: σ_j = 0, se = 0, and the raw va is exact.
    // τ² = Σ(va_j − mean va)²/(k − p) − mean s_j² = (0.274204² + 0.274204² + 0)/(3 − 1) − 0 = 0.0751878 (k 3 schools, p 1:
    // the cell's intercept); λ = τ²/(τ² + 0) = 1: nothing to shrink, va_shrunk = va, posterior interval of width 0
    expect(a).toMatchObject({prior_exam_id: "E1", school_id: "A", n_students: 2, band: "above", n_linked: 6, is_suppressed: false, context_cell: "all"});
    expect(a!.slope as number).toBeCloseTo(0.969458, 6);
    expect(a!.slope_between as number).toBeCloseTo(0.969458, 6);
    expect(a!.intercept as number).toBeCloseTo(0, 12);
    expect(a!.va as number).toBeCloseTo(0.274204, 6);
    expect(a!.sd_residual as number).toBeCloseTo(0, 12);
    expect(a!.se as number).toBeCloseTo(0, 12);
    expect(a!.tau_squared as number).toBeCloseTo(0.0751878, 6);
    expect(a!.reliability as number).toBeCloseTo(1, 12);
    expect(a!.va_shrunk as number).toBeCloseTo(0.274204, 6);
    expect(b!.va as number).toBeCloseTo(-0.274204, 6);
    expect(b!.band).toBe("below");
    expect(c!.va as number).toBeCloseTo(0, 12);
    db.close();
  });

  it("works the empirical-Bayes step on hand-made residuals: τ², grand mean, shrinkage, posterior intervals, bands, q-values", async () => {
    const db = await build(vaFixture(), {min_n: 2});
    // four schools of one pair, one context cell, the school-mean term fitted (p = 2); residuals chosen to work on paper
    //   A 0.3, 0.5            va 0.4    var (0.01 + 0.01)/1 = 0.02               s² = 0.02/2 = 0.01
    //   B −0.2, 0, −0.4       va −0.2   var (0 + 0.04 + 0.04)/2 = 0.04            s² = 0.04/3 = 0.0133333
    //   C 0.1, −0.1, −0.3, 0.1 va −0.05 var (0.0225 + 0.0025 + 0.0625 + 0.0225)/3 = 0.0366667  s² = 0.0091667
    //   D −0.1, 0.1           va 0      var 0.02                                   s² = 0.01
    // τ² (method of moments, k = 4, p = 2): mean va = 0.15/4 = 0.0375; Σ(va − 0.0375)² = 0.2025 − 0.15²/4 = 0.196875;
    //   /(4 − 2) = 0.0984375; mean s² = 0.0425/4 = 0.010625; τ² = 0.0984375 − 0.010625 = 0.0878125
    // w = 1/(τ² + s²): A 1/0.0978125 = 10.223642, B 1/0.1011458 = 9.886714, C 1/0.0969792 = 10.311493, D 10.223642;
    //   Σw = 40.645492; Σw·va = 4.089457 − 1.977343 − 0.515575 + 0 = 1.596539; μ = 1.596539/40.645492 = 0.0392796
    // A: λ = 0.0878125/0.0978125 = 0.897764; va_shrunk = μ + λ(0.4 − μ) = 0.0392796 + 0.897764·0.3607204 = 0.363121;
    //   posterior var = λ·s² + (1 − λ)²/Σw = 0.00897764 + 0.0104522/40.645492 = 0.00923480, se 0.0960978;
    //   interval 0.363121 ∓ 0.188352 = [0.174769, 0.551473], wholly above μ: 'above'
    // B: λ = 0.0878125/0.1011458 = 0.868177; shrunk = 0.0392796 + 0.868177·(−0.2392796) = −0.168457; posterior var
    //   = 0.0115757 + 0.0173772/40.645492 = 0.0120032, se 0.109559; interval [−0.383194, 0.046279] holds μ: 'average'
    // p-values 2(1 − Φ(|va − μ|/s)): A |0.3607204|/0.1 = 3.607 → 0.000310; B 0.2392796/0.1154701 = 2.0722 → 0.038245;
    //   C 0.0892796/0.0957427 = 0.9325 → 0.351081; D 0.0392796/0.1 = 0.3928 → 0.694470
    // Benjamini–Hochberg (m = 4): p·m/rank = A 0.001238, B 0.076489, C 0.468108, D 0.694470, each the minimum from
    //   itself upwards: q_A = 0.001238, q_B = 0.076489 (B is not flagged at 5% FDR)
    await plantResiduals(db, {A: [0.3, 0.5], B: [-0.2, 0, -0.4], C: [0.1, -0.1, -0.3, 0.1], D: [-0.1, 0.1]});
    const sql = readFileSync(join(MODELS_DIR, "marts", "value_added_school.sql"), "utf8");
    await db.run(`create or replace table value_added_school as ${sql}`);
    const [a, b, c, d] = await rows<Record<string, number | string | null>>(db, "value_added_school", "exam_id = 'E2'", "school_id");
    for (const row of [a, b, c, d]) {
      expect(row!.tau_squared as number).toBeCloseTo(0.0878125, 7);
      expect(row!.grand_mean as number).toBeCloseTo(0.0392796, 6);
    }
    expect(a!.va as number).toBeCloseTo(0.4, 12);
    expect(a!.se as number).toBeCloseTo(0.1, 12);
    expect(a!.reliability as number).toBeCloseTo(0.897764, 6);
    expect(a!.va_shrunk as number).toBeCloseTo(0.363121, 6);
    expect(a!.va_shrunk_se as number).toBeCloseTo(0.0960978, 6);
    expect(a!.va_shrunk_low as number).toBeCloseTo(0.174769, 5);
    expect(a!.va_shrunk_high as number).toBeCloseTo(0.551473, 5);
    expect(a!.band).toBe("above");
    expect(b!.va_shrunk as number).toBeCloseTo(-0.168457, 6);
    expect(b!.va_shrunk_se as number).toBeCloseTo(0.109559, 5);
    expect(b!.band).toBe("average");
    expect([a, b, c, d].map((row) => row!.p_value as number)).toEqual([
      expect.closeTo(0.00031, 5), expect.closeTo(0.038245, 5), expect.closeTo(0.351081, 5), expect.closeTo(0.69447, 5)
    ]);
    expect(a!.q_value as number).toBeCloseTo(0.001238, 5);
    expect(b!.q_value as number).toBeCloseTo(0.076489, 5);
    expect(d!.q_value as number).toBeCloseTo(0.69447, 5);
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
