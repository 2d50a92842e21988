// A grid of coloured cells, one row per school and one column per indicator (e.g. each school's seven
// resource indicators against their standards). The column labels sit on top and turn on narrow screens.
import * as Plot from "./vendor/plot.js";
import {fitLabels} from "./labels.js";

/**
 * @param {{row: string, column: string, color: string, title: string}[]} data one cell per row and column
 * @param {{width: number, rows: string[], columns: string[], columnLabel?: (column: string) => string}} options
 */
export function statusGridChart(data, {width, rows, columns, columnLabel = String}) {
  const labels = fitLabels(rows, {width, share: 0.4});
  const narrow = width < 700;
  return Plot.plot({
    width,
    height: (narrow ? 90 : 40) + rows.length * 20,
    marginLeft: labels.marginLeft,
    marginTop: narrow ? 86 : 32,
    // room for the last column label, turned 45° up to the right
    marginRight: narrow ? 72 : 10,
    x: {domain: columns, tickFormat: columnLabel, axis: "top", label: null, tickRotate: narrow ? -45 : 0, tickSize: 0},
    y: {domain: rows, label: null, axis: null},
    marks: [labels.axis(), Plot.cell(data, {x: "column", y: "row", fill: "color", inset: 1, title: "title", tip: true})]
  });
}
