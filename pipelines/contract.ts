// The input data contract (docs/data-contract.md) as data: one declaration drives header
// matching, validation SQL, the demo generator's headers and the methodology page. Shared by Node and
// the browser explorer, so it imports nothing from Node.

export type ColumnType = "text" | "integer" | "number" | "date" | "boolean" | "enum";

export interface EnumDomain {
  /** English code → Chinese labels (and other accepted spellings). The code itself is always accepted. */
  readonly values: Readonly<Record<string, readonly string[]>>;
}

export interface ColumnSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly type: ColumnType;
  readonly required?: boolean;
  readonly domain?: keyof typeof DOMAINS;
  readonly min?: number;
  /** exclusive lower bound (full_marks > 0) */
  readonly minExclusive?: boolean;
  readonly max?: number;
  /** default used when the value is empty (booleans, ownership) */
  readonly default?: string;
  /** replaced by a keyed hash on ingest: the raw value never reaches DuckDB */
  readonly pseudonymise?: boolean;
  /** loaded for checks but never published */
  readonly private?: boolean;
  /** a code that becomes a file name, a URL and page source (a group's page): must follow ID_RULE */
  readonly id?: boolean;
  readonly description: {readonly zh: string; readonly en: string};
}

export interface Reference {
  /** the referring columns (reported on the reject) and the target's key columns they must match */
  readonly columns: readonly string[];
  readonly file: FileName;
  readonly targets: readonly string[];
  /** "period": must exist in the same period; "upto": in this or an earlier period */
  readonly scope: "period" | "upto";
  readonly reason: ReasonCode;
}

export interface FileSpec {
  readonly name: FileName;
  readonly kind: "snapshot" | "event";
  readonly columns: readonly ColumnSpec[];
  readonly key: readonly string[];
  /** "period": key unique within a period; "global": unique across all periods (exams, scores) */
  readonly keyScope: "period" | "global";
  readonly references: readonly Reference[];
  readonly description: {readonly zh: string; readonly en: string};
}

export const FILE_NAMES = [
  "schools",
  "groups",
  "memberships",
  "teachers",
  "exchanges",
  "exams",
  "scores"
] as const;
export type FileName = (typeof FILE_NAMES)[number];

/** Each file's sheet in an .xlsx (the template's names; a sheet named like the file is read first). */
export const SHEET_NAMES: Readonly<Record<FileName, string>> = {
  schools: "学校名册",
  groups: "集团名册",
  memberships: "集团成员",
  teachers: "教师名册",
  exchanges: "交流轮岗",
  exams: "考试",
  scores: "成绩"
};

export const DOMAINS = {
  stage: {
    values: {
      primary: ["小学"],
      junior: ["初中", "初级中学"],
      senior: ["高中", "高级中学"],
      nine_year: ["九年一贯制", "九年一贯制学校"],
      twelve_year: ["十二年一贯制", "十二年一贯制学校"],
      complete_secondary: ["完全中学"],
      kindergarten: ["幼儿园"],
      vocational: ["职业学校", "中职", "中等职业学校"],
      special: ["特殊教育", "特殊教育学校"]
    }
  },
  locality: {
    values: {
      urban: ["城区", "111", "112"],
      town: ["镇区", "121", "122", "123"],
      rural: ["乡村", "210", "220"]
    }
  },
  ownership: {values: {public: ["公办"], private: ["民办"], inclusive_private: ["普惠性民办"]}},
  group_type: {
    values: {
      tight: ["紧密型"],
      alliance: ["联盟型"],
      through: ["贯通型", "高校+"],
      community: ["共同体", "教育发展共同体", "教育共同体"],
      pairing: ["结对帮带", "结对帮扶"],
      entrusted: ["托管"]
    }
  },
  role: {values: {lead: ["牵头校", "总校", "牵头学校"], member: ["成员校", "成员学校"]}},
  title: {
    values: {
      senior_professor: ["正高级"],
      senior: ["高级", "副高级"],
      first: ["一级"],
      second: ["二级"],
      third: ["三级"],
      none: ["未定级", "无"]
    }
  },
  degree: {
    values: {
      doctorate: ["博士研究生", "博士"],
      master: ["硕士研究生", "硕士"],
      bachelor: ["本科", "大学本科"],
      associate: ["专科", "大专", "大学专科"],
      secondary: ["高中", "中专", "高中/中专"],
      below: ["高中以下"]
    }
  },
  backbone_level: {
    values: {
      none: ["无", "否"],
      county: ["县级", "区级", "区县级"],
      municipal: ["市级"],
      provincial: ["省级"],
      national: ["国家级"]
    }
  },
  section: {values: {primary: ["小学", "小学部"], junior: ["初中", "初中部"], senior: ["高中", "高中部"]}},
  exchange_kind: {
    values: {rotation: ["轮岗"], support: ["支教"], shadow: ["跟岗"], secondment: ["挂职"], itinerant: ["走教"]}
  },
  exam_scope: {values: {district: ["区统考", "统考"], group: ["集团联考", "联考"], school: ["校考"]}},
  gender: {values: {male: ["男", "m"], female: ["女", "f"]}}
} as const satisfies Record<string, EnumDomain>;

