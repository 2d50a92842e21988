// The explorer's view: its words come from the catalogue in both languages, counts agree in number, the
// captions name the result's columns as code, and every example query has a label in both languages.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {EXAMPLES, explorerView} from "../../src/views/explorer.js";

const demo = {run: {pseudonym_key: "demo-key"}};
const real = {run: {pseudonym_key: "a7f3…"}};

describe("explorerView", () => {
  const zh = explorerView({manifest: demo}, {}, "zh");
  const en = explorerView({manifest: real}, {}, "en");

  it("says a demo run is synthetic, and nothing for a real one", () => {
    expect(zh.demo).toMatch(/^示例数据/);
    expect(en.demo).toBeNull();
  });

  it("labels every example in both languages and keeps its SQL as is", () => {
    expect(zh.examples.map((e: {id: string}) => e.id)).toEqual(EXAMPLES.map((e: {id: string}) => e.id));
    expect(zh.examples[0].label).toBe("最近一期各区县集团覆盖率");
    expect(en.examples[0].label).toBe("Coverage by county, latest period");
    expect(zh.examples[0].sql).toBe(EXAMPLES[0].sql);
    // each example's SQL explains itself in both languages
    for (const example of EXAMPLES) expect(example.sql, example.id).toMatch(/^-- .*[\u4e00-\u9fff].*\n-- [A-Z]/);
  });

  it("counts rows in the reader's language, one row or many", () => {
    expect(zh.text.returned(1204, 35.4)).toBe("返回 1,204 行，用时 35 毫秒");
    expect(en.text.returned(1, 8)).toBe("1 row in 8 ms");
    expect(en.text.returned(2500, 120.6)).toBe("2,500 rows in 121 ms");
    expect(en.text.rowsCount(1)).toBe("1 row");
    expect(zh.text.capped(1000)).toBe("表格只显示前 1,000 行；CSV 下载包含全部结果。");
  });

  it("names the charted columns as code parts of the caption", () => {
    expect(zh.text.chartBar("county", "share_schools", 0)).toEqual(["条形图：", {code: "county"}, " × ", {code: "share_schools"}]);
    expect(en.text.chartBar("school_name", "va", 40)).toEqual(["Bar chart: ", {code: "school_name"}, " × ", {code: "va"}, " (first 40 rows)"]);
    expect(zh.text.chartInterval("school_name", "va", 0)).toEqual(["区间图：", {code: "school_name"}, " × ", {code: "va"}, "，横线为 ", {code: "ci_low"}, " — ", {code: "ci_high"}]);
    expect(en.text.chartLine("period", "share_schools", "locality")).toEqual(["Line chart: ", {code: "period"}, " × ", {code: "share_schools"}, ", one line per ", {code: "locality"}]);
    expect(zh.text.chartLine("period", "share_schools", undefined)).toEqual(["折线图：", {code: "period"}, " × ", {code: "share_schools"}]);
    expect(zh.text.chartReference("target")).toEqual([" · ", {code: "target"}, " ┆"]);
  });

  it("reports DuckDB's loading in megabytes and seconds", () => {
    expect(zh.status.wasm(12_345_678)).toBe("正在载入 DuckDB（已下载 12.3 MB）…");
    expect(en.status.tables(3, 17)).toBe("Loading tables (3 / 17)…");
    expect(zh.status.ready(18, "v1.4.1", 2460)).toBe("已载入 18 张表 · DuckDB v1.4.1 · 用时 2.5 秒");
    expect(en.status.failed("no wasm")).toBe("DuckDB failed to start: no wasm");
  });
});
