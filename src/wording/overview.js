// The overview (src/index.md, src/views/overview.js).
export default {
  "overview.title": {zh: "{region}集团化办学均衡发展季度报告", en: "{region}: education groups, quarterly progress report"},
  "overview.lead": {
    zh: "{period}（数据截至 {asOf}）。共 {n} 期数据，{first} 至 {last}。计算于 {at}，软件 Junheng {version}。",
    en: "{period} (data as of {asOf}). {n} periods, {first} to {last}. Computed {at} by Junheng {version}."
  },
  "overview.kpi.coverage": {zh: "学校入集团比例", en: "Schools in education groups"},
  "overview.kpi.students": {zh: "学生入集团比例", en: "Students in education groups"},
  "overview.kpi.exchange": {zh: "教师交流比例", en: "Teacher exchange rate"},
  "overview.kpi.gap": {zh: "城乡学业差距", en: "Urban–rural attainment gap"},
  "overview.kpi.cv": {zh: "资源配置最大差异系数", en: "Largest resource coefficient of variation"},
  "overview.kpi.compliant": {zh: "资源配置综合达标学校", en: "Schools meeting the resource standard"},
  "overview.kpi.met": {zh: "已达到目标", en: "Target met"},
  "overview.kpi.short": {zh: "距目标还差 {pp} 个百分点", en: "{pp} percentage points short of the target"},
  "overview.kpi.target": {zh: "目标 {target}", en: "Target {target}"},
  "overview.kpi.targetBy": {zh: "目标 {target}（{deadline} 前）", en: "Target {target} by {deadline}"},
  "overview.kpi.exchangeSub": {zh: "{year} 学年；目标 ≥ {target}", en: "School year {year}; target ≥ {target}"},
  "overview.kpi.gapSub": {
    zh: "{date} {grade}区统考，各科平均，标准分（城区 − 乡村）；较上次同类统考（{previousDate}）变化 {change}",
    en: "{grade} district exam of {date}, mean over subjects, in z (urban − rural); change of {change} since the previous comparable exam ({previousDate})"
  },
  "overview.kpi.gapSubFirst": {
    zh: "{date} {grade}区统考，各科平均，标准分（城区 − 乡村）；此前没有同年级的区统考可比",
    en: "{grade} district exam of {date}, mean over subjects, in z (urban − rural); no earlier district exam of the same grade to compare with"
  },
  "overview.kpi.gapSubNone": {
    zh: "还没有区统考：集团联考只含一个集团的学校，不代表全区",
    en: "No district exam yet: a group's joint exam covers one group's schools, not the region"
  },
  "overview.kpi.cvSub": {zh: "小学 ≤ {primary}，初中 ≤ {junior}", en: "Primary ≤ {primary}, junior ≤ {junior}"},
  "overview.kpi.cvMet": {zh: "均在标准以内", en: "all within the standard"},
  "overview.kpi.cvShort": {zh: "有学段超过标准", en: "above the standard in a section"},
  "overview.kpi.compliantSub": {
    zh: "{n} 所参评学校中；七项指标至少六项达标且其余不低于标准的 85%",
    en: "of {n} schools assessed; at least six of seven indicators met and the rest ≥ 85% of the standard"
  },
  "overview.coverage.title": {zh: "集团覆盖率的变化", en: "Coverage over time"},
  "overview.coverage.rose": {
    zh: "学校入集团比例从 {first} 的 {from} 升至 {last} 的 {to}；{target}。",
    en: "Schools in groups rose from {from} in {first} to {to} in {last}; {target}."
  },
  "overview.coverage.fell": {
    zh: "学校入集团比例从 {first} 的 {from} 降至 {last} 的 {to}；{target}。",
    en: "Schools in groups fell from {from} in {first} to {to} in {last}; {target}."
  },
  "overview.coverage.same": {
    zh: "学校入集团比例在 {first} 和 {last} 都是 {to}；{target}。",
    en: "Schools in groups were {to} in {first} and in {last}; {target}."
  },
  "overview.coverage.target": {zh: "目标为达到 {target}", en: "the target is {target}"},
  "overview.coverage.targetBy": {zh: "目标为 {deadline} 前达到 {target}", en: "the target is {target} by {deadline}"},
  "overview.coverage.schools": {zh: "学校", en: "Schools"},
  "overview.coverage.students": {zh: "学生", en: "Students"},
  "overview.exchange.title": {zh: "教师交流比例的变化", en: "Teacher exchange rate over time"},
  // {base}: the rate's denominator as config exchange.denominator sets it; {where}: exchange.scope (docs/metrics.md teacher_exchange)
  "overview.exchange.met": {
    zh: "{year} 学年{where}占{base}的 {rate}（目标 {target}），已达到。",
    en: "In {year}, {rate} of {base} {where} (target {target}): met."
  },
  "overview.exchange.short": {
    zh: "{year} 学年{where}占{base}的 {rate}（目标 {target}），还差 {pp} 个百分点。",
    en: "In {year}, {rate} of {base} {where} (target {target}): {pp} percentage points short."
  },
  "overview.exchange.base.eligible": {zh: "应交流教师", en: "eligible teachers"},
  "overview.exchange.base.full_time": {zh: "全体专任教师", en: "all full-time teachers"},
  "overview.exchange.where.any": {zh: "交流教师", en: "were exchanged"},
  "overview.exchange.where.within_group": {zh: "在集团内交流的教师", en: "were exchanged within their group"},
  "overview.cv.title": {zh: "差异系数的变化（各指标最大值）", en: "Coefficient of variation over time (largest indicator)"},
  "overview.cv.takeaway": {
    zh: "{period} 小学各指标差异系数最大为 {primary}（标准 ≤ {primaryTarget}），初中为 {junior}（≤ {juniorTarget}）。",
    en: "In {period} the largest coefficient of variation is {primary} in primary (standard ≤ {primaryTarget}) and {junior} in junior (≤ {juniorTarget})."
  },
  "overview.cv.primary": {zh: "小学", en: "Primary"},
  "overview.cv.junior": {zh: "初中", en: "Junior"},
  "overview.gap.title": {zh: "城乡学业差距的变化", en: "Urban–rural attainment gap over time"},
  "overview.gap.takeaway": {
    zh: "最近一次区统考（{exam}，{date}）城乡差距为 {gap} 个标准差，较上次同类统考（{previousDate}，{grade}）变化 {change}。",
    en: "On the latest district exam ({exam}, {date}) the urban–rural gap is {gap} standard deviations, a change of {change} since the previous comparable exam ({previousDate}, {grade})."
  },
  "overview.gap.takeawayFirst": {
    zh: "最近一次区统考（{exam}，{date}）城乡差距为 {gap} 个标准差；此前没有同年级的区统考，不与其他年级的考试相比。",
    en: "On the latest district exam ({exam}, {date}) the urban–rural gap is {gap} standard deviations; there is no earlier district exam of the same grade, and exams of other grades are not compared with it."
  },
  "overview.gap.quarters": {
    zh: "只比较同为区统考、同一年级、同样科目的考试（同色连线）；集团联考不计入；{n} 个季度没有区统考，图中不画点。分科目及置信区间见“城乡差距”页。",
    en: "Only district exams of the same grade and subjects are compared (joined by a line of one colour); group joint exams are left out; {n} quarters had no district exam and have no point. See Gaps for intervals by subject."
  },
  "overview.gap.series": {zh: "{grade}区统考", en: "{grade} district exam"},
  "overview.gap.tip": {
    zh: "{exam}\n{kind} · {grade} · {date}\n各科平均 {gap}{previous}",
    en: "{exam}\n{kind} · {grade} · {date}\nMean over subjects {gap}{previous}"
  },
  "overview.gap.tipPrevious": {zh: "\n较上次同类统考（{date}）变化 {change}", en: "\nChange since the previous comparable exam ({date}): {change}"},
  "overview.gap.inPeriod": {zh: "本季度有区统考", en: "District exam this quarter"},
  "overview.gap.noExam": {zh: "本季度无区统考", en: "No district exam this quarter"},
  "overview.gap.change": {zh: "变化", en: "Change"},
  "overview.gap.previousExam": {zh: "上次同类统考", en: "Previous comparable exam"},
  "overview.compliant.title": {zh: "综合达标学校数的变化", en: "Schools meeting the resource standard over time"},
  "overview.compliant.takeaway": {
    zh: "{period} 参评的 {assessed} 所学校中有 {compliant} 所资源配置综合达标。",
    en: "{compliant} of {assessed} schools assessed meet the national resource standard in {period}."
  },
  "overview.compliant.schools": {zh: "综合达标学校", en: "Compliant schools"},
  "overview.print": {zh: "打印 / 存为 PDF（A4）", en: "Print / save as PDF (A4)"}
};
