// Excel input: the clean fixture written as .xlsx workbooks the way bureau staff keep them (Chinese headers
// and codes, a title above the header, date cells, bare date serials, text dates, numbers as numbers, a
// note under the data, blank rows) publishes exactly the tables its CSVs publish; rejects name the sheet and
// the row; raw ids never reach a temporary file.
import {beforeAll, describe, expect, it} from "vitest";
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {join} from "node:path";
import ExcelJS from "exceljs";
import {CONTRACT, DOMAINS, FILE_NAMES, SHEET_NAMES, type FileName} from "../../pipelines/contract.js";
import {CsvTokenizer} from "../../pipelines/ingest/csv.js";
import {stageXlsx} from "../../pipelines/ingest/xlsx.js";
import {cellText, mergedColumns, pickSheet, serialToDate, stageRows, type SheetRow} from "../../pipelines/ingest/xlsx-rows.js";
import {FIXTURES, hashTree, runCli, tempDir, TIMEOUT, PRIVATE_KEY} from "../helpers.js";
import {cleanOutput} from "../demo-run.js";

function readCsv(path: string): string[][] {
  const rows: string[][] = [];
  const tokenizer = new CsvTokenizer(44, (record) => rows.push(record.fields));
  tokenizer.push(readFileSync(path, "utf8").replace(/^\ufeff/, ""));
  tokenizer.end();
  return rows;
}

/** The Chinese label of a code (小学 for primary), as a clerk's sheet would hold it. */
function label(domain: keyof typeof DOMAINS, code: string): string {
  const labels = (DOMAINS[domain].values as Record<string, readonly string[]>)[code];
  return labels?.[0] ?? code;
}

