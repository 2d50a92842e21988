// Opening dist/index.html from a file browser (what intranet staff do): the browser refuses the page's module
// scripts and data files from file://, so instead of endless spinners the page must say, in its language,
// how to serve the site (observablehq.config.ts fromDiskNotice; junheng serve). Served over http, no page
// shows it (site.test.ts, in its load of every page). Screenshots: test/output/screenshots/from-disk.<lang>.png.
import {mkdirSync} from "node:fs";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {siteOut} from "../../pipelines/site/out-dir.js";
import {TIMEOUT} from "../helpers.js";
import {ensureBuilt, launchChromium, newContext} from "./build.js";

const ROOT = join(import.meta.dirname, "..", "..");
const DIST = process.env.JUNHENG_DIST ? resolve(process.env.JUNHENG_DIST) : join(ROOT, "dist");
const SHOTS = join(ROOT, "test", "output", "screenshots");

ensureBuilt({root: ROOT, dist: DIST, out: siteOut(ROOT)});

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SHOTS, {recursive: true});
}, TIMEOUT.test);
afterAll(async () => browser?.close());

describe("a page opened from disk", () => {
  it.each([
    ["zh", "index.html", /请通过网页服务器打开本网站[\s\S]*junheng serve dist/],
    ["en", "en/index.html", /Open this site through a web server[\s\S]*junheng serve dist/]
  ])("%s: says how to serve the site", async (lang, page, expected) => {
    const context = await newContext(browser, {viewport: {width: 1280, height: 900}});
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(join(DIST, page)).href);
    const notice = tab.locator(".jh-from-disk");
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(expected);
    expect(await notice.getAttribute("role")).toBe("alert");
    await tab.screenshot({path: join(SHOTS, `from-disk.${lang}.png`)});
    await context.close();
  });

  // served over http, no page shows the notice: site.test.ts, in its load of every page (issue 12: this file
  // started a server and loaded the overview once more for it)
});
