// The site of each edition (docs/editions.md): `npm run build` builds the public one into dist/,
// JUNHENG_EDITION=internal into dist-internal/. Every page says which edition it is; in the public one a card
// says, where school results would be, why they are not shown, citing the rule; the internal one shows them.
// Its data files hold no single school's exam figure. Screenshots of both editions in both languages go to
// test/output/screenshots/editions/.
import {mkdirSync, readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import type {Browser, BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {TIMEOUT} from "../helpers.js";
import {serve} from "./server.js";
import {siteOut} from "../../pipelines/site/out-dir.js";
import {ensureBuilt, launchChromium, newContext} from "./build.js";
import {pageReady} from "./ready.js";

const ROOT = join(import.meta.dirname, "..", "..");
const OUT = siteOut(ROOT);
const DIST = {public: join(ROOT, "dist"), internal: join(ROOT, "dist-internal")} as const;
const SHOTS = join(ROOT, "test", "output", "screenshots", "editions");
type Edition = keyof typeof DIST;

// the internal site first: building it leaves src/data holding the internal edition, which the public
// build then replaces (the public site is what the other browser tests read)
ensureBuilt({root: ROOT, dist: DIST.internal, out: OUT, edition: "internal"});
ensureBuilt({root: ROOT, dist: DIST.public, out: OUT, edition: "public"});

const servers: Partial<Record<Edition, Awaited<ReturnType<typeof serve>>>> = {};
let browser: Browser;

beforeAll(async () => {
  servers.public = await serve(DIST.public);
  servers.internal = await serve(DIST.internal);
  browser = await launchChromium();
  mkdirSync(SHOTS, {recursive: true});
}, TIMEOUT.test);

afterAll(async () => {
  await browser?.close();
  await servers.public?.close();
  await servers.internal?.close();
});

function walk(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

const firstGroup = (): string => readdirSync(join(DIST.public, "groups")).filter((name) => name.endsWith(".html")).sort()[0]!.replace(/\.html$/, "");

/** the page of that edition, every cell run and drawn (ready.ts) */
async function open(context: BrowserContext, edition: Edition, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${servers[edition]!.url}/${path}`);
  await pageReady(page);
  return page;
}

describe("the public and the internal site", () => {
  it("keeps the internal edition out of dist/: no school exam or value-added file, no per-school exam figure in any data file", () => {
    const files = walk(join(DIST.public, "_file")).map((path) => relative(DIST.public, path));
    expect(files.filter((file) => /(exam_school|value_added_school)\.[0-9a-f]+\.(csv|parquet|arrow)$/.test(file))).toEqual([]);
    // the value-added page reads a table of no rows where the internal site has the schools' value-added
    const empty = files.filter((file) => /tables\/(exam_school|value_added_school)\./.test(file));
    for (const file of empty) expect(JSON.parse(readFileSync(join(DIST.public, file), "utf8")), file).toEqual({rows: 0, columns: {}, dates: []});
    // (the manifest and edition.json name the columns left out; the methodology describes every table)
    // (datapackage.json, like the methodology, holds each table's text, which names the formula's terms; its
    // fields are checked below)
    for (const file of files.filter((name) => /\.(json|csv)$/.test(name) && !/(methodology|contract|manifest|edition|datapackage)\.[0-9a-f]+\.json$/.test(name))) {
      const text = readFileSync(join(DIST.public, file), "utf8");
      expect(text, file).not.toMatch(/\b(mean_score|excellent_rate|pass_rate|mean_z|va_shrunk|lead_minus_members)\b/);
    }
    // the public data package describes no field the edition leaves out
    for (const file of files.filter((name) => /datapackage\.[0-9a-f]+\.json$/.test(name))) {
      const pack = JSON.parse(readFileSync(join(DIST.public, file), "utf8")) as {resources: {name: string; schema: {fields: {name: string}[]}}[]};
      const fields = pack.resources.flatMap((resource) => resource.schema.fields.map((field) => `${resource.name}.${field.name}`));
      expect(fields.length, file).toBeGreaterThan(100);
      expect(fields.filter((name) => /\.(mean_score|excellent_rate|pass_rate|mean_z|va_shrunk\w*|lead_minus_members\w*)$/.test(name)), file).toEqual([]);
      expect(pack.resources.map((resource) => resource.name), file).not.toContain("exam_school");
    }
    // each group file's school exam and value-added parts are empty
    for (const file of files.filter((name) => /data\/groups\/.+\.json$/.test(name))) {
      const group = JSON.parse(readFileSync(join(DIST.public, file), "utf8"));
      if (!("exams" in group)) continue;
      expect(group.exams.rows, file).toBe(0);
      expect(group.va_schools.rows, file).toBe(0);
    }
    // and the internal site has them
    expect(walk(join(DIST.internal, "_file")).some((path) => /exam_school\.[0-9a-f]+\.csv$/.test(path))).toBe(true);
  });

  it.each([
    ["public", "", "公开版", "公开版：不含单所学校的考试结果"],
    ["public", "en/", "Public edition", "Public edition: no single school's exam results"],
    ["internal", "", "内部版 · 仅限教育局内网", "内部版：含单所学校的考试结果和增值评价，仅供教育局内部网络使用"],
    ["internal", "en/", "Internal edition · bureau network only", "Internal edition: holds single schools' exam results"]
  ] as const)("%s %s: every page says which edition it is; the group and value-added pages show or withhold school results", async (edition, prefix, badge, footer) => {
    const group = firstGroup();
    const pages = [`${prefix}index.html`, `${prefix}groups/${group}.html`, `${prefix}value-added.html`, `${prefix}downloads.html`];
    const context = await newContext(browser, {viewport: {width: 1280, height: 900}});
    for (const path of pages) {
      const page = await open(context, edition, path);
      expect(await page.locator(`.jh-edition[data-edition="${edition}"]`).innerText(), path).toBe(badge);
      expect(await page.locator(".jh-footer").innerText(), path).toContain(footer);
      const withheld = await page.$$eval("section[data-withheld]", (nodes) => nodes.map((node) => [node.getAttribute("data-card"), node.getAttribute("data-withheld"), node.textContent ?? ""]));
      if (edition === "internal") expect(withheld, path).toEqual([]);
      if (path.includes("groups/")) {
        if (edition === "public") {
          expect(withheld.map(([card, code]) => [card, code])).toEqual([
            [`group_${group}_exam`, "school_exam"],
            [`group_${group}_lead_member_gap`, "lead_one_school"]
          ]);
          // the rule, cited on the card; no chart in its place
          expect(withheld[0]![2]).toMatch(prefix ? /neither ranked nor published/ : /考试结果不排名、不公布/);
          expect(withheld[0]![2]).toMatch(prefix ? /December 2025/ : /关于进一步加强中小学日常考试管理的通知/);
          expect(await page.locator("section[data-withheld] figure, section[data-withheld] svg").count()).toBe(0);
          // the group's own value-added stays, without its schools
          expect(await page.locator(`section[data-card^="group_${group}_va_"] figure`).count()).toBe(1);
        } else {
          expect(await page.locator(`section[data-card^="group_${group}_exam_"] figure svg`).count()).toBe(1);
          expect(await page.locator(`section[data-card="group_${group}_lead_member_gap"]`).count()).toBe(1);
        }
      }
      if (path.includes("value-added")) {
        if (edition === "public") {
          expect(withheld.map(([card, code]) => [card!.replace(/_[^_]+_[^_]+$/, ""), code])).toEqual([
            ["value_added", "school_value_added"],
            ["value_added_shrunk", "school_value_added"],
            ["value_added_lead_minus_members", "lead_one_school"]
          ]);
          expect(await page.locator(`section[data-card^="value_added_group_"] figure svg`).count()).toBe(1);
        } else {
          expect(await page.locator(`section[data-card^="value_added_"] figure svg`).count()).toBe(4);
        }
      }
      if (path.includes("downloads")) {
        const links = await page.$$eval("a[download]", (nodes) => nodes.map((node) => node.getAttribute("download")));
        expect(links.includes("exam_school.csv"), path).toBe(edition === "internal");
        expect(await page.locator('section[data-card="left_out"]').count(), path).toBe(edition === "public" ? 1 : 0);
      }
      if (!path.includes("index")) await page.screenshot({path: join(SHOTS, `${edition}-${prefix ? "en" : "zh"}-${path.replace(/^en\//, "").replace(/\//g, "-").replace(/\.html$/, "")}.png`), fullPage: true});
      await page.close();
    }
    await context.close();
  }, TIMEOUT.test);
});
