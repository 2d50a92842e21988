// The gaps page's view on hand-made exams: two district exams (grades 6 and 8) on one date and a group joint
// exam (grade 5) before them. Every expected text is worked out by hand from the rows below.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {gapsView} from "../../src/views/gaps.js";

type Row = Record<string, unknown>;

const exams = [
  {exam_id: "D1", exam_name: "区六年级期末", exam_date: Date.UTC(2025, 5, 20), grade: 6, exam_scope: "district"},
  {exam_id: "D2", exam_name: "区八年级期末", exam_date: Date.UTC(2025, 5, 20), grade: 8, exam_scope: "district"},
  {exam_id: "G1", exam_name: "甲集团五年级联考", exam_date: Date.UTC(2025, 3, 22), grade: 5, exam_scope: "group"}
];
const groups = [
  {group_id: "A", group_name: "甲集团"},
  {group_id: "B", group_name: "乙集团"},
  {group_id: "C", group_name: "丙集团"}
];
const gap = (exam_id: string, subject: string, scope: string, scope_id: string, comparison: string, value: number | null): Row => ({
  exam_id,
  subject,
  scope,
  scope_id,
  comparison,
  n_first: value == null ? 6 : 200,
  n_second: 100,
  is_suppressed: value == null,
  gap: value,
  ci_low: value == null ? null : value - 0.1,
  ci_high: value == null ? null : value + 0.1,
  n_schools_first: value == null ? null : scope === "group" ? 1 : 12,
  n_schools_second: value == null ? null : scope === "group" ? 3 : 9,
  is_few_schools: scope === "group"
});
// published in code order (数学 before 语文, urban_town first); the view puts them in school order
const gaps = [
  gap("D1", "数学", "all", "all", "urban_town", 0.12),
  gap("D1", "数学", "all", "all", "urban_rural", 0.4),
  gap("D1", "语文", "all", "all", "urban_rural", 0.45),
  gap("D2", "数学", "all", "all", "urban_rural", null),
  gap("G1", "数学", "all", "all", "urban_rural", 0.57),
  gap("D1", "数学", "group", "B", "urban_rural", 0.1),
  gap("D1", "数学", "group", "A", "urban_rural", 0.3),
  gap("D1", "数学", "group", "C", "urban_rural", null),
  gap("G1", "数学", "group", "A", "urban_rural", 0.5),
  gap("D1", "数学", "group", "A", "lead_member", -0.25)
];
const variance = [
  {exam_id: "D1", subject: "数学", county: "甲县", n_schools: 12, n_students: 900, is_suppressed: false, between_school_share: 0.08},
  {exam_id: "D1", subject: "语文", county: "甲县", n_schools: 12, n_students: 900, is_suppressed: false, between_school_share: 0.07},
  {exam_id: "D2", subject: "数学", county: "甲县", n_schools: 1, n_students: 8, is_suppressed: true, between_school_share: null},
  {exam_id: "G1", subject: "数学", county: "甲县", n_schools: 5, n_students: 400, is_suppressed: false, between_school_share: 0.02}
];
const config = {min_n: 10};
const suppressedCells = (card: {rows: Row[]; columns: {suppressed?: (r: Row) => boolean}[]}) =>
  card.rows.filter((row) => card.columns.some((column) => column.suppressed?.(row))).length;

