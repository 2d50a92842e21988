// Counts stacked in one horizontal bar per row (teachers per school year and direction): whole numbers on
// the axis, and only the keys present in the data coloured (the card's legend lists the same keys).
import * as Plot from "./vendor/plot.js";
import {GREYS} from "./colors.js";
import {integerTicks} from "./ticks.js";

/**
 * @param {{y: string, key: string, value: number}[]} data one row per bar and key
 * @param {{width: number, keys: string[], colors: Record<string, string>, keyLabel?: (key: string) => string, xLabel?: string}} options
 */
export function stackedBarChart(data, {width, keys, colors, keyLabel = String, xLabel = null}) {
  const ys = [...new Set(data.map((row) => row.y))];
  const totals = ys.map((y) => data.filter((row) => row.y === y).reduce((sum, row) => sum + row.value, 0));
  const max = Math.max(1, ...totals);
  return Plot.plot({
    width,
    height: 70 + ys.length * 40,
    marginLeft: 90,
    marginRight: 20,
    marginBottom: 40,
    x: {domain: [0, max], ticks: integerTicks(max, width < 520 ? 4 : 10), tickFormat: "d", grid: true, label: xLabel},
    y: {domain: ys, label: null},
    color: {domain: keys, range: keys.map((key) => colors[key] ?? GREYS.series)},
    marks: [
      Plot.barX(data, Plot.stackX({y: "y", x: "value", fill: "key", order: keys, tip: true, title: (row) => `${row.y}\n${keyLabel(row.key)}: ${row.value}`})),
      Plot.ruleX([0])
    ]
  });
}
