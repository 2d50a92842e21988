// The teacher exchange page's view on one hand-made county with three groups and six flows; every expected
// text and sum is worked out by hand from the rows below.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {flowRole, sumFlows, teachersView} from "../../src/views/teachers.js";
// @ts-expect-error: a plain JavaScript module of the site
import {STATUS_COLORS} from "../../src/components/colors.js";

type Row = Record<string, unknown>;
const Y = "2025-2026";
const config = {min_n: 10, targets: {exchange_rate: 0.1, exchange_backbone_share: 0.2}};

/** a teacher_exchange row: n exchanged of `eligible`, b of them backbone; met flags as the SQL sets them */
function scope(scope: string, scope_id: string, eligible: number, n: number, b: number, year = Y): Row {
  return {
    school_year: year,
    scope,
    scope_id,
    n_eligible: eligible,
    n_exchanged: n,
    exchange_rate: n / eligible,
    n_backbone_exchanged: b,
    backbone_share: n ? b / n : null,
    n_to_rural: 0,
    // urban → rural: the scope's urban base is its eligible count here, half of those exchanged went down
    n_urban_base: eligible,
    n_urban_to_rural: Math.floor(n / 2),
    urban_rural_rate: Math.floor(n / 2) / eligible,
    meets_urban_rural: Math.floor(n / 2) / eligible >= 0.15,
    meets_rate: n / eligible >= 0.1,
    meets_backbone: n ? b / n >= 0.2 : false,
    eligibility_basis: "six_years"
  };
}
const exchange = [
  scope("county", "甲县", 400, 30, 6), // 7.5%, backbone 20%
  scope("group", "G1", 100, 12, 1), // 12%, backbone 8.3%
  scope("group", "G2", 100, 4, 2), // 4%: lowest, 6.0 points short; backbone 50%
  scope("group", "G3", 50, 0, 0), // 0%: no exchanges, so not among the backbone rows
  scope("school", "S1", 20, 3, 1), // a school row: not on this page
  scope("county", "甲县", 400, 50, 10, "2024-2025")
];
const groups = [
  {group_id: "G1", group_name: "一中集团"},
  {group_id: "G2", group_name: "二小集团"},
  {group_id: "G3", group_name: "三小集团"}
];

/** an exchange_flows row: n teachers from a school (locality, group, role) to another */
function flow(n: number, from: [string, string | null, string | null], to: [string, string | null, string | null], year = Y): Row {
  return {
    school_year: year,
    n_teachers: n,
    from_locality: from[0],
    from_group_id: from[1],
    from_role: from[2],
    to_locality: to[0],
    to_group_id: to[1],
    to_role: to[2]
  };
}
const flows = [
  flow(5, ["urban", "G1", "lead"], ["rural", "G1", "member"]),
  flow(3, ["urban", "G1", "lead"], ["town", "G1", "member"]),
  flow(2, ["rural", "G1", "member"], ["urban", "G1", "lead"]),
  flow(4, ["urban", "G2", null], ["rural", "G2", "member"]), // in a group with no role: a member
  flow(1, ["town", null, null], ["urban", "G2", "lead"]), // from a school in no group
  flow(6, ["urban", "G2", "lead"], ["urban", "G1", "lead"]), // urban to urban: neither direction
  flow(9, ["urban", "G1", "lead"], ["rural", "G1", "member"], "2024-2025")
];

describe("flowRole and sumFlows", () => {
  it("takes a school in no group as 'none' and one in a group with no role as a member", () => {
    expect(flowRole(flows[3], "from")).toBe("member");
    expect(flowRole(flows[4], "from")).toBe("none");
    expect(flowRole(flows[4], "to")).toBe("lead");
  });

  it("sums teachers per sending and receiving category, in the given order", () => {
    const byRole = sumFlows(flows.slice(0, 6), flowRole, ["lead", "member", "none"]);
    // lead→member 5 + 3, lead→lead 6, member→lead 2, member→member 4, none→lead 1
    expect(byRole).toEqual([
      {from: "lead", to: "lead", n: 6},
      {from: "lead", to: "member", n: 8},
      {from: "member", to: "lead", n: 2},
      {from: "member", to: "member", n: 4},
      {from: "none", to: "lead", n: 1}
    ]);
  });
});

