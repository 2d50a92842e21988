// The site touches nothing that is not its own (issue 11, item 5), in Debian's Chromium over dist/ on
// 127.0.0.1. A second server on another loopback address (127.0.0.2, its own port) stands for "another
// host" and counts every request it gets: a query from a link, a typed query, DuckDB's worker and the page
// itself must never reach it. Every built page carries a Content-Security-Policy as the first element of
// its <head>, allowing its own inline scripts by hash and nothing from another origin (the policy:
// policy.ts); every page in both languages loads under it with no console error (a refused script or
// request is one) and requests only from this site (checked in site.test.ts's load of each page).
// Screenshots of a refused query: test/output/screenshots/lockdown.*.png. The upload page's lock is checked in
// upload.test.ts, on the page that file already started DuckDB-WASM on (issue 12: a start here cost ≈ 15 s of CPU).
import {mkdirSync, readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {tableFromIPC} from "apache-arrow";
import type {Browser, BrowserContext, Page, Request} from "playwright-core";
import {TIMEOUT} from "../helpers.js";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PAGES} from "../../pipelines/site/pages.js";
import {ensureBuilt, launchChromium, newContext} from "./build.js";
import {expectedPolicy, sha256} from "./policy.js";
import {serve} from "./server.js";
import {otherHost, type OtherHost} from "./other-host.js";
import {siteEdition} from "../../pipelines/site/out-dir.js";

const ROOT = join(import.meta.dirname, "..", "..");
const DIST = join(ROOT, "dist");
const OUT = join(ROOT, process.env.JUNHENG_OUT || "out");
// the edition the site is built from (public unless JUNHENG_EDITION says otherwise)
const PUBLISHED = join(OUT, "published", siteEdition());
const SHOTS = join(ROOT, "test", "output", "screenshots");

let site: Awaited<ReturnType<typeof serve>>;
let other: OtherHost;
let otherUrl: string;
let hits: string[];
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  ensureBuilt({root: ROOT, dist: DIST, out: OUT, page: "explorer.html"});
  site = await serve(DIST);
  // "another host": answers everything, so that only the site can stop a request; counts what it gets
  other = await otherHost();
  ({url: otherUrl, hits} = other);
  browser = await launchChromium();
  context = await newContext(browser, {viewport: {width: 1280, height: 900}});
  mkdirSync(SHOTS, {recursive: true});
}, TIMEOUT.long);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
  await other?.close();
});

function walk(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

function ids(table: string, column: string): string[] {
  return [...(tableFromIPC(readFileSync(join(PUBLISHED, `${table}.arrow`))).getChild(column)!.toArray() as string[])];
}

function pagePaths(): string[] {
  const groups = ids("group_profile", "group_id");
  // a page per school: every school a member, uncovered or with resources (as test/site/school-page.test.ts counts them)
  const schools = [...ids("group_members", "school_id"), ...ids("uncovered_schools", "school_id"), ...ids("school_resources", "school_id")];
  const base = [
    ...PAGES.map((page) => `${page}.html`),
    ...[...new Set(groups)].sort().map((id) => `groups/${id}.html`),
    ...[...new Set(schools)].sort().map((id) => `schools/${id}.html`)
  ];
  return [...base, ...base.map((path) => `en/${path}`)];
}

interface Watched {
  errors: string[];
  foreign: string[];
}

/** every console error and every request that is not this site's (data: and the page's own blob: aside) */
function watch(page: Page): Watched {
  const watched: Watched = {errors: [], foreign: []};
  page.on("console", (message) => {
    if (message.type() === "error") watched.errors.push(message.text());
  });
  page.on("pageerror", (error) => watched.errors.push(`pageerror: ${error.message}`));
  // the context sees the page's requests and its workers' (DuckDB's)
  const record = (request: Request): void => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith(`blob:${site.url}/`) || url.startsWith(`${site.url}/`)) return;
    watched.foreign.push(url);
  };
  page.context().on("request", record);
  page.on("close", () => page.context().off("request", record));
  return watched;
}

