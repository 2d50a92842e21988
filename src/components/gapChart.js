// A score gap (in z units) over exams with its 95% interval: one line per series (subject), the band
// is the confidence interval; suppressed points are left out (the table says "<n").
import * as Plot from "@observablehq/plot";

const SUBJECT_COLORS = ["#2b6cb0", "#c05621", "#6b46c1", "#2c7a7b", "#b83280"];

/**
 * @param {{date: Date, series: string, gap: number|null, ci_low: number|null, ci_high: number|null, facet?: string}[]} data
 */
export function gapChart(data, {width, seriesLabel = String, facetLabel = String, dateFormat, yFormat, height = 280}) {
  const shown = data.filter((row) => row.gap != null);
  const series = [...new Set(shown.map((row) => row.series))].sort();
  const facets = [...new Set(shown.map((row) => row.facet).filter((f) => f != null))];
  const fy = facets.length > 1 ? "facet" : undefined;
  return Plot.plot({
    width,
    height: facets.length > 1 ? height * facets.length * 0.75 : height,
    marginLeft: 52,
    marginRight: facets.length > 1 ? 70 : 16,
    x: {type: "utc", label: null, tickFormat: dateFormat, ticks: width < 520 ? 4 : 8},
    y: {grid: true, label: null, tickFormat: yFormat},
    fy: facets.length > 1 ? {label: null, tickFormat: facetLabel} : undefined,
    color: {domain: series, range: SUBJECT_COLORS.slice(0, Math.max(series.length, 1))},
    marks: [
      Plot.ruleY([0], {stroke: "#4a5568"}),
      Plot.areaY(shown, {x: "date", y1: "ci_low", y2: "ci_high", z: "series", fill: "series", fillOpacity: 0.14, fy}),
      Plot.ruleX(shown, {x: "date", y1: "ci_low", y2: "ci_high", stroke: "series", strokeOpacity: 0.6, fy}),
      Plot.line(shown, {x: "date", y: "gap", z: "series", stroke: "series", strokeWidth: 2, fy}),
      Plot.dot(shown, {x: "date", y: "gap", fill: "series", r: 3.5, stroke: "white", fy, tip: true,
        title: (row) => `${seriesLabel(row.series)} ${dateFormat(row.date)}\n${yFormat(row.gap)} [${yFormat(row.ci_low)}, ${yFormat(row.ci_high)}]`})
    ]
  });
}

export function subjectColors(series) {
  return Object.fromEntries(series.map((s, i) => [s, SUBJECT_COLORS[i % SUBJECT_COLORS.length]]));
}
