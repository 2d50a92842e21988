// The value-added page's view on a hand-made district exam pair (four schools, three groups) and a group
// joint pair. Every expected text is worked out by hand from the rows below.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {valueAddedView} from "../../src/views/valueAdded.js";

type Row = Record<string, unknown>;

const exams = [
  {exam_id: "P", exam_name: "区五年级期末", exam_date: Date.UTC(2025, 0, 10), grade: 5, exam_scope: "district"},
  {exam_id: "E", exam_name: "区六年级期末", exam_date: Date.UTC(2025, 5, 20), grade: 6, exam_scope: "district"},
  {exam_id: "GP", exam_name: "甲集团期中联考", exam_date: Date.UTC(2024, 10, 20), grade: 5, exam_scope: "group"},
  {exam_id: "GE", exam_name: "甲集团期末联考", exam_date: Date.UTC(2025, 3, 22), grade: 5, exam_scope: "group"}
];
const groups = [
  {group_id: "A", group_name: "甲集团"},
  {group_id: "B", group_name: "乙集团"},
  {group_id: "C", group_name: "丙集团"}
];
const school = (name: string, locality: string, n: number, va: number | null, band: string | null, reliability: number | null, shrunk: number | null, pair = ["P", "E", "数学"], q: number | null = null): Row => ({
  prior_exam_id: pair[0],
  exam_id: pair[1],
  subject: pair[2],
  school_id: name,
  school_name: name,
  locality,
  n_students: n,
  is_suppressed: va == null,
  va,
  ci_low: va == null ? null : va - 0.1,
  ci_high: va == null ? null : va + 0.1,
  reliability,
  va_shrunk: shrunk,
  va_shrunk_low: shrunk == null ? null : shrunk - 0.08,
  va_shrunk_high: shrunk == null ? null : shrunk + 0.08,
  grand_mean: va == null ? null : 0.004,
  q_value: q,
  band
});
const PE_ = ["P", "E", "数学"];
const schools = [
  school("北校", "urban", 80, -0.15, "below", 0.85, -0.1275, PE_, 0.06),
  school("东校", "urban", 100, 0.2, "above", 0.9, 0.18, PE_, 0.003),
  school("小校", "rural", 6, null, null, null, null),
  school("西校", "rural", 50, 0.05, "average", 0.5, 0.02, PE_, 0.4),
  school("东校", "urban", 100, 0.1, "above", 0.9, 0.09, ["P", "E", "语文"]),
  school("东校", "urban", 100, 0.01, "average", 0.9, 0.01, ["GP", "GE", "数学"])
];
const group = (group_id: string, pair: string[], va: number | null, n_lead: number, n_members: number, lm: number | null): Row => ({
  prior_exam_id: pair[0],
  exam_id: pair[1],
  subject: pair[2],
  group_id,
  n_students: n_lead + n_members,
  n_lead,
  n_members,
  is_suppressed: false,
  va,
  ci_low: va == null ? null : va - 0.04,
  ci_high: va == null ? null : va + 0.04,
  lead_minus_members: lm,
  lead_minus_members_se: lm == null ? null : 0.04,
  lead_minus_members_ci_low: lm == null ? null : lm - 0.08,
  lead_minus_members_ci_high: lm == null ? null : lm + 0.08
});
const PE = ["P", "E", "数学"];
const groupsVa = [
  group("B", PE, -0.03, 50, 0, null), // no member sat the pair: nothing to compare ("—")
  group("A", PE, 0.04, 60, 120, 0.1),
  group("C", PE, 0.01, 40, 7, null), // 7 members' students < min_n: suppressed ("<10")
  group("A", ["GP", "GE", "数学"], 0, 60, 120, -0.02)
];
const config = {min_n: 10};

