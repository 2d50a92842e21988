// A trend over periods (or school years, or exams) for one or more series, with an optional target line.
import * as Plot from "./vendor/plot.js";
import {timeTicks} from "./labels.js";
import {STATUS_COLORS} from "./colors.js";

/**
 * @param {object[]} data rows with `x`, `series`, `value` (null = no value, drawn as a gap) and an optional `title` (the tooltip)
 * @param {{width: number, colors: Record<string,string>, seriesLabel: (s: string) => string, xLabel?: (x: any) => string,
 *   yFormat: (y: number) => string, targets?: {value: number, label: string}[], yDomain?: [number, number], height?: number}} options
 */
export function trendChart(data, {width, colors, seriesLabel, xLabel = String, yFormat, targets = [], yDomain, height = 260, bands}) {
  const xs = [...new Set(data.map((row) => row.x))].sort();
  const axis = timeTicks(xs, {width, format: xLabel});
  return Plot.plot({
    width,
    height,
    marginLeft: 52,
    marginRight: 20,
    marginBottom: axis.marginBottom,
    x: {type: "point", domain: xs, ticks: axis.ticks, tickFormat: axis.tickFormat, label: null, padding: 0.3},
    y: {grid: true, tickFormat: yFormat, domain: yDomain, nice: true, label: null, zero: !yDomain},
    color: {domain: Object.keys(colors), range: Object.values(colors)},
    marks: [
      bands ? Plot.areaY(data.filter((row) => row.low != null), {x: "x", y1: "low", y2: "high", z: "series", fill: "series", fillOpacity: 0.15, curve: "linear"}) : null,
      ...targets.map((target) => Plot.ruleY([target.value], {stroke: STATUS_COLORS.target, strokeDasharray: "5,4", strokeWidth: 1.5})),
      // the target's label sits at the right end of its line, above it
      ...targets.map((target) => Plot.text([target], {x: () => xs.at(-1), y: "value", text: "label", dy: -8, textAnchor: "end", fill: STATUS_COLORS.target, stroke: "white", strokeWidth: 3, paintOrder: "stroke"})),
      Plot.line(data, {x: "x", y: "value", z: "series", stroke: "series", strokeWidth: 2.2}),
      Plot.dot(data, {x: "x", y: "value", fill: "series", r: 3.2, stroke: "white",
        title: (row) => row.title ?? `${seriesLabel(row.series)}\n${xLabel(row.x)}: ${row.value == null ? "—" : yFormat(row.value)}`, tip: true})
    ]
  });
}
