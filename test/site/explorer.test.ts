// Browser tests of the SQL explorer (issue 6): DuckDB-WASM in Debian's Chromium over dist/ on 127.0.0.1.
// Every published table is queryable with the published row count, the examples answer what the published
// files say (computed here in Node from the same Arrow files), a query in the address reproduces its
// result, bad SQL shows DuckDB's message and leaves the page usable, the table stops at 1,000 rows while
// the CSV holds them all. Prints the time from navigation to the first answer and the page's weight
// (test/output/explorer-weight.json); screenshots in test/output/screenshots/explorer.*.png.
import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import type {Browser, BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
// @ts-expect-error: a plain JavaScript module of the site
import {explorerView} from "../../src/views/explorer.js";
import {TIMEOUT} from "../helpers.js";
import {siteEdition, siteOut} from "../../pipelines/site/out-dir.js";
import {ensureBuilt, launchChromium, newContext} from "./build.js";
import {pageReady} from "./ready.js";
import {policyProblem} from "./policy.js";
import {englishIdentifiers, leaks, visibleText} from "./english-text.js";
import {serve} from "./server.js";

const ROOT = join(import.meta.dirname, "..", "..");
const DIST = join(ROOT, "dist");
const OUT = siteOut(ROOT);
// the edition the site is built from (public unless JUNHENG_EDITION says otherwise)
const PUBLISHED = join(OUT, "published", siteEdition());
const SHOTS = join(ROOT, "test", "output", "screenshots");
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost"]);
const CAP = 1000;
const PHONE = {width: 390, height: 844};
// the examples this edition's explorer offers (the public one has none on a school's exam results)
// (read after beforeAll has built the output: on a fresh clone nothing is there when the file loads)
let EXAMPLES: {id: string; sql: string}[] = [];
let HAS_VA = false;

type Row = Record<string, unknown>;

function readArrow(table: string): Row[] {
  return tableFromIPC(readFileSync(join(PUBLISHED, `${table}.arrow`)))
    .toArray()
    .map((row) => row.toJSON() as Row);
}

/** the published tables that have an Arrow file, with the file's row count */
function arrowTables(): Map<string, number> {
  const manifest = JSON.parse(readFileSync(join(PUBLISHED, "manifest.json"), "utf8")) as {published: {table: string; files: {file: string}[]}[]};
  const tables = new Map<string, number>();
  for (const {table, files} of manifest.published) {
    if (files.some((file) => file.file === `${table}.arrow`)) tables.set(table, tableFromIPC(readFileSync(join(PUBLISHED, `${table}.arrow`))).numRows);
  }
  return tables;
}

/** RFC 4180 CSV (what the page's download holds) → header and rows of strings */
function parseCsv(text: string): {header: string[]; rows: string[][]} {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") record.push(field), (field = "");
    else if (ch === "\n") record.push(field.replace(/\r$/, "")), records.push(record), (record = []), (field = "");
    else field += ch;
  }
  if (field || record.length) record.push(field), records.push(record);
  const [header = [], ...rows] = records;
  return {header, rows};
}

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

