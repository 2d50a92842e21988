// `junheng serve [dist]`: the built site on this computer only (127.0.0.1), for bureau staff with no web
// server. The pages cannot work from file:// — a browser refuses the module scripts and data files a page
// loads from disk — so each page says so and names this command (the head script in observablehq.config.ts).
//
// A plain static server: GET and HEAD, files under the folder only (a path that leaves it, also through a
// symbolic link, is 404), a folder's index.html, the content types the site uses, and the headers a <meta>
// policy cannot set (frame-ancestors; nosniff).
import {createReadStream, existsSync, realpathSync, statSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {createServer, type Server} from "node:http";
import {promisify} from "node:util";
import {gzip as gzipCallback} from "node:zlib";
import {extname, join, resolve, sep} from "node:path";
import {EXIT_CODES, parse} from "./cli-args.js";
import {UsageError} from "./errors.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".cff": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet",
  ".zip": "application/zip",
  ".pdf": "application/pdf",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8"
};

const HELP = `junheng serve — 在本机打开已生成的网站 / serve the built site on this computer

用法 Usage:
  junheng serve [目录 dir]      默认 dist（公开版）；内部版为 dist-internal / default dist (public); the internal edition is dist-internal
  --port <n>                  端口，默认 3000（被占用时依次尝试后面的端口）/ port, default 3000 (the next free one if taken)

只在 127.0.0.1 上监听：本机浏览器可以打开，网络上的其他电脑不能。按 Ctrl+C 停止。
Listens on 127.0.0.1 only: this computer's browser can open it, other computers cannot. Ctrl+C stops it.

${EXIT_CODES}
`;

/** the file a URL path names under root, or undefined (outside root, missing, not a file) */
export function resolveRequest(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  } catch {
    return undefined;
  }
  if (path.includes("\0")) return undefined;
  const realRoot = realpathSync(root);
  let file = resolve(realRoot, "." + (path.startsWith("/") ? path : `/${path}`));
  if (file !== realRoot && !file.startsWith(realRoot + sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  else if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
  if (!existsSync(file)) return undefined;
  const real = realpathSync(file);
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return undefined;
  return statSync(real).isFile() ? real : undefined;
}

const NOT_FOUND = `<!doctype html><meta charset="utf-8"><title>404</title><p>找不到这个页面。<a href="/index.html">返回首页</a></p><p>Page not found. <a href="/en/index.html">Home</a></p>`;

// already compressed: sent as they are
const COMPRESSED = new Set([".parquet", ".png", ".jpg", ".zip", ".docx", ".xlsx", ".pdf", ".woff2"]);

const gzipAsync = promisify(gzipCallback);

/** files compressed once while unchanged (same size and time): DuckDB's 34 MB .wasm costs a second of CPU to
 * compress, and every reader of the explorer or the upload page fetches it; at most CACHE_BYTES compressed */
const CACHE_BYTES = 64 * 1024 * 1024;
const compressed = new Map<string, {mtimeMs: number; size: number; body: Promise<Buffer>; bytes: number}>();

function gzipped(file: string): Promise<Buffer> {
  const {mtimeMs, size} = statSync(file);
  const hit = compressed.get(file);
  if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit.body;
  const entry = {mtimeMs, size, bytes: 0, body: readFile(file).then((bytes) => gzipAsync(bytes))};
  compressed.set(file, entry);
  entry.body.then(
    (body) => {
      entry.bytes = body.length;
      let total = 0;
      for (const cached of compressed.values()) total += cached.bytes;
      // the oldest first, never the one just made
      for (const [key, cached] of compressed) {
        if (total <= CACHE_BYTES || cached === entry) break;
        compressed.delete(key);
        total -= cached.bytes;
      }
    },
    () => compressed.get(file) === entry && compressed.delete(file)
  );
  return entry.body;
}

/** start serving root on 127.0.0.1 (port 0: any free port), gzip for a browser that accepts it (a dashboard
 * page is about a third of its size compressed); resolves once listening */
export async function startServer(root: string, port: number, {gzip = true} = {}): Promise<{server: Server; url: string}> {
  const server = createServer((request, response) => {
    const headers = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "frame-ancestors 'none'", "Cache-Control": "no-cache"};
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, {...headers, Allow: "GET, HEAD"}).end();
      return;
    }
    const file = resolveRequest(root, request.url ?? "/");
    if (!file) {
      response.writeHead(404, {...headers, "Content-Type": "text/html; charset=utf-8"}).end(request.method === "HEAD" ? undefined : NOT_FOUND);
      return;
    }
    const extension = extname(file).toLowerCase();
    const compress = gzip && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? "")) && !COMPRESSED.has(extension);
    const type = {"Content-Type": TYPES[extension] ?? "application/octet-stream", Vary: "Accept-Encoding"};
    response.writeHead(200, {...headers, ...type, ...(compress ? {"Content-Encoding": "gzip"} : {"Content-Length": statSync(file).size})});
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    if (compress) {
      gzipped(file).then(
        (body) => response.end(body),
        () => response.destroy()
      );
      return;
    }
    createReadStream(file)
      .on("error", () => response.destroy())
      .pipe(response);
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", fail);
      done();
    });
  });
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return {server, url: `http://127.0.0.1:${actual}/`};
}

export async function serveCommand(argv: string[]): Promise<number> {
  const {values, positionals} = parse(argv, {port: {type: "string"}}, HELP, true);
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`只能给一个目录：${positionals.join(" ")}`, `give one folder only: ${positionals.join(" ")}`);
  const root = resolve(positionals[0] ?? "dist");
  if (!existsSync(join(root, "index.html"))) {
    throw new UsageError(
      `${root} 中没有 index.html：先运行 npm run build（公开版，写入 dist）或 npm run build:internal（内部版，写入 dist-internal）`,
      `no index.html in ${root}: run npm run build first (the public edition, into dist) or npm run build:internal (the internal edition, into dist-internal)`
    );
  }
  const wanted = values.port === undefined ? 3000 : Number(values.port);
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) throw new UsageError(`--port 应为 0 到 65535 的整数：${values.port}`, `--port must be a whole number from 0 to 65535: ${values.port}`);
  // a port given explicitly is used or refused; the default moves on to the next free one
  const tries = values.port === undefined ? 20 : 1;
  for (let i = 0; i < tries; i++) {
    try {
      const {url} = await startServer(root, wanted === 0 ? 0 : wanted + i);
      console.log(`网站已在本机打开：${url}index.html （按 Ctrl+C 停止）\nServing ${root} at ${url}index.html (Ctrl+C stops it)`);
      await new Promise<never>(() => {});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    }
  }
  throw new UsageError(`端口 ${wanted}${tries > 1 ? ` 至 ${wanted + tries - 1}` : ""} 已被占用；请用 --port 指定其他端口`, `port ${wanted}${tries > 1 ? ` to ${wanted + tries - 1}` : ""} is in use; choose another with --port`);
}
