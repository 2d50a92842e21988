// This quarter's revisions to earlier figures (the methodology page; src/views/revisions.js): the published
// table revisions, docs/editions.md "Revisions".
export default {
  "revisions.title": {zh: "本期对以往数字的修订", en: "This quarter's revisions to earlier figures"},
  "revisions.lead": {
    zh: "每次运行都会重新计算全部历史数据，教育局也可能更正以往的文件。因此每次发布都与上一次发布的同一版本逐格比较：凡上次已发布、本次数值不同、已不再公开或已删除的数字，以及上次已覆盖的期次中新增的行，都是对以往数字的修订；上次没有的新期次的行属于新增，不计为修订。数值按发布的文本比较（小数取 12 位有效数字）。",
    en: "Every run recomputes the whole history, and a bureau may correct an old file. So each release is compared, cell by cell, with the same edition of the previous one: a figure published before that has a different value now, is no longer shown or was removed, and a row added to a period the previous release covered, is a revision to an earlier figure; the rows of a period the previous release did not have are additions, not revisions. Values are compared as published (decimals to 12 significant digits)."
  },
  "revisions.first": {
    zh: "这是首次发布：没有可比较的上一次发布，因此没有修订。",
    en: "This is the first release: there is no previous release to compare with, so there are no revisions."
  },
  "revisions.since": {
    zh: "与 {date} 计算的上一次发布（数据截至 {asOf}）相比。",
    en: "Compared with the previous release, computed {date} (data as of {asOf})."
  },
  "revisions.none": {zh: "以往发布的数字没有任何修订。", en: "No figure published before was revised."},
  "revisions.some": {
    zh: "{tables} 张表中共有 {n} 处修订。",
    en: "{n} revisions in {tables} tables."
  },
  "revisions.inputs": {
    zh: "内容有变化的输入文件：{files}。",
    en: "Input files whose content changed: {files}."
  },
  "revisions.inputsNone": {zh: "输入文件与上一次相同。", en: "The input files are the same as last time."},
  "revisions.added": {
    zh: "另有新期次的 {n} 行为新增。",
    en: "Besides, {n} rows of new periods were added."
  },
  "revisions.byTable.title": {zh: "各表修订数", en: "Revisions by table"},
  "revisions.byTable.takeaway": {
    zh: "修订最多的是{table}（{n} 处）。",
    en: "Most revisions are in {table} ({n})."
  },
  "revisions.byTable.name": {zh: "内容", en: "Contents"},
  "revisions.byTable.total": {zh: "合计", en: "Total"},
  "revisions.lines.title": {zh: "修订明细", en: "The revisions"},
  "revisions.lines.takeaway": {
    zh: "下表列出前 {shown} 处，共 {n} 处；全部修订可从下方下载。",
    en: "The first {shown} of {n} are listed; every one is in the table revisions (download below)."
  },
  "revisions.lines.all": {zh: "下表列出全部 {n} 处。", en: "All {n} are listed."},
  "revisions.download": {zh: "下载全部修订（CSV）", en: "Download every revision (CSV)"},
  "revisions.kind.changed": {zh: "数值变化", en: "Changed"},
  "revisions.kind.added": {zh: "新增", en: "Added"},
  "revisions.kind.removed": {zh: "删除", en: "Removed"},
  "revisions.kind.withheld": {zh: "不再公开（原值不重复）", en: "Now withheld (old value not repeated)"},
  "revisions.wholeRow": {zh: "整行", en: "Whole row"},
  "revisions.wholeTable": {zh: "整张表", en: "Whole table"},
};
