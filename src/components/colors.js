// One palette for the whole site: urban / town / rural and lead / member always look the same.
// (Values mirror the CSS variables in src/style.css, which the legends and text use.)
export const LOCALITY_COLORS = {urban: "#2b6cb0", town: "#d69e2e", rural: "#2f855a"};
export const ROLE_COLORS = {lead: "#9b1c1c", member: "#4a5568"};
export const BAND_COLORS = {above: "#2f855a", average: "#a0aec0", below: "#c05621"};
export const STATUS_COLORS = {ok: "#2f855a", short: "#c05621", neutral: "#718096", target: "#9b1c1c"};
export const LOCALITIES = ["urban", "town", "rural"];
export const ROLES = ["lead", "member"];

/** a Plot color scale for localities, labelled in the page's language */
export function localityScale(i18n) {
  return {domain: LOCALITIES, range: LOCALITIES.map((code) => LOCALITY_COLORS[code]), tickFormat: (code) => i18n.label("locality", code)};
}

export function roleScale(i18n) {
  return {domain: ROLES, range: ROLES.map((code) => ROLE_COLORS[code]), tickFormat: (code) => i18n.label("role", code)};
}
