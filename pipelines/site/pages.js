// The site's pages in menu order, with their titles in both languages: read by the site's header
// (observablehq.config.ts) and by english-pages.ts to title the generated English pages. The titles'
// wording is in src/wording/site.js (read through all.js, every area), which the site build may read: a
// leaf of plain data, docs/architecture.md.
import {t} from "../../src/wording/all.js";

export const PAGES = ["index", "coverage", "groups", "balance", "gaps", "teachers", "value-added", "methodology", "downloads", "explorer", "upload"];

export const PAGE_TITLES = Object.fromEntries(
  [...PAGES, "groups/[group]"].map((page) => [page, {zh: t("zh", `site.page.${page}`), en: t("en", `site.page.${page}`)}])
);
