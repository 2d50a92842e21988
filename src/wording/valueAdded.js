// The value-added page (src/value-added.md, src/views/valueAdded.js).
export default {
  "valueAdded.title": {zh: "增值评价", en: "Value-added"},
  "valueAdded.lead": {
    zh: "学校增值 = 本校学生实际成绩与预测成绩之差的平均（标准分单位）。预测同时考虑学生本人的前测成绩、全校学生的前测平均和学校的城乡类型（情境增值），生源弱的学校不因生源吃亏。收缩估计按信度向所有学校的平均水平收缩，人数少的学校收缩更多；高于、低于平均的判断依据收缩估计的 95% 后验区间。",
    en: "A school's value-added is its students' mean residual: actual score minus predicted score, in z units. The prediction uses each student's earlier result, the school's mean earlier result and its locality (contextual value-added), so a school is not penalised for a weak intake. The shrunken estimate pulls each school towards the average school by its reliability (small schools move most); above or below average is judged from its 95% posterior interval."
  },
  "valueAdded.pair": {zh: "考试对", en: "Exam pair"},
  "valueAdded.pairOption": {zh: "{kind}：{name} ← {prior} · {subject}", en: "{kind}: {name} ← {prior} · {subject}"},
  "valueAdded.axis": {zh: "增值（标准分）", en: "Value-added (z)"},
  "valueAdded.zero": {zh: "0 = 与预期相当", en: "0 = as expected"},
  "valueAdded.zeroDiff": {zh: "0 = 两者相同", en: "0 = no difference"},
  "valueAdded.schools.title": {zh: "各校增值（收缩估计）及 95% 后验区间", en: "School estimates (shrunk) with 95% posterior intervals"},
  "valueAdded.schools.takeaway": {
    zh: "{above} 所学校高于预期，{below} 所低于预期，{average} 所与平均水平无法区分（后验区间包含平均值）。",
    en: "Schools above expectation: {above}; below: {below}; indistinguishable from average (posterior interval holds the average): {average}."
  },
  "valueAdded.schools.chance": {
    zh: "多重比较：同时比较 {n} 所学校，即使各校实际没有差别，按原始 95% 区间也约有 {chance} 所会仅因偶然被判为高于或低于平均；按错误发现率 5% 校正（Benjamini–Hochberg）后仍显著的有 {fdr} 所。",
    en: "Multiple comparisons: with {n} schools compared at once, about {chance} would be flagged above or below average by chance alone by raw 95% intervals even if no school differed; {fdr} stay flagged at a 5% false discovery rate (Benjamini–Hochberg)."
  },
  "valueAdded.schools.tip": {zh: "{school}\n{value} [{low}, {high}]\n{band}", en: "{school}\n{value} [{low}, {high}]\n{band}"},
  "valueAdded.shrink.title": {zh: "收缩估计与原始估计", en: "Shrunken versus raw estimates"},
  "valueAdded.shrink.takeaway": {
    zh: "{school}收缩最多（{n} 名学生，信度 {reliability}）：从 {raw} 收缩到 {shrunk}。虚线表示不收缩，学生越少的学校越偏离虚线、向平均水平（{mean}）靠拢。",
    en: "{school} moves most ({n} students, reliability {reliability}): from {raw} to {shrunk}. The dashed line is no shrinkage: the fewer a school's students, the further it is pulled from the line towards the average school ({mean})."
  },
  "valueAdded.shrink.tip": {zh: "{school}\n{raw} → {shrunk}（信度 {reliability}，{n} 人）", en: "{school}\n{raw} → {shrunk} (reliability {reliability}, n = {n})"},
  "valueAdded.groups.title": {zh: "各集团的增值及 95% 区间", en: "Each group's value-added with its 95% interval"},
  "valueAdded.groups.range": {
    zh: "{high}增值最高（{highVa}），{low}最低（{lowVa}）。",
    en: "{high} has the highest value-added ({highVa}), {low} the lowest ({lowVa})."
  },
  "valueAdded.groups.one": {zh: "只有{group}参加这对考试，增值为 {va}。", en: "Only {group} sat this exam pair: value-added {va}."},
  "valueAdded.groups.joint": {
    zh: "这对考试是{name}，只有本集团的学校参加，预测也只用本集团学生，集团整体增值按定义为 0；请看下图牵头校与成员校之差。",
    en: "This pair is {name}, sat by one group's schools only and predicted from its own students, so the group's value-added is 0 by construction: see lead minus members below."
  },
  "valueAdded.leadMembers.title": {zh: "牵头校与成员校的增值之差", en: "Lead school minus member schools, value-added"},
  "valueAdded.leadMembers.takeaway": {
    zh: "牵头校减成员校的增值差在 {low} 至 {high} 个标准差之间；负值表示成员校学生进步更多。",
    en: "Lead minus members ranges from {low} to {high} SD: a negative value means the members' students progressed more than the lead's."
  },
  "valueAdded.leadMembers.one": {
    zh: "{group}牵头校减成员校的增值差为 {gap} 个标准差；负值表示成员校学生进步更多。",
    en: "In {group}, lead minus members is {gap} SD: a negative value means the members' students progressed more than the lead's."
  },
  "valueAdded.leadMembers.none": {
    zh: "没有哪个集团的牵头校和成员校都有足够学生参加这对考试，无法比较。",
    en: "No group has enough students at both its lead and its members in this exam pair: nothing to compare."
  },
  "valueAdded.leadMembers.note": {
    zh: "区间：发布的牵头校减成员校之差的 95% 置信区间（± 1.96 个标准误）。",
    en: "Interval: the published 95% interval of lead minus members (± 1.96 standard errors)."
  },
  "valueAdded.leadMembers.noSide": {
    zh: "“—”表示该集团的牵头校或成员校没有学生参加这对考试，无可比较。",
    en: "“—”: the group's lead or its members had no students in this pair, so there is nothing to compare."
  },
  "valueAdded.column.nLead": {zh: "牵头校学生数", en: "Lead's students"},
  "valueAdded.column.nMembers": {zh: "成员校学生数", en: "Members' students"},
  "valueAdded.column.of": {zh: "{what}{part}", en: "{what} {part}"},
  "valueAdded.limits.title": {zh: "增值评价不能说明什么", en: "What the measure cannot tell"},
  "valueAdded.limits.causal": {
    zh: "增值是统计关联，不等于学校的因果效应：转学、校外辅导、家庭情况等都不在模型中。",
    en: "It is a statistical association, not the effect of the school: students who change school, private tutoring or family circumstances are not in the model."
  },
  "valueAdded.limits.linked": {
    zh: "只包括两次考试都参加的学生；缺考和新转入的学生不计入，可能使学校偏高或偏低。",
    en: "It only covers students who sat both exams; absent and newly arrived students are left out, which can flatter or penalise a school."
  },
  "valueAdded.limits.intake": {
    zh: "生源只由前测成绩和城乡类型刻画：家庭背景、留守或随迁、择校等没有数据，仍会进入估计。",
    en: "Intake is captured only by prior attainment and locality: family background, left-behind or migrant status and school choice are not in the data and still enter the estimate."
  },
  "valueAdded.limits.crossing": {
    zh: "后验区间包含平均值的学校与平均水平无法区分；学生少的学校区间很宽。",
    en: "Schools whose posterior interval holds the average cannot be told apart from it; small schools have wide intervals."
  },
  "valueAdded.limits.ranking": {
    zh: "按教育部规定，学校考试结果仅供内部使用，不得公布，也不得据此给学校排名。",
    en: "Under Ministry of Education rules, schools' exam results are for internal use only: not to be published, nor used to rank schools."
  },
  "valueAdded.limits.ceiling": {
    zh: "试题过易或过难时会出现天花板或地板效应，压缩最强或最弱学生之间的差异。",
    en: "Ceiling and floor effects: very easy or hard exams compress differences among the strongest or weakest students."
  },
  "valueAdded.limits.snapshot": {
    zh: "一对考试只是一个时点。应结合多次考试和多个科目观察，且不应单独用于评价教师。",
    en: "One exam pair is one snapshot. Look for patterns over several pairs and subjects before acting, and never use it alone to judge teachers."
  }
};
