// The report's charts: SVG written here (a line chart over periods, a bar per row against a target), then
// drawn to PNG by resvg, so that Word and the PDF carry the same picture and neither needs a browser. Text is
// written as glyph outlines from the CJK font fonts.ts finds (fontkit lays it out): resvg re-reads a font for
// each text element, half a second each for a 20 MB CJK collection, while outlines draw at once and look the
// same on every machine. Sizes are in CSS pixels; the PNG is drawn at 2× for print.
import {Resvg} from "@resvg/resvg-js";
import * as fontkit from "fontkit";
import type {FontFace} from "./fonts.js";

export const COLORS = {blue: "#2f6ea5", orange: "#d9822b", red: "#c0392b", grey: "#8a9099", light: "#e3e6ea", text: "#222", green: "#3a8f5c"};

export interface Chart {
  svg: string;
  width: number;
  height: number;
}

export type ChartFont = fontkit.Font;

export function openChartFont(face: FontFace): ChartFont {
  const font = fontkit.openSync(face.path, face.face) as fontkit.Font | fontkit.FontCollection;
  return "fonts" in font ? (font.fonts[0] as fontkit.Font) : font;
}

/** text as filled outlines at (x, y) on its baseline, anchored start | middle | end */
function text(font: ChartFont, value: string, x: number, y: number, {size = 11, anchor = "start", fill = COLORS.text}: {size?: number; anchor?: "start" | "middle" | "end"; fill?: string} = {}): string {
  const run = font.layout(value);
  const scale = size / font.unitsPerEm;
  const width = run.positions.reduce((sum, p) => sum + p.xAdvance, 0) * scale;
  let pen = x - (anchor === "middle" ? width / 2 : anchor === "end" ? width : 0);
  const parts: string[] = [];
  run.glyphs.forEach((glyph, i) => {
    const d = glyph.path.toSVG();
    const p = run.positions[i]!;
    if (d) parts.push(`<path transform="translate(${(pen + p.xOffset * scale).toFixed(2)} ${(y - p.yOffset * scale).toFixed(2)}) scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})" d="${d}"/>`);
    pen += p.xAdvance * scale;
  });
  return `<g fill="${fill}">${parts.join("")}</g>`;
}

function textWidth(font: ChartFont, value: string, size: number): number {
  return font.layout(value).positions.reduce((sum, p) => sum + p.xAdvance, 0) * (size / font.unitsPerEm);
}

function ticks(lo: number, hi: number, n = 5): number[] {
  const span = hi - lo || 1;
  const raw = span / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= n) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

export interface Series {
  label: string;
  color: string;
  points: {x: string; y: number | null}[];
}

/** series over the same x labels (periods), with dashed target lines and a legend on top */
export function lineChart({
  font,
  series,
  targets = [],
  yDomain,
  yFormat,
  xFormat = (x) => x,
  width = 640,
  height = 280
}: {
  font: ChartFont;
  series: Series[];
  targets?: {value: number; label: string}[];
  yDomain?: [number, number];
  yFormat: (y: number) => string;
  xFormat?: (x: string) => string;
  width?: number;
  height?: number;
}): Chart {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort();
  const values = [...series.flatMap((s) => s.points.map((p) => p.y)), ...targets.map((t) => t.value)].filter((v): v is number => v != null);
  let [lo, hi] = yDomain ?? [Math.min(0, ...values), Math.max(...values)];
  if (!yDomain) hi = hi + (hi - lo) * 0.1;
  const m = {top: 40, right: 36, bottom: 46, left: 56};
  const x = (i: number) => m.left + (xs.length === 1 ? (width - m.left - m.right) / 2 : (i * (width - m.left - m.right)) / (xs.length - 1));
  const y = (v: number) => height - m.bottom - ((v - lo) / (hi - lo || 1)) * (height - m.top - m.bottom);
  const parts: string[] = [];
  for (const t of ticks(lo, hi)) {
    parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${y(t)}" y2="${y(t)}" stroke="${COLORS.light}"/>`);
    parts.push(text(font, yFormat(t), m.left - 6, y(t) + 4, {anchor: "end"}));
  }
  const every = Math.ceil(xs.length / 9);
  xs.forEach((label, i) => {
    if (i % every === 0 || i === xs.length - 1) parts.push(text(font, xFormat(label), x(i), height - m.bottom + 18, {anchor: "middle"}));
  });
  parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${height - m.bottom}" y2="${height - m.bottom}" stroke="${COLORS.grey}"/>`);
  for (const t of targets) {
    parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${y(t.value)}" y2="${y(t.value)}" stroke="${COLORS.red}" stroke-dasharray="6 4" stroke-width="1.5"/>`);
    parts.push(text(font, t.label, width - m.right, y(t.value) - 5, {anchor: "end", fill: COLORS.red}));
  }
  for (const s of series) {
    const pts = s.points.filter((p) => p.y != null).map((p) => [x(xs.indexOf(p.x)), y(p.y!)] as const);
    if (pts.length > 1) parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2.5" points="${pts.map(([a, b]) => `${a},${b}`).join(" ")}"/>`);
    for (const [a, b] of pts) parts.push(`<circle cx="${a}" cy="${b}" r="3.5" fill="${s.color}"/>`);
  }
  parts.push(legend(font, series.map((s) => [s.label, s.color]), m.left, 18));
  return {svg: wrap(parts, width, height), width, height};
}

