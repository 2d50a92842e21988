// The downloads page's view on a hand-made manifest of two tables (and the config entry, which is not a
// table); every expected text is worked out by hand from the rows below.
import {describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {downloadsView, titleOf} from "../../src/views/downloads.js";

const file = (name: string, bytes: number) => ({file: name, bytes});
const manifest = {
  as_of_date: "2025-03-31",
  run: {finished_at: "2025-04-02T08:30:00Z"},
  published: [
    {table: "coverage", rows: 1204, grain: "period × county", files: [file("coverage.csv", 2_450_000), file("coverage.parquet", 800), file("coverage.arrow", 9000)]},
    {table: "new_table", rows: 6, grain: "period × school", files: [file("new_table.csv", 12_600), file("new_table.parquet", 4_400)]},
    {table: "config", rows: 1, grain: "", files: [file("config.json", 900)]}
  ]
};
const methodology = {coverage: "# coverage\n\n## 中文：集团化办学覆盖率\n- **定义**：…\n\n## English: Group coverage\n- **Definition**: …\n"};

describe("downloadsView", () => {
  const zh = downloadsView({manifest, methodology}, {}, "zh");
  const en = downloadsView({manifest, methodology}, {}, "en");

  it("lists every published table but the config, named by its definition's title in the page's language", () => {
    expect(zh.files.rows.map((row: {table: string}) => row.table)).toEqual(["coverage", "new_table"]);
    expect(zh.files.rows[0].about).toBe("集团化办学覆盖率");
    expect(en.files.rows[0].about).toBe("Group coverage");
    // a table with no definition yet falls back to its grain
    expect(zh.files.rows[1].about).toBe("period × school");
  });

  it("gives each file its name and size (MB from a million bytes, else kB, at least 1)", () => {
    const [coverage, other] = zh.files.rows;
    expect(coverage.csv).toEqual({name: "coverage.csv", size: "2.5 MB"});
    expect(coverage.parquet).toEqual({name: "coverage.parquet", size: "1 kB"});
    expect(other.csv).toEqual({name: "new_table.csv", size: "13 kB"});
    expect(other.parquet.size).toBe("4 kB");
  });

  it("says how many tables and rows, in both languages", () => {
    expect(zh.files.takeaway).toBe("共 2 张表，合计 1,210 行；文件名即表名，与“数据探索”页中的表名相同。");
    expect(en.files.takeaway).toBe("2 tables, 1,210 rows in all; each file is named after its table, as in the Explorer.");
    expect(zh.asOf).toMatch(/^数据截至 2025年3月31日 · 计算时间 /);
    expect(en.asOf).toMatch(/^Data as of 31 March 2025 · computed /);
  });

  it("shows table names as code and the files as links, with Chinese headers on the Chinese page", () => {
    const columns = zh.files.columns;
    expect(columns.map((c: {label: string}) => c.label)).toEqual(["数据表（文件名）", "行数", "CSV", "Parquet"]);
    // the title, with the table's name as code under it
    expect(columns[0]).toMatchObject({name: "about", code: "table"});
    expect(columns.filter((c: {file?: boolean}) => c.file).map((c: {name: string}) => c.name)).toEqual(["csv", "parquet"]);
    expect(zh.other.map((o: {file: string}) => o.file)).toEqual(["manifest.json", "config.json"]);
  });

  it("reads a title written with an ASCII colon too, and none from no text", () => {
    expect(titleOf("## 中文: 教师交流\n", "zh")).toBe("教师交流");
    expect(titleOf(undefined, "en")).toBeNull();
  });

  it("offers the whole edition as one archive, with its package, methodology and citation, and the recommended citation", () => {
    const release = [file("datapackage.json", 110_000), file("methodology.md", 54_000), file("CITATION.cff", 1_200), file("junheng-public-2025Q1.zip", 2_300_000)];
    const citation = {zh: "甲区教育局：《甲区数据（公开版），2025Q1》，版本 2025Q1，截至 2025-03-31。数据集。", en: "Bureau. Data (public edition), 2025Q1. Version 2025Q1, as of 2025-03-31. Dataset.", licence: "CC-BY-4.0"};
    const withRelease = {...manifest, release, citation};
    const zhRelease = downloadsView({manifest: withRelease, methodology}, {}, "zh");
    const enRelease = downloadsView({manifest: withRelease, methodology}, {}, "en");
    // the archive first, then the files a reader may want alone
    expect(zhRelease.release.files.map((entry: {file: string}) => entry.file)).toEqual(["junheng-public-2025Q1.zip", "datapackage.json", "methodology.md", "CITATION.cff"]);
    expect(zhRelease.release.files[0].size).toBe("2.3 MB");
    expect(zhRelease.release.takeaway).toMatch(/^一个压缩包（2\.3 MB，文件名见下）：/);
    expect(enRelease.release.takeaway).toMatch(/^One archive \(2\.3 MB, named below\):/);
    expect(zhRelease.citation.text).toBe(citation.zh);
    expect(enRelease.citation.text).toBe(citation.en);
    expect(zhRelease.citation.note).toMatch(/^许可：CC-BY-4\.0/);
    expect(enRelease.citation.note).toMatch(/^Licence: CC-BY-4\.0/);
    // an output from before the release files: no such section
    expect(zh.release).toBeNull();
    expect(zh.citation).toBeNull();
  });
});

describe("downloadsView: the quarterly report", () => {
  const report = {period: "2026Q3", date: "2026-11-30", docx: file("junheng-report-2026Q3-public.docx", 96_000), pdf: file("junheng-report-2026Q3-public.pdf", 1_200_000)};
  const withEdition = {...manifest, edition: "public"};

  it("offers the Word and PDF files with their sizes, the period, edition and date in words", () => {
    const zh = downloadsView({manifest: withEdition, methodology, report}, {}, "zh");
    const en = downloadsView({manifest: withEdition, methodology, report}, {}, "en");
    expect(zh.report.files).toEqual([
      {key: "docx", file: "junheng-report-2026Q3-public.docx", label: "Word 文档", size: "96 kB"},
      {key: "pdf", file: "junheng-report-2026Q3-public.pdf", label: "PDF（A4）", size: "1.2 MB"}
    ]);
    expect(zh.report.lead).toBe("2026年第3季度的集团化办学均衡发展情况报告（公开版），成文日期 2026年11月30日：Word 文档可以编辑后印发，PDF 为 A4 版式。报告中的数字与本网站相同。");
    expect(en.report.title).toBe("Quarterly report");
    expect(en.report.lead).toMatch(/^The report on group schooling and balanced development for 2026 Q3 \(Public edition\), dated 30 November 2026:/);
  });

  it("has no report section when the site was given none", () => {
    expect(downloadsView({manifest: withEdition, methodology, report: null}, {}, "zh").report).toBeNull();
    expect(downloadsView({manifest, methodology}, {}, "en").report).toBeNull();
  });
});