/** the explorer with DuckDB started, its tables loaded and locked (the table list shows once it is) */
async function openExplorer(path: string): Promise<{page: Page; watched: Watched}> {
  const page = await context.newPage();
  const watched = watch(page);
  await page.goto(`${site.url}/${path}`);
  await page.locator("button[data-table]").first().waitFor({timeout: TIMEOUT.wait});
  return {page, watched};
}

// The Chinese explorer as the link test opened it (?sql= a query of the other host's, which it then ran),
// kept for the explorer's other tests: each load starts DuckDB-WASM and loads every table, the costliest
// load of the site, and these tests need a started explorer, not a new one each (issue 12). Its watch runs
// from its first request, so each test sees all the page did, the earlier tests' part included.
let explorer: {page: Page; watched: Watched} | undefined;

/** that explorer, or (a test run alone) one of its own */
async function startedExplorer(): Promise<{page: Page; watched: Watched}> {
  return (explorer ??= await openExplorer("explorer.html"));
}

/** type a query, press the run button as a reader would, and read what the result card says */
async function run(page: Page, sql: string): Promise<{error: string | null; rows: number}> {
  await page.$$eval(".jh-result", (nodes) => nodes.forEach((node) => ((node as HTMLElement).dataset.stale = "1")));
  await page.fill("textarea.jh-sql", sql);
  await page.click("button.jh-run");
  const result = page.locator(".jh-result:not([data-stale])");
  await result.waitFor();
  if (await result.evaluate((node) => node.classList.contains("jh-error"))) return {error: await result.locator(".jh-error-message").textContent(), rows: 0};
  return {error: null, rows: Number(await result.getAttribute("data-rows"))};
}

describe("Content-Security-Policy", () => {
  it("is the first element of every built page's <head>, allowing exactly that page's inline scripts", () => {
    const pages = walk(DIST).filter((path) => path.endsWith(".html"));
    expect(pages.length).toBe(pagePaths().length);
    for (const path of pages) {
      const html = readFileSync(path, "utf8");
      const name = relative(DIST, path);
      const head = /<head>\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
      expect(head, `${name}: the policy first in <head>`).not.toBeNull();
      expect(html.match(/http-equiv="Content-Security-Policy"/g)!.length, name).toBe(1);
      // the charset must still be declared within the first 1024 bytes
      expect(Buffer.from(html).subarray(0, 1024).toString("latin1"), name).toContain('<meta charset="utf-8">');
      // the page's inline scripts, found here by the HTML's <script> tags without src
      const inline = [...html.matchAll(/<script( type="module")?>([\s\S]*?)<\/script>/g)].map((match) => sha256(match[2]!));
      expect(inline.length, `${name}: Framework's module and the config's head() script`).toBe(2);
      expect(head![1], name).toBe(expectedPolicy([...new Set(inline)]));
    }
  });

  // Every page in both languages loading under the policy with no console error, only this site's requests
  // (its workers' included) and the policy as the browser parsed it: site.test.ts, in its one load of each
  // page (issue 12: the pages were loaded once here and twice there).
});

