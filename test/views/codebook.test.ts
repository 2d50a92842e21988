// The methodology page's codebook on a hand-made data package of two tables: every field listed, its type,
// unit and codes in the page's language, names in the meaning marked as code, and the filter.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {codebookView, unitKey} from "../../src/views/codebook.js";

const pack = {
  resources: [
    {
      name: "coverage",
      schema: {
        primaryKey: ["period", "stage"],
        fields: [
          {name: "period", type: "string", description: "Period (quarter)", description_zh: "期（季度）"},
          {name: "stage", type: "string", description: "Stage", description_zh: "学段", constraints: {enum: ["primary", "junior", "all"]}},
          {name: "share_schools", type: "number", unit: "share", description: "Share of schools in groups = n_schools_in_group / n_schools", description_zh: "学校覆盖率 = n_schools_in_group / n_schools"}
        ]
      }
    },
    {
      name: "school_resources",
      schema: {
        primaryKey: ["school_id"],
        fields: [
          {name: "school_id", type: "string", description: "School identifier", description_zh: "学校标识码"},
          {name: "teaching_area_per_student", type: "number", unit: "m²/student", description: "Teaching floor area per student", description_zh: "生均教学用房面积"}
        ]
      }
    }
  ]
};

describe("codebookView", () => {
  const zh = codebookView(pack, {min_n: 10}, "zh");
  const en = codebookView(pack, {min_n: 10}, "en");

  it("lists every field of every table, with its type (and whether it is in the key), unit and codes in the page's language", () => {
    const card = zh.at("");
    expect(card.rows.map((row: {table: string; field: string}) => `${row.table}.${row.field}`)).toEqual([
      "coverage.period", "coverage.stage", "coverage.share_schools", "school_resources.school_id", "school_resources.teaching_area_per_student"
    ]);
    expect(card.rows[0]).toMatchObject({type: "文本（主键）", unit: "", codes: ""});
    expect(card.rows[1].codes).toBe("primary junior all");
    // the codes follow the meaning, as code
    expect(card.rows[1].description).toBe("学段。代码：`primary` `junior` `all`");
    expect(en.at("").rows[1].description).toBe("Stage. Codes: `primary` `junior` `all`");
    expect(card.columns.map((column: {name: string}) => column.name)).toEqual(["table", "field", "type", "unit", "description"]);
    expect(card.rows[2]).toMatchObject({type: "数值", unit: "比例（0–1）"});
    expect(card.rows[4].unit).toBe("平方米/生");
    expect(en.at("").rows[4]).toMatchObject({type: "Number", unit: "m² per student"});
    expect(en.at("").rows[0].type).toBe("Text (key)");
    expect(card.takeaway).toBe("2 张表共 5 个字段。");
    expect(en.at("").takeaway).toBe("5 fields in 2 tables.");
  });

  it("marks the names in a meaning as code: in Chinese every Latin word, in English the snake_case ones", () => {
    expect(zh.at("").rows[2].description).toBe("学校覆盖率 = `n_schools_in_group` / `n_schools`");
    expect(en.at("").rows[2].description).toBe("Share of schools in groups = `n_schools_in_group` / `n_schools`");
    const description = zh.at("").columns.find((column: {name: string}) => column.name === "description");
    // the table's CSV holds the plain text
    expect(description.csv(zh.at("").rows[2])).toBe("学校覆盖率 = n_schools_in_group / n_schools");
  });

  it("filters by table, field, code or a word of either language's meaning, every word of the query", () => {
    const fields = (card: {rows: {field: string}[]}) => card.rows.map((row) => row.field);
    // every field behind a closed toggle until the reader searches; what a search finds is shown open
    expect([zh.at("").fold, zh.at("   ").fold, zh.at("覆盖率").fold, en.at("nothing-matches").fold]).toEqual([true, true, false, false]);
    expect(fields(zh.at("覆盖率"))).toEqual(["share_schools"]);
    expect(fields(en.at("school_resources"))).toEqual(["school_id", "teaching_area_per_student"]);
    expect(fields(zh.at("junior"))).toEqual(["stage"]);
    expect(fields(zh.at("  Area  PER "))).toEqual(["teaching_area_per_student"]);
    expect(fields(zh.at("coverage 学段"))).toEqual(["stage"]);
    expect(zh.at("覆盖率").takeaway).toBe("2 张表共 5 个字段，其中 1 个与“覆盖率”相符。");
    expect(en.at("nothing here").takeaway).toBe("No field matches “nothing here”.");
    expect(en.at("nothing here").rows).toEqual([]);
  });

  it("turns a unit into its wording key", () => {
    expect(["per 100 students", "m²/student", "z²", "share"].map(unitKey)).toEqual(["per_100_students", "m_student", "z_", "share"]);
  });
});
