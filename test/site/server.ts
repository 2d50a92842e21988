// dist/ on 127.0.0.1 (a free port) for the browser tests: the same server `junheng serve` gives a bureau
// (pipelines/serve.ts), gzip like any production web server.
import {startServer} from "../../pipelines/serve.js";

export async function serve(root: string, {gzip = true} = {}): Promise<{url: string; close: () => Promise<void>}> {
  const {server, url} = await startServer(root, 0, {gzip});
  return {url: url.replace(/\/$/, ""), close: () => new Promise((resolve) => server.close(() => resolve()))};
}
