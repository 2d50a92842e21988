// junheng.config.json: targets, thresholds and the suppression size (docs/metrics.md "Config"). Pure (no fs):
// the browser explorer parses the same file and runs the same cfg_* statements before the models.
import {InputError} from "../errors.js";
import {lit} from "../sql.js";

export type Section = "primary" | "junior";

export const INDICATORS = [
  "qualified_teachers_per_100",
  "backbone_per_100",
  "pe_arts_per_100",
  "teaching_area_per_student",
  "sports_area_per_student",
  "equipment_per_student",
  "multimedia_per_100"
] as const;
export type Indicator = (typeof INDICATORS)[number];

export interface VaPair {
  prior_exam_id: string;
  exam_id: string;
  /** omitted: every subject the two exams share */
  subject?: string;
}

export interface JunhengConfig {
  region_name: string;
  /** values computed from fewer students than this are published as NULL (is_suppressed) */
  min_n: number;
  targets: {
    coverage_share: number;
    /** YYYY-MM-DD or null */
    coverage_deadline: string | null;
    exchange_rate: number;
    exchange_backbone_share: number;
    /** urban → town/rural exchanges as a share of the urban schools' base (北碚区: ≥ 15%) */
    exchange_urban_rural: number;
    cv_primary: number;
    cv_junior: number;
  };
  indicator_thresholds: Record<Section, Record<Indicator, number>>;
  /** 三率一分: excellent ≥, pass ≥, low < these shares of full marks */
  score_bands: {excellent: number; pass: number; low: number};
  /** empty: pairs are found from the data (docs/metrics.md value_added_school) */
  va_pairs: VaPair[];
  /** 捆绑考核 (group_bundled): the lead's weight; the members' side weighs 1 − lead_weight */
  bundled: {lead_weight: number};
  /** the basis of teacher_exchange's rates (docs/metrics.md teacher_exchange) */
  exchange: ExchangeBasis;
  /** what the public edition leaves out beyond pipelines/editions.ts (docs/editions.md): it can only tighten */
  editions: {public: {exclude_tables: string[]; exam_figures: boolean; min_schools: number}};
  /** the data release each edition's package and citation name (docs/release.md) */
  release: {
    /** an SPDX licence id for the published tables, e.g. CC-BY-4.0 (default) or CC0-1.0 */
    licence: string;
    /** who publishes the data (the citation's author); empty: the region's education bureau */
    publisher: string;
    /** the release's version; empty: the last period, e.g. 2025Q4 (a corrected rerun may say 2025Q4-r2) */
    version: string;
  };
  /** the quarterly report (junheng report): issuing body, empty = "<region_name>教育局"; document number, null = "〔<year>〕号" */
  report: {issuer: string; doc_number: string | null};
}

/** How teacher_exchange counts (docs/metrics.md teacher_exchange): which teachers form the denominator, which
 * exchanges the numerator. The defaults are the national rule; 甘州区's plan is full_time + within_group. */
export interface ExchangeBasis {
  /** eligible: full-time teachers at the school ≥ 6 years (national rule); full_time: every 专任教师 */
  denominator: "eligible" | "full_time";
  /** any: every exchange the schools send; within_group: only to a school of the same group */
  scope: "any" | "within_group";
  /** 跟岗 (kind shadow: a few weeks' placement) counted as an exchange */
  include_shadow: boolean;
  /** compulsory_public: public schools' primary and junior teachers only (senior, vocational, special, private left out) */
  schools: "compulsory_public" | "all";
  /** the base of the urban → rural rate (北碚区: eligible urban teachers) */
  urban_rural_denominator: "eligible" | "full_time";
}

export const EXCHANGE_CHOICES = {
  denominator: ["eligible", "full_time"],
  scope: ["any", "within_group"],
  schools: ["compulsory_public", "all"],
  urban_rural_denominator: ["eligible", "full_time"]
} as const;

// 县域义务教育优质均衡发展督导评估办法 (教督〔2017〕6号), the seven resource indicators.
export const DEFAULT_THRESHOLDS: Record<Section, Record<Indicator, number>> = {
  primary: {
    qualified_teachers_per_100: 4.2,
    backbone_per_100: 1.0,
    pe_arts_per_100: 0.9,
    teaching_area_per_student: 4.5,
    sports_area_per_student: 7.5,
    equipment_per_student: 2000,
    multimedia_per_100: 2.3
  },
  junior: {
    qualified_teachers_per_100: 5.3,
    backbone_per_100: 1.0,
    pe_arts_per_100: 0.9,
    teaching_area_per_student: 5.8,
    sports_area_per_student: 10.2,
    equipment_per_student: 2500,
    multimedia_per_100: 2.4
  }
};

