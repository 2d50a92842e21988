// Browser tests of the built site (issue 5): Debian's Chromium via playwright-core over dist/ served on
// 127.0.0.1. The site must be built: this file runs `npm run build` first when dist/ is missing or older
// than the pipeline's out/published/manifest.json (so `npm test` alone works, and is quick after a build).
// The explorer's two pages are loaded and checked alike by explorer.test.ts (each load starts DuckDB-WASM).
// Screenshots of every page, desktop and phone width (the same load, narrowed to 390 px), go to test/output/screenshots/; page weights (transferred
// with gzip and uncompressed) to test/output/page-weights.json; the overview printed on A4 to
// test/output/print/ (PDF, and PNG pages when poppler-utils' pdftoppm is installed).
import {execFileSync, spawnSync} from "node:child_process";
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative, resolve, sep} from "node:path";
import {tableFromIPC} from "apache-arrow";
import type {Browser, BrowserContext, ConsoleMessage, Page, Request} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {Db} from "../../pipelines/db.js";
import {GROUP_TEMPLATE, PAGES} from "../../pipelines/site/pages.js";
import {TIMEOUT} from "../helpers.js";
import {serve, servedBytes} from "./server.js";
import {siteEdition, siteOut} from "../../pipelines/site/out-dir.js";
import {ensureBuilt, launchChromium, reusedTab} from "./build.js";
import {policyProblem} from "./policy.js";
import {englishIdentifiers, leaks, visibleText} from "./english-text.js";
import {pageReady} from "./ready.js";
import {editionPages, editionShown, editionTitle} from "./edition-check.js";

const ROOT = join(import.meta.dirname, "..", "..");
// JUNHENG_DIST: test a copy of dist/ (e.g. while another build replaces dist/)
const DIST = process.env.JUNHENG_DIST ? resolve(process.env.JUNHENG_DIST) : join(ROOT, "dist");
const OUT = siteOut(ROOT);
// the edition the site is built from (public unless JUNHENG_EDITION says otherwise)
const PUBLISHED = join(OUT, "published", siteEdition());
const SHOTS = join(ROOT, "test", "output", "screenshots");
const BUDGET = 500 * 1024;
// many intranet servers do not gzip: a dashboard page stays within the same budget uncompressed
const RAW_BUDGET = 500 * 1024;

function readArrow(table: string): Record<string, unknown>[] {
  return tableFromIPC(readFileSync(join(PUBLISHED, `${table}.arrow`))).toArray().map((row) => row.toJSON() as Record<string, unknown>);
}

