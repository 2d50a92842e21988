// The list of groups' view on three hand-made groups; every expected text is worked out by hand.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {groupsView, inSchoolOrder} from "../../src/views/groups.js";

type Row = Record<string, unknown>;
const profile = (period: string, group_id: string, group_name: string, lead: string, n_members: number, n_students: number, share_rural_students: number, stages: string[]): Row => ({
  period,
  group_id,
  group_name,
  group_type: "tight",
  lead_school_name: lead,
  n_members,
  n_students,
  share_rural_students,
  stages,
  max_distance_km: 3,
  established_date: new Date("2024-09-01")
});
const profiles = [
  profile("2025Q3", "G/1", "城东集团", "城东小学", 4, 3000, 0.1, ["senior", "primary", "nine_year", "junior"]),
  profile("2025Q3", "G2", "乡村共同体", "甲乡中心学校", 3, 900, 0.6, ["primary"]),
  profile("2025Q3", "G3", "城西集团", "城西中学", 2, 5000, 0, ["junior"]),
  profile("2025Q2", "G2", "乡村共同体", "甲乡中心学校", 2, 800, 0.5, ["primary"])
];
const config = {min_n: 10};

describe("groupsView", () => {
  const zh = groupsView({profiles}, config, "zh");
  const en = groupsView({profiles}, config, "en");

  it("offers the periods latest first", () => {
    expect(zh.periods).toEqual(["2025Q3", "2025Q2"]);
  });

  it("lists a period's groups largest first, counts their schools and names the most rural", () => {
    const c = zh.at("2025Q3");
    expect(c.rows.map((r: Row) => r.group_id)).toEqual(["G3", "G/1", "G2"]);
    // 4 + 3 + 2 = 9 schools; 乡村共同体 has the largest rural share, 60%
    expect(c.takeaway).toBe("2025年第3季度共有 3 个集团，成员校（含牵头校）9 所。乡村学生占比最高的是乡村共同体（60.0%）。");
    expect(en.at("2025Q3").takeaway).toBe("3 groups in 2025 Q3, with 9 member schools (leads included). 乡村共同体 has the largest share of rural students (60.0%).");
  });

  it("filters by group or lead school name and says so", () => {
    const c = zh.at("2025Q3", "城");
    expect(c.rows.map((r: Row) => r.group_id)).toEqual(["G3", "G/1"]);
    // 城西 has no rural students, 城东 10%
    expect(c.takeaway).toBe("2025年第3季度符合“城”的有 2 个集团，成员校（含牵头校）6 所。乡村学生占比最高的是城东集团（10.0%）。");
    expect(zh.at("2025Q3", "甲乡").rows.map((r: Row) => r.group_id)).toEqual(["G2"]);
    expect(zh.at("2025Q3", "北京").takeaway).toBe("没有符合“北京”的集团。");
  });

  it("lists stages in school order, not by their English codes", () => {
    expect(inSchoolOrder(["senior", "primary", "nine_year", "junior", "complete_secondary"])).toEqual(["primary", "junior", "nine_year", "senior", "complete_secondary"]);
    const c = zh.at("2025Q3");
    const g1 = c.rows.find((r: Row) => r.group_id === "G/1");
    expect(g1.stages).toEqual(["primary", "junior", "nine_year", "senior"]);
    const stages = c.columns.find((col: Row) => col.name === "stages");
    expect(stages.label).toBe("学段");
    expect(stages.format(g1.stages)).toBe("小学、初中、九年一贯制和高中");
  });

  it("links each name to the group's page, its id made safe for a path", () => {
    const name = zh.at("2025Q3").columns.find((col: Row) => col.name === "group_name");
    expect(name.href({group_id: "G/1"})).toBe("groups/G%2F1.html");
  });

  it("counts groups by county and type, naming each type in words", () => {
    const count = (county: string, group_type: string, n_groups: number, n_schools: number): Row => ({period: "2025Q3", county, group_type, n_groups, n_schools, n_memberships: n_schools, n_groups_without_members: 0});
    // 九龙坡区's report: 10 groups, 5 共同体, 8 结对帮带体 — 23 in all
    const counts = [count("九龙坡区", "tight", 10, 60), count("九龙坡区", "community", 5, 30), count("九龙坡区", "pairing", 8, 16),
      count("九龙坡区", "all", 23, 90), count("all", "tight", 10, 60), count("all", "community", 5, 30), count("all", "pairing", 8, 16), count("all", "all", 23, 90)];
    const c = groupsView({profiles, counts}, config, "zh").countsAt("2025Q3");
    expect(c.takeaway).toBe("2025年第3季度共有 23 个集团：紧密型 10 个、结对帮带 8 个和共同体 5 个；成员学校（不重复）90 所。");
    expect(c.rows.map((r: Row) => r.group_type)).toEqual(["tight", "pairing", "community"]);
    expect(groupsView({profiles, counts}, config, "en").countsAt("2025Q3").takeaway).toBe("23 groups in 2025 Q3: Tight 10, Pairing 8 and Community 5; 90 distinct member schools.");
  });

  it("shows the latest district-wide bundled scores with their change, or why the edition leaves them out", () => {
    const row = (exam_id: string, exam_date: string, group_id: string, bundled_z: number | null, bundled_change: number | null, exam_scope = "district"): Row =>
      ({exam_id, subject: "math", group_id, exam_date: new Date(exam_date), exam_scope, n_lead: 100, n_members: 200, lead_weight: 0.5, bundled_z, previous_exam_id: bundled_change == null ? null : "E1", bundled_change});
    // E3 (later, district-wide) has no bundled score: one side sat no one; J is a group joint exam
    const bundled = [row("E1", "2025-01-10", "G2", 0.1, null), row("E2", "2025-06-27", "G2", -0.2, -0.3), row("E2", "2025-06-27", "G3", 0.4, 0.1),
      row("J", "2025-09-10", "G3", 0.9, null, "group"), row("E3", "2025-09-20", "G3", null, null)];
    const exams = [{exam_id: "E1", exam_name: "上学期期末"}, {exam_id: "E2", exam_name: "下学期期末"}];
    const c = groupsView({profiles, bundled, exams}, {...config, bundled: {lead_weight: 0.5}}, "zh").bundled;
    // the latest district-wide exam with a score is E2 (27 June): G3 0.4 first, then G2 −0.2; one of two rose
    expect(c.rows.map((r: Row) => [r.group_name, r.exam])).toEqual([["城西集团", "下学期期末"], ["乡村共同体", "下学期期末"]]);
    expect(c.takeaway).toBe("最近一次区统考（2025年6月27日）各集团的捆绑分：牵头校平均标准分占 50%，成员校平均标准分占其余。与上一次区统考相比，2 个集团·学科中有 1 个上升。");
    const withheld = groupsView({profiles, bundled: [], exams, edition: {edition: "public", left_out: {tables: [{table: "group_bundled", reason: {code: "lead_one_school"}}], columns: [], rows: []}}}, config, "zh").bundled;
    expect(withheld.withheld).toBe("lead_one_school");
  });
});
