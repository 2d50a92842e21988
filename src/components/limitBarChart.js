// One bar per row against a limit drawn as a dashed line (e.g. each county indicator's coefficient of
// variation against its standard), coloured by the view (met or not).
import * as Plot from "./vendor/plot.js";
import {fitLabels} from "./labels.js";
import {GREYS, STATUS_COLORS} from "./colors.js";

/**
 * @param {{key: string, value: number, color: string, title: string, text?: string}[]} data one bar per row, in
 *   order; a row's `text`, when given, is written after its bar
 * @param {{width: number, limit: number, limitLabel: string, domain: [number, number], format: (x: number) => string}} options
 */
export function limitBarChart(data, {width, limit, limitLabel, domain, format}) {
  const keys = data.map((row) => row.key);
  const labels = fitLabels(keys, {width});
  const texts = data.some((row) => row.text != null);
  return Plot.plot({
    width,
    height: 70 + data.length * 28,
    marginLeft: labels.marginLeft,
    marginRight: texts ? 52 : 20,
    marginTop: 24,
    // no axis title: the card's title and legend name the measure (a title here ran into the ticks)
    x: {domain, grid: true, label: null, tickFormat: format, ticks: width < 520 ? 4 : 10},
    y: {domain: keys, label: null, axis: null},
    marks: [
      labels.axis(),
      Plot.barX(data, {y: "key", x: "value", fill: "color", title: "title", tip: true}),
      // a white halo keeps a value readable where the limit line crosses it
      texts ? Plot.text(data, {y: "key", x: "value", text: "text", dx: 4, textAnchor: "start", fontSize: 11, fill: GREYS.ink, stroke: "white", strokeWidth: 3, paintOrder: "stroke"}) : null,
      Plot.ruleX([limit], {stroke: STATUS_COLORS.target, strokeDasharray: "5,4", strokeWidth: 1.5}),
      // above the first bar, not across it
      Plot.text([limit], {x: (d) => d, frameAnchor: "top", lineAnchor: "bottom", text: () => limitLabel, dy: -4, dx: 4, textAnchor: "start", fill: STATUS_COLORS.target})
    ]
  });
}