function walk(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** the lead school's group that school-page.test.ts opens a school page of: the first group with a lead */
const leadGroup = (): string => String(readArrow("group_members").filter((row) => row.is_lead).map((row) => String(row.group_id)).sort()[0]);
const groupIds = (): string[] => [...new Set(readArrow("group_profile").map((row) => String(row.group_id)))].sort();

/** the page's name as PAGES and STILL_LEAKING give it: "index", "groups/[group]" for every group's page */
const pageName = (path: string): string => path.replace(/^en\//, "").replace(/^groups\/[^/]+\.html$/, "groups/[group]").replace(/\.html$/, "");

/** the explorer's pages are loaded by explorer.test.ts, which holds them to the same promises (the policy, no failed
 * cell, no English identifiers in the Chinese one; lockdown.test.ts: no other host) on the pages it starts anyway:
 * each load starts DuckDB-WASM and loads every table, about 10 s of CPU (issue 12) */
const ELSEWHERE = new Set(["explorer"]);

function pagePaths(): string[] {
  // JUNHENG_PAGES=a,b: only those pages (e.g. a page being moved onto the wording catalogue)
  const only = process.env.JUNHENG_PAGES?.split(",");
  const base = [...PAGES.filter((page) => !ELSEWHERE.has(page)).map((page) => `${page}.html`), ...groupIds().map((id) => `groups/${id}.html`)].filter((path) => !only || only.includes(pageName(path)));
  return [...base, ...base.map((path) => `en/${path}`)];
}

// built before the tests are listed: every page is a test of its own, and the group pages come from the
// published tables
ensureBuilt({root: ROOT, dist: DIST, out: OUT});

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
const weights: Record<string, {transfer_kb: number; uncompressed_kb: number; requests: number}> = {};

beforeAll(async () => {
  server = await serve(DIST);
  browser = await launchChromium();
  mkdirSync(SHOTS, {recursive: true});
}, TIMEOUT.test);

afterAll(async () => {
  // the weights of the pages that were loaded (all of them in a full run)
  const sorted = Object.fromEntries(Object.entries(weights).sort(([a], [b]) => a.localeCompare(b)));
  if (Object.keys(sorted).length) writeFileSync(join(ROOT, "test", "output", "page-weights.json"), JSON.stringify(sorted, null, 2) + "\n");
  await tab?.context.close();
  await browser?.close();
  await server?.close();
});

interface Visit {
  errors: string[];
  foreign: string[];
  bytes: number;
  rawBytes: number;
  requests: number;
}

interface Opened {
  context: BrowserContext;
  page: Page;
  /** what the page did from its first request on: errors, requests, weight */
  visit: Visit;
}

const DESKTOP = {width: 1280, height: 900};
/** a phone's viewport: the page, once loaded and photographed at desktop width, is narrowed to it and
 * photographed again (one load per page: a second load on a phone context cost about 1.2 s of CPU a page,
 * ~90 s over the 76 pages, and proved nothing the narrowed page does not: the same code at the same width) */
const PHONE = {width: 390, height: 844};

/** the page at this size, its cells run again for it and its charts drawn (Framework's width and resize()) */
async function atSize(page: Page, size: {width: number; height: number}): Promise<void> {
  const now = page.viewportSize();
  if (now?.width === size.width && now.height === size.height) return;
  await page.setViewportSize(size);
  await pageReady(page);
}

/** the one tab every page is loaded in, one after another (build.ts reusedTab: the cache off) */
let tab: Awaited<ReturnType<typeof reusedTab>> | undefined;
/** takes the last load's listeners off its tab */
let unwatch = (): void => {};

/**
 * The page's first load — the browser's cache off, so every file is fetched as on a reader's first visit
 * (the first-load weight) — watched from its first request, and finished: every cell run and drawn
 * (ready.ts), every request it made done. Every page is loaded in the same tab, after about:blank (a fresh
 * context and tab for each cost about 3 s of CPU more a page: build.ts reusedTab).
 */
async function open(path: string): Promise<Opened> {
  unwatch();
  tab ??= await reusedTab(browser, {viewport: DESKTOP});
  const {context, page} = tab;
  await tab.blank();
  const visit: Visit = {errors: [], foreign: [], bytes: 0, rawBytes: 0, requests: 0};
  // this load's listeners, taken off the tab when the next load starts
  const listeners: [string, unknown][] = [];
  const on = <T extends unknown[]>(event: string, listener: (...args: T) => void): void => {
    listeners.push([event, listener]);
    page.on(event as "console", listener as never);
  };
  on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") visit.errors.push(`console: ${message.text()}`);
  });
  on("pageerror", (error: Error) => visit.errors.push(`pageerror: ${error.message}`));
  // the context sees the page's requests and its workers' (DuckDB's, the upload page's staging worker):
  // only this site's, data: and the page's own blob: (lockdown.test.ts's rule, checked here in the one load)
  const record = (request: Request): void => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith(`blob:${server.url}/`) || url.startsWith(`${server.url}/`)) return;
    visit.foreign.push(url);
  };
  context.on("request", record);
  unwatch = () => {
    context.off("request", record);
    for (const [event, listener] of listeners.splice(0)) page.off(event as "console", listener as never);
  };
  // the page's requests in flight, and the weight of those done
  let inFlight = 0;
  const weighed: Promise<void>[] = [];
  const drained: (() => void)[] = [];
  const done = (): void => {
    if (--inFlight === 0) drained.splice(0).forEach((resolve) => resolve());
  };
  on("request", () => void inFlight++);
  on("requestfailed", done);
  on("requestfinished", (request: Request) => {
    weighed.push(
      (async () => {
        const sizes = await request.sizes().catch(() => null);
        visit.requests += 1;
        if (sizes) visit.bytes += sizes.responseBodySize + sizes.responseHeadersSize;
        const served = servedBytes(DIST, server.url, request.url());
        if (served !== undefined) visit.rawBytes += served;
        else {
          // a request that finishes as its page closes has no response to read (not an error of the page)
          const response = await request.response().catch(() => null);
          visit.rawBytes += response ? (await response.body().catch(() => Buffer.alloc(0))).length : 0;
        }
      })()
    );
    done();
  });
  await page.goto(`${server.url}/${path}`);
  await pageReady(page);
  if (inFlight > 0) await new Promise<void>((resolve) => drained.push(resolve));
  await Promise.all(weighed);
  return {context, page, visit};
}

