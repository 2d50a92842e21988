// The template county: 甘州区's education groups as named in its 集团化办学 plan (seeds/003), with the
// schools they list. Names and group structure follow the plan; every number (enrolment, coordinates,
// dates, resources) is synthetic. Larger scales replicate this template under synthetic county names.

export type Stage = "primary" | "junior" | "senior" | "nine_year" | "twelve_year" | "vocational" | "special";
export type Locality = "urban" | "town" | "rural";
export type GroupType = "tight" | "alliance" | "through" | "community" | "pairing";

export interface TemplateSchool {
  /** 1–99, unique in the template; the last three digits of the school id */
  readonly idx: number;
  /** without the 甘州区 / 张掖市 prefix, which the generator adds per county */
  readonly name: string;
  /** 甘州区 (district-run) or 张掖市 (city-run school in the district) */
  readonly prefix: "甘州区" | "张掖市";
  readonly stage: Stage;
  readonly locality: Locality;
  /** enrolment in school year 2024-2025 */
  readonly students: number;
  readonly isWeak?: boolean;
  readonly ownership?: "public" | "private";
  /** kilometres east and north of the county seat (张掖城区 ≈ 38.93N, 100.45E) */
  readonly eastKm: number;
  readonly northKm: number;
  readonly openedYear: number;
}

export interface TemplateGroup {
  readonly idx: number;
  readonly name: string;
  readonly type: GroupType;
  readonly established: string;
  readonly partner?: string;
  /** base teacher exchange rate planted for the group (share of eligible teachers per school year) */
  readonly exchangeRate: number;
  /** whether the group holds a 集团联考 for its primary students */
  readonly jointExam: boolean;
}

export interface TemplateSpell {
  readonly group: number;
  readonly school: number;
  /** the school's section (学部) in the group; none = the whole school */
  readonly section?: "primary" | "junior";
  readonly role: "lead" | "member";
  readonly joined: string;
  readonly left?: string;
}

const s = (
  idx: number,
  name: string,
  stage: Stage,
  locality: Locality,
  students: number,
  eastKm: number,
  northKm: number,
  extra: Partial<Pick<TemplateSchool, "isWeak" | "ownership" | "prefix" | "openedYear">> = {}
): TemplateSchool => ({idx, name, stage, locality, students, eastKm, northKm, prefix: "甘州区", openedYear: 1958, ...extra});

