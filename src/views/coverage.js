// The coverage page (src/coverage.md): schools and students in groups by county, locality and stage for a
// chosen period, weak schools, the trend by locality, and the schools still in no group.
import {GREYS, LOCALITY_COLORS} from "../components/colors.js";
import {formats, wording} from "../wording/index.js";
import coverageWording from "../wording/coverage.js";
import {byOrder, LOCALITY_ORDER, STAGE_ORDER} from "./order.js";

const {label, t} = wording(coverageWording);

const DIMENSIONS = ["county", "stage", "locality", "ownership"];

/**
 * @param {{coverage: object[], uncovered: object[]}} tables the published coverage and uncovered_schools rows
 * @param {{min_n: number, targets: {coverage_share: number}}} config
 * @param {"zh"|"en"} lang
 * @returns the page's static texts and trend card, the periods (latest first) and `at(period)` for the rest
 */
export function coverageView({coverage, uncovered}, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `coverage.${key}`, params);
  const base = {lang, minN: config.min_n};
  const labelOf = (kind) => (code) => (kind === "county" ? code : label(lang, kind, code));
  const shareColumns = (key) => [
    {name: key, format: labelOf(key)},
    {name: "n_schools_in_group", num: true, format: f.num},
    {name: "n_schools", num: true, format: f.num},
    {name: "share_schools", num: true, format: f.pct},
    {name: "n_students_in_group", num: true, format: f.num},
    {name: "n_students", num: true, format: f.num},
    {name: "share_students", num: true, format: f.pct}
  ];
  // two bars per category, schools and students, as coverageChart draws them
  const chartOptions = (key, colorOf) => ({
    category: key,
    label: labelOf(key),
    pct: (x) => f.pct(x, 0),
    measureLabel: (m) => w(m),
    ...(colorOf ? {colorOf} : {})
  });
  const localityLegend = LOCALITY_ORDER.map((code) => [label(lang, "locality", code), LOCALITY_COLORS[code]]);
  const measureLegend = [
    [w("schools"), GREYS.series],
    [w("students"), GREYS.seriesFaint]
  ];
  const below = (row, total) => f.pp(total.share_schools - row.share_schools);

  /** the rows of one breakdown: `where` maps a dimension to a code, "*" (every code but "all") or nothing ("all") */
  const slice = (rows, where) => rows.filter((row) => DIMENSIONS.every((key) => (where[key] === "*" ? row[key] !== "all" : row[key] === (where[key] ?? "all"))));

  const at = (period) => {
    const inPeriod = coverage.filter((row) => row.period === period);
    const total = slice(inPeriod, {})[0];
    const byCounty = slice(inPeriod, {county: "*"}).sort((a, b) => a.county.localeCompare(b.county, "zh"));
    const byLocality = slice(inPeriod, {locality: "*"}).sort(byOrder("locality", LOCALITY_ORDER));
    const byStage = slice(inPeriod, {stage: "*"}).sort(byOrder("stage", STAGE_ORDER));
    const lowestOf = (rows) => rows.filter((row) => row.n_schools > 0 && row.share_schools < 1).sort((a, b) => a.share_schools - b.share_schools || b.n_schools - a.n_schools)[0];

    const lowestCounty = byCounty.length > 1 ? lowestOf(byCounty) : null;
    const countyTakeaway = f.sentences([
      w("county.total", {period: f.period(period), n: f.num(total.n_schools), k: f.num(total.n_schools_in_group), share: f.pct(total.share_schools), students: f.pct(total.share_students)}),
      // a school in a group by some sections (学部) only: its other sections' students are uncovered
      total.n_schools_partly_in_group > 0 ? w("county.partly", {k: f.num(total.n_schools_partly_in_group)}) : "",
      lowestCounty && lowestCounty.share_schools < total.share_schools
        ? w("county.lowest", {county: lowestCounty.county, share: f.pct(lowestCounty.share_schools), pp: below(lowestCounty, total)})
        : ""
    ]);

    const lowestLocality = lowestOf(byLocality);

    // stages with none of their schools in a group are named first: they are the work still to do
    const noneIn = byStage.filter((row) => row.n_schools > 0 && row.n_schools_in_group === 0);
    const partial = lowestOf(byStage.filter((row) => row.n_schools_in_group > 0));
    const stageParams = (row) => ({stage: label(lang, "stage", row.stage), n: f.num(row.n_schools), k: f.num(row.n_schools_in_group), share: f.pct(row.share_schools), pp: below(row, total)});
    const stageSentences = [
      noneIn.length ? w("stage.noneIn", {stages: f.list(noneIn.map((row) => f.inSentence(label(lang, "stage", row.stage)))), n: f.num(noneIn.reduce((sum, row) => sum + row.n_schools, 0))}) : "",
      partial ? (noneIn.length ? w("stage.otherLowest", {...stageParams(partial), stage: f.inSentence(label(lang, "stage", partial.stage))}) : w("stage.lowest", stageParams(partial))) : ""
    ].filter(Boolean);

    const weakRows = [total, ...byLocality].filter((row) => row.n_weak > 0);
    const list = uncovered
      .filter((row) => row.period === period)
      .sort((a, b) => Number(b.is_weak) - Number(a.is_weak) || LOCALITY_ORDER.indexOf(b.locality) - LOCALITY_ORDER.indexOf(a.locality) || b.n_students - a.n_students);

    return {
      byCounty: {
        ...base,
        filename: `coverage_by_county_${period}`,
        title: w("county.title"),
        takeaway: countyTakeaway,
        legend: measureLegend,
        rows: byCounty,
        columns: shareColumns("county"),
        data: byCounty,
        options: chartOptions("county")
      },
      byLocality: {
        ...base,
        filename: `coverage_by_locality_${period}`,
        title: w("locality.title"),
        takeaway: lowestLocality
          ? w("locality.lowest", {locality: label(lang, "locality", lowestLocality.locality), schools: f.pct(lowestLocality.share_schools), students: f.pct(lowestLocality.share_students)})
          : byLocality.length ? w("locality.allIn") : t(lang, "common.noData"),
        legend: localityLegend,
        rows: byLocality,
        columns: shareColumns("locality"),
        data: byLocality,
        options: chartOptions("locality", (row) => LOCALITY_COLORS[row.locality] ?? GREYS.series)
      },
      byStage: {
        ...base,
        filename: `coverage_by_stage_${period}`,
        title: w("stage.title"),
        takeaway: stageSentences.length ? f.sentences(stageSentences) : byStage.length ? w("stage.allIn") : t(lang, "common.noData"),
        legend: measureLegend,
        rows: byStage,
        columns: shareColumns("stage"),
        data: byStage,
        options: chartOptions("stage")
      },
      weak: {
        ...base,
        filename: `coverage_weak_${period}`,
        title: w("weak.title"),
        takeaway: total.n_weak ? w("weak.takeaway", {n: f.num(total.n_weak), k: f.num(total.n_weak_in_group), share: f.pct(total.share_weak)}) : t(lang, "common.noData"),
        rows: weakRows,
        columns: [
          {name: "locality", format: labelOf("locality")},
          {name: "n_weak_in_group", num: true, format: f.num},
          {name: "n_weak", num: true, format: f.num},
          {name: "share_weak", num: true, format: f.pct}
        ],
        data: weakRows.map((row) => ({
          key: row.locality,
          label: labelOf("locality")(row.locality),
          share: row.share_weak,
          text: `${row.n_weak_in_group} / ${row.n_weak}`,
          color: LOCALITY_COLORS[row.locality] ?? GREYS.series
        })),
        options: {format: (x) => f.pct(x, 0)}
      },
      list: {
        ...base,
        filename: `uncovered_schools_${period}`,
        title: w("list.title"),
        takeaway: list.length
          ? w("list.takeaway", {date: f.date(list[0].as_of_date), n: f.num(list.length), students: f.num(list.reduce((sum, row) => sum + row.n_students, 0)), weak: f.num(list.filter((row) => row.is_weak).length)})
          : w("list.none"),
        rows: list,
        columns: [
          {name: "school_name"},
          {name: "county"},
          {name: "stage", format: labelOf("stage")},
          {name: "locality", format: labelOf("locality")},
          {name: "ownership", format: labelOf("ownership")},
          {name: "n_students", num: true, format: f.num},
          {name: "is_weak", format: (x) => (x ? t(lang, "common.yes") : "")}
        ]
      }
    };
  };

  const trendRows = coverage
    .filter((row) => row.county === "all" && row.stage === "all" && row.ownership === "all" && row.locality !== "all")
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) || byOrder("locality", LOCALITY_ORDER)(a, b));
  const periodsAsc = [...new Set(trendRows.map((row) => row.period))].sort();
  const firstPeriod = periodsAsc[0];
  const lastPeriod = periodsAsc.at(-1);
  const gains = LOCALITY_ORDER.map((code) => {
    const from = trendRows.find((row) => row.period === firstPeriod && row.locality === code);
    const to = trendRows.find((row) => row.period === lastPeriod && row.locality === code);
    return from && to ? {code, from: from.share_schools, to: to.share_schools, gain: to.share_schools - from.share_schools} : null;
  }).filter(Boolean);
  const most = gains.sort((a, b) => b.gain - a.gain)[0];

  const periods = [...new Set(coverage.map((row) => row.period))].sort().reverse();
  return {
    lang,
    title: w("title"),
    lead: w("lead"),
    periods,
    periodLabel: t(lang, "common.period"),
    periodName: f.period,
    at,
    trend: {
      ...base,
      filename: "coverage_trend_by_locality",
      title: w("trend.title"),
      takeaway: !most
        ? t(lang, "common.noData")
        : most.gain > 0
          ? w("trend.rose", {first: f.period(firstPeriod), locality: label(lang, "locality", most.code), from: f.pct(most.from), to: f.pct(most.to), pp: f.pp(most.gain)})
          : w("trend.flat", {first: f.period(firstPeriod)}),
      legend: localityLegend,
      rows: trendRows,
      columns: [{name: "period", format: f.period}, ...shareColumns("locality")],
      data: trendRows.map((row) => ({x: row.period, series: row.locality, value: row.share_schools})),
      options: {
        xLabel: f.period,
        yFormat: (y) => f.pct(y, 0),
        yDomain: [0, 1],
        colors: LOCALITY_COLORS,
        seriesLabel: (s) => label(lang, "locality", s),
        targets: [{value: config.targets.coverage_share, label: t(lang, "common.target")}]
      }
    }
  };
}
