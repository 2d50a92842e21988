// What each edition of the published output holds (docs/editions.md): one run publishes both,
// <out>/published/public/ (what may go on the internet) and <out>/published/internal/ (the bureau's own
// network). This file is the one definition; run.ts builds each edition's rows from it, the manifest says
// what it left out and why, and test/editions/ checks every published file against it.
//
// The public edition follows the Ministry of Education's notices on compulsory-school exams
// (教育部办公厅《关于加强义务教育学校考试管理的通知》, August 2021; 教育部《关于进一步加强中小学日常考试管理的
// 通知》, December 2025: 义务教育学校日常考试实行等级评价，考试结果不排名、不公布): no exam result, value-added
// figure or ranking of a single school. Exam-based figures appear only as aggregates over several schools
// (county, locality, group); the disclosure step (pipelines/disclosure/) then suppresses any aggregate over
// too few students or schools, or recoverable by subtraction.
import {InputError} from "./errors.js";
import type {JunhengConfig} from "./models/config.js";
import {describeAll, ident, type SqlEngine} from "./sql.js";

export const EDITIONS = ["public", "internal"] as const;
export type Edition = (typeof EDITIONS)[number];

export interface Reason {
  code: string;
  zh: string;
  en: string;
}

/** Why the public edition leaves something out: the manifest carries the code and both texts. */
export const REASONS = {
  school_exam: {
    code: "school_exam",
    zh: "单所学校的考试结果（三率一分、平均分、标准分）：依教育部义务教育学校考试管理的通知，考试结果不排名、不公布，只在内部版中",
    en: "a single school's exam results (rates, means, z-scores): under the Ministry of Education's notices on compulsory-school exams, results are neither ranked nor published; internal edition only"
  },
  school_value_added: {
    code: "school_value_added",
    zh: "单所学校的增值评价：由该校学生的考试成绩算出，等同于公布学校考试结果，只在内部版中",
    en: "a single school's value-added: computed from its students' exam results, so publishing it publishes the school's results; internal edition only"
  },
  lead_one_school: {
    code: "lead_one_school",
    zh: "牵头校与成员校的比较：牵头校一方只有一所学校，即公布了这所学校的考试结果，只在内部版中",
    en: "lead vs members: the lead side is a single school, so it would publish that school's exam results; internal edition only"
  },
  exam_figures_off: {
    code: "exam_figures_off",
    zh: "配置 editions.public.exam_figures 为 false：公开版不含任何基于考试的数字",
    en: "the config sets editions.public.exam_figures to false: the public edition holds no exam-based figure"
  },
  excluded_by_config: {
    code: "excluded_by_config",
    zh: "配置 editions.public.exclude_tables 列出了这张表",
    en: "the config lists this table in editions.public.exclude_tables"
  }
} as const satisfies Record<string, Reason>;
type ReasonCode = keyof typeof REASONS;

/** How the public edition treats one mart; an empty rule publishes it whole. */
export interface PublicRule {
  /** left out whole */
  drop?: ReasonCode;
  /** only the rows for which this SQL condition on the mart's columns is true */
  rows?: {keep: string; reason: ReasonCode};
  /** these columns left out */
  columns?: {names: string[]; reason: ReasonCode};
  /** exam-based figures: the whole table (true) or these columns, left out when editions.public.exam_figures is false */
  exam?: true | string[];
}

/** the headline's columns that come from urban_rural_gap (headline.sql's exam_gaps, comparable_gaps, latest_gap) */
export const HEADLINE_GAP_COLUMNS = [
  "gap_exam_id",
  "urban_rural_gap",
  "gap_exam_name",
  "gap_exam_date",
  "gap_grade",
  "gap_subjects",
  "gap_in_period",
  "gap_previous_exam_id",
  "gap_previous_exam_date",
  "gap_previous",
  "gap_change"
];

/**
 * The public edition, mart by mart (every mart is named: test/editions/definition.test.ts). The internal
 * edition is every mart whole.
 */
export const PUBLIC_EDITION: Record<string, PublicRule> = {
  // coverage, groups and members
  coverage: {},
  uncovered_schools: {},
  group_profile: {},
  group_members: {},
  group_counts: {},
  // resources and 差异系数
  school_resources: {},
  resource_cv: {},
  resource_gap: {},
  resource_theil: {},
  teacher_structure: {},
  // teacher exchange
  teacher_exchange: {},
  exchange_flows: {},
  // the headline's exam figure is the county's (or region's) urban–rural gap: an aggregate
  headline: {exam: HEADLINE_GAP_COLUMNS},
  // the exams' names and dates, no result
  exam_list: {},
  // exam-based figures: aggregates over several schools only
  exam_school: {drop: "school_exam", exam: true},
  value_added_school: {drop: "school_value_added", exam: true},
  // 捆绑考核 weighs the lead (one school) apart from its members: with the group's own figures it gives the lead's
  group_bundled: {drop: "lead_one_school", exam: true},
  urban_rural_gap: {rows: {keep: "comparison <> 'lead_member'", reason: "lead_one_school"}, exam: true},
  score_variance: {exam: true},
  value_added_group: {
    columns: {
      names: ["n_lead", "n_members", "lead_minus_members", "lead_minus_members_se", "lead_minus_members_ci_low", "lead_minus_members_ci_high"],
      reason: "lead_one_school"
    },
    exam: true
  }
};

