// Build-time step between the pipeline and `observable build`: copies what the pages read from
// <out>/published into src/data (gitignored), writes each table as compact JSON for the pages (no Arrow
// decoder in the browser), the methodology texts, the contract and one small JSON per group, bundles
// Plot and the d3 functions the site uses into one minified module (src/components/vendor/plot.js,
// generated), generates the English pages from the Chinese ones, and stubs Framework's npm cache so that
// the build never asks the network (see the note at `stubNpmCache`).
//
//   npx tsx pipelines/site/prepare.ts        (JUNHENG_OUT overrides the pipeline's output dir, default `out`; absolute or relative to the project root)
import {copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createHash} from "node:crypto";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {tableFromIPC} from "apache-arrow";
import {buildSync} from "esbuild";
import * as Plot from "@observablehq/plot";
import {CONTRACT, DOMAINS, FILE_PROBLEMS, REASONS} from "../contract.js";
import {groupSlice, type Row} from "./group-slice.js";
import {bundleIngest} from "./bundle-ingest.js";
import {publishedDir} from "./out-dir.js";
import {UsageError} from "../errors.js";
import {PAGE_TITLES} from "../../src/components/pages.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SRC = join(ROOT, "src");
const DATA = join(SRC, "data");

/** Narrower copies of a large table for a page that shows only one slice of it (page weight): rows
 * picked, never computed. The balance page shows the county coefficients of variation only. */
const SLICES: Record<string, {table: string; where: (row: Row) => boolean}> = {
  resource_cv_county: {table: "resource_cv", where: (row) => row.scope === "county"}
};

export function prepare({out = process.env.JUNHENG_OUT || "out"}: {out?: string} = {}): void {
  const published = publishedDir(ROOT, out);
  bundleVendor();
  bundleIngest();
  const tables = copyPublished(published, DATA);
  const dates = dateColumns(DATA);

  // every table as columns (repeated values once, in a dictionary): what the pages read
  mkdirSync(join(DATA, "tables"), {recursive: true});
  for (const [name, rows] of Object.entries(tables)) writeJson(join(DATA, "tables", `${name}.json`), encodeTable(rows, dates[name] ?? []));
  for (const [name, {table, where}] of Object.entries(SLICES)) {
    writeJson(join(DATA, "tables", `${name}.json`), encodeTable((tables[table] ?? []).filter(where), dates[table] ?? []));
  }

  // one small file per group, so that a group page does not load every school's rows (page weight)
  const groups = groupList(tables.group_profile ?? []);
  const sliceDates = {members: "group_members", profile: "group_profile", exams: "exam_school"} as Record<string, string>;
  for (const group of groups) {
    const slice = groupSlice(tables, group.group_id);
    const encoded = Object.fromEntries(Object.entries(slice).map(([key, value]) => [key, Array.isArray(value) ? encodeTable(value, dates[sliceDates[key] ?? ""] ?? []) : value]));
    writeJson(join(DATA, "groups", `${group.group_id}.json`), encoded);
  }
  writeJson(join(DATA, "groups.json"), groups);

  // the exams' names and dates (exam_school repeats them per school), to order and label gap charts
  const exams = new Map<string, Row>();
  for (const row of tables.exam_school ?? []) {
    if (!exams.has(String(row.exam_id))) exams.set(String(row.exam_id), {exam_id: row.exam_id, exam_name: row.exam_name, exam_date: row.exam_date, grade: row.grade, full_marks: row.full_marks});
  }
  writeJson(join(DATA, "exams.json"), [...exams.values()].sort((a, b) => Number(a.exam_date) - Number(b.exam_date) || String(a.exam_id).localeCompare(String(b.exam_id))));

  // methodology: each mart's text beside its SQL, and the input contract as data
  const marts = join(ROOT, "pipelines", "models", "marts");
  const methodology: Record<string, string> = {};
  for (const file of readdirSync(marts).filter((name) => name.endsWith(".md")).sort()) {
    methodology[file.replace(/\.md$/, "")] = readFileSync(join(marts, file), "utf8");
  }
  writeJson(join(DATA, "methodology.json"), methodology);
  writeJson(join(DATA, "contract.json"), {files: CONTRACT, domains: DOMAINS, reasons: REASONS, file_problems: FILE_PROBLEMS});

  writeEnglishPages();
  stubNpmCache();
}

/**
 * Copy what the pages read (Arrow, JSON) and what the downloads page offers (CSV, Parquet, JSON) into
 * `data`. A pipeline run may swap <out> while this reads it; the copy is checked against the sha256
 * of every file in the copied manifest and redone until it is one consistent output.
 */
