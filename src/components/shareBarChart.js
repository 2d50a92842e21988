// One share per row as a bar on a 0–100% track, with a label after the bar (e.g. "8 / 9").
import * as Plot from "./vendor/plot.js";
import {fitLabels} from "./labels.js";
import {GREYS} from "./colors.js";

/**
 * @param {{key: string, label: string, share: number, text: string, color: string}[]} data one row per bar
 * @param {{width: number, format: (share: number) => string}} options
 */
export function shareBarChart(data, {width, format}) {
  const labelOf = new Map(data.map((row) => [row.key, row.label]));
  const labels = fitLabels(data.map((row) => row.key), {width, format: (key) => labelOf.get(key), share: 0.3});
  return Plot.plot({
    width,
    height: 60 + 34 * data.length,
    marginLeft: labels.marginLeft,
    marginRight: 56,
    x: {domain: [0, 1], tickFormat: format, grid: true, label: null, ticks: width < 520 ? 2 : 10},
    y: {domain: data.map((row) => row.key), axis: null},
    marks: [
      labels.axis(),
      Plot.barX(data, {y: "key", x: 1, fill: GREYS.track}),
      Plot.barX(data, {y: "key", x: "share", fill: "color", title: (row) => `${row.label}: ${format(row.share)} (${row.text})`}),
      Plot.text(data, {y: "key", x: "share", text: "text", dx: 6, textAnchor: "start"})
    ]
  });
}
