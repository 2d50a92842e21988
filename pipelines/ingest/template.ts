// `junheng template --out DIR`: a blank form for each contract file, to start a quarter from. One .xlsx
// per file (xlsx/) with the Chinese headers, each header's English name and meaning in a cell note, a
// drop-down list on every coded column, ids kept as text (leading zeros survive), dates formatted as dates,
// a worked example, a 填表说明 sheet and a 代码表 sheet; and the same as CSV (csv/, UTF-8 with BOM) for
// bureaus that export from another system. Everything comes from the contract (contract.ts), so the
// template cannot drift from what the ingest accepts: test/ingest/template.test.ts runs the filled-in
// examples through `junheng run`.
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import ExcelJS from "exceljs";
import {CONTRACT, DOMAINS, FILE_NAMES, SHEET_NAMES, type ColumnSpec, type FileName} from "../contract.js";
import {csvField} from "./csv.js";
import {INSTRUCTIONS_SHEET} from "./xlsx-rows.js";

const CODES_SHEET = "代码表";
/** rows the drop-down lists and formats cover */
const FORM_ROWS = 5000;

/**
 * The example rows, as a clerk would type them (Chinese codes, 2024/9/1-style dates work too). They fit
 * together across files: the memberships, teachers, exchanges and scores name the example schools, group,
 * teachers and exam, so the whole template loads without a reject.
 */
export const EXAMPLES: Readonly<Record<FileName, readonly Readonly<Record<string, string>>[]>> = {
  schools: [
    {school_id: "S0001", school_name: "示例第一小学", county: "示例区", stage: "小学", locality: "城区", ownership: "公办", students: "1200", classes: "24", is_weak: "否", teaching_area_m2: "6500", sports_area_m2: "8000", equipment_value_yuan: "2600000", multimedia_rooms: "24", opened_date: "1958-09-01"},
    {school_id: "S0002", school_name: "示例乡中心小学", county: "示例区", stage: "小学", locality: "乡村", ownership: "公办", students: "320", classes: "12", is_weak: "是", teaching_area_m2: "2100", sports_area_m2: "3000", equipment_value_yuan: "640000", multimedia_rooms: "8", opened_date: "1975-09-01"},
    // a 九年一贯制 school whose 小学部 and 初中部 are in different groups (as 甘州区's plan has five)
    {school_id: "S0003", school_name: "示例九年一贯制学校", county: "示例区", stage: "九年一贯制", locality: "镇区", ownership: "公办", students: "900", students_primary: "540", students_junior: "360", classes: "24", is_weak: "否", teaching_area_m2: "5200", sports_area_m2: "7600", equipment_value_yuan: "2100000", multimedia_rooms: "20", opened_date: "1968-09-01"}
  ],
  groups: [
    {group_id: "G01", group_name: "示例第一小学教育集团", group_type: "紧密型", established_date: "2021-09-01"},
    {group_id: "G02", group_name: "示例初中教育集团", group_type: "联盟型", established_date: "2024-09-01"}
  ],
  memberships: [
    {group_id: "G01", school_id: "S0001", role: "牵头校", joined_date: "2021-09-01"},
    {group_id: "G01", school_id: "S0002", role: "成员校", joined_date: "2021-09-01"},
    // 学部 filled: only that section is in the group, one row per section; empty (above) = the whole school
    {group_id: "G01", school_id: "S0003", section: "小学部", role: "成员校", joined_date: "2024-09-01"},
    {group_id: "G02", school_id: "S0003", section: "初中部", role: "牵头校", joined_date: "2024-09-01"}
  ],
  teachers: [
    {teacher_id: "T000001", school_id: "S0001", subject: "语文", title: "一级", degree: "本科", backbone_level: "区级", is_full_time: "是", school_start_date: "2012-09-01", birth_year: "1986", gender: "女"},
    {teacher_id: "T000002", school_id: "S0002", subject: "数学", title: "二级", degree: "本科", backbone_level: "无", is_full_time: "是", school_start_date: "2019-09-01", birth_year: "1994", gender: "男"},
    // 任教学段 tells which group a 一贯制 school's teacher is counted in (teacher exchange by section)
    {teacher_id: "T000003", school_id: "S0003", subject: "数学", title: "一级", degree: "本科", backbone_level: "无", is_full_time: "是", section: "小学部", school_start_date: "2015-09-01", birth_year: "1988", gender: "女"},
    {teacher_id: "T000004", school_id: "S0003", subject: "物理", title: "高级", degree: "本科", backbone_level: "市级", is_full_time: "是", section: "初中部", school_start_date: "2010-09-01", birth_year: "1980", gender: "男"}
  ],
  exchanges: [
    {teacher_id: "T000001", from_school_id: "S0001", to_school_id: "S0002", start_date: "2025-09-01", end_date: "2026-07-15", kind: "轮岗"},
    // a 小学部 teacher to a school of the same group (G01)
    {teacher_id: "T000003", from_school_id: "S0003", to_school_id: "S0002", start_date: "2025-09-01", end_date: "2026-07-15", kind: "支教"}
  ],
  exams: [{exam_id: "E2025-1", subject: "语文", exam_name: "2025学年第一学期期末质量监测", exam_date: "2026-01-14", grade: "6", full_marks: "100", scope: "区统考"}],
  scores: [
    {exam_id: "E2025-1", subject: "语文", student_id: "G2015001", school_id: "S0001", score: "88", is_absent: "否"},
    {exam_id: "E2025-1", subject: "语文", student_id: "G2015002", school_id: "S0002", is_absent: "是"}
  ]
};

