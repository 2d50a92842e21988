// The gaps page (src/gaps.md): score gaps (urban − rural, urban − town, lead − members) in each exam, inside
// each group against the whole region for one exam, and the between-school share of score variance. Each
// point says which exam it is (name, kind, grade, date). Only district exams are region-wide: a group's joint
// exam is sat by one group's schools, so its "all" row is that group's and is shown only beside the groups.
// Intervals treat schools as clusters; a comparison with fewer than 3 schools on a side is marked.
import {GREYS, SERIES_COLORS, seriesColors} from "../components/colors.js";
import {formats, wording} from "../wording/index.js";
import gapsWording from "../wording/gaps.js";
import {byOrder, COMPARISON_ORDER, SECTION_ORDER, SUBJECT_ORDER} from "./order.js";
import {leftOut, withheldCard} from "./edition.js";

const {label, t} = wording(gapsWording);

/** codes in `order` first, then the rest alphabetically */
const inOrder = (codes, order) => [...new Set(codes)].map((code) => ({code})).sort(byOrder("code", order)).map(({code}) => code);

/**
 * @param {{gaps: object[], variance: object[], groups: {group_id: string, group_name: string}[], exams: object[], edition?: object}} tables
 *   the published urban_rural_gap and score_variance rows, the groups' names, the exams (exams.json), and the
 *   site's edition (edition.json: a public edition configured without exam figures has neither table)
 * @param {{min_n: number}} config
 * @param {"zh"|"en"} lang
 * @returns the page's texts, the comparisons on offer, `at(comparison)` for its cards, and the variance card
 */