export const DEFAULT_CONFIG: JunhengConfig = {
  region_name: "",
  min_n: 10,
  targets: {
    coverage_share: 1.0,
    coverage_deadline: null,
    exchange_rate: 0.1,
    exchange_backbone_share: 0.2,
    exchange_urban_rural: 0.15,
    cv_primary: 0.5,
    cv_junior: 0.45
  },
  indicator_thresholds: DEFAULT_THRESHOLDS,
  score_bands: {excellent: 0.85, pass: 0.6, low: 0.4},
  va_pairs: [],
  exchange: {denominator: "eligible", scope: "any", include_shadow: false, schools: "compulsory_public", urban_rural_denominator: "eligible"},
  bundled: {lead_weight: 0.5},
  editions: {public: {exclude_tables: [], exam_figures: true, min_schools: 3}},
  release: {licence: "CC-BY-4.0", publisher: "", version: ""},
  report: {issuer: "", doc_number: null}
};

const FILE = "junheng.config.json";

function bad(key: string, zh: string, en: string): never {
  throw new InputError("bad_config", {file: FILE}, {zh: `${key}：${zh}`, en: `${key}: ${en}`});
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkKeys(object: Record<string, unknown>, allowed: readonly string[], prefix: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) bad(`${prefix}${key}`, "未知的配置项", "unknown key");
  }
}

function num(value: unknown, key: string, {min = -Infinity, max = Infinity, integer = false} = {}): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    const range = `${integer ? "integer " : ""}${min > -Infinity ? `≥ ${min}` : ""}${max < Infinity ? ` ≤ ${max}` : ""}`.trim();
    bad(key, `应为数字 ${range}`, `must be a number ${range}`);
  }
  return value;
}

function text(value: unknown, key: string): string {
  if (typeof value !== "string") bad(key, "应为文本", "must be a string");
  return value;
}

function date(value: unknown, key: string): string | null {
  if (value === null) return null;
  const s = text(value, key);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const parsed = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !parsed || parsed.getUTCDate() !== Number(m[3]) || parsed.getUTCMonth() !== Number(m[2]) - 1) {
    bad(key, "应为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD");
  }
  return s;
}

function object(value: unknown, key: string): Record<string, unknown> {
  if (!isObject(value)) bad(key, "应为对象", "must be an object");
  return value;
}

