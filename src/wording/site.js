// The header, the footer and the page titles (menu and <title>); the pages' order is in pipelines/site/pages.js.
export default {
  "site.name": {zh: "集团化办学均衡发展监测", en: "Education group equity monitor"},
  "site.otherLanguage": {zh: "English", en: "中文"},
  "site.nav": {zh: "页面", en: "Pages"},
  "site.footer.demo": {zh: "示例数据：本网站所有数字均为合成数据。", en: "Demo: every number on this site is synthetic."},
  "site.footer.asOf": {zh: "数据截至 {date}。", en: "Data as of {date}."},
  "site.footer.tool": {zh: "由均衡（Junheng）根据教育局发布的数据表生成。", en: "Built by Junheng from the bureau's published tables."},
  "site.page.index": {zh: "总览", en: "Overview"},
  "site.page.coverage": {zh: "覆盖", en: "Coverage"},
  "site.page.groups": {zh: "集团", en: "Groups"},
  "site.page.groups/[group]": {zh: "集团详情", en: "Group"},
  "site.page.schools": {zh: "学校", en: "Schools"},
  "site.page.schools/[school]": {zh: "学校详情", en: "School"},
  "site.page.balance": {zh: "均衡", en: "Balance"},
  "site.page.gaps": {zh: "城乡差距", en: "Gaps"},
  "site.page.teachers": {zh: "教师交流", en: "Teachers"},
  "site.page.value-added": {zh: "增值评价", en: "Value-added"},
  "site.page.methodology": {zh: "方法", en: "Methodology"},
  "site.page.downloads": {zh: "下载", en: "Downloads"},
  "site.page.explorer": {zh: "数据探索", en: "Explorer"},
  "site.page.upload": {zh: "用自己的数据", en: "Your data"}
};
