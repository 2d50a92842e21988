// The site's wording: every sentence, label and header the site shows, Chinese and English side by side,
// keyed by meaning ("coverage.takeaway.lowest"). One file per page area; a file's keys all start with its
// name (coverage.js holds "coverage.*"), so two engineers adding wording never edit the same file, and
// test/wording/wording.test.ts checks that every key has both languages, non-empty, with the same
// {placeholders}, and that no key is written twice. See docs/site.md.
//
// A page loads only the areas it uses. This module holds the shared ones, which card.js, i18n.js and
// every view read: common words, code labels and column headers. A view adds its own areas by importing
// their files and binding t to them: `const {t, label} = wording(balanceWords)`. all.js lists every area
// (for the tests and the site's build); no page imports it.
import columns from "./column.js";
import common from "./common.js";
import labels from "./label.js";

export {formats, LOCALES} from "./format.js";

/** the areas every page loads, by name */
export const SHARED = {column: columns, common, label: labels};

/**
 * t, has, label and column over the shared areas and the given ones (each an area file's default export):
 * `import valueAddedWords from "../wording/valueAdded.js"; const {t} = wording(valueAddedWords);`
 */
export function wording(...areas) {
  const catalogue = Object.assign({}, ...Object.values(SHARED), ...areas);

  /**
   * The text for `key` in `lang` ("zh" or "en"), its {placeholders} filled from `params`. An unknown key
   * (or one of an area not passed to wording) or a placeholder with no value throws: a view's unit test
   * finds it, a reader never sees "{pp}".
   */
  function t(lang, key, params = {}) {
    const entry = catalogue[key];
    if (!entry) throw new Error(`wording: no key "${key}" (is its area passed to wording(…)?)`);
    const text = entry[lang === "en" ? "en" : "zh"];
    return text.replace(/\{(\w+)\}/g, (_, name) => {
      if (params[name] == null) throw new Error(`wording: "${key}" needs {${name}}`);
      return String(params[name]);
    });
  }

  /** whether `key` is in the catalogue (for labels of codes that may be new to the site) */
  function has(key) {
    return Object.hasOwn(catalogue, key);
  }

  /** the label of a published code, or the code itself when the catalogue has none (a subject name, a county) */
  function label(lang, kind, code) {
    if (code == null) return "";
    return has(`label.${kind}.${code}`) ? t(lang, `label.${kind}.${code}`) : String(code);
  }

  /** a table's header for a published column, or the column's name */
  function column(lang, name) {
    return has(`column.${name}`) ? t(lang, `column.${name}`) : name;
  }

  return {t, has, label, column};
}

/** over the shared areas only (components, and views that need no area of their own) */
export const {t, has, label, column} = wording();
