// The schools index's view on a few hand-made schools: filters by county, stage, locality and text, the
// stage and locality choices in the site's order, and the cap on rows for a province's 10,000 schools.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {LIMIT, schoolsView} from "../../src/views/schools.js";

type Row = Record<string, any>;
const schools = [
  {school_id: "2162000001", school_name: "甘州区南关学校", county: "甘州区", stage: "nine_year", locality: "urban"},
  {school_id: "2162000021", school_name: "长安镇中心学校", county: "甘州区", stage: "primary", locality: "town"},
  {school_id: "2162000030", school_name: "平山湖中心学校", county: "甘州区", stage: "primary", locality: "rural"},
  {school_id: "2262000001", school_name: "临泽县第一小学", county: "临泽县", stage: "primary", locality: "urban"}
];
const config = {min_n: 10};

describe("schoolsView", () => {
  const zh = schoolsView({schools}, config, "zh");
  const en = schoolsView({schools}, config, "en");

  it("offers every county, and the stages and localities present in the site's order", () => {
    // "all" first, then by pinyin: gān before lín
    expect(zh.counties).toEqual(["", "甘州区", "临泽县"]);
    expect(zh.stages).toEqual(["", "primary", "nine_year"]);
    expect(zh.localities).toEqual(["", "urban", "town", "rural"]);
    expect(zh.stageName("")).toBe("全部");
    expect(zh.stageName("nine_year")).toBe("九年一贯制");
    expect(en.localityName("town")).toBe("Town");
    expect(zh.lead).toBe("共 4 所学校。按区县、学段、城乡类型筛选，或输入校名、学校代码查找；点击校名打开学校页面。");
  });

  it("filters by county, stage and locality together, and by part of a name or code", () => {
    expect(zh.at("甘州区", "primary").rows.map((r: Row) => r.school_id)).toEqual(["2162000021", "2162000030"]);
    expect(zh.at("", "primary", "urban").rows.map((r: Row) => r.school_id)).toEqual(["2262000001"]);
    expect(zh.at("", "", "", "中心").rows).toHaveLength(2);
    expect(zh.at("", "", "", " 22620 ").rows.map((r: Row) => r.school_name)).toEqual(["临泽县第一小学"]);
    expect(zh.at("甘州区", "", "", "中心").takeaway).toBe("找到 2 所学校。");
    expect(en.at("临泽县", "nine_year").takeaway).toBe("No school matches.");
  });

  it("links each name to the school's page", () => {
    const card = zh.at();
    expect(card.columns[0].href(card.rows[0])).toBe(`schools/${card.rows[0].school_id}.html`);
  });

  it("lists at most LIMIT schools and says how many matched", () => {
    const many = Array.from({length: LIMIT + 50}, (_, i) => ({school_id: `S${i}`, school_name: `学校${i}`, county: "甲县", stage: "primary", locality: "rural"}));
    const card = schoolsView({schools: many}, config, "en").at();
    expect(card.rows).toHaveLength(LIMIT);
    expect(card.takeaway).toBe(`${LIMIT + 50} schools found; the table lists the first ${LIMIT}. Narrow the filter to see the rest.`);
  });
});