export interface TableLeftOut {
  table: string;
  reason: Reason;
}

export interface ColumnsLeftOut {
  table: string;
  columns: string[];
  reason: Reason;
}

export interface RowsLeftOut {
  table: string;
  /** the rows kept: those for which this condition holds */
  keep: string;
  reason: Reason;
}

/** One edition's tables: which marts, which of their columns, which rows; and what it leaves out. */
export interface EditionPlan {
  edition: Edition;
  tables: {table: string; columns: string[]; keep: string | null}[];
  left_out: {tables: TableLeftOut[]; columns: ColumnsLeftOut[]; rows: RowsLeftOut[]};
}

/**
 * The plan of one edition over the marts (name → its columns, in order), with the config's tightening of
 * the public edition. A mart the definition does not name is a bug (exit 3), not a table to publish.
 */
export function editionPlan(edition: Edition, marts: Record<string, string[]>, config: Pick<JunhengConfig, "editions">): EditionPlan {
  const plan: EditionPlan = {edition, tables: [], left_out: {tables: [], columns: [], rows: []}};
  for (const [table, columns] of Object.entries(marts)) {
    if (edition === "internal") {
      plan.tables.push({table, columns, keep: null});
      continue;
    }
    const rule = PUBLIC_EDITION[table];
    if (!rule) throw new Error(`pipelines/editions.ts: the public edition does not say what to do with the mart ${table}`);
    const settings = config.editions.public;
    const dropBy: ReasonCode | undefined = rule.drop ?? (settings.exclude_tables.includes(table) ? "excluded_by_config" : !settings.exam_figures && rule.exam === true ? "exam_figures_off" : undefined);
    if (dropBy) {
      plan.left_out.tables.push({table, reason: REASONS[dropBy]});
      continue;
    }
    let kept = columns;
    if (rule.columns) {
      kept = kept.filter((column) => !rule.columns!.names.includes(column));
      plan.left_out.columns.push({table, columns: rule.columns.names.filter((name) => columns.includes(name)), reason: REASONS[rule.columns.reason]});
    }
    if (!settings.exam_figures && Array.isArray(rule.exam)) {
      const exam = rule.exam;
      kept = kept.filter((column) => !exam.includes(column));
      plan.left_out.columns.push({table, columns: exam.filter((name) => columns.includes(name)), reason: REASONS.exam_figures_off});
    }
    if (rule.rows) plan.left_out.rows.push({table, keep: rule.rows.keep, reason: REASONS[rule.rows.reason]});
    plan.tables.push({table, columns: kept, keep: rule.rows?.keep ?? null});
  }
  return plan;
}

/**
 * One edition's rows of the given marts as temporary tables `edition_<edition>_<mart>`, by its plan: the
 * relations run.ts protects (pipelines/disclosure/protect.ts) and then publishes; the bench and the tests
 * build the same ones.
 */
export async function createEditionRelations(
  db: SqlEngine,
  edition: Edition,
  martNames: readonly string[],
  config: Pick<JunhengConfig, "editions">
): Promise<{plan: EditionPlan; relations: Record<string, string>}> {
  // every mart's columns in one statement, and the tables in one call: each statement costs a few ms
  // however small the table (RELIABILITY.md, "Fixed cost of a run")
  const described = await describeAll(db, martNames.map(ident));
  const columns: Record<string, string[]> = Object.fromEntries(martNames.map((mart, i) => [mart, described[i]!.map((column) => column.column_name)]));
  const plan = editionPlan(edition, columns, config);
  const relations: Record<string, string> = {};
  const statements: string[] = [];
  for (const {table, columns: kept, keep} of plan.tables) {
    const relation = `edition_${edition}_${table}`;
    statements.push(`create or replace temp table ${ident(relation)} as select ${kept.map(ident).join(", ")} from ${ident(table)}${keep ? ` where ${keep}` : ""}`);
    relations[table] = relation;
  }
  if (statements.length > 0) await db.run(statements.join(";\n"));
  return {plan, relations};
}

/** The config's editions.public.exclude_tables must name marts: checked before the run does any work. */
export function checkEditionConfig(config: Pick<JunhengConfig, "editions">, martNames: readonly string[]): void {
  config.editions.public.exclude_tables.forEach((table, i) => {
    if (!martNames.includes(table)) {
      throw new InputError(
        "bad_config",
        {file: "junheng.config.json"},
        {
          zh: `editions.public.exclude_tables[${i}]：没有名为 ${JSON.stringify(table)} 的数据表（可用：${martNames.join("、")}）`,
          en: `editions.public.exclude_tables[${i}]: there is no table ${JSON.stringify(table)} (tables: ${martNames.join(", ")})`
        }
      );
    }
  });
}