/** A column's header in the template: its first Chinese name. */
export function templateHeader(column: ColumnSpec): string {
  return column.aliases[0] ?? column.name;
}

/** The Chinese labels a clerk picks from (the first label of each code), in the contract's order. */
export function choices(column: ColumnSpec): string[] {
  if (column.type === "boolean") return ["是", "否"];
  if (!column.domain) return [];
  return Object.entries(DOMAINS[column.domain].values as Record<string, readonly string[]>).map(([code, labels]) => labels[0] ?? code);
}

const TYPE_TEXT: Record<ColumnSpec["type"], string> = {
  text: "文字 text",
  integer: "整数 whole number",
  number: "数值 number",
  date: "日期 date（2024-09-01 或 2024/9/1）",
  boolean: "是/否 yes/no",
  enum: "从下拉列表选择 pick from the list"
};

function note(column: ColumnSpec): string {
  const parts = [`${column.name} — ${column.description.en}`, `${column.description.zh}`, column.required ? "必填 required" : "可空 optional"];
  const list = choices(column);
  if (list.length > 0) parts.push(`可选 choices: ${list.join(" / ")}`);
  return parts.join("\n");
}

/** Column letters: 1 → A, 27 → AA. */
function letter(n: number): string {
  let out = "";
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) out = String.fromCharCode(65 + ((i - 1) % 26)) + out;
  return out;
}

/** An example cell as Excel should hold it: numbers as numbers, dates as dates, everything else as text. */
function exampleCell(column: ColumnSpec, value: string | undefined): ExcelJS.CellValue {
  if (value === undefined || value === "") return null;
  if ((column.type === "integer" || column.type === "number") && !column.id) return Number(value);
  if (column.type === "date") return new Date(`${value}T00:00:00Z`);
  return value;
}