/**
 * The sections (学部) each school stage has: a membership of a section must name one of its school's, and
 * int_school_sections splits schools the same way. Single-section stages have their one section; stages
 * outside primary–senior (kindergarten, vocational, special) have none and join groups as whole schools.
 */
export const STAGE_SECTIONS: Readonly<Record<keyof typeof DOMAINS.stage.values, readonly Section[]>> = {
  primary: ["primary"],
  junior: ["junior"],
  senior: ["senior"],
  nine_year: ["primary", "junior"],
  twelve_year: ["primary", "junior", "senior"],
  complete_secondary: ["junior", "senior"],
  kindergarten: [],
  vocational: [],
  special: []
};
export type Section = keyof typeof DOMAINS.section.values;

/** The section (学部) a grade belongs to: 1–6 primary, 7–9 junior, 10–12 senior (int_exam_memberships.sql says the same in SQL). */
export function sectionOfGrade(grade: number): Section {
  return grade <= 6 ? "primary" : grade <= 9 ? "junior" : "senior";
}

const d = (zh: string, en: string) => ({zh, en});
const nonNegInt = {type: "integer", min: 0} as const;
const nonNegNum = {type: "number", min: 0} as const;

export const CONTRACT: Readonly<Record<FileName, FileSpec>> = {
  schools: {
    name: "schools",
    kind: "snapshot",
    description: d("学校名册（期末状态），每校一行；单独填报的校区视为一所学校", "One row per school at period end"),
    key: ["school_id"],
    keyScope: "period",
    references: [],
    columns: [
      {name: "school_id", aliases: ["学校代码", "学校标识码"], type: "text", required: true, id: true, description: d("学校代码", "School code")},
      {name: "school_name", aliases: ["学校名称"], type: "text", required: true, description: d("学校名称", "School name")},
      {name: "county", aliases: ["区县", "区(县)", "县区"], type: "text", required: true, description: d("所属区县", "County or district")},
      {name: "stage", aliases: ["学段", "办学类型"], type: "enum", domain: "stage", required: true, description: d("学段/办学类型", "Stage / school type")},
      {name: "locality", aliases: ["城乡类型", "城乡分类代码", "城乡分类"], type: "enum", domain: "locality", required: true, description: d("城乡类型（或统计用城乡划分代码）", "Urban, town or rural (or statistics-bureau code)")},
      {name: "ownership", aliases: ["办学性质"], type: "enum", domain: "ownership", default: "public", description: d("办学性质，默认公办", "Ownership, default public")},
      {name: "students", aliases: ["在校生数", "学生数"], ...nonNegInt, required: true, description: d("在校生数", "Enrolled students")},
      {name: "students_primary", aliases: ["小学部学生数"], ...nonNegInt, description: d("小学部学生数（一贯制/完全中学）", "Primary-section students")},
      {name: "students_junior", aliases: ["初中部学生数"], ...nonNegInt, description: d("初中部学生数", "Junior-section students")},
      {name: "students_senior", aliases: ["高中部学生数"], ...nonNegInt, description: d("高中部学生数", "Senior-section students")},
      {name: "classes", aliases: ["班级数"], ...nonNegInt, description: d("班级数", "Classes")},
      {name: "is_weak", aliases: ["薄弱学校", "是否薄弱学校"], type: "boolean", default: "false", description: d("是否薄弱学校", "Designated weak school")},
      {name: "teaching_area_m2", aliases: ["教学及辅助用房面积"], ...nonNegNum, description: d("教学及辅助用房面积（平方米）", "Teaching and auxiliary floor area, m²")},
      {name: "sports_area_m2", aliases: ["体育运动场馆面积"], ...nonNegNum, description: d("体育运动场馆面积（平方米）", "Sports grounds and halls, m²")},
      {name: "equipment_value_yuan", aliases: ["教学仪器设备值"], ...nonNegNum, description: d("教学仪器设备值（元）", "Teaching equipment value, yuan")},
      {name: "multimedia_rooms", aliases: ["网络多媒体教室数"], ...nonNegInt, description: d("网络多媒体教室数", "Networked multimedia classrooms")},
      {name: "lat", aliases: ["纬度"], type: "number", min: -90, max: 90, description: d("纬度（WGS84）", "Latitude, WGS84")},
      {name: "lon", aliases: ["经度"], type: "number", min: -180, max: 180, description: d("经度（WGS84）", "Longitude, WGS84")},
      {name: "opened_date", aliases: ["建校日期"], type: "date", description: d("建校日期", "Date opened")}
    ]
  },
  groups: {
    name: "groups",
    kind: "snapshot",
    description: d("教育集团及其他组织形式，每个一行", "One row per education group or other grouping"),
    key: ["group_id"],
    keyScope: "period",
    references: [],
    columns: [
      {name: "group_id", aliases: ["集团代码", "集团编号"], type: "text", required: true, id: true, description: d("集团代码", "Group code")},
      {name: "group_name", aliases: ["集团名称"], type: "text", required: true, description: d("集团名称", "Group name")},
      {name: "group_type", aliases: ["集团类型", "组建模式"], type: "enum", domain: "group_type", required: true, description: d("集团类型", "Group type")},
      {name: "established_date", aliases: ["成立日期"], type: "date", description: d("成立日期", "Date established")},
      {name: "partner", aliases: ["合作高校", "合作单位"], type: "text", description: d("合作高校/单位", "University or partner")}
    ]
  },
  memberships: {
    name: "memberships",
    kind: "snapshot",
    description: d("集团成员关系，每段成员期一行", "One row per membership spell"),
    key: ["group_id", "school_id", "section", "joined_date"],
    keyScope: "period",
    references: [
      {columns: ["group_id"], file: "groups", targets: ["group_id"], scope: "period", reason: "unknown_group"},
      {columns: ["school_id"], file: "schools", targets: ["school_id"], scope: "period", reason: "unknown_school"}
    ],
    columns: [
      {name: "group_id", aliases: ["集团代码", "集团编号"], type: "text", required: true, id: true, description: d("集团代码", "Group code")},
      {name: "school_id", aliases: ["学校代码", "学校标识码"], type: "text", required: true, id: true, description: d("学校代码", "School code")},
      {name: "section", aliases: ["学部", "成员学部", "加入学部"], type: "enum", domain: "section", description: d("加入集团的学部（小学部/初中部/高中部）；留空为整所学校。一贯制、完全中学的各学部可属不同集团：每个学部一行（同一集团中不能既有整校又有学部）", "The section that belongs to the group (primary, junior, senior); empty = the whole school. The sections of a 一贯制 or 完全中学 school may be in different groups: one row per section (not both the whole school and a section in one group)")},
      {name: "role", aliases: ["角色", "成员角色"], type: "enum", domain: "role", required: true, description: d("牵头校/成员校", "Lead or member")},
      {name: "joined_date", aliases: ["加入日期"], type: "date", required: true, description: d("加入日期", "Date joined")},
      {name: "left_date", aliases: ["退出日期"], type: "date", description: d("退出日期（不早于加入日期）", "Date left, not before joined")}
    ]
  },
  teachers: {
    name: "teachers",
    kind: "snapshot",
    description: d("教师名册（期末状态），每人一行", "One row per teacher at period end"),
    key: ["teacher_id"],
    keyScope: "period",
    references: [{columns: ["school_id"], file: "schools", targets: ["school_id"], scope: "period", reason: "unknown_school"}],
    columns: [
      {name: "teacher_id", aliases: ["教师编号", "教职工号"], type: "text", required: true, pseudonymise: true, description: d("教师编号（导入时假名化）", "Teacher id, pseudonymised on ingest")},
      {name: "school_id", aliases: ["学校代码", "学校标识码"], type: "text", required: true, id: true, description: d("学校代码", "School code")},
      {name: "subject", aliases: ["任教学科"], type: "text", description: d("任教学科", "Subject taught")},
      {name: "title", aliases: ["职称"], type: "enum", domain: "title", description: d("职称", "Professional title")},
      {name: "degree", aliases: ["最高学历", "学历"], type: "enum", domain: "degree", description: d("最高学历", "Highest degree")},
      {name: "backbone_level", aliases: ["骨干等级", "骨干教师"], type: "enum", domain: "backbone_level", default: "none", description: d("骨干教师等级", "Backbone teacher level")},
      {name: "is_full_time", aliases: ["专任教师", "是否专任教师"], type: "boolean", default: "true", description: d("是否专任教师", "Full-time teacher")},
      {name: "section", aliases: ["任教学段"], type: "enum", domain: "section", description: d("任教学段（一贯制、完全中学）；决定教师交流计入哪个学部及其集团，留空时计入本校学生最多的学部", "Section taught (一贯制 and 完全中学 schools); decides the section, and so the group, a teacher counts in for exchange; empty: the school's largest section")},
      {name: "school_start_date", aliases: ["本校任教起始日期", "来校时间"], type: "date", description: d("本校任教起始日期", "Started at this school")},
      {name: "birth_year", aliases: ["出生年份"], type: "integer", min: 1930, max: 2015, private: true, description: d("出生年份（不公开）", "Birth year (never published)")},
      {name: "gender", aliases: ["性别"], type: "enum", domain: "gender", private: true, description: d("性别（不公开）", "Gender (never published)")}
    ]
  },
  exchanges: {
    name: "exchanges",
    kind: "event",
    description: d("本期开始的教师交流轮岗，每次一行", "One row per teacher exchange starting in the period"),
    key: ["teacher_id", "start_date"],
    keyScope: "global",
    references: [
      {columns: ["teacher_id"], file: "teachers", targets: ["teacher_id"], scope: "upto", reason: "unknown_teacher"},
      {columns: ["from_school_id"], file: "schools", targets: ["school_id"], scope: "period", reason: "unknown_school"},
      {columns: ["to_school_id"], file: "schools", targets: ["school_id"], scope: "period", reason: "unknown_school"}
    ],
    columns: [
      {name: "teacher_id", aliases: ["教师编号", "教职工号"], type: "text", required: true, pseudonymise: true, description: d("教师编号（导入时假名化）", "Teacher id, pseudonymised")},
      {name: "from_school_id", aliases: ["派出学校代码"], type: "text", required: true, id: true, description: d("派出学校代码", "Sending school")},
      {name: "to_school_id", aliases: ["接收学校代码"], type: "text", required: true, id: true, description: d("接收学校代码（不同于派出学校）", "Receiving school, not the sender")},
      {name: "start_date", aliases: ["开始日期"], type: "date", required: true, description: d("开始日期", "Start date")},
      {name: "end_date", aliases: ["结束日期"], type: "date", description: d("结束日期（不早于开始日期）", "End date, not before start")},
      {name: "kind", aliases: ["交流方式"], type: "enum", domain: "exchange_kind", description: d("交流方式", "Kind of exchange")}
    ]
  },
  exams: {
    name: "exams",
    kind: "event",
    description: d("考试及科目，每场考试每科一行", "One row per exam and subject"),
    key: ["exam_id", "subject"],
    keyScope: "global",
    references: [],
    columns: [
      {name: "exam_id", aliases: ["考试编号"], type: "text", required: true, description: d("考试编号", "Exam id")},
      {name: "subject", aliases: ["科目"], type: "text", required: true, description: d("科目", "Subject")},
      {name: "exam_name", aliases: ["考试名称"], type: "text", required: true, description: d("考试名称", "Exam name")},
      {name: "exam_date", aliases: ["考试日期"], type: "date", required: true, description: d("考试日期", "Exam date")},
      {name: "grade", aliases: ["年级"], type: "integer", min: 1, max: 12, required: true, description: d("年级（1–12）", "Grade 1–12")},
      {name: "full_marks", aliases: ["满分"], type: "number", min: 0, minExclusive: true, required: true, description: d("满分（大于0）", "Full marks, > 0")},
      {name: "scope", aliases: ["考试范围"], type: "enum", domain: "exam_scope", description: d("考试范围", "Exam scope")}
    ]
  },
  scores: {
    name: "scores",
    kind: "event",
    description: d("学生成绩，每生每考试每科一行", "One row per student, exam and subject"),
    key: ["exam_id", "subject", "student_id"],
    keyScope: "global",
    references: [
      {columns: ["exam_id", "subject"], file: "exams", targets: ["exam_id", "subject"], scope: "upto", reason: "unknown_exam"},
      {columns: ["school_id"], file: "schools", targets: ["school_id"], scope: "period", reason: "unknown_school"}
    ],
    columns: [
      {name: "exam_id", aliases: ["考试编号"], type: "text", required: true, description: d("考试编号", "Exam id")},
      {name: "subject", aliases: ["科目"], type: "text", required: true, description: d("科目", "Subject")},
      {name: "student_id", aliases: ["学籍号", "考号", "学生编号"], type: "text", required: true, pseudonymise: true, description: d("学籍号（导入时假名化）", "Student id, pseudonymised on ingest")},
      {name: "school_id", aliases: ["学校代码", "学校标识码"], type: "text", required: true, id: true, description: d("考试时所在学校", "The student's school at the exam")},
      {name: "score", aliases: ["成绩", "分数", "得分"], type: "number", min: 0, description: d("成绩（0 至满分；缺考留空）", "Score, 0 to full marks; empty when absent")},
      {name: "is_absent", aliases: ["缺考", "是否缺考"], type: "boolean", default: "false", description: d("是否缺考", "Absent")}
    ]
  }
};

