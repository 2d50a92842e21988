// The balance page (src/balance.md): the seven resource indicators per school against their standards,
// the county coefficients of variation, the Theil decomposition and the rural/urban ratio, for a chosen
// period and section.
import {GREYS, LOCALITY_COLORS, STATUS_COLORS} from "../components/colors.js";
import {formats, wording} from "../wording/index.js";
import balanceWording from "../wording/balance.js";

const {label, t} = wording(balanceWording);

/** the compliance rule of pipelines/models/marts/school_resources.sql (which decides is_compliant): at least
 * six of the seven indicators met and none below 85% of its standard; the chart colours cells by it */
export const COMPLIANCE = {minMet: 6, near: 0.85};

const SECTIONS = ["primary", "junior"];

/** a school's value against its standard: met, near (≥ 85%), below, or missing */
export function indicatorStatus(value, threshold) {
  if (value == null) return "missing";
  return value >= threshold ? "met" : value >= COMPLIANCE.near * threshold ? "near" : "below";
}

/**
 * @param {{resources: object[], cv: object[], theil: object[], gap: object[]}} tables school_resources,
 *   resource_cv (county scope), resource_theil and resource_gap rows
 * @param {{min_n: number, targets: object, indicator_thresholds: Record<string, Record<string, number>>}} config
 * @param {"zh"|"en"} lang
 */
