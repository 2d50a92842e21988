// Estimates with 95% intervals, one row per item (caterpillar plot for value-added; gaps by scope).
// Optional second estimate (e.g. shrunken vs raw) drawn as a hollow mark. The zero line is always drawn
// (so an interval that crosses it shows), and named when `zeroLabel` is given.
import * as Plot from "./vendor/plot.js";
import {GREYS, LOCALITY_COLORS} from "./colors.js";
import {fitLabels} from "./labels.js";
import {distinctTicks} from "./ticks.js";

/**
 * @param {{label: string, value: number, low: number, high: number, second?: number, color?: string}[]} data sorted
 * @param {{width: number, valueFormat: (x: number) => string, colorOf?: (row: object) => string, xLabel?: string|null,
 *   zeroLabel?: string, rowHeight?: number}} options
 */
export function intervalChart(data, {width, valueFormat, colorOf = () => LOCALITY_COLORS.urban, xLabel = null, zeroLabel, rowHeight = 20}) {
  const shown = data.filter((row) => row.value != null);
  const labels = fitLabels(shown.map((row) => row.label), {width});
  // the axis spans the intervals and zero (always drawn); a tick per 80 px, so signed labels never touch, and
  // never two ticks that print alike
  const lo = Math.min(0, ...shown.map((row) => Math.min(row.low ?? row.value, row.value, row.second ?? row.value)));
  const hi = Math.max(0, ...shown.map((row) => Math.max(row.high ?? row.value, row.value, row.second ?? row.value)));
  const ticks = distinctTicks(lo, hi, Math.max(2, Math.floor((width - labels.marginLeft) / 80)), valueFormat);
  return Plot.plot({
    width,
    height: Math.max(120, shown.length * rowHeight + (zeroLabel ? 10 : 0) + (xLabel ? 14 : 0) + 50),
    marginLeft: labels.marginLeft,
    marginRight: 20,
    marginTop: zeroLabel ? 30 : 20,
    // the axis title centred under the tick labels, clear of them
    marginBottom: xLabel ? 44 : 30,
    // inset: a dot at either end of the domain stays clear of the labels and the frame
    x: {grid: true, inset: 8, label: xLabel, labelAnchor: "center", labelArrow: "none", labelOffset: 38, tickFormat: valueFormat, ticks},
    y: {domain: shown.map((row) => row.label), label: null},
    marks: [
      labels.axis(),
      Plot.ruleX([0], {stroke: GREYS.series}),
      // the zero line's name above the plot, at the line
      zeroLabel ? Plot.text([zeroLabel], {x: 0, frameAnchor: "top", dy: -14, text: (d) => d, fill: GREYS.muted}) : null,
      Plot.ruleY(shown, {y: "label", x1: "low", x2: "high", stroke: (row) => colorOf(row), strokeWidth: 2, strokeOpacity: 0.55}),
      shown.some((row) => row.second != null)
        ? Plot.dot(shown, {y: "label", x: "second", r: 4, stroke: (row) => colorOf(row), fill: "white", strokeWidth: 1.5})
        : null,
      Plot.dot(shown, {y: "label", x: "value", r: 3.5, fill: (row) => colorOf(row), tip: true,
        title: (row) => row.title ?? `${row.label}\n${valueFormat(row.value)} [${valueFormat(row.low)}, ${valueFormat(row.high)}]${row.second != null ? `\n→ ${valueFormat(row.second)}` : ""}`})
    ]
  });
}