/** one horizontal bar per row against a dashed target, each value written after its bar */
export function barChart({
  font,
  rows,
  target,
  format,
  width = 640
}: {
  font: ChartFont;
  rows: {label: string; value: number; color: string}[];
  target?: {value: number; label: string};
  format: (v: number) => string;
  width?: number;
}): Chart {
  const band = 22;
  // the longest label, within half the width
  const labelWidth = Math.min(width / 2, 12 + Math.max(0, ...rows.map((r) => textWidth(font, r.label, 12))));
  const m = {top: target ? 30 : 10, right: 60, bottom: 30, left: labelWidth};
  const height = m.top + m.bottom + rows.length * band;
  const hi = Math.max(...rows.map((r) => r.value), target?.value ?? 0) * 1.1 || 1;
  const x = (v: number) => m.left + (v / hi) * (width - m.left - m.right);
  const parts: string[] = [];
  for (const t of ticks(0, hi)) {
    parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${m.top}" y2="${height - m.bottom}" stroke="${COLORS.light}"/>`);
    parts.push(text(font, format(t), x(t), height - m.bottom + 16, {anchor: "middle"}));
  }
  rows.forEach((r, i) => {
    const top = m.top + i * band;
    parts.push(text(font, r.label, m.left - 8, top + band / 2 + 4, {anchor: "end", size: 12}));
    parts.push(`<rect x="${m.left}" y="${top + 4}" width="${Math.max(0, x(r.value) - m.left)}" height="${band - 8}" fill="${r.color}"/>`);
    parts.push(text(font, format(r.value), x(r.value) + 4, top + band / 2 + 4));
  });
  if (target) {
    parts.push(`<line x1="${x(target.value)}" x2="${x(target.value)}" y1="${m.top - 6}" y2="${height - m.bottom}" stroke="${COLORS.red}" stroke-dasharray="6 4" stroke-width="1.5"/>`);
    parts.push(text(font, target.label, x(target.value), m.top - 10, {anchor: "middle", fill: COLORS.red}));
  }
  return {svg: wrap(parts, width, height), width, height};
}

function legend(font: ChartFont, items: [string, string][], left: number, top: number): string {
  let at = left;
  return items
    .map(([label, color]) => {
      const part = `<rect x="${at}" y="${top - 9}" width="14" height="10" fill="${color}"/>${text(font, label, at + 19, top, {size: 12})}`;
      at += 36 + textWidth(font, label, 12);
      return part;
    })
    .join("");
}

function wrap(parts: string[], width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#fff"/>${parts.join("")}</svg>`;
}

/** the chart as a PNG at `scale` × its size (its text is outlines already: no font is loaded) */
export function toPng(chart: Chart, scale = 2): Uint8Array {
  return new Resvg(chart.svg, {fitTo: {mode: "zoom", value: scale}, font: {loadSystemFonts: false}}).render().asPng();
}
