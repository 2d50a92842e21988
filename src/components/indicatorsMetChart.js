// How many of the standard's indicators each school section meets: one bar per row out of `max`, the
// line a compliant section must reach, a tick after the bars that comply; pale bars do not comply.
import * as Plot from "./vendor/plot.js";
import {fitLabels} from "./labels.js";

/**
 * @param {{label: string, value: number, color: string, faded?: boolean, mark?: boolean}[]} data sorted
 * @param {{width: number, max: number, threshold: number, thresholdColor: string, xLabel?: string}} options
 */
export function indicatorsMetChart(data, {width, max, threshold, thresholdColor, xLabel = null}) {
  const labels = fitLabels(data.map((row) => row.label), {width});
  return Plot.plot({
    width,
    height: 64 + data.length * 24,
    marginLeft: labels.marginLeft,
    marginRight: 24,
    // the axis title on a line of its own, below the tick labels (on a phone it ran into them)
    marginBottom: 44,
    x: {domain: [0, max], ticks: max, grid: true, label: xLabel, labelOffset: 40},
    y: {domain: data.map((row) => row.label), axis: null},
    marks: [
      labels.axis(),
      Plot.barX(data, {y: "label", x: "value", fill: "color", fillOpacity: (row) => (row.faded ? 0.45 : 1)}),
      Plot.ruleX([threshold], {stroke: thresholdColor, strokeDasharray: "4,3"}),
      Plot.text(data.filter((row) => row.mark), {y: "label", x: "value", text: () => "✓", dx: 8})
    ]
  });
}
