// The balance page's view on two hand-made schools and a few county rows; expected texts and colours are
// worked out by hand from the rows below.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {balanceView, indicatorStatus, COMPLIANCE} from "../../src/views/balance.js";
// @ts-expect-error: a plain JavaScript module of the site
import {STATUS_COLORS} from "../../src/components/colors.js";

type Row = Record<string, unknown>;
const INDICATORS = ["qualified_teachers_per_100", "backbone_per_100", "pe_arts_per_100", "teaching_area_per_student", "sports_area_per_student", "equipment_per_student", "multimedia_per_100"];
const primary = [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3];
const thresholds = (values: number[]) => Object.fromEntries(INDICATORS.map((name, i) => [name, values[i]]));
const config = {min_n: 10, targets: {cv_primary: 0.5, cv_junior: 0.45}, indicator_thresholds: {primary: thresholds(primary), junior: thresholds([5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4])}};
const P = "2025Q1";

const school = (school_name: string, values: (number | null)[], n_met: number, is_compliant: boolean): Row => ({
  period: P,
  section: "primary",
  school_name,
  locality: "rural",
  ...thresholds(values as number[]),
  n_met,
  is_compliant
});
const resources = [
  // 乙: qualified teachers 3.6 ≥ 0.85 × 4.2 = 3.57 (near), the other six met → compliant
  school("乙校", [3.6, 1, 0.9, 4.5, 7.5, 2000, 2.3], 6, true),
  // 甲: all seven met
  school("甲校", [5, 2, 1, 5, 8, 2500, 3], 7, true),
  // 丙: teaching area 3.8 < 3.825 (below), sports area missing
  school("丙校", [5, 2, 1, 3.8, null, 2500, 3], 5, false),
  {...school("丁校", primary, 7, true), section: "junior"}
];
const cv = [
  {period: P, section: "primary", scope: "county", scope_id: "甲县", indicator: "teaching_area_per_student", n_schools: 3, mean: 4.4, cv: 0.62, threshold: 0.5, meets: false},
  {period: P, section: "primary", scope: "county", scope_id: "甲县", indicator: "qualified_teachers_per_100", n_schools: 3, mean: 4.5, cv: 0.3, threshold: 0.5, meets: true}
];
const theil = [
  {period: P, section: "primary", county: "甲县", partition: "group", indicator: "backbone_per_100", theil: 0.1, within: 0.08, between: 0.02, between_share: 0.2},
  {period: P, section: "primary", county: "甲县", partition: "group", indicator: "pe_arts_per_100", theil: 0.1, within: 0.06, between: 0.04, between_share: 0.4},
  {period: P, section: "primary", county: "甲县", partition: "locality", indicator: "backbone_per_100", theil: 0.1, within: 0.09, between: 0.01, between_share: 0.1},
  {period: P, section: "primary", county: "甲县", partition: "locality", indicator: "pe_arts_per_100", theil: null, within: null, between: null, between_share: null}
];
const gap = [
  {period: P, section: "primary", county: "甲县", indicator: "sports_area_per_student", urban_mean: 10, town_mean: 8, rural_mean: 5, rural_to_urban_ratio: 0.5},
  {period: P, section: "primary", county: "甲县", indicator: "qualified_teachers_per_100", urban_mean: 5, town_mean: 4.5, rural_mean: 4, rural_to_urban_ratio: 0.8},
  {period: P, section: "primary", county: "甲县", indicator: "equipment_per_student", urban_mean: 3000, town_mean: 2000, rural_mean: null, rural_to_urban_ratio: null}
];

describe("indicatorStatus", () => {
  it("is met at the standard, near down to 85% of it, below under that, missing without a value", () => {
    expect(COMPLIANCE).toEqual({minMet: 6, near: 0.85});
    expect(indicatorStatus(4.2, 4.2)).toBe("met");
    expect(indicatorStatus(3.6, 4.2)).toBe("near");
    expect(indicatorStatus(3.5, 4.2)).toBe("below");
    expect(indicatorStatus(null, 4.2)).toBe("missing");
  });
});

describe("balanceView", () => {
  const zh = balanceView({resources, cv, theil, gap}, config, "zh");
  const en = balanceView({resources, cv, theil, gap}, config, "en");
  const b = zh.at(P, "primary");

  it("counts compliant sections with the rule's numbers, not literals in a chart", () => {
    expect(b.compliance.takeaway).toBe("2025年第1季度，3 所学校的小学学段中，2 所综合达标（七项中至少 6 项达标，其余不低于标准的 85%）。");
    expect(en.at(P, "primary").compliance.takeaway).toBe("2 of 3 primary sections are compliant in 2025 Q1 (at least 6 of 7 met, the rest ≥ 85% of the standard).");
    expect(b.compliance.rows.map((r: Row) => r.school_name)).toEqual(["甲校", "乙校", "丙校"]);
    const color = (name: string, indicator: string) => b.compliance.data.find((d: Row) => d.row === name && d.column === indicator).color;
    expect(color("乙校", "qualified_teachers_per_100")).toBe(STATUS_COLORS.near);
    expect(color("丙校", "teaching_area_per_student")).toBe(STATUS_COLORS.short);
    expect(color("甲校", "equipment_per_student")).toBe(STATUS_COLORS.ok);
    expect(b.compliance.data).toHaveLength(21);
    expect(b.compliance.columns.find((c: Row) => c.name === "equipment_per_student").label).toBe("仪器设备 ≥2,000.0");
  });

  it("names the largest coefficient of variation against the section's standard", () => {
    expect(b.cv.takeaway).toBe("2 个区县指标中 1 个差异系数 ≤ 0.50；最大的是甲县的“教学用房”（0.62）。");
    expect(b.cv.data.map((d: Row) => d.key)).toEqual(["甲县 · 学历达标教师", "甲县 · 教学用房"]);
    expect(b.cv.options.limit).toBe(0.5);
  });

  it("averages the between-share per partition", () => {
    expect(b.theil.takeaway).toBe("泰尔指数平均有 30% 来自集团之间，10% 来自城区、镇区、乡村之间，其余来自其内部。");
    expect(b.theil.rows).toHaveLength(3);
    expect(b.theil.data).toHaveLength(6);
  });

  it("gives the range of rural/urban ratios with the indicators at each end", () => {
    expect(b.gap.takeaway).toBe("乡村小学的生均资源为城区的 50%（体育场馆）至 80%（学历达标教师）。");
    expect(en.at(P, "primary").gap.takeaway).toBe("Rural primary schools have 50% (Sports area) to 80% (Qualified teachers) of urban schools' resources per student.");
    expect(b.gap.data.map((d: Row) => d.value)).toEqual([0.8, 0.5]);
    const none = balanceView({resources, cv, theil, gap: gap.map((r) => ({...r, rural_to_urban_ratio: null}))}, config, "zh").at(P, "primary").gap;
    expect(none.takeaway).toBe("该学段没有乡村学校，无法计算比值（表中列出城区、镇区均值）。");
    expect(none.data).toBeUndefined();
  });

  it("offers the periods and the two sections", () => {
    expect(zh.periods).toEqual([P]);
    expect(zh.sections.map(zh.sectionName)).toEqual(["小学", "初中"]);
    expect(zh.lead).toContain("小学 ≤ 0.50，初中 ≤ 0.45");
  });
});
