// Orders that follow meaning, not the English codes' alphabet: stages as a child goes through school,
// localities from town centre outwards, subjects as a timetable lists them.
export const STAGE_ORDER = ["kindergarten", "primary", "junior", "nine_year", "senior", "complete_secondary", "twelve_year", "vocational", "special"];
export const LOCALITY_ORDER = ["urban", "town", "rural"];
/** sections of a school by grade (1–6, 7–9, 10–12) */
export const SECTION_ORDER = ["primary", "junior", "senior"];
/** subjects as a timetable lists them (subject names are the bureau's own text; others follow alphabetically) */
export const SUBJECT_ORDER = ["语文", "数学", "英语", "科学", "物理", "化学", "生物", "道德与法治", "历史", "地理"];
/** gaps: the region-wide comparisons first, then the one inside groups */
export const COMPARISON_ORDER = ["urban_rural", "urban_town", "lead_member"];

/** a comparator for rows by `key` in `order`; codes not in the order go last, alphabetically */
export function byOrder(key, order) {
  const rank = (code) => (order.includes(code) ? order.indexOf(code) : order.length);
  return (a, b) => rank(a[key]) - rank(b[key]) || String(a[key]).localeCompare(String(b[key]));
}
