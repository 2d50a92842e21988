// A two-column flow diagram (d3-shape links): teachers sent from the left categories to the right ones,
// band width proportional to the number of teachers. Used for urban / town / rural and lead / member.
import {linkHorizontal, scaleLinear} from "./vendor/plot.js";
import {GREYS} from "./colors.js";

const SVG = "http://www.w3.org/2000/svg";

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) if (value != null) node.setAttribute(key, value);
  if (text != null) node.textContent = text;
  return node;
}

/**
 * @param {{from: string, to: string, n: number}[]} flows
 * @param {{width: number, order: string[], colors: Record<string,string>, label: (code: string) => string, numberFormat: (n: number) => string, height?: number, title?: string}} options
 */
export function flowDiagram(flows, {width, order, colors, label, numberFormat, height = 300, leftTitle = "", rightTitle = ""}) {
  const total = flows.reduce((sum, flow) => sum + flow.n, 0);
  const svg = el("svg", {width, height, viewBox: `0 0 ${width} ${height}`, role: "img", style: "max-width:100%;height:auto;font:12px var(--sans-serif)"});
  if (!total) return svg;
  const nodeWidth = 14;
  const labelSpace = Math.min(150, width * 0.28);
  const x0 = labelSpace, x1 = width - labelSpace;
  const top = 24, gap = 14;
  const sides = {left: new Map(), right: new Map()};
  for (const flow of flows) {
    sides.left.set(flow.from, (sides.left.get(flow.from) ?? 0) + flow.n);
    sides.right.set(flow.to, (sides.right.get(flow.to) ?? 0) + flow.n);
  }
  const usable = height - top - 8 - gap * (Math.max(sides.left.size, sides.right.size) - 1);
  const k = scaleLinear().domain([0, total]).range([0, usable]);
  const layout = (side) => {
    const nodes = new Map();
    let y = top;
    for (const code of order.filter((code) => side.has(code))) {
      nodes.set(code, {y, h: k(side.get(code)), offset: 0, n: side.get(code)});
      y += k(side.get(code)) + gap;
    }
    return nodes;
  };
  const left = layout(sides.left);
  const right = layout(sides.right);
  svg.append(el("text", {x: x0, y: 14, "text-anchor": "end", fill: GREYS.muted}, leftTitle));
  svg.append(el("text", {x: x1, y: 14, "text-anchor": "start", fill: GREYS.muted}, rightTitle));
  const link = linkHorizontal();
  const sorted = [...flows].sort((a, b) => order.indexOf(a.from) - order.indexOf(b.from) || order.indexOf(a.to) - order.indexOf(b.to));
  for (const flow of sorted) {
    const a = left.get(flow.from), b = right.get(flow.to);
    const h = k(flow.n);
    const ya = a.y + a.offset + h / 2, yb = b.y + b.offset + h / 2;
    a.offset += h;
    b.offset += h;
    const path = el("path", {d: link({source: [x0 + nodeWidth, ya], target: [x1, yb]}), fill: "none", stroke: colors[flow.from] ?? GREYS.none, "stroke-opacity": 0.45, "stroke-width": Math.max(1, h)});
    path.append(el("title", {}, `${label(flow.from)} → ${label(flow.to)}: ${numberFormat(flow.n)}`));
    svg.append(path);
  }
  for (const [nodes, x, anchor, dx] of [[left, x0, "end", -6], [right, x1, "start", nodeWidth + 6]]) {
    for (const [code, node] of nodes) {
      svg.append(el("rect", {x, y: node.y, width: nodeWidth, height: Math.max(1, node.h), fill: colors[code] ?? GREYS.none}));
      svg.append(el("text", {x: x + dx, y: node.y + node.h / 2, dy: "0.35em", "text-anchor": anchor, fill: GREYS.ink}, `${label(code)} ${numberFormat(node.n)}`));
    }
  }
  return svg;
}
