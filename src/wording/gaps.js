// The gaps page (src/gaps.md, src/views/gaps.js).
export default {
  "gaps.title": {zh: "城乡与校际学业差距", en: "Urban–rural and lead–member attainment gaps"},
  "gaps.lead": {
    zh: "差距以标准分（z）表示：同一考试同一科目中，前一方学生平均标准分减去后一方。竖线为 95% 置信区间：同校学生成绩相关，区间按学校聚类计算（t 分布，自由度为学校数减 1），学校少时区间宽；一方人数不足时不公开。区统考由全区学校参加，集团联考只有一个集团的学校参加，两类考试的差距不能直接比较。",
    en: "Gaps are in standard deviations (z): the first side's mean z-score minus the second's, same exam and subject. Bars are 95% confidence intervals: a school's students' results are correlated, so intervals treat schools as clusters (t with the number of schools less one degrees of freedom) and are wide where schools are few; too few students on a side and the value is not published. District exams are sat by every school, group joint exams by one group's schools only: their gaps are not comparable."
  },
  "gaps.comparison": {zh: "比较", en: "Comparison"},
  "gaps.exam": {zh: "考试", en: "Exam"},
  "gaps.examOption": {zh: "{date} {kind}：{name} · {subject}", en: "{date} {kind}: {name} · {subject}"},
  "gaps.subjectValue": {zh: "{subject} {value}", en: "{subject} {value}"},
  "gaps.axis": {zh: "差距（标准差）", en: "Gap (SD)"},
  "gaps.zero": {zh: "0 = 两方相同", en: "0 = no gap"},
  "gaps.tip": {
    zh: "{name}\n{kind} · {grade} · {date} · {subject}\n{value} [{low}, {high}]{schools}",
    en: "{name}\n{kind} · {grade} · {date} · {subject}\n{value} [{low}, {high}]{schools}"
  },
  "gaps.schools": {zh: "\n学校：{first} 所对 {second} 所", en: "\nSchools: {first} against {second}"},
  "gaps.fewSchools.yes": {zh: "少于3所", en: "Fewer than 3"},
  "gaps.fewSchools.tip": {zh: "（一方少于3所学校，区间依赖极少数学校）", en: " (fewer than 3 schools on a side: the interval rests on very few schools)"},
  "gaps.fewSchools.mark": {zh: "{name}（学校少）", en: "{name} (few schools)"},
  "gaps.fewSchools.takeaway": {
    zh: "其中有一方少于3所学校，区间依赖极少数学校，解读需谨慎。",
    en: "A side has fewer than 3 schools: the interval rests on very few schools, so read it with care."
  },
  "gaps.fewSchools.note": {
    zh: "标“（学校少）”的比较有一方少于3所学校：区间依赖极少数学校（牵头校只有一所，其区间借用成员校之间的差异），解读需谨慎。",
    en: "Comparisons marked \"(few schools)\" have fewer than 3 schools on a side: the interval rests on very few schools (a lead is one school, whose interval borrows the members' spread), so read them with care."
  },
  "gaps.trend.comparable": {
    zh: "只画区统考（全区学校参加）；同一年级、同一科目的考试才可比，提示框和表格注明每个点是哪次考试。",
    en: "District exams only (sat by every school); only exams of the same grade and subject are comparable, and the tooltip and table name each point's exam."
  },
  "gaps.trend.jointLeftOut": {
    zh: "集团联考只有一个集团的学校参加，不是全区差距，不画在这里；在下方选择该联考，可看到该集团内部的差距。",
    en: "Group joint exams are sat by one group's schools and are not region-wide, so they are not drawn here; choose one below to see the gap inside its group."
  },
  "gaps.trend.title": {zh: "各次考试的差距（按科目）", en: "The gap in each exam, by subject"},
  "gaps.trend.latest": {
    zh: "{comparison}：最近一次{kind}（{name}，{date}）差距为 {gaps} 个标准差。",
    en: "{comparison}: in the latest {kind} ({name}, {date}) the gap is {gaps} SD."
  },
  "gaps.trend.mixed": {
    zh: "空心点为集团联考，只含一个集团的学校，不能与区统考直接比较。",
    en: "Hollow points are group joint exams, sat by one group's schools only: do not compare them with district exams."
  },
  "gaps.trend.inGroupsOnly": {
    zh: "牵头校与成员校只在各集团内部比较，没有全域差距；各集团的差距见下图。",
    en: "Lead and member schools are compared inside each group only: there is no region-wide gap. Each group's gap is in the next chart."
  },
  "gaps.points": {
    zh: "实心点：区统考；空心点：集团联考。",
    en: "Filled points: district exams; hollow points: group joint exams."
  },
  "gaps.scopes.title": {zh: "集团内部与全域的差距对比", en: "Inside each group versus the whole region"},
  "gaps.scopes.region": {zh: "{exam}（{subject}）：全域差距 {gap} 个标准差；", en: "{exam}, {subject}: region-wide {gap} SD; "},
  "gaps.scopes.noRegion": {zh: "{exam}（{subject}）：", en: "{exam}, {subject}: "},
  "gaps.scopes.groupsNone": {
    zh: "没有哪个集团两方学生都足够多，集团内差距均不公开。",
    en: "no group has enough students on both sides to publish its gap."
  },
  "gaps.scopes.groupsOne": {zh: "两方学生都足够多的唯一集团内部为 {gap}。", en: "inside the one group with enough students on both sides, {gap}."},
  "gaps.scopes.groupsRange": {zh: "各集团内部在 {low} 至 {high} 之间。", en: "inside groups from {low} to {high}."},
  "gaps.scopes.hidden": {
    zh: "另有 {n} 个集团一方学生少于 {minN} 人，差距不公开。",
    en: "Groups not published (fewer than {minN} students on a side): {n}."
  },
  "gaps.variance.title": {zh: "校间差异占总差异的比例", en: "Share of score variance between schools"},
  "gaps.variance.takeaway": {
    zh: "最近一次{kind}（{name}，{date}）成绩差异中校间部分占 {shares}：比例越大，学生成绩越取决于就读哪所学校。",
    en: "In the latest {kind} ({name}, {date}) the between-school share of score variance is {shares}: the larger it is, the more a student's result depends on the school attended."
  },
  "gaps.variance.tip": {zh: "{name}\n{kind} · {date} · {subject}\n{value}", en: "{name}\n{kind} · {date} · {subject}\n{value}"}
};
