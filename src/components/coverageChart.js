// Share of schools and of students in groups, per category (county, locality, stage): two bars per row,
// schools dark and students light, labelled with the share.
import * as Plot from "./vendor/plot.js";
import {fitLabels, textWidth} from "./labels.js";
import {GREYS} from "./colors.js";

export function coverageChart(rows, {width, category, label = String, pct, colorOf = () => GREYS.series, measureLabel = String}) {
  const data = rows.flatMap((row) => [
    {category: row[category], measure: "schools", share: row.share_schools, row},
    {category: row[category], measure: "students", share: row.share_students, row}
  ]);
  const labels = fitLabels(rows.map((row) => row[category]), {width, format: label, share: 0.3});
  // room on the right for the longest value label at 100%
  const marginRight = Math.ceil(8 + Math.max(...["schools", "students"].map((m) => textWidth(`${measureLabel(m)} ${pct(1)}`, 11))));
  return Plot.plot({
    width,
    height: 40 + rows.length * 52,
    marginLeft: labels.marginLeft,
    marginRight,
    x: {domain: [0, 1], tickFormat: pct, grid: true, label: null, ticks: width < 520 ? 2 : 10},
    y: {domain: ["schools", "students"], axis: null},
    fy: {domain: rows.map((row) => row[category]), tickFormat: labels.tickFormat, label: null, padding: 0.2},
    facet: {marginLeft: labels.marginLeft},
    marks: [
      Plot.axisFy({tickFormat: labels.tickFormat, label: null, anchor: "left", title: (value) => label(value)}),
      Plot.barX(data, {fy: "category", y: "measure", x: 1, fill: GREYS.track}),
      Plot.barX(data, {fy: "category", y: "measure", x: "share", fill: (d) => colorOf(d.row), fillOpacity: (d) => (d.measure === "schools" ? 1 : 0.45),
        title: (d) => `${label(d.category)} · ${measureLabel(d.measure)}: ${pct(d.share)}`, tip: true}),
      Plot.text(data, {fy: "category", y: "measure", x: "share", text: (d) => `${measureLabel(d.measure)} ${pct(d.share)}`, dx: 4, textAnchor: "start", fontSize: 11})
    ]
  });
}
