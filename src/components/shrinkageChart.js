// Shrunken against raw estimates, one dot per school sized by its students: the dashed diagonal is no
// shrinkage, so a dot's distance from it shows how far the school was pulled towards 0.
import * as Plot from "./vendor/plot.js";
import {GREYS} from "./colors.js";

/**
 * @param {{x: number, y: number, n: number, color: string, title: string}[]} data
 * @param {{width: number, xLabel: string, yLabel: string, format: (x: number) => string}} options
 */
export function shrinkageChart(data, {width, xLabel, yLabel, format}) {
  // the same symmetric range on both axes, so that the no-shrinkage line is the diagonal
  const reach = Math.max(0.05, ...data.flatMap((d) => [Math.abs(d.x), Math.abs(d.y)])) * 1.1;
  const extent = [-reach, reach];
  return Plot.plot({
    width,
    height: Math.min(460, width * 0.8),
    grid: true,
    marginLeft: 56,
    marginRight: 20,
    // the x title centred under the tick labels, clear of them
    marginBottom: 44,
    x: {label: xLabel, labelAnchor: "center", labelArrow: "none", labelOffset: 38, tickFormat: format, domain: extent, ticks: width < 520 ? 4 : 8},
    y: {label: yLabel, tickFormat: format, domain: extent},
    marks: [
      Plot.ruleX([0], {stroke: GREYS.series}),
      Plot.ruleY([0], {stroke: GREYS.series}),
      Plot.line(data.length ? extent.map((v) => ({x: v, y: v})) : [], {x: "x", y: "y", stroke: GREYS.none, strokeDasharray: "4,3"}),
      Plot.dot(data, {x: "x", y: "y", r: (d) => Math.sqrt(d.n) / 3, fill: "color", fillOpacity: 0.75, tip: true, title: "title"})
    ]
  });
}
