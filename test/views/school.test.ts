// A school page's view on a hand-made school: 山村小学 (S, rural primary) moved from 旧集团 to 甲集团 (lead L,
// members S and M); M, P1, P2 and P3 are the other rural primary schools that sat the same exam. Every expected
// text and number is worked out by hand in the comments.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {pooled, quantile, schoolHref, schoolView} from "../../src/views/school.js";
// @ts-expect-error: a plain JavaScript module of the site
import {groupView} from "../../src/views/group.js";
// @ts-expect-error: a plain JavaScript module of the site
import {BAND_COLORS, GREYS, STATUS_COLORS} from "../../src/components/colors.js";

type Row = Record<string, any>;
const P = "2025Q3";
const exam = (school_id: string, peer: string, n_students: number, pass_rate: number | null, excellent_rate: number | null, low_rate: number | null, mean_score: number | null): Row => ({
  exam_id: "E1",
  subject: "数学",
  school_id,
  peer,
  n_students,
  is_suppressed: pass_rate == null,
  pass_rate,
  excellent_rate,
  low_rate,
  mean_score,
  mean_rate: mean_score == null ? null : mean_score / 100,
  ...(peer === "self" ? {full_marks: 100} : {})
});
const va = (school_id: string, peer: string, value: number, extra: Row = {}): Row => ({prior_exam_id: "E0", exam_id: "E1", subject: "数学", school_id, peer, is_suppressed: false, va: value, ...extra});
const flow = (school_year: string, from: string, to: string, n_teachers: number, n_backbone: number): Row => ({
  school_year,
  from_school_id: from,
  to_school_id: to,
  from_school_name: `${from}校`,
  to_school_name: `${to}校`,
  from_group_id: from === "X" ? "G9" : "G1",
  to_group_id: to === "X" ? "G9" : "G1",
  n_teachers,
  n_backbone
});

const school = {
  school_id: "S",
  profile: [
    {period: "2025Q2", school_name: "山村小学", county: "甲县", stage: "primary", locality: "rural", ownership: "public", n_students: 380},
    {period: P, school_name: "山村小学", county: "甲县", stage: "primary", locality: "rural", ownership: "public", n_students: 400}
  ],
  members: [
    {period: "2025Q2", group_id: "G0", group_name: "旧集团", role: "member", is_lead: false, joined_date: new Date("2023-09-01"), distance_km: 8},
    {period: P, group_id: "G1", group_name: "甲集团", role: "member", is_lead: false, joined_date: new Date("2025-09-01"), distance_km: 12.34}
  ],
  resources: [
    // against the primary standard: 110%, 50%, 100%, 100%, 90%, 125%, 100% → five met, backbone furthest below
    {period: P, section: "primary", qualified_teachers_per_100: 4.62, backbone_per_100: 0.5, pe_arts_per_100: 0.9, teaching_area_per_student: 4.5, sports_area_per_student: 6.75, equipment_per_student: 2500, multimedia_per_100: 2.3, n_met: 5, is_compliant: false, is_section_estimated: false},
    {period: "2025Q2", section: "primary", qualified_teachers_per_100: 1, n_met: 1, is_compliant: false}
  ],
  flows: [flow("2024-2025", "S", "X", 2, 1), flow("2024-2025", "S", "L", 1, 0), flow("2024-2025", "L", "S", 3, 2), flow("2023-2024", "L", "S", 1, 0)],
  exams: [
    exam("S", "self", 40, 0.6, 0.2, 0.1, 70),
    exam("L", "group", 100, 0.8, 0.3, 0.05, 80),
    exam("M", "both", 50, 0.5, 0.1, 0.2, 60),
    exam("P1", "similar", 30, 0.4, 0.1, 0.3, 55),
    exam("P2", "similar", 20, 0.7, 0.25, 0.1, 72),
    exam("P3", "similar", 6, null, null, null, null)
  ],
  va: [
    va("S", "self", 0.1, {ci_low: 0.02, ci_high: 0.18, va_shrunk: 0.08, band: "above", n_students: 38}),
    va("M", "both", 0),
    va("P1", "similar", -0.12),
    va("P2", "similar", 0.18),
    va("P3", "similar", 0.06),
    {...va("P4", "similar", 0), is_suppressed: true, va: null}
  ],
  va_group: [{prior_exam_id: "E0", exam_id: "E1", subject: "数学", group_id: "G1", n_students: 188, is_suppressed: false, va: 0.05, ci_low: -0.01, ci_high: 0.11}]
};
const exams = [
  {exam_id: "E0", exam_name: "期初监测", exam_date: Date.UTC(2025, 0, 10), grade: 6, full_marks: 100},
  {exam_id: "E1", exam_name: "期末监测", exam_date: Date.UTC(2025, 5, 20), grade: 6, full_marks: 100}
];
const config = {
  min_n: 10,
  indicator_thresholds: {
    primary: {qualified_teachers_per_100: 4.2, backbone_per_100: 1, pe_arts_per_100: 0.9, teaching_area_per_student: 4.5, sports_area_per_student: 7.5, equipment_per_student: 2000, multimedia_per_100: 2.3}
  }
};

