// After `observable build`: the site's own modules (dist/_import/**: pages' components, views and the
// wording catalogue) minified in place, as Framework leaves them as written. Page weight: a dashboard page
// stays under 500 KB uncompressed for intranet servers that do not gzip (test/site/site.test.ts). Only
// whitespace, syntax and local names change; exports, imports and file names stay, so nothing that links
// to a module changes. The generated vendor bundles are minified already and left alone.
//
//   npx tsx pipelines/site/minify.ts [dist]
import {readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {transformSync} from "esbuild";
import {siteDist} from "./out-dir.js";

export function minifyModules(dist: string): {files: number; before: number; after: number} {
  const root = join(dist, "_import");
  let files = 0;
  let before = 0;
  let after = 0;
  for (const file of walk(root)) {
    if (!file.endsWith(".js") || file.includes(`${join("components", "vendor")}`)) continue;
    const source = readFileSync(file, "utf8");
    const {code} = transformSync(source, {loader: "js", format: "esm", minify: true, target: "es2022", charset: "utf8", legalComments: "none"});
    writeFileSync(file, code);
    files++;
    before += Buffer.byteLength(source);
    after += Buffer.byteLength(code);
  }
  return {files, before, after};
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dist = process.argv[2] ?? siteDist(join(dirname(fileURLToPath(import.meta.url)), "..", ".."));
  const {files, before, after} = minifyModules(dist);
  console.log(`${files} site modules minified in ${dist}/_import: ${Math.round(before / 1024)} KB → ${Math.round(after / 1024)} KB`);
}
