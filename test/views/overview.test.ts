// The overview's view on a hand-made headline: three quarters region-wide and one county row (ignored).
// Expected texts are worked out by hand from the rows below.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {overviewView} from "../../src/views/overview.js";
// @ts-expect-error: a plain JavaScript module of the site
import {targetChecks} from "../../src/views/targets.js";

const row = (period: string, values: Record<string, unknown>) => ({
  period,
  county: "all",
  region_name: "示例区",
  share_schools_in_group: 0.7,
  share_students_in_group: 0.8,
  exchange_school_year: "2024-2025",
  exchange_rate: 0.12,
  max_cv_primary: 0.52,
  max_cv_junior: 0.3,
  urban_rural_gap: null,
  gap_exam_id: null,
  gap_in_period: false,
  n_compliant_schools: 10,
  n_schools_assessed: 40,
  n_schools: 46,
  ...values
});

const e1 = {gap_exam_id: "E1", gap_exam_name: "五年级期末", gap_exam_date: "2024-07-01", gap_grade: 5, gap_subjects: "数学", urban_rural_gap: 0.42};
const e2 = {
  gap_exam_id: "E2",
  gap_exam_name: "五年级期中",
  gap_exam_date: "2025-01-10",
  gap_grade: 5,
  gap_subjects: "数学",
  urban_rural_gap: 0.31,
  gap_in_period: true,
  gap_previous_exam_id: "E1",
  gap_previous_exam_date: "2024-07-01",
  gap_previous: 0.42,
  gap_change: -0.11
};
const headline = [
  // out of order on purpose: the view sorts by period
  // the gap: E1 (grade 5, July 2024) then E2 (grade 5, January 2025), comparable; 2024Q4 had no district exam and
  // carries E1's figure, flagged gap_in_period = false
  row("2025Q1", {share_schools_in_group: 0.813, share_students_in_group: 0.95, n_compliant_schools: 12, ...e2}),
  row("2024Q3", {exchange_school_year: "2023-2024", exchange_rate: 0.1, ...e1, gap_in_period: true}),
  row("2024Q4", {exchange_school_year: "2023-2024", exchange_rate: 0.1, ...e1}),
  row("2025Q1", {county: "甲县", share_schools_in_group: 0.2})
];
const manifest = {
  as_of_date: "2025-03-31",
  periods: ["2024Q3", "2024Q4", "2025Q1"],
  run: {finished_at: "2025-04-02T08:00:00Z", pseudonym_key: "demo (public)"},
  tool: {version: "0.1.0"}
};
const config = {min_n: 10, targets: {coverage_share: 0.9, coverage_deadline: "2026-12-31", exchange_rate: 0.15, cv_primary: 0.5, cv_junior: 0.45}};

describe("targetChecks", () => {
  it("says met or by how much a share falls short, and leaves a missing value undecided", () => {
    const checks = targetChecks({share_schools_in_group: 0.813, share_students_in_group: 0.9, exchange_rate: null, max_cv_primary: 0.5, max_cv_junior: null}, config.targets);
    expect(checks.coverage.met).toBe(false);
    expect(checks.coverage.shortfall).toBeCloseTo(0.087, 12);
    expect(checks.coverage.progress).toBeCloseTo(0.813 / 0.9, 12);
    expect(checks.students).toMatchObject({met: true, shortfall: 0}); // exactly at the target is met
    expect(checks.exchange).toMatchObject({met: null, shortfall: null});
    expect(checks.cv.met).toBe(true); // 0.5 ≤ 0.5, and no junior schools assessed
    expect(targetChecks({max_cv_primary: 0.51}, config.targets).cv.met).toBe(false);
  });
});

