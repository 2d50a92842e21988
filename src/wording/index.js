// The site's one wording catalogue: every sentence, label and header the site shows, Chinese and English
// side by side, keyed by meaning ("coverage.takeaway.lowest"). One file per page area; a file's keys all
// start with its name (coverage.js holds "coverage.*"), so two engineers adding wording never edit the
// same file, and test/wording/wording.test.ts checks that every key has both languages, non-empty, with
// the same {placeholders}, and that no key is written twice. See docs/site.md.
import balance from "./balance.js";
import columns from "./column.js";
import common from "./common.js";
import coverage from "./coverage.js";
import downloads from "./downloads.js";
import explorer from "./explorer.js";
import gaps from "./gaps.js";
import group from "./group.js";
import groups from "./groups.js";
import school from "./school.js";
import labels from "./label.js";
import methodology from "./methodology.js";
import overview from "./overview.js";
import site from "./site.js";
import teachers from "./teachers.js";
import upload from "./upload.js";
import valueAdded from "./valueAdded.js";

export {formats, LOCALES} from "./format.js";

/** area name → its entries; add a new file here (its name is the keys' first part) */
export const AREAS = {balance, column: columns, common, coverage, downloads, explorer, gaps, group, groups, label: labels, methodology, overview, school, site, teachers, upload, valueAdded};

export const CATALOGUE = Object.assign({}, ...Object.values(AREAS));

/**
 * The text for `key` in `lang` ("zh" or "en"), its {placeholders} filled from `params`. An unknown key or
 * a placeholder with no value throws: a view's unit test finds it, a reader never sees "{pp}".
 */
export function t(lang, key, params = {}) {
  const entry = CATALOGUE[key];
  if (!entry) throw new Error(`wording: no key "${key}"`);
  const text = entry[lang === "en" ? "en" : "zh"];
  return text.replace(/\{(\w+)\}/g, (_, name) => {
    if (params[name] == null) throw new Error(`wording: "${key}" needs {${name}}`);
    return String(params[name]);
  });
}

/** whether `key` is in the catalogue (for labels of codes that may be new to the site) */
export function has(key) {
  return Object.hasOwn(CATALOGUE, key);
}

/** the label of a published code, or the code itself when the catalogue has none (a subject name, a county) */
export function label(lang, kind, code) {
  if (code == null) return "";
  return has(`label.${kind}.${code}`) ? t(lang, `label.${kind}.${code}`) : String(code);
}

/** a table's header for a published column, or the column's name */
export function column(lang, name) {
  return has(`column.${name}`) ? t(lang, `column.${name}`) : name;
}
