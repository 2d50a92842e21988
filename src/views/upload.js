// "Your data" (src/upload.md): the words of the drop zone and the run's progress (uploadWords), then, once
// the dropped files went through the pipeline's own code in this browser, what was read, the rejects, the
// headline KPIs against the targets (the overview's), coverage by locality (the coverage page's card), the
// urban–rural gap and the latest value-added (uploadView).
import {BAND_COLORS, seriesColors} from "../components/colors.js";
import {formats, wording} from "../wording/index.js";
import uploadWording from "../wording/upload.js";
import {coverageView} from "./coverage.js";
import {headlineKpis} from "./overview.js";

const {label, t} = wording(uploadWording);

/** how many rejects the table shows; the CSV download holds them all */
export const REJECTS_SHOWN = 200;

/** @param {"zh"|"en"} lang */
export function uploadWords(lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `upload.${key}`, params);
  return {
    lang,
    title: w("title"),
    lead: w("lead"),
    contract: w("contract"),
    local: w("local"),
    loosePeriod: w("loosePeriod"),
    // the drop zone's and the progress list's words
    text: {
      drop: w("drop"),
      hint: w("hint"),
      chooseFolder: w("chooseFolder"),
      chooseFiles: w("chooseFiles"),
      rows: (n) => w("progress.rows", {n: f.num(n)}),
      checking: (file) => w("progress.checking", {file}),
      models: (done, total) => w("progress.models", {done, total}),
      starting: w("progress.starting"),
      wasm: (bytes) => w("progress.wasm", {mb: f.num(bytes / 1e6, 1)})
    },
    problems: {title: w("problems.title"), lead: w("problems.lead"), again: w("again")}
  };
}

/**
 * @param {{result: {files: object[], warnings: {zh: string, en: string}[], rejects: object[]}, marts: Record<string, object[]>, ms: number, contract: object}} tables
 *   the run (runUpload), the time from the drop to now, and the data contract (contract.json: column and reason names)
 * @param {object} config the dropped junheng.config.json as the pipeline read it (its defaults when none)
 * @param {"zh"|"en"} lang
 */
export function uploadView({result, marts, ms, contract}, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `upload.${key}`, params);
  const base = {lang, minN: config.min_n};
  const sum = (rows, key) => rows.reduce((total, row) => total + row[key], 0);

  const files = result.files;
  const rowColumn = (name) => ({name, label: w(`file.${name}`), num: true, format: f.num});
  const filesCard = {
    ...base,
    filename: "upload_files",
    title: w("files.title"),
    takeaway: w("files.takeaway", {
      files: f.num(files.length),
      read: f.num(sum(files, "rows_read")),
      loaded: f.num(sum(files, "rows_loaded")),
      rejected: f.num(sum(files, "rows_rejected")),
      s: f.num(ms / 1000, 1)
    }),
    rows: files,
    columns: [{name: "name", label: w("file.name")}, {name: "encoding", label: w("file.encoding")}, rowColumn("rows_read"), rowColumn("rows_loaded"), rowColumn("rows_rejected")]
  };

  // the rejects in the reader's words: the column as the dropped file's header named it (在校生数); where the
  // file used the contract's own English name, the contract's name of it in the page's language
  const rejects = result.rejects;
  const columnName = (row) => {
    const contractName = row.contract_column ?? row.column;
    if (row.column !== contractName) return row.column;
    return contract.files[row.file.replace(/\.(csv|tsv|txt|xlsx)$/i, "")]?.columns.find((column) => column.name === contractName)?.description[lang] ?? row.column;
  };
  const rejectColumns = [
    {name: "period", label: w("reject.period"), format: f.period},
    {name: "file", label: w("reject.file"), format: (file, row) => (row.sheet ? `${file} [${row.sheet}]` : file)},
    {name: "line", label: w("reject.line"), num: true, format: f.num},
    {name: "column", label: w("reject.column"), format: (_, row) => columnName(row)},
    {name: "value", label: w("reject.value")},
    {name: `message_${lang}`, label: w("reject.message")}
  ];
  const rejectsCard = {
    ...base,
    filename: "upload_rejects",
    title: w("rejects.title"),
    takeaway: !rejects.length
      ? w("rejects.none")
      : rejects.length > REJECTS_SHOWN
        ? w("rejects.first", {n: f.num(rejects.length), shown: f.num(REJECTS_SHOWN)})
        : w("rejects.all", {n: f.num(rejects.length)}),
    open: true,
    rows: rejects.slice(0, REJECTS_SHOWN),
    columns: rejectColumns
  };
  // every reject, with the reason code and both messages (the CSV a data clerk fixes the files from)
  const rejectsAll = rejects.length
    ? {
        ...base,
        filename: "upload_rejects_all",
        label: w("rejects.download", {n: f.num(rejects.length)}),
        rows: rejects,
        // rejects.csv's bilingual headers (`行号 line`): REJECT_COLUMNS of pipelines/contract.ts, which the site's
        // contract.json carries (docs/data-contract.md)
        columns: Object.entries(contract.reject_columns).map(([name, zh]) => ({name, csvHeader: `${zh} ${name}`}))
      }
    : null;

  const headline = marts.headline.filter((row) => row.county === "all").sort((a, b) => (a.period < b.period ? -1 : 1));
  const now = headline.at(-1) ?? null;
  const period = now?.period;
  const metrics = now ? {title: w("metrics", {period: f.period(period)}), period, headline: now, kpis: headlineKpis(now, config.targets, lang)} : null;
  const byLocality = now
    ? {...coverageView({coverage: marts.coverage, uncovered: []}, config, lang).at(period).byLocality, filename: `upload_coverage_${period}`}
    : null;

  return {
    lang,
    files: filesCard,
    warnings: result.warnings.length ? {title: w("warnings"), items: result.warnings.map((warning) => warning[lang] ?? warning.zh)} : null,
    rejects: rejectsCard,
    rejectsAll,
    metrics,
    byLocality,
    gap: now ? gapCard(marts, config, lang) : null,
    valueAdded: now ? valueAddedCard(marts, config, lang) : null
  };
}

