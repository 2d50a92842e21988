// Every word the site shows, in Chinese and English, and the number formats of each language.
// Pages call `i18n(lang)` once and use its `t`, `label` and formatters.

const LOCALE = {zh: "zh-CN", en: "en-GB"};

// codes published by the pipeline → labels
const LABELS = {
  locality: {urban: ["城区", "Urban"], town: ["镇区", "Town"], rural: ["乡村", "Rural"], all: ["全部", "All"]},
  role: {lead: ["牵头校", "Lead"], member: ["成员校", "Member"], partner: ["合作方", "Partner"]},
  stage: {
    primary: ["小学", "Primary"],
    junior: ["初中", "Junior secondary"],
    senior: ["高中", "Senior secondary"],
    nine_year: ["九年一贯制", "9-year school"],
    twelve_year: ["十二年一贯制", "12-year school"],
    complete_secondary: ["完全中学", "Complete secondary"],
    vocational: ["中职", "Vocational"],
    special: ["特殊教育", "Special education"],
    kindergarten: ["幼儿园", "Kindergarten"],
    all: ["全部学段", "All stages"]
  },
  section: {primary: ["小学", "Primary"], junior: ["初中", "Junior"]},
  ownership: {public: ["公办", "Public"], private: ["民办", "Private"], all: ["全部", "All"]},
  group_type: {
    tight: ["紧密型", "Tight"],
    loose: ["松散型", "Loose"],
    alliance: ["联盟型", "Alliance"],
    through: ["贯通型", "Through-train"],
    community: ["共同体", "Community"],
    pairing: ["结对帮带", "Pairing"],
    other: ["其他", "Other"]
  },
  comparison: {
    urban_rural: ["城区 − 乡村", "Urban − rural"],
    urban_town: ["城区 − 镇区", "Urban − town"],
    lead_member: ["牵头校 − 成员校", "Lead − members"]
  },
  band: {above: ["高于预期", "Above"], average: ["与预期相当", "Average"], below: ["低于预期", "Below"]},
  indicator: {
    qualified_teachers_per_100: ["每百名学生拥有高于规定学历教师数", "Qualified teachers per 100 students"],
    backbone_per_100: ["每百名学生拥有县级以上骨干教师数", "Backbone teachers per 100 students"],
    pe_arts_per_100: ["每百名学生拥有体育、艺术专任教师数", "PE and arts teachers per 100 students"],
    teaching_area_per_student: ["生均教学及辅助用房面积（m²）", "Teaching area per student (m²)"],
    sports_area_per_student: ["生均体育运动场馆面积（m²）", "Sports area per student (m²)"],
    equipment_per_student: ["生均教学仪器设备值（元）", "Equipment value per student (yuan)"],
    multimedia_per_100: ["每百名学生拥有网络多媒体教室数", "Multimedia rooms per 100 students"]
  },
  indicator_short: {
    qualified_teachers_per_100: ["学历达标教师", "Qualified teachers"],
    backbone_per_100: ["骨干教师", "Backbone teachers"],
    pe_arts_per_100: ["体艺教师", "PE/arts teachers"],
    teaching_area_per_student: ["教学用房", "Teaching area"],
    sports_area_per_student: ["体育场馆", "Sports area"],
    equipment_per_student: ["仪器设备", "Equipment"],
    multimedia_per_100: ["多媒体教室", "Multimedia rooms"]
  },
  subject: {
    语文: ["语文", "Chinese"],
    数学: ["数学", "Mathematics"],
    英语: ["英语", "English"],
    科学: ["科学", "Science"],
    物理: ["物理", "Physics"],
    化学: ["化学", "Chemistry"],
    all: ["全部科目", "All subjects"]
  },
  scope: {county: ["区县", "County"], group: ["集团", "Group"], school: ["学校", "School"], all: ["全域", "Whole region"]},
  partition: {group: ["按集团", "By group"], locality: ["按城乡", "By locality"]},
  eligibility_basis: {six_years: ["在校满6年", "≥ 6 years at the school"], all_full_time: ["全部专任教师", "All full-time teachers"]}
};

