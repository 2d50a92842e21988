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
  "groups.none": {zh: "没有符合“{query}”的集团。", en: "No group matches “{query}”."}
};
