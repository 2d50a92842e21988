// The CSV formula rule (pipelines/csv-rule.ts): one table of cases, checked against the JavaScript
// function the site's downloads use and the SQL expression the pipeline's published CSVs and
// rejects.csv use, so the two can never disagree.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {Db} from "../../pipelines/db.js";
import {lit} from "../../pipelines/sql.js";
import {csvField, neutralise, neutraliseSql} from "../../pipelines/csv-rule.js";

// [text, as it goes into a CSV cell (before CSV quoting)]
const CASES: [string, string][] = [
  ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
  ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ["+1+1", "'+1+1"],
  ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
  ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
  ["\t=1+1", "'\t=1+1"],
  ["\r=1+1", "'\r=1+1"],
  ["-", "'-"],
  ["--1", "'--1"],
  ["-1-1", "'-1-1"],
  // plain numbers written as text: a spreadsheet reads a number, never a formula
  ["-0.12", "-0.12"],
  ["+5", "+5"],
  ["-.5", "-.5"],
  ["-1e-3", "-1e-3"],
  ["-9223372036854775808", "-9223372036854775808"],
  // nothing to do
  ["北街小学", "北街小学"],
  ["a=b", "a=b"],
  ["'=already", "'=already"],
  [" =1", " =1"],
  ["", ""]
];

describe("the CSV formula rule", () => {
  it("prefixes a text cell a spreadsheet would run, in JavaScript", () => {
    for (const [text, expected] of CASES) expect(neutralise(text), JSON.stringify(text)).toBe(expected);
  });

  let db: Db;
  beforeAll(async () => {
    db = await Db.open();
  });
  afterAll(() => db?.close());

  it("gives exactly the same cells in DuckDB SQL", async () => {
    const values = CASES.map(([text], i) => `(${i}, ${lit(text)})`).join(", ");
    const rows = await db.all<{i: number; cell: string}>(
      `select i, ${neutraliseSql("text")} as cell from (values ${values}) as cases(i, text) order by i`
    );
    expect(rows.map((row) => row.cell)).toEqual(CASES.map(([, expected]) => expected));
    const [nullRow] = await db.all<{cell: string | null}>(`select ${neutraliseSql("null::varchar")} as cell`);
    expect(nullRow!.cell).toBeNull();
  });

  it("leaves numbers as numbers and quotes a neutralised cell when CSV needs it", () => {
    expect(csvField(-0.12)).toBe("-0.12");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(null)).toBe("");
    expect(csvField(false)).toBe("false");
    expect(csvField(new Date("2025-09-01T00:00:00Z"))).toBe("2025-09-01");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField("=1,2")).toBe(`"'=1,2"`);
    expect(csvField("\r=1")).toBe(`"'\r=1"`);
    expect(csvField(["=a", "b"])).toBe("'=a;b");
    expect(csvField("北街小学")).toBe("北街小学");
  });
});
