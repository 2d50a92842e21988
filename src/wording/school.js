// A school's page (src/schools/[school].md, src/views/school.js) and the schools index (src/schools.md,
// src/views/schools.js: the school.index.* keys).
export default {
  "school.back": {zh: "← 全部学校", en: "← All schools"},
  "school.facts": {
    zh: "{county}，{stage}，{locality}；{period}在校生 {students} 人。",
    en: "{county}; {stage}, {locality}; {students} students in {period}."
  },
  "school.ownership": {zh: "办学性质：{ownership}。", en: "Ownership: {ownership}."},

  "school.groups.title": {zh: "所在集团及历次成员记录", en: "Groups and membership over time"},
  "school.groups.in": {zh: "{group}（{role}，{date} 加入）", en: "{group} ({role} since {date})"},
  "school.groups.now": {zh: "{period}：{groups}。", en: "{period}: {groups}."},
  "school.groups.left": {
    zh: "{period}未在任何集团；此前属于{group}（至{last}）。",
    en: "Not in a group in {period}; it was in {group} until {last}."
  },
  "school.groups.never": {zh: "截至{period}，本校未加入任何集团。", en: "Up to {period} the school has not been in any group."},
  "school.groups.inSection": {zh: "{group}（{section}，{role}，{date} 加入）", en: "{group} ({section}, {role} since {date})"},
  "school.groups.section": {zh: "{group}（{section}）", en: "{group} ({section})"},
  "school.groups.bySection": {zh: "各学部分属不同集团，考试与增值按考试年级所在学部与该学部的集团比较：{list}。", en: "Its sections are in different groups; each exam and value-added is compared with the group of the exam grade's section: {list}."},
  "school.groups.bySectionOnly": {zh: "各学部分属不同集团：{list}。", en: "Its sections are in different groups: {list}."},
  "school.groups.sectionGroup": {zh: "{section}—{group}", en: "{section}: {group}"},
  "school.groups.first": {zh: "首次出现", en: "First period"},
  "school.groups.last": {zh: "最近一期", en: "Latest period"},
  "school.groups.periods": {zh: "期数", en: "Periods"},

  "school.resources.title": {zh: "资源配置：七项指标对照国家标准", en: "Resources: the seven indicators against the national standard"},
  "school.resources.titleSection": {zh: "资源配置（{section}部）：七项指标对照国家标准", en: "Resources ({section} section): the seven indicators against the national standard"},
  "school.resources.compliant": {zh: "{period}：{n} 项指标达标 {k} 项，达到优质均衡标准。", en: "{period}: {k} of {n} indicators met; the school meets the standard."},
  "school.resources.notCompliant": {zh: "{period}：{n} 项指标达标 {k} 项，未达到优质均衡标准。", en: "{period}: {k} of {n} indicators met; the school does not meet the standard."},
  "school.resources.lowest": {zh: "差距最大的是{indicator}，为标准的 {pct}。", en: "Furthest below: {indicator}, at {pct} of the standard."},
  "school.resources.met": {zh: "达标", en: "Met"},
  "school.resources.near": {zh: "未达标但不低于标准的 {near}", en: "Below, but at least {near} of the standard"},
  "school.resources.below": {zh: "低于标准的 {near}", en: "Below {near} of the standard"},
  "school.resources.missing": {zh: "缺数据", en: "Missing"},
  "school.resources.line": {zh: "标准（100%）", en: "Standard (100%)"},
  "school.resources.value": {zh: "本校", en: "This school"},
  "school.resources.standard": {zh: "标准", en: "Standard"},
  "school.resources.ratio": {zh: "占标准", en: "Share of standard"},
  "school.resources.status": {zh: "情况", en: "Status"},
  "school.resources.cell": {zh: "{indicator}：{value}（标准 {threshold}）", en: "{indicator}: {value} (standard {threshold})"},
  "school.resources.estimated": {
    zh: "一贯制学校的学段指标按学生数估算（学校未分学段报送）。",
    en: "The section's figures are estimated from student numbers (the school did not report by section)."
  },

  "school.exchange.title": {zh: "教师交流：派出与接收", en: "Teacher exchange: sent and received"},
  "school.exchange.takeaway": {
    zh: "{year}学年派出教师 {sent} 人（骨干 {sentBackbone} 人，去往 {sentSchools} 所学校），接收 {received} 人（骨干 {receivedBackbone} 人，来自 {receivedSchools} 所学校）。",
    en: "In {year} the school sent {sent} teachers ({sentBackbone} backbone, to {sentSchools} schools) and received {received} ({receivedBackbone} backbone, from {receivedSchools} schools)."
  },
  "school.exchange.none": {zh: "已公布的学年中，本校没有派出或接收交流教师。", en: "The school sent and received no exchange teachers in the published school years."},
  "school.exchange.sent": {zh: "派出", en: "Sent"},
  "school.exchange.received": {zh: "接收", en: "Received"},
  "school.exchange.direction": {zh: "方向", en: "Direction"},
  "school.exchange.other": {zh: "对方学校", en: "Other school"},
  "school.exchange.otherGroup": {zh: "对方所在集团代码", en: "Other school's group code"},

  "school.results.title": {zh: "考试结果与增值评价", en: "Exam results and value-added"},
  "school.results.unit": {zh: "对象", en: "Compared"},
  "school.results.nSchools": {zh: "学校数", en: "Schools"},
  "school.results.groupRow": {zh: "本集团其他成员校", en: "Rest of its group"},
  "school.results.groupLatest": {zh: "本校最近一期所在的{group}", en: "{group}, the school's group in the latest period"},
  "school.results.groupSection": {zh: "本校{section}最近一期所在的{group}（本次考试年级属{section}）", en: "{group}, the group of the school's {section} in the latest period (the exam's grade is in the {section})"},
  "school.results.similarRow": {zh: "同类学校（同学段、同城乡）", en: "Similar schools (stage, locality)"},
  "school.results.exam.label": {zh: "考试与科目", en: "Exam and subject"},
  "school.results.exam.title": {zh: "三率一分：本校、本集团与同类学校", en: "Exam results: three rates and the mean, against its group and similar schools"},
  "school.results.exam.self": {zh: "本校及格率 {pass}，平均分 {mean}（满分 {full}）。", en: "Pass rate {pass}, mean score {mean} (out of {full})."},
  "school.results.exam.groupAbove": {zh: "比{group}其他成员校（{k} 所，{pass}）高 {pp} 个百分点；", en: "{pp} percentage points above the rest of {group} ({k} schools, {pass});"},
  "school.results.exam.groupBelow": {zh: "比{group}其他成员校（{k} 所，{pass}）低 {pp} 个百分点；", en: "{pp} percentage points below the rest of {group} ({k} schools, {pass});"},
  "school.results.exam.similarAbove": {zh: "比同类学校（{k} 所，{pass}）高 {pp} 个百分点。", en: "{pp} percentage points above similar schools ({k} schools, {pass})."},
  "school.results.exam.similarBelow": {zh: "比同类学校（{k} 所，{pass}）低 {pp} 个百分点。", en: "{pp} percentage points below similar schools ({k} schools, {pass})."},
  "school.results.exam.position": {zh: "同类学校中有 {lower} 所（共 {k} 所）及格率低于本校。", en: "{lower} of the {k} similar schools have a lower pass rate."},
  "school.results.exam.noSimilar": {zh: "没有同学段、同城乡类型的学校参加同一考试。", en: "No school of the same stage and locality sat the same exam."},
  "school.results.exam.suppressed": {zh: "本校参考学生少于 {n} 人，结果不公开。", en: "Fewer than {n} of the school's students sat it: the results are not published."},
  "school.results.exam.mean": {zh: "平均分（占满分）", en: "Mean score (share of full marks)"},
  "school.results.exam.meanText": {zh: "均分 {mean}", en: "mean {mean}"},
  "school.results.exam.note": {
    zh: "集团为{group}；同类学校为参加同一考试、学段与城乡类型都相同的其他学校。集团和同类学校的比率按学生数合并（不含不公开的学校）。",
    en: "The group is {group}; similar schools are the other schools of the same stage and locality that sat the same exam. The group's and similar schools' rates are pooled over their students (suppressed schools left out)."
  },
  "school.results.va.pair": {zh: "前后两次考试", en: "Exam pair"},
  "school.results.va.pairName": {zh: "{grade}年级 {prior} → {later} · {subject}", en: "Grade {grade}: {prior} → {later} · {subject}"},
  "school.results.va.title": {zh: "增值评价：本校、本集团与同类学校", en: "Value-added: the school, its group and similar schools"},
  "school.results.va.self": {zh: "本校增值 {va}（95% 区间 {low} 至 {high}，{band}）。", en: "The school's value-added is {va} (95% interval {low} to {high}; {band})."},
  // the band comes from the shrunk estimate's posterior interval (docs/metrics.md value_added_school)
  "school.results.va.selfShrunk": {
    zh: "本校增值 {va}（95% 区间 {low} 至 {high}）；向全区平均收缩后为 {shrunk}（后验 95% 区间 {plow} 至 {phigh}，{band}）。",
    en: "The school's value-added is {va} (95% interval {low} to {high}); shrunk toward the average, {shrunk} (95% posterior interval {plow} to {phigh}; {band})."
  },
  "school.results.va.group": {zh: "{group}整体 {va}（{low} 至 {high}）。", en: "{group} as a whole: {va} ({low} to {high})."},
  "school.results.va.similar": {
    zh: "{k} 所同类学校的中位数 {median}，中间一半在 {q1} 至 {q3} 之间。",
    en: "The median of {k} similar schools is {median}; their middle half lies between {q1} and {q3}."
  },
  "school.results.va.groupRow": {zh: "本集团整体", en: "Its group as a whole"},
  "school.results.va.similarRow": {zh: "同类学校中位数（中间一半）", en: "Similar schools: median (middle half)"},
  "school.results.va.suppressed": {zh: "本校配对学生少于 {n} 人，增值结果不公开。", en: "Fewer than {n} of the school's students are linked: the value-added is not published."},
  "school.results.va.note": {
    zh: "单位为标准分。本校与集团的横线为 95% 置信区间，空心点为收缩后的估计；同类学校一行的点为中位数，横线为第 25 至第 75 百分位（不是置信区间）。",
    en: "In standard-score units. For the school and the group the line is the 95% interval and the hollow dot the shrunken estimate; for similar schools the dot is the median and the line runs from the 25th to the 75th percentile (not an interval)."
  },

  "school.index.lead": {
    zh: "共 {n} 所学校。按区县、学段、城乡类型筛选，或输入校名、学校代码查找；点击校名打开学校页面。",
    en: "{n} schools. Filter by county, stage and locality, or type part of a name or code; click a name to open the school's page."
  },
  "school.index.title": {zh: "学校名单", en: "Schools"},
  "school.index.search": {zh: "查找", en: "Find"},
  "school.index.placeholder": {zh: "校名或学校代码", en: "name or school code"},
  "school.index.county": {zh: "区县", en: "County"},
  "school.index.stage": {zh: "学段", en: "Stage"},
  "school.index.locality": {zh: "城乡", en: "Locality"},
  "school.index.all": {zh: "全部", en: "All"},
  "school.index.found": {zh: "找到 {k} 所学校。", en: "{k} schools found."},
  "school.index.foundMore": {zh: "找到 {k} 所学校，下表列出前 {shown} 所；请缩小筛选范围。", en: "{k} schools found; the table lists the first {shown}. Narrow the filter to see the rest."},
  "school.index.none": {zh: "没有符合条件的学校。", en: "No school matches."}
};
