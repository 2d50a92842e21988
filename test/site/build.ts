// Browser tests need dist/ (or dist-internal/ for the internal edition): build it once when it is missing,
// older than the pipeline's output, or of the other edition. Test
// files may run in parallel workers, so the build is taken under a lock directory (mkdir is atomic); a
// worker that finds the lock waits for the other one's build instead of starting its own.
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {join} from "node:path";
import {chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page} from "playwright-core";
import {TIMEOUT} from "../helpers.js";
import {catchRuntime} from "./ready.js";

export function ensureBuilt({root, dist, out, page = "index.html", edition = "public"}: {root: string; dist: string; out: string; page?: string; edition?: "public" | "internal"}): void {
  // the edition's manifest, and a built page that says it is that edition (observablehq.config.ts's header)
  const manifest = join(out, "published", edition, "manifest.json");
  const fresh = (): boolean => {
    const html = join(dist, page);
    if (!existsSync(html) || !existsSync(manifest) || statSync(html).mtimeMs < statSync(manifest).mtimeMs) return false;
    // the policy is written by the site step's last part (csp.ts): a build that stopped half-way is not fresh
    const text = readFileSync(html, "utf8");
    return text.includes(`data-edition="${edition}"`) && text.includes('<meta http-equiv="Content-Security-Policy"');
  };
  if (fresh()) return;
  const lock = join(root, "test", "output", ".site-build.lock");
  mkdirSync(join(root, "test", "output"), {recursive: true});
  // a hang guard only: a build on a busy two-core machine can take many minutes
  const deadline = Date.now() + 2 * TIMEOUT.test;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} held for too long: remove it if no test is building the site`);
      execFileSync("sleep", ["2"]);
      if (fresh()) return;
    }
  }
  try {
    for (let attempt = 1; !fresh(); attempt++) {
      try {
        // the site step alone when the run's output is there (the internal edition's site goes to dist-internal/)
        const script = existsSync(manifest) ? "site" : edition === "internal" ? "build:internal" : "build";
        execFileSync("npm", ["run", script], {cwd: root, stdio: "inherit", timeout: TIMEOUT.test, env: {...process.env, JUNHENG_EDITION: edition}});
      } catch (error) {
        // another test file may be building without this lock (the pipeline refuses a second run): wait for it
        if (attempt >= 3) throw error;
        execFileSync("sleep", ["10"]);
      }
    }
  } finally {
    rmSync(lock, {recursive: true, force: true});
  }
}

/**
 * Debian's Chromium, headless, with its background networking off: without those flags it tries to reach
 * Google's hosts at every start, which this machine's closed network refuses.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    timeout: TIMEOUT.wait,
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  });
}

/** A browser context whose every wait (navigation, selector, function) allows TIMEOUT.wait, not
 * Playwright's 30 s, which a page on a busy machine can exceed without anything being wrong; its pages can
 * say when they have finished (ready.ts pageReady). */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(TIMEOUT.wait);
  context.setDefaultNavigationTimeout(TIMEOUT.wait);
  await catchRuntime(context);
  return context;
}

/** One tab for loading many pages one after another, with the browser's cache off: every page's load fetches
 * every file as a reader's first visit does (its first-load weight), and costs about 3 s of CPU less than a
 * fresh context and tab (a new renderer process, its fonts and caches warmed again; measured with cpuacct,
 * issue 12). The site keeps no storage, and each document runs its own scripts and workers, so a page
 * loaded after another (after about:blank: `blank`) starts as it would in a fresh tab. */
export async function reusedTab(browser: Browser, options: BrowserContextOptions = {}): Promise<{context: BrowserContext; page: Page; blank: () => Promise<void>}> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", {cacheDisabled: true});
  // the last page gone, its late events (its unload) before the next page's watch starts
  const blank = async (): Promise<void> => {
    await page.goto("about:blank");
    if (options.viewport) await page.setViewportSize(options.viewport);
  };
  return {context, page, blank};
}
