// A trend over periods (or school years, or exams) for one or more series, with an optional target line.
import * as Plot from "@observablehq/plot";

/**
 * @param {object[]} data rows with `x`, `series`, `value` (null = no value, drawn as a gap)
 * @param {{width: number, colors: Record<string,string>, seriesLabel: (s: string) => string, xLabel?: (x: any) => string,
 *   yFormat: (y: number) => string, targets?: {value: number, label: string}[], yDomain?: [number, number], height?: number}} options
 */
export function trendChart(data, {width, colors, seriesLabel, xLabel = String, yFormat, targets = [], yDomain, height = 260, bands}) {
  const xs = [...new Set(data.map((row) => row.x))].sort();
  return Plot.plot({
    width,
    height,
    marginLeft: 56,
    marginRight: 16,
    marginBottom: 40,
    x: {type: "point", domain: xs, tickFormat: xLabel, label: null, tickRotate: width < 520 && xs.length > 5 ? -40 : 0, padding: 0.3},
    y: {grid: true, tickFormat: yFormat, domain: yDomain, nice: true, label: null, zero: !yDomain},
    color: {domain: Object.keys(colors), range: Object.values(colors)},
    marks: [
      bands ? Plot.areaY(data.filter((row) => row.low != null), {x: "x", y1: "low", y2: "high", z: "series", fill: "series", fillOpacity: 0.15, curve: "linear"}) : null,
      ...targets.map((target) => Plot.ruleY([target.value], {stroke: "#9b1c1c", strokeDasharray: "5,4", strokeWidth: 1.5})),
      ...targets.map((target) => Plot.text([target], {x: xs[0], y: "value", text: "label", dy: -7, textAnchor: "start", fill: "#9b1c1c", fontSize: 11})),
      Plot.line(data, {x: "x", y: "value", z: "series", stroke: "series", strokeWidth: 2.2}),
      Plot.dot(data, {x: "x", y: "value", fill: "series", r: 3.2, stroke: "white",
        title: (row) => `${seriesLabel(row.series)}\n${xLabel(row.x)}: ${row.value == null ? "—" : yFormat(row.value)}`, tip: true})
    ]
  });
}