export function balanceView({resources, cv, theil, gap}, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `balance.${key}`, params);
  const base = {lang, minN: config.min_n};
  const indicators = Object.keys(config.indicator_thresholds.primary);
  const byIndicator = (a, b) => indicators.indexOf(a.indicator) - indicators.indexOf(b.indicator);
  const short = (indicator) => label(lang, "indicator_short", indicator);
  const long = (indicator) => label(lang, "indicator", indicator);
  // NULL (a one-school group's CV, a compliance a missing value decides) is undecided: "—", never "no"
  const yesNo = (x) => (x === null || x === undefined ? "—" : t(lang, x ? "common.yes" : "common.no"));
  const near = f.pct(COMPLIANCE.near, 0);
  const statusColors = {met: STATUS_COLORS.ok, near: STATUS_COLORS.near, below: STATUS_COLORS.short, missing: GREYS.total};
  // equipment is in yuan per student: no decimals
  const value = (indicator, x) => f.num(x, indicator === "equipment_per_student" ? 0 : 2);

  const at = (period, section) => {
    const sectionName = label(lang, "section", section);
    const thresholds = config.indicator_thresholds[section];

    const schools = resources
      .filter((row) => row.period === period && row.section === section)
      .sort((a, b) => b.n_met - a.n_met || a.school_name.localeCompare(b.school_name, "zh"));
    const compliance = {
      ...base,
      filename: `school_resources_${period}_${section}`,
      title: w("compliance.title"),
      takeaway: w("compliance.takeaway", {
        period: f.period(period),
        n: f.num(schools.length),
        k: f.num(schools.filter((row) => row.is_compliant).length),
        section: f.inSentence(sectionName),
        minMet: COMPLIANCE.minMet,
        near
      }),
      legend: [
        [w("compliance.met"), statusColors.met],
        [w("compliance.near", {near}), statusColors.near],
        [w("compliance.below", {near}), statusColors.below]
      ],
      rows: schools,
      columns: [
        {name: "school_name"},
        {name: "locality", format: (x) => label(lang, "locality", x)},
        ...indicators.map((indicator) => ({
          name: indicator,
          label: `${short(indicator)} ≥${f.num(thresholds[indicator], 1)}`,
          num: true,
          format: (x) => value(indicator, x)
        })),
        {name: "n_met", num: true},
        {name: "is_compliant", format: yesNo}
      ],
      data: schools.flatMap((row) =>
        indicators.map((indicator) => ({
          row: row.school_name,
          column: indicator,
          color: statusColors[indicatorStatus(row[indicator], thresholds[indicator])],
          title: w("compliance.cell", {school: row.school_name, indicator: long(indicator), value: value(indicator, row[indicator]), threshold: f.num(thresholds[indicator], 1)})
        }))
      ),
      options: {rows: schools.map((row) => row.school_name), columns: indicators, columnLabel: short}
    };

    const cvRows = cv.filter((row) => row.period === period && row.section === section && row.scope === "county").sort(byIndicator);
    const threshold = cvRows[0]?.threshold ?? (section === "primary" ? config.targets.cv_primary : config.targets.cv_junior);
    const worst = [...cvRows].sort((a, b) => b.cv - a.cv)[0];
    const cvCard = {
      ...base,
      filename: `resource_cv_${period}_${section}`,
      title: w("cv.title"),
      takeaway: worst
        ? w("cv.takeaway", {
            n: f.num(cvRows.length),
            k: f.num(cvRows.filter((row) => row.meets).length),
            threshold: f.num(threshold, 2),
            county: worst.scope_id,
            indicator: short(worst.indicator),
            cv: f.num(worst.cv, 2)
          })
        : t(lang, "common.noData"),
      legend: [
        [w("cv.legend"), STATUS_COLORS.ok],
        [`${t(lang, "common.target")} ≤ ${f.num(threshold, 2)}`, STATUS_COLORS.target, true]
      ],
      rows: cvRows,
      columns: [
        {name: "scope_id", label: t(lang, "column.county")},
        {name: "indicator", format: long},
        {name: "n_schools", num: true},
        {name: "mean", num: true, format: (x) => f.num(x, 2)},
        {name: "cv", num: true, format: (x) => f.num(x, 3)},
        {name: "threshold", num: true, format: (x) => f.num(x, 2)},
        {name: "meets", format: yesNo}
      ],
      data: cvRows.map((row) => ({
        key: `${row.scope_id} · ${short(row.indicator)}`,
        value: row.cv,
        color: row.meets ? STATUS_COLORS.ok : STATUS_COLORS.short,
        title: `${long(row.indicator)}: ${f.num(row.cv, 3)}`
      })),
      options: {
        limit: threshold,
        limitLabel: `${t(lang, "common.target")} ≤ ${f.num(threshold, 2)}`,
        domain: [0, Math.max(0.6, ...cvRows.map((row) => row.cv))],
        format: (x) => f.num(x, 2)
      }
    };

    const theilRows = theil.filter((row) => row.period === period && row.section === section && row.theil != null);
    const meanShare = (rows) => rows.reduce((sum, row) => sum + (row.between_share ?? 0), 0) / Math.max(1, rows.length);
    const partLabel = (part) => w(`theil.${part}`);
    const theilCard = {
      ...base,
      filename: `resource_theil_${period}_${section}`,
      title: w("theil.title"),
      takeaway: theilRows.length
        ? w("theil.takeaway", {
            group: f.pct(meanShare(theilRows.filter((row) => row.partition === "group")), 0),
            locality: f.pct(meanShare(theilRows.filter((row) => row.partition === "locality")), 0)
          })
        : t(lang, "common.noData"),
      legend: [
        [partLabel("within"), GREYS.none],
        [partLabel("between"), STATUS_COLORS.target]
      ],
      rows: theilRows,
      columns: [
        {name: "county"},
        {name: "partition", format: (x) => label(lang, "partition", x)},
        {name: "indicator", format: long},
        {name: "theil", num: true, format: (x) => f.num(x, 4)},
        {name: "within", num: true, format: (x) => f.num(x, 4)},
        {name: "between", num: true, format: (x) => f.num(x, 4)},
        {name: "between_share", num: true, format: f.pct}
      ],
      data: theilRows.flatMap((row) =>
        ["within", "between"].map((part) => ({
          indicator: row.indicator,
          partition: row.partition,
          part,
          value: row[part],
          title: `${long(row.indicator)}\n${partLabel(part)}: ${f.num(row[part], 4)} (${f.pct(row.between_share)})`
        }))
      ),
      options: {
        indicators,
        indicatorLabel: short,
        partitions: ["group", "locality"],
        partitionLabel: (p) => label(lang, "partition", p),
        colors: {within: GREYS.none, between: STATUS_COLORS.target},
        format: (x) => f.num(x, 3)
      }
    };

    const gapRows = gap.filter((row) => row.period === period && row.section === section).sort(byIndicator);
    const withRatio = gapRows.filter((row) => row.rural_to_urban_ratio != null);
    const ordered = [...withRatio].sort((a, b) => a.rural_to_urban_ratio - b.rural_to_urban_ratio);
    const gapCard = {
      ...base,
      filename: `resource_gap_${period}_${section}`,
      title: w("gap.title"),
      takeaway: withRatio.length
        ? w("gap.takeaway", {
            section: f.inSentence(sectionName),
            low: f.pct(ordered[0].rural_to_urban_ratio, 0),
            lowIndicator: short(ordered[0].indicator),
            high: f.pct(ordered.at(-1).rural_to_urban_ratio, 0),
            highIndicator: short(ordered.at(-1).indicator)
          })
        : w("gap.noRural"),
      legend: withRatio.length
        ? [
            [label(lang, "locality", "rural"), LOCALITY_COLORS.rural],
            [w("gap.urban"), LOCALITY_COLORS.urban]
          ]
        : null,
      rows: gapRows,
      columns: [
        {name: "county"},
        {name: "indicator", format: long},
        {name: "urban_mean", num: true, format: (x) => f.num(x, 2)},
        {name: "town_mean", num: true, format: (x) => f.num(x, 2)},
        {name: "rural_mean", num: true, format: (x) => f.num(x, 2)},
        {name: "rural_to_urban_ratio", num: true, format: f.pct}
      ],
      ...(withRatio.length
        ? {
            data: withRatio.map((row) => ({key: short(row.indicator), value: row.rural_to_urban_ratio, text: f.pct(row.rural_to_urban_ratio, 0), title: long(row.indicator)})),
            options: {reference: 1, color: LOCALITY_COLORS.rural, referenceColor: LOCALITY_COLORS.urban, format: (x) => f.pct(x, 0)}
          }
        : {})
    };

    return {compliance, cv: cvCard, theil: theilCard, gap: gapCard};
  };

  return {
    lang,
    title: w("title"),
    lead: w("lead", {primary: f.num(config.targets.cv_primary, 2), junior: f.num(config.targets.cv_junior, 2)}),
    periods: [...new Set(resources.map((row) => row.period))].sort().reverse(),
    periodLabel: t(lang, "common.period"),
    periodName: f.period,
    sections: SECTIONS,
    sectionLabel: t(lang, "common.section"),
    sectionName: (section) => label(lang, "section", section),
    at
  };
}