describe("quantile and pooled", () => {
  it("interpolates between order statistics", () => {
    // sorted −0.12, 0, 0.06, 0.18: the median sits halfway between 0 and 0.06; the quartiles at 0.75 and 2.25
    expect(quantile([0.18, -0.12, 0.06, 0], 0.5)).toBeCloseTo(0.03, 12);
    expect(quantile([0.18, -0.12, 0.06, 0], 0.25)).toBeCloseTo(-0.03, 12);
    expect(quantile([0.18, -0.12, 0.06, 0], 0.75)).toBeCloseTo(0.09, 12);
    expect(quantile([5], 0.25)).toBe(5);
    expect(quantile([], 0.5)).toBeNull();
  });

  it("pools rates over students, leaving suppressed schools out", () => {
    const p = pooled([{n_students: 50, pass_rate: 0.5, mean_score: 60}, {n_students: 30, pass_rate: 0.4, mean_score: 55}, {n_students: 20, pass_rate: 0.7, mean_score: 72}, {n_students: 6, is_suppressed: true, pass_rate: null}]);
    // (25 + 12 + 14) / 100; (3000 + 1650 + 1440) / 100
    expect(p.n_schools).toBe(3);
    expect(p.n_students).toBe(100);
    expect(p.pass_rate).toBeCloseTo(0.51, 12);
    expect(p.mean_score).toBeCloseTo(60.9, 12);
  });
});

