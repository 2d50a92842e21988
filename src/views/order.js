// Orders that follow meaning, not the English codes' alphabet: stages as a child goes through school,
// localities from town centre outwards.
export const STAGE_ORDER = ["kindergarten", "primary", "junior", "nine_year", "senior", "complete_secondary", "twelve_year", "vocational", "special"];
export const LOCALITY_ORDER = ["urban", "town", "rural"];

/** a comparator for rows by `key` in `order`; codes not in the order go last, alphabetically */
export function byOrder(key, order) {
  const rank = (code) => (order.includes(code) ? order.indexOf(code) : order.length);
  return (a, b) => rank(a[key]) - rank(b[key]) || String(a[key]).localeCompare(String(b[key]));
}
