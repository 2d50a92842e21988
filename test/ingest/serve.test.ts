// `junheng serve`: the built site on 127.0.0.1 for staff with no web server (pipelines/serve.ts). What it
// must never do is hand out a file outside the folder it serves.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdirSync, symlinkSync, writeFileSync} from "node:fs";
import type {Server} from "node:http";
import {join} from "node:path";
import {resolveRequest, startServer} from "../../pipelines/serve.js";
import {runCli, tempDir} from "../helpers.js";

let root: string;
let outside: string;
let server: Server;
let url: string;

beforeAll(async () => {
  const base = tempDir();
  root = join(base, "dist");
  outside = join(base, "secret.txt");
  mkdirSync(join(root, "groups"), {recursive: true});
  mkdirSync(join(root, "_file", "data"), {recursive: true});
  writeFileSync(join(root, "index.html"), "<!doctype html><title>首页</title>");
  writeFileSync(join(root, "groups", "g1.html"), "<!doctype html><title>集团</title>");
  writeFileSync(join(root, "_file", "data", "t.parquet"), Buffer.from([80, 65, 82, 49]));
  writeFileSync(join(root, "app.js"), "export {}");
  writeFileSync(outside, "outside the site");
  symlinkSync(outside, join(root, "link.txt"));
  ({server, url} = await startServer(root, 0));
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe("junheng serve", () => {
  it("listens on 127.0.0.1 only", () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const address = server.address();
    expect(typeof address === "object" && address?.address).toBe("127.0.0.1");
  });

  it("serves pages, modules and data with their content types", async () => {
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await home.text()).toContain("首页");
    expect((await fetch(`${url}groups/g1.html`)).status).toBe(200);
    expect((await fetch(`${url}groups/g1`)).status).toBe(200); // a link without .html still works
    expect((await fetch(`${url}app.js`)).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const data = await fetch(`${url}_file/data/t.parquet`);
    expect(data.headers.get("content-type")).toBe("application/vnd.apache.parquet");
    expect(Buffer.from(await data.arrayBuffer())).toEqual(Buffer.from([80, 65, 82, 49]));
    expect(home.headers.get("x-content-type-options")).toBe("nosniff");
    expect(home.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
  });

  it("never serves a file outside the folder: .., encoded .., absolute paths, symbolic links", async () => {
    for (const path of ["../secret.txt", "%2e%2e/secret.txt", "%2e%2e%2fsecret.txt", "groups/..%2f..%2fsecret.txt", "link.txt", "%00", "nope.html"]) {
      expect(resolveRequest(root, `/${path}`), path).toBeUndefined();
    }
    const response = await fetch(`${url}%2e%2e%2fsecret.txt`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("outside the site");
    expect((await fetch(`${url}link.txt`)).status).toBe(404);
  });

  it("answers GET and HEAD only", async () => {
    expect((await fetch(url, {method: "POST", body: "x"})).status).toBe(405);
    expect((await fetch(url, {method: "HEAD"})).status).toBe(200);
  });

  it("refuses a folder with no built site, saying how to build one (exit 1)", () => {
    const result = runCli(["serve", tempDir()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("npm run build");
    expect(result.stderr).toMatch(/^错误：.*\nError: /);
  });
});
