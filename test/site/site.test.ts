// Browser tests of the built site (issue 5): Debian's Chromium via playwright-core over dist/ served on
// 127.0.0.1. The site must be built: this file runs `npm run build` first when dist/ is missing or older
// than the pipeline's out/published/manifest.json (so `npm test` alone works, and is quick after a build).
// Screenshots of every page, desktop and phone, go to test/output/screenshots/; page weights to
// test/output/page-weights.json.
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {chromium, type Browser, type BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {Db} from "../../pipelines/db.js";
import {PAGES} from "../../src/components/pages.js";
import {serve} from "./server.js";

const ROOT = join(import.meta.dirname, "..", "..");
const DIST = join(ROOT, "dist");
const OUT = join(ROOT, process.env.JUNHENG_OUT || "out");
const SHOTS = join(ROOT, "test", "output", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const BUDGET = 500 * 1024;
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost"]);

function ensureBuilt(): void {
  const manifest = join(OUT, "published", "manifest.json");
  const index = join(DIST, "index.html");
  if (existsSync(index) && existsSync(manifest) && statSync(index).mtimeMs >= statSync(manifest).mtimeMs) return;
  execFileSync("npm", ["run", "build"], {cwd: ROOT, stdio: "inherit", timeout: 280_000});
}

function readArrow(table: string): Record<string, unknown>[] {
  return tableFromIPC(readFileSync(join(OUT, "published", `${table}.arrow`))).toArray().map((row) => row.toJSON() as Record<string, unknown>);
}

function walk(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

const groupIds = (): string[] => [...new Set(readArrow("group_profile").map((row) => String(row.group_id)))].sort();

function pagePaths(): string[] {
  const base = [...PAGES.map((page) => `${page}.html`), ...groupIds().map((id) => `groups/${id}.html`)];
  return [...base, ...base.map((path) => `en/${path}`)];
}

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  server = await serve(DIST);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  });
  mkdirSync(SHOTS, {recursive: true});
}, 300_000);

afterAll(async () => {
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

async function visit(context: BrowserContext, path: string, shot: string | null): Promise<Visit> {
  const page = await context.newPage();
  const visit: Visit = {errors: [], foreign: [], bytes: 0, rawBytes: 0, requests: 0};
  page.on("console", (message) => {
    if (message.type() === "error") visit.errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => visit.errors.push(`pageerror: ${error.message}`));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (!LOCAL_HOSTS.has(url.hostname)) visit.foreign.push(request.url());
  });
  page.on("requestfinished", async (request) => {
    const sizes = await request.sizes().catch(() => null);
    const response = await request.response();
    visit.requests += 1;
    if (sizes) visit.bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    const length = response ? (await response.body().catch(() => Buffer.alloc(0))).length : 0;
    visit.rawBytes += length;
  });
  await page.goto(`${server.url}/${path}`, {waitUntil: "networkidle"});
  // every cell has run: no Framework error box, no pending cell
  await page.waitForFunction(() => !document.querySelector(".observablehq--loading"), null, {timeout: 20_000});
  const cellErrors = await page.$$eval(".observablehq--error", (nodes) => nodes.map((node) => node.textContent ?? ""));
  visit.errors.push(...cellErrors.map((text) => `cell: ${text}`));
  if (shot) await page.screenshot({path: join(SHOTS, shot), fullPage: true});
  await page.close();
  return visit;
}

describe("site", () => {
  it("has a group page in both languages for every group", () => {
    for (const id of groupIds()) {
      expect(existsSync(join(DIST, "groups", `${id}.html`)), id).toBe(true);
      expect(existsSync(join(DIST, "en", "groups", `${id}.html`)), id).toBe(true);
    }
  });

  it("puts every published table in dist/ as CSV and Parquet", () => {
    const manifest = JSON.parse(readFileSync(join(OUT, "published", "manifest.json"), "utf8")) as {published: {table: string}[]};
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
    for (const path of walk(DIST).filter((p) => !/\.(parquet|png)$/.test(p))) {
      const text = readFileSync(path, "latin1");
      for (const token of text.match(/[A-Za-z0-9_+/=-]{6,}/g) ?? []) if (ids.has(token)) found.push(`${relative(DIST, path)}: ${token}`);
    }
    expect(found.slice(0, 10)).toEqual([]);
  });

  it("loads every page in both languages with no console error and no request off this machine; screenshots; ≤ 500 KB", async () => {
    const desktop = await browser.newContext({viewport: {width: 1280, height: 900}});
    const phone = await browser.newContext({viewport: {width: 390, height: 844}, deviceScaleFactor: 2, isMobile: true, hasTouch: true});
    const weights: Record<string, {transfer_kb: number; uncompressed_kb: number; requests: number}> = {};
    const problems: string[] = [];
    for (const path of pagePaths()) {
      const name = path.replace(/\.html$/, "").replace(/\//g, "_");
      // a fresh context per page: first-load weight with an empty cache
      const cold = await browser.newContext({viewport: {width: 1280, height: 900}});
      const first = await visit(cold, path, `${name}.desktop.png`);
      await cold.close();
      const small = await visit(phone, path, `${name}.phone.png`);
      weights[path] = {transfer_kb: Math.round(first.bytes / 1024), uncompressed_kb: Math.round(first.rawBytes / 1024), requests: first.requests};
      for (const v of [first, small]) {
        problems.push(...v.errors.map((e) => `${path}: ${e}`), ...v.foreign.map((u) => `${path}: request to ${u}`));
      }
      if (first.bytes > BUDGET) problems.push(`${path}: ${Math.round(first.bytes / 1024)} KB on first load (budget ${BUDGET / 1024} KB)`);
    }
    await desktop.close();
    await phone.close();
    writeFileSync(join(ROOT, "test", "output", "page-weights.json"), JSON.stringify(weights, null, 2) + "\n");
    expect(problems).toEqual([]);
  }, 240_000);

  it("shows the overview's key numbers exactly as published", async () => {
    const headline = readArrow("headline").filter((row) => row.county === "all");
    const latest = headline.map((row) => String(row.period)).sort().at(-1);
    const row = headline.find((r) => r.period === latest)!;
    const context = await browser.newContext();
    for (const [lang, locale] of [["zh", "zh-CN"], ["en", "en-GB"]] as const) {
      const page = await context.newPage();
      await page.goto(`${server.url}/${lang === "en" ? "en/" : ""}index.html`, {waitUntil: "networkidle"});
      const value = async (kpi: string) => (await page.locator(`[data-kpi="${kpi}"] .jh-value`).textContent())?.trim();
      const pct = new Intl.NumberFormat(locale, {style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1});
      expect(await value("share_schools_in_group")).toBe(pct.format(row.share_schools_in_group as number));
      expect(await value("share_students_in_group")).toBe(pct.format(row.share_students_in_group as number));
      expect(await value("exchange_rate")).toBe(pct.format(row.exchange_rate as number));
      expect(await value("n_compliant_schools")).toBe(new Intl.NumberFormat(locale).format(row.n_compliant_schools as number));
      await page.close();
    }
    await context.close();
  });
});
