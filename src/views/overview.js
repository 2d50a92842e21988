// The overview (src/index.md): the latest headline figures against their targets, and five trends.
import {GREYS, LOCALITY_COLORS, STATUS_COLORS, seriesColors} from "../components/colors.js";
import {formats, wording} from "../wording/index.js";
import overviewWording from "../wording/overview.js";
import {targetChecks} from "./targets.js";
import {leftOut, withheldCard} from "./edition.js";

const {label, t} = wording(overviewWording);

/**
 * @param {{headline: object[], manifest: object}} tables the published headline rows and manifest
 * @param {{targets: object, min_n: number, region_name?: string}} config
 * @param {"zh"|"en"} lang
 */
export function overviewView({headline, manifest}, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `overview.${key}`, params);
  const targets = config.targets;
  const trend = headline.filter((row) => row.county === "all").sort((a, b) => (a.period < b.period ? -1 : 1));
  const now = trend.at(-1);
  const first = trend[0];
  const region = trend.find((row) => row.region_name)?.region_name ?? config.region_name ?? "";
  const checks = targetChecks(now, targets);
  const deadline = targets.coverage_deadline ? f.date(targets.coverage_deadline) : null;
  const targetPct = (x) => f.pct(x, 0);
  const base = {lang, minN: config.min_n};
  const period = (name = "period") => ({name, format: f.period});
  // an edition configured without exam figures has no gap column (docs/editions.md): no gap KPI, and a
  // card saying why in the gap trend's place
  const gapLeftOut = leftOut(manifest, "headline", {column: "urban_rural_gap"});
  const kpis = headlineKpis(now, targets, lang).filter((kpi) => !(gapLeftOut && kpi.testId === "urban_rural_gap"));

  const direction = Math.sign(now.share_schools_in_group - first.share_schools_in_group);
  const coverageTrend = {
    ...base,
    filename: "overview_coverage_trend",
    title: w("coverage.title"),
    takeaway: w(`coverage.${direction > 0 ? "rose" : direction < 0 ? "fell" : "same"}`, {
      first: f.period(first.period),
      last: f.period(now.period),
      from: f.pct(first.share_schools_in_group),
      to: f.pct(now.share_schools_in_group),
      target: deadline
        ? w("coverage.targetBy", {target: targetPct(targets.coverage_share), deadline})
        : w("coverage.target", {target: targetPct(targets.coverage_share)})
    }),
    legend: [
      [w("coverage.schools"), LOCALITY_COLORS.urban],
      [w("coverage.students"), LOCALITY_COLORS.rural],
      [t(lang, "common.target"), STATUS_COLORS.target, true]
    ],
    rows: trend,
    columns: [period(), {name: "share_schools_in_group", num: true, format: f.pct}, {name: "share_students_in_group", num: true, format: f.pct}],
    data: trend.flatMap((row) => [
      {x: row.period, series: "schools", value: row.share_schools_in_group},
      {x: row.period, series: "students", value: row.share_students_in_group}
    ]),
    options: {
      xLabel: f.period,
      yFormat: (y) => f.pct(y, 0),
      yDomain: [0, 1],
      colors: {schools: LOCALITY_COLORS.urban, students: LOCALITY_COLORS.rural},
      seriesLabel: (s) => w(`coverage.${s}`),
      targets: [{value: targets.coverage_share, label: `${t(lang, "common.target")} ${targetPct(targets.coverage_share)}`}]
    }
  };

  // one row per school year (the headline repeats the year's rate in each of its quarters)
  const years = [...new Map(trend.map((row) => [row.exchange_school_year, row])).values()].filter((row) => row.exchange_rate != null);
  // the sentence names the base and scope the rate was computed on (config exchange; eligible, any school by default)
  const exchange = {denominator: "eligible", scope: "any", ...config.exchange};
  const exchangeParams = {
    year: now.exchange_school_year,
    rate: f.pct(now.exchange_rate),
    target: targetPct(targets.exchange_rate),
    base: w(`exchange.base.${exchange.denominator}`),
    where: w(`exchange.where.${exchange.scope}`)
  };
  const exchangeTrend = {
    ...base,
    filename: "overview_exchange_trend",
    title: w("exchange.title"),
    takeaway:
      checks.exchange.met == null
        ? t(lang, "common.noData")
        : checks.exchange.met
          ? w("exchange.met", exchangeParams)
          : w("exchange.short", {...exchangeParams, pp: f.pp(checks.exchange.shortfall)}),
    rows: years,
    columns: [{name: "exchange_school_year", label: t(lang, "column.school_year")}, {name: "exchange_rate", num: true, format: f.pct}],
    data: years.map((row) => ({x: row.exchange_school_year, series: "rate", value: row.exchange_rate})),
    options: {
      height: 220,
      yFormat: (y) => f.pct(y, 0),
      colors: {rate: LOCALITY_COLORS.urban},
      seriesLabel: () => w("kpi.exchange"),
      targets: [{value: targets.exchange_rate, label: `${t(lang, "common.target")} ${targetPct(targets.exchange_rate)}`}]
    }
  };

  const cvData = trend.flatMap((row) => [
    {x: row.period, series: "primary", value: row.max_cv_primary},
    {x: row.period, series: "junior", value: row.max_cv_junior}
  ]);
  const cvTrend = {
    ...base,
    filename: "overview_cv_trend",
    title: w("cv.title"),
    takeaway: w("cv.takeaway", {
      period: f.period(now.period),
      primary: f.num(now.max_cv_primary, 2),
      junior: f.num(now.max_cv_junior, 2),
      primaryTarget: f.num(targets.cv_primary, 2),
      juniorTarget: f.num(targets.cv_junior, 2)
    }),
    legend: [
      [w("cv.primary"), LOCALITY_COLORS.urban],
      [w("cv.junior"), LOCALITY_COLORS.town],
      [t(lang, "common.target"), STATUS_COLORS.target, true]
    ],
    rows: trend,
    columns: [period(), {name: "max_cv_primary", num: true, format: (x) => f.num(x, 3)}, {name: "max_cv_junior", num: true, format: (x) => f.num(x, 3)}],
    data: cvData,
    options: {
      xLabel: f.period,
      yFormat: (y) => f.num(y, 2),
      yDomain: [0, Math.max(0.6, ...cvData.map((row) => row.value ?? 0))],
      colors: {primary: LOCALITY_COLORS.urban, junior: LOCALITY_COLORS.town},
      seriesLabel: (s) => w(`cv.${s}`),
      targets: [
        {value: targets.cv_primary, label: `${w("cv.primary")} ≤ ${f.num(targets.cv_primary, 2)}`},
        {value: targets.cv_junior, label: `${w("cv.junior")} ≤ ${f.num(targets.cv_junior, 2)}`}
      ]
    }
  };

  // the gap over quarters, from comparable exams only (headline.sql): a point only in a quarter that had a
  // district-wide exam (gap_in_period), one line per grade and subjects, never a value carried into a quarter
  const gapSeries = (row) => `${row.gap_grade}|${row.gap_subjects}`;
  const measured = trend.filter((row) => row.gap_in_period && row.urban_rural_gap != null);
  const gapSeriesKeys = [...new Set(measured.map(gapSeries))].sort((a, b) => Number(a.split("|")[0]) - Number(b.split("|")[0]) || a.localeCompare(b));
  const gapColors = seriesColors(gapSeriesKeys);
  const gradeOf = new Map(measured.map((row) => [gapSeries(row), row.gap_grade]));
  const gapSeriesLabel = (key) => w("gap.series", {grade: gradeName(lang, gradeOf.get(key))});
  const noExam = trend.filter((row) => !row.gap_in_period).length;
  const gapTrend = gapLeftOut ? withheldCard({lang, filename: "overview_gap_trend", title: w("gap.title"), code: gapLeftOut}) : {
    ...base,
    filename: "overview_gap_trend",
    title: w("gap.title"),
    takeaway:
      now.urban_rural_gap == null
        ? w("kpi.gapSubNone")
        : w(now.gap_previous == null ? "gap.takeawayFirst" : "gap.takeaway", gapParams(now, lang)),
    legend: gapSeriesKeys.map((key) => [gapSeriesLabel(key), gapColors[key]]),
    note: w("gap.quarters", {n: f.num(noExam)}),
    rows: trend.map((row) => ({
      period: row.period,
      gap_in_period: w(row.gap_in_period ? "gap.inPeriod" : "gap.noExam"),
      gap_exam_name: row.gap_in_period ? row.gap_exam_name : null,
      gap_grade: row.gap_in_period ? row.gap_grade : null,
      urban_rural_gap: row.gap_in_period ? row.urban_rural_gap : null,
      gap_previous_exam_date: row.gap_in_period ? row.gap_previous_exam_date : null,
      gap_change: row.gap_in_period ? row.gap_change : null,
      gap_exam_id: row.gap_in_period ? row.gap_exam_id : null
    })),
    columns: [
      period(),
      {name: "gap_in_period", label: w("gap.inPeriod")},
      {name: "gap_exam_name", label: t(lang, "column.exam_name"), format: (x) => x ?? "—"},
      {name: "gap_grade", label: t(lang, "column.grade"), format: (x) => (x == null ? "—" : gradeName(lang, x))},
      {name: "urban_rural_gap", num: true, format: (x) => f.signed(x, 3)},
      {name: "gap_previous_exam_date", label: w("gap.previousExam"), format: (x) => (x == null ? "—" : f.date(x))},
      {name: "gap_change", label: w("gap.change"), num: true, format: (x) => f.signed(x, 3)},
      {name: "gap_exam_id", label: t(lang, "column.exam_id"), code: true, format: (x) => x ?? "—"}
    ],
    data: trend.map((row) => {
      const shown = row.gap_in_period && row.urban_rural_gap != null;
      const p = gapParams(row, lang);
      return {
        x: row.period,
        series: shown ? gapSeries(row) : "none",
        value: shown ? row.urban_rural_gap : null,
        title: shown
          ? w("gap.tip", {
              exam: p.exam,
              kind: label(lang, "exam_scope", "district"),
              grade: gradeName(lang, row.gap_grade),
              date: p.date,
              gap: p.gap,
              previous: row.gap_previous == null ? "" : w("gap.tipPrevious", {date: p.previousDate, change: p.change})
            })
          : undefined
      };
    }),
    options: {height: 220, xLabel: f.period, yFormat: (y) => f.num(y, 2), colors: gapColors, seriesLabel: gapSeriesLabel}
  };

  const complianceTrend = {
    ...base,
    filename: "overview_compliance_trend",
    title: w("compliant.title"),
    takeaway: w("compliant.takeaway", {period: f.period(now.period), assessed: f.num(now.n_schools_assessed), compliant: f.num(now.n_compliant_schools)}),
    legend: [
      [w("compliant.schools"), LOCALITY_COLORS.rural],
      [t(lang, "column.n_schools_assessed"), GREYS.total]
    ],
    rows: trend,
    columns: [
      period(),
      {name: "n_compliant_schools", num: true, format: f.num},
      {name: "n_schools_assessed", num: true, format: f.num},
      {name: "n_schools", num: true, format: f.num}
    ],
    data: trend.map((row) => ({x: row.period, part: row.n_compliant_schools, whole: row.n_schools_assessed})),
    options: {xLabel: f.period, colors: {part: LOCALITY_COLORS.rural, whole: GREYS.total}, height: 210}
  };

  return {
    lang,
    title: w("title", {region}),
    lead: w("lead", {
      period: f.period(now.period),
      asOf: f.date(manifest.as_of_date),
      n: f.num(manifest.periods.length),
      first: f.period(manifest.periods[0]),
      last: f.period(manifest.periods.at(-1)),
      at: f.dateTime(manifest.run.finished_at),
      version: manifest.tool.version
    }),
    demo: /demo/i.test(manifest.run?.pseudonym_key ?? "") ? t(lang, "common.demo") : null,
    kpis,
    coverageTrend,
    exchangeTrend,
    cvTrend,
    gapTrend,
    complianceTrend,
    print: w("print")
  };
}

