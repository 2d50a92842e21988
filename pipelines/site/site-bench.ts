// `npm run bench -- --no-run --sites province-demo`: the whole `npm run site` (prepare, observable build,
// stamp-pages, minify, csp) on the demo's published tables replicated once per county (replicate-tables.ts;
// 217 counties: about 10,000 schools and 1,700 groups), for when a province pipeline run cannot be made.
// The prepare step is prepare.ts's own, with the replicated tables; the others are package.json's `site`
// steps as they are. Leaves src/data and dist/ holding that site (rebuild the demo after). Prints one JSON line.
//
//   npx tsx pipelines/site/site-bench.ts [counties]        (npm run bench runs it as a child process)
import {execFileSync} from "node:child_process";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {prepare} from "./prepare.js";
import {DATA, ROOT} from "./paths.js";
import {replicateTables} from "./replicate-tables.js";
import {groupIds, schoolIds} from "./stamp-pages.js";

const counties = Number(process.argv[2] ?? 217);
const steps_ms: Record<string, number> = {};
let started = performance.now();
prepare({tables: (tables) => replicateTables(tables, counties)});
steps_ms[`tsx pipelines/site/prepare.ts (the tables × ${counties})`] = Math.round(performance.now() - started);
const script = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {scripts: {site: string}}).scripts.site;
for (const step of script.split("&&").map((x) => x.trim()).filter((x) => !x.includes("prepare.ts"))) {
  const [command, ...args] = step.split(/\s+/);
  started = performance.now();
  execFileSync(join(ROOT, "node_modules/.bin", command!), args, {cwd: ROOT, stdio: ["ignore", "ignore", "inherit"]});
  steps_ms[step] = Math.round(performance.now() - started);
}
const walk = (dir: string): string[] => readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [e.name]));
const pages = walk(join(ROOT, "dist")).filter((name) => name.endsWith(".html")).length;
const ms = Object.values(steps_ms).reduce((a, b) => a + b, 0);
console.log(JSON.stringify({counties, groups: groupIds(DATA).length, schools: schoolIds(DATA).length, pages, ms, steps_ms}));
