// A group page's view on a hand-made group of three schools: a senior high school leads two members, so the
// lead has no students in the members' exams. Every expected text and number is worked out by hand.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {groupView} from "../../src/views/group.js";
// @ts-expect-error: a plain JavaScript module of the site
import {integerTicks} from "../../src/components/ticks.js";
// @ts-expect-error: a plain JavaScript module of the site
import {BAND_COLORS, DIRECTION_COLORS, GREYS, ROLE_COLORS} from "../../src/components/colors.js";

type Row = Record<string, any>;
const P = "2025Q3";
const member = (school_id: string, school_name: string, role: string, locality: string, stage: string, distance_km: number | null): Row => ({
  period: P,
  group_id: "G1",
  school_id,
  school_name,
  role,
  is_lead: role === "lead",
  locality,
  stage,
  n_students: 500,
  distance_km,
  joined_date: new Date("2024-09-01"),
  lat: 39,
  lon: 100
});
const resource = (school_id: string, school_name: string, section: string, n_met: number, is_compliant: boolean): Row => ({period: P, school_id, school_name, section, n_met, is_compliant});
const examRow = (school_id: string, school_name: string, is_suppressed: boolean, pass_rate: number | null, mean_score: number | null): Row => ({
  exam_id: "E1",
  subject: "数学",
  school_id,
  school_name,
  full_marks: 100,
  locality: "rural",
  n_students: is_suppressed ? 6 : 60,
  is_suppressed,
  mean_score,
  mean_rate: mean_score == null ? null : mean_score / 100,
  excellent_rate: is_suppressed ? null : 0.2,
  pass_rate,
  low_rate: is_suppressed ? null : 0.1,
  mean_z: 0
});
const flow = (school_year: string, from: [string, string, string], to: [string, string, string], n_teachers: number, n_backbone: number): Row => ({
  school_year,
  from_school_id: from[0],
  from_group_id: from[1],
  from_role: from[2],
  to_school_id: to[0],
  to_group_id: to[1],
  to_role: to[2],
  from_school_name: from[0],
  to_school_name: to[0],
  n_teachers,
  n_backbone
});
const L: [string, string, string] = ["L", "G1", "lead"];
const M1: [string, string, string] = ["M1", "G1", "member"];
const M2: [string, string, string] = ["M2", "G1", "member"];
const X: [string, string, string] = ["X", "G9", "lead"];

const group = {
  group_id: "G1",
  profile: [
    {period: "2025Q2", group_id: "G1", group_name: "旧名集团"},
    {
      period: P,
      group_id: "G1",
      group_name: "甲中学教育集团",
      group_type: "tight",
      lead_school_id: "L",
      lead_school_name: "甲中学",
      n_members: 3,
      n_students: 1500,
      share_rural_students: 2 / 3,
      stages: ["junior", "primary", "senior"],
      max_distance_km: 12.34,
      established_date: new Date("2024-09-01")
    }
  ],
  members: [member("M2", "丙学校", "member", "rural", "junior", 12.34), member("L", "甲中学", "lead", "urban", "senior", null), member("M1", "乙小学", "member", "rural", "primary", 5)],
  resources: [resource("M2", "丙学校", "junior", 4, false), resource("M1", "乙小学", "primary", 7, true), resource("M2", "丙学校", "primary", 5, false)],
  exams: [examRow("M2", "丙学校", false, 0.5, 60.4), examRow("M3", "丁小学", true, null, null), examRow("M1", "乙小学", false, 0.8, 75.5)],
  gaps: [] as Row[],
  va_schools: [
    {prior_exam_id: "E0", exam_id: "E1", subject: "数学", school_id: "M3", school_name: "丁小学", n_students: 6, is_suppressed: true, va: null, ci_low: null, ci_high: null, va_shrunk: null, band: null},
    {prior_exam_id: "E0", exam_id: "E1", subject: "数学", school_id: "M2", school_name: "丙学校", n_students: 60, is_suppressed: false, va: -0.1, ci_low: -0.3, ci_high: 0.1, va_shrunk: -0.05, va_shrunk_low: -0.2, va_shrunk_high: 0.1, band: "average"},
    {prior_exam_id: "E0", exam_id: "E1", subject: "数学", school_id: "M1", school_name: "乙小学", n_students: 60, is_suppressed: false, va: 0.2, ci_low: 0.05, ci_high: 0.35, va_shrunk: 0.15, va_shrunk_low: 0.02, va_shrunk_high: 0.28, band: "above"}
  ],
  va_group: [
    {prior_exam_id: "E0", exam_id: "E1", subject: "数学", group_id: "G1", n_students: 120, n_lead: 0, n_members: 120, is_suppressed: false, va: 0.05, ci_low: 0.01, ci_high: 0.09, lead_minus_members: null},
    {prior_exam_id: "E0", exam_id: "E1", subject: "语文", group_id: "G1", n_students: 108, n_lead: 8, n_members: 100, is_suppressed: false, va: -0.02, ci_low: -0.06, ci_high: 0.02, lead_minus_members: null}
  ],
  exchange: [
    {school_year: "2025-2026", n_exchanged: 7, n_eligible: 70, exchange_rate: 0.1, backbone_share: 3 / 7},
    {school_year: "2024-2025", n_exchanged: 5, n_eligible: 60, exchange_rate: 5 / 60, backbone_share: 0.2}
  ],
  flows: [
    flow("2024-2025", L, M1, 3, 1),
    flow("2024-2025", L, M2, 2, 0),
    flow("2025-2026", L, M1, 1, 1),
    flow("2025-2026", M1, L, 2, 0),
    flow("2025-2026", X, M2, 4, 2)
  ]
};
const exams = [
  {exam_id: "E0", exam_name: "期初监测", exam_date: Date.UTC(2025, 0, 10), grade: 6, full_marks: 100},
  {exam_id: "E1", exam_name: "期末监测", exam_date: Date.UTC(2025, 5, 20), grade: 6, full_marks: 100}
];
const config = {min_n: 10, targets: {exchange_rate: 0.1}};

