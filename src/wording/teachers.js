// The teacher exchange page (src/teachers.md, src/views/teachers.js).
export default {
  "teachers.title": {zh: "教师交流轮岗", en: "Teacher exchange"},
  "teachers.lead": {
    zh: "每学年（9月1日至次年8月31日）交流教师的比例，目标 ≥ {target}，其中骨干教师占比 ≥ {backbone}。交流在派出学校计数；一贯制学校的教师按任教学段计入所在学部，集团只计所含学部的教师。{basis}",
    en: "Per school year (1 September to 31 August), the share of teachers exchanged; target ≥ {target}, with backbone teachers ≥ {backbone} of those exchanged. Counted at the sending school; a teacher of a 一贯制 school counts in the section (学部) taught, and a group only counts the teachers of the sections it holds. {basis}"
  },
  "teachers.basis": {
    zh: "口径：分母为{denominator}；{scope}；{shadow}；{schools}。",
    en: "Basis: the rate divides by {denominator}; {scope}; {shadow}; {schools}."
  },
  "teachers.basis.denominator.eligible": {zh: "应交流教师（在校满6年的专任教师）", en: "eligible teachers (full-time, ≥ 6 years at the school)"},
  "teachers.basis.denominator.full_time": {zh: "全部专任教师", en: "all full-time teachers"},
  "teachers.basis.scope.any": {zh: "交流到任何学校都计入", en: "an exchange to any school counts"},
  "teachers.basis.scope.within_group": {zh: "只计入集团内的交流（集团的比例只计到本集团学校或学部的交流）", en: "only exchanges within a group count (a group's rate only those to its own schools or sections)"},
  "teachers.basis.shadow.in": {zh: "跟岗计入交流", en: "shadowing placements (跟岗) count"},
  "teachers.basis.shadow.out": {zh: "跟岗不计入交流", en: "shadowing placements (跟岗) do not count"},
  "teachers.basis.schools.compulsory_public": {zh: "只含公办义务教育学校（不含高中、职业、特殊教育和民办学校）", en: "public compulsory schools only (no senior, vocational, special or private schools)"},
  "teachers.basis.schools.all": {zh: "含全部学校", en: "every school"},
  "teachers.basis.urbanBase.eligible": {zh: "城区学校的应交流教师", en: "the urban schools' eligible teachers"},
  "teachers.basis.urbanBase.full_time": {zh: "城区学校的全部专任教师", en: "all full-time teachers of the urban schools"},
  "teachers.urbanRural.title": {zh: "城区学校到镇区、乡村学校的交流比例", en: "Urban-to-rural exchange rate"},
  "teachers.urbanRural.takeaway": {
    zh: "{year} 学年，有城区学校的 {n} 个区县和集团中，{k} 个由城区派往镇区、乡村学校的教师达到{base}的 {target}。",
    en: "In {year}, {k} of the {n} counties and groups with urban schools sent at least {target} of {base} to town or rural schools."
  },
  "teachers.urbanRural.none": {
    zh: "{year} 学年没有城区学校的数据，城乡交流比例无从计算。",
    en: "No urban school reported for {year}: there is no urban-to-rural rate to show."
  },
  "teachers.met": {zh: "达到目标", en: "Target met"},
  "teachers.short": {zh: "未达到", en: "Not met"},
  "teachers.rate.title": {zh: "各区县、各集团的交流比例", en: "Exchange rate per county and group"},
  "teachers.rate.groups": {
    zh: "{year} 学年，{n} 个集团中有 {k} 个达到 {target} 的目标。",
    en: "In {year}, {k} of {n} groups reach the {target} target."
  },
  "teachers.rate.lowest": {
    zh: "{group}最低：{rate}，距目标还差 {pp} 个百分点。",
    en: "{group} is lowest at {rate}, {pp} percentage points short of the target."
  },
  "teachers.rate.noGroups": {
    zh: "{year} 学年没有集团的交流数据；图中只有区县。",
    en: "No group has exchange data for {year}; the chart shows the counties only."
  },
  "teachers.backbone.title": {zh: "交流教师中骨干教师的占比", en: "Backbone teachers among those exchanged"},
  "teachers.backbone.takeaway": {
    zh: "有交流的 {n} 个区县和集团中，{k} 个的骨干教师占比达到 {target}。",
    en: "Of the {n} counties and groups with exchanges, {k} send at least {target} backbone teachers."
  },
  "teachers.backbone.none": {
    zh: "{year} 学年没有区县或集团交流教师，骨干教师占比无从计算。",
    en: "No county or group exchanged teachers in {year}: there is no backbone share to show."
  },
  "teachers.sent": {zh: "派出", en: "Sent by"},
  "teachers.received": {zh: "接收", en: "Received by"},
  "teachers.outside": {zh: "不在集团", en: "Not in a group"},
  "teachers.noFlows": {
    zh: "{year} 学年没有教师交流记录，所以没有流向可画。",
    en: "No teacher was exchanged in {year}: there are no flows to draw."
  },
  "teachers.locality.title": {zh: "城区、镇区、乡村学校之间的交流流向", en: "Exchanges between urban, town and rural schools"},
  "teachers.locality.takeaway": {
    zh: "{year} 学年共交流 {total} 人次：{down} 人次由城区学校到镇区、乡村学校，{up} 人次由镇区、乡村学校到城区学校。",
    en: "In {year}, {total} teachers were exchanged: {down} went from urban schools to town or rural schools and {up} the other way."
  },
  "teachers.role.title": {zh: "牵头校与成员校之间的交流流向", en: "Exchanges between lead and member schools"},
  "teachers.role.takeaway": {
    zh: "{year} 学年，牵头校派往成员校 {down} 人次，成员校派往牵头校 {up} 人次，成员校之间 {among} 人次。",
    en: "In {year}, {down} teachers went from lead schools to members, {up} from members to leads and {among} between members."
  },
  "teachers.role.note": {
    zh: "派出与接收的学部同属一个集团时，角色按该集团计；否则按各校的主集团计。不属于任何集团的学校记为“不在集团”。",
    en: "When the sending and receiving sections are in one group, the schools' roles are those in that group; otherwise each school's role in its main group. A school in no group is counted under \"Not in a group\"."
  }
};
