// Browser tests of "Your data" (issue 6): the demo's CSV files, set on the page's folder input as a reader
// would choose them, go through the pipeline's own code in the browser (staging in a Web Worker, the SQL
// checks and the model files in DuckDB-WASM) and give the headline numbers of the pipeline's published
// tables; the messy GBK variant gives the same numbers and exactly its planted rejects; a malformed input
// gives the CLI's own file-level messages; and no request carries the data. Prints the time from choosing
// the files to the metrics on screen; screenshots in test/output/screenshots/upload.*.png.
//
// DuckDB-WASM (33 MB) starts once per page: the Chinese page ingests the demo, is then looked at phone-sized, and
// takes the messy demo and the clean fixture as Excel workbooks as a reader's second and third drop (the page
// starts each from an empty database); the malformed input is its last drop. The English page ingests the clean test fixture (two periods,
// 47 rows) once for both of its sizes and is held to the command line's run of the same fixture (test/demo-run.ts
// cleanOutput): the same pipeline on another input, where a second demo cost a whole in-browser run of 45 files
// (issue 12: about 30 s of CPU). Each input still goes through the whole pipeline.
// The page's lock (issue 11, item 5: DuckDB-WASM shut in before the dropped files arrive, a second drop still
// computed, no other host reached) is checked on the Chinese page too: lockdown.test.ts started DuckDB-WASM on a
// page of its own for it (issue 12). The messy variant is the suite's shared copy (test/demo-run.ts).
import {mkdirSync, readFileSync, readdirSync, cpSync, rmSync, writeFileSync} from "node:fs";
import ExcelJS from "exceljs";
import {CONTRACT, SHEET_NAMES} from "../../pipelines/contract.js";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import type {Browser, Page, Request} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {cleanOutput, messyDemo} from "../demo-run.js";
import {validateInput} from "../../pipelines/run.js";
import {FIXTURES, TIMEOUT, tempDir} from "../helpers.js";
import {siteEdition, siteOut} from "../../pipelines/site/out-dir.js";
import {ensureBuilt, launchChromium, newContext} from "./build.js";
import {serve} from "./server.js";
import {otherHost, type OtherHost} from "./other-host.js";

const ROOT = join(import.meta.dirname, "..", "..");
const DIST = join(ROOT, "dist");
const OUT = siteOut(ROOT);
// the edition the site is built from (public unless JUNHENG_EDITION says otherwise)
const PUBLISHED = join(OUT, "published", siteEdition());
const DEMO = join(ROOT, "data", "demo");
const SHOTS = join(ROOT, "test", "output", "screenshots");
const DESKTOP = {width: 1280, height: 900};
const PHONE = {width: 390, height: 844};
const HEADLINE_KEYS = ["share_schools_in_group", "share_students_in_group", "exchange_rate", "n_compliant_schools", "n_schools_assessed", "urban_rural_gap", "max_cv_primary", "max_cv_junior"];

type Row = Record<string, unknown>;

/** the published headline row of the latest period, region-wide (of the site's run, or of the edition in `published`) */
function publishedHeadline(published = PUBLISHED): Row {
  const rows = tableFromIPC(readFileSync(join(published, "headline.arrow")))
    .toArray()
    .map((row) => row.toJSON() as Row)
    .filter((row) => row.county === "all")
    .sort((a, b) => String(a.period).localeCompare(String(b.period)));
  const last = rows.at(-1)!;
  return Object.fromEntries(Object.entries(last).map(([key, value]) => [key, typeof value === "bigint" ? Number(value) : value]));
}

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let other: OtherHost;
const problems: string[] = [];
/** drops on the Chinese page that ended with the metrics shown */
let zhMetricsShown = 0;

beforeAll(async () => {
  ensureBuilt({root: ROOT, dist: DIST, out: OUT, page: "upload.html"});
  server = await serve(DIST);
  browser = await launchChromium();
  // "another host" (127.0.0.2): the page's DuckDB must not reach it
  other = await otherHost();
  mkdirSync(SHOTS, {recursive: true});
}, 2 * TIMEOUT.test);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await other?.close();
});

