import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {MODELS_DIR} from "../../pipelines/models/load.js";
import {build, rows} from "./fixture.js";
import {plantResiduals, vaFixture} from "./va-fixture.js";

describe("value_added_group", () => {
  it("averages the group's residuals and compares the lead with its members", async () => {
    const db = await build(vaFixture(), {min_n: 2});
    // In the paper case every school's students gained alike (no residual variance within a school): residuals are
    // replaced by hand-made ones with some. G = A (lead) + B (member):
    //   A 0.3, 0.5: n 2, mean 0.4, var_A = (0.01 + 0.01)/1 = 0.02;  B −0.2, 0, −0.4: n 3, mean −0.2, var_B = 0.08/2 = 0.04
    // va = (0.8 − 0.6)/5 = 0.04; se = √(n_A·var_A + n_B·var_B)/n = √(0.04 + 0.12)/5 = 0.4/5 = 0.08; ci 0.04 ∓ 0.1568
    // lead − members = 0.4 − (−0.2) = 0.6. Schools are a sample: with the pair's between-school variance τ² = 0.05
    // (planted in value_added_school below), se = √(n_A·var_A/n_A² + n_B·var_B/n_B² + τ²·(1 + n_B²/n_B²))
    // = √(0.01 + 0.0133333 + 0.1) = 0.351188; one member school: no interval (one school a side, as for the score gaps: urban_rural_gap)
    await plantResiduals(db, {A: [0.3, 0.5], B: [-0.2, 0, -0.4]});
    await db.run(`create or replace table value_added_school as select 'E1' as prior_exam_id, 'E2' as exam_id, 'math' as subject, 0.05 as tau_squared`);
    await db.run(`create or replace table value_added_group as ${readFileSync(join(MODELS_DIR, "marts", "value_added_group.sql"), "utf8")}`);
    const [group] = await rows<Record<string, number | boolean | null>>(db, "value_added_group", "exam_id = 'E2'");
    expect(group).toMatchObject({n_students: 5, n_lead: 2, n_members: 3, is_suppressed: false});
    expect(group!.va!).toBeCloseTo(0.04, 12);
    expect(group!.se!).toBeCloseTo(0.08, 12);
    expect(group!.ci_low!).toBeCloseTo(-0.1168, 12);
    expect(group!.ci_high!).toBeCloseTo(0.1968, 12);
    expect(group!.lead_minus_members!).toBeCloseTo(0.6, 12);
    expect(group!.lead_minus_members_se!).toBeCloseTo(0.351188, 6);
    expect(group).toMatchObject({lead_minus_members_ci_low: null, lead_minus_members_ci_high: null});
    // a second member school C (−0.1, −0.3: n 2, mean −0.2, var 0.02): members n 5, mean −0.2, so lead − members 0.6;
    // se = √(0.01 + (3·0.04 + 2·0.02)/25 + τ²·(1 + (3² + 2²)/5²)) = √(0.01 + 0.0064 + 0.05·1.52) = √0.0924 = 0.303974;
    // two member schools: t(0.975, 2) = 4.302653 → 0.6 ∓ 1.307893 = [−0.707893, 1.907893]
    await db.run(`insert into int_exam_memberships select * replace ('C' as school_id) from int_exam_memberships where school_id = 'B'`);
    await plantResiduals(db, {A: [0.3, 0.5], B: [-0.2, 0, -0.4], C: [-0.1, -0.3]});
    await db.run(`create or replace table value_added_group as ${readFileSync(join(MODELS_DIR, "marts", "value_added_group.sql"), "utf8")}`);
    const [two] = await rows<Record<string, number | boolean | null>>(db, "value_added_group", "exam_id = 'E2'");
    expect(two!.lead_minus_members!).toBeCloseTo(0.6, 12);
    expect(two!.lead_minus_members_se!).toBeCloseTo(0.303974, 6);
    expect(two!.lead_minus_members_ci_low!).toBeCloseTo(-0.707893, 5);
    expect(two!.lead_minus_members_ci_high!).toBeCloseTo(1.907893, 5);
    db.close();
  });

  it("leaves the lead–member difference, its se and interval NULL when a side has fewer than min_n students", async () => {
    // min_n = 3: the group has 4 students (published) but 2 at the lead and 2 at the member
    const db = await build(vaFixture(), {min_n: 3});
    const [group] = await rows<Record<string, number | boolean | null>>(db, "value_added_group", "exam_id = 'E2'");
    expect(group).toMatchObject({n_students: 4, is_suppressed: false, lead_minus_members: null, lead_minus_members_se: null,
      lead_minus_members_ci_low: null, lead_minus_members_ci_high: null});
    // the paper case: residuals ±0.274204 average 0, and no school has residual variance: se 0
    expect(group!.va!).toBeCloseTo(0, 12);
    expect(group!.se!).toBeCloseTo(0, 12);
    db.close();
  });
});
