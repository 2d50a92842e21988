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
  n_compliant_schools: 10,
  n_schools_assessed: 40,
  n_schools: 46,
  ...values
});

const headline = [
  // out of order on purpose: the view sorts by period
  row("2025Q1", {share_schools_in_group: 0.813, share_students_in_group: 0.95, urban_rural_gap: 0.31, gap_exam_id: "E2", n_compliant_schools: 12}),
  row("2024Q3", {exchange_school_year: "2023-2024", exchange_rate: 0.1, urban_rural_gap: 0.42, gap_exam_id: "E1"}),
  row("2024Q4", {exchange_school_year: "2023-2024", exchange_rate: 0.1}),
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
  });

  it("leaves quarters with no district exam out of the gap trend", () => {
    expect(zh.gapTrend.rows.map((r: {period: string}) => r.period)).toEqual(["2024Q3", "2025Q1"]);
    expect(zh.gapTrend.takeaway).toBe("最近一次统考城乡差距为 +0.31 个标准差（2024年第3季度 为 +0.42）。分科目及置信区间见“城乡差距”页。");
    const none = overviewView({headline: headline.map((r) => ({...r, urban_rural_gap: null})), manifest}, config, "en");
    expect(none.gapTrend.takeaway).toBe("No data.");
  });

  it("counts compliant schools out of those assessed", () => {
    expect(zh.complianceTrend.takeaway).toBe("2025年第1季度 参评的 40 所学校中有 12 所资源配置综合达标。");
    expect(zh.complianceTrend.data.at(-1)).toEqual({x: "2025Q1", part: 12, whole: 40});
  });

  it("holds no English in the Chinese texts", () => {
    const texts = [zh.title, zh.lead, ...zh.kpis.flatMap((k: Record<string, unknown>) => [k.label, k.statusText, k.sub]), zh.coverageTrend.takeaway, zh.cvTrend.takeaway];
    for (const text of texts.filter(Boolean)) expect(String(text)).not.toMatch(/\b(?!Junheng\b)[A-Za-z]{3,}\b/);
  });
});
