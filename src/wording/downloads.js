// The downloads page (src/downloads.md, src/views/downloads.js).
export default {
  "downloads.title": {zh: "数据下载", en: "Downloads"},
  "downloads.lead": {
    zh: "本网站使用的每一张发布表，CSV（UTF-8 带 BOM，Excel 可直接打开中文）和 Parquet 两种格式；以及运行记录和配置。每张表的定义、公式和粒度见“方法”页。",
    en: "Every published table this site uses, as CSV (UTF-8 with BOM, so Excel opens Chinese correctly) and Parquet; and the run manifest and configuration. Each table's definition, formulas and grain are on the Methodology page."
  },
  "downloads.asOf": {zh: "数据截至 {date} · 计算时间 {at}", en: "Data as of {date} · computed {at}"},
  "downloads.files.title": {zh: "发布的数据表", en: "Published tables"},
  "downloads.files.takeaway": {
    zh: "共 {n} 张表，合计 {rows} 行；文件名即表名，与“数据探索”页中的表名相同。",
    en: "{n} tables, {rows} rows in all; each file is named after its table, as in the Explorer."
  },
  "downloads.column.table": {zh: "数据表（文件名）", en: "Table (file name)"},
  "downloads.column.rows": {zh: "行数", en: "Rows"},
  "downloads.column.csv": {zh: "CSV", en: "CSV"},
  "downloads.column.parquet": {zh: "Parquet", en: "Parquet"},
  "downloads.size.mb": {zh: "{n} MB", en: "{n} MB"},
  "downloads.size.kb": {zh: "{n} kB", en: "{n} kB"},
  "downloads.leftOut.title": {zh: "本版不含的数据", en: "Not in this edition"},
  "downloads.leftOut.takeaway": {
    zh: "这是{edition}：下列数据表、列或行不在其中，原因如下。",
    en: "This is the {edition}: the tables, columns and rows below are not in it, for the reasons given."
  },
  "downloads.leftOut.part": {zh: "不含", en: "Left out"},
  "downloads.leftOut.name": {zh: "表名", en: "Name"},
  "downloads.leftOut.columnNames": {zh: "列名", en: "Columns"},
  "downloads.leftOut.reason": {zh: "原因", en: "Why"},
  "downloads.leftOut.whole": {zh: "整张表", en: "The whole table"},
  "downloads.leftOut.columns": {zh: "{n} 列", en: "{n} columns"},
  "downloads.leftOut.rows": {zh: "部分行", en: "Some rows"},
  "downloads.release.title": {zh: "整套下载", en: "The whole release"},
  "downloads.release.takeaway": {
    zh: "一个压缩包（{size}，文件名见下）：每张表的 CSV 与 Parquet、数据包说明 datapackage.json、方法说明和引用信息，可直接载入 R、Python 或 Stata。",
    en: "One archive ({size}, named below): every table as CSV and Parquet, the data package datapackage.json, the methodology and the citation, ready for R, Python or Stata."
  },
  "downloads.release.zip": {zh: "压缩包：本版全部数据表（CSV 与 Parquet）及下列三个文件", en: "The archive: every table of this edition (CSV and Parquet) and the three files below"},
  "downloads.release.datapackage": {
    zh: "数据包说明（Frictionless Data Package）：每张表的粒度、主键与外键，每个字段的类型、单位、允许的代码和中英文含义",
    en: "The data package (Frictionless Data Package): each table's grain, primary and foreign keys, and each field's type, unit, allowed codes and meaning in Chinese and English"
  },
  "downloads.release.methodology": {zh: "方法说明（Markdown）：每张表的定义、公式、来源与注意事项，以及字段表", en: "The methodology (Markdown): each table's definition, formula, source and caveats, and its fields"},
  "downloads.release.citation": {zh: "引用信息（Citation File Format）", en: "The citation (Citation File Format)"},
  "downloads.cite.title": {zh: "推荐引用", en: "Recommended citation"},
  "downloads.cite.note": {
    zh: "许可：{licence}（配置 release.licence）。引用管理软件可读取压缩包中的 CITATION.cff。",
    en: "Licence: {licence} (config release.licence). Reference managers can read CITATION.cff in the archive."
  },
  "downloads.report.title": {zh: "季度报告", en: "Quarterly report"},
  "downloads.report.lead": {
    zh: "{period}的集团化办学均衡发展情况报告（{edition}），成文日期 {date}：Word 文档可以编辑后印发，PDF 为 A4 版式。报告中的数字与本网站相同。",
    en: "The report on group schooling and balanced development for {period} ({edition}), dated {date}: the Word document to edit before it is issued, the PDF laid out for A4. Its figures are this site's. The report is written in Chinese."
  },
  "downloads.report.docx": {zh: "Word 文档", en: "Word document"},
  "downloads.report.pdf": {zh: "PDF（A4）", en: "PDF (A4)"},
  "downloads.other.title": {zh: "运行记录与配置", en: "Run manifest and configuration"},
  "downloads.other.manifest": {
    zh: "运行记录：期数、数据截至日期、运行时间、每个输入文件的行数、被拒绝行的汇总、各发布表的行数、粒度和主键、提示。",
    en: "The run manifest: periods, as-of date, run times, rows per input file, the rejects' summary, each published table's rows, grain and key, warnings."
  },
  "downloads.other.config": {
    zh: "配置：地区名称、小样本阈值、目标和各项标准。",
    en: "The configuration: region name, suppression size, targets and thresholds."
  }
};
