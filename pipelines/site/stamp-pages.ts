// Build-time step after `observable build`: every group's and every school's page, in both languages,
// written from the one page of each kind that Framework built (for GROUP_TEMPLATE and SCHOOL_TEMPLATE,
// pages.js). Framework spends about a second per page on a loaded two-core machine (markdown, several jsdom
// parses of the page, header and footer, module resolution), so a province's 1,700 groups and 10,000
// schools (23,000 pages) cannot go through it; the pages of a kind differ only in the code and its data
// file, so each is the template with that code and that file put in, as Framework would have written it:
// the file under dist/_file with the first 8 hex digits of its sha256 in its name, its size and
// modification time in the page's registerFile() call, the code in its links (the language switch) and
// params. The nav's aria-current is the same for every page of a kind (observablehq.config.ts header). Runs
// before minify.ts and csp.ts, which then hashes each page's own inline scripts.
//
//   npx tsx pipelines/site/stamp-pages.ts [dist]        (npm run site runs it)
import {createHash} from "node:crypto";
import {copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {UsageError} from "../errors.js";
import {groupFile} from "./group-files.js";
import {siteDist} from "./out-dir.js";
import {GROUP_TEMPLATE, SCHOOL_TEMPLATE} from "./pages.js";
import {DATA, ROOT} from "./paths.js";
import {schoolFile} from "./school-files.js";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** one kind of page stamped from a template: its folder (in dist/, dist/en/ and the data folder) */
export interface PageKind {
  /** groups | schools: dist/<folder>/<id>.html, <data>/<folder>/<id>.json */
  folder: string;
  template: string;
  /** every page's code, from the data folder */
  ids: (data: string) => string[];
  /** the code's data file, refused unless the code is a sound file name */
  file: (dir: string, id: string) => string;
}

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

/** the ids of src/data/groups.json (a list of {group_id, group_name}) */
export function groupIds(data = DATA): string[] {
  const path = join(data, "groups.json");
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, "utf8")) as {group_id: string}[]).map((group) => String(group.group_id));
}

export const SCHOOL_PAGES: PageKind = {folder: "schools", template: SCHOOL_TEMPLATE, ids: schoolIds, file: schoolFile};
export const GROUP_PAGES: PageKind = {folder: "groups", template: GROUP_TEMPLATE, ids: groupIds, file: groupFile};

/**
 * Writes dist/<folder>/<id>.html and dist/en/<folder>/<id>.html for every code of the kind, with its data
 * file, and removes the template's own pages and file. Returns the number of pages written.
 */
export function stampPages(dist: string, kind: PageKind, data = DATA): number {
  const {folder, template} = kind;
  const ids = kind.ids(data);
  const templates = [join(dist, folder, `${template}.html`), join(dist, "en", folder, `${template}.html`)].filter(existsSync);
  if (!ids.length && !templates.length) return 0;
  if (templates.length !== 2) {
    throw new UsageError(`未找到页面模板（${folder}/${template}.html），请先运行 observable build`, `the page template (${folder}/${template}.html) is missing: run observable build first`);
  }
  const files = join(dist, "_file", "data", folder);
  mkdirSync(files, {recursive: true});
  // the registerFile() of the template's data file, its hashed name whatever the depth of the page
  const register = new RegExp(`"path":"((?:\\.\\./)+)_file/data/${escapeRegExp(folder)}/${escapeRegExp(template)}\\.[0-9a-f]{8}\\.json","lastModified":\\d+,"size":\\d+`, "g");
  const pages = templates.map((path) => {
    const html = readFileSync(path, "utf8");
    if (!register.test(html)) throw new Error(`${path}: no registerFile() of the page's data file`);
    register.lastIndex = 0;
    return {dir: dirname(path), html};
  });
  let written = 0;
  for (const id of ids) {
    const source = kind.file(join(data, folder), id);
    const bytes = readFileSync(source);
    const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 8);
    const name = `${id}.${hash}.json`;
    copyFileSync(source, join(files, name));
    const info = `"lastModified":${Math.floor(statSync(source).mtimeMs)},"size":${bytes.length}`;
    for (const {dir, html} of pages) {
      const page = html
        .replace(register, (_, up: string) => `"path":"${up}_file/data/${folder}/${name}",${info}`)
        .replaceAll(template, () => id);
      writeFileSync(join(dir, `${id}.html`), page);
      written++;
    }
  }
  for (const path of templates) rmSync(path);
  for (const file of readdirSync(files)) if (file.startsWith(`${template}.`)) rmSync(join(files, file));
  return written;
}

export const writeSchoolPages = (dist: string, data = DATA): number => stampPages(dist, SCHOOL_PAGES, data);
export const writeGroupPages = (dist: string, data = DATA): number => stampPages(dist, GROUP_PAGES, data);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  // the edition's own folder (dist/ or dist-internal/), as observable build, minify.ts and csp.ts use
  const dist = process.argv[2] ?? siteDist(ROOT);
  try {
    const groups = writeGroupPages(dist);
    const schools = writeSchoolPages(dist);
    console.log(`${groups} group and ${schools} school pages written in ${dist} (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.bilingual());
    process.exit(1);
  }
}
