// Province-sized site data from the demo's published tables, for the site benchmarks (school-pages-bench.ts,
// site-bench.ts): every row once per county with every school, group, county and exam code suffixed
// (`<code>c<n>`), so that 217 copies (the province scale's number of counties) hold about 10,000 schools and
// 1,700 groups whose pages and files have the demo's shapes. Benchmark input only: never published.
import type {Row} from "./paths.js";

const CODES = ["school_id", "group_id", "from_school_id", "to_school_id", "from_group_id", "to_group_id", "lead_school_id", "county", "from_county", "to_county", "exam_id", "prior_exam_id"];

export function replicateTables(tables: Record<string, Row[]>, counties: number): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const [name, rows] of Object.entries(tables)) {
    const copies: Row[] = [];
    for (let c = 0; c < counties; c++) {
      for (const row of rows) {
        const copy = {...row};
        for (const code of CODES) if (copy[code] != null) copy[code] = `${String(copy[code])}c${c}`;
        copies.push(copy);
      }
    }
    out[name] = copies;
  }
  return out;
}
