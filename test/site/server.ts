// dist/ on 127.0.0.1 (a free port) for the browser tests: the same server `junheng serve` gives a bureau
// (pipelines/serve.ts), gzip like any production web server.
import {statSync} from "node:fs";
import {resolveRequest, startServer} from "../../pipelines/serve.js";

export async function serve(root: string, {gzip = true} = {}): Promise<{url: string; close: () => Promise<void>}> {
  const {server, url} = await startServer(root, 0, {gzip});
  return {url: url.replace(/\/$/, ""), close: () => new Promise((resolve) => server.close(() => resolve()))};
}

/** How many bytes the server at `base` (serving `root`) sends for `url` before compression: the size of the
 * file it serves (resolveRequest), read from disk rather than copied out of the browser body by body.
 * Undefined for another origin's URL, data:, blob:, or a path it answers 404. */
export function servedBytes(root: string, base: string, url: string): number | undefined {
  if (!url.startsWith(`${base}/`)) return undefined;
  const file = resolveRequest(root, new URL(url).pathname);
  return file ? statSync(file).size : undefined;
}
