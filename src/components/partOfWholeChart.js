// A part of a whole over time: one bar per period for the whole (light) with the part drawn over it
// (e.g. the schools meeting the resource standard out of the schools assessed).
import * as Plot from "./vendor/plot.js";
import {timeTicks} from "./labels.js";

/**
 * @param {{x: string, part: number, whole: number}[]} data one row per period
 * @param {{width: number, colors: {part: string, whole: string}, xLabel?: (x: string) => string, height?: number}} options
 */
export function partOfWholeChart(data, {width, colors, xLabel = String, height = 210}) {
  const axis = timeTicks(data.map((row) => row.x), {width, format: xLabel});
  return Plot.plot({
    width,
    height,
    marginLeft: 48,
    marginBottom: axis.marginBottom,
    x: {type: "band", tickFormat: axis.tickFormat, ticks: axis.ticks, label: null, tickSize: 0},
    y: {grid: true, label: null},
    marks: [
      Plot.barY(data, {x: "x", y: "whole", fill: colors.whole}),
      Plot.barY(data, {x: "x", y: "part", fill: colors.part, title: (row) => `${xLabel(row.x)}: ${row.part} / ${row.whole}`, tip: true}),
      Plot.ruleY([0])
    ]
  });
}
