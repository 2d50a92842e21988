// Browser tests need dist/: build it once when it is missing or older than the pipeline's output. Test
// files run in parallel workers, so the build is taken under a lock directory (mkdir is atomic); a worker
// that finds the lock waits for the other one's build instead of starting its own.
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, rmSync, statSync} from "node:fs";
import {join} from "node:path";
import {chromium, type Browser} from "playwright-core";

export function ensureBuilt({root, dist, out, page = "index.html"}: {root: string; dist: string; out: string; page?: string}): void {
  const manifest = join(out, "published", "manifest.json");
  const fresh = (): boolean => {
    const html = join(dist, page);
    return existsSync(html) && existsSync(manifest) && statSync(html).mtimeMs >= statSync(manifest).mtimeMs;
  };
  if (fresh()) return;
  const lock = join(root, "test", "output", ".site-build.lock");
  mkdirSync(join(root, "test", "output"), {recursive: true});
  const deadline = Date.now() + 290_000;
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
        execFileSync("npm", ["run", "build"], {cwd: root, stdio: "inherit", timeout: 280_000});
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
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  });
}