describe("teachersView", () => {
  const zh = teachersView({exchange, flows, groups}, config, "zh");
  const en = teachersView({exchange, flows, groups}, config, "en");

  it("offers the school years latest first and states the targets", () => {
    expect(zh.years).toEqual(["2025-2026", "2024-2025"]);
    expect(zh.lead).toContain("目标 ≥ 10%，其中骨干教师占比 ≥ 20%");
    // no exchange basis in the config: the national rule's, in words
    expect(zh.lead).toContain("口径：分母为应交流教师（在校满6年的专任教师）；交流到任何学校都计入；跟岗不计入交流；只含公办义务教育学校（不含高中、职业、特殊教育和民办学校）。");
    const ganzhou = teachersView({exchange, flows, groups}, {...config, exchange: {denominator: "full_time", scope: "within_group", include_shadow: false, schools: "compulsory_public"}}, "en");
    expect(ganzhou.lead).toContain("Basis: the rate divides by all full-time teachers; only exchanges within a group count (a group's rate only those to its own schools or sections);");
  });

  it("shows the urban-to-rural rate against its 15% default where there are urban schools", () => {
    const c = zh.at(Y).urbanRural;
    const rows = exchange.filter((r) => r.school_year === Y && r.scope !== "school" && (r.n_urban_base as number) > 0);
    expect(c.rows.length).toBe(rows.length);
    expect(c.options.limit).toBe(0.15);
    const met = rows.filter((r) => r.meets_urban_rural).length;
    expect(c.takeaway).toBe(`2025-2026 学年，有城区学校的 ${rows.length} 个区县和集团中，${met} 个由城区派往镇区、乡村学校的教师达到城区学校的应交流教师的 15%。`);
  });

  it("lists counties then groups by rate, and names the group furthest below the target in percentage points", () => {
    const c = zh.at(Y).rate;
    expect(c.rows.map((r: Row) => r.name)).toEqual(["甲县", "一中集团", "二小集团", "三小集团"]);
    expect(c.takeaway).toBe("2025-2026 学年，3 个集团中有 1 个达到 10% 的目标。三小集团最低：0.0%，距目标还差 10.0 个百分点。");
    expect(en.at(Y).rate.takeaway).toBe("In 2025-2026, 1 of 3 groups reach the 10% target. 三小集团 is lowest at 0.0%, 10.0 percentage points short of the target.");
    expect(c.data.map((d: Row) => d.color)).toEqual([STATUS_COLORS.short, STATUS_COLORS.ok, STATUS_COLORS.short, STATUS_COLORS.short]);
    expect(c.data[1].text).toBe("12.0%");
    // the axis runs to 1.5 × the target unless a bar is longer
    expect(c.options.domain[0]).toBe(0);
    expect(c.options.domain[1]).toBeCloseTo(0.15, 12);
    expect(c.columns.find((col: Row) => col.name === "scope").format("group")).toBe("集团");
  });

  it("says when no group has data, and when nothing has", () => {
    const countyOnly = teachersView({exchange: exchange.filter((r) => r.scope === "county"), flows, groups}, config, "zh");
    expect(countyOnly.at(Y).rate.takeaway).toBe("2025-2026 学年没有集团的交流数据；图中只有区县。");
    const none = teachersView({exchange: [], flows: [], groups}, config, "zh");
    expect(none.years).toEqual([]);
    expect(none.at(Y).rate.takeaway).toBe("暂无数据。");
    expect(none.at(Y).rate.data).toBeUndefined();
  });

  it("counts the backbone share only where teachers were exchanged", () => {
    const c = zh.at(Y).backbone;
    expect(c.rows.map((r: Row) => r.name)).toEqual(["甲县", "一中集团", "二小集团"]);
    // 甲县 6/30 = 20% and 二小 2/4 = 50% meet 20%; 一中 1/12 does not
    expect(c.takeaway).toBe("有交流的 3 个区县和集团中，2 个的骨干教师占比达到 20%。");
    expect(c.data.map((d: Row) => d.value)).toEqual([0.2, 1 / 12, 0.5]);
    expect(c.options.limit).toBe(0.2);
  });

  it("sums the flows between urban, town and rural schools in both directions", () => {
    const c = zh.at(Y).locality;
    // 21 in all; urban → town/rural 5 + 3 + 4 = 12; town/rural → urban 2 + 1 = 3; urban → urban 6
    expect(c.takeaway).toBe("2025-2026 学年共交流 21 人次：12 人次由城区学校到镇区、乡村学校，3 人次由镇区、乡村学校到城区学校。");
    expect(en.at(Y).locality.takeaway).toBe("In 2025-2026, 21 teachers were exchanged: 12 went from urban schools to town or rural schools and 3 the other way.");
    expect(c.rows).toEqual([
      {from_locality: "urban", to_locality: "urban", n_teachers: 6},
      {from_locality: "urban", to_locality: "town", n_teachers: 3},
      {from_locality: "urban", to_locality: "rural", n_teachers: 9},
      {from_locality: "town", to_locality: "urban", n_teachers: 1},
      {from_locality: "rural", to_locality: "urban", n_teachers: 2}
    ]);
    expect(c.columns[0].format("rural")).toBe("乡村");
    expect(c.data).toHaveLength(5);
    expect(c.filename).toBe("exchange_flows_locality_2025-2026");
  });

  it("sums the flows between lead and member schools, naming schools in no group in words", () => {
    const c = zh.at(Y).role;
    // lead → member 5 + 3, member → lead 2, member → member 4 (the school with no role counts as a member)
    expect(c.takeaway).toBe("2025-2026 学年，牵头校派往成员校 8 人次，成员校派往牵头校 2 人次，成员校之间 4 人次。");
    expect(en.at(Y).role.takeaway).toBe("In 2025-2026, 8 teachers went from lead schools to members, 2 from members to leads and 4 between members.");
    expect(c.columns[0].format("none")).toBe("不在集团");
    expect(en.at(Y).role.columns[0].format("none")).toBe("Not in a group");
    expect(c.note).not.toMatch(/[a-z]_[a-z]/);
  });

  it("draws no flow chart for a year without exchanges and says why", () => {
    const c = teachersView({exchange, flows: flows.filter((r) => r.school_year !== Y), groups}, config, "zh").at(Y);
    expect(c.locality.data).toBeUndefined();
    expect(c.locality.takeaway).toBe("2025-2026 学年没有教师交流记录，所以没有流向可画。");
    expect(c.role.data).toBeUndefined();
    expect(c.role.rows).toEqual([]);
  });
});