/** the page's cells that failed (Framework's error box) */
const cellErrors = (page: Page): Promise<string[]> => page.$$eval(".observablehq--error", (nodes) => nodes.map((node) => node.textContent ?? ""));

/**
 * One test per page, each with its own timeout: 76 loads under one budget failed on a busy machine. Each load
 * also checks what lockdown.test.ts promises of every page (the policy as parsed, this site's requests only,
 * DuckDB's worker answering), and on a Chinese page what chinese-text.test.ts promises (no English identifiers
 * in its visible text), so that no other file loads every page again.
 */
async function loads(path: string, {page, visit}: Opened): Promise<void> {
  const name = path.replace(/\.html$/, "").replace(/\//g, "_");
  const chinese = !path.startsWith("en/");
  weights[path] = {transfer_kb: Math.round(visit.bytes / 1024), uncompressed_kb: Math.round(visit.rawBytes / 1024), requests: visit.requests};
  const problems: string[] = (await cellErrors(page)).map((text) => `cell: ${text}`);
  // the policy in force as the browser parsed it, hashing exactly the scripts that ran (policy.ts)
  const policy = await policyProblem(page);
  if (policy) problems.push(`policy: ${policy}`);
  // served, the page shows no "open this through a web server" notice (from-disk.test.ts opens it from disk)
  if (await page.locator(".jh-from-disk").count()) problems.push("the from-disk notice on a served page");
  await page.screenshot({path: join(SHOTS, `${name}.desktop.png`), fullPage: true});
  // what chinese-text.test.ts promises, read at the desktop width: the page is left as it was (english-text.ts)
  const text = chinese ? await visibleText(page) : null;
  // the same page at a phone's width: the charts drawn again for it, with no error
  await atSize(page, PHONE);
  problems.push(...(await cellErrors(page)).map((text) => `cell at ${PHONE.width} px: ${text}`));
  await page.screenshot({path: join(SHOTS, `${name}.phone.png`), fullPage: true});
  problems.push(...visit.errors, ...visit.foreign.map((u) => `request to ${u}`));
  // the upload page loads the pipeline's bundled code and DuckDB-WASM: exempt, upload.test.ts reports its weight
  // and time (as explorer.test.ts does the explorer's)
  const exempt = /(^|\/)upload\.html$/.test(path);
  if (visit.bytes > BUDGET && !exempt) problems.push(`${Math.round(visit.bytes / 1024)} KB on first load (budget ${BUDGET / 1024} KB)`);
  if (visit.rawBytes > RAW_BUDGET && !exempt) problems.push(`${Math.round(visit.rawBytes / 1024)} KB uncompressed on first load (budget ${RAW_BUDGET / 1024} KB)`);
  expect(problems).toEqual([]);
  if (text !== null) {
    const hits = englishIdentifiers(text);
    if (process.env.SHOW_LEAKS && hits.length) console.log(pageName(path), hits.slice(0, 12));
    expect(leaks(pageName(path), hits), "the Chinese page's visible text (chinese-text.test.ts)").toEqual([]);
  }
}

/** a check on one page: [path, test name, the check, given the loaded page at desktop width] */
type Check = [path: string, title: string, check: (page: Page) => Promise<void>];

const overviewNumbers = (lang: "zh" | "en", locale: string) => async (page: Page): Promise<void> => {
  const headline = readArrow("headline").filter((row) => row.county === "all");
  const latest = headline.map((row) => String(row.period)).sort().at(-1);
  const row = headline.find((r) => r.period === latest)!;
  const value = async (kpi: string) => (await page.locator(`[data-kpi="${kpi}"] .jh-value`).textContent())?.trim();
  const pct = new Intl.NumberFormat(locale, {style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1});
  expect(await value("share_schools_in_group"), lang).toBe(pct.format(row.share_schools_in_group as number));
  expect(await value("share_students_in_group")).toBe(pct.format(row.share_students_in_group as number));
  expect(await value("exchange_rate")).toBe(pct.format(row.exchange_rate as number));
  expect(await value("n_compliant_schools")).toBe(new Intl.NumberFormat(locale).format(row.n_compliant_schools as number));
};

const csvDownload = (path: string, card: string) => async (page: Page): Promise<void> => {
  // the card itself: no loading indicator can also mean the cells have not started yet
  await page.waitForSelector(`section[data-card^="${card}"] a.jh-download`);
  const shown = await page.evaluate(async (prefix) => {
    const section = document.querySelector<HTMLElement>(`section[data-card^="${prefix}"]:has(a.jh-download)`);
    if (!section) return null;
    const link = section.querySelector<HTMLAnchorElement>("a.jh-download")!;
    const csv = await (await fetch(link.href)).text();
    return {
      file: link.download,
      csv,
      header: [...section.querySelectorAll("thead th")].map((th) => th.getAttribute("data-column")),
      rows: [...section.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""))
    };
  }, card);
  expect(shown, `${path}: card ${card}`).not.toBeNull();
  const [header, ...lines] = parseCsv(shown!.csv.replace(/^\ufeff/, ""));
  expect(shown!.file).toMatch(/\.csv$/);
  expect(header, `${path} ${card}: CSV columns = table columns`).toEqual(shown!.header);
  expect(lines.length, `${path} ${card}: CSV rows = table rows`).toBe(shown!.rows.length);
  expect(lines.length).toBeGreaterThan(0);
  lines.forEach((line, i) => {
    const cells = shown!.rows[i]!;
    expect(line.length).toBe(cells.length);
    line.forEach((value, j) => {
      const cell = cells[j]!;
      // a suppressed value is "<n" in both, never 0; an empty value is "—" in the table
      if (/^<\d+$/.test(value) || /^<\d+$/.test(cell)) expect(cell, `${card} row ${i} ${header![j]}`).toBe(value);
      else if (value === "") expect(cell).toBe("—");
      else if (/^-?\d+(\.\d+)?(e-?\d+)?$/.test(value) && /^[+\-−]?[\d,.]+%?$/.test(cell.trim())) {
        expect(sameNumber(Number(value), cell.trim()), `${card} row ${i} ${header![j]}: table ${cell}, CSV ${value}`).toBe(true);
      }
    });
  });
};