/**
 * School and group codes become file names (src/data/groups/<group_id>.json), URLs (/groups/<group_id>)
 * and page source, so they are restricted to a set that is safe in all three and still admits real
 * codes: 10-digit 学校标识码, JT6200002, Chinese names. No dot: Framework takes `/groups/v1.2` for a file
 * with the extension `.2` (the language switch of that page led nowhere), and `..` is a path. The check
 * is RE2 (DuckDB) and JavaScript (with the u flag) alike; length counts characters, not bytes.
 */
export const ID_RULE = {
  pattern: String.raw`^[\p{L}\p{N}_-]{1,64}$`,
  maxLength: 64,
  description: d(
    "只能由字母、数字（任何文字）、_ 和 - 组成，最多 64 个字符",
    "only letters and digits (of any script), _ and -, at most 64 characters"
  )
} as const;

/** Row-level reason codes. Every rejected row carries one or more of these. */
export const REASONS = {
  missing_value: d("必填项为空", "required value is empty"),
  bad_type: d("格式不正确", "value is not of the expected type"),
  bad_enum: d("不是允许的取值", "value is not one of the allowed codes or labels"),
  bad_id: d("代码含有不允许的字符或过长", "code has characters that are not allowed or is too long"),
  out_of_range: d("超出允许范围", "value is out of range"),
  conflict: d("与同一行的其他值矛盾", "contradicts another value in the same row"),
  bad_row: d("列数与表头不一致或引号未闭合", "wrong number of fields or unclosed quote"),
  duplicate_key: d("主键重复", "duplicate key"),
  unknown_school: d("学校代码不存在", "unknown school"),
  unknown_group: d("集团代码不存在", "unknown group"),
  unknown_exam: d("考试或科目不存在", "unknown exam or subject"),
  unknown_teacher: d("教师编号不存在", "unknown teacher"),
  multiple_leads: d("同一时间集团有多个牵头校", "group would have more than one lead on the same date"),
  section_overlap: d("同一时间该校既以整校又以学部属于同一集团", "the school is in the group both as a whole and by a section at the same time"),
  unknown_section: d("学校没有该学部（按本期 schools.csv 的学段）", "the school has no such section (by its stage in this period's schools.csv)")
} as const;
export type ReasonCode = keyof typeof REASONS;

