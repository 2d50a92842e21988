import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {PAGE_TITLES} from "./pages.js";
import {SRC} from "./paths.js";

/**
 * src/en/** is generated from the Chinese pages: the same cells with `const lang = "en"` and the English
 * title, so that the two languages never drift apart. All wording lives in src/components/i18n.js.
 */
export function writeEnglishPages(): void {
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

export function listPages(dir: string, prefix = ""): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.name.startsWith(".") || entry.name === "data" || entry.name === "components") continue;
    if (entry.isDirectory()) pages.push(...listPages(join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name.endsWith(".md")) pages.push(`${prefix}${entry.name}`);
  }
  return pages;
}