export function gapsView({gaps, variance, groups, exams, edition}, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `gaps.${key}`, params);
  const base = {lang, minN: config.min_n};
  const examById = new Map(exams.map((exam) => [exam.exam_id, exam]));
  const groupName = new Map(groups.map((group) => [group.group_id, group.group_name]));
  const subjectLabel = (s) => label(lang, "subject", s);
  const kindLabel = (kind) => (kind ? label(lang, "exam_scope", kind) : "—");
  const section = (grade) => (grade >= 10 ? "senior" : grade >= 7 ? "junior" : "primary");
  /** a row with its exam's name, kind, date and section */
  const withExam = (row) => {
    const exam = examById.get(row.exam_id) ?? {};
    const date = exam.exam_date == null ? null : new Date(exam.exam_date);
    return {...row, exam_name: exam.exam_name ?? row.exam_id, exam_scope: exam.exam_scope ?? null, grade: exam.grade ?? null, exam_date: date, date, facet: section(exam.grade ?? 0)};
  };
  const byDate = (a, b) => (a.date ?? 0) - (b.date ?? 0) || byOrder("subject", SUBJECT_ORDER)(a, b) || String(a.exam_id).localeCompare(String(b.exam_id));
  const hollow = (row) => row.exam_scope != null && row.exam_scope !== "district";
  const examParams = (row) => ({kind: f.inSentence(kindLabel(row.exam_scope)), name: row.exam_name, date: f.date(row.date)});
  const gradeLabel = (grade) => (grade == null ? "—" : label(lang, "grade", String(grade)));
  const isDistrict = (examId) => examById.get(examId)?.exam_scope === "district";
  const colorsOf = seriesColors;
  const examColumns = [
    {name: "exam_date", format: (x) => f.date(x)},
    {name: "exam_name"},
    {name: "exam_scope", format: kindLabel},
    {name: "grade", label: t(lang, "column.grade"), format: gradeLabel},
    {name: "subject", format: subjectLabel}
  ];
  /** the latest exam among `rows` (a district exam when there is one), and that exam's rows in subject order */
  const latestExam = (rows) => {
    const district = rows.filter((row) => row.exam_scope === "district");
    const last = (district.length ? district : rows).at(-1);
    return last ? rows.filter((row) => row.exam_id === last.exam_id) : [];
  };
  // "语文 +0.42、数学 +0.42" / "Chinese +0.42, Mathematics +0.42": values listed, not joined by "and"
  const listing = new Intl.ListFormat(f.locale, {type: "conjunction", style: "narrow"});
  const perSubject = (rows, value) => listing.format(rows.map((row) => w("subjectValue", {subject: subjectLabel(row.subject), value: value(row)})));

  const gapsLeftOut = leftOut(edition, "urban_rural_gap");
  const at = (comparison) => {
    if (gapsLeftOut) {
      const withheld = (filename, title) => withheldCard({lang, filename, title, code: gapsLeftOut});
      return {trend: withheld("gap_over_time", w("trend.title")), keys: [], keyLabel: w("exam"), keyName: String, scopes: () => withheld("gap_by_scope", w("scopes.title"))};
    }
    const name = label(lang, "comparison", comparison);
    const gapCol = (col) => ({name: col, num: true, format: (x) => f.signed(x, 3), suppressed: (row) => row.is_suppressed});
    const gapColumns = [
      gapCol("gap"),
      gapCol("ci_low"),
      gapCol("ci_high"),
      {name: "n_first", num: true, format: f.num},
      {name: "n_second", num: true, format: f.num},
      {name: "n_schools_first", num: true, format: f.num},
      {name: "n_schools_second", num: true, format: f.num},
      {name: "is_few_schools", format: (x) => (x ? w("fewSchools.yes") : "")}
    ];
    const schoolsText = (row) => (row.n_schools_first == null ? "" : w("schools", {first: f.num(row.n_schools_first), second: f.num(row.n_schools_second)}) + (row.is_few_schools ? w("fewSchools.tip") : ""));
    const chartOptions = {yFormat: (y) => f.signed(y), zeroLabel: w("zero"), yLabel: w("axis"), monthFormat: f.month, dateFormat: f.date};

    // region-wide: district exams only (a group joint exam's "all" row covers one group's schools)
    const overall = gaps.filter((row) => row.scope === "all" && row.comparison === comparison && isDistrict(row.exam_id)).map(withExam).sort(byDate);
    const jointLeftOut = gaps.some((row) => row.scope === "all" && row.comparison === comparison && !isDistrict(row.exam_id));
    const shown = overall.filter((row) => !row.is_suppressed && row.gap != null);
    const subjects = inOrder(overall.map((row) => row.subject), SUBJECT_ORDER);
    const colors = colorsOf(subjects);
    const inGroups = gaps.filter((row) => row.scope === "group" && row.comparison === comparison);
    const latest = latestExam(shown);
    const trend = {
      ...base,
      filename: `gap_${comparison}_over_time`,
      title: w("trend.title"),
      takeaway: latest.length
        ? f.sentences([
            w("trend.latest", {comparison: name, ...examParams(latest[0]), gaps: perSubject(latest, (row) => f.signed(row.gap))}),
            latest.some((row) => row.is_few_schools) ? w("fewSchools.takeaway") : ""
          ])
        : overall.length
          ? t(lang, "common.sideSuppressed", {n: config.min_n})
          : inGroups.length
            ? w("trend.inGroupsOnly")
            : t(lang, "common.noData"),
      legend: subjects.map((s) => [subjectLabel(s), colors[s]]),
      note: f.sentences([w("trend.comparable"), jointLeftOut ? w("trend.jointLeftOut") : ""]),
      rows: overall,
      columns: [...examColumns, ...gapColumns, {name: "exam_id"}],
      data: shown.length
        ? overall.map((row) => ({
            date: row.date,
            series: row.subject,
            facet: row.facet,
            exam_id: row.exam_id,
            gap: row.is_suppressed ? null : row.gap,
            ci_low: row.ci_low,
            ci_high: row.ci_high,
            hollow: hollow(row),
            title: w("tip", {...examParams(row), kind: kindLabel(row.exam_scope), grade: gradeLabel(row.grade), subject: subjectLabel(row.subject), value: f.signed(row.gap), low: f.signed(row.ci_low), high: f.signed(row.ci_high), schools: schoolsText(row)})
          }))
        : null,
      options: {...chartOptions, series: subjects, facets: SECTION_ORDER, colors, seriesLabel: subjectLabel, facetLabel: (s) => label(lang, "section", s)}
    };

    // the exams and subjects where the comparison exists inside groups, latest first
    const keyRows = new Map();
    for (const row of inGroups.map(withExam)) keyRows.set(`${row.exam_id}|${row.subject}`, row);
    const keys = [...keyRows.entries()].sort(([, a], [, b]) => -byDate(a, b)).map(([key]) => key);
    const keyName = (key) => {
      const row = keyRows.get(key);
      return w("examOption", {date: f.date(row.date), kind: kindLabel(row.exam_scope), name: row.exam_name, subject: subjectLabel(row.subject)});
    };

    const scopes = (key) => {
      const [examId, subject] = (key ?? "|").split("|");
      const rows = gaps
        // a joint exam's "all" row is its group's own: only a district exam has a region-wide row
        .filter((row) => row.exam_id === examId && row.subject === subject && row.comparison === comparison && (row.scope === "group" || (row.scope === "all" && isDistrict(examId))))
        .map((row) => ({...row, name: row.scope === "all" ? label(lang, "scope", "all") : groupName.get(row.scope_id) ?? row.scope_id}))
        .sort((a, b) => (b.scope === "all") - (a.scope === "all") || (b.gap ?? -Infinity) - (a.gap ?? -Infinity));
      const region = rows.find((row) => row.scope === "all");
      const published = rows.filter((row) => row.scope === "group" && !row.is_suppressed && row.gap != null).map((row) => row.gap);
      const hidden = rows.filter((row) => row.scope === "group" && row.is_suppressed).length;
      const exam = {exam: keyRows.get(key)?.exam_name ?? examId, subject: subjectLabel(subject)};
      const lead = region && !region.is_suppressed ? w("scopes.region", {...exam, gap: f.signed(region.gap)}) : w("scopes.noRegion", exam);
      const inside =
        published.length === 0
          ? w("scopes.groupsNone")
          : published.length === 1
            ? w("scopes.groupsOne", {gap: f.signed(published[0])})
            : w("scopes.groupsRange", {low: f.signed(Math.min(...published)), high: f.signed(Math.max(...published))});
      const drawn = rows.filter((row) => !row.is_suppressed && row.gap != null);
      return {
        ...base,
        filename: `gap_${comparison}_${examId}_${subject}_by_scope`,
        title: w("scopes.title"),
        takeaway: rows.length ? f.sentences([lead + inside, hidden ? w("scopes.hidden", {n: f.num(hidden), minN: config.min_n}) : ""]) : t(lang, "common.noData"),
        note: drawn.some((row) => row.is_few_schools) ? w("fewSchools.note") : undefined,
        rows,
        columns: [{name: "name", label: t(lang, "column.scope_id")}, ...gapColumns],
        data: drawn.length
          ? drawn.map((row) => ({label: row.is_few_schools ? w("fewSchools.mark", {name: row.name}) : row.name, value: row.gap, low: row.ci_low, high: row.ci_high, color: row.scope === "all" ? GREYS.ink : SERIES_COLORS[0]}))
          : null,
        options: {valueFormat: (x) => f.signed(x), colorOf: (row) => row.color, rowHeight: 28, xLabel: w("axis"), zeroLabel: w("zero")}
      };
    };
    return {trend, keys, keyLabel: w("exam"), keyName, scopes};
  };

  const varianceRows = variance.map(withExam).sort(byDate);
  const varianceShown = varianceRows.filter((row) => !row.is_suppressed && row.between_school_share != null);
  const varianceSubjects = inOrder(varianceRows.map((row) => row.subject), SUBJECT_ORDER);
  const varianceColors = colorsOf(varianceSubjects);
  const latestVariance = latestExam(varianceShown);
  const share = (x) => f.pct(x);
  const varianceCard = {
    ...base,
    filename: "score_variance",
    title: w("variance.title"),
    takeaway: latestVariance.length
      ? w("variance.takeaway", {...examParams(latestVariance[0]), shares: perSubject(latestVariance, (row) => share(row.between_school_share))})
      : t(lang, "common.noData"),
    legend: varianceSubjects.map((s) => [subjectLabel(s), varianceColors[s]]),
    note: varianceShown.some(hollow) ? w("points") : undefined,
    rows: varianceRows,
    columns: [
      ...examColumns,
      {name: "county"},
      {name: "n_schools", num: true, format: f.num},
      {name: "n_students", num: true, format: f.num},
      {name: "between_school_share", num: true, format: share, suppressed: (row) => row.is_suppressed},
      {name: "exam_id"}
    ],
    data: varianceShown.length
      ? varianceShown.map((row) => ({
          date: row.date,
          series: row.subject,
          facet: row.facet,
          exam_id: row.exam_id,
          value: row.between_school_share,
          hollow: hollow(row),
          title: w("variance.tip", {...examParams(row), kind: kindLabel(row.exam_scope), subject: subjectLabel(row.subject), value: share(row.between_school_share)})
        }))
      : null,
    options: {y: "value", yFormat: (y) => f.pct(y, 0), yLabel: t(lang, "column.between_school_share"), monthFormat: f.month, dateFormat: f.date,
      series: varianceSubjects, facets: SECTION_ORDER, colors: varianceColors, seriesLabel: subjectLabel, facetLabel: (s) => label(lang, "section", s)}
  };

  const varianceLeftOut = leftOut(edition, "score_variance");
  const comparisons = inOrder(gaps.map((row) => row.comparison), COMPARISON_ORDER);
  return {
    lang,
    title: w("title"),
    lead: w("lead"),
    comparisons,
    comparisonLabel: w("comparison"),
    comparisonName: (code) => label(lang, "comparison", code),
    at,
    variance: varianceLeftOut ? withheldCard({lang, filename: "score_variance", title: w("variance.title"), code: varianceLeftOut}) : varianceCard
  };
}
