// The site's pages in menu order, with their titles in both languages: read by the site's header
// (observablehq.config.ts) and by english-pages.ts to title the generated English pages. Here, beside the
// site step, so that neither the pipeline nor the config reaches into src/ for it.
export const PAGES = ["index", "coverage", "groups", "balance", "gaps", "teachers", "value-added", "methodology", "downloads", "explorer", "upload"];

export const PAGE_TITLES = {
  index: {zh: "总览", en: "Overview"},
  coverage: {zh: "覆盖", en: "Coverage"},
  groups: {zh: "集团", en: "Groups"},
  "groups/[group]": {zh: "集团详情", en: "Group"},
  balance: {zh: "均衡", en: "Balance"},
  gaps: {zh: "城乡差距", en: "Gaps"},
  teachers: {zh: "教师交流", en: "Teachers"},
  "value-added": {zh: "增值评价", en: "Value-added"},
  methodology: {zh: "方法", en: "Methodology"},
  downloads: {zh: "下载", en: "Downloads"},
  explorer: {zh: "数据探索", en: "Explorer"},
  upload: {zh: "用自己的数据", en: "Your data"}
};
