// The site of each edition (docs/editions.md): `npm run build` builds the public one into dist/,
// JUNHENG_EDITION=internal into dist-internal/. Every page says which edition it is; in the public one a card
// says, where school results would be, why they are not shown, citing the rule; the internal one shows them.
// Its data files hold no single school's exam figure. What a page of either edition shows is checked by
// edition-check.ts: here on the internal site, in site.test.ts on the public one (its one load of each page).
// Screenshots of the internal edition in both languages go to test/output/screenshots/editions/ (the public
// edition's are site.test.ts's).
import {mkdirSync, readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {TIMEOUT} from "../helpers.js";
import {serve} from "./server.js";
import {siteOut} from "../../pipelines/site/out-dir.js";
import {ensureBuilt, launchChromium, newContext} from "./build.js";
import {pageReady} from "./ready.js";
import {editionPages, editionShown} from "./edition-check.js";

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
  servers.internal = await serve(DIST.internal);
  browser = await launchChromium();
  mkdirSync(SHOTS, {recursive: true});
}, TIMEOUT.test);

afterAll(async () => {
  await browser?.close();
  await servers.internal?.close();
});

function walk(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

const firstGroup = (): string => readdirSync(join(DIST.public, "groups")).filter((name) => name.endsWith(".html")).sort()[0]!.replace(/\.html$/, "");

/** the page of that edition in the tab, every cell run and drawn (ready.ts) */
async function open(page: Page, edition: Edition, path: string): Promise<Page> {
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

  // the public edition's pages: site.test.ts, in its one load of each page (edition-check.ts; issue 12: they
  // were loaded here a second time), and their screenshots are its own
  it.each(["zh", "en"] as const)("internal (%s): every page says it is the internal edition; the group and value-added pages show school results", async (lang) => {
    const group = firstGroup();
    // one tab, each page loaded in it in turn (a tab a page cost about 2 s of CPU more each: build.ts reusedTab)
    const context = await newContext(browser, {viewport: {width: 1280, height: 900}});
    const tab = await context.newPage();
    for (const path of editionPages(group).filter((page) => page.startsWith("en/") === (lang === "en"))) {
      const page = await open(tab, "internal", path);
      await editionShown(page, "internal", path, group);
      if (!path.includes("index")) await page.screenshot({path: join(SHOTS, `internal-${lang}-${path.replace(/^en\//, "").replace(/\//g, "-").replace(/\.html$/, "")}.png`), fullPage: true});
    }
    await context.close();
  }, TIMEOUT.test);
});
