// The methodology page's view on a hand-made mart text, a one-file contract and a small run manifest; every
// expected text is worked out by hand from the inputs below.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {markCode, martText, methodologyView} from "../../src/views/methodology.js";

type Row = Record<string, unknown>;

const MART = `# teacher_exchange

## 中文：教师交流轮岗
- **公式**：exchange_rate = n_exchanged/n_eligible；all 行为合计；above/below 见 \`band\`。
- **来源**：docs/data-contract.md exchanges。

## English: Teacher exchange (交流轮岗)
- **Formula**: exchange_rate = n_exchanged/n_eligible; the all row is the total.
`;

const contract = {
  files: {
    schools: {
      key: ["school_id"],
      keyScope: "period",
      description: {zh: "学校名册", en: "Schools"},
      columns: [
        {name: "school_id", aliases: ["学校代码", "学校标识码"], type: "text", id: true, required: true, description: {zh: "学校代码", en: "School code"}},
        {name: "stage", aliases: ["学段"], type: "enum", domain: "stage", required: true, description: {zh: "学段", en: "Stage"}},
        {name: "birth_year", aliases: ["出生年份"], type: "integer", private: true, description: {zh: "出生年份", en: "Birth year"}}
      ]
    },
    scores: {key: ["exam_id", "student_id"], keyScope: "global", description: {zh: "学生成绩", en: "Scores"}, columns: [
      {name: "exam_id", aliases: ["考试编号"], type: "text", required: true, description: {zh: "考试", en: "Exam"}},
      {name: "student_id", aliases: ["学籍号"], type: "text", required: true, description: {zh: "学生", en: "Student"}}
    ]}
  },
  domains: {stage: {values: {primary: ["小学"], junior: ["初中", "初级中学"]}}},
  reasons: {bad_id: {zh: "代码含有不允许的字符", en: "bad characters in a code"}, duplicate_key: {zh: "主键重复", en: "duplicate key"}, bad_type: {zh: "格式不正确", en: "wrong type"}},
  id_rule: {description: {zh: "只能由字母、数字、_ 和 - 组成", en: "only letters, digits, _ and -"}}
};

const manifest = {
  tool: {version: "0.1.0", duckdb: "v1.5.6"},
  run: {started_at: "2025-10-01T02:00:00.000Z", finished_at: "2025-10-01T02:01:30.000Z", pseudonym_key: "demo (public key; synthetic data only)"},
  periods: ["2024Q3", "2024Q4", "2025Q1"],
  as_of_date: "2025-03-31",
  files: [
    {name: "2025Q1/schools.csv", encoding: "utf-8", rows_read: 10, rows_loaded: 9, rows_rejected: 1},
    {name: "2025Q1/scores.csv", encoding: "gb18030", rows_read: 200, rows_loaded: 196, rows_rejected: 4}
  ],
  rejects: {total_rows: 5, by_reason: {bad_type: 3, duplicate_key: 2}},
  published: [
    {table: "teacher_exchange", rows: 1234, grain: "school year × scope × scope_id", key: ["school_year", "scope_id"]},
    {table: "coverage", rows: 80, grain: "period × county, with rollups", key: ["period", "county"]},
    {table: "config", rows: 0, grain: "", key: []}
  ],
  stages_ms: {decode_ms: 1500, validate_ms: 2250, total_ms: 90000},
  warnings: [{code: "carried_forward", period: "2025Q1", file: "groups.csv", zh: "沿用上期", en: "carried forward"}]
};
const config = {region_name: "甲区", min_n: 10, targets: {exchange_rate: 0.1}, score_bands: {pass: 0.6}, indicator_thresholds: {primary: {backbone_per_100: 1}}};

/** the texts a reader sees in a table-only card: each cell as the table shows it */
const cells = (spec: {rows: Row[]; columns: {name: string; format?: (v: unknown, r: Row) => string}[]}) =>
  spec.rows.map((row) => spec.columns.map((c) => (c.format ? c.format(row[c.name], row) : String(row[c.name] ?? "—"))));

describe("martText and markCode", () => {
  it("takes the page's language's section, its title without the tag, and marks names as code", () => {
    const zh = martText(MART, "zh");
    expect(zh.table).toBe("teacher_exchange");
    expect(zh.title).toBe("教师交流轮岗");
    // in Chinese every Latin lower-case word is a name; an existing `code` span is left alone
    expect(zh.body).toBe(
      "- **公式**：`exchange_rate` = `n_exchanged`/`n_eligible`；`all` 行为合计；`above`/`below` 见 `band`。\n- **来源**：`docs/data-contract.md` `exchanges`。"
    );
    const en = martText(MART, "en");
    expect(en.title).toBe("Teacher exchange (交流轮岗)");
    // in English only snake_case names are: "all", "row", "the" stay words
    expect(en.body).toBe("- **Formula**: `exchange_rate` = `n_exchanged`/`n_eligible`; the all row is the total.");
  });

  it("falls back to the only text there is", () => {
    expect(martText("# headline\n\nOnly one_text here.", "zh")).toEqual({table: "headline", title: "headline", body: "Only `one_text` here."});
    expect(markCode("a b_c `d_e` f", {words: true})).toBe("a `b_c` `d_e` f");
  });
});