// column names → headers (tables and CSV downloads keep the published column name as the CSV header)
const COLUMNS = {
  period: ["期", "Period"],
  county: ["区县", "County"],
  stage: ["学段", "Stage"],
  locality: ["城乡", "Locality"],
  ownership: ["办学性质", "Ownership"],
  school_id: ["学校标识码", "School id"],
  school_name: ["学校", "School"],
  group_id: ["集团编号", "Group id"],
  group_name: ["集团", "Group"],
  group_type: ["类型", "Type"],
  lead_school_name: ["牵头校", "Lead school"],
  n_members: ["成员数（含牵头校）", "Members (incl. lead)"],
  n_students: ["学生数", "Students"],
  share_rural_students: ["乡村学生占比", "Rural students"],
  max_distance_km: ["最远距离（km）", "Max distance (km)"],
  established_date: ["成立日期", "Established"],
  n_schools: ["学校数", "Schools"],
  n_schools_in_group: ["入集团学校数", "Schools in groups"],
  share_schools: ["学校覆盖率", "Share of schools"],
  n_students_in_group: ["入集团学生数", "Students in groups"],
  share_students: ["学生覆盖率", "Share of students"],
  n_weak: ["薄弱学校数", "Weak schools"],
  n_weak_in_group: ["入集团薄弱学校", "Weak schools in groups"],
  share_weak: ["薄弱学校覆盖率", "Share of weak schools"],
  is_weak: ["薄弱学校", "Weak school"],
  role: ["角色", "Role"],
  distance_km: ["距牵头校（km）", "From lead (km)"],
  joined_date: ["加入日期", "Joined"],
  section: ["学段", "Section"],
  section_students: ["学段学生数", "Section students"],
  n_met: ["达标项数", "Indicators met"],
  is_compliant: ["综合达标", "Compliant"],
  indicator: ["指标", "Indicator"],
  cv: ["差异系数", "Coefficient of variation"],
  threshold: ["标准", "Threshold"],
  meets: ["达标", "Meets"],
  mean: ["均值", "Mean"],
  scope_id: ["范围", "Scope"],
  partition: ["分解方式", "Partition"],
  theil: ["泰尔指数", "Theil T"],
  within: ["组内", "Within"],
  between: ["组间", "Between"],
  between_share: ["组间占比", "Between share"],
  urban_mean: ["城区", "Urban"],
  town_mean: ["镇区", "Town"],
  rural_mean: ["乡村", "Rural"],
  rural_to_urban_ratio: ["乡村/城区", "Rural / urban"],
  exam_id: ["考试编号", "Exam id"],
  exam_name: ["考试", "Exam"],
  exam_date: ["考试日期", "Exam date"],
  subject: ["科目", "Subject"],
  comparison: ["比较", "Comparison"],
  gap: ["差距（标准分）", "Gap (z)"],
  ci_low: ["95%下限", "95% low"],
  ci_high: ["95%上限", "95% high"],
  n_first: ["前一方人数", "n (first)"],
  n_second: ["后一方人数", "n (second)"],
  mean_score: ["平均分", "Mean score"],
  mean_rate: ["平均得分率", "Mean rate"],
  excellent_rate: ["优秀率", "Excellent rate"],
  pass_rate: ["及格率", "Pass rate"],
  low_rate: ["低分率", "Low rate"],
  mean_z: ["平均标准分", "Mean z"],
  school_year: ["学年", "School year"],
  n_eligible: ["应交流教师数", "Eligible teachers"],
  n_exchanged: ["交流教师数", "Teachers exchanged"],
  exchange_rate: ["交流比例", "Exchange rate"],
  n_backbone_exchanged: ["交流骨干教师", "Backbone exchanged"],
  backbone_share: ["骨干占比", "Backbone share"],
  n_to_rural: ["到镇村学校", "To town/rural"],
  meets_rate: ["比例达标", "Rate met"],
  meets_backbone: ["骨干达标", "Backbone met"],
  from_school_name: ["派出学校", "From school"],
  to_school_name: ["接收学校", "To school"],
  from_locality: ["派出城乡", "From locality"],
  to_locality: ["接收城乡", "To locality"],
  from_role: ["派出角色", "From role"],
  to_role: ["接收角色", "To role"],
  n_teachers: ["教师数", "Teachers"],
  n_backbone: ["骨干教师数", "Backbone"],
  direction: ["方向", "Direction"],
  prior_exam_id: ["基线考试", "Prior exam"],
  va: ["增值（原始）", "Value-added (raw)"],
  va_shrunk: ["增值（收缩）", "Value-added (shrunk)"],
  se: ["标准误", "Std. error"],
  reliability: ["信度", "Reliability"],
  band: ["区间判断", "Band"],
  lead_minus_members: ["牵头校 − 成员校", "Lead − members"],
  share_schools_in_group: ["学校覆盖率", "Schools in groups"],
  share_students_in_group: ["学生覆盖率", "Students in groups"],
  urban_rural_gap: ["城乡差距（标准分）", "Urban–rural gap (z)"],
  max_cv_primary: ["小学最大差异系数", "Max CV primary"],
  max_cv_junior: ["初中最大差异系数", "Max CV junior"],
  n_compliant_schools: ["综合达标学校", "Compliant schools"],
  n_schools_assessed: ["参评学校", "Schools assessed"],
  between_school_share: ["校间方差占比", "Between-school share"],
  value: ["数值", "Value"],
  target: ["目标", "Target"],
  table: ["数据表", "Table"],
  rows: ["行数", "Rows"],
  file: ["文件", "File"],
  bytes: ["大小", "Size"]
};

