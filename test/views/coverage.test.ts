// The coverage page's view on a hand-made county of 20 schools in two counties; every expected text is
// worked out by hand from the rows below.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {coverageView} from "../../src/views/coverage.js";

type Row = Record<string, unknown>;

/** a coverage row: n schools of which k in a group; students and weak schools given as [in group, all] */
function row(period: string, where: Row, n: number, k: number, students: [number, number] = [k * 100, n * 100], weak: [number, number] = [0, 0]): Row {
  return {
    period,
    county: "all",
    stage: "all",
    locality: "all",
    ownership: "all",
    ...where,
    n_schools: n,
    n_schools_in_group: k,
    share_schools: k / n,
    n_students_in_group: students[0],
    n_students: students[1],
    share_students: students[0] / students[1],
    n_weak_in_group: weak[0],
    n_weak: weak[1],
    share_weak: weak[1] ? weak[0] / weak[1] : null
  };
}

const P = "2025Q1";
const coverage = [
  row(P, {}, 20, 16, [4500, 5000], [3, 4]),
  row(P, {county: "甲县"}, 12, 11),
  row(P, {county: "乙县"}, 8, 5),
  // published in code order; the view puts them in school order
  row(P, {stage: "junior"}, 2, 2),
  row(P, {stage: "nine_year"}, 4, 3),
  row(P, {stage: "primary"}, 12, 11),
  row(P, {stage: "special"}, 1, 0),
  row(P, {stage: "vocational"}, 1, 0),
  row(P, {locality: "rural"}, 6, 3, [600, 1000], [2, 3]),
  row(P, {locality: "town"}, 6, 5, [900, 1000], [1, 1]),
  row(P, {locality: "urban"}, 8, 8),
  row(P, {ownership: "public"}, 19, 16),
  row("2024Q3", {}, 20, 11),
  row("2024Q3", {locality: "urban"}, 8, 6),
  row("2024Q3", {locality: "town"}, 6, 3),
  row("2024Q3", {locality: "rural"}, 6, 3)
];
const school = (school_name: string, locality: string, n_students: number, is_weak: boolean): Row => ({
  period: P,
  as_of_date: new Date("2025-03-31"),
  school_id: school_name,
  school_name,
  county: "乙县",
  stage: "primary",
  locality,
  ownership: "public",
  n_students,
  is_weak
});
const uncovered = [school("乙", "urban", 300, false), school("甲", "rural", 100, true), school("丁", "rural", 200, false), school("丙", "town", 50, true)];
const config = {min_n: 10, targets: {coverage_share: 0.9}};

describe("coverageView", () => {
  const zh = coverageView({coverage, uncovered}, config, "zh");
  const en = coverageView({coverage, uncovered}, config, "en");

  it("offers the periods latest first", () => {
    expect(zh.periods).toEqual(["2025Q1", "2024Q3"]);
    expect(zh.periodName("2024Q3")).toBe("2024年第3季度");
  });

  it("names the county that lags and by how many percentage points", () => {
    const c = zh.at(P).byCounty;
    expect(c.takeaway).toBe("2025年第1季度，20 所学校中有 16 所（80.0%）加入集团，覆盖 90.0% 的学生。乙县最低：62.5%，比全域低 17.5 个百分点。");
    expect(en.at(P).byCounty.takeaway).toBe("In 2025 Q1, 16 of 20 schools (80.0%) and 90.0% of students are in a group. 乙县 is lowest at 62.5%, 17.5 percentage points below the region.");
    expect(c.rows.map((r: Row) => r.county)).toEqual(["甲县", "乙县"]);
  });

  it("says how many covered schools have only some of their sections (学部) in a group", () => {
    const partly = coverage.map((r) => (r.county === "all" && r.stage === "all" && r.locality === "all" && r.ownership === "all" ? {...r, n_schools_partly_in_group: 1} : r));
    expect(coverageView({coverage: partly, uncovered}, config, "zh").at(P).byCounty.takeaway).toBe(
      "2025年第1季度，20 所学校中有 16 所（80.0%）加入集团，覆盖 90.0% 的学生。其中 1 所只有部分学部在集团中，其余学部的学生不计为已覆盖。乙县最低：62.5%，比全域低 17.5 个百分点。"
    );
    expect(coverageView({coverage: partly, uncovered}, config, "en").at(P).byCounty.takeaway).toContain(
      "are in a group. Schools with only some of their sections in a group: 1; the students of their other sections are not counted as covered."
    );
  });

  it("says which stages have no school in a group and which of the others lags, in school order", () => {
    const c = zh.at(P).byStage;
    expect(c.rows.map((r: Row) => r.stage)).toEqual(["primary", "junior", "nine_year", "vocational", "special"]);
    expect(c.takeaway).toBe("中职和特殊教育的 2 所学校都还没有加入集团。其余学段中九年一贯制最低：4 所中 3 所（75.0%），比全部学校低 5.0 个百分点。");
    expect(en.at(P).byStage.takeaway).toBe(
      "None of the 2 schools of vocational and special education is in a group yet. Of the other stages, 9-year school is lowest: 3 of 4 schools (75.0%), 5.0 percentage points below all schools."
    );
    // the same table without the stages that have none in a group, and then with every school in
    const some = coverageView({coverage: coverage.filter((r) => !["special", "vocational"].includes(r.stage as string)), uncovered}, config, "zh");
    expect(some.at(P).byStage.takeaway).toBe("九年一贯制覆盖率最低：4 所中 3 所加入集团（75.0%），比全部学校低 5.0 个百分点。");
    const full = coverageView({coverage: coverage.map((r) => ({...r, n_schools_in_group: r.n_schools, share_schools: 1})), uncovered}, config, "zh");
    expect(full.at(P).byStage.takeaway).toBe("各学段的学校全部加入集团。");
  });

  it("finds the least covered locality and lists localities urban, town, rural", () => {
    const c = zh.at(P).byLocality;
    expect(c.rows.map((r: Row) => r.locality)).toEqual(["urban", "town", "rural"]);
    expect(c.takeaway).toBe("乡村学校覆盖率最低：学校 50.0%，学生 60.0%。");
    expect(c.columns[0].format("rural")).toBe("乡村");
  });

  it("counts weak schools region-wide and shows only the localities that have any", () => {
    const c = zh.at(P).weak;
    expect(c.takeaway).toBe("4 所薄弱学校中有 3 所（75.0%）已加入集团。");
    expect(c.rows.map((r: Row) => r.locality)).toEqual(["all", "town", "rural"]);
    expect(c.data.map((d: Row) => d.text)).toEqual(["3 / 4", "1 / 1", "2 / 3"]);
    expect(c.data[0].label).toBe("全部");
  });

  it("says which locality gained most since the first period", () => {
    expect(zh.trend.takeaway).toBe("2024年第3季度以来镇区学校覆盖率提高最多：从 50.0% 升至 83.3%（+33.3 个百分点）。");
    expect(zh.trend.rows).toHaveLength(6);
  });

  it("lists the schools in no group, weak ones first, then the remotest, then the largest", () => {
    const c = zh.at(P).list;
    expect(c.rows.map((r: Row) => r.school_name)).toEqual(["甲", "丙", "丁", "乙"]);
    expect(c.takeaway).toBe("截至 2025年3月31日，仍有 4 所学校（学生 650 人）未加入任何集团，其中薄弱学校 2 所。");
    expect(c.data).toBeUndefined(); // a table-only card
    expect(zh.at("2024Q3").list.takeaway).toBe("本期所有学校都已加入集团。");
  });
});