describe("the explorer", () => {
  it("fills the editor from a link's ?sql= but runs it only when the reader presses run; the query reaches no other host", async () => {
    // the Chinese page; the English one's refusal and its heading are checked on the English explorer that
    // explorer.test.ts starts from a link anyway (each start here cost ≈ 10 s of CPU, issue 12)
    const sql = `select * from read_csv('${otherUrl}/x-zh.csv')`;
    const opened = await openExplorer(`explorer.html?sql=${encodeURIComponent(sql)}`);
    const {page, watched} = opened;
    expect(await page.inputValue("textarea.jh-sql")).toBe(sql);
    // loaded and locked, nothing ran: a note says so, no result and no answer time
    await page.locator(".jh-waiting").waitFor();
    expect(await page.locator(".jh-result").count()).toBe(0);
    expect(await page.getAttribute("html", "data-first-answer-ms")).toBeNull();
    expect(hits).toEqual([]);
    // run: DuckDB refuses the file and says why
    const refused = await run(page, sql);
    expect(refused.error).toMatch(/Permission Error: Cannot access file "http:\/\/127\.0\.0\.2:\d+\/x-zh\.csv" - file system operations are disabled by configuration/);
    expect(await page.locator(".jh-error h2").textContent()).toBe("查询出错");
    await page.locator(".jh-result").scrollIntoViewIfNeeded();
    await page.screenshot({path: join(SHOTS, "lockdown.explorer.zh.refused.png")});
    expect(hits).toEqual([]);
    // the published tables are all there and still answer
    const headline = tableFromIPC(readFileSync(join(PUBLISHED, "headline.arrow"))).numRows;
    expect(await run(page, "select * from headline")).toEqual({error: null, rows: headline});
    expect(watched.foreign).toEqual([]);
    // it goes on to the tests below
    explorer = opened;
  }, TIMEOUT.test);

  it("refuses every way to reach out or to undo the lock, with DuckDB's message; queries still work", async () => {
    const {page, watched} = await startedExplorer();
    const refused: [string, RegExp][] = [
      ["install httpfs", /Installing DuckDB extensions is disabled on this page/],
      ["-- a comment first\nFORCE INSTALL httpfs FROM 'REPO'", /此页面不能安装 DuckDB 扩展/],
      ["select 1 as install; install json", /Installing DuckDB extensions is disabled/],
      ["load httpfs", /Permission Error: Loading external extensions is disabled through configuration/],
      ["load 'REPO/httpfs.duckdb_extension.wasm'", /Permission Error: Loading external extensions is disabled/],
      ["set enable_external_access = true", /the configuration has been locked/],
      ["set autoinstall_known_extensions = true", /the configuration has been locked/],
      ["set autoload_known_extensions = true", /the configuration has been locked/],
      ["set allowed_directories = ['/']", /the configuration has been locked/],
      ["set lock_configuration = false", /the configuration has been locked/],
      ["reset lock_configuration", /the configuration has been locked/],
      ["attach 'REPO/x.duckdb' as x", /Permission Error: Cannot access file/],
      ["select * from 'REPO/y.csv'", /Permission Error: Cannot access file/],
      ["copy (select 1) to 'REPO/z.csv'", /Permission Error/]
    ];
    for (const [sql, message] of refused) {
      const result = await run(page, sql.replace("REPO", otherUrl));
      expect(result.error, sql).toMatch(message);
    }
    // an alias named install is not a statement
    expect(await run(page, "select 1 as install")).toEqual({error: null, rows: 1});
    const settings = await run(page, "select * from duckdb_settings() where name in ('enable_external_access', 'lock_configuration') and value = (name = 'lock_configuration')::varchar");
    expect(settings).toEqual({error: null, rows: 2});
    // every table of the edition the site was built from (those with an Arrow file), and the configured targets
    const published = (JSON.parse(readFileSync(join(PUBLISHED, "manifest.json"), "utf8")) as {published: {table: string; files: {file: string}[]}[]}).published;
    expect(await page.locator("button[data-table]").count()).toBe(published.filter((entry) => entry.files.some((file) => file.file.endsWith(".arrow"))).length + 1);
    expect(hits).toEqual([]);
    expect(watched.foreign).toEqual([]);
    expect(watched.errors).toEqual([]);
  }, TIMEOUT.test);

  it("refuses a script or a request the site did not write, and DuckDB's worker is under the policy too", async () => {
    // last on the shared explorer: the refused script and requests are console errors
    const {page} = await startedExplorer();
    const injected = await page.evaluate(async (url) => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
      const fetched = await fetch(`${url}/from-page`).then(() => "fetched", (error) => `refused: ${error}`);
      return {ran: (window as unknown as {__injected?: boolean}).__injected === true, fetched};
    }, otherUrl);
    expect(injected.ran).toBe(false);
    expect(injected.fetched).toMatch(/^refused/);
    // DuckDB's worker runs from a blob: URL, so it inherits the page's policy (from its own URL it would have none)
    const workers = page.workers();
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) {
      expect(worker.url()).toMatch(/^blob:/);
      expect(await worker.evaluate(async (url) => fetch(`${url}/from-worker`).then(() => "fetched", (error) => `refused: ${error}`), otherUrl)).toMatch(/^refused/);
    }
    expect(hits).toEqual([]);
    await page.close();
    explorer = undefined;
  }, TIMEOUT.test);
});
