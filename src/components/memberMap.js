// A group's schools placed by their coordinates (no base map: nothing to download), a line from the lead
// to each member. Each school is a numbered dot (colour = locality, square = lead) and the list beside the
// map names it with its distance from the lead, so that names never overlap where schools are close
// together (urban schools a few hundred metres apart); dots that would overlap are nudged apart.
import {html} from "htl";
import * as Plot from "./vendor/plot.js";
import {LOCALITY_COLORS, ROLE_COLORS} from "./colors.js";

/**
 * @param {object[]} members rows of group_members, lead first, in the order the list numbers them
 * @param {{width: number, distanceLabel: (km: number) => string, roleLabel: (role: string) => string, label?: string}} options
 */
export function memberMap(members, {width, distanceLabel, roleLabel, label = ""}) {
  const numbered = members.map((row, i) => ({...row, n: i + 1}));
  const wide = width >= 640;
  const mapWidth = wide ? Math.floor(width * 0.6 - 12) : width;
  const height = Math.round(Math.min(440, Math.max(260, mapWidth * 0.75)));
  const placed = layout(numbered.filter((row) => row.lat != null && row.lon != null), mapWidth, height);
  const lead = placed.find((row) => row.is_lead);
  const links = lead ? placed.filter((row) => !row.is_lead).map((row) => ({...row, x1: lead.x, y1: lead.y})) : [];
  const color = (row) => LOCALITY_COLORS[row.locality] ?? "#718096";
  const plot = Plot.plot({
    width: mapWidth,
    height,
    x: {type: "identity", axis: null},
    y: {type: "identity", axis: null},
    ariaLabel: label,
    marks: [
      Plot.frame({stroke: "#edf0f4"}),
      Plot.link(links, {x1: "x1", y1: "y1", x2: "x", y2: "y", stroke: ROLE_COLORS.lead, strokeOpacity: 0.45, strokeWidth: 1.5}),
      Plot.dot(placed.filter((row) => !row.is_lead), {x: "x", y: "y", r: 10, fill: color, stroke: "white", strokeWidth: 1.5, title: (d) => `${d.n} ${d.school_name}`}),
      Plot.dot(lead ? [lead] : [], {x: "x", y: "y", r: 11, symbol: "square", fill: color, stroke: ROLE_COLORS.lead, strokeWidth: 3, title: (d) => `${d.n} ${d.school_name}`}),
      Plot.text(placed, {x: "x", y: "y", text: "n", fill: "white", fontSize: 11, fontWeight: 700})
    ]
  });
  const list = html`<ol aria-label=${label}>${numbered.map((row) => html`<li class=${row.is_lead ? "jh-lead" : ""}>
    <b style=${`background:${color(row)}`}>${row.n}</b>
    <span>${row.school_name}${row.is_lead ? ` · ${roleLabel("lead")}` : ""}</span>
    <span class="jh-km">${row.is_lead ? "" : row.distance_km == null ? "—" : distanceLabel(row.distance_km)}</span>
  </li>`)}</ol>`;
  return html`<div class="jh-map">${plot}${list}</div>`;
}

/** pixel positions: an equirectangular projection around the group's mean latitude, fitted to the box,
 * then overlapping dots pushed apart (a few rounds of pairwise repulsion) */
function layout(rows, width, height, inset = 28, gap = 24) {
  if (!rows.length) return [];
  const lat0 = (rows.reduce((sum, row) => sum + row.lat, 0) / rows.length) * (Math.PI / 180);
  const px = rows.map((row) => row.lon * Math.cos(lat0));
  const py = rows.map((row) => row.lat);
  const [x0, x1, y0, y1] = [Math.min(...px), Math.max(...px), Math.min(...py), Math.max(...py)];
  const k = Math.min((width - 2 * inset) / Math.max(x1 - x0, 1e-9), (height - 2 * inset) / Math.max(y1 - y0, 1e-9));
  const dx = (width - (x1 - x0) * k) / 2, dy = (height - (y1 - y0) * k) / 2;
  const points = rows.map((row, i) => ({...row, x: rows.length > 1 ? dx + (px[i] - x0) * k : width / 2, y: rows.length > 1 ? height - dy - (py[i] - y0) * k : height / 2}));
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const a = points[i], b = points[j];
        let ex = b.x - a.x, ey = b.y - a.y;
        let d = Math.hypot(ex, ey);
        if (d >= gap) continue;
        if (d < 1e-6) (ex = Math.cos(i + j)), (ey = Math.sin(i + j)), (d = 1);
        const push = (gap - d) / 2;
        a.x -= (ex / d) * push, a.y -= (ey / d) * push;
        b.x += (ex / d) * push, b.y += (ey / d) * push;
        moved = true;
      }
    }
    for (const p of points) (p.x = Math.max(12, Math.min(width - 12, p.x))), (p.y = Math.max(12, Math.min(height - 12, p.y)));
    if (!moved) break;
  }
  return points;
}
