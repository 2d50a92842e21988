// The list of groups (src/groups.md, src/views/groups.js).
export default {
  "groups.title": {zh: "教育集团", en: "Education groups"},
  "groups.lead": {
    zh: "全部教育集团的期末概况。点击集团名称查看成员分布、资源达标、三率一分、牵头校与成员校差距、增值评价和教师交流。",
    en: "Every education group at the end of the period. Open a group for its members, resources, exam results, the lead–member gap, value-added and teacher exchanges."
  },
  "groups.table": {zh: "集团一览", en: "All groups"},
  "groups.placeholder": {zh: "集团或牵头校名称", en: "Group or lead school"},
  "groups.count": {
    zh: "{period}共有 {n} 个集团，成员校（含牵头校）{k} 所。",
    en: "{n} groups in {period}, with {k} member schools (leads included)."
  },
  "groups.countMatching": {
    zh: "{period}符合“{query}”的有 {n} 个集团，成员校（含牵头校）{k} 所。",
    en: "{n} groups in {period} match “{query}”, with {k} member schools (leads included)."
  },
  "groups.mostRural": {
    zh: "乡村学生占比最高的是{group}（{share}）。",
    en: "{group} has the largest share of rural students ({share})."
  },
  "groups.none": {zh: "没有符合“{query}”的集团。", en: "No group matches “{query}”."},
  "groups.counts.title": {zh: "各区县、各类型的集团数", en: "Groups by county and type"},
  "groups.counts.takeaway": {
    zh: "{period}共有 {n} 个集团：{types}；成员学校（不重复）{k} 所。",
    en: "{n} groups in {period}: {types}; {k} distinct member schools."
  },
  "groups.counts.type": {zh: "{type} {n} 个", en: "{type} {n}"},
  "groups.counts.noCounty": {zh: "（无成员）", en: "(no members)"},
  "groups.bundled.title": {zh: "捆绑考核：牵头校与成员校作为一个整体的成绩", en: "Bundled evaluation: the lead and its members as one"},
  "groups.bundled.takeaway": {
    zh: "最近一次区统考（{date}）各集团的捆绑分：牵头校平均标准分占 {weight}，成员校平均标准分占其余。",
    en: "Each group's bundled score in the latest district-wide exams ({date}): the lead's mean z-score weighs {weight}, the members' the rest."
  },
  "groups.bundled.change": {
    zh: "与上一次区统考相比，{n} 个集团·学科中有 {k} 个上升。",
    en: "Since the previous district-wide exam, {k} of {n} group–subject scores rose."
  },
  "groups.bundled.exam": {zh: "考试", en: "Exam"},
  "groups.bundled.nLead": {zh: "牵头校参考人数", en: "Lead students"},
  "groups.bundled.nMembers": {zh: "成员校参考人数", en: "Member students"},
  "groups.bundled.none": {zh: "暂无区统考的捆绑分。", en: "No district-wide exam has a bundled score yet."},
  "groups.bundled.note": {
    zh: "标准分是在同次考试全体学生中的相对位置，变化是位置的变化，也包含参考学生构成的不同；牵头校或成员校一方无人参考或人数不足时不计算，不列出。",
    en: "A z-score is a standing among all the exam's students: the change is one of standing and also reflects who sat each exam; a group whose lead or members sat no one, or too few, has no score and is not listed."
  }
};
