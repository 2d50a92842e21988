// What test/site/chinese-text.test.ts promises of the Chinese pages, read in site.test.ts's one load of each
// page (a second pass over the Chinese pages cost 13 more page loads): their visible text — tables opened,
// chart labels included — holds no English identifiers (snake_case column names, code words such as
// primary/urban/tight, SQL such as "with rollups", NaN/undefined). Names a researcher types — a table, a
// column, a file — may appear where they are needed as <code>; code elements are not read.
import type {Page} from "playwright-core";

/** pages that still show English identifiers (docs/site.md, "Converting a page"); remove one when it is fixed.
 * An allowed page that comes out clean fails the test, so the list only shrinks. */
export const STILL_LEAKING = new Set<string>();

const CODE_WORDS = [
  ...["primary", "junior", "senior", "nine_year", "twelve_year", "kindergarten", "vocational"],
  ...["urban", "town", "rural", "public", "private", "lead", "member", "partner"],
  ...["tight", "loose", "alliance", "through", "community", "pairing"],
  ...["above", "average", "below", "county", "group", "school"]
];
const PATTERNS = [
  /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, // snake_case: a published column or code
  new RegExp(`\\b(?:${CODE_WORDS.join("|")})\\b`, "g"),
  /\bwith rollups\b|\bselect\b|\bNaN\b|\bundefined\b|\bnull\b|\bInfinity\b|\[object \w+\]/g
];

/** English identifiers in `text`, each with a little context */
export function englishIdentifiers(text: string): string[] {
  const found: string[] = [];
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) found.push(`"${match[0]}" in …${text.slice(Math.max(0, match.index - 20), match.index + match[0].length + 20).replace(/\s+/g, " ")}…`);
  }
  return found;
}

/** What a reader sees after opening every table, and the charts' own labels; names shown as code aside.
 * Read with the tables opened and the code hidden, then the page put back as it was (the same load goes on
 * to its phone-width screenshot and the other checks of that page, site.test.ts). */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const closed = [...document.querySelectorAll("details")].filter((details) => !details.open);
    for (const details of closed) details.open = true;
    const hide = document.createElement("style");
    hide.textContent = "code { display: none !important; }";
    document.head.append(hide);
    const svgText = [...document.querySelectorAll("svg text")].map((node) => node.textContent).join("\n");
    const text = `${document.body.innerText}\n${svgText}`;
    hide.remove();
    for (const details of closed) details.open = false;
    return text;
  });
}

/** chinese-text's verdict on one page: the list it compares with [] (names the page and the first hits) */
export function leaks(name: string, hits: string[]): string[] {
  if (STILL_LEAKING.has(name)) return hits.length ? [] : [`${name}: clean now: take it out of STILL_LEAKING`];
  return hits.length ? [`${name}: ${hits.slice(0, 8).join("; ")}`] : [];
}
