// The one CSV rule of the project, for the pipeline's published CSVs and rejects.csv (publish.ts, through
// `neutraliseSql`) and the site's downloads (card.js, the explorer, the upload page: bundled into
// src/components/vendor/csv.js by pipelines/site/bundle-ingest.ts).
// Excel and WPS run a cell that starts with = + - @ (or a tab or CR before one) as a formula, even from a
// CSV: such a text cell gets a leading single quote (OWASP, "CSV injection"). A text that is a plain
// number (-0.12, +5, a BIGINT sent as a string) is left as it is: a spreadsheet reads it as a number, and
// numbers are never touched. The two patterns are written once, here, and read by both JavaScript and
// DuckDB's RE2, which agree on this syntax.
import {lit} from "./sql.js";

export const FORMULA_START = String.raw`^[=+\-@\t\r]`;
export const PLAIN_NUMBER = String.raw`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`;

const formulaStart = new RegExp(FORMULA_START);
const plainNumber = new RegExp(PLAIN_NUMBER);

/** A text cell as it may go into a CSV: a leading ' when a spreadsheet would run it as a formula. */
export function neutralise(text: string): string {
  return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

/** One CSV field: empty for null, ISO dates, lists joined by ";", text neutralised, quoted when needed. */
export function csvField(value: unknown): string {
  if (value == null) return "";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : Array.isArray(value) ? value.join(";") : String(value);
  const safe = neutralise(text);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The same rule as a DuckDB SQL expression over a VARCHAR expression (NULL stays NULL). */
export function neutraliseSql(expr: string): string {
  return `case when regexp_matches(${expr}, ${lit(FORMULA_START)}) and not regexp_matches(${expr}, ${lit(PLAIN_NUMBER)}) then '''' || ${expr} else ${expr} end`;
}
