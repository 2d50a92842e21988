// CSV formula injection (issue 11): school and group names that Excel or WPS would run as formulas are
// published with a leading ' in every CSV the run writes (published tables, rejects.csv), while Parquet
// and Arrow keep the true text and numbers stay numbers. The CLI runs on a real folder.
import {beforeAll, describe, expect, it} from "vitest";
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import Papa from "papaparse";
import {tableFromIPC} from "apache-arrow";
import {Db} from "../../pipelines/db.js";
import {lit} from "../../pipelines/sql.js";
import {TIMEOUT, copyFixture, hasStackTrace, runCli, tempDir, PRIVATE_KEY} from "../helpers.js";

const HYPERLINK = '=HYPERLINK("http://x","y")';
const DDE = "=cmd|' /C calc'!A0";
const GROUP = "@SUM(1+1)集团";
const csvText = (text: string) => `"${text.replaceAll('"', '""')}"`;

const input = copyFixture("clean");
const out = join(tempDir(), "out");
let status: number | null;

function parseCsv(path: string): string[][] {
  const text = readFileSync(path, "utf8");
  expect(text.startsWith("\ufeff")).toBe(true);
  return Papa.parse<string[]>(text.slice(1), {skipEmptyLines: true}).data;
}

beforeAll(() => {
  for (const period of ["2025Q3", "2025Q4"]) {
    const path = join(input, period, "schools.csv");
    const text = readFileSync(path, "utf8")
      .replace(/^S001,北街小学,/m, `S001,${csvText(HYPERLINK)},`)
      .replace(/^S002,西街小学,/m, `S002,${csvText(DDE)},`)
      // a school south and west of the equator and Greenwich: negative numbers in group_members
      .replace(/^(S002,.*),38\.930,100\.440,/m, "$1,-33.45,-70.65,");
    // two rejected rows whose values are a formula and a negative number
    const bad = period === "2025Q3" ? "S098,坏学校甲,甘州区,primary,urban,public,=1+1,,,1,false,,,,,,,\nS099,坏学校乙,甘州区,primary,urban,public,-5,,,1,false,,,,,,,\n" : "";
    writeFileSync(path, text + bad);
  }
  const groups = join(input, "2025Q3", "groups.csv");
  writeFileSync(groups, readFileSync(groups, "utf8").replace("北街小学教育集团", GROUP));
  const result = runCli(["run", "--input", input, "--out", out, ...PRIVATE_KEY, "--quiet", "--max-reject-rate", "1"]);
  expect(hasStackTrace(result.stderr)).toBe(false);
  status = result.status;
}, TIMEOUT.test);

describe("names that a spreadsheet would run", () => {
  it("are neutralised in every published CSV, cell by cell against the Parquet file, and numbers stay numbers", async () => {
    expect(status).toBe(0);
    // the internal edition holds every table (docs/editions.md)
    const published = join(out, "published", "internal");
    const db = await Db.open();
    const holding = new Set<string>();
    let negativeNumbers = 0;
    try {
      for (const file of readdirSync(published).filter((name) => name.endsWith(".parquet")).sort()) {
        const table = file.replace(/\.parquet$/, "");
        const parquet = lit(join(published, file));
        const types = await db.all<{column_name: string; column_type: string}>(`describe select * from read_parquet(${parquet})`);
        const rows = await db.all<Record<string, unknown>>(
          `select ${types.map(({column_name: name}) => `"${name}"::varchar as "${name}"`).join(", ")} from read_parquet(${parquet})`
        );
        const [header, ...lines] = parseCsv(join(published, `${table}.csv`));
        expect(header, table).toEqual(types.map((type) => type.column_name));
        expect(lines.length, table).toBe(rows.length);
        lines.forEach((line, i) => {
          types.forEach(({column_name: name, column_type: type}, j) => {
            const truth = (rows[i]![name] as string | null) ?? "";
            const cell = line[j]!;
            if (type === "VARCHAR") {
              // hand-written expectation: a leading ' exactly when the true text starts with = + - @ (a plain number excepted)
              const expected = /^[=+\-@\t\r]/.test(truth) && !/^-?[0-9.]+$/.test(truth) ? `'${truth}` : truth;
              expect(cell, `${table} row ${i + 1} ${name}`).toBe(expected);
            } else {
              expect(cell.startsWith("'"), `${table} row ${i + 1} ${name}: ${cell}`).toBe(false);
              if (/^-[0-9]/.test(cell)) negativeNumbers++;
            }
          });
          if (line.includes(`'${HYPERLINK}`) || line.includes(`'${DDE}`) || line.includes(`'${GROUP}`)) holding.add(table);
        });
        // the true text in Parquet and in Arrow
        const arrowText = JSON.stringify(tableFromIPC(readFileSync(join(published, `${table}.arrow`))).toArray());
        for (const name of [HYPERLINK, DDE, GROUP]) {
          const inParquet = rows.some((row) => Object.values(row).includes(name));
          expect(arrowText.includes(JSON.stringify(name).slice(1, -1)), `${table}.arrow: ${name}`).toBe(inParquet);
          expect(arrowText.includes(JSON.stringify(`'${name}`).slice(1, -1)), `${table}.arrow holds no '${name}`).toBe(false);
        }
      }
    } finally {
      db.close();
    }
    // every table with a school or group name column but uncovered_schools (S001 and S002 are in group G01)
    expect([...holding].sort()).toEqual(["exam_school", "exchange_flows", "group_members", "group_profile", "school_resources", "teacher_structure", "value_added_school"]);
    expect(negativeNumbers).toBeGreaterThan(0);
    expect(readFileSync(join(published, "group_members.csv"), "utf8")).toContain(",-33.45,-70.65,");
  });

  it("are neutralised in rejects.csv, where a rejected negative number stays as it was", () => {
    const [header, ...lines] = parseCsv(join(out, "rejects.csv"));
    // bilingual headers, the English key after the last space (docs/data-contract.md)
    expect(header).toEqual(["期次 period", "文件 file", "工作表 sheet", "行号 line", "列名 column", "规范列名 contract_column", "值 value", "原因代码 reason", "说明 message_zh", "英文说明 message_en"]);
    const rows = lines.map((line) => Object.fromEntries(header!.map((name, i) => [name.slice(name.lastIndexOf(" ") + 1), line[i]])));
    expect(rows.find((row) => row.line === "7")).toMatchObject({file: "schools.csv", column: "students", value: "'=1+1", reason: "bad_type"});
    expect(rows.find((row) => row.line === "8")).toMatchObject({file: "schools.csv", column: "students", value: "-5", reason: "out_of_range"});
  });
});