export function copyPublished(published: string, data: string, attempts = 20): Record<string, Row[]> {
  for (let attempt = 1; ; attempt++) {
    rmSync(data, {recursive: true, force: true});
    mkdirSync(join(data, "downloads"), {recursive: true});
    mkdirSync(join(data, "groups"), {recursive: true});
    const manifestBefore = readFileSync(join(published, "manifest.json"));
    const copied = new Map<string, string>();
    try {
      for (const file of readdirSync(published).sort()) {
        const from = join(published, file);
        if (file.endsWith(".arrow")) {
          copyFileSync(from, join(data, file));
          copied.set(file, join(data, file));
        } else if (file.endsWith(".csv") || file.endsWith(".parquet")) {
          copyFileSync(from, join(data, "downloads", file));
          copied.set(file, join(data, "downloads", file));
        } else if (file.endsWith(".json")) {
          copyFileSync(from, join(data, file));
          copyFileSync(from, join(data, "downloads", file));
          copied.set(file, join(data, file));
        }
      }
    } catch (error) {
      // a file vanished between listing and copying: the output was being swapped
      if (attempt >= attempts || (error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      continue;
    }
    if (isConsistent(join(data, "manifest.json"), manifestBefore, copied)) {
      const tables: Record<string, Row[]> = {};
      for (const [file, path] of copied) if (file.endsWith(".arrow")) tables[file.replace(/\.arrow$/, "")] = readArrow(path);
      return tables;
    }
    if (attempt >= attempts) throw new Error(`${published} kept changing while it was being copied; is a pipeline run looping?`);
  }
}

function isConsistent(manifestPath: string, manifestBefore: Buffer, copied: Map<string, string>): boolean {
  const manifestText = readFileSync(manifestPath);
  if (!manifestText.equals(manifestBefore)) return false;
  const manifest = JSON.parse(manifestText.toString("utf8")) as {published: {files: {file: string; sha256: string}[]}[]};
  for (const table of manifest.published) {
    for (const file of table.files) {
      const path = copied.get(file.file);
      if (!path || createHash("sha256").update(readFileSync(path)).digest("hex") !== file.sha256) return false;
    }
  }
  return true;
}

function readArrow(path: string): Row[] {
  const table = tableFromIPC(readFileSync(path));
  return table.toArray().map((row) => {
    const object = row.toJSON() as Record<string, unknown>;
    for (const [key, value] of Object.entries(object)) {
      if (typeof value === "bigint") object[key] = Number(value);
      else if (value && typeof value === "object" && "toArray" in value) object[key] = Array.from((value as {toArray(): unknown[]}).toArray());
    }
    return object as Row;
  });
}

/** the Date columns of each copied .arrow table (the pages turn them back into Date objects) */
function dateColumns(data: string): Record<string, string[]> {
  const dates: Record<string, string[]> = {};
  for (const file of readdirSync(data).filter((name) => name.endsWith(".arrow"))) {
    const table = tableFromIPC(readFileSync(join(data, file)));
    dates[file.replace(/\.arrow$/, "")] = table.schema.fields.filter((field) => String(field.type).startsWith("Date")).map((field) => field.name);
  }
  return dates;
}

/**
 * A table as `{rows, columns, dates}`: each column an array of values, or `{dict, codes}` when it repeats
 * (periods, names, codes, per-pair constants). Values are kept exactly; src/components/data.js decodes.
 * Smaller than Arrow for these tables and needs no decoder library in the browser.
 */
export function encodeTable(rows: Row[], dates: string[] = []): {rows: number; columns: Record<string, unknown>; dates: string[]} {
  const names = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const columns: Record<string, unknown> = {};
  for (const name of names) {
    const values = rows.map((row) => row[name] ?? null);
    const keys = values.map((value) => JSON.stringify(value));
    const dict = [...new Set(keys.filter((key) => key !== "null"))];
    if (dict.length <= rows.length / 2) {
      const index = new Map(dict.map((key, i) => [key, i]));
      columns[name] = {dict: dict.map((key) => JSON.parse(key)), codes: keys.map((key) => index.get(key) ?? null)};
    } else {
      columns[name] = values;
    }
  }
  return {rows: rows.length, columns, dates: dates.filter((name) => names.includes(name))};
}

/**
 * Plot and the d3 functions the site uses, as one tree-shaken minified ES module. Framework would
 * otherwise serve Plot and every d3 package as separate modules (about 500 KB, the whole of d3, since
 * Plot imports "d3"). The names come from the site's own code: each `Plot.name` and each name imported
 * from vendor/plot.js, so a new chart needs no change here.
 */
export function bundleVendor(): {file: string; bytes: number; names: string[]} {
  const components = join(SRC, "components");
  const sources = [...listPages(SRC), ...readdirSync(components).filter((name) => name.endsWith(".js")).map((name) => `components/${name}`)];
  const names = new Set<string>();
  for (const file of sources) {
    const text = readFileSync(join(SRC, file), "utf8");
    for (const match of text.matchAll(/\bPlot\.([A-Za-z_$][\w$]*)/g)) names.add(match[1]!);
    for (const match of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*["'][^"']*vendor\/plot\.js["']/g)) {
      for (const part of match[1]!.split(",")) if (part.trim()) names.add(part.trim().split(/\s+as\s+/)[0]!);
    }
  }
  const fromPlot = [...names].filter((name) => name in Plot).sort();
  const fromD3 = [...names].filter((name) => !(name in Plot)).sort();
  const entry = [`export {${fromPlot.join(", ")}} from "@observablehq/plot";`, fromD3.length ? `export {${fromD3.join(", ")}} from "d3";` : ""].join("\n");
  const file = join(components, "vendor", "plot.js");
  mkdirSync(dirname(file), {recursive: true});
  buildSync({
    stdin: {contents: entry, resolveDir: ROOT, loader: "js"},
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    legalComments: "none",
    outfile: file,
    banner: {js: "// generated by pipelines/site/prepare.ts from @observablehq/plot and d3 (ISC licences): do not edit"},
    logLevel: "error"
  });
  return {file, bytes: readFileSync(file).length, names: [...fromPlot, ...fromD3]};
}

/** Every group that exists in any period, with its latest name (dynamicPaths reads this). */
function groupList(profiles: Row[]): {group_id: string; group_name: string}[] {
  const latest = new Map<string, string>();
  for (const row of [...profiles].sort((a, b) => String(a.period).localeCompare(String(b.period)))) {
    latest.set(String(row.group_id), String(row.group_name));
  }
  return [...latest].sort(([a], [b]) => a.localeCompare(b)).map(([group_id, group_name]) => ({group_id, group_name}));
}

/**
 * src/en/** is generated from the Chinese pages: the same cells with `const lang = "en"` and the English
 * title, so that the two languages never drift apart. All wording lives in src/components/i18n.js.
 */
function writeEnglishPages(): void {
  const en = join(SRC, "en");
  rmSync(en, {recursive: true, force: true});
  const pages = listPages(SRC).filter((path) => !path.startsWith("en/"));
  for (const page of pages) {
    const text = readFileSync(join(SRC, page), "utf8");
    const name = page.replace(/\.md$/, "");
    const title = PAGE_TITLES[name]?.en;
    let english = text.replace(/const lang = "zh";/g, 'const lang = "en";');
    if (title) english = english.replace(/^title: .*$/m, `title: ${title}`);
    english = english.replace(/^<!-- zh -->[\s\S]*?<!-- \/zh -->\n?/gm, "");
    if (english === text) throw new Error(`${page}: no \`const lang = "zh";\` to switch`);
    const to = join(en, page);
    mkdirSync(dirname(to), {recursive: true});
    // the note goes after the front matter, which must stay first
    const note = `<!-- generated from src/${page} by pipelines/site/prepare.ts: edit that file -->\n`;
    const front = /^---\n[\s\S]*?\n---\n/.exec(english);
    writeFileSync(to, front ? front[0] + note + english.slice(front[0].length) : note + english);
  }
}

function listPages(dir: string, prefix = ""): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.name.startsWith(".") || entry.name === "data" || entry.name === "components") continue;
    if (entry.isDirectory()) pages.push(...listPages(join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name.endsWith(".md")) pages.push(`${prefix}${entry.name}`);
  }
  return pages;
}

