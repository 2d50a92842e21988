// Build-time step after `observable build`: every school's page, in both languages, written from the one
// school page Framework built (for SCHOOL_TEMPLATE, pages.js). Framework spends about a second per page on
// a loaded two-core machine (markdown, several jsdom parses of the page, header and footer, module
// resolution), so a province's 10,000 schools (20,000 pages) cannot go through it; the pages differ only in
// the school's code and its data file, so each is the template with that code and that file put in, as
// Framework would have written it: the file under dist/_file with the first 8 hex digits of its sha256 in
// its name, its size and modification time in the page's registerFile() call. Runs before csp.ts, which
// then hashes each page's own inline scripts.
//
//   npx tsx pipelines/site/school-pages.ts [dist]        (npm run site runs it)
import {createHash} from "node:crypto";
import {copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {UsageError} from "../errors.js";
import {SCHOOL_TEMPLATE} from "./pages.js";
import {DATA, ROOT} from "./paths.js";
import {schoolFile} from "./school-files.js";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** the ids of src/data/schools.json (column-encoded: plain, or as codes into a dictionary) */
export function schoolIds(data = DATA): string[] {
  const path = join(data, "schools.json");
  if (!existsSync(path)) return [];
  const column = (JSON.parse(readFileSync(path, "utf8")) as {columns: {school_id?: unknown}}).columns.school_id;
  if (Array.isArray(column)) return column.map(String);
  if (column && typeof column === "object") {
    const {dict, codes} = column as {dict: unknown[]; codes: number[]};
    return codes.map((code) => String(dict[code]));
  }
  return [];
}

/**
 * Writes dist/schools/<id>.html and dist/en/schools/<id>.html for every school, with its data file, and
 * removes the template's own pages and file. Returns the number of pages written.
 */
export function writeSchoolPages(dist: string, data = DATA): number {
  const ids = schoolIds(data);
  const templates = [join(dist, "schools", `${SCHOOL_TEMPLATE}.html`), join(dist, "en", "schools", `${SCHOOL_TEMPLATE}.html`)].filter(existsSync);
  if (!ids.length && !templates.length) return 0;
  if (templates.length !== 2) {
    throw new UsageError(`未找到学校页面模板（${SCHOOL_TEMPLATE}.html），请先运行 observable build`, `the school page template (${SCHOOL_TEMPLATE}.html) is missing: run observable build first`);
  }
  const files = join(dist, "_file", "data", "schools");
  mkdirSync(files, {recursive: true});
  // the registerFile() of the template's data file, its hashed name whatever the depth of the page
  const register = new RegExp(`"path":"((?:\\.\\./)+)_file/data/schools/${escapeRegExp(SCHOOL_TEMPLATE)}\\.[0-9a-f]{8}\\.json","lastModified":\\d+,"size":\\d+`, "g");
  const pages = templates.map((path) => {
    const html = readFileSync(path, "utf8");
    if (!register.test(html)) throw new Error(`${path}: no registerFile() of the school's data file`);
    register.lastIndex = 0;
    return {dir: dirname(path), html};
  });
  let written = 0;
  for (const id of ids) {
    const source = schoolFile(join(data, "schools"), id);
    const bytes = readFileSync(source);
    const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 8);
    const name = `${id}.${hash}.json`;
    copyFileSync(source, join(files, name));
    const info = `"lastModified":${Math.floor(statSync(source).mtimeMs)},"size":${bytes.length}`;
    for (const {dir, html} of pages) {
      const page = html
        .replace(register, (_, up: string) => `"path":"${up}_file/data/schools/${name}",${info}`)
        .replaceAll(SCHOOL_TEMPLATE, () => id);
      writeFileSync(join(dir, `${id}.html`), page);
      written++;
    }
  }
  for (const path of templates) rmSync(path);
  for (const file of readdirSync(files)) if (file.startsWith(`${SCHOOL_TEMPLATE}.`)) rmSync(join(files, file));
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const dist = process.argv[2] ?? join(ROOT, "dist");
  try {
    const n = writeSchoolPages(dist);
    console.log(`${n} school pages written in ${dist} (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.bilingual());
    process.exit(1);
  }
}
