// One palette for the whole site: urban / town / rural and lead / member always look the same, and every
// other colour a chart uses has a name here (pages and views hold no hex colours).
// (Values mirror the CSS variables in src/style.css, which the legends and text use.)
export const LOCALITY_COLORS = {urban: "#2b6cb0", town: "#d69e2e", rural: "#2f855a"};
export const ROLE_COLORS = {lead: "#9b1c1c", member: "#4a5568"};
export const BAND_COLORS = {above: "#2f855a", average: "#a0aec0", below: "#c05621"};
/** met / close to the standard / not met, the target line, and neutral marks */
export const STATUS_COLORS = {ok: "#2f855a", near: "#ecc94b", short: "#c05621", neutral: "#718096", target: "#9b1c1c"};
/** greys: the ink of text, a neutral series (and its faint twin, for the second measure of a pair), the empty part of a bar, the total a share is out of */
export const GREYS = {ink: "#1d2733", muted: "#5b6675", series: "#4a5568", seriesFaint: "rgba(74,85,104,0.45)", none: "#a0aec0", track: "#edf0f4", total: "#e2e8f0", light: "#cbd5e0"};
/** one colour per exam subject, in the order a chart lists the subjects */
export const SUBJECT_COLORS = ["#2b6cb0", "#c05621", "#6b46c1", "#2c7a7b", "#b83280"];
export const LOCALITIES = ["urban", "town", "rural"];
export const ROLES = ["lead", "member"];
