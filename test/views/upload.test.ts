// "Your data"'s view on a hand-made run: two files, rejects, a headline of two periods, coverage by
// locality, two exams' urban–rural gaps and one value-added pair; every expected text is worked out by hand.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {REJECTS_SHOWN, uploadView, uploadWords} from "../../src/views/upload.js";
import {REJECT_COLUMNS, rejectHeader} from "../../pipelines/contract.js";

type Row = Record<string, unknown>;

const config = {min_n: 10, targets: {coverage_share: 0.9, coverage_deadline: null, exchange_rate: 0.1, cv_primary: 0.5, cv_junior: 0.45}};
const contract = {files: {scores: {columns: [{name: "student_id", description: {zh: "学生编号", en: "Student id"}}]}}, reject_columns: REJECT_COLUMNS};
const reject = (line: number, column: string): Row => ({
  period: "2025Q1", file: "scores.csv", line, column, value: "x", reason: "bad_type",
  message_zh: "格式不正确：应为数字", message_en: "value is not of the expected type: a number"
});
const files = [
  {name: "2025Q1/schools.csv", encoding: "utf-8", rows_read: 20, rows_loaded: 20, rows_rejected: 0},
  {name: "2025Q1/scores.csv", encoding: "gb18030", rows_read: 1000, rows_loaded: 998, rows_rejected: 2}
];
const headline = [
  {period: "2024Q4", county: "all", share_schools_in_group: 0.5},
  // the latest: coverage 0.813 against 0.9 is 8.7 percentage points short; exchange 0.12 ≥ 0.1 is met
  {period: "2025Q1", county: "all", share_schools_in_group: 0.813, share_students_in_group: 0.95, exchange_rate: 0.12, exchange_school_year: "2024-2025",
    urban_rural_gap: 0.31, max_cv_primary: 0.4, max_cv_junior: 0.5, n_compliant_schools: 7, n_schools_assessed: 16},
  {period: "2025Q1", county: "甲县", share_schools_in_group: 0.2}
];
const cov = (locality: string, n: number, k: number): Row => ({
  period: "2025Q1", county: "all", stage: "all", ownership: "all", locality,
  n_schools: n, n_schools_in_group: k, share_schools: k / n, n_students: n * 100, n_students_in_group: k * 100, share_students: k / n, n_weak: 0, n_weak_in_group: 0, share_weak: null
});
const coverage = [cov("all", 16, 13), cov("rural", 8, 5), cov("urban", 8, 8)];
const exams = [
  {exam_id: "E1", exam_name: "期中", exam_date: "2024-11-10", grade: 8, exam_scope: "district"},
  {exam_id: "E2", exam_name: "期末", exam_date: "2025-01-15", grade: 8, exam_scope: "district"},
  // a group's joint exam, later: its "all" row covers one group's schools and is not drawn as region-wide
  {exam_id: "G1", exam_name: "集团联考", exam_date: "2025-03-15", grade: 8, exam_scope: "group"}
];
const gap = (exam_id: string, subject: string, value: number | null): Row => ({
  exam_id, subject, scope: "all", comparison: "urban_rural", gap: value, ci_low: value == null ? null : value - 0.1, ci_high: value == null ? null : value + 0.1, is_suppressed: value == null
});
const urban_rural_gap = [gap("E2", "语文", 0.2), gap("E2", "数学", 0.35), gap("E1", "数学", 0.4), gap("E2", "英语", null), {...gap("E2", "数学", 0.9), scope: "group"}, gap("G1", "数学", 0.7)];
const va = (school_name: string, value: number | null, band: string | null): Row => ({
  prior_exam_id: "E1", exam_id: "E2", subject: "数学", school_name, n_students: value == null ? 6 : 40, va: value, ci_low: value, ci_high: value, band, is_suppressed: value == null
});
const value_added_school = [va("乙校", -0.2, "below"), va("甲校", 0.3, "above"), va("丙校", 0.01, "average"), va("丁校", null, null), va("戊校", 0.05, "average")];
const marts = {headline, coverage, exams, urban_rural_gap, value_added_school};
const result = {files, warnings: [{zh: "有一列未使用", en: "one column unused"}], rejects: [reject(5, "student_id"), reject(9, "score")]};

