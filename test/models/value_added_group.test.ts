import {describe, expect, it} from "vitest";
import {build, rows} from "./fixture.js";
import {vaFixture} from "./va-fixture.js";

describe("value_added_group", () => {
  it("averages the group's residuals and compares the lead with its members", async () => {
    const db = await build(vaFixture(), {min_n: 2});
    const [group] = await rows<Record<string, number | boolean | null>>(db, "value_added_group", "exam_id = 'E2'");
    // G = A (lead) + B (member): residuals +0.274204 ×2 and −0.274204 ×2 → va = 0, n = 4;
    // se = σ_r/√4 = 0.245256/2 = 0.122628; ci = ∓0.240351
    // lead − members = 0.274204 − (−0.274204) = 0.548408; its se = σ_r·√(1/2 + 1/2) = 0.245256;
    // its interval 0.548408 ∓ 1.96 × 0.245256 = 0.548408 ∓ 0.480702 = [0.067706, 1.029110]
    expect(group).toMatchObject({n_students: 4, n_lead: 2, n_members: 2, is_suppressed: false});
    expect(group!.va!).toBeCloseTo(0, 12);
    expect(group!.se!).toBeCloseTo(0.122628, 6);
    expect(group!.ci_high!).toBeCloseTo(0.240351, 6);
    expect(group!.lead_minus_members!).toBeCloseTo(0.548408, 6);
    expect(group!.lead_minus_members_se!).toBeCloseTo(0.245256, 6);
    expect(group!.lead_minus_members_ci_low!).toBeCloseTo(0.067706, 5);
    expect(group!.lead_minus_members_ci_high!).toBeCloseTo(1.02911, 5);
    db.close();
  });

  it("leaves the lead–member difference, its se and interval NULL when a side has fewer than min_n students", async () => {
    // min_n = 3: the group has 4 students (published) but 2 at the lead and 2 at the member
    const db = await build(vaFixture(), {min_n: 3});
    const [group] = await rows<Record<string, number | boolean | null>>(db, "value_added_group", "exam_id = 'E2'");
    expect(group).toMatchObject({n_students: 4, is_suppressed: false, lead_minus_members: null, lead_minus_members_se: null,
      lead_minus_members_ci_low: null, lead_minus_members_ci_high: null});
    expect(group!.ci_low!).toBeCloseTo(-0.240351, 6);
    db.close();
  });
});