const release = (path: string) => async (page: Page): Promise<void> => {
  const manifest = JSON.parse(readFileSync(join(PUBLISHED, "manifest.json"), "utf8")) as {release: {file: string}[]; citation: {zh: string; en: string}};
  for (const {file} of manifest.release) {
    const href = await page.getAttribute(`a[download="${file}"]`, "href");
    expect(href, `${path}: a link to ${file}`).toBeTruthy();
    // what the link gives, as base64 (a data: URL): a few hundred KB, where an array of numbers was megabytes of JSON
    const base64 = await page.evaluate(async (url) => {
      const blob = await (await fetch(url)).blob();
      const read = await new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(blob);
      });
      return read.slice(read.indexOf(",") + 1);
    }, href!);
    expect(Buffer.from(base64, "base64").equals(readFileSync(join(PUBLISHED, file))), file).toBe(true);
  }
  expect(await page.textContent("blockquote.jh-citation")).toBe(manifest.citation[path.startsWith("en/") ? "en" : "zh"]);
};

const codebook = (query: string) => async (page: Page): Promise<void> => {
  const pack = JSON.parse(readFileSync(join(PUBLISHED, "datapackage.json"), "utf8")) as {resources: {name: string; schema: {fields: {name: string; description: string; description_zh: string}[]}}[]};
  const all = pack.resources.flatMap((resource) => resource.schema.fields.map((field) => ({...field, table: resource.name})));
  const shown = () => page.$$eval('section[data-card="codebook"] tbody tr', (rows) => rows.map((tr) => `${tr.children[0]!.textContent}.${tr.children[1]!.textContent}`));
  expect(await shown()).toEqual(all.map((field) => `${field.table}.${field.name}`));
  // behind a closed toggle until the reader searches (most of the page's length), a reader can open it
  const toggle = page.locator('section[data-card="codebook"] details');
  expect(await toggle.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false);
  await toggle.locator("summary").click();
  expect(await page.locator('section[data-card="codebook"] tbody tr').first().isVisible()).toBe(true);
  await page.fill('input[type="search"]', query);
  const expected = all.filter((field) => [field.table, field.name, field.description, field.description_zh].join(" ").toLowerCase().includes(query.toLowerCase()));
  expect(expected.length).toBeGreaterThan(0);
  await expect.poll(shown).toEqual(expected.map((field) => `${field.table}.${field.name}`));
  // what the search found is shown, not folded away
  expect(await page.locator('section[data-card="codebook"] details').count()).toBe(0);
  expect(await page.locator('section[data-card="codebook"] tbody tr').first().isVisible()).toBe(true);
};

