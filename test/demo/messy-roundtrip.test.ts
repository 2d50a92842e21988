// The messy variant (GBK, BOM, CRLF, Chinese headers and labels, full-width digits, 年月日 dates and
// planted broken rows) must give the same published metrics as the clean demo on the rows that
// survive, and the rejects must name every broken row, and nothing else.
import {beforeAll, describe, expect, it} from "vitest";
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {runPipeline} from "../../pipelines/run.js";
import {TIMEOUT, readRejectsCsv, tempDir} from "../helpers.js";
import {demoOutput, messyDemo} from "../demo-run.js";

interface Broken {
  file: string;
  period: string;
  line: number;
  column: string;
  reason: string;
}

const dir = tempDir();
/** the messy variant, generated once for this file and demo.test (test/demo-run.ts) */
let messyInput = "";
/** the clean demo's run, shared with the other files that read it (test/demo-run.ts) */
let cleanOut = "";
const messyOut = join(dir, "messy-out");
let broken: Broken[] = [];

beforeAll(async () => {
  messyInput = await messyDemo();
  broken = JSON.parse(readFileSync(join(messyInput, "messy.json"), "utf8")).broken_rows;
  cleanOut = await demoOutput();
  await runPipeline({input: messyInput, out: messyOut, demoKey: true});
}, TIMEOUT.test);

describe("the messy demo", () => {
  it("really is messy: GBK and BOM files, Chinese headers, planted broken rows of every reason", () => {
    const first = readFileSync(join(messyInput, "2025Q3", "schools.csv"));
    const head = first[0] === 0xef ? "bom" : "gbk";
    expect(["bom", "gbk"]).toContain(head);
    const reasons = new Set(broken.map((row) => row.reason));
    for (const reason of ["missing_value", "bad_type", "bad_enum", "out_of_range", "conflict", "bad_row", "duplicate_key", "unknown_school", "unknown_group", "unknown_exam", "unknown_teacher", "multiple_leads"]) {
      expect(reasons, reason).toContain(reason);
    }
  });

  it("rejects exactly the planted broken rows, each with its planted reason", () => {
    const rows = readRejectsCsv(join(messyOut, "rejects.csv"));
    const rejected = new Set(rows.map((row) => `${row.period}/${row.file}:${row.line} ${row.reason}`));
    const planted = new Set(broken.map((row) => `${row.period}/${row.file}:${row.line} ${row.reason}`));
    expect([...rejected].sort()).toEqual([...planted].sort());
    // and every message is bilingual
    for (const row of rows) {
      expect(row.message_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(row.message_en).toMatch(/[a-z]/);
    }
  });

  it("publishes byte-identical tables to the clean demo", () => {
    // both editions (docs/editions.md)
    const files = ["public", "internal"].flatMap((edition) => readdirSync(join(cleanOut, "published", edition)).filter((file) => /\.(csv|parquet|arrow)$/.test(file)).map((file) => join(edition, file)));
    expect(files.length).toBeGreaterThanOrEqual(30 * 3);
    for (const file of files) {
      const clean = readFileSync(join(cleanOut, "published", file));
      const messy = readFileSync(join(messyOut, "published", file));
      expect(messy.equals(clean), file).toBe(true);
    }
  });

  it("reconciles every file: rows read = loaded + rejected, and loaded equals the clean file", () => {
    const clean = JSON.parse(readFileSync(join(cleanOut, "manifest.json"), "utf8"));
    const messy = JSON.parse(readFileSync(join(messyOut, "manifest.json"), "utf8"));
    for (const file of messy.files) {
      expect(file.rows_loaded + file.rows_rejected, file.name).toBe(file.rows_read);
      const twin = clean.files.find((other: {period: string; file: string}) => other.period === file.period && other.file === file.file);
      expect(file.rows_loaded, file.name).toBe(twin.rows_loaded);
    }
    expect(messy.rejects.total_rows).toBe(new Set(broken.map((row) => `${row.period}/${row.file}:${row.line}`)).size);
  });
});
