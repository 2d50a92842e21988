// The balance page (src/balance.md, src/views/balance.js).
export default {
  "balance.title": {zh: "资源配置均衡", en: "Balance of school resources"},
  "balance.lead": {
    zh: "按《县域义务教育优质均衡发展督导评估办法》的七项资源配置指标：每校达标情况、区县差异系数（小学 ≤ {primary}，初中 ≤ {junior}）、泰尔指数的组内 / 组间分解，以及城乡差距。",
    en: "The seven resource indicators of the national 2017 assessment method: each school against its standard, the coefficient of variation per county (primary ≤ {primary}, junior ≤ {junior}), the Theil within/between decomposition, and the urban–rural gap."
  },
  "balance.compliance.title": {zh: "各校七项指标达标情况", en: "The seven indicators per school"},
  "balance.compliance.takeaway": {
    zh: "{period}，{n} 所学校的{section}学段中，{k} 所综合达标（七项中至少 {minMet} 项达标，其余不低于标准的 {near}）。",
    en: "{k} of {n} {section} sections are compliant in {period} (at least {minMet} of 7 met, the rest ≥ {near} of the standard)."
  },
  "balance.compliance.met": {zh: "达标", en: "Met"},
  "balance.compliance.near": {zh: "不低于标准的 {near}", en: "≥ {near} of the standard"},
  "balance.compliance.below": {zh: "低于标准的 {near}", en: "< {near} of the standard"},
  "balance.compliance.cell": {zh: "{school}\n{indicator}：{value}（标准 ≥ {threshold}）", en: "{school}\n{indicator}: {value} (standard ≥ {threshold})"},
  "balance.cv.title": {zh: "各指标差异系数", en: "Coefficient of variation per indicator"},
  "balance.cv.takeaway": {
    zh: "{n} 个区县指标中 {k} 个差异系数 ≤ {threshold}；最大的是{county}的“{indicator}”（{cv}）。",
    en: "{k} of {n} county–indicator values meet ≤ {threshold}; the largest is {indicator} in {county} ({cv})."
  },
  "balance.cv.legend": {zh: "差异系数（越小越均衡）", en: "Coefficient of variation (smaller is more even)"},
  "balance.theil.title": {zh: "泰尔指数分解：差距来自集团（城乡）之间还是内部", en: "Theil decomposition: is inequality between groups (or localities) or within them?"},
  "balance.theil.takeaway": {
    zh: "泰尔指数平均有 {group} 来自集团之间，{locality} 来自城区、镇区、乡村之间，其余来自其内部。",
    en: "On average {group} of the Theil index lies between groups and {locality} between urban, town and rural schools; the rest is within them."
  },
  "balance.theil.within": {zh: "组内", en: "Within"},
  "balance.theil.between": {zh: "组间", en: "Between"},
  "balance.gap.title": {zh: "乡村学校资源与城区之比", en: "Rural schools' resources relative to urban schools"},
  "balance.gap.takeaway": {
    zh: "乡村{section}的生均资源为城区的 {low}（{lowIndicator}）至 {high}（{highIndicator}）。",
    en: "Rural {section} schools have {low} ({lowIndicator}) to {high} ({highIndicator}) of urban schools' resources per student."
  },
  "balance.gap.noRural": {
    zh: "该学段没有乡村学校，无法计算比值（表中列出城区、镇区均值）。",
    en: "No rural schools in this section: no ratio to show (the table lists urban and town means)."
  },
  "balance.gap.urban": {zh: "城区 = 100%", en: "Urban = 100%"}
};
