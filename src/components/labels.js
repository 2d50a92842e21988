// Category labels on a chart's left axis that never run off the edge: the margin fits the longest label
// (measured in the page's font) up to a share of the width; a longer label is cut with "…" and keeps its
// full text as a tooltip (the data table below the chart always has the full name).
import * as Plot from "./vendor/plot.js";

let context;

/** the width in pixels of `text` in the page's font at `fontSize` */
export function textWidth(text, fontSize = 12) {
  context ??= document.createElement("canvas").getContext("2d");
  context.font = `${fontSize}px ${getComputedStyle(document.body).fontFamily}`;
  return context.measureText(String(text)).width;
}

/**
 * @param {any[]} values the y domain
 * @param {{width: number, format?: (value: any) => string, share?: number, fontSize?: number}} options
 * @returns {{marginLeft: number, tickFormat: (value: any) => string, axis: (options?: object) => any}}
 */
export function fitLabels(values, {width, format = String, share = 0.42, fontSize = 12}) {
  const room = Math.max(48, Math.floor(width * share));
  const widest = Math.max(0, ...values.map((value) => textWidth(format(value), fontSize)));
  const marginLeft = Math.ceil(Math.min(room, widest) + 14);
  const fits = marginLeft - 14;
  const cut = new Map();
  const tickFormat = (value) => {
    const text = format(value);
    if (textWidth(text, fontSize) <= fits) return text;
    if (!cut.has(text)) {
      const chars = [...text];
      let n = chars.length;
      while (n > 1 && textWidth(chars.slice(0, n).join("") + "…", fontSize) > fits) n--;
      cut.set(text, chars.slice(0, n).join("") + "…");
    }
    return cut.get(text);
  };
  const axis = (options = {}) => Plot.axisY({tickFormat, tickSize: 0, tickPadding: 6, label: null, title: (value) => format(value), ...options});
  return {marginLeft, tickFormat, axis};
}

/** "2025年第3季度" → "2025年\n第3季度", "2025 Q3" → "2025\nQ3": two short lines for a narrow time axis */
export function twoLines(text) {
  return String(text).replace(/^(\d{4}年?)\s*(?=\S)/, "$1\n");
}

/** for resize(): withLabels(values, (width, labels) => Plot.plot({marginLeft: labels.marginLeft, marks: [labels.axis(), …]})) */
export function withLabels(values, render, options = {}) {
  return (width) => render(width, fitLabels(values, {width, ...options}));
}

/**
 * Tick labels for a categorical time axis (periods, school years) that do not collide: one line when they
 * fit, else two short lines, else two lines on every other (or third …) tick, counting from the latest.
 * @returns {{ticks: any[], tickFormat: (x: any) => string, marginBottom: number}}
 */
export function timeTicks(xs, {width, format = String, fontSize = 12, reserved = 72}) {
  const room = Math.max(60, width - reserved);
  const widest = (lines) => Math.max(0, ...xs.map((x) => Math.max(...lines(format(x)).split("\n").map((line) => textWidth(line, fontSize)))));
  const single = widest(String);
  if (xs.length * (single + 12) <= room) return {ticks: xs, tickFormat: format, marginBottom: 30};
  const double = widest(twoLines);
  const step = Math.max(1, Math.ceil((xs.length * (double + 12)) / room));
  return {ticks: xs.filter((_, i) => (xs.length - 1 - i) % step === 0), tickFormat: (x) => twoLines(format(x)), marginBottom: 44};
}
