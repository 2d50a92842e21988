// Build-time step after `observable build`: puts a Content-Security-Policy <meta> first in the <head> of
// every page of dist/, so that a page (and a query typed into the explorer) can reach only the site's own
// origin. Framework writes an inline <script type="module"> per page and the config's head() another
// inline script; script-src 'self' would block them, so each page's policy allows exactly its own inline
// scripts by their sha256. Running it twice replaces the policy instead of adding a second one.
//
//   npx tsx pipelines/site/csp.ts [dist]        (npm run site runs it)
import {createHash} from "node:crypto";
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {siteDist} from "./out-dir.js";

/**
 * Every directive on purpose. DuckDB-WASM needs 'wasm-unsafe-eval' (compiling its .wasm), a blob: worker
 * (duckdbClient.js starts it from a blob so that the worker inherits this policy: a worker loaded from a
 * URL would run under no policy at all) and blob: in connect-src (the worker fetches the .wasm from a blob
 * URL the page made). Plot and htl set inline styles: style-src needs 'unsafe-inline'. The favicon is a
 * data: URL. frame-ancestors is ignored in a <meta> policy: a server adds it as a header (README).
 */
export function policy(hashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${hashes.map((hash) => ` 'sha256-${hash}'`).join("")}`,
    "worker-src 'self' blob:",
    "connect-src 'self' blob:",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'"
  ].join("; ");
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?/g;

/** the base64 sha256 of each inline script's text, in page order (a script with src= is not inline) */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    hashes.push(createHash("sha256").update(body!, "utf8").digest("base64"));
  }
  return [...new Set(hashes)];
}

/** the page with its policy as the first element of <head> (an earlier policy of this step replaced) */
export function withPolicy(html: string): string {
  const page = html.replace(META, "");
  const head = /<head\b[^>]*>\n?/i.exec(page);
  if (!head) throw new Error("no <head> in the page");
  const at = head.index + head[0].length;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(inlineScriptHashes(page))}">\n`;
  return page.slice(0, at) + meta + page.slice(at);
}

/** every .html file under dir; returns how many pages got a policy */
export function addPolicies(dir: string): number {
  let pages = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const path = join(entry.parentPath, entry.name);
    writeFileSync(path, withPolicy(readFileSync(path, "utf8")));
    pages += 1;
  }
  return pages;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dist = process.argv[2] ?? siteDist(join(dirname(fileURLToPath(import.meta.url)), "..", ".."));
  console.log(`Content-Security-Policy added to ${addPolicies(dist)} pages of ${dist}`);
}