describe("schoolView", () => {
  const zh = schoolView({school, exams}, config, "zh");
  const en = schoolView({school, exams}, config, "en");

  it("states the school's facts at the latest period", () => {
    expect(zh.title).toBe("山村小学");
    expect(zh.facts).toBe("甲县，小学，乡村；2025年第3季度在校生 400 人。办学性质：公办。");
    expect(en.facts).toBe("甲县; Primary, Rural; 400 students in 2025 Q3. Ownership: Public.");
  });

  it("lists its groups over time, the current one first, each linked to its page", () => {
    const g = zh.groups;
    expect(g.rows.map((r: Row) => [r.group_name, r.first_period, r.last_period, r.n_periods])).toEqual([["甲集团", P, P, 1], ["旧集团", "2025Q2", "2025Q2", 1]]);
    expect(g.takeaway).toBe("2025年第3季度：甲集团（成员校，2025年9月1日 加入）。");
    expect(en.groups.takeaway).toBe("2025 Q3: 甲集团 (member since 1 September 2025).");
    expect(g.columns[0].href({group_id: "G 1"})).toBe("../groups/G%201.html");
  });

  it("lists a 九年一贯制 school's sections in their own groups (甘州区's plan)", () => {
    const members = [
      {period: P, group_id: "GZ", group_name: "甘州中学教育集团", section: "primary", role: "lead", is_lead: true, joined_date: new Date("2024-11-01"), distance_km: 0},
      {period: P, group_id: "ZX", group_name: "中学教育集团", section: "junior", role: "member", is_lead: false, joined_date: new Date("2024-11-01"), distance_km: 2.5}
    ];
    const zhSplit = schoolView({school: {...school, members}, exams}, config, "zh");
    expect(zhSplit.groups.rows.map((r: Row) => [r.group_name, r.role])).toEqual([["中学教育集团（初中部）", "member"], ["甘州中学教育集团（小学部）", "lead"]]);
    const enSplit = schoolView({school: {...school, members}, exams}, config, "en");
    expect(enSplit.groups.rows.map((r: Row) => r.group_name)).toEqual(["中学教育集团 (junior section)", "甘州中学教育集团 (primary section)"]);
    expect(zhSplit.groups.takeaway).toBe("2025年第3季度：中学教育集团（初中部，成员校，2024年11月1日 加入）和甘州中学教育集团（小学部，牵头校，2024年11月1日 加入）。");
    expect(enSplit.groups.takeaway).toBe("2025 Q3: 中学教育集团 (junior section, member since 1 November 2024) and 甘州中学教育集团 (primary section, lead since 1 November 2024).");
  });

  it("compares each exam of a split school with the group holding the exam grade's section", () => {
    // 甘州中学: 小学部 in 甘州中学教育集团 (GZ), 初中部 in 中学教育集团 (ZX); E1 is grade 6 (小学部), E8 grade 8 (初中部)
    const members = [
      {period: P, group_id: "GZ", group_name: "甘州中学教育集团", section: "primary", role: "lead", is_lead: true, joined_date: new Date("2024-11-01"), distance_km: 0},
      {period: P, group_id: "ZX", group_name: "中学教育集团", section: "junior", role: "member", is_lead: false, joined_date: new Date("2024-11-01"), distance_km: 2.5}
    ];
    const comparison_groups = [
      {section: "primary", group_id: "GZ", group_name: "甘州中学教育集团"},
      {section: "junior", group_id: "ZX", group_name: "中学教育集团"}
    ];
    const junior = school.exams.map((r) => ({...r, exam_id: "E8"}));
    const split = {...school, members, comparison_groups, exams: [...school.exams, ...junior]};
    const splitExams = [...exams, {exam_id: "E8", exam_name: "八年级监测", exam_date: Date.UTC(2025, 5, 21), grade: 8, full_marks: 100}];
    const zhSplit = schoolView({school: split, exams: splitExams}, config, "zh");
    const enSplit = schoolView({school: split, exams: splitExams}, config, "en");
    expect(zhSplit.groups.takeaway).toBe(
      "2025年第3季度：中学教育集团（初中部，成员校，2024年11月1日 加入）和甘州中学教育集团（小学部，牵头校，2024年11月1日 加入）。" +
        "各学部分属不同集团，考试与增值按考试年级所在学部与该学部的集团比较：小学部—甘州中学教育集团和初中部—中学教育集团。"
    );
    expect(enSplit.groups.takeaway).toContain(
      "Its sections are in different groups; each exam and value-added is compared with the group of the exam grade's section: primary section: 甘州中学教育集团 and junior section: 中学教育集团."
    );
    // the same pooled rows (L 80%, M 50% → 70%), named by the exam's section: grade 6 → 甘州中学教育集团, grade 8 → 中学教育集团
    expect(zhSplit.results.exam("E1|数学").takeaway).toContain("比甘州中学教育集团其他成员校（2 所，70.0%）低 10.0 个百分点");
    expect(zhSplit.results.exam("E8|数学").takeaway).toContain("比中学教育集团其他成员校（2 所，70.0%）低 10.0 个百分点");
    expect(zhSplit.results.exam("E8|数学").note).toMatch(/^集团为本校初中部最近一期所在的中学教育集团（本次考试年级属初中部）；/);
    expect(enSplit.results.exam("E1|数学").note).toMatch(/^The group is 甘州中学教育集团, the group of the school's primary section in the latest period \(the exam's grade is in the primary section\); /);
    expect(enSplit.results.exam("E8|数学").takeaway).toContain("below the rest of 中学教育集团 (2 schools, 70.0%)");
    // value-added E0 → E1 (grade 6): 甘州中学教育集团 as a whole
    expect(zhSplit.results.va("E0|E1|数学").takeaway).toContain("甘州中学教育集团整体 +0.05（-0.01 至 +0.11）。");
    // an edition without per-school results (public) names the sections' groups without speaking of comparisons
    const publicSplit = schoolView({school: {...split, exams: null, va: null, va_group: null}, exams: splitExams}, config, "zh");
    expect(publicSplit.groups.takeaway).toMatch(/。各学部分属不同集团：小学部—甘州中学教育集团和初中部—中学教育集团。$/);
    expect(schoolView({school: {...split, exams: null, va: null, va_group: null}, exams: splitExams}, config, "en").groups.takeaway).toMatch(
      /\. Its sections are in different groups: primary section: 甘州中学教育集团 and junior section: 中学教育集团\.$/
    );
    // a school in one group (or whole) keeps the one-group wording
    expect(zh.results.exam("E1|数学").note).toMatch(/^集团为本校最近一期所在的甲集团；/);
    expect(zh.groups.takeaway).not.toContain("各学部");
  });

  it("says when the school left its group or never joined one", () => {
    const left = schoolView({school: {...school, members: school.members.slice(0, 1)}, exams}, config, "zh");
    expect(left.groups.takeaway).toBe("2025年第3季度未在任何集团；此前属于旧集团（至2025年第2季度）。");
    const never = schoolView({school: {...school, members: []}, exams}, config, "en");
    expect(never.groups.takeaway).toBe("Up to 2025 Q3 the school has not been in any group.");
  });

  it("sets each indicator against its standard, coloured by the balance page's rule", () => {
    expect(zh.resources).toHaveLength(1);
    const r = zh.resources[0];
    expect(r.rows.map((x: Row) => Math.round(x.ratio * 100))).toEqual([110, 50, 100, 100, 90, 125, 100]);
    expect(r.rows.map((x: Row) => x.status)).toEqual(["met", "below", "met", "met", "near", "met", "met"]);
    expect(r.data.map((x: Row) => x.color)).toEqual([STATUS_COLORS.ok, STATUS_COLORS.short, STATUS_COLORS.ok, STATUS_COLORS.ok, STATUS_COLORS.near, STATUS_COLORS.ok, STATUS_COLORS.ok]);
    expect(r.takeaway).toBe("2025年第3季度：7 项指标达标 5 项，未达到优质均衡标准。差距最大的是每百名学生拥有县级以上骨干教师数，为标准的 50%。");
    expect(en.resources[0].takeaway).toBe("2025 Q3: 5 of 7 indicators met; the school does not meet the standard. Furthest below: Backbone teachers per 100 students, at 50% of the standard.");
    expect(r.options.reference).toBe(1);
    expect(r.options.color(r.data[1])).toBe(STATUS_COLORS.short);
  });

  it("counts teachers sent and received in the latest school year", () => {
    const x = zh.exchange;
    // sent 2 + 1 (1 backbone) to X and L; received 3 (2 backbone) from L
    expect(x.takeaway).toBe("2024-2025学年派出教师 3 人（骨干 1 人，去往 2 所学校），接收 3 人（骨干 2 人，来自 1 所学校）。");
    expect(x.data).toEqual([
      {y: "2023-2024", key: "sent", value: 0},
      {y: "2023-2024", key: "received", value: 1},
      {y: "2024-2025", key: "sent", value: 3},
      {y: "2024-2025", key: "received", value: 3}
    ]);
    expect(x.rows[0]).toMatchObject({school_year: "2024-2025", direction: "received", other_school_name: "L校"});
    expect(x.columns[2].href({other_school_id: "X"})).toBe("X.html");
    // exchange_flows has a row per section (学部) pair: a nine-year school's 小学部 and 初中部 sending to the same
    // school in the same group make one line; to a school whose receiving sections are in two groups, two
    const sectioned = schoolView({school: {...school, flows: [
      {...flow("2024-2025", "S", "L", 2, 1), from_section: "primary", to_section: "primary"},
      {...flow("2024-2025", "S", "L", 1, 0), from_section: "junior", to_section: "primary"},
      {...flow("2024-2025", "S", "X", 1, 0), from_section: "primary", to_section: "primary"},
      {...flow("2024-2025", "S", "X", 2, 1), from_section: "junior", to_section: "junior", to_group_id: "G2"}
    ]}, exams}, config, "zh");
    expect(sectioned.exchange.rows.map((r: Row) => [r.other_school_id, r.other_group_id, r.n_teachers, r.n_backbone])).toEqual([
      ["L", "G1", 3, 1],
      ["X", "G2", 2, 1],
      ["X", "G9", 1, 0]
    ]);
    expect(sectioned.exchange.takeaway).toBe("2024-2025学年派出教师 6 人（骨干 2 人，去往 2 所学校），接收 0 人（骨干 0 人，来自 0 所学校）。");
    const none = schoolView({school: {...school, flows: []}, exams}, config, "zh");
    expect(none.exchange.takeaway).toBe("已公布的学年中，本校没有派出或接收交流教师。");
    expect(none.exchange.data).toBeNull();
  });

  it("compares 三率一分 with the rest of its group and with similar schools, pooled over students", () => {
    const e = zh.results.exam(zh.results.examKeys[0]);
    expect(zh.results.examKeys).toEqual(["E1|数学"]);
    // group (L, M): pass (80 + 25) / 150 = 70%, excellent (30 + 5) / 150; similar (M, P1, P2; P3 suppressed): 51%
    expect(e.rows.map((r: Row) => [r.unit, r.n_schools, r.n_students])).toEqual([["山村小学", 1, 40], ["本集团其他成员校", 2, 150], ["同类学校（同学段、同城乡）", 3, 100]]);
    expect(e.rows[1].pass_rate).toBeCloseTo(0.7, 12);
    expect(e.rows[1].excellent_rate).toBeCloseTo(35 / 150, 12);
    expect(e.rows[2].pass_rate).toBeCloseTo(0.51, 12);
    expect(e.rows[2].mean_score).toBeCloseTo(60.9, 12);
    // 60% is 10 pp below 70% and 9 pp above 51%; M (50%) and P1 (40%) are below it, P2 (70%) above
    expect(e.takeaway).toBe("本校及格率 60.0%，平均分 70.0（满分 100）。比甲集团其他成员校（2 所，70.0%）低 10.0 个百分点；比同类学校（3 所，51.0%）高 9.0 个百分点。同类学校中有 2 所（共 3 所）及格率低于本校。");
    expect(en.results.exam("E1|数学").takeaway).toBe(
      "Pass rate 60.0%, mean score 70.0 (out of 100). 10.0 percentage points below the rest of 甲集团 (2 schools, 70.0%); 9.0 percentage points above similar schools (3 schools, 51.0%). 2 of the 3 similar schools have a lower pass rate."
    );
  });

  it("says so when the school's own result is suppressed or no similar school sat the exam", () => {
    const own = {...school, exams: [exam("S", "self", 6, null, null, null, null), ...school.exams.slice(1)]};
    expect(schoolView({school: own, exams}, config, "zh").results.exam("E1|数学").takeaway).toBe("本校参考学生少于 10 人，结果不公开。");
    const alone = {...school, exams: school.exams.filter((r) => r.peer === "self" || r.peer === "group")};
    const e = schoolView({school: alone, exams}, config, "zh").results.exam("E1|数学");
    expect(e.takeaway).toBe("本校及格率 60.0%，平均分 70.0（满分 100）。比甲集团其他成员校（1 所，80.0%）低 20.0 个百分点；没有同学段、同城乡类型的学校参加同一考试。");
  });

  it("sets the school's value-added and interval beside its group's and the similar schools' median and middle half", () => {
    const v = zh.results.va(zh.results.pairKeys[0]);
    expect(zh.results.pairKeys).toEqual(["E0|E1|数学"]);
    // (Intl writes the minus as a hyphen) similar (M, P1, P2, P3; P4 suppressed): −0.12, 0, 0.06, 0.18 → median 0.03, quartiles −0.03 and 0.09
    expect(v.rows.map((r: Row) => r.n_schools)).toEqual([1, null, 4]);
    expect(v.rows[2].va).toBeCloseTo(0.03, 12);
    expect(v.rows[2].ci_low).toBeCloseTo(-0.03, 12);
    expect(v.rows[2].ci_high).toBeCloseTo(0.09, 12);
    expect(v.takeaway).toBe("本校增值 +0.10（95% 区间 +0.02 至 +0.18，高于预期）。甲集团整体 +0.05（-0.01 至 +0.11）。4 所同类学校的中位数 +0.03，中间一半在 -0.03 至 +0.09 之间。");
    expect(v.data.map((d: Row) => [d.label, d.color])).toEqual([["山村小学", BAND_COLORS.above], ["本集团整体", GREYS.ink], ["同类学校中位数（中间一半）", GREYS.none]]);
    expect(en.results.va("E0|E1|数学").takeaway).toContain("The median of 4 similar schools is +0.03; their middle half lies between -0.03 and +0.09.");
    // with the posterior interval published, the band is said beside it (the band comes from it, not from the raw one)
    const posterior = {...school, va: school.va.map((r: Row) => (r.peer === "self" ? {...r, va_shrunk_low: 0.01, va_shrunk_high: 0.15} : r))};
    expect(schoolView({school: posterior, exams}, config, "zh").results.va("E0|E1|数学").takeaway).toMatch(
      /^本校增值 \+0\.10（95% 区间 \+0\.02 至 \+0\.18）；向全区平均收缩后为 \+0\.08（后验 95% 区间 \+0\.01 至 \+0\.15，高于预期）。/
    );
  });

  it("shows the edition's note instead of results when the site has no per-school exam tables", () => {
    const pub = schoolView({school: {...school, exams: null, va: null, va_group: null}, exams: []}, config, "zh");
    expect(pub.results).toBeNull();
    expect(pub.edition).toMatchObject({id: "edition", title: "考试结果与增值评价"});
    expect(pub.edition.body).toContain("内部版");
    expect(pub.edition.body).toContain("不排名、不公布");
    expect(zh.edition).toBeNull();
    // the public parts are the same
    expect(pub.resources[0].takeaway).toBe(zh.resources[0].takeaway);
  });
});

describe("links to school pages", () => {
  it("encodes the id, from the root or from a folder below it", () => {
    expect(schoolHref("2162 0001")).toBe("schools/2162%200001.html");
    expect(schoolHref("S1", 1)).toBe("../schools/S1.html");
  });

  it("links each member on a group page to its school page", () => {
    const group = {group_id: "G1", profile: [], members: [{period: P, group_id: "G1", school_id: "S", school_name: "山村小学", role: "member", is_lead: false}], resources: [], exams: [], gaps: [], va_schools: [], va_group: [], exchange: [], flows: []};
    const v = groupView({group, exams: []}, {min_n: 10, targets: {exchange_rate: 0.1}}, "zh");
    const name = v.map.columns.find((c: Row) => c.name === "school_name");
    expect(name.href(v.map.rows[0])).toBe("../schools/S.html");
  });
});
