// The site's pages in menu order, with their titles in both languages: read by the site's header
// (observablehq.config.ts) and by english-pages.ts to title the generated English pages. The titles'
// wording is in src/wording/site.js (read through all.js, every area), which the site build may read: a
// leaf of plain data, docs/architecture.md.
import {t} from "../../src/wording/all.js";

export const PAGES = ["index", "coverage", "groups", "schools", "balance", "gaps", "teachers", "value-added", "methodology", "downloads", "explorer", "upload"];

export const PAGE_TITLES = Object.fromEntries(
  [...PAGES, "groups/[group]", "schools/[school]"].map((page) => [page, {zh: t("zh", `site.page.${page}`), en: t("en", `site.page.${page}`)}])
);

/**
 * The one school page Framework builds (src/schools/[school].md for this id); pipelines/site/stamp-pages.ts
 * then writes every school's page from it. Framework's per-page build (markdown, several jsdom parses, module
 * resolution) costs about a second a page on a loaded two-core machine: 20,000 pages for a province would
 * take hours. Not a real code (ID_RULE allows it; school-files.ts refuses a school that has it).
 */
export const SCHOOL_TEMPLATE = "__school__";

/**
 * The one group page Framework builds (src/groups/[group].md for this id), as SCHOOL_TEMPLATE for schools: a
 * province has about 1,700 groups (3,400 pages). Not a real code (group-files.ts refuses a group that has it).
 */
export const GROUP_TEMPLATE = "__group__";
