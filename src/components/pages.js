// The site's pages in menu order, with their titles in both languages (read by the config's header,
// by prepare.ts to title the generated English pages, and by the pages themselves). The titles' wording
// is in src/wording/site.js.
import {t} from "../wording/index.js";

export const PAGES = ["index", "coverage", "groups", "balance", "gaps", "teachers", "value-added", "methodology", "downloads", "explorer", "upload"];

export const PAGE_TITLES = Object.fromEntries(
  [...PAGES, "groups/[group]"].map((page) => [page, {zh: t("zh", `site.page.${page}`), en: t("en", `site.page.${page}`)}])
);