beforeAll(async () => {
  ensureBuilt({root: ROOT, dist: DIST, out: OUT, page: "explorer.html"});
  EXAMPLES = (explorerView({manifest: JSON.parse(readFileSync(join(PUBLISHED, "manifest.json"), "utf8"))}, {}, "zh") as {examples: {id: string; sql: string}[]}).examples;
  HAS_VA = EXAMPLES.some((example) => example.id === "value-added");
  server = await serve(DIST);
  browser = await launchChromium();
  context = await newContext(browser, {viewport: {width: 1280, height: 900}});
  mkdirSync(SHOTS, {recursive: true});
}, 2 * TIMEOUT.test);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** watch a page for console errors, failed cells and requests off this machine */
function watch(page: Page, name: string): void {
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${name}: console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${name}: pageerror: ${error.message}`));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && !LOCAL_HOSTS.has(url.hostname)) problems.push(`${name}: request to ${request.url()}`);
  });
}

async function open(path: string, into: BrowserContext = context): Promise<Page> {
  const page = await into.newPage();
  watch(page, path);
  await page.goto(`${server.url}/${path}`);
  await firstAnswer(page);
  return page;
}

/** One page for the Chinese screenshots and the tests that only type queries into it (tables,
 * examples, bad SQL, the 1,000-row cap): each used to load the page and start DuckDB-WASM again. It is the
 * cold-start test's page when that test ran (the same page, in the state a reader first sees), else a new one.
 * One after another on the same page also shows that it stays usable after whatever the test before it ran. */
let shared: Page | undefined;
async function sharedPage(): Promise<Page> {
  return (shared ??= await open("explorer.html"));
}

/** The English page: the link test's when it ran (left open for the English screenshots), else a new one. */
let english: Page | undefined;
async function englishPage(): Promise<Page> {
  return (english ??= await open("en/explorer.html"));
}

async function firstAnswer(page: Page): Promise<number> {
  await page.waitForSelector("html[data-first-answer-ms]");
  await page.waitForSelector(".jh-result");
  return Number(await page.getAttribute("html", "data-first-answer-ms"));
}

interface Answer {
  rows: number;
  shown: number;
  error: string | null;
  csv: {header: string[]; rows: string[][]; raw: string} | null;
}

/** what the result card shows now (the CSV is the download link's content) */
async function answer(page: Page): Promise<Answer> {
  const result = page.locator(".jh-result:not([data-stale])");
  await result.waitFor();
  if (await result.evaluate((node) => node.classList.contains("jh-error"))) {
    return {rows: 0, shown: 0, error: await result.locator(".jh-error-message").textContent(), csv: null};
  }
  const rows = Number(await result.getAttribute("data-rows"));
  const shown = Number(await result.getAttribute("data-shown"));
  const href = await result.locator("a.jh-download").getAttribute("href");
  const raw = href ? await page.evaluate(async (url) => new TextDecoder("utf-8", {ignoreBOM: true}).decode(await (await fetch(url)).arrayBuffer()), href) : "";
  return {rows, shown, error: null, csv: href ? {...parseCsv(raw.replace(/^\ufeff/, "")), raw} : null};
}

/** the page's cells that failed (Framework's error box) */
const cellErrors = (page: Page): Promise<string[]> => page.$$eval(".observablehq--error", (nodes) => nodes.map((node) => node.textContent ?? ""));

/** type a query and run it with Ctrl+Enter, as a reader would */
async function run(page: Page, sql: string): Promise<Answer> {
  await page.$$eval(".jh-result", (nodes) => nodes.forEach((node) => ((node as HTMLElement).dataset.stale = "1")));
  await page.fill("textarea.jh-sql", sql);
  await page.press("textarea.jh-sql", "Control+Enter");
  return answer(page);
}

/** a page that has run other queries, back as a reader first sees it: the first example's answer, nothing focused */
async function asFirstShown(page: Page): Promise<void> {
  // after a resize the page redraws its cells (width is reactive), the last answer with them: marked stale only
  // once that is done, or the redrawn earlier answer would be taken for the new one
  await pageReady(page);
  await page.$$eval(".jh-result", (nodes) => nodes.forEach((node) => ((node as HTMLElement).dataset.stale = "1")));
  await page.selectOption(".jh-editor select", EXAMPLES[0]!.id);
  expect((await answer(page)).error).toBeNull();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** the page as first shown (whole and its first screen), the example with an interval chart, and an error */
async function screenshots(page: Page, lang: "zh" | "en", device: "desktop" | "phone"): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.locator("button[data-table]").first().waitFor();
  await page.screenshot({path: join(SHOTS, `explorer.${lang}.${device}.png`), fullPage: true});
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({path: join(SHOTS, `explorer.${lang}.${device}.top.png`)});
  await page.$$eval(".jh-result", (nodes) => nodes.forEach((node) => ((node as HTMLElement).dataset.stale = "1")));
  // the example with an interval chart where the edition has it, else the first
  await page.selectOption(".jh-editor select", HAS_VA ? "value-added" : EXAMPLES[0]!.id);
  await answer(page);
  await page.locator(".jh-result").screenshot({path: join(SHOTS, `explorer.${lang}.${device}.${HAS_VA ? "value-added" : EXAMPLES[0]!.id}.png`)});
  await run(page, "selec 1");
  await page.locator(".jh-result").screenshot({path: join(SHOTS, `explorer.${lang}.${device}.error.png`)});
}

describe("explorer", () => {
  it("starts DuckDB-WASM from this site and answers the first example; time to first answer and weight", async () => {
    const cold = await newContext(browser, {viewport: {width: 1280, height: 900}});
    const page = await cold.newPage();
    watch(page, "explorer.html (cold)");
    // transfer: what went over the wire (gzip, as test/site/server.ts serves like a production server);
    // uncompressed: the size of each requested file in dist/
    const requests: {url: string; transfer: number; raw: number}[] = [];
    page.on("requestfinished", (request) => {
      const url = new URL(request.url());
      const file = join(DIST, decodeURIComponent(url.pathname));
      const raw = url.protocol.startsWith("http") && existsSync(file) && statSync(file).isFile() ? statSync(file).size : 0;
      void request
        .sizes()
        .then((sizes) => requests.push({url: request.url(), transfer: sizes.responseBodySize + sizes.responseHeadersSize, raw}))
        .catch(() => requests.push({url: request.url(), transfer: 0, raw}));
    });
    const started = Date.now();
    await page.goto(`${server.url}/explorer.html`, {waitUntil: "commit"});
    const inPage = await firstAnswer(page);
    const wall = Date.now() - started;
    await page.waitForLoadState("networkidle");
    const ready = await page.locator(".jh-status").textContent();
    expect(ready).toMatch(/DuckDB v?\d+\.\d+/);
    const wasm = requests.filter((r) => r.url.endsWith(".wasm"));
    expect(wasm.length).toBe(1);
    const weight = {
      first_answer_ms_in_page: inPage,
      first_answer_ms_wall: wall,
      transfer_kb: Math.round(requests.reduce((sum, r) => sum + r.transfer, 0) / 1024),
      uncompressed_kb: Math.round(requests.reduce((sum, r) => sum + r.raw, 0) / 1024),
      wasm: wasm.map((r) => ({file: r.url.replace(/^.*\//, ""), transfer_kb: Math.round(r.transfer / 1024), uncompressed_kb: Math.round(r.raw / 1024)})),
      requests: requests.length,
      chromium: browser.version()
    };
    writeFileSync(join(ROOT, "test", "output", "explorer-weight.json"), JSON.stringify(weight, null, 2) + "\n");
    console.log(
      `explorer: first answer ${inPage} ms after navigation (in page; ${wall} ms wall clock), ` +
        `${weight.transfer_kb} KB transferred (${weight.uncompressed_kb} KB uncompressed, ${weight.requests} requests; ` +
        `wasm ${weight.wasm.map((w) => `${w.file} ${w.transfer_kb} KB`).join(", ")})`
    );
    const first = await answer(page);
    expect(first.error).toBeNull();
    expect(first.rows).toBeGreaterThan(0);
    // the next tests go on on this page (closed with the browser)
    shared = page;
  }, TIMEOUT.test);

  it("screenshots in zh on desktop", async () => {
    await screenshots(await sharedPage(), "zh", "desktop");
  }, TIMEOUT.test);

  it("has every published table, with the row count of its published Arrow file", async () => {
    const tables = arrowTables();
    expect(tables.size).toBeGreaterThan(10);
    const page = await sharedPage();
    const sql = [...tables.keys()].map((table) => `select '${table}' as table_name, count(*)::integer as n from ${table}`).join("\nunion all\n");
    const result = await run(page, `${sql}\norder by table_name`);
    expect(result.error).toBeNull();
    const counts = Object.fromEntries(result.csv!.rows.map(([name, n]) => [name, Number(n)]));
    expect(counts).toEqual(Object.fromEntries([...tables].sort(([a], [b]) => a.localeCompare(b))));
    // the list of tables offers each one
    const listed = await page.$$eval("button[data-table]", (nodes) => nodes.map((node) => (node as HTMLElement).dataset.table));
    for (const table of tables.keys()) expect(listed).toContain(table);
  });

  it("answers the examples with what the published files say", async () => {
    const page = await sharedPage();
    // every example runs
    for (const example of EXAMPLES) {
      await page.$$eval(".jh-result", (nodes) => nodes.forEach((node) => ((node as HTMLElement).dataset.stale = "1")));
      await page.selectOption(".jh-editor select", example.id);
      const result = await answer(page);
      expect(result.error, example.id).toBeNull();
      expect(result.rows, example.id).toBeGreaterThan(0);
      expect(new URL(page.url()).searchParams.get("sql")).toBe(example.sql);
    }

    // coverage by county, latest period
    const coverage = readArrow("coverage");
    const period = coverage.map((row) => String(row.period)).sort().at(-1);
    const expected = coverage
      .filter((row) => row.period === period && row.county !== "all" && row.stage === "all" && row.locality === "all" && row.ownership === "all")
      .sort((a, b) => Number(b.share_schools) - Number(a.share_schools) || String(a.county).localeCompare(String(b.county)));
    const result = await run(page, EXAMPLES.find((example) => example.id === "coverage")!.sql);
    const {header, rows} = result.csv!;
    expect(rows.length).toBe(expected.length);
    rows.forEach((row, i) => {
      const value = (name: string) => row[header.indexOf(name)];
      expect(value("county")).toBe(expected[i]!.county);
      expect(Number(value("n_schools"))).toBe(expected[i]!.n_schools);
      expect(Number(value("n_students_in_group"))).toBe(expected[i]!.n_students_in_group);
      expect(Number(value("share_schools"))).toBeCloseTo(Number(expected[i]!.share_schools), 4);
    });

    // value-added caterpillar (only the internal edition offers it): the latest mathematics pair with most
    // schools, lowest value-added first
    if (HAS_VA) {
      const dates = new Map(readArrow("exam_school").map((row) => [String(row.exam_id), Number(row.exam_date)]));
      const va = readArrow("value_added_school").filter((row) => row.subject === "数学");
      const pairs = new Map<string, {prior: string; exam: string; n: number}>();
      for (const row of va) {
        const key = `${row.prior_exam_id} ${row.exam_id}`;
        const pair = pairs.get(key) ?? {prior: String(row.prior_exam_id), exam: String(row.exam_id), n: 0};
        pair.n += 1;
        pairs.set(key, pair);
      }
      const latest = [...pairs.values()].sort((a, b) => dates.get(b.exam)! - dates.get(a.exam)! || b.n - a.n || a.exam.localeCompare(b.exam))[0]!;
      const schools = va
        .filter((row) => row.prior_exam_id === latest.prior && row.exam_id === latest.exam && !row.is_suppressed)
        .sort((a, b) => Number(a.va) - Number(b.va));
      const caterpillar = await run(page, EXAMPLES.find((example) => example.id === "value-added")!.sql);
      const names = caterpillar.csv!.rows.map((row) => row[caterpillar.csv!.header.indexOf("school_name")]);
      expect(names).toEqual(schools.map((row) => row.school_name));
      // its quick chart is the interval chart: one line per school
      expect(await page.locator(".jh-quick-chart svg").count()).toBe(1);
    } else {
      expect(EXAMPLES.map((example) => example.id)).not.toContain("value-added");
    }
  });

  it("reproduces a query from its link", async () => {
    const latest = readArrow("school_resources").map((row) => String(row.period)).sort().at(-1);
    const expected = readArrow("school_resources").filter((row) => row.period === latest && Number(row.n_met) < 6).length;
    const sql = "-- 未达到七项至少六项 / below 6 of 7\nselect count(*)::integer as n_below\nfrom school_resources\nwhere period = (select max(period) from school_resources) and n_met < 6";
    // a link's query is shown, and runs only when the reader presses run (test/site/lockdown.test.ts)
    const page = await context.newPage();
    watch(page, "en/explorer.html?sql=");
    await page.goto(`${server.url}/en/explorer.html?sql=${encodeURIComponent(sql)}`);
    await page.locator(".jh-waiting").waitFor({timeout: TIMEOUT.wait});
    expect(await page.inputValue("textarea.jh-sql")).toBe(sql);
    await page.locator("button[data-table]").first().waitFor();
    await page.click("button.jh-run");
    const result = await answer(page);
    expect(result.csv!.header).toEqual(["n_below"]);
    expect(Number(result.csv!.rows[0]![0])).toBe(expected);
    expect(await page.locator(".jh-result td").first().textContent()).toBe(String(expected));
    // running another query puts it in the address, and the language link keeps it
    await run(page, "select 42 as answer");
    expect(new URL(page.url()).searchParams.get("sql")).toBe("select 42 as answer");
    const other = await page.getAttribute(".jh-lang", "href");
    expect(new URL(other!, page.url()).searchParams.get("sql")).toBe("select 42 as answer");
    // another host's file is refused with DuckDB's message under an English heading (lockdown.test.ts checks the
    // Chinese page, and every refusal; a request to 127.0.0.2 would be one of this file's problems)
    const refused = await run(page, "select * from read_csv('http://127.0.0.2:9/x-en.csv')");
    expect(refused.error).toMatch(/Permission Error: Cannot access file "http:\/\/127\.0\.0\.2:9\/x-en\.csv" - file system operations are disabled by configuration/);
    expect(await page.locator(".jh-error h2").textContent()).toBe("Query error");
    await page.locator(".jh-result").scrollIntoViewIfNeeded();
    await page.screenshot({path: join(SHOTS, "lockdown.explorer.en.refused.png")});
    english = page;
  });

  it("shows DuckDB's message for bad SQL and stays usable", async () => {
    const page = await sharedPage();
    const syntax = await run(page, "selec * from coverage");
    expect(syntax.error).toMatch(/syntax error/i);
    expect(await page.locator(".jh-error h2").textContent()).toBe("查询出错");
    const missing = await run(page, "select * from no_such_table");
    expect(missing.error).toMatch(/no_such_table/);
    const good = await run(page, "select count(*)::integer as n from headline");
    expect(good.error).toBeNull();
    expect(Number(good.csv!.rows[0]![0])).toBe(arrowTables().get("headline"));
  });

  it("renders at most 1,000 rows and downloads them all as CSV (UTF-8 with BOM)", async () => {
    const page = await sharedPage();
    const result = await run(page, "select range as i, '第' || range || '行' as label from range(2500)");
    expect(result.rows).toBe(2500);
    expect(result.shown).toBe(CAP);
    expect(await page.locator(".jh-result tbody tr").count()).toBe(CAP);
    expect(await page.locator(".jh-result .jh-capped").count()).toBe(1);
    expect(result.csv!.raw.startsWith("\ufeff")).toBe(true);
    expect(result.csv!.header).toEqual(["i", "label"]);
    expect(result.csv!.rows.length).toBe(2500);
    expect(result.csv!.rows.at(-1)).toEqual(["2499", "第2499行"]);
  });

  // The remaining screenshots are of the two pages already open, put back as a reader first sees them (the first
  // example's answer) and, for a phone, narrowed to a phone's width (as a reader narrows a window or turns a
  // tablet): each new page starts DuckDB-WASM again (its 34 MB compiled) and loads every table, for pictures
  // that check nothing more. English: the page of the link test when it ran, else a new one.
  // what site.test.ts checks of every other page, here on the two explorer pages this file starts anyway (site.test.ts
  // leaves them out: each load is a DuckDB-WASM start, issue 12)
  it("holds the site's promises of every page: the policy in force, no failed cell, no English identifiers in the Chinese text", async () => {
    for (const [lang, page] of [["zh", await sharedPage()], ["en", await englishPage()]] as const) {
      await page.setViewportSize({width: 1280, height: 900});
      await asFirstShown(page);
      expect(await policyProblem(page), lang).toBeNull();
      expect(await cellErrors(page), lang).toEqual([]);
      if (lang === "zh") expect(leaks("explorer", englishIdentifiers(await visibleText(page))), "the Chinese page's visible text (chinese-text.test.ts)").toEqual([]);
    }
  }, TIMEOUT.test);

  it("screenshots in zh on phone", async () => {
    const page = await sharedPage();
    await page.setViewportSize(PHONE);
    await asFirstShown(page);
    await screenshots(page, "zh", "phone");
  }, TIMEOUT.test);

  it("screenshots in en on desktop and phone", async () => {
    const page = await englishPage();
    await page.setViewportSize({width: 1280, height: 900});
    await asFirstShown(page);
    await screenshots(page, "en", "desktop");
    await page.setViewportSize(PHONE);
    await asFirstShown(page);
    await screenshots(page, "en", "phone");
  }, TIMEOUT.test);

  it("made no console error and no request off this machine, and no cell failed at either width", async () => {
    for (const page of [shared, english]) if (page) expect(await cellErrors(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
