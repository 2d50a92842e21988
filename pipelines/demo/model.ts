// The demo's fixed model: periods, exam calendar, cohorts, scales and the planted parameters. Everything
// random is drawn in SQL from hash(seed, key, salt); this file holds only the constants the draws use.

export type Scale = "tiny" | "county" | "city" | "province";
export const PUBLIC_SCALES = ["county", "city", "province"] as const;

export interface ScaleSpec {
  /** template counties replicated; county 0 is 甘州区 itself */
  readonly counties: number;
  /** cohorts tested by the district exams (see COHORTS) */
  readonly districtCohorts: readonly string[];
  /** subjects of the district exams (the committed county demo tests two to stay a few MB) */
  readonly districtSubjects: readonly string[];
  /** share of each cohort kept (tests use a thin slice to stay fast) */
  readonly cohortShare: number;
}

export const SCALES: Readonly<Record<Scale, ScaleSpec>> = {
  tiny: {counties: 1, districtCohorts: ["A", "C"], districtSubjects: ["语文", "数学"], cohortShare: 0.2},
  county: {counties: 1, districtCohorts: ["A", "C"], districtSubjects: ["语文", "数学"], cohortShare: 1},
  city: {counties: 22, districtCohorts: ["A", "C"], districtSubjects: ["语文", "数学", "英语"], cohortShare: 1},
  province: {counties: 217, districtCohorts: ["A", "C", "D"], districtSubjects: ["语文", "数学", "英语"], cohortShare: 1}
};

/** Quarterly periods 2024Q3 … 2026Q3 (nine quarters, two school years and a term). */
export const PERIODS = ["2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3"];
export const SCHOOL_YEARS = [2024, 2025, 2026];

/** Snapshot files deliberately left out of some periods so the ingest's carry-forward is exercised. */
export const SNAPSHOT_GAPS: Readonly<Record<string, readonly string[]>> = {
  groups: ["2025Q2", "2026Q2"],
  teachers: ["2024Q4", "2025Q2", "2025Q4", "2026Q1", "2026Q2"]
};

export interface Cohort {
  readonly code: string;
  readonly no: number;
  readonly section: "primary" | "junior";
  /** grade in school year 2024-2025; one grade higher each later year */
  readonly grade2024: number;
  readonly subjects: readonly string[];
  readonly scope: "district" | "group";
}

export const COHORTS: readonly Cohort[] = [
  {code: "A", no: 1, section: "primary", grade2024: 5, subjects: ["语文", "数学", "英语"], scope: "district"},
  {code: "B", no: 2, section: "primary", grade2024: 4, subjects: ["数学"], scope: "group"},
  {code: "C", no: 3, section: "junior", grade2024: 7, subjects: ["语文", "数学", "英语"], scope: "district"},
  {code: "D", no: 4, section: "primary", grade2024: 3, subjects: ["语文", "数学", "英语"], scope: "district"}
];

export const SUBJECT_NO: Readonly<Record<string, number>> = {语文: 1, 数学: 2, 英语: 3};

/** Exam sittings. term_index counts terms since the start of 2024-2025 and drives the planted trends. */
export interface Sitting {
  readonly date: string;
  readonly period: string;
  readonly schoolYear: number;
  readonly term: 1 | 2;
  readonly kind: "final" | "midterm";
  readonly termIndex: number;
}

export const SITTINGS: readonly Sitting[] = [
  {date: "2024-11-20", period: "2024Q4", schoolYear: 2024, term: 1, kind: "midterm", termIndex: 0.5},
  {date: "2025-01-10", period: "2025Q1", schoolYear: 2024, term: 1, kind: "final", termIndex: 1},
  {date: "2025-04-23", period: "2025Q2", schoolYear: 2024, term: 2, kind: "midterm", termIndex: 1.5},
  {date: "2025-06-27", period: "2025Q2", schoolYear: 2024, term: 2, kind: "final", termIndex: 2},
  {date: "2025-11-19", period: "2025Q4", schoolYear: 2025, term: 1, kind: "midterm", termIndex: 2.5},
  {date: "2026-01-09", period: "2026Q1", schoolYear: 2025, term: 1, kind: "final", termIndex: 3},
  {date: "2026-04-22", period: "2026Q2", schoolYear: 2025, term: 2, kind: "midterm", termIndex: 3.5},
  {date: "2026-06-26", period: "2026Q2", schoolYear: 2025, term: 2, kind: "final", termIndex: 4}
];

/** Planted effects, in z units of the latent score (see data/demo/README.md). */
export const PLANTED = {
  /** urban minus rural latent gap at term_index 0, and its narrowing per term */
  gapRural0: 0.45,
  gapRuralPerTerm: 0.04,
  gapTown0: 0.25,
  gapTownPerTerm: 0.02,
  /** sd of the per-term school value-added effect (τ) */
  vaTau: 0.06,
  /** sd of stable school level, student ability, student×subject ability, and measurement error */
  schoolSd: 0.22,
  abilitySd: 0.8,
  subjectSd: 0.3,
  errorSd: 0.2,
  absentShare: 0.02,
  /** probability that a building/equipment indicator is planted below its threshold */
  belowShareRuralOrWeak: 0.25,
  belowShareOther: 0.08
};

/** National thresholds (督导评估办法 2017), per section: the same numbers docs/metrics.md uses. */
export const THRESHOLDS = {
  qualified_teachers_per_100: {primary: 4.2, junior: 5.3},
  backbone_per_100: {primary: 1.0, junior: 1.0},
  pe_arts_per_100: {primary: 0.9, junior: 0.9},
  teaching_area_per_student: {primary: 4.5, junior: 5.8},
  sports_area_per_student: {primary: 7.5, junior: 10.2},
  equipment_per_student: {primary: 2000, junior: 2500},
  multimedia_per_100: {primary: 2.3, junior: 2.4}
} as const;
export type Indicator = keyof typeof THRESHOLDS;
