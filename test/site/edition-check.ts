// What a page of each edition says of itself (docs/editions.md): every page names its edition in the header
// and the footer; in the public edition a card stands, where school results would be, saying why they are not
// shown and citing the rule; the internal edition shows them. Checked on a loaded page by site.test.ts (the
// edition the site in dist/ was built from: its one load of each page) and by editions.test.ts (the internal
// edition in dist-internal/).
import type {Page} from "playwright-core";
import {expect} from "vitest";

export type Edition = "public" | "internal";

/** the pages whose content differs by edition, and the index (every page names its edition) */
export const editionPages = (group: string): string[] =>
  ["", "en/"].flatMap((prefix) => [`${prefix}index.html`, `${prefix}groups/${group}.html`, `${prefix}value-added.html`, `${prefix}downloads.html`]);

const BADGE = {
  public: {zh: "公开版", en: "Public edition"},
  internal: {zh: "内部版 · 仅限教育局内网", en: "Internal edition · bureau network only"}
} as const;
const FOOTER = {
  public: {zh: "公开版：不含单所学校的考试结果", en: "Public edition: no single school's exam results"},
  internal: {zh: "内部版：含单所学校的考试结果和增值评价，仅供教育局内部网络使用", en: "Internal edition: holds single schools' exam results"}
} as const;

export const editionTitle = (edition: Edition, path: string): string =>
  `${path} (${edition}): says it is the ${edition} edition; ${/groups\/|value-added/.test(path) ? "school results shown or withheld with the rule" : /downloads/.test(path) ? "the downloads of that edition" : "in header and footer"}`;

/** the page (loaded, every cell run: ready.ts) of that edition, at `path` under the site's root */
export async function editionShown(page: Page, edition: Edition, path: string, group: string): Promise<void> {
  const lang = path.startsWith("en/") ? "en" : "zh";
  expect(await page.locator(`.jh-edition[data-edition="${edition}"]`).innerText(), path).toBe(BADGE[edition][lang]);
  expect(await page.locator(".jh-footer").innerText(), path).toContain(FOOTER[edition][lang]);
  const withheld = await page.$$eval("section[data-withheld]", (nodes) => nodes.map((node) => [node.getAttribute("data-card"), node.getAttribute("data-withheld"), node.textContent ?? ""]));
  if (edition === "internal") expect(withheld, path).toEqual([]);
  if (path.includes("groups/")) {
    if (edition === "public") {
      expect(withheld.map(([card, code]) => [card, code])).toEqual([
        [`group_${group}_exam`, "school_exam"],
        [`group_${group}_lead_member_gap`, "lead_one_school"]
      ]);
      // the rule, cited on the card; no chart in its place
      expect(withheld[0]![2]).toMatch(lang === "en" ? /neither ranked nor published/ : /考试结果不排名、不公布/);
      expect(withheld[0]![2]).toMatch(lang === "en" ? /December 2025/ : /关于进一步加强中小学日常考试管理的通知/);
      expect(await page.locator("section[data-withheld] figure, section[data-withheld] svg").count()).toBe(0);
      // the group's own value-added stays, without its schools
      expect(await page.locator(`section[data-card^="group_${group}_va_"] figure`).count()).toBe(1);
    } else {
      expect(await page.locator(`section[data-card^="group_${group}_exam_"] figure svg`).count()).toBe(1);
      expect(await page.locator(`section[data-card="group_${group}_lead_member_gap"]`).count()).toBe(1);
    }
  }
  if (path.includes("value-added")) {
    if (edition === "public") {
      expect(withheld.map(([card, code]) => [card!.replace(/_[^_]+_[^_]+$/, ""), code])).toEqual([
        ["value_added", "school_value_added"],
        ["value_added_shrunk", "school_value_added"],
        ["value_added_lead_minus_members", "lead_one_school"]
      ]);
      expect(await page.locator(`section[data-card^="value_added_group_"] figure svg`).count()).toBe(1);
    } else {
      expect(await page.locator(`section[data-card^="value_added_"] figure svg`).count()).toBe(4);
    }
  }
  if (path.includes("downloads")) {
    const links = await page.$$eval("a[download]", (nodes) => nodes.map((node) => node.getAttribute("download")));
    expect(links.includes("exam_school.csv"), path).toBe(edition === "internal");
    expect(await page.locator('section[data-card="left_out"]').count(), path).toBe(edition === "public" ? 1 : 0);
  }
}
