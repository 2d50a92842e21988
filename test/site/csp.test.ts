// The post-build step that puts the Content-Security-Policy in every page (pipelines/site/csp.ts), on
// planted pages: hashes worked out here from the scripts' text, scripts with src= not hashed, the policy
// first in <head>, and a second run replacing the policy instead of adding one.
import {createHash} from "node:crypto";
import {mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {addPolicies, withPolicy} from "../../pipelines/site/csp.js";
import {tempDir} from "../helpers.js";

const PAGE = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<script src="./_observablehq/client.js" type="module"></script>
<script>document.documentElement.lang="zh-CN";</script>
<script type="module">
import {define} from "./x.js";
define("中文");
</script>
</head>
<body><script>document.documentElement.lang="zh-CN";</script></body>
</html>
`;

describe("csp", () => {
  it("allows exactly the page's inline scripts by sha256, once each, and puts the policy first in <head>", () => {
    const hash = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
    const lang = hash('document.documentElement.lang="zh-CN";');
    const module = hash('\nimport {define} from "./x.js";\ndefine("中文");\n');
    const html = withPolicy(PAGE);
    const meta = /^<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Security-Policy" content="([^"]*)">\n<meta charset="utf-8">/.exec(html);
    expect(meta).not.toBeNull();
    expect(meta![1]).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${lang}' 'sha256-${module}';`);
    expect(meta![1]!.match(/sha256-/g)!.length).toBe(2);
    expect(meta![1]).toMatch(/^default-src 'self'; .*; object-src 'none'; base-uri 'self'; form-action 'self'$/);
    // the page itself is unchanged apart from the one line
    expect(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, "")).toBe(PAGE);
  });

  it("replaces its own policy when run again on the same dist/, in every .html of every folder", () => {
    const dist = tempDir();
    mkdirSync(join(dist, "en", "groups"), {recursive: true});
    for (const path of ["index.html", "en/groups/g1.html"]) writeFileSync(join(dist, path), PAGE);
    writeFileSync(join(dist, "data.json"), "{}");
    expect(addPolicies(dist)).toBe(2);
    const once = readFileSync(join(dist, "en", "groups", "g1.html"), "utf8");
    expect(addPolicies(dist)).toBe(2);
    expect(readFileSync(join(dist, "en", "groups", "g1.html"), "utf8")).toBe(once);
    expect(once.match(/Content-Security-Policy/g)!.length).toBe(1);
    expect(readFileSync(join(dist, "data.json"), "utf8")).toBe("{}");
  });
});