export async function templateWorkbook(file: FileName): Promise<ExcelJS.Workbook> {
  const spec = CONTRACT[file];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "junheng";
  const sheet = workbook.addWorksheet(SHEET_NAMES[file], {views: [{state: "frozen", ySplit: 1}]});
  const codes = workbook.addWorksheet(CODES_SHEET);
  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET);

  // the form: headers with notes, formats and drop-down lists
  const header = sheet.addRow(spec.columns.map(templateHeader));
  header.font = {bold: true};
  let codeColumn = 0;
  spec.columns.forEach((column, i) => {
    const col = i + 1;
    const cell = header.getCell(col);
    cell.note = note(column);
    if (column.required) cell.fill = {type: "pattern", pattern: "solid", fgColor: {argb: "FFFFF2CC"}};
    const xlsColumn = sheet.getColumn(col);
    xlsColumn.width = Math.max(10, templateHeader(column).length * 2 + 4);
    if (column.type === "text") xlsColumn.numFmt = "@"; // codes keep their leading zeros
    if (column.type === "date") xlsColumn.numFmt = "yyyy-mm-dd";
    const list = choices(column);
    if (list.length > 0) {
      codeColumn++;
      const at = letter(codeColumn);
      codes.getCell(`${at}1`).value = templateHeader(column);
      codes.getCell(`${at}1`).font = {bold: true};
      list.forEach((label, k) => (codes.getCell(`${at}${k + 2}`).value = label));
      codes.getColumn(codeColumn).width = 16;
      const range = `${letter(col)}2:${letter(col)}${FORM_ROWS}`;
      (sheet as unknown as {dataValidations: {add: (range: string, rule: ExcelJS.DataValidation) => void}}).dataValidations.add(range, {
        type: "list",
        allowBlank: !column.required,
        formulae: [`'${CODES_SHEET}'!$${at}$2:$${at}$${list.length + 1}`],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: "不在列表中 Not in the list",
        error: `请从下拉列表选择：${list.join("、")} / pick a value from the list`
      });
    }
  });
  for (const example of EXAMPLES[file]) sheet.addRow(spec.columns.map((column) => exampleCell(column, example[column.name])));

  // 填表说明: what the file is, how to fill it in, every column
  help.getColumn(1).width = 18;
  help.getColumn(2).width = 24;
  help.getColumn(3).width = 10;
  help.getColumn(4).width = 30;
  help.getColumn(5).width = 60;
  help.addRow([`${SHEET_NAMES[file]}（${file}）`]).font = {bold: true, size: 14};
  help.addRow([spec.description.zh]);
  help.addRow([spec.description.en]);
  help.addRow([]);
  for (const line of INSTRUCTIONS) help.addRow([line]);
  help.addRow([]);
  const titles = help.addRow(["列名 column", "英文名 English", "必填 required", "类型 type", "说明与可选值 meaning and choices"]);
  titles.font = {bold: true};
  for (const column of spec.columns) {
    const list = choices(column);
    help.addRow([
      templateHeader(column),
      column.name,
      column.required ? "是 yes" : "",
      TYPE_TEXT[column.type],
      `${column.description.zh} / ${column.description.en}${list.length > 0 ? `；可选：${list.join("、")}` : ""}`
    ]);
  }
  if (codeColumn === 0) workbook.removeWorksheet(codes.id);
  return workbook;
}

const INSTRUCTIONS = [
  "1. 在第一个工作表中每行填一条记录；第 1 行的表头不要改动（鼠标停在表头上可看到英文列名和说明）。黄色表头为必填列。",
  "   Fill in one record per row of the first sheet; keep the header row (hover over a header for its English name). Yellow headers are required.",
  "2. 有下拉箭头的列请从列表中选择；日期写作 2024-09-01 或 2024/9/1；代码（学校代码等）按文本填写，前导 0 会保留。",
  "   Pick coded columns from the drop-down list; write dates as 2024-09-01 or 2024/9/1; codes are text, leading zeros are kept.",
  "3. 第 2 行起是示例，请删除后填入本单位数据。Rows from 2 on are examples: delete them and enter your own.",
  "4. 每个期次一个文件夹（如 2025Q3），本文件放入其中，文件名保持不变（或另存为同名 .csv，二者只留其一）。",
  "   Put the file in its period folder (e.g. 2025Q3) under the same name (or save it as the same name in .csv, never both).",
  "5. 先运行 junheng validate --input <目录> 检查，再运行 junheng run。被拒绝的行见 rejects.csv（写明工作表、行号和本表的列名）。",
  "   Run junheng validate --input <folder> first, then junheng run. Rejected rows are in rejects.csv (sheet, row and this sheet's column names)."
];

/** The same form as CSV: the Chinese header and the examples, UTF-8 with a BOM (Excel and WPS open it as UTF-8). */
export function templateCsv(file: FileName): string {
  const spec = CONTRACT[file];
  const lines = [spec.columns.map((column) => csvField(templateHeader(column))).join(",")];
  for (const example of EXAMPLES[file]) lines.push(spec.columns.map((column) => csvField(example[column.name] ?? "")).join(","));
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

/** Writes DIR/xlsx/<file>.xlsx and DIR/csv/<file>.csv for every contract file; returns the paths written. */
export async function writeTemplates(dir: string): Promise<string[]> {
  const written: string[] = [];
  mkdirSync(join(dir, "xlsx"), {recursive: true});
  mkdirSync(join(dir, "csv"), {recursive: true});
  for (const file of FILE_NAMES) {
    const xlsx = join(dir, "xlsx", `${file}.xlsx`);
    await (await templateWorkbook(file)).xlsx.writeFile(xlsx);
    const csv = join(dir, "csv", `${file}.csv`);
    writeFileSync(csv, templateCsv(file));
    written.push(xlsx, csv);
  }
  return written;
}
