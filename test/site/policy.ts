// The Content-Security-Policy every built page must carry, written out by hand: what each directive allows
// is a decision, not whatever the code emits. Shared by lockdown.test.ts (the built files, the refusals) and
// site.test.ts (every page, as the browser parsed it, in the one load of each page both files need).
import {createHash} from "node:crypto";
import type {Page} from "playwright-core";

export const expectedPolicy = (hashes: string[]): string =>
  "default-src 'self'; " +
  `script-src 'self' 'wasm-unsafe-eval'${hashes.map((hash) => ` 'sha256-${hash}'`).join("")}; ` +
  "worker-src 'self' blob:; connect-src 'self' blob:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
  "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

export const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("base64");

/** The policy in force as the browser parsed the page: the first element of <head>, hashing exactly the
 * inline scripts that are there. Returns what differs, or null. */
export async function policyProblem(page: Page): Promise<string | null> {
  const seen = await page.evaluate(() => ({
    first: document.head.firstElementChild?.outerHTML ?? "",
    scripts: [...document.querySelectorAll("script:not([src])")].map((script) => script.textContent ?? "")
  }));
  const expected = `<meta http-equiv="Content-Security-Policy" content="${expectedPolicy([...new Set(seen.scripts.map(sha256))])}">`;
  return seen.first === expected ? null : `first element of <head> is ${seen.first.slice(0, 200)}, expected ${expected.slice(0, 200)}`;
}
