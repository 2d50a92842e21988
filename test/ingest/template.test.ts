// `junheng template`: the forms a clerk starts a quarter from. Filled in with their example rows and read
// back, both the .xlsx and the .csv forms load without a reject; every coded column has its drop-down list.
import {beforeAll, describe, expect, it} from "vitest";
import {cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import ExcelJS from "exceljs";
import {CONTRACT, FILE_NAMES, SHEET_NAMES} from "../../pipelines/contract.js";
import {EXAMPLES, choices, templateHeader} from "../../pipelines/ingest/template.js";
import {readRejectsCsv, runCli, tempDir, TIMEOUT, PRIVATE_KEY} from "../helpers.js";

let dir: string;
beforeAll(() => {
  dir = join(tempDir(), "template");
  const result = runCli(["template", "--out", dir]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
}, TIMEOUT.test);

describe("junheng template", () => {
  it("writes one .xlsx and one .csv per contract file", () => {
    expect(readdirSync(join(dir, "xlsx")).sort()).toEqual(FILE_NAMES.map((file) => `${file}.xlsx`).sort());
    expect(readdirSync(join(dir, "csv")).sort()).toEqual(FILE_NAMES.map((file) => `${file}.csv`).sort());
    const csv = readFileSync(join(dir, "csv", "schools.csv"), "utf8");
    expect(csv.startsWith("\ufeff学校代码,学校名称,区县,学段,城乡类型,")).toBe(true);
  });

  it.each(FILE_NAMES.map((file) => [file]))("%s.xlsx: Chinese headers with English notes, a list on every coded column, 填表说明", async (file) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "xlsx", `${file}.xlsx`));
    expect(workbook.worksheets[0]!.name).toBe(SHEET_NAMES[file]);
    expect(workbook.getWorksheet("填表说明")).toBeDefined();
    const sheet = workbook.worksheets[0]!;
    const validations = (sheet as unknown as {dataValidations: {model: Record<string, ExcelJS.DataValidation>}}).dataValidations.model;
    CONTRACT[file].columns.forEach((column, i) => {
      const cell = sheet.getRow(1).getCell(i + 1);
      expect(cell.value).toBe(templateHeader(column));
      const note = typeof cell.note === "string" ? cell.note : (cell.note?.texts ?? []).map((text) => text.text).join("");
      expect(note).toContain(column.name);
      const list = choices(column);
      // exceljs reads a range's validation back as one entry per cell
      const column_ = cell.address.replace(/\d+$/, "");
      const validation = validations[`${column_}2`];
      if (list.length > 0) expect(validations[`${column_}5000`], column.name).toEqual(validation);
      if (list.length === 0) expect(validation, column.name).toBeUndefined();
      else {
        expect(validation?.type, column.name).toBe("list");
        // the list points at the 代码表 sheet, which holds exactly the choices
        const [, sheetName, col, from, to] = /^'(.+)'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(validation!.formulae[0] as string)!;
        const codes = workbook.getWorksheet(sheetName!)!;
        const values = [];
        for (let r = Number(from); r <= Number(to); r++) values.push(codes.getCell(`${col}${r}`).value);
        expect(values).toEqual(list);
      }
    });
  });

  it("学段, 城乡类型, 集团类型 and 交流方式 offer the Chinese labels", () => {
    expect(choices(CONTRACT.schools.columns.find((c) => c.name === "stage")!)).toContain("九年一贯制");
    expect(choices(CONTRACT.schools.columns.find((c) => c.name === "locality")!)).toEqual(["城区", "镇区", "乡村"]);
    expect(choices(CONTRACT.groups.columns.find((c) => c.name === "group_type")!)).toContain("紧密型");
    expect(choices(CONTRACT.exchanges.columns.find((c) => c.name === "kind")!)).toContain("轮岗");
  });

  it("shows a 九年一贯制 school whose 小学部 and 初中部 are in different groups, the 学部 note saying how", async () => {
    const sections = EXAMPLES.memberships.filter((row) => row.school_id === "S0003").map((row) => [row.group_id, row.section]);
    expect(sections).toEqual([["G01", "小学部"], ["G02", "初中部"]]);
    expect(EXAMPLES.schools.find((row) => row.school_id === "S0003")?.stage).toBe("九年一贯制");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "xlsx", "memberships.xlsx"));
    const sheet = workbook.worksheets[0]!;
    const at = CONTRACT.memberships.columns.findIndex((column) => column.name === "section") + 1;
    const cell = sheet.getRow(1).getCell(at);
    expect(cell.value).toBe("学部");
    const note = typeof cell.note === "string" ? cell.note : (cell.note?.texts ?? []).map((text) => text.text).join("");
    expect(note).toContain("留空为整所学校");
    expect(note).toContain("每个学部一行");
    expect(note).toContain("one row per section");
    // the example rows in the form: the 9-year school's two rows name their sections
    const rows = [2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(at).value);
    expect(rows).toEqual([null, null, "小学部", "初中部"]);
  });

  it("warns, without a reject, when a teacher of a school in a group by 学部 leaves 任教学段 empty", () => {
    const input = join(tempDir(), "no-section");
    mkdirSync(join(input, "2025Q3"), {recursive: true});
    cpSync(join(dir, "csv"), join(input, "2025Q3"), {recursive: true});
    const teachers = join(input, "2025Q3", "teachers.csv");
    const lines = readFileSync(teachers, "utf8").split(/\r?\n/);
    const at = lines.findIndex((line) => line.startsWith("T000003,"));
    expect(lines[at]).toContain(",小学部,");
    lines[at] = lines[at]!.replace(",小学部,", ",,");
    writeFileSync(teachers, lines.join("\r\n"));
    const out = join(tempDir(), "out");
    const result = runCli(["run", "--input", input, "--out", out, ...PRIVATE_KEY, "--quiet"]);
    expect(result.status).toBe(0);
    expect(readRejectsCsv(join(out, "rejects.csv"))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {warnings: {code: string; zh: string; en: string}[]};
    const warning = manifest.warnings.find((w) => w.code === "teachers_without_section");
    expect(warning?.zh).toBe("2025Q3：1 所按学部加入集团的学校（S0003）有 1 名教师未填任教学段，教师交流按学校学生最多的学部计");
    expect(warning?.en).toContain("1 teacher(s) at 1 school(s) in a group by section (S0003) have no section taught (任教学段)");
  }, TIMEOUT.test);

  it.each([["xlsx"], ["csv"]])("filled in with its examples, the %s form loads without a reject", (kind) => {
    const input = join(tempDir(), `filled-${kind}`);
    mkdirSync(join(input, "2025Q3"), {recursive: true});
    cpSync(join(dir, kind), join(input, "2025Q3"), {recursive: true});
    const out = join(tempDir(), "out");
    const result = runCli(["run", "--input", input, "--out", out, ...PRIVATE_KEY, "--quiet"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readRejectsCsv(join(out, "rejects.csv"))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {files: {rows_loaded: number}[]};
    expect(manifest.files).toHaveLength(FILE_NAMES.length);
    for (const file of manifest.files) expect(file.rows_loaded).toBeGreaterThan(0);
  }, TIMEOUT.test);
});
