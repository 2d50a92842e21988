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
});