export const TEMPLATE_SCHOOLS: readonly TemplateSchool[] = [
  // urban primary schools (城区)
  s(1, "南关学校", "primary", "urban", 2860, 0.4, -1.2, {openedYear: 1952}),
  s(2, "劳动街小学", "primary", "urban", 2140, -0.8, 0.5, {openedYear: 1956}),
  s(3, "前进小学", "primary", "urban", 1720, 1.3, -2.0, {openedYear: 1962}),
  s(4, "青年东街小学", "primary", "urban", 2650, 1.1, 0.9, {openedYear: 1958}),
  s(5, "青西小学", "primary", "urban", 1580, -1.9, 1.4, {openedYear: 1985}),
  s(6, "民族小学", "primary", "urban", 1510, 0.2, 2.1, {openedYear: 1953}),
  s(7, "北街小学", "primary", "urban", 2720, 0.1, 1.6, {openedYear: 1946}),
  s(8, "西街小学", "primary", "urban", 1930, -1.2, -0.2, {openedYear: 1950}),
  s(9, "马神庙街小学", "primary", "urban", 1640, 0.9, 2.8, {openedYear: 1960}),
  s(10, "甘泉街小学", "primary", "urban", 2380, -0.5, -0.9, {openedYear: 1957}),
  s(11, "南华小学", "primary", "urban", 1540, 0.7, -3.6, {openedYear: 2019, isWeak: true}),
  s(12, "滨河小学", "primary", "urban", 1610, 3.2, 1.1, {openedYear: 2021}),
  // town centre schools (镇区); some are 九年一贯制
  s(20, "新墩镇中心学校", "primary", "town", 1080, -5.5, 0.8),
  s(21, "长安镇中心学校", "primary", "town", 640, 8.5, -7.0),
  s(22, "大满镇中心学校", "nine_year", "town", 1150, -3.0, -24.0),
  s(23, "小满镇中心学校", "primary", "town", 720, -12.0, -13.0),
  s(24, "碱滩镇中心学校", "primary", "town", 560, 15.0, 2.0),
  s(25, "上秦镇中心学校", "primary", "town", 610, 8.0, 3.5),
  s(26, "党寨镇中心学校", "nine_year", "town", 980, 11.0, -12.0),
  s(27, "梁家墩镇中心学校", "primary", "town", 830, 2.0, -6.0),
  s(28, "三闸镇中心学校", "primary", "town", 470, 3.0, 12.0),
  s(29, "沙井镇中心学校", "nine_year", "town", 890, -20.0, 15.0),
  s(30, "乌江镇中心学校", "nine_year", "town", 760, 4.0, 20.0),
  s(31, "甘浚镇中心学校", "primary", "town", 520, -30.0, -2.0),
  s(32, "明永镇中心学校", "primary", "town", 380, -14.0, 18.0, {isWeak: true}),
  // township centre schools and village schools (乡村)
  s(40, "龙渠乡中心学校", "primary", "rural", 420, -22.0, -22.0),
  s(41, "安阳乡中心学校", "primary", "rural", 360, -6.0, -38.0, {isWeak: true}),
  s(42, "花寨乡中心学校", "primary", "rural", 310, 2.0, -45.0, {isWeak: true}),
  s(43, "靖安乡中心学校", "primary", "rural", 340, 13.0, 11.0),
  s(44, "平山湖蒙古族乡中心学校", "primary", "rural", 45, 20.0, 68.0, {isWeak: true}),
  s(45, "花寨乡新城小学", "primary", "rural", 96, 5.0, -48.0, {isWeak: true}),
  s(46, "安阳乡金王庄小学", "primary", "rural", 118, -9.0, -40.0, {isWeak: true}),
  s(47, "龙渠乡保安小学", "primary", "rural", 87, -25.0, -26.0, {isWeak: true}),
  s(48, "靖安乡新沟小学", "primary", "rural", 72, 16.0, 13.0, {isWeak: true}),
  // secondary and 一贯制 schools of the 中学教育集团 and 甘州中学教育集团
  s(60, "第二中学", "senior", "urban", 3150, 0.6, 0.3, {prefix: "张掖市", openedYear: 1938}),
  s(61, "北辰中学", "junior", "urban", 1860, -0.7, 3.3, {prefix: "张掖市", openedYear: 2003}),
  s(62, "职业技术教育中心", "vocational", "urban", 2480, 3.9, -2.6, {prefix: "张掖市", openedYear: 1984}),
  s(63, "第四中学", "junior", "urban", 2240, 1.7, 1.9, {prefix: "张掖市", openedYear: 1958}),
  s(64, "育才中学", "junior", "urban", 2050, -2.2, -1.8, {prefix: "张掖市", openedYear: 1996}),
  s(65, "金安苑学校", "nine_year", "urban", 2620, 2.6, -1.0, {openedYear: 2009}),
  s(66, "第一中学", "twelve_year", "urban", 3900, -0.3, 0.7, {prefix: "张掖市", openedYear: 1941}),
  s(67, "甘州中学", "nine_year", "urban", 2980, -1.5, 2.4, {openedYear: 1956}),
  s(68, "思源实验学校", "nine_year", "urban", 2310, 2.1, 3.9, {openedYear: 2005}),
  s(69, "大成学校", "nine_year", "urban", 2190, -2.8, 1.2, {openedYear: 2011}),
  // never in a group: special education and a private school (name synthetic)
  s(80, "特殊教育学校", "special", "urban", 186, 1.5, -4.2, {openedYear: 1994}),
  s(81, "启明实验学校", "nine_year", "urban", 1240, 4.4, 2.7, {openedYear: 2015, ownership: "private"})
];