/** Excel's serial for a YYYY-MM-DD date (1900 system). */
function serial(date: string): number {
  return (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * One CSV → one workbook. Dates alternate between date cells, bare serials and text (2024/9/1); numbers
 * are numbers; codes are their Chinese labels; the header is the first Chinese alias.
 */
async function toWorkbook(csv: string, file: FileName, out: string, variant: number): Promise<void> {
  const [header, ...rows] = readCsv(csv);
  const spec = CONTRACT[file];
  const columns = header!.map((name) => spec.columns.find((column) => column.name === name)!);
  const workbook = new ExcelJS.Workbook();
  if (variant % 3 === 1) workbook.addWorksheet("填表说明").addRow(["请按表头填写。"]);
  const sheet = workbook.addWorksheet(variant % 3 === 2 ? "Sheet1" : SHEET_NAMES[file]);
  if (variant % 2 === 0) {
    sheet.addRow([`2025年${file}（测试）`]);
    sheet.mergeCells(1, 1, 1, columns.length);
  }
  sheet.addRow(columns.map((column) => column.aliases[0] ?? column.name));
  rows.forEach((fields, r) => {
    const cells = fields.map((value, c): ExcelJS.CellValue => {
      const column = columns[c]!;
      if (value === "") return null;
      if (column.type === "enum") return label(column.domain!, value);
      if (column.type === "integer" || column.type === "number") return String(Number(value)) === value ? Number(value) : value;
      if (column.type === "boolean") return value === "true";
      if (column.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        const kind = (r + c) % 3;
        if (kind === 0) return new Date(`${value}T00:00:00Z`);
        if (kind === 1) return serial(value);
        const [y, m, d] = value.split("-");
        return `${y}/${Number(m)}/${Number(d)}`;
      }
      return value;
    });
    const row = sheet.addRow(cells);
    fields.forEach((value, c) => {
      if (value !== "" && columns[c]!.type === "date" && (r + c) % 3 === 0) row.getCell(c + 1).numFmt = "yyyy-mm-dd";
    });
  });
  if (variant % 2 === 1) {
    sheet.addRow([]);
    sheet.addRow(["制表人：张三"]);
    sheet.mergeCells(sheet.rowCount, 1, sheet.rowCount, 4);
  }
  await workbook.xlsx.writeFile(out);
}

async function fixtureAsXlsx(fixture: string): Promise<string> {
  const target = join(tempDir(), `${fixture}-xlsx`);
  let variant = 0;
  for (const period of readdirSync(join(FIXTURES, fixture))) {
    mkdirSync(join(target, period), {recursive: true});
    for (const name of readdirSync(join(FIXTURES, fixture, period))) {
      const file = name.replace(/\.csv$/, "") as FileName;
      if (!FILE_NAMES.includes(file)) continue;
      await toWorkbook(join(FIXTURES, fixture, period, name), file, join(target, period, `${file}.xlsx`), variant++);
    }
  }
  return target;
}

function publishedTables(out: string): Record<string, string> {
  const tree = hashTree(join(out, "published"));
  return Object.fromEntries(Object.entries(tree).filter(([path]) => /\.(csv|parquet|arrow)$/.test(path)));
}

describe("an .xlsx input publishes what the same input as CSV publishes", () => {
  let xlsxInput: string;
  beforeAll(async () => {
    xlsxInput = await fixtureAsXlsx("clean");
  }, TIMEOUT.test);

  it("byte-identical tables in both editions", async () => {
    // the CSV side is the suite's shared run of the same fixture with the same key (test/demo-run.ts)
    const csvOut = await cleanOutput();
    const xlsxOut = join(tempDir(), "out-xlsx");
    const fromXlsx = runCli(["run", "--input", xlsxInput, "--out", xlsxOut, ...PRIVATE_KEY, "--quiet"]);
    expect(fromXlsx.stderr).not.toMatch(/错误|Error/);
    expect(fromXlsx.status).toBe(0);
    const csvTables = publishedTables(csvOut);
    expect(Object.keys(csvTables).length).toBeGreaterThan(30);
    expect(publishedTables(xlsxOut)).toEqual(csvTables);
    // nothing rejected from either: the title rows and the 制表人 notes were not read as data
    expect(readFileSync(join(xlsxOut, "rejects.csv"), "utf8").trim().split("\n")).toHaveLength(1);
    const manifest = JSON.parse(readFileSync(join(xlsxOut, "manifest.json"), "utf8")) as {files: {name: string; sheet?: string; encoding: string}[]; warnings: {code: string; zh: string}[]};
    expect(manifest.files.find((file) => file.name === "2025Q3/schools.xlsx")).toMatchObject({encoding: "xlsx", sheet: "学校名册"});
    expect(manifest.warnings.some((warning) => warning.code === "skipped_rows" && warning.zh.includes("标题或备注"))).toBe(true);
  }, TIMEOUT.test);

  it("never lets exceljs copy a sheet (raw ids) to a temporary file", async () => {
    // exceljs's `tmp` module is what it would write a deferred sheet with
    const tmp = createRequire(createRequire(import.meta.url).resolve("exceljs"))("tmp") as {file: (...args: unknown[]) => void};
    const original = tmp.file;
    let calls = 0;
    tmp.file = (...args: unknown[]) => {
      calls++;
      original(...args);
    };
    try {
      const lines: string[] = [];
      const staged = await stageXlsx({
        path: join(xlsxInput, "2025Q3", "teachers.xlsx"),
        displayName: "2025Q3/teachers.xlsx",
        period: "2025Q3",
        spec: CONTRACT.teachers,
        pseudonymise: (id) => `pseudo(${id.length})`,
        write: (text) => lines.push(text)
      });
      expect(staged.rowsRead).toBeGreaterThan(0);
      expect(lines.join("")).not.toMatch(/T0001/);
    } finally {
      tmp.file = original;
    }
    expect(calls).toBe(0);
  });
});

describe("rejects from an .xlsx", () => {
  it("name the file, the sheet, the row and the column as the sheet calls it", async () => {
    const input = join(tempDir(), "xlsx-rejects");
    mkdirSync(join(input, "2025Q3"), {recursive: true});
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("学校名册");
    sheet.addRow(["学校代码", "学校名称", "区县", "学段", "城乡类型", "在校生数"]);
    sheet.addRow(["S001", "北街小学", "甘州区", "小学", "城区", 2000]);
    sheet.addRow(["S002", "西街小学", "甘州区", "小学", "城区", "很多"]);
    for (let i = 3; i <= 30; i++) sheet.addRow([`S${String(i).padStart(3, "0")}`, `学校${i}`, "甘州区", "初中", "乡村", 100 + i]);
    await workbook.xlsx.writeFile(join(input, "2025Q3", "schools.xlsx"));
    const out = join(tempDir(), "out");
    const result = runCli(["run", "--input", input, "--out", out, ...PRIVATE_KEY, "--quiet"]);
    expect(result.status).toBe(0);
    const [header, ...rows] = readCsv(join(out, "rejects.csv"));
    expect(header).toContain("行号 line");
    expect(header).toContain("工作表 sheet");
    const at = (name: string) => header!.indexOf(name);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row[at("文件 file")]).toBe("schools.xlsx");
    expect(row[at("工作表 sheet")]).toBe("学校名册");
    expect(row[at("行号 line")]).toBe("3");
    expect(row[at("列名 column")]).toBe("在校生数");
    expect(row[at("规范列名 contract_column")]).toBe("students");
    expect(row[at("值 value")]).toBe("很多");
  }, TIMEOUT.test);

  it("two files for one contract file stop the run with a bilingual message naming both", async () => {
    const input = join(tempDir(), "both");
    mkdirSync(join(input, "2025Q3"), {recursive: true});
    writeFileSync(join(input, "2025Q3", "schools.csv"), readFileSync(join(FIXTURES, "clean", "2025Q3", "schools.csv")));
    await toWorkbook(join(FIXTURES, "clean", "2025Q3", "schools.csv"), "schools", join(input, "2025Q3", "schools.xlsx"), 0);
    const result = runCli(["run", "--input", input, "--out", join(tempDir(), "out"), ...PRIVATE_KEY]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/错误 \[duplicate_file\].*schools\.csv.*schools\.xlsx.*只保留一个/);
    expect(result.stderr).toMatch(/Error \[duplicate_file\].*schools\.csv and 2025Q3\/schools\.xlsx.*keep only one/);
  }, TIMEOUT.test);
});

describe("merged cells", () => {
  // 区县 merged over a block of schools (C3:C5) and 学段 over two (D4:D5), a title across the top (A1:F1), a note
  // across the bottom (A7:F7): the clerk reads 甘州区 on rows 3–5 and 初中 on rows 4–5; the title and the note
  // are one cell each
  async function workbook(path: string): Promise<void> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("学校名册");
    sheet.addRow(["2025年第3季度学校名册"]);
    sheet.addRow(["学校代码", "学校名称", "区县", "学段", "城乡类型", "在校生数"]);
    sheet.addRow(["S001", "北街小学", "甘州区", "小学", "城区", 2000]);
    sheet.addRow(["S002", "西街中学", null, "初中", "城区", 900]);
    sheet.addRow(["S003", "东街中学", null, null, "乡村", 300]);
    sheet.addRow([]);
    sheet.addRow(["制表人：张三"]);
    sheet.mergeCells("A1:F1");
    sheet.mergeCells("C3:C5");
    sheet.mergeCells("D4:D5");
    sheet.mergeCells("A7:F7");
    await book.xlsx.writeFile(path);
  }
  const expected = ["S001,北街小学,甘州区,小学,城区", "S002,西街中学,甘州区,初中,城区", "S003,东街中学,甘州区,初中,乡村"];
  // the canonical staged CSV: period, line, then the contract's columns
  const dataLines = (lines: string[]) => lines.join("").trim().split("\n").slice(1).map((line) => line.split(",").slice(2, 7).join(","));

  it("give each row of a merged column the range's value, on Node (streamed) and in the browser (loaded) alike", async () => {
    const path = join(tempDir(), "merged.xlsx");
    await workbook(path);
    const lines: string[] = [];
    const staged = await stageXlsx({path, displayName: "2025Q3/schools.xlsx", period: "2025Q3", spec: CONTRACT.schools, pseudonymise: (id) => id, write: (text) => lines.push(text)});
    expect(staged.filledMerges.sort()).toEqual(["C3:C5", "D4:D5"]);
    expect(staged.skippedRows).toEqual([1, 7]);
    expect(staged.rowsRead).toBe(3);

    // the upload page's worker: the whole workbook loaded, merged cells' copies blanked, the sheet's merge list
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet("学校名册")!;
    const rows: SheetRow[] = [];
    sheet.eachRow({includeEmpty: false}, (row, number) => {
      const cells: unknown[] = [];
      row.eachCell({includeEmpty: false}, (cell, col) => void (cells[col - 1] = cell.type === ExcelJS.ValueType.Merge ? null : cell.value));
      rows.push({number, cells});
    });
    const browserLines: string[] = [];
    const browser = await stageRows(rows, {spec: CONTRACT.schools, period: "2025Q3", displayName: "2025Q3/schools.xlsx", sheet: "学校名册", merges: (sheet.model as {merges?: string[]}).merges, pseudonymise: (id) => id, write: (text) => browserLines.push(text)});
    expect(browser.filledMerges.sort()).toEqual(["C3:C5", "D4:D5"]);
    expect(browserLines.join("")).toBe(lines.join(""));
    expect(dataLines(lines)).toEqual(expected);
  });

  it("are read through a run with no reject and a warning naming them", async () => {
    const input = join(tempDir(), "merged-input");
    mkdirSync(join(input, "2025Q3"), {recursive: true});
    await workbook(join(input, "2025Q3", "schools.xlsx"));
    const out = join(tempDir(), "out");
    const result = runCli(["run", "--input", input, "--out", out, ...PRIVATE_KEY, "--quiet"]);
    expect(result.status).toBe(0);
    expect(readFileSync(join(out, "rejects.csv"), "utf8").trim().split("\n")).toHaveLength(1);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {warnings: {code: string; zh: string; en: string}[]};
    const warning = manifest.warnings.find((w) => w.code === "filled_merges")!;
    expect(warning.zh).toContain("合并单元格 C3:C5、D4:D5 的值已填入");
    expect(warning.en).toContain("merged cells C3:C5, D4:D5 was given to each row");
  }, TIMEOUT.test);

  it("only ranges one column wide and two or more rows tall", () => {
    expect(mergedColumns(["A1:F1", "C3:C5", "$D$4:$D$5", "B2:C9", "AA10:AA12", "E7:E7"])).toEqual([
      {ref: "C3:C5", column: 2, from: 3, to: 5},
      {ref: "D4:D5", column: 3, from: 4, to: 5},
      {ref: "AA10:AA12", column: 26, from: 10, to: 12}
    ]);
  });
});

