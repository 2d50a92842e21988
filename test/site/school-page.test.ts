// Browser tests of the school pages (issue 13): every school has a page in both languages; a school page
// loads in both languages with no error, only its own data file, within the page budget; the schools index
// finds a school by part of its name and links to its page (a group page's member table links to each
// member's page: checked in site.test.ts's load of the group page). Screenshots go to
// test/output/screenshots/ (schools_<id>.<lang>.png, schools.<lang>.png).
import {existsSync, mkdirSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {tableFromIPC} from "apache-arrow";
import type {Browser, ConsoleMessage, Page, Request} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {siteEdition, siteOut} from "../../pipelines/site/out-dir.js";
import {TIMEOUT} from "../helpers.js";
import {ensureBuilt, launchChromium, reusedTab} from "./build.js";
import {serve, servedBytes} from "./server.js";
import {pageReady} from "./ready.js";

const ROOT = join(import.meta.dirname, "..", "..");
const DIST = process.env.JUNHENG_DIST ? resolve(process.env.JUNHENG_DIST) : join(ROOT, "dist");
const OUT = siteOut(ROOT);
const SHOTS = join(ROOT, "test", "output", "screenshots");
// the same budgets as test/site/site.test.ts
const BUDGET = 500 * 1024;
const RAW_BUDGET = 560 * 1024;

// the edition the site is built from (out/published/<edition>/, docs/editions.md)
const PUBLISHED = join(OUT, "published", siteEdition());

function readArrow(table: string): Record<string, unknown>[] {
  const path = join(PUBLISHED, `${table}.arrow`);
  if (!existsSync(path)) return [];
  return tableFromIPC(readFileSync(path)).toArray().map((row) => row.toJSON() as Record<string, unknown>);
}

ensureBuilt({root: ROOT, dist: DIST, out: OUT});

const members = readArrow("group_members");
const schoolIds = [...new Set([...members, ...readArrow("uncovered_schools"), ...readArrow("school_resources")].map((row) => String(row.school_id)))].sort();
// the lead of the first group: it has members, resources, exchanges and (internal edition) exams
const lead = members.filter((row) => row.is_lead).sort((a, b) => String(a.group_id).localeCompare(String(b.group_id)))[0]!;
const hasResults = existsSync(join(PUBLISHED, "exam_school.arrow"));
// a school whose sections (学部) are in different groups in the latest period (甘州区's plan: five 九年一贯制 schools)
const latestPeriod = members.reduce((max, row) => (String(row.period) > max ? String(row.period) : max), "");
const splitId = [...new Set(members.map((row) => String(row.school_id)))].sort().find((id) => {
  const rows = members.filter((row) => row.period === latestPeriod && String(row.school_id) === id && row.section !== "all");
  return new Set(rows.map((row) => row.group_id)).size > 1;
});

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  server = await serve(DIST);
  browser = await launchChromium();
  mkdirSync(SHOTS, {recursive: true});
}, TIMEOUT.test);

afterAll(async () => {
  await tab?.context.close();
  await browser?.close();
  await server?.close();
});

/** the one tab the pages are loaded in, one after another (build.ts reusedTab: the cache off, so each load
 * fetches every file as a reader's first visit does) */
let tab: Awaited<ReturnType<typeof reusedTab>> | undefined;

async function open(path: string): Promise<{page: Page; errors: string[]; requests: string[]; bytes: number; rawBytes: number; close: () => Promise<void>}> {
  tab ??= await reusedTab(browser, {viewport: {width: 1280, height: 900}});
  await tab.blank();
  const {page} = tab;
  const errors: string[] = [];
  const requests: string[] = [];
  const sizes = {bytes: 0, rawBytes: 0};
  const weighed: Promise<void>[] = [];
  const onConsole = (message: ConsoleMessage): void => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  };
  const onError = (error: Error): void => void errors.push(`pageerror: ${error.message}`);
  const onFinished = (request: Request): void => {
    requests.push(request.url());
    weighed.push(
      (async () => {
        const s = await request.sizes().catch(() => null);
        if (s) sizes.bytes += s.responseBodySize + s.responseHeadersSize;
        // uncompressed: the file the server sends (server.ts), or the body itself for anything else
        const served = servedBytes(DIST, server.url, request.url());
        const response = served === undefined ? await request.response() : null;
        sizes.rawBytes += served ?? (response ? (await response.body().catch(() => Buffer.alloc(0))).length : 0);
      })()
    );
  };
  page.on("console", onConsole);
  page.on("pageerror", onError);
  page.on("requestfinished", onFinished);
  await page.goto(`${server.url}/${path}`);
  // every cell run and drawn (ready.ts): every file the page reads is in, and weighed
  await pageReady(page);
  await Promise.all(weighed);
  errors.push(...(await page.$$eval(".observablehq--error", (nodes) => nodes.map((node) => `cell: ${node.textContent}`))));
  return {
    page,
    errors,
    requests,
    get bytes() {
      return sizes.bytes;
    },
    get rawBytes() {
      return sizes.rawBytes;
    },
    // this load's watch ends (the tab stays for the next page)
    close: async () => {
      page.off("console", onConsole);
      page.off("pageerror", onError);
      page.off("requestfinished", onFinished);
    }
  };
}