/**
 * rejects.csv's columns: each header is the Chinese name, a space, then the English key (`行号 line`), so a
 * clerk reads the first word and a program splits at the last space. The keys are the fields of
 * `junheng validate --json`'s rejects and of the upload page's download.
 */
export const REJECT_COLUMNS = {
  period: "期次",
  file: "文件",
  sheet: "工作表",
  line: "行号",
  column: "列名",
  contract_column: "规范列名",
  value: "值",
  reason: "原因代码",
  message_zh: "说明",
  message_en: "英文说明"
} as const;

/** A rejects.csv header: `行号 line`. */
export function rejectHeader(key: keyof typeof REJECT_COLUMNS): string {
  return `${REJECT_COLUMNS[key]} ${key}`;
}

/** File-level problems: the run stops before anything is written. */
export const FILE_PROBLEMS = {
  unreadable_encoding: d("无法识别文件编码（支持 UTF-8、UTF-16 带 BOM、GBK/GB18030）", "unreadable encoding (UTF-8, UTF-16 with BOM and GBK/GB18030 are supported)"),
  empty_file: d("文件为空，没有表头", "the file is empty: no header line"),
  missing_column: d("缺少必需的列", "a required column is missing"),
  duplicate_header: d("表头中有重复的列", "a column appears twice in the header"),
  missing_schools_first_period: d("最早的期次必须提供 schools.csv（或 schools.xlsx）", "schools.csv (or schools.xlsx) must exist in the earliest period"),
  duplicate_file: d("同一期次中同一数据有两个文件", "two files in one period hold the same data"),
  reject_rate_exceeded: d("被拒绝的行所占比例超过上限，这更像是文件错误而不是个别笔误", "the share of rejected rows exceeds the limit: this looks like a wrong file, not a few typos"),
  no_periods: d("输入目录中没有期次文件夹（格式 YYYYQn，如 2025Q3）", "no period folders (named YYYYQn, e.g. 2025Q3) in the input"),
  unreadable_file: d("无法读取文件", "the file cannot be read"),
  not_a_file: d("不是普通文件", "not a regular file"),
  bad_period_folder: d("文件夹名像期次，但不符合 YYYYQn 格式（如 2025Q3）", "a folder named like a period does not match YYYYQn (e.g. 2025Q3)"),
  bad_config: d("配置文件 junheng.config.json 无效", "junheng.config.json is not valid")
} as const;
export type FileProblemCode = keyof typeof FILE_PROBLEMS;