describe("uploadView", () => {
  const zh = uploadView({result, marts, ms: 2460, contract}, config, "zh");
  const en = uploadView({result, marts, ms: 2460, contract}, config, "en");

  it("sums what was read, in both languages", () => {
    expect(zh.files.takeaway).toBe("2 个文件，读取 1,020 行，入库 1,018 行，拒绝 2 行；从拖入到显示指标用时 2.5 秒。");
    expect(en.files.takeaway).toBe("2 files: 1,020 rows read, 1,018 loaded, 2 rejected; 2.5 s from dropping the files to the metrics.");
    expect(zh.files.columns.map((c: Row) => c.label)).toEqual(["文件", "编码", "读取行数", "入库行数", "拒绝行数"]);
    expect(en.warnings).toEqual({title: "Notes", items: ["one column unused"]});
  });

  it("heads the rejects in Chinese on the Chinese page, names columns as the contract does, messages in the page's language", () => {
    const c = zh.rejects;
    expect(c.columns.map((col: Row) => col.label)).toEqual(["期次", "文件", "行号", "列", "原值", "原因"]);
    expect(c.columns.map((col: Row) => col.name)).toEqual(["period", "file", "line", "column", "value", "message_zh"]);
    const columnCell = c.columns[3] as {format: (x: unknown, row: Row) => string};
    expect(columnCell.format("student_id", c.rows[0])).toBe("学生编号");
    // a column the contract does not name keeps its name
    expect(columnCell.format("score", c.rows[1])).toBe("score");
    // a column the file named in its own words (an .xlsx's 学籍号) is shown as the file named it, with its sheet
    const own = {...reject(4, "学籍号"), contract_column: "student_id", file: "scores.xlsx", sheet: "成绩"};
    expect(columnCell.format("学籍号", own)).toBe("学籍号");
    expect((c.columns[1] as {format: (x: unknown, row: Row) => string}).format("scores.xlsx", own)).toBe("scores.xlsx [成绩]");
    expect(en.rejects.columns.at(-1).name).toBe("message_en");
    expect(c.takeaway).toBe("共 2 条问题。每一行都给出期次、文件、行号（表头为第 1 行）、列、原值和原因。");
  });

  it("shows the first rejects and offers them all, with the reason and both messages, as CSV", () => {
    const many = Array.from({length: REJECTS_SHOWN + 1}, (_, i) => reject(i + 2, "student_id"));
    const v = uploadView({result: {...result, rejects: many}, marts, ms: 1000, contract}, config, "zh");
    expect(v.rejects.rows).toHaveLength(200);
    expect(v.rejects.takeaway).toMatch(/^共 201 条问题，下表显示前 200 条。/);
    expect(v.rejectsAll.rows).toHaveLength(201);
    expect(v.rejectsAll.label).toBe("下载全部 201 条（CSV，含中英文说明）");
    // the download is rejects.csv's twin: the same bilingual headers as the command line writes
    expect(v.rejectsAll.columns.map((col: Row) => col.name)).toEqual(Object.keys(REJECT_COLUMNS));
    expect(v.rejectsAll.columns.map((col: Row) => col.csvHeader)).toEqual(Object.keys(REJECT_COLUMNS).map((key) => rejectHeader(key as keyof typeof REJECT_COLUMNS)));
    const none = uploadView({result: {...result, rejects: []}, marts, ms: 1000, contract}, config, "en");
    expect(none.rejects.takeaway).toBe("No rows were rejected.");
    expect(none.rejectsAll).toBeNull();
  });

  it("holds the latest region-wide headline to the targets as the overview does (percentage points)", () => {
    expect(zh.metrics.period).toBe("2025Q1");
    expect(zh.metrics.title).toBe("主要指标（2025年第1季度）");
    const kpi = (id: string) => zh.metrics.kpis.find((k: Row) => k.testId === id);
    expect(kpi("share_schools_in_group").statusText).toBe("距目标还差 8.7 个百分点");
    expect(kpi("share_students_in_group").statusText).toBe("已达到目标");
    expect(kpi("exchange_rate").status).toBe("ok");
    expect(kpi("n_compliant_schools").progress).toBeCloseTo(7 / 16, 12);
  });

  it("shows coverage by locality as the coverage page does, under its own file name", () => {
    expect(zh.byLocality.filename).toBe("upload_coverage_2025Q1");
    expect(zh.byLocality.rows.map((r: Row) => r.locality)).toEqual(["urban", "rural"]);
    expect(zh.byLocality.takeaway).toBe("乡村学校覆盖率最低：学校 62.5%，学生 62.5%。");
  });

  it("reads the latest exam's region-wide gaps, suppressed subjects left out", () => {
    expect(zh.gap.takeaway).toBe("最近一次考试（期末，2025年1月15日）城区学生比乡村学生的平均标准分：数学 +0.35和语文 +0.20。");
    expect(en.gap.takeaway).toBe("In the latest exam (期末, 15 January 2025) urban students' mean z-score against rural students': Mathematics +0.35 and Chinese +0.20.");
    expect(zh.gap.rows).toHaveLength(4);
    expect(zh.gap.legend.map((entry: unknown[]) => entry[0])).toEqual(["数学", "语文"]);
    const allSuppressed = uploadView({result, marts: {...marts, urban_rural_gap: [gap("E2", "数学", null)]}, ms: 1, contract}, config, "zh");
    expect(allSuppressed.gap.takeaway).toBe("每次考试都有一方学生少于 10 人，差距按规则不公开。");
    // nothing drawn (no empty axis), the table still lists the exam
    expect(allSuppressed.gap.data).toBeNull();
    expect(allSuppressed.gap.rows).toHaveLength(1);
    expect(zh.gap.data).toHaveLength(4);
  });

  it("counts the value-added bands of the latest pair, suppressed schools listed but not counted or drawn", () => {
    expect(zh.valueAdded.takeaway).toBe("期末 · 数学：1 所学校高于预期，1 所低于预期，2 所与平均水平无法区分。");
    expect(zh.valueAdded.rows.map((r: Row) => r.school_name)).toEqual(["甲校", "戊校", "丙校", "乙校", "丁校"]);
    expect(zh.valueAdded.data).toHaveLength(4);
    // every school suppressed: the table lists them, nothing is drawn
    const hidden = uploadView({result, marts: {...marts, value_added_school: marts.value_added_school.map((row: Row) => ({...row, is_suppressed: true}))}, ms: 1, contract}, config, "zh");
    expect(hidden.valueAdded.rows).toHaveLength(5);
    expect(hidden.valueAdded.data).toBeNull();
    expect(hidden.valueAdded.legend).toEqual([]);
    expect(zh.valueAdded.legend).toHaveLength(3);
    const none = uploadView({result, marts: {...marts, value_added_school: []}, ms: 1, contract}, config, "en");
    expect(none.valueAdded.empty).toBe("No pair of earlier and later exams in the data: value-added cannot be computed.");
  });

  it("gives the drop zone's and the progress's words", () => {
    const w = uploadWords("en");
    expect(w.text.wasm(34_560_000)).toBe("Loading DuckDB-WASM (34.6 MB) …");
    expect(uploadWords("zh").text.rows(12345)).toBe("12,345 行");
  });
});
