// A group's page (src/groups/[group].md, src/views/group.js).
export default {
  "group.back": {zh: "← 全部集团", en: "← All groups"},
  "group.facts": {
    zh: "{period}：{type}集团，成立于 {date}；牵头校 {lead}；学段：{stages}；成员校（含牵头校）{n} 所，学生 {students} 人，乡村学生占 {rural}。",
    en: "{period}: {type} group, established {date}; lead school {lead}; stages: {stages}; {n} schools (lead included), {students} students, {rural} rural."
  },
  "group.farthest": {zh: "最远成员校距牵头校 {km} km。", en: "The farthest member is {km} km from the lead."},
  "group.outside": {zh: "集团外", en: "outside the group"},

  "group.map.title": {zh: "成员校分布", en: "Where the members are"},
  "group.map.takeaway": {zh: "共 {n} 所学校：{parts}。", en: "{n} schools: {parts}."},
  "group.map.part": {zh: "{locality} {n} 所", en: "{n} {locality}"},
  "group.map.note": {
    zh: "按学校经纬度绘制的示意图（非地图底图），连线为牵头校到成员校；编号对应右侧名单，距离为到牵头校的直线距离。相距很近的学校略作错开。",
    en: "Drawn from the schools' coordinates (a schematic, no base map); lines run from the lead to each member. Numbers refer to the list; distances are straight-line from the lead. Schools very close together are nudged apart."
  },

  "group.resources.title": {zh: "成员校资源配置达标情况", en: "Members' resources against the national standard"},
  "group.resources.takeaway": {
    zh: "{period}，{n} 个学校学段中有 {k} 个综合达标（七项指标至少六项达标，其余不低于 85%）。",
    en: "In {period}, {k} of {n} school sections meet the standard (at least 6 of 7 indicators met and the rest ≥ 85%)."
  },
  "group.resources.fewest": {
    zh: "达标项数最少的是{school}，{k} 项。",
    en: "{school} meets the fewest: {k}."
  },
  "group.resources.section": {zh: "{school}（{section}）", en: "{school} ({section})"},
  "group.resources.line": {zh: "综合达标至少 {n} 项", en: "At least {n} met"},
  "group.resources.faded": {zh: "浅色：未综合达标", en: "Pale: not compliant"},

  "group.exam.title": {zh: "成员校三率一分", en: "Exam results by school: three rates and the mean"},
  "group.exam.label": {zh: "考试", en: "Exam"},
  "group.exam.range": {
    zh: "{exam}（{subject}）：及格率最高的{top}为 {high}，最低的{bottom}为 {low}，相差 {pp} 个百分点；各校平均分 {meanLow} 至 {meanHigh} 分（满分 {full}）。",
    en: "{exam}, {subject}: pass rates run from {low} at {bottom} to {high} at {top}, {pp} percentage points apart; mean scores {meanLow} to {meanHigh} out of {full}."
  },
  "group.exam.one": {
    zh: "{exam}（{subject}）：{school}及格率 {pass}，平均分 {mean} 分（满分 {full}）。",
    en: "{exam}, {subject}: {school} has a pass rate of {pass} and a mean score of {mean} out of {full}."
  },
  "group.exam.hidden": {
    zh: "另有 {k} 所学校人数少于 {n}，不公开。",
    en: "Not published: {k} more with fewer than {n} students each."
  },
  "group.exam.mean": {zh: "平均分（按满分折算）", en: "Mean score (as a share of full marks)"},
  "group.exam.meanText": {zh: "均分 {mean}", en: "mean {mean}"},
  "group.exam.note": {
    zh: "圆点为三率；菱形为平均分占满分的比例，右侧数字为平均分。",
    en: "Dots are the three rates; the diamond is the mean score as a share of full marks, with the mean score on the right."
  },

  "group.gap.title": {zh: "牵头校与成员校的学业差距", en: "Lead–member attainment gap"},
  "group.gap.above": {
    zh: "{date}（{subject}）牵头校学生的平均标准分比成员校学生高 {gap}（95% 置信区间 {low} 至 {high}）。",
    en: "On {date} ({subject}) the lead's students scored {gap} SD above the members' (95% CI {low} to {high})."
  },
  "group.gap.below": {
    zh: "{date}（{subject}）牵头校学生的平均标准分比成员校学生低 {gap}（95% 置信区间 {low} 至 {high}）。",
    en: "On {date} ({subject}) the lead's students scored {gap} SD below the members' (95% CI {low} to {high})."
  },
  "group.gap.leadSmall": {
    zh: "每次考试牵头校的学生都少于 {n} 人，差距按规则不公开。",
    en: "In every exam the lead school has fewer than {n} students: the gap is not published under the suppression rule."
  },
  "group.gap.membersSmall": {
    zh: "每次考试成员校的学生都少于 {n} 人，差距按规则不公开。",
    en: "In every exam the members have fewer than {n} students: the gap is not published under the suppression rule."
  },
  "group.gap.leadAbsent": {
    zh: "牵头校{lead}（{stage}）没有学生参加成员校的这些考试，无法比较牵头校与成员校（不是人数少而不公开）。",
    en: "The lead school, {lead} ({stage}), has no students in the exams its members sat, so there is nothing to compare (this is not suppression)."
  },
  "group.gap.membersAbsent": {
    zh: "成员校没有学生参加牵头校的这些考试，无法比较牵头校与成员校（不是人数少而不公开）。",
    en: "No member school has students in the exams the lead sat, so there is nothing to compare (this is not suppression)."
  },
  "group.gap.n_first": {zh: "牵头校人数", en: "Lead students"},
  "group.gap.n_second": {zh: "成员校人数", en: "Member students"},
  "group.gap.n_schools_second": {zh: "参考成员校数", en: "Member schools"},
  "group.gap.interval": {
    zh: "牵头校只有一所：95% 置信区间除学生抽样外，还计入学校之间的差异（按成员校之间的差异估计），所以较宽；成员校少于3所时尤其不稳。",
    en: "The lead is one school: the 95% interval counts the differences between schools (estimated from the members' spread) as well as the sampling of students, so it is wide, and fragile with fewer than 3 member schools."
  },

  "group.va.title": {zh: "集团增值评价：整体与各校", en: "Value-added: the group as a whole and its schools"},
  "group.va.pair": {zh: "考试对", en: "Exam pair"},
  "group.va.pairName": {zh: "{grade}年级 {prior} → {later} · {subject}", en: "Grade {grade}, {prior} → {later} · {subject}"},
  "group.va.groupRow": {zh: "集团整体", en: "Whole group"},
  "group.va.unit": {zh: "集团或学校", en: "Group or school"},
  "group.va.group": {
    zh: "集团整体增值 {va} 个标准差（95% 区间 {low} 至 {high}）。",
    en: "The group's value-added is {va} SD (95% CI {low} to {high})."
  },
  "group.va.leadAbove": {
    zh: "牵头校学生的增值比成员校学生高 {gap} 个标准差。",
    en: "The lead's students gained {gap} SD more than the members'."
  },
  "group.va.leadBelow": {
    zh: "牵头校学生的增值比成员校学生低 {gap} 个标准差。",
    en: "The lead's students gained {gap} SD less than the members'."
  },
  "group.va.leadAbsent": {
    zh: "牵头校{lead}没有该年级的学生，无法比较牵头校与成员校。",
    en: "The lead school, {lead}, has no students in this grade: there is no lead–member comparison."
  },
  "group.va.membersAbsent": {
    zh: "成员校没有该年级的学生，无法比较牵头校与成员校。",
    en: "No member school has students in this grade: there is no lead–member comparison."
  },
  "group.va.leadSmall": {
    zh: "牵头校该年级学生少于 {n} 人，牵头校与成员校之差按规则不公开。",
    en: "The lead has fewer than {n} students in this grade: the lead–member difference is not published."
  },
  "group.va.membersSmall": {
    zh: "成员校该年级学生少于 {n} 人，牵头校与成员校之差按规则不公开。",
    en: "The members have fewer than {n} students in this grade: the lead–member difference is not published."
  },
  "group.va.bands": {
    zh: "{above} 所学校高于预期，{below} 所低于预期。",
    en: "Schools above expectation: {above}; below: {below}."
  },
  "group.va.bandsNone": {zh: "没有学校明显高于或低于预期。", en: "No school is clearly above or below expectation."},
  "group.va.suppressed": {
    zh: "集团在该考试对中的学生少于 {n} 人，按规则不公开。",
    en: "The group has fewer than {n} students in this exam pair: not published under the suppression rule."
  },
  "group.va.note": {
    zh: "集团整体为原始估计及 95% 区间；各校实心点为收缩估计及 95% 后验区间（高于或低于预期按此区间判断），空心点为原始估计。增值评价的局限见“增值评价”页。",
    en: "The group: its estimate with 95% interval. Each school: the shrunken estimate with its 95% posterior interval (above or below expectation is judged on it), hollow dot the raw estimate. See Value-added for what the measure cannot tell."
  },

  "group.exchange.title": {zh: "教师交流：派出与接收", en: "Teacher exchange: sent and received"},
  "group.exchange.takeaway": {
    zh: "{year} 学年交流 {n} 人，占{base} {eligible} 人的 {rate}（目标 {target}），骨干教师占 {backbone}。",
    en: "{year}: {n} of {eligible} {base} exchanged ({rate}, target {target}); backbone {backbone}."
  },
  // the rate's base (teacher_exchange.rate_denominator, config exchange.denominator)
  "group.exchange.base.eligible": {zh: "应交流教师", en: "eligible teachers"},
  "group.exchange.base.full_time": {zh: "专任教师", en: "full-time teachers"},
  "group.exchange.most": {
    zh: "这一学年{direction}的交流最多，{n} 人。",
    en: "That year the largest flow was {direction}: {n} teachers."
  },
  "group.exchange.flows": {zh: "交流明细：派出与接收学校", en: "Exchanges school by school"},
  "group.exchange.flowsYears": {
    zh: "{first} 至 {last} 学年共 {n} 人次交流，涉及 {k} 对派出与接收学校。",
    en: "From {first} to {last}: {n} teacher moves; school pairs involved: {k}."
  },
  "group.exchange.flowsYear": {
    zh: "{first} 学年共 {n} 人次交流，涉及 {k} 对派出与接收学校。",
    en: "In {first}: {n} teacher moves; school pairs involved: {k}."
  }
};