export const PERIOD_PATTERN = /^(\d{4})Q([1-4])$/;

/** A name a person meant as a period but got wrong: a year, then Q, 季 or 年 (2025q1, 2025Q5, 2025-Q1,
 * 2025Q1 copy, 2025年第1季度, full-width digits). Such a folder stops the run instead of being skipped. */
export function looksLikePeriod(name: string): boolean {
  return !PERIOD_PATTERN.test(name) && /^\s*\d{4}\s*[-_.]?\s*[qQ季年]/.test(name.normalize("NFKC"));
}

const QUARTER_ENDS = ["03-31", "06-30", "09-30", "12-31"] as const;

/** The last day of a period (its as-of date), as YYYY-MM-DD. */
export function periodEnd(period: string): string {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) throw new Error(`not a period: ${period}`);
  return `${m[1]}-${QUARTER_ENDS[Number(m[2]) - 1]}`;
}

/** The same as-of date in SQL, from the same table of quarter ends: the ingest checks and the models call
 * jh_period_end(period) instead of writing the formula again. DuckDB lists are 1-based, like quarters. */
export const PERIOD_END_MACRO = `create or replace macro jh_period_end(period) as
  cast(left(period, 4) || '-' || [${QUARTER_ENDS.map((end) => `'${end}'`).join(", ")}][cast(right(period, 1) as integer)] as date)`;
