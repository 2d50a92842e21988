// The Theil index per indicator split into its within and between parts, stacked, once per partition
// (by group, by locality).
import * as Plot from "./vendor/plot.js";
import {fitLabels} from "./labels.js";

/**
 * @param {{indicator: string, partition: string, part: "within"|"between", value: number, title: string}[]} data
 * @param {{width: number, indicators: string[], indicatorLabel: (i: string) => string, partitions: string[],
 *   partitionLabel: (p: string) => string, colors: {within: string, between: string}, format: (x: number) => string}} options
 */
export function theilChart(data, {width, indicators, indicatorLabel, partitions, partitionLabel, colors, format}) {
  const labels = fitLabels(indicators, {width, format: indicatorLabel});
  return Plot.plot({
    width,
    height: 100 + indicators.length * partitions.length * 24,
    marginLeft: labels.marginLeft,
    marginRight: 20,
    marginTop: 24,
    x: {grid: true, label: null, tickFormat: format, ticks: width < 520 ? 3 : 8},
    y: {domain: indicators, tickFormat: labels.tickFormat, label: null},
    fy: {domain: partitions, axis: null, padding: 0.2},
    color: {domain: ["within", "between"], range: [colors.within, colors.between]},
    marks: [
      Plot.barX(data, {y: "indicator", fy: "partition", x: "value", fill: "part", order: ["between", "within"], title: "title", tip: true}),
      Plot.text(partitions, {fy: (p) => p, text: partitionLabel, frameAnchor: "top-left", dy: -14, fontWeight: 600}),
      labels.axis()
    ]
  });
}