describe("school pages", () => {
  it("has a page in both languages for every school, and none for the template", () => {
    expect(schoolIds.length).toBeGreaterThan(10);
    for (const id of schoolIds) {
      expect(existsSync(join(DIST, "schools", `${id}.html`)), id).toBe(true);
      expect(existsSync(join(DIST, "en", "schools", `${id}.html`)), id).toBe(true);
    }
    expect(existsSync(join(DIST, "schools", "__school__.html"))).toBe(false);
  });

  it.each(["zh", "en"] as const)(
    "loads a school's page (%s) with its name, its group linked, only its own data file, within budget",
    async (lang) => {
      const prefix = lang === "en" ? "en/" : "";
      const visit = await open(`${prefix}schools/${lead.school_id}.html`);
      const {page} = visit;
      await page.screenshot({path: join(SHOTS, `schools_${lead.school_id}.${lang}.png`), fullPage: true});
      expect(visit.errors).toEqual([]);
      expect(await page.locator("h1").first().textContent()).toBe(String(lead.school_name));
      // the groups card links to the group's page
      const groupLink = page.locator(`section[data-card^="school_${lead.school_id}_groups"] a[href$="groups/${lead.group_id}.html"]`);
      await groupLink.first().waitFor({state: "attached"});
      // its own data file only, no other school's
      const schoolFiles = visit.requests.filter((url) => url.includes("/_file/data/schools/"));
      expect(schoolFiles).toHaveLength(1);
      expect(schoolFiles[0]).toContain(`/schools/${lead.school_id}.`);
      // results where the edition has them, the edition's note where it does not
      const results = await page.locator(`section[data-card^="school_${lead.school_id}_exam_"]`).count();
      const note = await page.locator("section#edition").count();
      expect([results > 0, note]).toEqual(hasResults ? [true, 0] : [false, 1]);
      expect(visit.bytes, "transfer").toBeLessThan(BUDGET);
      expect(visit.rawBytes, "uncompressed").toBeLessThan(RAW_BUDGET);
      await visit.close();
    },
    TIMEOUT.test
  );

  it.each(["zh", "en"] as const)(
    "shows each section's group for a school whose sections are in different groups (%s)",
    async (lang) => {
      expect(splitId, "the demo has a school split between two groups").toBeDefined();
      const prefix = lang === "en" ? "en/" : "";
      const visit = await open(`${prefix}schools/${splitId}.html`);
      const {page} = visit;
      await page.screenshot({path: join(SHOTS, `schools_${splitId}.${lang}.png`), fullPage: true});
      expect(visit.errors).toEqual([]);
      const groups = members.filter((row) => row.period === latestPeriod && String(row.school_id) === splitId);
      const card = page.locator(`section[data-card^="school_${splitId}_groups"]`);
      const text = (await card.textContent()) ?? "";
      expect(text).toContain(lang === "zh" ? "各学部分属不同集团" : "Its sections are in different groups");
      for (const row of groups) {
        await card.locator(`a[href$="groups/${row.group_id}.html"]`).first().waitFor({state: "attached"});
        expect(text).toContain(lang === "zh" ? (row.section === "primary" ? "小学部" : "初中部") : `${row.section} section`);
      }
      await visit.close();
    },
    TIMEOUT.test
  );

  it.each(["zh", "en"] as const)(
    "finds a school on the index (%s) by part of its name and opens its page",
    async (lang) => {
      const prefix = lang === "en" ? "en/" : "";
      const visit = await open(`${prefix}schools.html`);
      const {page} = visit;
      const name = String(lead.school_name);
      await page.locator('input[type="search"]').fill(name.slice(-4));
      await page.locator('input[type="search"]').dispatchEvent("input");
      const link = page.locator(`section[data-card="schools"] a[href="schools/${lead.school_id}.html"]`);
      await link.waitFor();
      await page.screenshot({path: join(SHOTS, `schools.${lang}.png`), fullPage: true});
      expect(visit.errors).toEqual([]);
      await link.click();
      await page.waitForURL(`**/${prefix}schools/${lead.school_id}.html`);
      await pageReady(page);
      expect(new URL(page.url()).pathname).toBe(`/${prefix}schools/${lead.school_id}.html`);
      expect(await page.locator("h1").first().textContent()).toBe(name);
      await visit.close();
    },
    TIMEOUT.test
  );

  // a group page's member table linking each member to its school page: site.test.ts, in its one load of the
  // group page (issue 12: the page was loaded here a second time)
});
