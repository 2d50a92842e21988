// What the site's edition leaves out (src/data/edition.json, written by pipelines/site/edition-file.ts from
// the edition's manifest; the definition is pipelines/editions.ts, docs/editions.md), and the card a page
// shows in the place of what its edition leaves out: why it is not shown, citing the rule.
import {wording} from "../wording/index.js";
import siteWording from "../wording/site.js";

const {t} = wording(siteWording);

/** every table whole: what a view assumes when it is given no edition */
export const INTERNAL = {edition: "internal", left_out: {tables: [], columns: [], rows: []}};

/**
 * Why the edition leaves out a table, some of its rows, or one of its columns: the reason's code, or null.
 * @param {{left_out: {tables: object[], columns: object[], rows: object[]}}} edition
 * @param {string} table
 * @param {{column?: string, rows?: boolean}} [what] a column of it, or some of its rows
 */
export function leftOut(edition = INTERNAL, table, {column, rows = false} = {}) {
  const {tables = [], columns = [], rows: rowRules = []} = edition.left_out ?? {};
  const whole = tables.find((item) => item.table === table);
  if (whole) return whole.reason.code;
  if (column) return columns.find((item) => item.table === table && item.columns.includes(column))?.reason.code ?? null;
  if (rows) return rowRules.find((item) => item.table === table)?.reason.code ?? null;
  return null;
}

// the reasons that follow from the Ministry's notices (the others are the bureau's own configuration)
const RULED = new Set(["school_exam", "school_value_added", "lead_one_school"]);

/**
 * A card spec (docs/site.md) for what the edition leaves out: the card's title, and in its place the reason
 * and, for school results, the rule. No chart and no table.
 */
export function withheldCard({lang, filename, title, code}) {
  return {
    lang,
    filename,
    title,
    withheld: code,
    takeaway: t(lang, `site.withheld.${code}`),
    note: RULED.has(code) ? t(lang, "site.withheld.rule") : null,
    rows: [],
    columns: [],
    data: null
  };
}

/** the edition's name, for a page that says which edition it is */
export function editionName(edition = INTERNAL, lang) {
  return t(lang, `site.edition.${edition.edition}`);
}