/** Merge a parsed junheng.config.json over the defaults; throws InputError("bad_config") naming the bad key. */
export function parseConfig(json: unknown): JunhengConfig {
  if (json === undefined || json === null) return structuredClone(DEFAULT_CONFIG);
  const root = {...object(json, "(root)")};
  checkKeys(root, ["region_name", "min_n", "targets", "indicator_thresholds", "score_bands", "va_pairs", "exchange", "bundled", "editions", "release", "report", "$schema"], "");
  // docs/metrics.md lists thresholds, score bands and pairs after the targets; accept them inside "targets" too.
  if (isObject(root.targets)) {
    const targets = {...root.targets};
    for (const key of ["indicator_thresholds", "score_bands", "va_pairs"] as const) {
      if (targets[key] === undefined) continue;
      if (root[key] !== undefined) bad(`targets.${key}`, "与顶层的同名键重复", `given both at the top level and inside targets`);
      root[key] = targets[key];
      delete targets[key];
    }
    root.targets = targets;
  }
  const config = structuredClone(DEFAULT_CONFIG);
  if (root.region_name !== undefined) config.region_name = text(root.region_name, "region_name");
  if (root.min_n !== undefined) config.min_n = num(root.min_n, "min_n", {min: 1, integer: true});

  if (root.targets !== undefined) {
    const targets = object(root.targets, "targets");
    const shares = ["coverage_share", "exchange_rate", "exchange_backbone_share", "exchange_urban_rural"] as const;
    const cvs = ["cv_primary", "cv_junior"] as const;
    checkKeys(targets, [...shares, ...cvs, "coverage_deadline"], "targets.");
    for (const key of shares) {
      if (targets[key] !== undefined) config.targets[key] = num(targets[key], `targets.${key}`, {min: 0, max: 1});
    }
    for (const key of cvs) {
      if (targets[key] !== undefined) config.targets[key] = num(targets[key], `targets.${key}`, {min: 0});
    }
    if (targets.coverage_deadline !== undefined) {
      config.targets.coverage_deadline = date(targets.coverage_deadline, "targets.coverage_deadline");
    }
  }

  if (root.indicator_thresholds !== undefined) {
    const sections = object(root.indicator_thresholds, "indicator_thresholds");
    checkKeys(sections, ["primary", "junior"], "indicator_thresholds.");
    for (const section of ["primary", "junior"] as const) {
      if (sections[section] === undefined) continue;
      const values = object(sections[section], `indicator_thresholds.${section}`);
      checkKeys(values, INDICATORS, `indicator_thresholds.${section}.`);
      for (const indicator of INDICATORS) {
        if (values[indicator] !== undefined) {
          config.indicator_thresholds[section][indicator] = num(values[indicator], `indicator_thresholds.${section}.${indicator}`, {min: 0});
        }
      }
    }
  }

  if (root.score_bands !== undefined) {
    const bands = object(root.score_bands, "score_bands");
    checkKeys(bands, ["excellent", "pass", "low"], "score_bands.");
    for (const key of ["excellent", "pass", "low"] as const) {
      if (bands[key] !== undefined) config.score_bands[key] = num(bands[key], `score_bands.${key}`, {min: 0, max: 1});
    }
    const {excellent, pass, low} = config.score_bands;
    if (!(low <= pass && pass <= excellent)) {
      bad("score_bands", "应满足 low ≤ pass ≤ excellent", "must satisfy low ≤ pass ≤ excellent");
    }
  }

  if (root.va_pairs !== undefined) {
    if (!Array.isArray(root.va_pairs)) bad("va_pairs", "应为数组", "must be an array");
    config.va_pairs = root.va_pairs.map((item: unknown, i: number) => {
      const key = `va_pairs[${i}]`;
      const pair = object(item, key);
      checkKeys(pair, ["prior_exam_id", "exam_id", "subject"], `${key}.`);
      const parsed: VaPair = {
        prior_exam_id: text(pair.prior_exam_id, `${key}.prior_exam_id`),
        exam_id: text(pair.exam_id, `${key}.exam_id`)
      };
      if (pair.subject !== undefined && pair.subject !== null) parsed.subject = text(pair.subject, `${key}.subject`);
      if (parsed.prior_exam_id === parsed.exam_id) bad(key, "前后两次考试不能相同", "prior_exam_id must differ from exam_id");
      return parsed;
    });
  }
  if (root.exchange !== undefined) {
    const exchange = object(root.exchange, "exchange");
    checkKeys(exchange, [...Object.keys(EXCHANGE_CHOICES), "include_shadow"], "exchange.");
    for (const [key, choices] of Object.entries(EXCHANGE_CHOICES) as [keyof typeof EXCHANGE_CHOICES, readonly string[]][]) {
      const value = exchange[key];
      if (value === undefined) continue;
      if (typeof value !== "string" || !choices.includes(value)) bad(`exchange.${key}`, `应为 ${choices.join(" 或 ")}`, `must be ${choices.join(" or ")}`);
      (config.exchange as unknown as Record<string, string>)[key] = value;
    }
    if (exchange.include_shadow !== undefined) {
      if (typeof exchange.include_shadow !== "boolean") bad("exchange.include_shadow", "应为 true 或 false", "must be true or false");
      config.exchange.include_shadow = exchange.include_shadow;
    }
  }
  if (root.bundled !== undefined) {
    const bundled = object(root.bundled, "bundled");
    checkKeys(bundled, ["lead_weight"], "bundled.");
    if (bundled.lead_weight !== undefined) config.bundled.lead_weight = num(bundled.lead_weight, "bundled.lead_weight", {min: 0, max: 1});
  }
  if (root.editions !== undefined) {
    const editions = object(root.editions, "editions");
    checkKeys(editions, ["public"], "editions.");
    if (editions.public !== undefined) {
      const pub = object(editions.public, "editions.public");
      checkKeys(pub, ["exclude_tables", "exam_figures", "min_schools"], "editions.public.");
      if (pub.exclude_tables !== undefined) {
        if (!Array.isArray(pub.exclude_tables)) bad("editions.public.exclude_tables", "应为数据表名的数组", "must be an array of table names");
        // whether each names a table is checked against the marts before the run (pipelines/editions.ts)
        config.editions.public.exclude_tables = pub.exclude_tables.map((item: unknown, i: number) => text(item, `editions.public.exclude_tables[${i}]`));
      }
      if (pub.exam_figures !== undefined) {
        if (typeof pub.exam_figures !== "boolean") bad("editions.public.exam_figures", "应为 true 或 false", "must be true or false");
        config.editions.public.exam_figures = pub.exam_figures;
      }
      if (pub.min_schools !== undefined) {
        // an aggregate over fewer schools is suppressed in the public edition (docs/metrics.md, Disclosure control); only tightens
        if (!Number.isInteger(pub.min_schools) || (pub.min_schools as number) < 3) {
          bad("editions.public.min_schools", "应为不小于 3 的整数（只能收紧）", "must be an integer of at least 3 (it can only tighten)");
        }
        config.editions.public.min_schools = pub.min_schools as number;
      }
    }
  }
  if (root.release !== undefined) {
    const release = object(root.release, "release");
    checkKeys(release, ["licence", "publisher", "version"], "release.");
    if (release.licence !== undefined) {
      config.release.licence = text(release.licence, "release.licence");
      if (!/^[A-Za-z0-9][A-Za-z0-9.+-]*$/.test(config.release.licence)) bad("release.licence", "应为 SPDX 许可证标识，如 CC-BY-4.0", "must be an SPDX licence id such as CC-BY-4.0");
    }
    if (release.publisher !== undefined) config.release.publisher = text(release.publisher, "release.publisher").trim();
    if (release.version !== undefined) {
      config.release.version = text(release.version, "release.version").trim();
      if (!/^[\w.+-]*$/.test(config.release.version)) bad("release.version", "只能含字母、数字和 . + - _", "may hold only letters, digits and . + - _");
    }
  }
  if (root.report !== undefined) {
    const report = object(root.report, "report");
    checkKeys(report, ["issuer", "doc_number"], "report.");
    if (report.issuer !== undefined) config.report.issuer = text(report.issuer, "report.issuer");
    if (report.doc_number !== undefined && report.doc_number !== null) config.report.doc_number = text(report.doc_number, "report.doc_number");
  }
  return config;
}