describe("gapsView", () => {
  const zh = gapsView({gaps, variance, groups, exams}, config, "zh");
  const en = gapsView({gaps, variance, groups, exams}, config, "en");

  it("offers the region-wide comparisons first, then lead − members", () => {
    expect(zh.comparisons).toEqual(["urban_rural", "urban_town", "lead_member"]);
    expect(zh.comparisonName("urban_rural")).toBe("城区 − 乡村");
  });

  it("lists each district exam by date, subjects in school order, with its name, kind, grade and schools a side", () => {
    const c = zh.at("urban_rural").trend;
    // G1 is a group joint exam: its "all" row covers one group's schools, so it is not region-wide
    expect(c.rows.map((r: Row) => `${r.exam_id} ${r.subject}`)).toEqual(["D1 语文", "D1 数学", "D2 数学"]);
    const kind = c.columns.find((col: Row) => col.name === "exam_scope");
    expect(c.rows.map((r: Row) => kind.format(r.exam_scope))).toEqual(["区统考", "区统考", "区统考"]);
    const grade = c.columns.find((col: Row) => col.name === "grade");
    expect(c.rows.map((r: Row) => grade.format(r.grade))).toEqual(["六年级", "六年级", "八年级"]);
    expect(c.columns.map((col: Row) => col.name)).toEqual([
      "exam_date", "exam_name", "exam_scope", "grade", "subject", "gap", "ci_low", "ci_high", "n_first", "n_second",
      "n_schools_first", "n_schools_second", "is_few_schools", "exam_id"
    ]);
  });

  it("tells the latest district exam's gap, says joint exams are left out and why a point is missing", () => {
    const c = zh.at("urban_rural").trend;
    expect(c.takeaway).toBe("城区 − 乡村：最近一次区统考（区六年级期末，2025年6月20日）差距为 语文 +0.45、数学 +0.40 个标准差。");
    expect(en.at("urban_rural").trend.takeaway).toBe(
      "Urban − rural: in the latest district exam (区六年级期末, 20 June 2025) the gap is Chinese +0.45, Mathematics +0.40 SD."
    );
    expect(c.note).toBe(
      "只画区统考（全区学校参加）；同一年级、同一科目的考试才可比，提示框和表格注明每个点是哪次考试。集团联考只有一个集团的学校参加，不是全区差距，不画在这里；在下方选择该联考，可看到该集团内部的差距。"
    );
    // D2's gap is suppressed: "<10" in its row, so the card's footnote is there
    expect(suppressedCells(c)).toBe(1);
    // only district exams: nothing said about joint exams
    const district = gapsView({gaps: gaps.filter((r) => r.exam_id !== "G1"), variance, groups, exams}, config, "zh").at("urban_rural").trend;
    expect(district.note).toBe("只画区统考（全区学校参加）；同一年级、同一科目的考试才可比，提示框和表格注明每个点是哪次考试。");
    // a district exam with a side of fewer than 3 schools: the takeaway says so
    const few = gapsView({gaps: gaps.map((r) => (r.exam_id === "D1" ? {...r, is_few_schools: true} : r)), variance, groups, exams}, config, "zh").at("urban_rural").trend;
    expect(few.takeaway).toBe("城区 − 乡村：最近一次区统考（区六年级期末，2025年6月20日）差距为 语文 +0.45、数学 +0.40 个标准差。其中有一方少于3所学校，区间依赖极少数学校，解读需谨慎。");
    // every exam suppressed: a sentence, no chart
    const none = gapsView({gaps: gaps.filter((r) => r.exam_id === "D2"), variance, groups, exams}, config, "zh").at("urban_rural").trend;
    expect(none.takeaway).toBe("每次考试都有一方学生少于 10 人，差距按规则不公开。");
    expect(none.data).toBeNull();
  });

  it("draws each point with its exam's kind, grade, stage, schools and tooltip, the zero line named, stages and subjects in school order", () => {
    const c = zh.at("urban_rural").trend;
    expect(c.data.map((d: Row) => [d.facet, d.hollow])).toEqual([["primary", false], ["primary", false], ["junior", false]]);
    expect(c.data[0].title).toBe("区六年级期末\n区统考 · 六年级 · 2025年6月20日 · 语文\n+0.45 [+0.35, +0.55]\n学校：12 所对 9 所");
    expect(en.at("urban_rural").trend.data[0].title).toBe("区六年级期末\nDistrict exam · Grade 6 · 20 June 2025 · Chinese\n+0.45 [+0.35, +0.55]\nSchools: 12 against 9");
    expect(c.data[2].gap).toBeNull();
    expect(c.options.series).toEqual(["语文", "数学"]);
    expect(c.options.facets.slice(0, 2)).toEqual(["primary", "junior"]);
    expect(c.options.zeroLabel).toBe("0 = 两方相同");
    expect(c.options.yLabel).toBe("差距（标准差）");
    expect(c.legend.map(([name]: string[]) => name)).toEqual(["语文", "数学"]);
  });

  it("says lead − members has no region-wide gap", () => {
    const c = zh.at("lead_member");
    expect(c.trend.takeaway).toBe("牵头校与成员校只在各集团内部比较，没有全域差距；各集团的差距见下图。");
    expect(c.trend.data).toBeNull();
    expect(c.scopes(c.keys[0]).takeaway).toBe("区六年级期末（数学）：两方学生都足够多的唯一集团内部为 -0.25。");
  });

  it("compares the groups with the region in one exam, region first, largest gap next, and counts the groups not published", () => {
    const c = zh.at("urban_rural");
    expect(c.keys).toEqual(["D1|数学", "G1|数学"]);
    expect(c.keyName("D1|数学")).toBe("2025年6月20日 区统考：区六年级期末 · 数学");
    const s = c.scopes("D1|数学");
    expect(s.rows.map((r: Row) => r.name)).toEqual(["全域", "甲集团", "乙集团", "丙集团"]);
    expect(s.takeaway).toBe("区六年级期末（数学）：全域差距 +0.40 个标准差；各集团内部在 +0.10 至 +0.30 之间。另有 1 个集团一方学生少于 10 人，差距不公开。");
    expect(en.at("urban_rural").scopes("D1|数学").takeaway).toBe(
      "区六年级期末, Mathematics: region-wide +0.40 SD; inside groups from +0.10 to +0.30. Groups not published (fewer than 10 students on a side): 1."
    );
    // the groups' comparisons rest on one lead and three members here: marked, and the note says why
    expect(s.data.map((d: Row) => [d.label, d.value])).toEqual([["全域", 0.4], ["甲集团（学校少）", 0.3], ["乙集团（学校少）", 0.1]]);
    expect(s.note).toMatch(/^标“（学校少）”的比较有一方少于3所学校/);
    expect(s.options.zeroLabel).toBe("0 = 两方相同");
    expect(suppressedCells(s)).toBe(1);
    // a joint exam has no region-wide row: its "all" row is the group's own
    const joint = c.scopes("G1|数学");
    expect(joint.rows.map((r: Row) => r.name)).toEqual(["甲集团"]);
    expect(joint.takeaway).toBe("甲集团五年级联考（数学）：两方学生都足够多的唯一集团内部为 +0.50。");
  });

  it("tells the between-school share in the latest district exam, by subject", () => {
    const v = zh.variance;
    expect(v.takeaway).toBe("最近一次区统考（区六年级期末，2025年6月20日）成绩差异中校间部分占 语文 7.0%、数学 8.0%：比例越大，学生成绩越取决于就读哪所学校。");
    expect(v.rows.map((r: Row) => `${r.exam_id} ${r.subject}`)).toEqual(["G1 数学", "D1 语文", "D1 数学", "D2 数学"]);
    expect(v.data).toHaveLength(3);
    expect(v.data[0]).toMatchObject({series: "数学", value: 0.02, hollow: true, title: "甲集团五年级联考\n集团联考 · 2025年4月22日 · 数学\n2.0%"});
    expect(suppressedCells(v)).toBe(1);
    // nothing suppressed: no footnote
    expect(suppressedCells(gapsView({gaps, variance: variance.slice(0, 2), groups, exams}, config, "zh").variance)).toBe(0);
  });
});