describe("cell values", () => {
  it("turn into the text a CSV would hold", () => {
    expect(serialToDate(45536)).toBe("2024-09-01");
    expect(serialToDate(45536.75)).toBe("2024-09-01");
    expect(serialToDate(44074, true)).toBe("2024-09-01");
    expect(cellText(45536, "date")).toBe("2024-09-01");
    expect(cellText(45536, "integer")).toBe("45536");
    expect(cellText(0.1 + 0.2, "number")).toBe("0.3");
    expect(cellText(new Date("2024-09-01T00:00:00Z"), "date")).toBe("2024-09-01");
    expect(cellText({richText: [{text: "北街"}, {text: "小学"}]}, "text")).toBe("北街小学");
    expect(cellText({formula: "A1+1", result: 12}, "integer")).toBe("12");
    expect(cellText({error: "#N/A"}, "integer")).toBe("#N/A");
    expect(cellText({text: "链接", hyperlink: "http://x"}, "text")).toBe("链接");
    expect(cellText(null, "text")).toBe("");
  });
  it("the sheet named like the file, else the first visible one that is not the instructions", () => {
    expect(pickSheet("schools", [{name: "填表说明"}, {name: "学校名册"}])).toBe("学校名册");
    expect(pickSheet("schools", [{name: "Sheet1"}, {name: "Schools"}])).toBe("Schools");
    expect(pickSheet("teachers", [{name: "填表说明"}, {name: "隐藏", state: "hidden"}, {name: "Sheet2"}])).toBe("Sheet2");
    expect(pickSheet("teachers", [{name: "填表说明"}])).toBeUndefined();
  });
});