describe("groupView", () => {
  const zh = groupView({group, exams}, config, "zh");
  const en = groupView({group, exams}, config, "en");

  it("states the group's facts at the latest period, its stages in school order", () => {
    expect(zh.title).toBe("甲中学教育集团");
    expect(zh.facts).toBe(
      "2025年第3季度：紧密型集团，成立于 2024年9月1日；牵头校 甲中学；学段：小学、初中和高中；成员校（含牵头校）3 所，学生 1,500 人，乡村学生占 66.7%。最远成员校距牵头校 12.3 km。"
    );
    expect(en.facts).toContain("stages: primary, junior secondary and senior secondary;");
  });

  it("puts the lead first on the map and legends only the localities there", () => {
    expect(zh.map.rows.map((r: Row) => r.school_id)).toEqual(["L", "M1", "M2"]);
    expect(zh.map.takeaway).toBe("共 3 所学校：城区 1 所和乡村 2 所。");
    expect(zh.map.legend.map(([name]: [string]) => name)).toEqual(["城区", "乡村", "牵头校"]);
  });

  it("counts compliant sections against the 6-of-7 line and names the one with the fewest", () => {
    const r = zh.resources;
    // 丙学校 has two sections, so each is named; 乙小学 has one
    expect(r.data.map((d: Row) => d.label)).toEqual(["乙小学", "丙学校（小学）", "丙学校（初中）"]);
    expect(r.takeaway).toBe("2025年第3季度，3 个学校学段中有 1 个综合达标（七项指标至少六项达标，其余不低于 85%）。达标项数最少的是丙学校（初中），4 项。");
    expect(r.options).toMatchObject({max: 7, threshold: 6});
    expect(r.data.map((d: Row) => [d.color, d.faded])).toEqual([[ROLE_COLORS.member, false], [ROLE_COLORS.member, true], [ROLE_COLORS.member, true]]);
    // the lead has no resource rows: the legend shows members and the line only
    expect(r.legend.map(([name]: [string]) => name)).toEqual(["成员校", "综合达标至少 6 项"]);
  });

  it("shows 三率一分: the pass-rate spread, the mean scores, and who is not published", () => {
    expect(zh.examKeys).toEqual(["E1|数学"]);
    const e = zh.exam("E1|数学");
    expect(e.rows.map((r: Row) => r.school_id)).toEqual(["M1", "M2", "M3"]);
    // pass rates 80% and 50%: 30.0 points apart; means 60.4 and 75.5
    expect(e.takeaway).toBe("期末监测（数学）：及格率最高的乙小学为 80.0%，最低的丙学校为 50.0%，相差 30.0 个百分点；各校平均分 60.4 至 75.5 分（满分 100）。另有 1 所学校人数少于 10，不公开。");
    expect(e.data.map((d: Row) => [d.mean, d.note])).toEqual([[0.755, "均分 75.5"], [0.604, "均分 60.4"], [null, "少于 10 人，不公开"]]);
    expect(e.legend.map(([name]: [string]) => name)).toEqual(["优秀率", "及格率", "低分率", "平均分（按满分折算）"]);
    expect(e.columns.map((c: Row) => c.name)).toContain("mean_score");
  });

  it("says the senior-high lead has no students in the members' exams, which is not suppression", () => {
    expect(zh.gap.takeaway).toBe("牵头校甲中学（高中）没有学生参加成员校的这些考试，无法比较牵头校与成员校（不是人数少而不公开）。");
    expect(en.gap.takeaway).toBe("The lead school, 甲中学 (Senior secondary), has no students in the exams its members sat, so there is nothing to compare (this is not suppression).");
    expect(zh.gap.data).toBeNull();
  });

  it("tells the latest lead − members gap by its direction, and a side under min_n as suppression", () => {
    const gap = (exam_id: string, subject: string, value: number | null, n_second = 50): Row => ({
      exam_id, subject, comparison: "lead_member", n_first: 40, n_second, is_suppressed: value == null,
      gap: value, ci_low: value == null ? null : value - 0.15, ci_high: value == null ? null : value + 0.15
    });
    const shown = groupView({group: {...group, gaps: [gap("E1", "数学", -0.25), gap("E0", "语文", 0.3), {...gap("E1", "数学", 0.1), comparison: "urban_rural"}]}, exams}, config, "zh").gap;
    expect(shown.rows.map((r: Row) => r.exam_id)).toEqual(["E0", "E1"]);
    expect(shown.takeaway).toBe("2025年6月20日（数学）牵头校学生的平均标准分比成员校学生低 0.25（95% 置信区间 -0.40 至 -0.10）。");
    expect(shown.legend.map(([name]: [string]) => name)).toEqual(["数学", "语文"]);
    const hidden = groupView({group: {...group, gaps: [gap("E1", "数学", null, 6)]}, exams}, config, "zh").gap;
    expect(hidden.takeaway).toBe("每次考试成员校的学生都少于 10 人，差距按规则不公开。");
    expect(hidden.data).toBeNull();
  });

  it("plots the group's own value-added first, then its schools, and tells an absent lead from a small one", () => {
    expect(zh.pairKeys).toEqual(["E0|E1|数学", "E0|E1|语文"]);
    expect(zh.pairName("E0|E1|数学")).toBe("6年级 2025年1月10日 → 2025年6月20日 · 数学");
    const v = zh.va("E0|E1|数学");
    expect(v.title).toBe("集团增值评价：整体与各校");
    // the group's own estimate and interval; each school's shrunk estimate and posterior interval (its band's), raw hollow
    expect(v.data.map((d: Row) => [d.label, d.value, d.low, d.high, d.second, d.color])).toEqual([
      ["集团整体", 0.05, 0.01, 0.09, null, GREYS.ink],
      ["乙小学", 0.15, 0.02, 0.28, 0.2, BAND_COLORS.above],
      ["丙学校", -0.05, -0.2, 0.1, -0.1, BAND_COLORS.average]
    ]);
    expect(v.rows.map((r: Row) => r.school_name)).toEqual(["集团整体", "乙小学", "丙学校", "丁小学"]);
    expect(v.takeaway).toBe("集团整体增值 +0.05 个标准差（95% 区间 +0.01 至 +0.09）。牵头校甲中学没有该年级的学生，无法比较牵头校与成员校。1 所学校高于预期，0 所低于预期。");
    expect(v.legend.map(([name]: [string]) => name)).toEqual(["集团整体", "高于预期", "与预期相当"]);
    const lm = v.columns.find((c: Row) => c.name === "lead_minus_members");
    expect(lm.suppressed(v.rows[0])).toBe(false); // no lead students: "—", not "<10"

    const small = zh.va("E0|E1|语文");
    expect(small.takeaway).toBe("集团整体增值 -0.02 个标准差（95% 区间 -0.06 至 +0.02）。牵头校该年级学生少于 10 人，牵头校与成员校之差按规则不公开。");
    expect(small.columns.find((c: Row) => c.name === "lead_minus_members").suppressed(small.rows[0])).toBe(true);

    const withLead = {...group, va_group: [{...group.va_group[0], n_lead: 30, lead_minus_members: 0.123}]};
    expect(groupView({group: withLead, exams}, config, "zh").va("E0|E1|数学").takeaway).toContain("牵头校学生的增值比成员校学生高 0.12 个标准差。");
  });

  it("sums teachers per school year and direction seen from the group, and legends only the directions there", () => {
    const x = zh.exchange;
    expect(x.rows.map((r: Row) => [r.school_year, r.direction, r.n_teachers, r.n_backbone])).toEqual([
      ["2024-2025", "lead→member", 5, 1],
      ["2025-2026", "lead→member", 1, 1],
      ["2025-2026", "member→lead", 2, 0],
      ["2025-2026", "outside→member", 4, 2]
    ]);
    expect(x.options.keys).toEqual(["lead→member", "member→lead", "outside→member"]);
    expect(x.legend).toEqual([
      ["牵头校 → 成员校", DIRECTION_COLORS["lead→member"]],
      ["成员校 → 牵头校", DIRECTION_COLORS["member→lead"]],
      ["集团外 → 成员校", DIRECTION_COLORS["outside→member"]]
    ]);
    expect(x.takeaway).toBe("2025-2026 学年交流 7 人，占应交流教师 70 人的 10.0%（目标 10%），骨干教师占 42.9%。这一学年集团外 → 成员校的交流最多，4 人。");
    // on every full-time teacher's base (甘州's plan) the count is of full-time teachers, and the sentence says so
    const fullTime = groupView({group: {...group, exchange: group.exchange.map((r: Row) => ({...r, rate_denominator: "full_time", n_full_time: Number(r.n_eligible) * 2, exchange_rate: Number(r.n_exchanged) / (Number(r.n_eligible) * 2)}))}, exams}, config, "en");
    expect(fullTime.exchange.takeaway).toMatch(/^2025-2026: 7 of 140 full-time teachers exchanged \(5\.0%, target 10%\)/);
    // 3 + 2 + 1 + 2 + 4 = 12 moves; L→M1 in both years is one pair of schools
    expect(zh.flows.takeaway).toBe("2024-2025 至 2025-2026 学年共 12 人次交流，涉及 4 对派出与接收学校。");
    expect(zh.flows.rows.map((r: Row) => `${r.from_school_id}→${r.to_school_id}`)).toEqual(["X→M2", "M1→L", "L→M1", "L→M1", "L→M2"]);
  });

  it("lists a pair of schools once per direction, the rows of its sections (学部) summed", () => {
    // exchange_flows has a row per section pair: L's 小学部 and 初中部 both sent teachers to M1 (lead → member),
    // and X's 初中部 to M2 from outside; by school the lines are those of the whole-school rows
    const sections = {
      ...group,
      flows: [
        {...flow("2025-2026", L, M1, 2, 1), from_section: "primary", to_section: "primary"},
        {...flow("2025-2026", L, M1, 3, 0), from_section: "junior", to_section: "junior"},
        {...flow("2025-2026", X, M2, 1, 1), from_section: "junior", to_section: "junior"}
      ]
    };
    const v = groupView({group: sections, exams}, config, "zh");
    expect(v.flows.rows.map((r: Row) => [r.from_school_id, r.to_school_id, r.direction, r.n_teachers, r.n_backbone, "from_section" in r])).toEqual([
      ["L", "M1", "lead→member", 5, 1, false],
      ["X", "M2", "outside→member", 1, 1, false]
    ]);
    expect(v.flows.takeaway).toBe("2025-2026 学年共 6 人次交流，涉及 2 对派出与接收学校。");
    expect(v.exchange.rows.map((r: Row) => [r.direction, r.n_teachers, r.n_backbone])).toEqual([["lead→member", 5, 1], ["outside→member", 1, 1]]);
  });

  it("puts whole numbers on a count axis", () => {
    expect(integerTicks(2, 10)).toEqual([0, 1, 2]);
    expect(integerTicks(5, 4)).toEqual([0, 2, 4]);
    expect(integerTicks(76, 10)).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
  });
});

describe("a member that is a section of its school (学部)", () => {
  it("shows the section after the school's name in both languages, and a whole school as it is", async () => {
    // @ts-expect-error: a plain JavaScript module of the site
    const {memberName} = await import("../../src/views/group.js");
    const row = {school_name: "甘州区甘州中学", section: "primary"};
    expect(memberName("zh", row)).toBe("甘州区甘州中学（小学部）");
    expect(memberName("en", {...row, section: "junior"})).toBe("甘州区甘州中学 (junior section)");
    expect(memberName("zh", {school_name: "张掖市第二中学", section: "all"})).toBe("张掖市第二中学");
    // a file published before sections has no section column
    expect(memberName("en", {school_name: "南关学校"})).toBe("南关学校");
  });
});
