// The methodology page's "this quarter's revisions to earlier figures" (src/views/revisions.js) on hand-made
// lines of the table revisions and a manifest's summary; every expected text is worked out by hand below.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {revisionsView} from "../../src/views/revisions.js";

/** Latin words in a Chinese text, but file names, periods and "CSV" */
const latin = (text: string) => text.replace(/\d{4}Q\d|[\w.]+\.csv|CSV/g, "").match(/[A-Za-z_]{2,}/g) ?? [];

type Row = Record<string, unknown>;

const line = (table: string, key: string | null, column: string | null, kind: string, oldValue: string | null, newValue: string | null, period: string | null = "2025Q3") => ({
  table_name: table,
  row_key: key,
  key_json: null,
  period,
  earlier_period: true,
  kind,
  column_name: column,
  old_value: oldValue,
  new_value: newValue,
  changed_inputs: "2025Q3/teachers.csv"
});

// three revisions to earlier figures: two in resource_cv, one in teacher_structure; plus (in the summary
// only) 40 rows of a new quarter added to teacher_structure
const lines = [
  line("resource_cv", "2025Q3 | group | G01 | primary | backbone_per_100", "mean", "changed", "0.05333333333333334", "0.08"),
  line("resource_cv", "2025Q3 | group | G01 | primary | backbone_per_100", "cv", "withheld", null, null),
  line("teacher_structure", "2025Q3 | S001", "backbone_per_100", "changed", "0.05", "0.1")
];
const manifest = {
  revisions: {
    first_release: false,
    previous: {started_at: "2025-10-01T02:00:00.000Z", as_of_date: "2025-09-30", version: "0.1.0"},
    inputs: {changed: ["2025Q3/teachers.csv"], added: ["2025Q4/teachers.csv"], removed: []},
    total: 43,
    earlier: 3,
    by_table: {
      resource_cv: {changed: 1, added: 0, removed: 0, withheld: 1, earlier: 2},
      teacher_structure: {changed: 1, added: 40, removed: 0, withheld: 0, earlier: 1}
    }
  }
};
const titles = {resource_cv: "资源配置差异系数", teacher_structure: "教师结构"};

describe("revisionsView", () => {
  it("a first release says so, and shows no table", () => {
    const v = revisionsView({lines: [], manifest: {revisions: {first_release: true, previous: null, inputs: {changed: [], added: [], removed: []}, by_table: {}}}}, "zh");
    expect(v.summary).toBe("这是首次发布：没有可比较的上一次发布，因此没有修订。");
    expect(v.byTable).toBeNull();
    expect(v.lines).toBeNull();
    expect(v.download).toBeNull();
    expect(revisionsView({lines: [], manifest: {}}, "en").summary).toBe("This is the first release: there is no previous release to compare with, so there are no revisions.");
  });

  it("counts the revisions by table, most first, and lists the first lines", () => {
    const v = revisionsView({lines, manifest, titles}, "en", {limit: 2});
    expect(v.summary).toContain("3 revisions in 2 tables.");
    expect(v.summary).toContain("Input files whose content changed: 2025Q3/teachers.csv.");
    // 40 rows added in all, none of them in an earlier period
    expect(v.summary).toContain("Besides, 40 rows of new periods were added.");
    expect(v.byTable.rows).toEqual([
      {table: "resource_cv", changed: 1, withheld: 1, removed: 0, added: 0, total: 2},
      {table: "teacher_structure", changed: 1, withheld: 0, removed: 0, added: 0, total: 1}
    ]);
    expect(v.byTable.takeaway).toBe("Most revisions are in 资源配置差异系数 (2).");
    expect(v.lines.rows).toHaveLength(2);
    expect(v.lines.takeaway).toBe("The first 2 of 3 are listed; every one is in the table revisions (download below).");
    const cell = (row: Row, name: string) => {
      const column = v.lines.columns.find((c: {name: string}) => c.name === name);
      return column.format ? column.format(row[name], row) : row[name];
    };
    expect(cell(v.lines.rows[1], "kind")).toBe("Now withheld (old value not repeated)");
    expect(cell(v.lines.rows[1], "old_value")).toBe("—");
    expect(cell(v.lines.rows[0], "period")).toBe("2025 Q3");
    expect(v.download).toEqual({label: "Download every revision (CSV)", table: "revisions"});
  });

  it("only lines about earlier periods count", () => {
    const added = {...line("teacher_structure", "2025Q4 | S001", null, "added", null, null, "2025Q4"), earlier_period: false};
    const v = revisionsView({lines: [...lines, added], manifest, titles}, "zh");
    expect(v.byTable.rows.map((row: Row) => row.total)).toEqual([2, 1]);
    expect(v.lines.takeaway).toBe("下表列出全部 3 处。");
  });

  it("no revision to an earlier figure: says so", () => {
    const v = revisionsView({lines: [], manifest: {revisions: {...manifest.revisions, inputs: {changed: [], added: [], removed: []}, by_table: {}}}}, "zh");
    expect(v.summary).toMatch(/^与 .+ 计算的上一次发布（数据截至 .+）相比。以往发布的数字没有任何修订。输入文件与上一次相同。$/);
    expect(v.byTable).toBeNull();
    expect(v.download).toBeNull();
  });

  it("the Chinese texts name no English identifier outside code", () => {
    const v = revisionsView({lines, manifest, titles}, "zh");
    const texts = [v.title, v.lead, v.summary, v.byTable.title, v.byTable.takeaway, v.lines.title, v.lines.takeaway, v.download.label];
    const plain: {name: string; label: string; format?: (value: unknown, row: Row) => string}[] = [];
    for (const spec of [v.byTable, v.lines]) {
      const columns = spec.columns.filter((c: {code?: boolean}) => !c.code);
      plain.push(...columns);
      for (const row of spec.rows) for (const c of columns) texts.push(String(c.format ? c.format(row[c.name], row) : row[c.name]));
    }
    texts.push(...plain.map((c: {label: string}) => c.label));
    expect(texts.flatMap(latin)).toEqual([]);
  });
});