describe("overviewView", () => {
  const zh = overviewView({headline, manifest}, config, "zh");
  const en = overviewView({headline, manifest}, config, "en");

  it("titles the page with the region and leads with the latest period", () => {
    expect(zh.title).toBe("示例区集团化办学均衡发展季度报告");
    expect(zh.lead).toMatch(/^2025年第1季度（数据截至 2025年3月31日）。共 3 期数据，2024年第3季度 至 2025年第1季度。计算于 .+，软件 Junheng 0\.1\.0。$/);
    expect(en.title).toBe("示例区: education groups, quarterly progress report");
    expect(zh.demo).toMatch(/^示例数据/);
  });

  it("gives each share KPI its shortfall in percentage points, students included", () => {
    const kpi = (v: typeof zh, id: string) => v.kpis.find((k: {testId: string}) => k.testId === id);
    expect(kpi(zh, "share_schools_in_group")).toMatchObject({value: "81.3%", status: "short", statusText: "距目标还差 8.7 个百分点", sub: "目标 90%（2026年12月31日 前）"});
    expect(kpi(en, "share_schools_in_group")).toMatchObject({statusText: "8.7 percentage points short of the target", sub: "Target 90% by 31 December 2026"});
    expect(kpi(zh, "share_students_in_group")).toMatchObject({value: "95.0%", status: "ok", statusText: "已达到目标"});
    expect(kpi(zh, "exchange_rate")).toMatchObject({value: "12.0%", statusText: "距目标还差 3.0 个百分点", sub: "2024-2025 学年；目标 ≥ 15%"});
    expect(kpi(zh, "max_cv")).toMatchObject({value: "0.52 / 0.30", status: "short", statusText: "有学段超过标准"});
    expect(kpi(zh, "n_compliant_schools")).toMatchObject({value: "12", progress: 12 / 40});
  });

  it("says which way coverage went and against which target", () => {
    expect(zh.coverageTrend.takeaway).toBe("学校入集团比例从 2024年第3季度 的 70.0% 升至 2025年第1季度 的 81.3%；目标为 2026年12月31日 前达到 90%。");
    expect(en.coverageTrend.takeaway).toBe("Schools in groups rose from 70.0% in 2024 Q3 to 81.3% in 2025 Q1; the target is 90% by 31 December 2026.");
    const falling = overviewView({headline: headline.map((r) => (r.period === "2025Q1" ? {...r, share_schools_in_group: 0.6} : r)), manifest}, {...config, targets: {...config.targets, coverage_deadline: null}}, "zh");
    expect(falling.coverageTrend.takeaway).toBe("学校入集团比例从 2024年第3季度 的 70.0% 降至 2025年第1季度 的 60.0%；目标为达到 90%。");
    // region-wide rows only, in period order; the chart gets two series per period
    expect(zh.coverageTrend.rows.map((r: {period: string}) => r.period)).toEqual(["2024Q3", "2024Q4", "2025Q1"]);
    expect(zh.coverageTrend.data).toHaveLength(6);
  });

  it("shows the exchange rate once per school year and says how far it is from the target", () => {
    expect(zh.exchangeTrend.rows.map((r: {exchange_school_year: string}) => r.exchange_school_year)).toEqual(["2023-2024", "2024-2025"]);
    expect(zh.exchangeTrend.takeaway).toBe("2024-2025 学年交流教师占应交流教师的 12.0%（目标 15%），还差 3.0 个百分点。");
    expect(en.exchangeTrend.takeaway).toBe("In 2024-2025, 12.0% of eligible teachers were exchanged (target 15%): 3.0 percentage points short.");
    // on the 甘州 plan's base (every full-time teacher, exchanges within the group) the sentence says so
    const ganzhou = {...config, exchange: {denominator: "full_time", scope: "within_group"}};
    expect(overviewView({headline, manifest}, ganzhou, "zh").exchangeTrend.takeaway).toBe("2024-2025 学年在集团内交流的教师占全体专任教师的 12.0%（目标 15%），还差 3.0 个百分点。");
    expect(overviewView({headline, manifest}, ganzhou, "en").exchangeTrend.takeaway).toBe("In 2024-2025, 12.0% of all full-time teachers were exchanged within their group (target 15%): 3.0 percentage points short.");
  });

  it("draws the gap only where a quarter had a district exam, and compares it with the previous comparable exam", () => {
    // every quarter is a row; 2024Q4 says it had no exam and has no value (not E1's carried forward)
    expect(zh.gapTrend.rows.map((r: {period: string; urban_rural_gap: number | null; gap_in_period: string}) => [r.period, r.urban_rural_gap, r.gap_in_period])).toEqual([
      ["2024Q3", 0.42, "本季度有区统考"],
      ["2024Q4", null, "本季度无区统考"],
      ["2025Q1", 0.31, "本季度有区统考"]
    ]);
    expect(zh.gapTrend.data.map((d: {value: number | null}) => d.value)).toEqual([0.42, null, 0.31]);
    // both points are grade 5 with the same subjects: one series, one line
    expect(new Set(zh.gapTrend.data.filter((d: {value: number | null}) => d.value != null).map((d: {series: string}) => d.series)).size).toBe(1);
    expect(zh.gapTrend.legend.map((l: string[]) => l[0])).toEqual(["五年级区统考"]);
    expect(en.gapTrend.legend.map((l: string[]) => l[0])).toEqual(["Grade 5 district exam"]);
    expect(zh.gapTrend.data[2].title).toBe("五年级期中\n区统考 · 五年级 · 2025年1月10日\n各科平均 +0.31\n较上次同类统考（2024年7月1日）变化 -0.11");
    expect(zh.gapTrend.takeaway).toBe("最近一次区统考（五年级期中，2025年1月10日）城乡差距为 +0.31 个标准差，较上次同类统考（2024年7月1日，五年级）变化 -0.11。");
    expect(en.gapTrend.takeaway).toBe(
      "On the latest district exam (五年级期中, 10 January 2025) the urban–rural gap is +0.31 standard deviations, a change of -0.11 since the previous comparable exam (1 July 2024, grade 5)."
    );
    expect(zh.gapTrend.note).toMatch(/1 个季度没有区统考/);
    const kpi = zh.kpis.find((k: {testId: string}) => k.testId === "urban_rural_gap");
    expect(kpi).toMatchObject({value: "+0.31", sub: "2025年1月10日 五年级区统考，各科平均，标准分（城区 − 乡村）；较上次同类统考（2024年7月1日）变化 -0.11"});
    expect(en.kpis.find((k: {testId: string}) => k.testId === "urban_rural_gap").sub).toBe(
      "Grade 5 district exam of 10 January 2025, mean over subjects, in z (urban − rural); change of -0.11 since the previous comparable exam (1 July 2024)"
    );
    // no earlier exam of the grade: said, not compared with another grade
    const first = overviewView({headline: headline.map((r) => (r.period === "2025Q1" ? {...r, gap_previous: null, gap_previous_exam_id: null, gap_previous_exam_date: null, gap_change: null} : r)), manifest}, config, "zh");
    expect(first.gapTrend.takeaway).toBe("最近一次区统考（五年级期中，2025年1月10日）城乡差距为 +0.31 个标准差；此前没有同年级的区统考，不与其他年级的考试相比。");
    const none = overviewView({headline: headline.map((r) => ({...r, urban_rural_gap: null, gap_in_period: false})), manifest}, config, "en");
    expect(none.gapTrend.takeaway).toBe("No district exam yet: a group's joint exam covers one group's schools, not the region");
  });

  it("counts compliant schools out of those assessed", () => {
    expect(zh.complianceTrend.takeaway).toBe("2025年第1季度 参评的 40 所学校中有 12 所资源配置综合达标。");
    expect(zh.complianceTrend.data.at(-1)).toEqual({x: "2025Q1", part: 12, whole: 40});
  });

  it("holds no English in the Chinese texts", () => {
    const texts = [zh.title, zh.lead, ...zh.kpis.flatMap((k: Record<string, unknown>) => [k.label, k.statusText, k.sub]), zh.coverageTrend.takeaway, zh.cvTrend.takeaway, zh.gapTrend.takeaway, zh.gapTrend.note];
    for (const text of texts.filter(Boolean)) expect(String(text)).not.toMatch(/\b(?!Junheng\b)[A-Za-z]{3,}\b/);
  });
});