async function suppressedValues(page: Page): Promise<void> {
  const minN = (JSON.parse(readFileSync(join(PUBLISHED, "config.json"), "utf8")) as {min_n?: number}).min_n ?? 10;
  // the shipped card component, given a row whose value is suppressed (published NULL, is_suppressed)
  // (a string, not a function: vitest would rewrite its dynamic import() for Node)
  const probe = (await page.evaluate(`(async (n) => {
    const module = (name) => import(document.querySelector('link[rel="modulepreload"][href*="components/' + name + '."]').href);
    const {card, toCsv} = await module("card");
    const {i18n} = await module("i18n");
    const rows = [{school_name: "小学校", n_students: 4, va: null, is_suppressed: true}, {school_name: "大学校", n_students: 120, va: 0, is_suppressed: false}];
    const columns = [{name: "school_name"}, {name: "n_students", num: true}, {name: "va", num: true, format: (x) => x.toFixed(2), suppressed: (r) => r.is_suppressed}];
    const node = card({title: "t", takeaway: "t", rows, columns, filename: "probe", i18n: i18n("zh"), minN: n, chart: document.createElement("div")});
    return {cells: [...node.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)), csv: toCsv(rows, columns, n), note: node.querySelector(".jh-note")?.textContent ?? ""};
  })(${minN})`)) as {cells: string[][]; csv: string; note: string};
  expect(probe.cells[0]).toEqual(["小学校", "4", `<${minN}`]);
  expect(probe.cells[1]![2]).toBe("0.00"); // a real zero stays a zero
  expect(probe.csv.split("\r\n")[1]).toBe(`小学校,4,<${minN}`);
  expect(probe.note).toContain(`<${minN}`);

  // the published tables: every suppressed school value on the value-added and group pages reads "<n"
  // (the public edition has no school's value-added: then the groups')
  const suppressed = readArrow(existsSync(join(PUBLISHED, "value_added_school.arrow")) ? "value_added_school" : "value_added_group").filter((row) => row.is_suppressed);
  const cells = await page.$$eval("td.jh-suppressed", (nodes) => nodes.map((node) => node.textContent));
  expect(cells.every((text) => text === `<${minN}`)).toBe(true);
  const zeros = await page.$$eval("section[data-card] tbody td.num", (nodes) => nodes.filter((node) => node.classList.contains("jh-suppressed") && /^[+\-]?0([.,]0+)?$/.test(node.textContent ?? "")).length);
  expect(zeros).toBe(0);
  if (suppressed.length) expect(cells.length).toBeGreaterThan(0);
}

