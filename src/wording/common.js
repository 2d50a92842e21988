// Words shared by every page and by the components (card, tables, controls).
export default {
  "common.demo": {
    zh: "示例数据：本网站所有数字均为合成数据，不描述任何真实的学校、教师或学生。",
    en: "Demo data: every number on this site is synthetic and describes no real school, teacher or student."
  },
  "common.asOf": {zh: "数据截至", en: "Data as of"},
  "common.runAt": {zh: "计算时间", en: "Computed"},
  "common.periods": {zh: "期数", en: "Periods"},
  "common.showTable": {zh: "查看数据表", en: "Show the data table"},
  "common.downloadCsv": {zh: "下载 CSV（图中数据）", en: "Download CSV (as shown)"},
  "common.downloadTableCsv": {zh: "下载 CSV（表中数据）", en: "Download CSV (this table)"},
  "common.suppressedNote": {
    zh: "“<{n}”表示人数少于 {n}，按规则不公开（不是 0）。",
    en: "“<{n}” means fewer than {n} students: not published under the suppression rule (not zero)."
  },
  "common.none": {zh: "无", en: "None"},
  "common.yes": {zh: "是", en: "Yes"},
  "common.no": {zh: "否", en: "No"},
  "common.all": {zh: "全部", en: "All"},
  "common.search": {zh: "搜索", en: "Search"},
  "common.period": {zh: "期", en: "Period"},
  "common.section": {zh: "学段", en: "Section"},
  "common.subject": {zh: "科目", en: "Subject"},
  "common.county": {zh: "区县", en: "County"},
  "common.exam": {zh: "考试", en: "Exam"},
  "common.indicator": {zh: "指标", en: "Indicator"},
  "common.group": {zh: "集团", en: "Group"},
  "common.schoolYear": {zh: "学年", en: "School year"},
  "common.target": {zh: "目标", en: "Target"},
  "common.deadline": {zh: "期限", en: "Deadline"},
  "common.met": {zh: "达到", en: "met"},
  "common.notMet": {zh: "未达到", en: "not met"},
  "common.noData": {zh: "暂无数据。", en: "No data."},
  "common.allSuppressed": {
    zh: "参加的学校人数都少于 {n}，结果按规则不公开。",
    en: "Every school taking part has fewer than {n} students: nothing is published under the suppression rule."
  },
  "common.sideSuppressed": {
    zh: "每次考试都有一方学生少于 {n} 人，差距按规则不公开。",
    en: "In every exam one side has fewer than {n} students: the gap is not published under the suppression rule."
  },
  "common.valueSuppressed": {zh: "少于 {n} 人，不公开", en: "fewer than {n} students, not published"},
  "common.rowsShown": {zh: "共 {n} 行", en: "rows: {n}"},
  // the school page's card where an edition carries no per-school results (h13e owns the editions' wording)
  "common.edition.schoolResultsWithheld": {
    zh: "本版本不公布单个学校的考试成绩、三率一分和增值评价。这些结果只在内部版本中提供。",
    en: "This edition does not publish a single school's exam results, rates or value-added. They are in the internal edition only."
  }
};
