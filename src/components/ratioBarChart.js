// One ratio per row as a bar, with the reference (1 = equal) as a solid line and the ratio written after
// the bar (e.g. rural schools' resources as a share of urban schools').
import * as Plot from "./vendor/plot.js";
import {fitLabels} from "./labels.js";

/**
 * @param {{key: string, value: number, text: string, title: string}[]} data one bar per row, in order
 * @param {{width: number, reference: number, color: string, referenceColor: string, format: (x: number) => string}} options
 */
export function ratioBarChart(data, {width, reference, color, referenceColor, format}) {
  const keys = data.map((row) => row.key);
  const labels = fitLabels(keys, {width});
  return Plot.plot({
    width,
    height: 60 + data.length * 30,
    marginLeft: labels.marginLeft,
    marginRight: 50,
    // no axis title: the legend says what 100% is (a title here ran into the ticks)
    x: {grid: true, label: null, tickFormat: format, ticks: width < 520 ? 4 : 10},
    y: {domain: keys, label: null, axis: null},
    marks: [
      labels.axis(),
      Plot.barX(data, {y: "key", x: "value", fill: color, title: "title"}),
      Plot.ruleX([reference], {stroke: referenceColor, strokeWidth: 2}),
      // a white halo keeps a label readable where it crosses the reference line
      Plot.text(data, {y: "key", x: "value", text: "text", dx: 4, textAnchor: "start", stroke: "white", strokeWidth: 3, paintOrder: "stroke"})
    ]
  });
}