/**
 * `observable build` asks the npm registry for the version of each library its client can load lazily
 * (DuckDB, Mermaid, Vega…), even when no page uses them. An empty `<name>@0.0.0-offline` folder in the
 * cache answers that question locally, so the build works with no network at all. The names come from
 * the `npm:` specifiers in Framework's client code, so a Framework upgrade keeps working.
 */
export function stubNpmCache(): string[] {
  const client = join(ROOT, "node_modules", "@observablehq", "framework", "dist", "client");
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith(".js")) {
        for (const match of readFileSync(join(dir, entry.name), "utf8").matchAll(/["'`]npm:((?:@[\w.-]+\/)?[\w.-]+)/g)) names.add(match[1]!);
      }
    }
  };
  walk(client);
  const cache = join(SRC, ".observablehq", "cache", "_npm");
  for (const name of names) {
    const scope = join(cache, dirname(name) === "." ? "" : dirname(name));
    const base = name.split("/").at(-1)!;
    const already = existsSync(scope) && readdirSync(scope, {withFileTypes: true}).some((entry) => entry.isDirectory() && entry.name.startsWith(`${base}@`));
    if (!already) mkdirSync(join(cache, `${name}@0.0.0-offline`), {recursive: true});
  }
  return [...names].sort();
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  try {
    prepare();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.bilingual());
    process.exit(1);
  }
  console.log(`site data prepared in src/data (${Math.round(performance.now() - started)} ms)`);
}
