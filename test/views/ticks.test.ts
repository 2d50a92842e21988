// Axis ticks: a value-added axis spanning ±0.02 printed at two decimals showed "-0.01 -0.01 0.00 0.00 …"
// (the group page's chart, seen in the screenshots); ticks are now thinned until every label differs.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {distinctTicks} from "../../src/components/ticks.js";

const twoDecimals = (x: number) => x.toFixed(2);
const plain = (x: number) => String(x);

describe("distinctTicks", () => {
  it("thins ticks that would print alike", () => {
    // 8 ticks over [-0.02, 0.02] would be 0.005 apart: -0.02 -0.015 (prints -0.01) -0.01 …
    const ticks = distinctTicks(-0.02, 0.02, 8, twoDecimals);
    const labels = ticks.map(twoDecimals);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toEqual(["-0.02", "-0.01", "0.00", "0.01", "0.02"]);
  });

  it("keeps zero a tick and steps of 1, 2 or 5 × 10ⁿ", () => {
    expect(distinctTicks(-0.3, 0.45, 4, twoDecimals)).toEqual([-0.2, 0, 0.2, 0.4]);
    expect(distinctTicks(0, 10, 5, plain)).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it("a range with no width is one tick", () => {
    expect(distinctTicks(0, 0, 5, twoDecimals)).toEqual([0]);
  });
});