/** school-page.test.ts's promise, on this file's load of the group page: its member table links each
 * member (of any period) to the member's school page */
const memberLinks = (group: string) => async (page: Page): Promise<void> => {
  const hrefs = await page.$$eval(`section[data-card^="group_${group}_members"] tbody a`, (links) => links.map((a) => a.getAttribute("href")));
  const ids = [...new Set(readArrow("group_members").filter((row) => row.group_id === group).map((row) => String(row.school_id)))];
  expect(ids.length).toBeGreaterThan(1);
  for (const id of ids) expect(hrefs, id).toContain(`../schools/${id}.html`);
};

async function formulasNeutralised(page: Page): Promise<void> {
  const csv = (await page.evaluate(`(async () => {
    const {toCsv} = await import(document.querySelector('link[rel="modulepreload"][href*="components/card."]').href);
    const rows = [{school_name: '=HYPERLINK("http://x","y")', gap: -0.12}, {school_name: "=cmd|' /C calc'!A0", gap: 0.5}, {school_name: "-0.12", gap: null}];
    return toCsv(rows, [{name: "school_name"}, {name: "gap", num: true}]);
  })()`)) as string;
  expect(csv).toBe(`\ufeffschool_name,gap\r\n"'=HYPERLINK(""http://x"",""y"")",-0.12\r\n'=cmd|' /C calc'!A0,0.5\r\n-0.12,\r\n`);
}

const accessible = (path: string) => async (page: Page): Promise<void> => {
  expect(await page.evaluate(() => document.documentElement.lang), path).toBe(path.startsWith("en/") ? "en" : "zh-CN");
  const figures = await page.$$eval("figure.jh-figure", (nodes) => nodes.map((node) => node.getAttribute("aria-label") ?? ""));
  expect(figures.length, path).toBeGreaterThan(0);
  for (const label of figures) expect(label.length, `${path}: a figure without aria-label`).toBeGreaterThan(5);
  // tab through the page from its start: selects, summaries and download links are reached, each with an outline
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {tag: el.tagName.toLowerCase() + (el.classList.contains("jh-download") ? ".download" : ""), outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2};
    });
    if (!focus) continue;
    reached.add(focus.tag);
    expect(focus.outline, `${path}: ${focus.tag} has no visible focus`).toBe(true);
  }
  expect([...reached], path).toEqual(expect.arrayContaining(["a", "summary", "a.download"]));
  if (!path.includes("index")) expect([...reached], path).toContain("select");
};

const printed = (lang: "zh" | "en") => async (page: Page): Promise<void> => {
  const config = JSON.parse(readFileSync(join(PUBLISHED, "config.json"), "utf8")) as {region_name?: string};
  const dir = join(ROOT, "test", "output", "print");
  mkdirSync(dir, {recursive: true});
  for (const old of readdirSync(dir).filter((file) => file.startsWith(`overview.${lang}`))) rmSync(join(dir, old));
  const poppler = spawnSync("pdftoppm", ["-v"]).status === 0;
  // the A4 text width at 96 dpi (210 mm − 2 × 12 mm margins), as the page's print button lays it out
  await atSize(page, {width: 720, height: 1000});
  await page.emulateMedia({media: "print"});
  const file = join(dir, `overview.${lang}.pdf`);
  try {
    const hidden = await page.evaluate(() =>
      [".jh-nav", ".jh-actions", ".jh-card details", ".jh-lang"].every((selector) => [...document.querySelectorAll(selector)].every((node) => getComputedStyle(node).display === "none"))
    );
    expect(hidden, `${lang}: menu, buttons and table toggles hidden in print`).toBe(true);
    await page.pdf({path: file, format: "A4", printBackground: true});
  } finally {
    await page.emulateMedia({media: null});
  }
  const pdf = readFileSync(file);
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages, `${lang}: A4 pages`).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(5);
  if (poppler) {
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8");
    if (config.region_name) expect(text).toContain(config.region_name);
    expect(text).not.toMatch(/下载 CSV|Download CSV|查看数据表|Show the data table/);
    execFileSync("pdftoppm", ["-png", "-r", "60", file, join(dir, `overview.${lang}`)]);
  }
};