/**
 * The latest headline row's figures against their targets (the overview's and "Your data"'s KPIs): the
 * shares with met / short by n percentage points (targetChecks), the gap, the largest CVs, compliance.
 */
export function headlineKpis(now, targets, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `overview.${key}`, params);
  const checks = targetChecks(now, targets);
  const deadline = targets.coverage_deadline ? f.date(targets.coverage_deadline) : null;
  const targetPct = (x) => f.pct(x, 0);
  const statusText = (check) => (check.met == null ? null : check.met ? w("kpi.met") : w("kpi.short", {pp: f.pp(check.shortfall)}));
  const status = (check) => (check.met == null ? null : check.met ? "ok" : "short");
  const coverageSub = deadline
    ? w("kpi.targetBy", {target: targetPct(targets.coverage_share), deadline})
    : w("kpi.target", {target: targetPct(targets.coverage_share)});
  const shareKpi = (testId, label, check, sub) => ({
    testId,
    label: w(label),
    value: f.pct(check.value),
    progress: check.progress,
    status: status(check),
    statusText: statusText(check),
    sub
  });

  return [
    shareKpi("share_schools_in_group", "kpi.coverage", checks.coverage, coverageSub),
    shareKpi("share_students_in_group", "kpi.students", checks.students, coverageSub),
    shareKpi("exchange_rate", "kpi.exchange", checks.exchange, w("kpi.exchangeSub", {year: now.exchange_school_year, target: targetPct(targets.exchange_rate)})),
    {
      testId: "urban_rural_gap",
      label: w("kpi.gap"),
      value: f.signed(now.urban_rural_gap),
      sub: now.urban_rural_gap == null ? w("kpi.gapSubNone") : w(now.gap_previous == null ? "kpi.gapSubFirst" : "kpi.gapSub", {...gapParams(now, lang), grade: gradeName(lang, now.gap_grade)})
    },
    {
      testId: "max_cv",
      label: w("kpi.cv"),
      value: `${f.num(now.max_cv_primary, 2)} / ${f.num(now.max_cv_junior, 2)}`,
      status: checks.cv.met ? "ok" : "short",
      statusText: w(checks.cv.met ? "kpi.cvMet" : "kpi.cvShort"),
      sub: w("kpi.cvSub", {primary: f.num(targets.cv_primary, 2), junior: f.num(targets.cv_junior, 2)})
    },
    {
      testId: "n_compliant_schools",
      label: w("kpi.compliant"),
      value: f.num(now.n_compliant_schools),
      progress: now.n_schools_assessed ? now.n_compliant_schools / now.n_schools_assessed : null,
      sub: w("kpi.compliantSub", {n: f.num(now.n_schools_assessed)})
    }
  ];
}

/** 六年级 / Grade 6 */
function gradeName(lang, grade) {
  return grade == null ? "—" : label(lang, "grade", String(grade));
}

/** a headline row's gap exam and its previous comparable exam, formatted for the sentences */
function gapParams(row, lang) {
  const f = formats(lang);
  const grade = gradeName(lang, row.gap_grade);
  // the grade inside a sentence: "grade 5" in English
  return {
    exam: row.gap_exam_name ?? row.gap_exam_id ?? "—",
    date: f.date(row.gap_exam_date),
    gap: f.signed(row.urban_rural_gap),
    grade: f.inSentence(grade),
    previousDate: f.date(row.gap_previous_exam_date),
    change: f.signed(row.gap_change)
  };
}
