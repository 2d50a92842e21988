// A score gap (in z units) per exam with its 95% interval: a dot and a vertical interval per exam and
// subject (subjects side by side), faceted by stage. Exams of different grades and kinds (district exams,
// group joint exams) can fall on the same date, so points are not joined into a line that would read
// as one trend. Suppressed points are left out (the table says "<n").
import * as Plot from "./vendor/plot.js";
import {GREYS, SUBJECT_COLORS} from "./colors.js";

/**
 * @param {{date: Date, series: string, gap: number|null, ci_low: number|null, ci_high: number|null, facet?: string}[]} data
 */
export function gapChart(data, {width, seriesLabel = String, facetLabel = String, dateFormat, monthFormat = dateFormat, yFormat, height = 260}) {
  const shown = data.filter((row) => row.gap != null);
  const series = [...new Set(shown.map((row) => row.series))].sort();
  const facets = [...new Set(shown.map((row) => row.facet).filter((f) => f != null))].sort();
  const faceted = facets.length > 1;
  const fy = faceted ? "facet" : undefined;
  // subjects side by side around their exam date, 7 pixels apart
  const times = shown.map((row) => +row.date);
  const msPerPixel = times.length ? Math.max(86400000, Math.max(...times) - Math.min(...times)) / Math.max(100, width - 120) : 0;
  const at = (row) => new Date(+row.date + (series.indexOf(row.series) - (series.length - 1) / 2) * 7 * msPerPixel);
  return Plot.plot({
    width,
    height: faceted ? Math.round(height * 0.8) * facets.length : height,
    marginLeft: 52,
    marginRight: faceted ? 64 : 20,
    marginBottom: 32,
    x: {type: "utc", label: null, tickFormat: monthFormat, ticks: width < 520 ? 3 : 7, inset: 12},
    y: {grid: true, label: null, tickFormat: yFormat},
    fy: faceted ? {domain: facets, label: null, tickFormat: facetLabel} : undefined,
    color: {domain: series, range: SUBJECT_COLORS.slice(0, Math.max(series.length, 1))},
    marks: [
      Plot.ruleY([0], {stroke: GREYS.series}),
      Plot.ruleX(shown, {x: at, y1: "ci_low", y2: "ci_high", stroke: "series", strokeWidth: 2, strokeOpacity: 0.45, fy}),
      Plot.dot(shown, {x: at, y: "gap", fill: "series", r: 4, stroke: "white", fy, tip: true,
        title: (row) => `${row.exam_name ? `${row.exam_name}\n` : ""}${seriesLabel(row.series)} ${dateFormat(row.date)}\n${yFormat(row.gap)} [${yFormat(row.ci_low)}, ${yFormat(row.ci_high)}]`})
    ]
  });
}

export function subjectColors(series) {
  return Object.fromEntries(series.map((s, i) => [s, SUBJECT_COLORS[i % SUBJECT_COLORS.length]]));
}