const csvTitle = (path: string, card: string) => `offers on ${path}, for the chart ${card}, a CSV download with exactly the rows and columns of its table`;
const releaseTitle = (path: string) => `offers on ${path} the edition's zip, byte for byte the published one, and its recommended citation`;
const codebookTitle = (path: string) => `lists every published field on ${path} from the data package, and filters them by what the reader types`;
const a11yTitle = (path: string) => `sets the language of ${path}, names every chart by its takeaway, and keeps controls keyboard-reachable with a visible focus`;
const printTitle = (lang: string) => `prints the overview on A4 (${lang}): no menu or buttons, charts whole, the region's name in the text`;

/** the checks that read a page other than its load test's: each runs on that test's load of the page, in
 * this order (the codebook's search and the keyboard's focus change the page: last) */
const CHECKS = (): Check[] => [
  ["index.html", "shows the overview's key numbers exactly as published (zh)", overviewNumbers("zh", "zh-CN")],
  ["en/index.html", "shows the overview's key numbers exactly as published (en)", overviewNumbers("en", "en-GB")],
  ...([
    ["index.html", "overview_coverage_trend"],
    ["coverage.html", "coverage_by_locality_"],
    ["teachers.html", "teacher_exchange_2"],
    ["value-added.html", "value_added_group_"],
    ["en/gaps.html", "gap_urban_rural_over_time"]
  ] as const).map(([path, card]): Check => [path, csvTitle(path, card), csvDownload(path, card)]),
  ...["downloads.html", "en/downloads.html"].map((path): Check => [path, releaseTitle(path), release(path)]),
  ["value-added.html", 'shows suppressed values as "<n" in tables and CSVs, never 0', suppressedValues],
  ["value-added.html", "neutralises formulas in the downloads: the shipped toCsv (cards, explorer, upload page) against the CSV rule", formulasNeutralised],
  ["index.html", printTitle("zh"), printed("zh")],
  ["en/index.html", printTitle("en"), printed("en")],
  ...([
    ["methodology.html", "覆盖率"],
    ["en/methodology.html", "share_schools"]
  ] as const).map(([path, query]): Check => [path, codebookTitle(path), codebook(query)]),
  // what the edition the site was built from shows of itself (editions.test.ts checks the internal one)
  ...editionPages(groupIds()[0]!).map((path): Check => [path, editionTitle(siteEdition(), path), (page) => editionShown(page, siteEdition(), path, groupIds()[0]!)]),
  [`groups/${leadGroup()}.html`, "links each member on a group page to its school page", memberLinks(leadGroup())],
  ...["index.html", "en/index.html", "balance.html", "en/teachers.html", `groups/${groupIds()[0]}.html`].map((path): Check => [path, a11yTitle(path), accessible(path)])
];

