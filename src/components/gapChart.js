// A value per exam (a score gap in z units with its 95% interval, or a share): a dot and a vertical
// interval per exam and subject, faceted by stage. Exams of different grades and kinds (district exams,
// group joint exams) can fall on the same date, so points are not joined into a line that would read
// as one trend, and points on one date sit side by side; a row marked `hollow` (a group joint exam) is
// drawn as a ring. Suppressed points are left out (the table says "<n").
import * as Plot from "./vendor/plot.js";
import {GREYS, seriesColors} from "./colors.js";

/**
 * @param {{date: Date, series: string, gap: number|null, ci_low?: number|null, ci_high?: number|null, facet?: string,
 *   exam_id?: string, hollow?: boolean, title?: string}[]} data
 * @param {{width: number, y?: string, series?: string[], facets?: string[], colors?: Record<string, string>,
 *   zeroLabel?: string, yLabel?: string, seriesLabel?: (s: string) => string, facetLabel?: (f: string) => string,
 *   dateFormat?: (d: Date) => string, monthFormat?: (d: Date) => string, yFormat: (y: number) => string, height?: number}} options
 *   `series` and `facets` give the order (default: alphabetical); `zeroLabel` names the zero line; `title` on a
 *   row is its tooltip.
 */
export function gapChart(data, options) {
  const {width, y = "gap", seriesLabel = String, facetLabel = String, dateFormat = String, monthFormat = dateFormat, yFormat, height = 260, zeroLabel, yLabel = null} = options;
  const shown = data.filter((row) => row[y] != null);
  const present = new Set(shown.map((row) => row.series));
  const series = options.series ? options.series.filter((s) => present.has(s)) : [...present].sort();
  const facetsPresent = new Set(shown.map((row) => row.facet).filter((f) => f != null));
  const facets = options.facets ? options.facets.filter((f) => facetsPresent.has(f)) : [...facetsPresent].sort();
  const colors = options.colors ?? seriesColors(series);
  const colorOf = (row) => colors[row.series] ?? GREYS.series;
  const faceted = facets.length > 1;
  const fy = faceted ? "facet" : undefined;
  // the points of one date (each exam and subject) side by side around it, 7 pixels apart
  const times = shown.map((row) => +row.date);
  const msPerPixel = times.length ? Math.max(86400000, Math.max(...times) - Math.min(...times)) / Math.max(100, width - 120) : 0;
  const slot = (row) => `${series.indexOf(row.series)}|${row.exam_id ?? ""}`;
  const slots = new Map();
  for (const row of shown) {
    const key = `${row.facet}|${+row.date}`;
    if (!slots.has(key)) slots.set(key, new Set());
    slots.get(key).add(slot(row));
  }
  const at = (row) => {
    const here = [...slots.get(`${row.facet}|${+row.date}`)].sort();
    return new Date(+row.date + (here.indexOf(slot(row)) - (here.length - 1) / 2) * 7 * msPerPixel);
  };
  const title = (row) => row.title ?? `${row.exam_name ? `${row.exam_name}\n` : ""}${seriesLabel(row.series)} ${dateFormat(row.date)}\n${yFormat(row[y])} [${yFormat(row.ci_low)}, ${yFormat(row.ci_high)}]`;
  return Plot.plot({
    width,
    height: faceted ? Math.round(height * 0.8) * facets.length : height,
    marginLeft: 52,
    marginRight: faceted ? 64 : 20,
    marginBottom: 32,
    x: {type: "utc", label: null, tickFormat: monthFormat, ticks: width < 520 ? 3 : 7, inset: 12},
    y: {grid: true, label: yLabel, labelAnchor: "top", labelArrow: "none", tickFormat: yFormat},
    fy: faceted ? {domain: facets, label: null, tickFormat: facetLabel} : undefined,
    marks: [
      Plot.ruleY([0], {stroke: GREYS.series}),
      // the zero line says what it means, at its left end above the line (in each facet)
      zeroLabel ? Plot.text(faceted ? facets.map((facet) => ({facet})) : [{}], {frameAnchor: "left", y: () => 0, dx: 4, dy: -7, text: () => zeroLabel, textAnchor: "start", fill: GREYS.muted, stroke: "white", strokeWidth: 3, paintOrder: "stroke", fy}) : null,
      Plot.ruleX(shown.filter((row) => row.ci_low != null), {x: at, y1: "ci_low", y2: "ci_high", stroke: colorOf, strokeWidth: 2, strokeOpacity: 0.45, fy}),
      Plot.dot(shown, {x: at, y, fill: (row) => (row.hollow ? "white" : colorOf(row)), stroke: (row) => (row.hollow ? colorOf(row) : "white"), strokeWidth: (row) => (row.hollow ? 2 : 1), r: 4, fy, tip: true, title})
    ]
  });
}

