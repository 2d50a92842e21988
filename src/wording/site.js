// The header, the footer and the page titles (menu and <title>); the pages' order is in pipelines/site/pages.js.
export default {
  "site.name": {zh: "集团化办学均衡发展监测", en: "Education group equity monitor"},
  "site.otherLanguage": {zh: "English", en: "中文"},
  "site.nav": {zh: "页面", en: "Pages"},
  // shown only when a page is opened from disk (file://), where the browser refuses its scripts and data
  "site.fromDisk.title": {zh: "请通过网页服务器打开本网站", en: "Open this site through a web server"},
  "site.fromDisk.body": {
    zh: "直接双击打开网页文件时，浏览器出于安全规定不允许页面读取自己的数据文件，所以图表无法显示。请在网站目录的上一级运行 junheng serve {dir}（没有安装时：npx junheng serve {dir}），再在浏览器中打开它显示的地址；或者把整个 {dir} 目录交给单位的网页服务器。",
    en: "Opened straight from disk, a page may not read its own data files (a browser security rule), so the charts cannot show. In the folder above the site, run junheng serve {dir} (if it is not installed: npx junheng serve {dir}) and open the address it prints; or put the whole {dir} folder on your organisation's web server."
  },
  "site.footer.demo": {zh: "示例数据：本网站所有数字均为合成数据。", en: "Demo: every number on this site is synthetic."},
  "site.footer.asOf": {zh: "数据截至 {date}。", en: "Data as of {date}."},
  "site.footer.tool": {zh: "由均衡（Junheng）根据教育局发布的数据表生成。", en: "Built by Junheng from the bureau's published tables."},
  "site.edition.public": {zh: "公开版", en: "Public edition"},
  "site.edition.internal": {zh: "内部版", en: "Internal edition"},
  "site.edition.internalBadge": {zh: "内部版 · 仅限教育局内网", en: "Internal edition · bureau network only"},
  "site.footer.public": {
    zh: "公开版：不含单所学校的考试结果、增值评价和排名，基于考试的数字只给区县、城乡和集团的汇总。",
    en: "Public edition: no single school's exam results, value-added or ranking; exam-based figures only as totals over a county, a locality or a group."
  },
  "site.footer.internal": {
    zh: "内部版：含单所学校的考试结果和增值评价，仅供教育局内部网络使用，不得发布到互联网。",
    en: "Internal edition: holds single schools' exam results and value-added, for the bureau's own network only; never publish it on the internet."
  },
  "site.withheld.school_exam": {
    zh: "公开版不显示单所学校的考试结果（三率一分、平均分）和排名：义务教育学校的考试结果不排名、不公布。这些数字只在教育局的内部版中。",
    en: "The public edition shows no single school's exam results (rates, means) or ranking: compulsory-school exam results are neither ranked nor published. They are in the bureau's internal edition only."
  },
  "site.withheld.school_value_added": {
    zh: "公开版不显示单所学校的增值评价：它由该校学生的考试成绩算出，公布它就是公布学校的考试结果。这些数字只在教育局的内部版中。",
    en: "The public edition shows no single school's value-added: it is computed from the school's exam results, so showing it would publish them. It is in the bureau's internal edition only."
  },
  "site.withheld.lead_one_school": {
    zh: "公开版不显示牵头校与成员校的比较：牵头校一方只有一所学校，显示它就是公布这所学校的考试结果。比较只在教育局的内部版中。",
    en: "The public edition shows no lead-versus-members comparison: the lead side is a single school, so showing it would publish that school's exam results. It is in the bureau's internal edition only."
  },
  "site.withheld.exam_figures_off": {
    zh: "按教育局的配置，本公开版不含任何基于考试成绩的数字。",
    en: "As the bureau configured it, this public edition holds no figure based on exam results."
  },
  "site.withheld.excluded_by_config": {
    zh: "按教育局的配置，本公开版不含这张表。",
    en: "As the bureau configured it, this public edition leaves this table out."
  },
  "site.withheld.rule": {
    zh: "依据：教育部办公厅《关于加强义务教育学校考试管理的通知》（2021年8月）；教育部《关于进一步加强中小学日常考试管理的通知》（2025年12月）：“义务教育学校日常考试实行等级评价，考试结果不排名、不公布”。",
    en: "Rule: Ministry of Education General Office, Notice on strengthening the management of exams in compulsory-education schools (August 2021); Ministry of Education, Notice on further strengthening the management of routine exams in primary and secondary schools (December 2025): routine exams in compulsory-education schools are graded, and their results are neither ranked nor published."
  },
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