describe("site", () => {
  it("has a group page in both languages for every group", () => {
    for (const id of groupIds()) {
      expect(existsSync(join(DIST, "groups", `${id}.html`)), id).toBe(true);
      expect(existsSync(join(DIST, "en", "groups", `${id}.html`)), id).toBe(true);
    }
    // every one is written from the page Framework built for the template code (stamp-pages.ts), which goes
    expect(existsSync(join(DIST, "groups", `${GROUP_TEMPLATE}.html`))).toBe(false);
    expect(existsSync(join(DIST, "en", "groups", `${GROUP_TEMPLATE}.html`))).toBe(false);
  });

  it("puts every published table in dist/ as CSV and Parquet", () => {
    const manifest = JSON.parse(readFileSync(join(PUBLISHED, "manifest.json"), "utf8")) as {published: {table: string}[]};
    const files = walk(join(DIST, "_file")).map((path) => relative(DIST, path));
    for (const {table} of manifest.published.filter((p) => p.table !== "config")) {
      for (const ext of ["csv", "parquet"]) expect(files.some((file) => new RegExp(`downloads/${table}\\.[0-9a-f]+\\.${ext}$`).test(file)), `${table}.${ext}`).toBe(true);
    }
  });

  it("contains no student or teacher id, raw or pseudonymised", async () => {
    const ids = new Set<string>();
    const demo = join(ROOT, "data", "demo");
    if (existsSync(demo)) {
      for (const path of walk(demo).filter((p) => /(scores|teachers|exchanges)\.csv$/.test(p))) {
        const [header, ...lines] = readFileSync(path, "utf8").replace(/^\ufeff/, "").split(/\r?\n/);
        const columns = header!.split(",");
        const wanted = columns.map((name, i) => (name === "student_id" || name === "teacher_id" ? i : -1)).filter((i) => i >= 0);
        for (const line of lines) for (const i of wanted) if (line) ids.add(line.split(",")[i]!);
      }
    }
    const db = await Db.open();
    await db.run(`attach '${join(OUT, "warehouse.duckdb").replace(/'/g, "''")}' as warehouse (read_only)`);
    for (const {id} of await db.all<{id: string}>("select distinct student_id as id from warehouse.stg_scores union select distinct teacher_id from warehouse.stg_teachers")) ids.add(id);
    db.close();
    expect(ids.size).toBeGreaterThan(1000);
    const found: string[] = [];
    for (const path of walk(DIST).filter((p) => !/\.(parquet|png)$/.test(p) && !dependencyCopy(p))) {
      const text = readFileSync(path, "latin1");
      for (const token of text.match(/[A-Za-z0-9_+/=-]{6,}/g) ?? []) if (ids.has(token)) found.push(`${relative(DIST, path)}: ${token}`);
    }
    expect(found.slice(0, 10)).toEqual([]);
  });

  // every page, and the pages other checks read: a describe each, whose tests share one load of the page
  // (issue 12: these checks loaded index.html four times more, value-added.html three, …: 20 loads of 76)
  const checks = CHECKS();
  const loaded = new Set(pagePaths());
  for (const path of [...loaded, ...checks.map(([path]) => path).filter((path) => !loaded.has(path))].filter((path, i, all) => all.indexOf(path) === i)) {
    describe(path, () => {
      let opened: Opened | undefined;
      /** the load test's page (a check run alone loads it itself), at desktop width */
      const page = async (): Promise<Page> => {
        opened ??= await open(path);
        await atSize(opened.page, DESKTOP);
        return opened.page;
      };

      if (loaded.has(path)) {
        const chinese = !path.startsWith("en/");
        it(
          `loads ${path} with no console error, no request off this site, the CSP in force; screenshots; ≤ 500 KB${chinese ? "; no English identifiers in its visible text" : ""}`,
          async () => {
            opened = await open(path);
            await loads(path, opened);
          },
          TIMEOUT.test
        );
      }
      for (const [, title, check] of checks.filter(([p]) => p === path)) it(title, async () => check(await page()), TIMEOUT.test);
    });
  }
});

/** a file under dist/_node/ that is, byte for byte, the dependency's own file in node_modules (DuckDB-WASM's
 * two 35 MB .wasm builds, most of dist/'s bytes): the site's build put nothing of the data in it */
function dependencyCopy(path: string): boolean {
  const match = /^_node\/((?:@[^/]+\/)?[^/@]+)@[^/]+\/(.+)$/.exec(relative(DIST, path).split(sep).join("/"));
  if (!match) return false;
  const original = join(ROOT, "node_modules", match[1]!, match[2]!);
  return existsSync(original) && statSync(original).size === statSync(path).size && readFileSync(original).equals(readFileSync(path));
}

/** a small RFC 4180 reader: quoted fields, doubled quotes, CRLF */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** does a formatted table cell ("91.3%", "+0.43", "4,226", "−0.05") show the CSV's raw number? */
function sameNumber(raw: number, cell: string): boolean {
  const percent = cell.endsWith("%");
  const text = cell.replace(/[,%+]/g, "").replace("−", "-");
  const digits = (text.split(".")[1] ?? "").length;
  const shown = Number(text);
  const value = percent ? raw * 100 : raw;
  return Math.abs(shown - value) <= 0.5 * 10 ** -digits + 1e-9;
}
