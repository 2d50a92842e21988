// 三率一分 per school: the excellent, pass and low rates as dots on a 0–100% line, the mean score as a
// diamond at its share of full marks, and the mean score itself written at the right. A school whose
// results are suppressed gets its note instead of marks.
import * as Plot from "./vendor/plot.js";
import {fitLabels, textWidth} from "./labels.js";
import {GREYS} from "./colors.js";

/**
 * @param {{label: string, suppressed: boolean, note: string, mean: number|null, [rate: string]: any}[]} data sorted
 * @param {{width: number, rates: {key: string, label: string, color: string}[], mean: {label: string, color: string}, format: (x: number) => string}} options
 */
export function examRatesChart(data, {width, rates, mean, format}) {
  const labels = fitLabels(data.map((row) => row.label), {width, share: 0.34});
  const shown = data.filter((row) => !row.suppressed);
  const noteWidth = Math.ceil(Math.max(0, ...shown.map((row) => textWidth(row.note)))) + 12;
  const dots = shown.flatMap((row) => rates.filter((rate) => row[rate.key] != null).map((rate) => ({label: row.label, rate, value: row[rate.key]})));
  return Plot.plot({
    width,
    height: 40 + data.length * 34,
    marginLeft: labels.marginLeft,
    marginRight: noteWidth,
    // a phone has room for three labels
    x: {domain: [0, 1], tickFormat: format, grid: true, label: null, ticks: width < 520 ? [0, 0.5, 1] : 10},
    y: {domain: data.map((row) => row.label), axis: null},
    marks: [
      labels.axis(),
      Plot.ruleY(shown, {y: "label", x1: (row) => Math.min(...rates.map((rate) => row[rate.key] ?? 1)), x2: (row) => Math.max(...rates.map((rate) => row[rate.key] ?? 0)), stroke: GREYS.light}),
      Plot.dot(dots, {y: "label", x: "value", fill: (d) => d.rate.color, r: 5, tip: true, title: (d) => `${d.label}\n${d.rate.label} ${format(d.value)}`}),
      Plot.dot(shown.filter((row) => row.mean != null), {y: "label", x: "mean", symbol: "diamond", r: 5, fill: mean.color, title: (row) => `${row.label}\n${mean.label} ${row.note}`}),
      Plot.text(shown, {y: "label", x: 1, text: "note", textAnchor: "start", dx: 8, fill: mean.color}),
      Plot.text(data.filter((row) => row.suppressed), {y: "label", x: 0, text: "note", textAnchor: "start", dx: 4, fill: GREYS.muted})
    ]
  });
}