describe("methodologyView", () => {
  const zh = methodologyView({methodology: {teacher_exchange: MART}, contract, manifest}, config, "zh");
  const en = methodologyView({methodology: {teacher_exchange: MART}, contract, manifest}, config, "en");

  it("states the suppression rule with the configured size, the column name as code", () => {
    expect(zh.suppression.body).toContain("由少于 10 名学生计算出的数值");
    expect(zh.suppression.body).toContain("（`is_suppressed` 列为真）");
    expect(zh.suppression.body).toContain("“<10”");
  });

  it("explains complementary suppression and the audit, with the sizes and the references", () => {
    expect(zh.disclosure.body).toContain("少于 10 名学生的标为 `primary`");
    expect(zh.disclosure.body).toContain("少于 3 所学校的汇总也不公布（`few_schools`）");
    expect(en.disclosure.body).toContain("NCES Statistical Standard 4-2");
    expect(en.disclosure.body).toContain("“next smallest”");
  });

  it("gives each metric its Chinese title, its table name as code and its grain in words", () => {
    const [metric] = zh.metrics;
    expect(metric).toMatchObject({id: "m-teacher_exchange", title: "教师交流轮岗", code: "teacher_exchange"});
    expect(metric.note).toBe("粒度：学年 × 范围 · 主键：`school_year, scope_id` · 行数：1,234");
    expect(en.metrics[0].note).toBe("Grain: School year × Scope · Key: `school_year, scope_id` · Rows: 1,234");
  });

  it("names every setting in words, with the name in the file beside it", () => {
    expect(cells(zh.settings)).toEqual([
      ["地区名称", "甲区", "region_name"],
      ["公开一个数值所需的最少学生数", "10", "min_n"],
      ["教师交流比例目标", "0.1", "targets.exchange_rate"],
      ["及格线（得分率）", "0.6", "score_bands.pass"],
      ["小学：每百名学生拥有县级以上骨干教师数标准", "1", "indicator_thresholds.primary.backbone_per_100"]
    ]);
    expect(zh.settings.columns.find((c: Row) => c.name === "setting").code).toBe(true);
  });

  it("lists the contract's Chinese names and values first, the English codes beside them", () => {
    const [schools, scores] = zh.files;
    expect(schools.title).toBe("学校名册（schools.csv）");
    expect(schools.takeaway).toBe("每期内，学校标识码不能重复。");
    expect(en.files[0].takeaway).toBe("Within a period, no two rows share School id.");
    expect(scores.takeaway).toBe("所有期合起来，考试编号和学籍号不能重复。");
    expect(schools.columns.map((c: Row) => c.name)).toEqual(["aliases", "name", "type", "codes", "required", "description"]);
    expect(cells(schools)).toEqual([
      ["学校代码、学校标识码", "school_id", "代码（用作文件名和网址）", "", "✓", "学校代码"],
      ["学段", "stage", "可选值：小学、初中/初级中学", "primary | junior", "✓", "学段"],
      ["出生年份", "birth_year", "整数", "", "", "出生年份（只用于校验，不发布）"]
    ]);
    expect(cells(en.files[0])[1]).toEqual(["学段", "stage", "One of: 小学, 初中/初级中学", "primary | junior", "✓", "Stage"]);
    expect(zh.idRule).toBe("学校代码和集团代码会用作文件名和网址：只能由字母、数字、_ 和 - 组成；不符合的行被拒绝（代码含有不允许的字符）。");
  });

  it("writes the run record in words: stages, key and periods, no field names", () => {
    const rows = cells(zh.run);
    expect(rows.map((r) => r[0])).toEqual(["均衡版本", "DuckDB 版本", "数据截至", "期次", "开始时间", "结束时间", "假名化密钥", "用时：读取并识别编码", "用时：校验", "用时：合计"]);
    expect(rows[3]![1]).toBe("2024年第3季度至2025年第1季度，共 3 期");
    expect(rows[6]![1]).toBe("示例密钥（公开，只用于合成数据）");
    expect(rows.slice(7).map((r) => r[1])).toEqual(["1.5 秒", "2.3 秒", "90.0 秒"]);
    expect(zh.run.takeaway).toMatch(/^本网站的数字由均衡 0\.1\.0 在 .+ 计算完成，共 3 期（2024年第3季度至2025年第1季度），耗时 90\.0 秒。$/);
    expect(cells(en.run)[7]).toEqual(["Time: reading and decoding", "1.5 s"]);
  });

  it("lists the published tables by what they hold, without the configuration", () => {
    expect(cells(zh.published)).toEqual([
      ["教师交流轮岗", "teacher_exchange", "1,234", "学年 × 范围"],
      ["coverage", "coverage", "80", "期 × 区县，含各维度的汇总行"]
    ]);
    expect(zh.published.takeaway).toBe("共发布 2 张数据表，每张都有 CSV 和 Parquet 两种格式（见“下载”页）。");
  });

  it("sums the files read and names the reasons for rejected rows in words", () => {
    expect(zh.read.takeaway).toBe("读入 2 个文件共 210 行，入库 205 行，拒绝 5 行。");
    expect(zh.rejects.takeaway).toBe("共拒绝 5 行：格式不正确 3 行和主键重复 2 行。本次运行有 1 条提示，见下表。");
    expect(en.rejects.takeaway).toBe("5 rows were rejected: wrong type (3) and duplicate key (2). Warnings from this run (1) are listed below.");
    expect(cells(zh.rejects)).toEqual([["2025年第1季度", "groups.csv", "沿用上期"]]);
    const clean = methodologyView({methodology: {}, contract, manifest: {...manifest, rejects: {total_rows: 0, by_reason: {}}, warnings: []}}, config, "zh");
    expect(clean.rejects.takeaway).toBe("没有被拒绝的行。本次运行没有提示。");
  });
});
