// What the site's edition leaves out, as the views show it (docs/editions.md): in the public edition a card
// stands where school results would be, saying why and citing the rule; the internal edition (or no edition
// given) shows everything. Hand-made edition files shaped as pipelines/site/edition-file.ts writes them.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {INTERNAL, leftOut, withheldCard} from "../../src/views/edition.js";
// @ts-expect-error: a plain JavaScript module of the site
import {groupView} from "../../src/views/group.js";
// @ts-expect-error: a plain JavaScript module of the site
import {valueAddedView} from "../../src/views/valueAdded.js";
// @ts-expect-error: a plain JavaScript module of the site
import {downloadsView} from "../../src/views/downloads.js";
// @ts-expect-error: a plain JavaScript module of the site
import {explorerView} from "../../src/views/explorer.js";
// @ts-expect-error: a plain JavaScript module of the site
import {overviewView} from "../../src/views/overview.js";

const reason = (code: string) => ({code});
const PUBLIC = {
  edition: "public",
  left_out: {
    tables: [{table: "exam_school", reason: reason("school_exam")}, {table: "value_added_school", reason: reason("school_value_added")}],
    columns: [{table: "value_added_group", columns: ["n_lead", "n_members", "lead_minus_members"], reason: reason("lead_one_school")}],
    rows: [{table: "urban_rural_gap", keep: "comparison <> 'lead_member'", reason: reason("lead_one_school")}]
  }
};
// the public edition with editions.public.exam_figures = false
const NO_EXAMS = {
  edition: "public",
  left_out: {
    tables: [...PUBLIC.left_out.tables, {table: "urban_rural_gap", reason: reason("exam_figures_off")}, {table: "value_added_group", reason: reason("exam_figures_off")}],
    columns: [{table: "headline", columns: ["gap_exam_id", "urban_rural_gap", "gap_exam_name", "gap_exam_date", "gap_grade", "gap_in_period"], reason: reason("exam_figures_off")}],
    rows: []
  }
};

describe("leftOut", () => {
  it("names the reason a table, a column or some rows are left out, and nothing in the internal edition", () => {
    expect(leftOut(PUBLIC, "exam_school")).toBe("school_exam");
    expect(leftOut(PUBLIC, "value_added_group")).toBeNull(); // the table stays
    expect(leftOut(PUBLIC, "value_added_group", {column: "lead_minus_members"})).toBe("lead_one_school");
    expect(leftOut(PUBLIC, "value_added_group", {column: "va"})).toBeNull();
    expect(leftOut(PUBLIC, "urban_rural_gap", {rows: true})).toBe("lead_one_school");
    expect(leftOut(NO_EXAMS, "urban_rural_gap", {rows: true})).toBe("exam_figures_off"); // the whole table first
    expect(leftOut(INTERNAL, "exam_school")).toBeNull();
    expect(leftOut(undefined, "exam_school")).toBeNull();
  });

  it("draws no chart and no table in its place: the reason, and the rule for school results", () => {
    const zh = withheldCard({lang: "zh", filename: "x", title: "三率一分", code: "school_exam"});
    expect(zh).toMatchObject({title: "三率一分", withheld: "school_exam", rows: [], columns: [], data: null});
    expect(zh.takeaway).toBe("公开版不显示单所学校的考试结果（三率一分、平均分）和排名：义务教育学校的考试结果不排名、不公布。这些数字只在教育局的内部版中。");
    expect(zh.note).toContain("教育部办公厅《关于加强义务教育学校考试管理的通知》（2021年8月）");
    expect(zh.note).toContain("“义务教育学校日常考试实行等级评价，考试结果不排名、不公布”");
    const en = withheldCard({lang: "en", filename: "x", title: "Rates", code: "lead_one_school"});
    expect(en.takeaway).toMatch(/^The public edition shows no lead-versus-members comparison: the lead side is a single school/);
    expect(en.note).toMatch(/December 2025\): routine exams in compulsory-education schools are graded, and their results are neither ranked nor published\.$/);
    // the bureau's own configuration is no ministry rule: no citation
    expect(withheldCard({lang: "zh", filename: "x", title: "t", code: "exam_figures_off"}).note).toBeNull();
  });
});

const exams = [
  {exam_id: "E0", exam_name: "期初", exam_date: Date.UTC(2025, 0, 10), grade: 6, full_marks: 100, exam_scope: "district"},
  {exam_id: "E1", exam_name: "期末", exam_date: Date.UTC(2025, 5, 20), grade: 6, full_marks: 100, exam_scope: "district"}
];
const publicGroup = {
  group_id: "G1",
  profile: [{period: "2025Q3", group_id: "G1", group_name: "甲集团", group_type: "tight", lead_school_name: "甲校", n_members: 2, n_students: 900, share_rural_students: 0.5, stages: ["primary"], max_distance_km: 3, established_date: new Date("2024-09-01")}],
  members: [],
  resources: [],
  exams: [],
  gaps: [],
  va_schools: [],
  // public: the group's value-added without its lead-versus-members columns
  va_group: [{prior_exam_id: "E0", exam_id: "E1", subject: "数学", group_id: "G1", n_students: 120, is_suppressed: false, va: 0.05, ci_low: 0.01, ci_high: 0.09}],
  exchange: [],
  flows: []
};
const config = {min_n: 10, targets: {exchange_rate: 0.1}};

