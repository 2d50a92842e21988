// The quarterly report (junheng report, pipelines/report/) on the demo run: the Word document's text holds the
// region, the period, the summary sentences and the lagging groups and schools, with figures worked out here
// from the published CSV files (not from the report's code); the public report reads only the public edition and
// holds no single school's exam figure, which the internal one does; the PDF has numbered A4 pages with its
// fonts embedded. The PDF's pages are written as PNGs to test/output/report/ to be looked at.
import {execFileSync} from "node:child_process";
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import Papa from "papaparse";
import {strFromU8, unzipSync} from "fflate";
import {beforeAll, describe, expect, it} from "vitest";
import {demoOutput} from "../demo-run.js";
import {foreignEntries} from "../../pipelines/safe-write.js";
import {ROOT, runCli, TIMEOUT} from "../helpers.js";

type Row = Record<string, string>;
const csv = (path: string): Row[] => Papa.parse<Row>(readFileSync(path, "utf8").replace(/^\uFEFF/, ""), {header: true, skipEmptyLines: true}).data;

/** the document's paragraphs (w:p) as lines of text */
function docxText(path: string, part = "word/document.xml"): string {
  const xml = strFromU8(unzipSync(readFileSync(path))[part]!);
  return xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .join("\n")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pp = (x: number) => (Math.abs(x) * 100).toFixed(1);

let out: string;
const reports: Record<"public" | "internal", {dir: string; docx: string; pdf: string; text: string}> = {} as never;

beforeAll(async () => {
  out = await demoOutput();
  for (const edition of ["public", "internal"] as const) {
    const dir = join(out, "reports", edition);
    // the public report is made with the internal edition out of reach: it reads only its own
    const aside = join(out, "internal-aside");
    if (edition === "public") renameSync(join(out, "published", "internal"), aside);
    const result = runCli(["report", "--out", out, "--edition", edition, "--date", "2026-11-30"]);
    if (edition === "public") renameSync(aside, join(out, "published", "internal"));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const docx = join(dir, `junheng-report-2026Q3-${edition}.docx`);
    const pdf = join(dir, `junheng-report-2026Q3-${edition}.pdf`);
    reports[edition] = {dir, docx, pdf, text: docxText(docx)};
  }
}, TIMEOUT.test);

/** the exchange target the run used (the edition's config.json) */
function exchangeTarget(published: string): number {
  return JSON.parse(readFileSync(join(published, "config.json"), "utf8")).targets.exchange_rate;
}

describe("junheng report", () => {
  it("heads the document with the issuing body, the 文号 placeholder, the title with region and period, and the date in Chinese", () => {
    const {text} = reports.public;
    const lines = text.split("\n");
    // demo config: region_name 甘州区（示例数据）, no report.issuer → 甘州区教育局（示例数据）
    expect(lines.slice(0, 4)).toEqual(["甘州区教育局（示例数据）", "〔2026〕号", "关于甘州区（示例数据）2026年第三季度集团化办学均衡发展情况的报告", "（公开版）"]);
    expect(text).toContain("\n二〇二六年十一月三十日\n");
    expect(reports.internal.text).toContain("\n（内部版 · 仅限内部使用，不得公开）\n");
  });

  it("writes the summary as sentences from the headline: each target met or missed by how many points, the change since last quarter and the baseline", () => {
    const published = join(out, "published", "public");
    const headline = csv(join(published, "headline.csv")).filter((row) => row.county === "all");
    const [base, before, now] = [headline[0]!, headline.at(-2)!, headline.at(-1)!];
    expect(now.period).toBe("2026Q3");
    const coverage = csv(join(published, "coverage.csv")).find((r) => r.period === "2026Q3" && r.county === "all" && r.stage === "all" && r.locality === "all" && r.ownership === "all")!;
    const share = Number(now.share_schools_in_group);
    const text = reports.public.text;
    // 42 of the demo's 46 schools are in a group in 2026Q3; the target is 100% by 2026-12-31
    expect(`${coverage.n_schools_in_group}/${coverage.n_schools}`).toBe("42/46");
    expect(text).toContain(
      `截至二〇二六年九月三十日，全区 46 所学校中有 42 所纳入集团化办学，学校覆盖率为 ${pct(share)}，比上季度持平，比基期（2024年第三季度，下同）提高 ${pp(share - Number(base.share_schools_in_group))} 个百分点；距二〇二六年十二月三十一日前达到100%的目标还差 ${pp(1 - share)} 个百分点。`
    );
    expect(share).toBe(Number(before.share_schools_in_group));
    // the exchange rate against the demo's target (5%, the 甘州区 plan's, on all full-time teachers within the
    // group): missed in 2026—2027, by the difference in points
    const target = exchangeTarget(published);
    const rate = Number(now.exchange_rate);
    expect(target).toBe(0.05);
    expect(rate).toBeLessThan(target);
    expect(text).toContain(`2026—2027 学年教师交流轮岗比例为 ${pct(rate)}`);
    expect(text).toContain(`低于 5% 的目标 ${pp(target - rate)} 个百分点，比上季度提高 ${pp(rate - Number(before.exchange_rate))} 个百分点，比基期提高 ${pp(rate - Number(base.exchange_rate))} 个百分点`);
    // compliant schools: a count and its change
    const delta = Number(now.n_compliant_schools) - Number(before.n_compliant_schools);
    expect(text).toContain(`参评的 ${now.n_schools_assessed} 所学校中，七项资源配置指标达标的有 ${now.n_compliant_schools} 所`);
    expect(text).toContain(`比上季度${delta === 0 ? "持平" : `${delta > 0 ? "增加" : "减少"} ${Math.abs(delta)} 所`}`);
    expect(text).toContain(`城区与乡村学生的平均成绩差距为 ${Number(now.urban_rural_gap).toFixed(2)} 个标准差`);
    // compared with the previous comparable exam (district-wide, same grade: 2026-01-09 in the demo), never with
    // the previous quarter's row, which can repeat an older exam
    expect(now.gap_previous_exam_date).toBe("2026-01-09");
    const moved = Number(now.urban_rural_gap) - Number(now.gap_previous);
    expect(text).toContain(`最近一次全区统考（${now.gap_exam_name}，`);
    expect(text).toContain(`个标准差，比上次同类统考（二〇二六年一月九日）${moved > 0 ? "扩大" : "缩小"} ${Math.abs(moved).toFixed(2)}（`);
    expect(text).toContain("只比较同为全区统考、同一年级、同样科目的考试");
  });

  it("names the groups whose exchange rate is under the target and the schools in no group", () => {
    const published = join(out, "published", "public");
    const names = new Map(csv(join(published, "group_profile.csv")).filter((r) => r.period === "2026Q3").map((r) => [r.group_id, r.group_name]));
    const lagging = csv(join(published, "teacher_exchange.csv")).filter((r) => r.scope === "group" && r.school_year === "2026-2027" && r.exchange_rate !== "" && Number(r.exchange_rate) < exchangeTarget(published));
    const meeting = csv(join(published, "teacher_exchange.csv")).filter((r) => r.scope === "group" && r.school_year === "2026-2027" && Number(r.exchange_rate) >= exchangeTarget(published));
    expect(lagging.length).toBeGreaterThan(0);
    const text = reports.public.text;
    expect(text).toContain(`需要关注的是：${lagging.length} 个集团的教师交流比例低于目标`);
    const table = text.slice(text.indexOf("（一）教师交流轮岗比例低于目标的集团"), text.indexOf("（二）"));
    for (const row of lagging) expect(table).toContain(`${names.get(row.scope_id)}\n`);
    for (const row of meeting) expect(table).not.toContain(names.get(row.scope_id)!);
    const uncovered = csv(join(published, "uncovered_schools.csv")).filter((r) => r.period === "2026Q3");
    expect(uncovered.length).toBe(4);
    for (const row of uncovered) expect(text).toContain(`\n${row.school_name}\n`);
  });

  it("holds no single school's exam figure in the public edition; the internal one lists the schools below expectation", () => {
    const internal = join(out, "published", "internal");
    const exams = new Map(csv(join(internal, "exam_list.csv")).map((r) => [r.exam_id, r.exam_date]));
    const va = csv(join(internal, "value_added_school.csv"));
    const latest = [...new Set(va.map((r) => r.exam_id!))].sort((a, b) => exams.get(a)!.localeCompare(exams.get(b)!) || a.localeCompare(b)).at(-1);
    const below = va.filter((r) => r.exam_id === latest && r.band === "below");
    expect(below.length).toBeGreaterThan(0);
    const inside = reports.internal.text;
    for (const row of below) expect(inside).toContain(`${row.school_name}\n${row.subject}\n${row.n_students}\n${Number(row.va).toFixed(2)}\n`);
    const outside = reports.public.text;
    expect(outside).not.toContain("增值评价低于预期的学校");
    for (const row of below) expect(outside).not.toContain(`${row.school_name}\n${row.subject}`);
    // the school-level exam tables are not even in the public edition the report read
    expect(readdirSync(join(out, "published", "public")).filter((f) => /^(exam_school|value_added_school)\./.test(f))).toEqual([]);
    expect(outside).toContain("本公开版不列出单个学校的考试成绩、“三率一分”和增值评价");
    expect(inside).not.toContain("本公开版不列出");
    expect(outside).not.toContain("学校增值评价");
    expect(inside).toContain("学校增值评价");
    // the lists drawn from tables both editions hold whole are the same in both
    const lists = (text: string) => text.slice(text.indexOf("三、需要关注的集团和学校"), text.indexOf("（五）") >= 0 ? text.indexOf("（五）") : text.indexOf("按照“考试结果不排名"));
    expect(lists(outside).length).toBeGreaterThan(500);
    expect(lists(outside)).toBe(lists(inside));
  });

  it("has the methodology annex and page numbers in the Word footer", () => {
    const {text, docx} = reports.public;
    expect(text).toContain("附件：指标方法说明");
    expect(text).toContain("教师交流轮岗");
    const footer = Object.keys(unzipSync(readFileSync(docx))).filter((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footer.length).toBeGreaterThan(0);
    expect(footer.map((name) => strFromU8(unzipSync(readFileSync(docx))[name]!)).join("")).toMatch(/PAGE/);
    // three charts as PNG images
    expect(Object.keys(unzipSync(readFileSync(docx))).filter((name) => name.startsWith("word/media/") && name.endsWith(".png")).length).toBe(3);
  });

  it("prints to numbered A4 pages with its Chinese fonts embedded", () => {
    for (const edition of ["public", "internal"] as const) {
      const {pdf} = reports[edition];
      const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf], {encoding: "utf8"});
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(6);
      const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
      expect(sizes).toEqual(Array.from({length: pages}, () => [595, 842]));
      for (let page = 1; page <= pages; page++) {
        const text = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], {encoding: "utf8"});
        expect(text).toMatch(new RegExp(`—\\s*${page}\\s*—`));
      }
      const fonts = execFileSync("pdffonts", [pdf], {encoding: "utf8"}).split("\n").slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      // name, type, encoding, emb: every font embedded (a subset), so the PDF reads the same without them installed
      for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
      const shots = join(ROOT, "test", "output", "report");
      mkdirSync(shots, {recursive: true});
      for (const file of readdirSync(shots)) if (file.startsWith(`${edition}-`)) rmSync(join(shots, file));
      execFileSync("pdftoppm", ["-r", "60", "-png", pdf, join(shots, edition)]);
    }
  });

  it("leaves the output Junheng's own: the reports are in its marker, so the next run may replace the folder", () => {
    expect(foreignEntries(out)).toEqual([]);
    const marker = JSON.parse(readFileSync(join(out, ".junheng-output"), "utf8")) as {files: string[]};
    expect(marker.files).toEqual(expect.arrayContaining(["reports/public/junheng-report-2026Q3-public.pdf", "reports/internal/report.json"]));
  });

  it("reads the headline by column name: a headline without the gap and coefficient columns leaves those sentences out", async () => {
    const {readEdition} = await import("../../pipelines/report/data.js");
    const {buildReport} = await import("../../pipelines/report/content.js");
    const {findFonts} = await import("../../pipelines/report/fonts.js");
    const input = await readEdition(out, "public");
    input.tables.headline = input.tables.headline!.map(({urban_rural_gap: _g, gap_exam_id: _e, max_cv_primary: _p, max_cv_junior: _j, ...rest}) => rest);
    const doc = buildReport(input, {date: "2026-11-30", fonts: findFonts()});
    const text = doc.blocks.map((block) => ("text" in block ? block.text : "caption" in block ? block.caption : "")).join("\n");
    expect(text).toContain("学校覆盖率为 91.3%");
    expect(text).not.toContain("城区与乡村学生的平均成绩差距");
    expect(text).not.toContain("差异系数（七项指标中的最大值）");
    expect(text).not.toContain("图3");
    const table = doc.blocks.find((block) => block.kind === "table")!;
    expect(table.kind === "table" && table.rows.map((row) => row[0])).toEqual(["学校覆盖率", "在校生覆盖率", "教师交流轮岗比例", "资源配置达标学校（所）"]);
  });

  it("says this quarter's revisions to earlier figures: none on a first release; else how many, by table, and the changed files", async () => {
    const {readEdition} = await import("../../pipelines/report/data.js");
    const {buildReport} = await import("../../pipelines/report/content.js");
    const {findFonts} = await import("../../pipelines/report/fonts.js");
    const input = await readEdition(out, "public");
    const textOf = () => buildReport(input, {date: "2026-11-30", fonts: findFonts()}).blocks.map((block) => ("text" in block ? block.text : "")).join("\n");
    // the demo run is the folder's first: its manifest says so
    expect(input.manifest.revisions?.first_release).toBe(true);
    expect(textOf()).toContain("本期对以往数字的修订：本期为首次发布，没有对以往数字的修订。");
    // a later release whose earlier figures moved: 2 in teacher_structure, 1 in resource_cv (a planted summary)
    input.manifest.revisions = {
      first_release: false,
      previous: {as_of_date: "2026-06-30", version: "2026Q2"},
      inputs: {changed: ["2025Q3/teachers.csv"], added: [], removed: []},
      earlier: 3,
      by_table: {resource_cv: {earlier: 1}, teacher_structure: {earlier: 2}, headline: {earlier: 0}}
    };
    const text = textOf();
    expect(text).toContain("与上次发布（数据截至二〇二六年六月三十日）相比，本期修订了以往期次已公布的数字 3 个：");
    expect(text.indexOf("resource_cv")).toBe(-1); // tables by their Chinese titles
    expect(text).toMatch(/数字 3 个：[^：]+ 2 个，[^，]+ 1 个；内容有变化的输入文件：2025Q3\/teachers\.csv。/);
    expect(text).not.toMatch(/总览[^：]* 0 个/);
  });

  it("stops with exit 1 and a bilingual message when the folder has no published tables or the edition is unknown", () => {
    const none = runCli(["report", "--out", join(out, "nothing-here")]);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/没有 published\/public\/manifest\.json[\s\S]*has no published\/public\/manifest\.json/);
    const bad = runCli(["report", "--out", out, "--edition", "secret"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("--edition must be public or internal: secret");
    const date = runCli(["report", "--out", out, "--date", "2026-02-30"]);
    expect(date.status).toBe(1);
  });
});

describe("the PDF's text", () => {
  it("draws in the embedded font only what it holds: subscript digits become digits, never an empty box", async () => {
    const {findFonts} = await import("../../pipelines/report/fonts.js");
    const {openChartFont} = await import("../../pipelines/report/charts.js");
    const {drawable} = await import("../../pipelines/report/pdf.js");
    const serif = openChartFont(findFonts().serif);
    // Noto Serif CJK has no ₁ ₂ (U+2081, U+2082); it has ², √ and the CJK text
    expect(drawable(serif, "gap = z̄₁ − z̄₂；se = √(s₁²/n₁ + s₂²/n₂)")).toBe("gap = z̄1 − z̄2；se = √(s1²/n1 + s2²/n2)");
    expect(drawable(serif, "城乡差距")).toBe("城乡差距");
  });
});
