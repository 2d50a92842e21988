// Share of schools and of students in groups, per category (county, locality, stage): two bars per row,
// schools dark and students light, labelled with the share.
import * as Plot from "@observablehq/plot";

export function coverageChart(rows, {width, category, label = String, pct, colorOf = () => "#4a5568", measureLabel = String}) {
  const data = rows.flatMap((row) => [
    {category: row[category], measure: "schools", share: row.share_schools, row},
    {category: row[category], measure: "students", share: row.share_students, row}
  ]);
  return Plot.plot({
    width,
    height: 40 + rows.length * 52,
    marginLeft: 96,
    marginRight: 72,
    x: {domain: [0, 1], tickFormat: pct, grid: true, label: null},
    y: {domain: ["schools", "students"], axis: null},
    fy: {domain: rows.map((row) => row[category]), tickFormat: label, label: null, padding: 0.2},
    facet: {marginLeft: 96},
    marks: [
      Plot.barX(data, {fy: "category", y: "measure", x: 1, fill: "#edf0f4"}),
      Plot.barX(data, {fy: "category", y: "measure", x: "share", fill: (d) => colorOf(d.row), fillOpacity: (d) => (d.measure === "schools" ? 1 : 0.45),
        title: (d) => `${label(d.category)} · ${measureLabel(d.measure)}: ${pct(d.share)}`, tip: true}),
      Plot.text(data, {fy: "category", y: "measure", x: "share", text: (d) => `${measureLabel(d.measure)} ${pct(d.share)}`, dx: 4, textAnchor: "start", fontSize: 11})
    ]
  });
}