describe("a group page in the public edition", () => {
  const v = groupView({group: publicGroup, exams, edition: PUBLIC}, config, "zh");

  it("has no exam to choose, and the 三率一分 and lead–member cards say why they are empty", () => {
    expect(v.examKeys).toEqual([]);
    expect(v.exam()).toMatchObject({filename: "group_G1_exam", withheld: "school_exam", data: null, rows: []});
    expect(v.gap).toMatchObject({filename: "group_G1_lead_member_gap", withheld: "lead_one_school", data: null});
  });

  it("keeps the group's own value-added, says why its schools' are not shown, and has no lead-minus-members column", () => {
    const va = v.va("E0|E1|数学");
    expect(va.withheld).toBeUndefined();
    // 0.05 (0.01 to 0.09), by hand; no lead-members sentence, no band counts (no school)
    expect(va.takeaway).toBe("集团整体增值 +0.05 个标准差（95% 区间 +0.01 至 +0.09）。");
    expect(va.note).toContain("公开版不显示单所学校的增值评价");
    expect(va.rows.map((row: {school_name: string}) => row.school_name)).toEqual(["集团整体"]);
    expect(va.columns.map((column: {name: string}) => column.name)).not.toContain("lead_minus_members");
    expect(va.data).toHaveLength(1);
  });

  it("withholds the group's value-added too when the bureau's config drops exam figures", () => {
    expect(groupView({group: publicGroup, exams, edition: NO_EXAMS}, config, "en").va("E0|E1|数学")).toMatchObject({withheld: "exam_figures_off", data: null});
  });
});

describe("the value-added page in the public edition", () => {
  const groups = [{group_id: "G1", group_name: "甲集团"}];
  const v = valueAddedView({schools: [], groupsVa: publicGroup.va_group, groups, exams, edition: PUBLIC}, {min_n: 10}, "en");

  it("offers the groups' exam pairs, withholds the schools, their shrinkage and lead minus members, and keeps the groups", () => {
    expect(v.pairs).toEqual(["E0|E1|数学"]);
    const c = v.at("E0|E1|数学");
    expect([c.schools.withheld, c.shrink.withheld, c.leadMembers.withheld, c.groups.withheld]).toEqual(["school_value_added", "school_value_added", "lead_one_school", undefined]);
    expect(c.groups.data).toHaveLength(1);
  });

  it("with no exam figures: no pair to choose and every card says why", () => {
    const none = valueAddedView({schools: [], groupsVa: [], groups, exams, edition: NO_EXAMS}, {min_n: 10}, "zh");
    expect(none.pairs).toEqual([]);
    const c = none.at();
    expect([c.schools.withheld, c.shrink.withheld, c.groups.withheld, c.leadMembers.withheld]).toEqual(["school_value_added", "school_value_added", "exam_figures_off", "exam_figures_off"]);
  });
});

describe("downloads and explorer in the public edition", () => {
  const manifest = {
    ...PUBLIC,
    as_of_date: "2025-09-30",
    run: {finished_at: "2025-10-01T08:00:00Z", pseudonym_key: "env"},
    published: [{table: "coverage", rows: 3, grain: "", files: []}, {table: "config", rows: 1, grain: "", files: []}]
  };

  it("lists what the edition leaves out, a row per table, column set and row rule, each with its reason", () => {
    const v = downloadsView({manifest, methodology: {exam_school: "## 中文：学校考试三率一分\n## English: School exam results"}}, {min_n: 10}, "zh");
    expect(v.edition).toBe("公开版");
    expect(v.leftOut.takeaway).toBe("这是公开版：下列数据表、列或行不在其中，原因如下。");
    expect(v.leftOut.rows.map((row: Record<string, string>) => [row.about, row.table, row.part, row.columns ?? ""])).toEqual([
      ["学校考试三率一分", "exam_school", "整张表", ""],
      ["value_added_school", "value_added_school", "整张表", ""],
      ["value_added_group", "value_added_group", "3 列", "n_lead, n_members, lead_minus_members"],
      ["urban_rural_gap", "urban_rural_gap", "部分行", ""]
    ]);
    expect(v.leftOut.rows[0].reason).toContain("考试结果不排名、不公布");
    expect(downloadsView({manifest: {...manifest, left_out: INTERNAL.left_out, edition: "internal"}, methodology: {}}, {min_n: 10}, "en").leftOut).toBeNull();
  });

  it("offers only the explorer examples whose tables the edition publishes", () => {
    const ids = (m: object) => explorerView({manifest: m}, {}, "zh").examples.map((example: {id: string}) => example.id);
    expect(ids(manifest)).not.toContain("value-added");
    expect(ids({...manifest, left_out: INTERNAL.left_out})).toContain("value-added");
  });
});

describe("the overview with no exam figures", () => {
  it("has no gap KPI and a card saying why in the gap trend's place", () => {
    const row = (period: string) => ({period, county: "all", share_schools_in_group: 0.5, share_students_in_group: 0.5, exchange_rate: 0.1, exchange_school_year: "2025-2026", max_cv_primary: 0.4, max_cv_junior: 0.3, n_compliant_schools: 1, n_schools_assessed: 2, n_schools: 2});
    const manifest = {...NO_EXAMS, as_of_date: "2025-09-30", periods: ["2025Q2", "2025Q3"], run: {finished_at: "2025-10-01T08:00:00Z"}, tool: {version: "0.1.0"}};
    const v = overviewView({headline: [row("2025Q2"), row("2025Q3")], manifest}, {min_n: 10, targets: {coverage_share: 1, coverage_deadline: null, exchange_rate: 0.1, exchange_backbone_share: 0.2, cv_primary: 0.5, cv_junior: 0.45}}, "zh");
    expect(v.kpis.map((kpi: {testId: string}) => kpi.testId)).not.toContain("urban_rural_gap");
    expect(v.gapTrend).toMatchObject({withheld: "exam_figures_off", data: null, takeaway: "按教育局的配置，本公开版不含任何基于考试成绩的数字。"});
  });
});