/** the urban − rural gap per exam and subject, region-wide: district exams only (a group's joint exam covers one
 * group's schools, docs/metrics.md); the takeaway reads the latest exam */
function gapCard(marts, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `upload.${key}`, params);
  const exams = new Map(marts.exams.map((exam) => [exam.exam_id, exam]));
  const rows = marts.urban_rural_gap
    .filter((row) => row.scope === "all" && row.comparison === "urban_rural" && exams.get(row.exam_id)?.exam_scope === "district")
    .map((row) => {
      const exam = exams.get(row.exam_id);
      return {...row, date: new Date(exam?.exam_date), exam_name: exam?.exam_name ?? row.exam_id, series: row.subject, facet: (exam?.grade ?? 0) >= 7 ? "junior" : "primary"};
    })
    .sort((a, b) => a.date - b.date || a.subject.localeCompare(b.subject, "zh"));
  // in gapChart's order, so that the legend's colours are the chart's
  const subjects = [...new Set(rows.filter((row) => row.gap != null).map((row) => row.subject))].sort();
  const colors = seriesColors(subjects);
  const published = rows.filter((row) => !row.is_suppressed && row.gap != null);
  const last = published.at(-1);
  const latest = last ? published.filter((row) => row.exam_id === last.exam_id) : [];
  const gapColumn = (name) => ({name, num: true, format: (x) => f.signed(x, 3), suppressed: (row) => row.is_suppressed});
  return {
    lang,
    minN: config.min_n,
    filename: "upload_gap_urban_rural",
    title: w("gap.title"),
    takeaway: last
      ? w("gap.latest", {exam: last.exam_name, date: f.date(last.date), gaps: f.list(latest.map((row) => `${label(lang, "subject", row.subject)} ${f.signed(row.gap)}`))})
      : rows.length
        ? t(lang, "common.sideSuppressed", {n: f.num(config.min_n)})
        : t(lang, "common.noData"),
    legend: subjects.map((s) => [label(lang, "subject", s), colors[s]]),
    rows,
    columns: [
      {name: "exam_id"},
      {name: "exam_date", csv: (row) => row.date.toISOString().slice(0, 10), format: (_, row) => f.date(row.date)},
      {name: "subject", format: (x) => label(lang, "subject", x)},
      gapColumn("gap"),
      gapColumn("ci_low"),
      gapColumn("ci_high")
    ],
    // nothing to draw when every gap is suppressed: the card keeps its takeaway and table, no empty axis (as gaps.js)
    data: published.length ? rows.map((row) => (row.is_suppressed ? {...row, gap: null} : row)) : null,
    options: {dateFormat: f.date, monthFormat: f.month, yFormat: (y) => f.signed(y), seriesLabel: (s) => label(lang, "subject", s), facetLabel: (x) => label(lang, "section", x)}
  };
}

/** the latest exam pair's first subject, as the value-added page opens on: schools with their intervals */
function valueAddedCard(marts, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `upload.${key}`, params);
  const exams = new Map(marts.exams.map((exam) => [exam.exam_id, exam]));
  const schools = marts.value_added_school;
  const dateOf = (id) => +new Date(exams.get(id)?.exam_date ?? 0);
  const pairs = [...new Map(schools.map((row) => [`${row.prior_exam_id}|${row.exam_id}|${row.subject}`, row])).values()].sort(
    (a, b) => dateOf(b.exam_id) - dateOf(a.exam_id) || `${a.prior_exam_id}|${a.exam_id}|${a.subject}`.localeCompare(`${b.prior_exam_id}|${b.exam_id}|${b.subject}`)
  );
  if (!pairs.length) return {empty: w("va.none")};
  const {prior_exam_id: priorId, exam_id: examId, subject} = pairs[0];
  const rows = schools
    .filter((row) => row.prior_exam_id === priorId && row.exam_id === examId && row.subject === subject)
    .sort((a, b) => (b.va ?? -Infinity) - (a.va ?? -Infinity));
  const published = rows.filter((row) => !row.is_suppressed);
  const count = (band) => f.num(published.filter((row) => row.band === band).length);
  const vaColumn = (name) => ({name, num: true, format: (x) => f.signed(x, 3), suppressed: (row) => row.is_suppressed});
  return {
    lang,
    minN: config.min_n,
    filename: `upload_value_added_${examId}_${subject}`,
    title: w("va.title"),
    takeaway: w("va.takeaway", {pair: `${exams.get(examId)?.exam_name ?? examId} · ${label(lang, "subject", subject)}`, above: count("above"), below: count("below"), average: count("average")}),
    // the bands' colours only above a chart that uses them
    legend: published.length ? ["above", "average", "below"].map((band) => [label(lang, "band", band), BAND_COLORS[band]]) : [],
    rows,
    columns: [
      {name: "school_name"},
      {name: "n_students", num: true, format: f.num},
      vaColumn("va"),
      vaColumn("ci_low"),
      vaColumn("ci_high"),
      {name: "band", format: (x) => label(lang, "band", x), suppressed: (row) => row.is_suppressed}
    ],
    data: published.length ? published.map((row) => ({label: row.school_name, value: row.va, low: row.ci_low, high: row.ci_high, band: row.band})) : null,
    options: {valueFormat: (x) => f.signed(x), colorOf: (row) => BAND_COLORS[row.band]}
  };
}