const TEXT = {
  demo: ["示例数据：本网站所有数字均为合成数据，不描述任何真实的学校、教师或学生。", "Demo data: every number on this site is synthetic and describes no real school, teacher or student."],
  asOf: ["数据截至", "Data as of"],
  runAt: ["计算时间", "Computed"],
  periods: ["期数", "Periods"],
  showTable: ["查看数据表", "Show the data table"],
  downloadCsv: ["下载 CSV（图中数据）", "Download CSV (as shown)"],
  downloadTableCsv: ["下载 CSV（表中数据）", "Download CSV (this table)"],
  suppressedNote: ["“<{n}”表示人数少于 {n}，按规则不公开（不是 0）。", "“<{n}” means fewer than {n} students: not published under the suppression rule (not zero)."],
  none: ["无", "None"],
  yes: ["是", "Yes"],
  no: ["否", "No"],
  all: ["全部", "All"],
  search: ["搜索", "Search"],
  period: ["期", "Period"],
  section: ["学段", "Section"],
  subject: ["科目", "Subject"],
  county: ["区县", "County"],
  exam: ["考试", "Exam"],
  indicator: ["指标", "Indicator"],
  group: ["集团", "Group"],
  schoolYear: ["学年", "School year"],
  target: ["目标", "Target"],
  deadline: ["期限", "Deadline"],
  met: ["达到", "met"],
  notMet: ["未达到", "not met"],
  noData: ["暂无数据。", "No data."],
  allSuppressed: ["参加的学校人数都少于 {n}，结果按规则不公开。", "Every school taking part has fewer than {n} students: nothing is published under the suppression rule."],
  sideSuppressed: ["每次考试都有一方学生少于 {n} 人，差距按规则不公开。", "In every exam one side has fewer than {n} students: the gap is not published under the suppression rule."],
  valueSuppressed: ["少于 {n} 人，不公开", "fewer than {n} students, not published"],
  rowsShown: ["共 {n} 行", "{n} rows"]
};

function pick(pair, lang) {
  return pair ? pair[lang === "en" ? 1 : 0] : undefined;
}

export function i18n(lang = "zh") {
  const locale = LOCALE[lang] ?? LOCALE.zh;
  const number = (digits) => new Intl.NumberFormat(locale, {maximumFractionDigits: digits, minimumFractionDigits: digits});
  const formats = new Map();
  const cached = (key, make) => formats.get(key) ?? formats.set(key, make()).get(key);
  const t = (key, values = {}) => {
    const text = pick(TEXT[key], lang) ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
  };
  // formatters are also handed to tables as (value, row) => string: a non-number second argument is ignored
  const d = (digits, fallback) => (typeof digits === "number" ? digits : fallback);
  return {
    lang,
    locale,
    t,
    /** the label of a published code: label("locality", "rural") → 乡村 / Rural */
    label: (kind, code) => (code == null ? "" : pick(LABELS[kind]?.[code], lang) ?? String(code)),
    column: (name) => pick(COLUMNS[name], lang) ?? name,
    /** 0.4429 → 44.3% */
    pct: (x, digits) => ((digits = d(digits, 1)), x == null || Number.isNaN(x) ? "—" : cached(`p${digits}`, () => new Intl.NumberFormat(locale, {style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits})).format(x)),
    num: (x, digits) => ((digits = d(digits, 0)), x == null || Number.isNaN(x) ? "—" : cached(`n${digits}`, () => number(digits)).format(x)),
    /** signed, for gaps: +0.12 / −0.05 */
    signed: (x, digits) => ((digits = d(digits, 2)), x == null || Number.isNaN(x) ? "—" : cached(`s${digits}`, () => new Intl.NumberFormat(locale, {signDisplay: "exceptZero", minimumFractionDigits: digits, maximumFractionDigits: digits})).format(x)),
    date: (x) => {
      if (x == null) return "—";
      const d = x instanceof Date ? x : new Date(x);
      return Number.isNaN(+d) ? String(x) : cached("d", () => new Intl.DateTimeFormat(locale, {year: "numeric", month: "long", day: "numeric", timeZone: "UTC"})).format(d);
    },
    dateTime: (x) => {
      if (x == null) return "—";
      return cached("dt", () => new Intl.DateTimeFormat(locale, {dateStyle: "medium", timeStyle: "short"})).format(new Date(x));
    },
    /** a month, for time axes: 2025年1月 / Jan 2025 */
    month: (x) => (x == null ? "—" : cached("m", () => new Intl.DateTimeFormat(locale, {year: "numeric", month: "short", timeZone: "UTC"})).format(x instanceof Date ? x : new Date(x))),
    /** 2025Q3 → 2025年第3季度 / 2025 Q3 */
    period: (p) => {
      const m = /^(\d{4})Q([1-4])$/.exec(p ?? "");
      if (!m) return p ?? "";
      return lang === "en" ? `${m[1]} Q${m[2]}` : `${m[1]}年第${m[2]}季度`;
    }
  };
}
