// The coverage page (src/coverage.md, src/views/coverage.js).
export default {
  "coverage.title": {zh: "集团化办学覆盖情况", en: "Coverage of education groups"},
  "coverage.lead": {
    zh: "期末在任一教育集团中的学校和学生占比，按区县、学段、城乡统计；以及仍未加入任何集团的学校名单。",
    en: "Schools and students in any education group on the period's last day, by county, stage and locality; and the schools still in no group."
  },
  "coverage.schools": {zh: "学校", en: "Schools"},
  "coverage.students": {zh: "学生", en: "Students"},
  "coverage.county.title": {zh: "各区县覆盖率", en: "Coverage by county"},
  "coverage.county.total": {
    zh: "{period}，{n} 所学校中有 {k} 所（{share}）加入集团，覆盖 {students} 的学生。",
    en: "In {period}, {k} of {n} schools ({share}) and {students} of students are in a group."
  },
  "coverage.county.partly": {
    zh: "其中 {k} 所只有部分学部在集团中，其余学部的学生不计为已覆盖。",
    en: "Schools with only some of their sections in a group: {k}; the students of their other sections are not counted as covered."
  },
  "coverage.county.lowest": {
    zh: "{county}最低：{share}，比全域低 {pp} 个百分点。",
    en: "{county} is lowest at {share}, {pp} percentage points below the region."
  },
  "coverage.locality.title": {zh: "城区、镇区、乡村的覆盖率", en: "Coverage in urban, town and rural areas"},
  "coverage.locality.lowest": {
    zh: "{locality}学校覆盖率最低：学校 {schools}，学生 {students}。",
    en: "{locality} schools are the least covered: {schools} of schools, {students} of students."
  },
  "coverage.locality.allIn": {zh: "城区、镇区、乡村的学校全部加入集团。", en: "Every urban, town and rural school is in a group."},
  "coverage.stage.title": {zh: "各学段覆盖率", en: "Coverage by stage"},
  "coverage.stage.allIn": {zh: "各学段的学校全部加入集团。", en: "Every school of every stage is in a group."},
  "coverage.stage.noneIn": {
    zh: "{stages}的 {n} 所学校都还没有加入集团。",
    en: "None of the {n} schools of {stages} is in a group yet."
  },
  "coverage.stage.lowest": {
    zh: "{stage}覆盖率最低：{n} 所中 {k} 所加入集团（{share}），比全部学校低 {pp} 个百分点。",
    en: "{stage} is the least covered: {k} of {n} schools ({share}), {pp} percentage points below all schools."
  },
  "coverage.stage.otherLowest": {
    zh: "其余学段中{stage}最低：{n} 所中 {k} 所（{share}），比全部学校低 {pp} 个百分点。",
    en: "Of the other stages, {stage} is lowest: {k} of {n} schools ({share}), {pp} percentage points below all schools."
  },
  "coverage.weak.title": {zh: "薄弱学校覆盖情况", en: "Weak schools covered"},
  "coverage.weak.takeaway": {
    zh: "{n} 所薄弱学校中有 {k} 所（{share}）已加入集团。",
    en: "{k} of {n} weak schools ({share}) are in a group."
  },
  "coverage.trend.title": {zh: "各城乡类别学校覆盖率的变化", en: "Share of schools in groups by locality over time"},
  "coverage.trend.rose": {
    zh: "{first}以来{locality}学校覆盖率提高最多：从 {from} 升至 {to}（+{pp} 个百分点）。",
    en: "Since {first}, {locality} schools gained most: from {from} to {to} (+{pp} percentage points)."
  },
  "coverage.trend.flat": {
    zh: "{first}以来各类地区的学校覆盖率都没有提高。",
    en: "No locality's share of schools in groups has risen since {first}."
  },
  "coverage.list.title": {zh: "尚未加入集团的学校", en: "Schools in no group"},
  "coverage.list.takeaway": {
    zh: "截至 {date}，仍有 {n} 所学校（学生 {students} 人）未加入任何集团，其中薄弱学校 {weak} 所。",
    en: "{n} schools with {students} students are in no group on {date}; {weak} of them are weak schools."
  },
  "coverage.list.none": {zh: "本期所有学校都已加入集团。", en: "Every school is in a group this period."}
};
