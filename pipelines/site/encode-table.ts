import type {Row} from "./paths.js";

/**
 * A table as `{rows, columns, dates}`: each column an array of values, or `{dict, codes}` when it repeats
 * (periods, names, codes, per-pair constants). Values are kept exactly; src/components/data.js decodes.
 * Smaller than Arrow for these tables and needs no decoder library in the browser.
 */
export function encodeTable(rows: Row[], dates: string[] = []): {rows: number; columns: Record<string, unknown>; dates: string[]} {
  const names = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const columns: Record<string, unknown> = {};
  for (const name of names) {
    const values = rows.map((row) => row[name] ?? null);
    const keys = values.map((value) => JSON.stringify(value));
    const dict = [...new Set(keys.filter((key) => key !== "null"))];
    if (dict.length <= rows.length / 2) {
      const index = new Map(dict.map((key, i) => [key, i]));
      columns[name] = {dict: dict.map((key) => JSON.parse(key)), codes: keys.map((key) => index.get(key) ?? null)};
    } else {
      columns[name] = values;
    }
  }
  return {rows: rows.length, columns, dates: dates.filter((name) => names.includes(name))};
}
