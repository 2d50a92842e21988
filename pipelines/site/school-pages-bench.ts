// `npm run bench -- --sites schools-province`: the school pages' own steps of `npm run site` at province
// scale, on the demo's published tables (out/published) replicated once per county (217, the province
// scale's number) with every school, group, county and exam code suffixed: about 10,000 schools. Times
// writeSchoolFiles (prepare.ts: one JSON per school and the index), writeSchoolPages (stamp-pages.ts: both
// languages' pages from the template) and csp.ts over those pages. Framework builds one school page (the
// template) whatever the number of schools, so its time does not grow with them. Needs the demo site built
// (dist/schools/<id>.html: the template is taken back from one of its pages). Prints one JSON line.
//
//   npx tsx pipelines/site/school-pages-bench.ts [counties]        (npm run bench runs it as a child process)
import {mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {addPolicies} from "./csp.js";
import {SCHOOL_TEMPLATE} from "./pages.js";
import {ROOT} from "./paths.js";
import {replicateTables} from "./replicate-tables.js";
import {writeSchoolFiles} from "./school-files.js";
import {writeSchoolPages} from "./stamp-pages.js";
import {publishedDir} from "./out-dir.js";

const counties = Number(process.argv[2] ?? 217);
const TABLES = ["group_profile", "group_members", "uncovered_schools", "school_resources", "exchange_flows", "exam_school", "value_added_school", "value_added_group"];

// the internal edition: it has every table the school files read (the public one has no exam results)
const published = publishedDir(ROOT, undefined, "internal");
const tables = replicateTables(
  Object.fromEntries(TABLES.map((name) => [name, tableFromIPC(readFileSync(join(published, `${name}.arrow`))).toArray().map((row) => row.toJSON() as Record<string, unknown>)])),
  counties
);

const work = join(tmpdir(), `junheng-bench-schools-${process.pid}`);
rmSync(work, {recursive: true, force: true});
const data = join(work, "data");
const dist = join(work, "dist");
let started = performance.now();
const schools = writeSchoolFiles(tables, {}, data);
const filesMs = performance.now() - started;

// the template pages, taken back from a built school page of the demo site
const built = readdirSync(join(ROOT, "dist", "schools")).find((file) => file.endsWith(".html"));
if (!built) throw new Error("build the demo site first (npm run build): no dist/schools/*.html");
const id = built.replace(/\.html$/, "");
for (const folder of ["schools", join("en", "schools")]) {
  mkdirSync(join(dist, folder), {recursive: true});
  const html = readFileSync(join(ROOT, "dist", folder, built), "utf8").replaceAll(id, SCHOOL_TEMPLATE).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, "");
  writeFileSync(join(dist, folder, `${SCHOOL_TEMPLATE}.html`), html);
}
started = performance.now();
const pages = writeSchoolPages(dist, data);
const pagesMs = performance.now() - started;
started = performance.now();
addPolicies(dist);
const cspMs = performance.now() - started;
const index = readFileSync(join(data, "schools.json"));
const sizes = readdirSync(join(data, "schools")).map((file) => readFileSync(join(data, "schools", file)).length);
rmSync(work, {recursive: true, force: true});
console.log(JSON.stringify({counties, schools, pages, files_ms: Math.round(filesMs), pages_ms: Math.round(pagesMs), csp_ms: Math.round(cspMs), index_kb: Math.round(index.length / 1024), file_kb_mean: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024), file_kb_max: Math.round(Math.max(...sizes) / 1024)}));
