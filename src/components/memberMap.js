// A group's schools placed by their coordinates (no base map: nothing to download), lead → member links
// labelled with the haversine distance published in group_members. Colour = locality, square = lead.
import * as Plot from "@observablehq/plot";
import {LOCALITY_COLORS, ROLE_COLORS} from "./colors.js";

export function memberMap(members, {width, distanceLabel}) {
  const placed = members.filter((row) => row.lat != null && row.lon != null);
  const lead = placed.find((row) => row.is_lead);
  const links = lead ? placed.filter((row) => !row.is_lead).map((row) => ({...row, lead_lon: lead.lon, lead_lat: lead.lat})) : [];
  const height = Math.round(Math.min(520, Math.max(300, width * 0.6)));
  const domain = {type: "MultiPoint", coordinates: placed.map((row) => [row.lon, row.lat])};
  return Plot.plot({
    width,
    height,
    inset: 40,
    projection: placed.length > 1 ? {type: "mercator", domain} : {type: "mercator", domain: {type: "Point", coordinates: [placed[0]?.lon ?? 0, placed[0]?.lat ?? 0]}},
    marks: [
      Plot.link(links, {x1: "lead_lon", y1: "lead_lat", x2: "lon", y2: "lat", stroke: ROLE_COLORS.lead, strokeOpacity: 0.5, strokeWidth: 1.5}),
      Plot.text(links, {x: (d) => (d.lon + d.lead_lon) / 2, y: (d) => (d.lat + d.lead_lat) / 2, text: (d) => distanceLabel(d.distance_km), fill: "#5b6675", fontSize: 10, stroke: "white", strokeWidth: 3, paintOrder: "stroke"}),
      Plot.dot(placed.filter((row) => !row.is_lead), {x: "lon", y: "lat", r: 7, fill: (d) => LOCALITY_COLORS[d.locality], stroke: "white", strokeWidth: 1.5, tip: true, title: "school_name"}),
      Plot.dot(lead ? [lead] : [], {x: "lon", y: "lat", r: 9, symbol: "square", fill: (d) => LOCALITY_COLORS[d.locality], stroke: ROLE_COLORS.lead, strokeWidth: 3, title: "school_name"}),
      Plot.text(placed, {x: "lon", y: "lat", text: shortName, dy: -14, fontSize: width < 520 ? 10 : 11, fill: "#1d2733", stroke: "white", strokeWidth: 3, paintOrder: "stroke", fontWeight: (d) => (d.is_lead ? 700 : 400)})
    ]
  });
}

/** "甘州区南关学校" → "南关学校" on the plot (the county is the same for most members; the table has full names) */
function shortName(row) {
  const name = row.school_name ?? "";
  return row.county && name.startsWith(row.county) && name.length > row.county.length + 1 ? name.slice(row.county.length) : name;
}