function double(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return `${value}::double`;
}

/** Statements creating the cfg_* tables the models read: cfg_settings (one row),
 * cfg_indicator_thresholds (section, indicator, threshold) and cfg_va_pairs. */
export function configStatements(config: JunhengConfig): string[] {
  const {targets, score_bands: bands} = config;
  const thresholdRows = (["primary", "junior"] as const).flatMap((section) =>
    INDICATORS.map((indicator) => `(${lit(section)}, ${lit(indicator)}, ${double(config.indicator_thresholds[section][indicator])})`)
  );
  const statements = [
    `create or replace table cfg_settings as select
        ${lit(config.region_name)}::varchar as region_name,
        ${Math.trunc(config.min_n)}::integer as min_n,
        ${double(targets.coverage_share)} as coverage_share,
        ${lit(targets.coverage_deadline)}::date as coverage_deadline,
        ${double(targets.exchange_rate)} as exchange_rate_target,
        ${double(targets.exchange_backbone_share)} as backbone_share_target,
        ${double(targets.exchange_urban_rural)} as urban_rural_target,
        ${lit(config.exchange.denominator)}::varchar as exchange_denominator,
        ${lit(config.exchange.scope)}::varchar as exchange_scope,
        ${config.exchange.include_shadow ? "true" : "false"} as exchange_include_shadow,
        ${lit(config.exchange.schools)}::varchar as exchange_schools,
        ${lit(config.exchange.urban_rural_denominator)}::varchar as exchange_urban_rural_denominator,
        ${double(config.bundled.lead_weight)} as bundled_lead_weight,
        ${double(targets.cv_primary)} as cv_primary,
        ${double(targets.cv_junior)} as cv_junior,
        ${double(bands.excellent)} as excellent_share,
        ${double(bands.pass)} as pass_share,
        ${double(bands.low)} as low_share`,
    `create or replace table cfg_indicator_thresholds (section varchar, indicator varchar, threshold double)`,
    `insert into cfg_indicator_thresholds values ${thresholdRows.join(", ")}`,
    `create or replace table cfg_va_pairs (prior_exam_id varchar, exam_id varchar, subject varchar)`
  ];
  if (config.va_pairs.length > 0) {
    const rows = config.va_pairs.map(
      (pair) => `(${lit(pair.prior_exam_id)}, ${lit(pair.exam_id)}, ${lit(pair.subject ?? null)})`
    );
    statements.push(`insert into cfg_va_pairs values ${rows.join(", ")}`);
  }
  return statements;
}