describe("valueAddedView", () => {
  const zh = valueAddedView({schools, groupsVa, groups, exams}, config, "zh");
  const en = valueAddedView({schools, groupsVa, groups, exams}, config, "en");

  it("offers the exam pairs latest first, subjects in school order, each named with its exam's kind", () => {
    expect(zh.pairs).toEqual(["P|E|语文", "P|E|数学", "GP|GE|数学"]);
    expect(zh.pairName("P|E|数学")).toBe("区统考：区六年级期末 ← 2025年1月10日 · 数学");
    expect(en.pairName("GP|GE|数学")).toBe("Group joint exam: 甲集团期末联考 ← 20 November 2024 · Mathematics");
  });

  it("counts the schools above, below and indistinguishable from average by the posterior interval, and marks the suppressed one", () => {
    const c = zh.at("P|E|数学").schools;
    expect(c.takeaway).toBe("1 所学校高于预期，1 所低于预期，1 所与平均水平无法区分（后验区间包含平均值）。");
    expect(en.at("P|E|数学").schools.takeaway).toBe("Schools above expectation: 1; below: 1; indistinguishable from average (posterior interval holds the average): 1.");
    expect(c.rows.map((r: Row) => r.school_name)).toEqual(["东校", "西校", "北校", "小校"]);
    // the chart draws the shrunk estimate and its posterior interval (va_shrunk ∓ 0.08 in these rows)
    expect(c.data.map((d: Row) => [d.label, d.value, d.low])).toEqual([["东校", 0.18, 0.18 - 0.08], ["西校", 0.02, 0.02 - 0.08], ["北校", -0.1275, -0.1275 - 0.08]]);
    expect(c.options.zeroLabel).toBe("0 = 与预期相当");
    expect(c.rows.filter((r: Row) => c.columns.some((col: {suppressed?: (r: Row) => boolean}) => col.suppressed?.(r))).map((r: Row) => r.school_name)).toEqual(["小校"]);
  });

  it("says how many flags chance alone would give, and how many survive a 5% false discovery rate", () => {
    // three published schools with q-values: 5% of 3 = 0.15 by chance; q < 0.05: 东校 (0.003) only
    expect(zh.at("P|E|数学").schools.note).toBe(
      "多重比较：同时比较 3 所学校，即使各校实际没有差别，按原始 95% 区间也约有 0.2 所会仅因偶然被判为高于或低于平均；按错误发现率 5% 校正（Benjamini–Hochberg）后仍显著的有 1 所。"
    );
    expect(en.at("P|E|数学").schools.note).toBe(
      "Multiple comparisons: with 3 schools compared at once, about 0.2 would be flagged above or below average by chance alone by raw 95% intervals even if no school differed; 1 stay flagged at a 5% false discovery rate (Benjamini–Hochberg)."
    );
    // a pair without q-values (all suppressed, or an older edition) has no such line
    expect(zh.at("P|E|语文").schools.note).toBeUndefined();
  });

  it("names the school shrunk most, towards the average school", () => {
    // |raw − shrunk|: 东校 0.02, 北校 0.0225, 西校 0.03; grand mean +0.004
    expect(zh.at("P|E|数学").shrink.takeaway).toBe("西校收缩最多（50 名学生，信度 0.50）：从 +0.05 收缩到 +0.02。虚线表示不收缩，学生越少的学校越偏离虚线、向平均水平（+0.004）靠拢。");
  });

  it("shows the groups' own value-added where it means something, and says why not in a group joint exam", () => {
    const c = zh.at("P|E|数学").groups;
    expect(c.title).toBe("各集团的增值及 95% 区间");
    expect(c.takeaway).toBe("甲集团增值最高（+0.04），乙集团最低（-0.03）。");
    expect(c.data.map((d: Row) => [d.label, d.value])).toEqual([["甲集团", 0.04], ["丙集团", 0.01], ["乙集团", -0.03]]);
    const joint = zh.at("GP|GE|数学").groups;
    expect(joint.takeaway).toBe("这对考试是甲集团期末联考，只有本集团的学校参加，预测也只用本集团学生，集团整体增值按定义为 0；请看下图牵头校与成员校之差。");
    expect(joint.data).toBeNull();
  });

  it("plots lead minus members under a title that says so, \"<10\" only for a side too small, \"—\" explained for a side with none", () => {
    const c = zh.at("P|E|数学").leadMembers;
    expect(c.title).toBe("牵头校与成员校的增值之差");
    expect(c.takeaway).toBe("甲集团牵头校减成员校的增值差为 +0.10 个标准差；负值表示成员校学生进步更多。");
    expect(c.data.map((d: Row) => [d.label, d.value, d.low, d.high])).toEqual([["甲集团", 0.1, 0.1 - 0.08, 0.1 + 0.08]]);
    const lm = c.columns.find((col: Row) => col.name === "lead_minus_members");
    expect(c.rows.map((r: Row) => [r.name, lm.suppressed(r)])).toEqual([["甲集团", false], ["乙集团", false], ["丙集团", true]]);
    expect(lm.format(null)).toBe("—");
    expect(c.note).toBe("区间：发布的牵头校减成员校之差的 95% 置信区间（± 1.96 个标准误）。“—”表示该集团的牵头校或成员校没有学生参加这对考试，无可比较。");
    expect(c.options.zeroLabel).toBe("0 = 两者相同");
    // a pair where every group has both sides: no footnote, no "—" sentence
    const joint = zh.at("GP|GE|数学").leadMembers;
    expect(joint.rows.some((r: Row) => joint.columns.some((col: {suppressed?: (r: Row) => boolean}) => col.suppressed?.(r)))).toBe(false);
    expect(joint.note).toBe("区间：发布的牵头校减成员校之差的 95% 置信区间（± 1.96 个标准误）。");
    expect(en.at("P|E|数学").leadMembers.takeaway).toBe("In 甲集团, lead minus members is +0.10 SD: a negative value means the members' students progressed more than the lead's.");
  });

  it("ranges lead minus members when several groups have it", () => {
    const more = [...groupsVa, group("B", PE, 0.02, 50, 60, -0.05)].filter((r, i) => i !== 0);
    expect(valueAddedView({schools, groupsVa: more, groups, exams}, config, "zh").at("P|E|数学").leadMembers.takeaway).toBe(
      "牵头校减成员校的增值差在 -0.05 至 +0.10 个标准差之间；负值表示成员校学生进步更多。"
    );
  });
});