interface Run {
  page: Page;
  ms: number;
  /** the requests after the files were chosen */
  requests: {url: string; method: string; body: string | null; at: number}[];
  /** every request of the page and its workers since the page's first */
  all: {url: string; method: string; body: string | null; at: number}[];
}

/** open the page of `lang` (desktop-sized), choose `folder` on the folder input, wait for the metrics */
async function upload(folder: string, lang: "zh" | "en"): Promise<Run> {
  const context = await newContext(browser, {viewport: DESKTOP});
  const page = await context.newPage();
  const name = `${lang}/upload.html`;
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${name}: console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${name}: pageerror: ${error.message}`));
  const requests: Run["requests"] = [];
  // the context sees the page's requests and its workers' (the staging worker, DuckDB's)
  const record = (request: Request) => requests.push({url: request.url(), method: request.method(), body: request.postData(), at: Date.now()});
  context.on("request", record);
  await page.goto(`${server.url}/${lang === "en" ? "en/" : ""}upload.html`);
  await page.waitForSelector("input[data-testid=folder-input]", {state: "attached"});
  await page.waitForLoadState("networkidle");
  const started = Date.now();
  await page.setInputFiles("input[data-testid=folder-input]", folder);
  await page.waitForSelector("[data-testid=metrics]");
  if (lang === "zh") zhMetricsShown++;
  return {page, ms: Date.now() - started, requests: requests.filter((request) => request.at >= started), all: requests};
}

/** the folder each language's page ingests first: the demo on the Chinese page, the clean fixture on the English one */
const FIRST_DROP = {zh: DEMO, en: join(FIXTURES, "clean")} as const;

/** what the page must show for its first drop: the headline the command line published for the same folder */
async function expectedHeadline(lang: "zh" | "en"): Promise<Row> {
  return lang === "zh" ? publishedHeadline() : publishedHeadline(join(await cleanOutput(), "published", siteEdition()));
}

/** the first drop on the page of `lang`, ingested once; later tests read the same finished page */
const demoRuns = new Map<string, Promise<Run>>();
function demoRun(lang: "zh" | "en"): Promise<Run> {
  let run = demoRuns.get(lang);
  if (!run) demoRuns.set(lang, (run = upload(FIRST_DROP[lang], lang)));
  return run;
}

/**
 * `folder` dropped onto the Chinese page after the demo, as a reader drops a second folder: the page runs the
 * whole pipeline again from an empty database, on the DuckDB it started for the first (the staging worker is
 * new for each drop). What the previous drop showed is marked first, so the wait is for this drop's answer.
 */
async function dropAgain(folder: string): Promise<Run> {
  const {page} = await demoRun("zh");
  await page.setViewportSize(DESKTOP);
  await page.$$eval("[data-testid=metrics]", (nodes) => nodes.forEach((node) => ((node as HTMLElement).dataset.stale = "1")));
  const started = Date.now();
  await page.setInputFiles("input[data-testid=folder-input]", folder);
  await page.waitForSelector("[data-testid=metrics]:not([data-stale])");
  // and the previous drop's metrics are gone (their cells run again after this one's)
  await page.waitForSelector("[data-testid=metrics][data-stale]", {state: "detached"});
  expect(await page.locator("[data-testid=problems]").count()).toBe(0);
  zhMetricsShown++;
  return {page, ms: Date.now() - started, requests: [], all: []};
}

async function headlineOf(page: Page): Promise<Row> {
  return JSON.parse((await page.getAttribute("[data-testid=metrics]", "data-headline"))!);
}

/** the download of every reject (both languages), offered under the rejects' table when there are any */
async function rejectsOf(page: Page): Promise<Row[]> {
  const href = await page.locator("a[data-download=upload_rejects_all]").getAttribute("href");
  const text: string = await page.evaluate(async (url) => (await (await fetch(url!)).text()).replace(/^\ufeff/, ""), href);
  const [header, ...lines] = text.split("\r\n").filter(Boolean);
  // bilingual headers (`行号 line`): keyed by the English word
  const columns = header!.split(",").map((cell) => cell.slice(cell.lastIndexOf(" ") + 1));
  // messages hold commas: quoted fields, parsed simply (no newlines in rejects)
  return lines.map((line) => {
    const cells: string[] = [];
    for (const match of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) cells.push(match[1]!.replace(/^"|"$/g, "").replace(/""/g, '"'));
    return Object.fromEntries(columns.map((column, i) => [column, cells[i]]));
  });
}

function expectSameHeadline(shown: Row, published: Row): void {
  expect(shown.period).toBe(published.period);
  for (const key of HEADLINE_KEYS) {
    const a = shown[key] as number | null;
    const b = published[key] as number | null;
    if (b == null) expect(a, key).toBeNull();
    else expect(a, key).toBeCloseTo(b, 9);
  }
}

describe("your data", () => {
  it("the demo folder gives the published headline numbers, and no request carries the data; time to the metrics", async () => {
    const run = await demoRun("zh");
    const inPage = Number(await run.page.getAttribute("html", "data-upload-ms"));
    const timings = await run.page.getAttribute("html", "data-upload-timings");
    console.log(`upload: demo (${readdirSync(DEMO).filter((d) => /^\d{4}Q\d$/.test(d)).length} periods, 45 files, 7.7 MB) → metrics in ${run.ms} ms (in page ${inPage} ms; ${timings}; Chromium ${browser.version()})`);
    writeFileSync(join(ROOT, "test", "output", "upload-time.json"), JSON.stringify({wall_ms: run.ms, in_page_ms: inPage, timings: JSON.parse(timings ?? "{}"), chromium: browser.version()}, null, 2) + "\n");
    const published = publishedHeadline();
    expectSameHeadline(await headlineOf(run.page), published);
    // the cards show the same figures
    const value = (id: string) => run.page.locator(`[data-kpi=${id}] .jh-value`).textContent();
    expect(await value("share_schools_in_group")).toBe(new Intl.NumberFormat("zh-CN", {style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1}).format(published.share_schools_in_group as number));
    expect(await value("n_compliant_schools")).toBe(String(published.n_compliant_schools));
    // the charts of the main site, drawn
    expect(await run.page.locator("figure.jh-figure svg").count()).toBeGreaterThanOrEqual(3);
    // no rejects: the card says so, and there is nothing more to download
    expect(await run.page.locator("[data-card=upload_rejects] .jh-takeaway").textContent()).toBe("没有被拒绝的行。");
    expect(await run.page.locator("[data-card=upload_rejects] tbody tr").count()).toBe(0);
    expect(await run.page.locator("a[data-download=upload_rejects_all]").count()).toBe(0);

    // nothing leaves the browser: while the files were read and computed, only GETs of the site's own files
    const ids = new Set<string>();
    for (const line of readFileSync(join(DEMO, "2025Q1", "scores.csv"), "utf8").split("\n").slice(1)) {
      const id = line.split(",")[2];
      if (id) ids.add(id.trim());
    }
    expect(ids.size).toBeGreaterThan(1000);
    // DuckDB's .wasm and the staging worker are fetched after the files are chosen: the check sees requests
    expect(run.requests.some((request) => request.url.endsWith(".wasm"))).toBe(true);
    for (const request of run.requests) {
      const url = new URL(request.url);
      if (url.protocol === "blob:" || url.protocol === "data:") continue;
      expect(url.hostname, request.url).toBe("127.0.0.1");
      expect(request.method, request.url).toBe("GET");
      expect(request.body, request.url).toBeNull();
      expect(url.search, request.url).toBe("");
      expect([...ids].some((id) => request.url.includes(id)), request.url).toBe(false);
      // only the site's files: DuckDB's .wasm and worker, the staging worker, scripts
      expect(url.pathname, request.url).toMatch(/^\/_(npm|file|import|observablehq|node)\//);
    }
    await run.page.screenshot({path: join(SHOTS, "upload.zh.desktop.png"), fullPage: true});
  }, TIMEOUT.test);

  // the finished page of each language, at each size (resized, as a reader turns a tablet or narrows a window)
  it.each([
    ["zh", PHONE, "upload.zh.phone.png"],
    ["en", DESKTOP, "upload.en.desktop.png"],
    ["en", PHONE, "upload.en.phone.png"]
  ] as const)("reads in %s at %o (%s)", async (lang, viewport, shot) => {
    const run = await demoRun(lang);
    if (lang === "en" && viewport === DESKTOP) console.log(`upload: the clean fixture (2 periods, 11 files, 47 rows) → metrics in ${run.ms} ms (${await run.page.getAttribute("html", "data-upload-timings")})`);
    await run.page.setViewportSize(viewport);
    // the charts redraw for the new width on the next frames (ResizeObserver)
    await run.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expectSameHeadline(await headlineOf(run.page), await expectedHeadline(lang));
    if (lang === "en") expect(await run.page.locator("[data-testid=metrics] h2").textContent()).toMatch(/Headline metrics/);
    const overflow = await run.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, shot).toBeLessThanOrEqual(0);
    await run.page.screenshot({path: join(SHOTS, shot), fullPage: true});
  }, TIMEOUT.test);

  it("the messy GBK variant gives the same headline numbers and exactly its planted rejects", async () => {
    const messy = await messyDemo();
    const broken = (JSON.parse(readFileSync(join(messy, "messy.json"), "utf8")) as {broken_rows: {period: string; file: string; line: number; reason: string}[]}).broken_rows;
    const run = await dropAgain(messy);
    console.log(`upload: messy GBK demo → metrics in ${run.ms} ms`);
    expectSameHeadline(await headlineOf(run.page), publishedHeadline());
    const rejects = await rejectsOf(run.page);
    const shown = new Set(rejects.map((row) => `${row.period}/${row.file}:${row.line} ${row.reason}`));
    const planted = new Set(broken.map((row) => `${row.period}/${row.file}:${row.line} ${row.reason}`));
    expect([...shown].sort()).toEqual([...planted].sort());
    for (const row of rejects) {
      expect(row.message_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(row.message_en).toMatch(/[a-z]/);
    }
    // the table shows them with their line numbers
    expect(await run.page.locator("[data-card=upload_rejects] tbody tr").count()).toBe(Math.min(200, rejects.length));
    // Chinese headers on the Chinese page
    expect(await run.page.locator("[data-card=upload_rejects] thead th").allTextContents()).toEqual(["期次", "文件", "行号", "列", "原值", "原因"]);
    // some files really were GBK
    expect(await run.page.locator("[data-card=upload_files] td", {hasText: "gb18030"}).count()).toBeGreaterThan(0);
  }, TIMEOUT.test);

  it("Excel workbooks dropped instead of CSVs give the same headline numbers", async () => {
    // every schools and groups file of the clean fixture as an .xlsx with Chinese headers (string cells: values as
    // in the CSV), held to the command line's run of the CSVs; the fixture rather than the demo: the same reading of
    // workbooks, without a third demo-sized run in the page (issue 12)
    const folder = join(tempDir(), "xlsx");
    cpSync(FIRST_DROP.en, folder, {recursive: true});
    for (const period of readdirSync(folder).filter((name) => /^\d{4}Q\d$/.test(name))) {
      for (const file of ["schools", "groups"] as const) {
        const path = join(folder, period, `${file}.csv`);
        let text: string;
        try {
          text = readFileSync(path, "utf8").replace(/^\ufeff/, "");
        } catch {
          continue;
        }
        const [header, ...lines] = text.split(/\r?\n/).filter(Boolean).map((line) => line.split(","));
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet(SHEET_NAMES[file]);
        sheet.addRow(header!.map((name) => CONTRACT[file].columns.find((column) => column.name === name)?.aliases[0] ?? name));
        for (const line of lines) sheet.addRow(line);
        await workbook.xlsx.writeFile(join(folder, period, `${file}.xlsx`));
        rmSync(path);
      }
    }
    const run = await dropAgain(folder);
    expectSameHeadline(await headlineOf(run.page), await expectedHeadline("en"));
    // the three workbooks (2025Q3 schools and groups, 2025Q4 schools) were read as workbooks
    expect(await run.page.locator("[data-card=upload_files] tbody tr", {hasText: ".xlsx"}).count()).toBe(3);
  }, TIMEOUT.test);

  // the page's lock, looked at after the drops above (the tests before it, or one drop here when run alone)
  it("locks DuckDB-WASM before the dropped files arrive, and still computes the metrics, twice; reaches no other host", async () => {
    const run = await demoRun("zh");
    if (zhMetricsShown < 2) await dropAgain(join(DEMO, "2024Q3"));
    expect(zhMetricsShown).toBeGreaterThanOrEqual(2);
    await run.page.waitForSelector("[data-testid=metrics]");
    // the page's own DuckDB (one per page: a second connection to it)
    const probe = (await run.page.evaluate(`(async (url) => {
      const {duckdbClient} = await import(document.querySelector('link[rel="modulepreload"][href*="components/duckdbClient."]').href);
      const client = await duckdbClient();
      const attempt = (sql) => client.query(sql).then((r) => "ran: " + JSON.stringify(r.rows), (e) => e.message);
      return {
        settings: await attempt("select current_setting('enable_external_access') as external, current_setting('lock_configuration') as locked"),
        remote: await attempt("select * from read_csv('" + url + "/upload.csv')"),
        unlock: await attempt("set enable_external_access = true"),
        load: await attempt("load httpfs")
      };
    })(${JSON.stringify(other.url)})`)) as Record<string, string>;
    expect(probe.settings).toBe('ran: [{"external":false,"locked":true}]');
    expect(probe.remote).toMatch(/Permission Error: Cannot access file/);
    expect(probe.unlock).toMatch(/the configuration has been locked/);
    expect(probe.load).toMatch(/Loading external extensions is disabled/);
    expect(other.hits).toEqual([]);
    // every request of the page and its workers (DuckDB's, the staging worker), from the page's first: this
    // site's own, data: and the page's own blob: aside (lockdown.test.ts's rule)
    const foreign = run.all.map((request) => request.url).filter((url) => !url.startsWith("data:") && !url.startsWith(`blob:${server.url}/`) && !url.startsWith(`${server.url}/`));
    expect(run.all.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  }, TIMEOUT.test);

  it("a malformed input shows the command line's own file-level messages, naming each file", async () => {
    const bad = join(tempDir(), "bad");
    cpSync(join(DEMO, "2025Q1"), join(bad, "2025Q1"), {recursive: true});
    const scores = readFileSync(join(bad, "2025Q1", "scores.csv"), "utf8").split("\n");
    const drop = scores[0]!.split(",").indexOf("student_id");
    expect(drop).toBeGreaterThanOrEqual(0);
    writeFileSync(join(bad, "2025Q1", "scores.csv"), scores.map((line) => line.split(",").filter((_, i) => i !== drop).join(",")).join("\n"));
    writeFileSync(join(bad, "2025Q1", "teachers.csv"), "");
    const expected = (await validateInput({input: bad})).problems.map((problem) => problem.bilingual());
    expect(expected.length).toBe(2);
    // dropped onto the Chinese page after the folders above, as a reader corrects a folder and drops it again:
    // the problems replace what the previous drop showed — no metrics, no cards, no charts of the earlier data
    // left under them (Framework clears a cell's output only when the cell displays again; src/upload.md's
    // result cells display an empty node when they have nothing)
    const {page} = await demoRun("zh");
    await page.setViewportSize(DESKTOP);
    await page.setInputFiles("input[data-testid=folder-input]", bad);
    await page.waitForSelector("[data-testid=problems]");
    await page.waitForSelector("[data-testid=metrics]", {state: "detached"});
    expect(await page.locator("[data-card]").count()).toBe(0);
    const run = {page};
    const shown = await run.page.locator("[data-testid=problems] pre.jh-problem").allTextContents();
    expect(shown.sort()).toEqual(expected.sort());
    expect(shown.join("\n")).toContain("2025Q1/scores.csv");
    expect(shown.join("\n")).toContain("student_id");
    expect(shown.join("\n")).toContain("2025Q1/teachers.csv");
    await run.page.screenshot({path: join(SHOTS, "upload.problems.png"), fullPage: true});
  }, TIMEOUT.test);

  it("no console errors, no failed cells", () => {
    expect(problems).toEqual([]);
  });
});
