import {describe, expect, it} from "vitest";
import {CONTRACT} from "../../pipelines/contract.js";
import {foldValue, headerKey, mapHeader} from "../../pipelines/ingest/normalize.js";

describe("foldValue", () => {
  it("folds full-width digits and letters, removes invisible characters and trims", () => {
    expect(foldValue("２０２４")).toBe("2024");
    expect(foldValue("\u3000Ｓ００１ ")).toBe("S001");
    expect(foldValue("\ufeff北街小学\u200b")).toBe("北街小学");
    expect(foldValue(" 42 ")).toBe("42");
    expect(foldValue("plain")).toBe("plain");
  });
});

describe("mapHeader", () => {
  it("matches canonical names and Chinese aliases, with units, spaces, case and full-width forms", () => {
    const header = ["学校标识码", "学校名称", "区（县）", "办学类型", "城乡分类代码", "在校生数", "教学及辅助用房面积(平方米)", " Sports_Area_M2 ", "ＬＡＴ", "备注"];
    const mapping = mapHeader(CONTRACT.schools, header);
    expect(mapping.missing).toEqual([]);
    expect(mapping.index.get("school_id")).toBe(0);
    expect(mapping.index.get("county")).toBe(2);
    expect(mapping.index.get("teaching_area_m2")).toBe(6);
    expect(mapping.index.get("sports_area_m2")).toBe(7);
    expect(mapping.index.get("lat")).toBe(8);
    expect(mapping.extra).toEqual(["备注"]);
  });

  it("reports required columns that are missing and columns named twice", () => {
    const mapping = mapHeader(CONTRACT.scores, ["考试编号", "科目", "学籍号", "考号", "成绩"]);
    expect(mapping.missing).toEqual(["school_id"]);
    expect(mapping.duplicates).toEqual([{column: "student_id", headers: ["学籍号", "考号"]}]);
  });

  it("ignores Excel's trailing empty header cells", () => {
    expect(headerKey(" 学校 代码 ")).toBe("学校代码");
    const mapping = mapHeader(CONTRACT.groups, ["group_id", "group_name", "group_type", "", ""]);
    expect(mapping.extra).toEqual([]);
  });
});