export const TEMPLATE_GROUPS: readonly TemplateGroup[] = [
  {idx: 1, name: "南关学校教育集团", type: "alliance", established: "2024-11-01", exchangeRate: 0.08, jointExam: true},
  {idx: 2, name: "青年东街小学教育集团", type: "alliance", established: "2024-11-01", exchangeRate: 0.07, jointExam: true},
  {idx: 3, name: "北街小学教育集团", type: "alliance", established: "2024-11-01", exchangeRate: 0.06, jointExam: true},
  {idx: 4, name: "甘泉街小学教育集团", type: "tight", established: "2021-09-01", exchangeRate: 0.14, jointExam: true},
  {idx: 5, name: "中学教育集团", type: "alliance", established: "2024-11-01", exchangeRate: 0.05, jointExam: false},
  {idx: 6, name: "甘州中学教育集团", type: "through", established: "2024-11-01", partner: "河西学院", exchangeRate: 0.1, jointExam: true},
  {idx: 7, name: "乡村教育发展共同体", type: "community", established: "2025-09-01", exchangeRate: 0.05, jointExam: true},
  {idx: 8, name: "民族小学—平山湖蒙古族乡中心学校结对帮带", type: "pairing", established: "2025-03-01", exchangeRate: 0.04, jointExam: false}
];

const lead = (group: number, school: number, joined: string, left?: string): TemplateSpell =>
  left ? {group, school, role: "lead", joined, left} : {group, school, role: "lead", joined};
const member = (group: number, school: number, joined: string, left?: string): TemplateSpell =>
  left ? {group, school, role: "member", joined, left} : {group, school, role: "member", joined};
const members = (group: number, joined: string, schools: number[]) => schools.map((id) => member(group, id, joined));
/** a school's section (学部) in a group, as the plan lists 甘州中学（小学部） */
const bySection = (spell: TemplateSpell, section: "primary" | "junior"): TemplateSpell => ({...spell, section});

export const TEMPLATE_SPELLS: readonly TemplateSpell[] = [
  // 甘泉街小学教育集团: the tight group that predates the plan
  lead(4, 10, "2021-09-01"),
  ...members(4, "2021-09-01", [11, 20]),
  member(4, 12, "2026-09-01"),
  // the three alliance groups: urban members at founding, rural members joining term by term
  lead(1, 1, "2024-11-01"),
  ...members(1, "2024-11-01", [2, 3, 21, 22]),
  ...members(1, "2025-03-01", [23, 40]),
  member(1, 41, "2025-09-01"),
  member(1, 42, "2026-03-01"),
  lead(2, 4, "2024-11-01"),
  ...members(2, "2024-11-01", [5, 6, 24]),
  member(2, 25, "2025-03-01"),
  ...members(2, "2025-09-01", [26, 27]),
  lead(3, 7, "2024-11-01"),
  ...members(3, "2024-11-01", [8, 9, 43]),
  ...members(3, "2025-03-01", [28, 29]),
  ...members(3, "2025-09-01", [30, 31]),
  member(3, 32, "2026-03-01"),
  // 中学教育集团 (10 所 in the plan): two senior high schools, the vocational centre, two junior schools and the
  // 初中部 of the five 一贯制 schools (第一中学's 高中部 is in no group: the plan lists only its 小学部 and 初中部);
  // the vocational centre leaves for a vocational group outside the data
  lead(5, 60, "2024-11-01"),
  ...members(5, "2024-11-01", [61, 63, 64]),
  ...members(5, "2024-11-01", [65, 66, 67, 68, 69]).map((spell) => bySection(spell, "junior")),
  member(5, 62, "2024-11-01", "2026-09-01"),
  // 甘州中学教育集团: the 小学部 of the same five schools (牵头学校：甘州中学（小学部）); the lead passes from
  // 甘州中学 to 金安苑学校 on 2026-03-01 (one lead on every date)
  bySection(lead(6, 67, "2024-11-01", "2026-03-01"), "primary"),
  bySection(member(6, 67, "2026-03-01"), "primary"),
  bySection(member(6, 65, "2024-11-01", "2026-03-01"), "primary"),
  bySection(lead(6, 65, "2026-03-01"), "primary"),
  ...members(6, "2024-11-01", [66, 68, 69]).map((spell) => bySection(spell, "primary")),
  // a community of village schools around a strong town school
  lead(7, 26, "2025-09-01"),
  ...members(7, "2025-09-01", [45, 46]),
  member(7, 47, "2026-03-01"),
  // pairing: the ethnic primary school and the Mongolian township school
  lead(8, 6, "2025-03-01"),
  member(8, 44, "2025-03-01")
];
