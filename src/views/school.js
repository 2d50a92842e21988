// A school's page (src/schools/[school].md): its groups over time, the seven resource indicators against
// the standard, teachers sent and received, and, where the edition publishes school results (the internal
// one), 三率一分 and value-added beside its group and similar schools (same stage and locality). It reads the
// school's own file (pipelines/site/school-slice.ts); whether results are shown follows from that file, not
// from an edition name: a table the site was not given is `null` there.
import {BAND_COLORS, GREYS, RATE_COLORS, SERIES_COLORS, STATUS_COLORS} from "../components/colors.js";
import {formats, wording} from "../wording/index.js";
import schoolWording from "../wording/school.js";
import siteWording from "../wording/site.js";

const {column, label, t} = wording(schoolWording, siteWording);
import {COMPLIANCE, indicatorStatus} from "./balance.js";

const RATES = ["excellent_rate", "pass_rate", "low_rate"];
const INDICATORS = ["qualified_teachers_per_100", "backbone_per_100", "pe_arts_per_100", "teaching_area_per_student", "sports_area_per_student", "equipment_per_student", "multimedia_per_100"];
const DIRECTION_COLOR = {sent: SERIES_COLORS[1], received: SERIES_COLORS[0]};

/** a school page's address from a page `up` folders below the root (ids may hold any character) */
export const schoolHref = (schoolId, up = 0) => `${"../".repeat(up)}schools/${encodeURIComponent(schoolId)}.html`;

const latest = (rows, key = "period") => rows.reduce((best, row) => (row[key] != null && (best == null || row[key] > best) ? row[key] : best), null);

/** the p-quantile of numbers by linear interpolation between order statistics (R's type 7, d3.quantile) */
export function quantile(values, p) {
  const sorted = values.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]);
}

/** schools' results pooled over their students: each rate and the mean weighted by n_students (published rows only) */
export function pooled(rows) {
  const shown = rows.filter((row) => !row.is_suppressed && row.n_students > 0);
  const n = shown.reduce((sum, row) => sum + row.n_students, 0);
  const mean = (name) => (shown.some((row) => row[name] == null) || !n ? null : shown.reduce((sum, row) => sum + row.n_students * row[name], 0) / n);
  return {n_schools: shown.length, n_students: n, mean_score: mean("mean_score"), mean_rate: mean("mean_rate"), ...Object.fromEntries(RATES.map((name) => [name, mean(name)]))};
}

/**
 * @param {{school: object, exams: object[]}} tables the school's file (profile, members, resources, flows,
 *   exams, va, va_group) and the exams' names and dates
 * @param {{min_n: number, indicator_thresholds: Record<string, Record<string, number>>}} config
 * @param {"zh"|"en"} lang
 */
export function schoolView({school, exams}, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `school.${key}`, params);
  const minN = config.min_n;
  const base = {lang, minN};
  const id = school.school_id;
  const examById = new Map(exams.map((exam) => [exam.exam_id, exam]));
  const examDate = (examId) => examById.get(examId)?.exam_date ?? null;
  const subjectName = (s) => label(lang, "subject", s);
  const byDateDesc = (pick) => (a, b) => +new Date(examDate(pick(b)) ?? 0) - +new Date(examDate(pick(a)) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);

  const period = latest(school.profile);
  const profile = school.profile.find((row) => row.period === period) ?? school.profile[0];
  const name = profile?.school_name ?? id;

  // groups over the periods: one row per group, the latest role
  const lastPeriod = latest(school.members);
  // one row per group and section (学部): a 九年一贯制 school's 小学部 and 初中部 may be in different groups
  const sectionOf = (row) => (row.section && row.section !== "all" ? row.section : null);
  const spellKey = (row) => `${row.group_id}|${sectionOf(row) ?? "all"}`;
  const memberships = [...new Set(school.members.map(spellKey))].map((key) => {
    const rows = school.members.filter((row) => spellKey(row) === key).sort((a, b) => (a.period < b.period ? -1 : 1));
    const last = rows.at(-1);
    const section = sectionOf(last);
    const groupName = section ? w("groups.section", {group: last.group_name, section: label(lang, "member_section", section)}) : last.group_name;
    return {group_id: last.group_id, group_name: groupName, base_name: last.group_name, section_name: section ? label(lang, "member_section", section) : null, role: last.role, joined_date: last.joined_date, first_period: rows[0].period, last_period: last.period, n_periods: rows.length, distance_km: last.distance_km};
  }).sort((a, b) => (a.last_period < b.last_period ? 1 : a.last_period > b.last_period ? -1 : 0) || String(a.group_name).localeCompare(String(b.group_name)));
  const current = memberships.filter((row) => row.last_period === period && period != null);
  const groupPhrase = (row) =>
    row.section_name
      ? w("groups.inSection", {group: row.base_name, section: row.section_name, role: f.inSentence(label(lang, "role", row.role)), date: f.date(row.joined_date)})
      : w("groups.in", {group: row.group_name, role: f.inSentence(label(lang, "role", row.role)), date: f.date(row.joined_date)});
  // the group each section (学部) is compared with (pipelines/site/school-slice.ts): a 九年一贯制 school whose 小学部
  // and 初中部 are in different groups is compared, exam by exam, with the group holding the exam's section
  const comparison = school.comparison_groups ?? [];
  const splitSections = new Set(comparison.map((row) => row.group_id)).size > 1;
  const sectionName = (section) => label(lang, "member_section", section);
  const groupsTakeaway = f.sentences([
    current.length
      ? w("groups.now", {period: f.period(period), groups: f.list(current.map(groupPhrase))})
      : memberships.length
        ? w("groups.left", {period: f.period(period), group: memberships[0].group_name, last: f.period(memberships[0].last_period)})
        : w("groups.never", {period: f.period(period)}),
    // where the edition shows results, which group each section's exams are compared with; else only the groups
    splitSections
      ? w(school.exams == null ? "groups.bySectionOnly" : "groups.bySection", {list: f.list(comparison.map((row) => w("groups.sectionGroup", {section: sectionName(row.section), group: row.group_name})))})
      : ""
  ]);

  const facts = profile
    ? f.sentences([
        w("facts", {
          county: profile.county,
          stage: label(lang, "stage", profile.stage),
          locality: label(lang, "locality", profile.locality),
          period: f.period(period),
          students: f.num(profile.n_students)
        }),
        profile.ownership ? w("ownership", {ownership: label(lang, "ownership", profile.ownership)}) : ""
      ])
    : t(lang, "common.noData");

  const groupsCard = {
    ...base,
    filename: `school_${id}_groups`,
    title: w("groups.title"),
    takeaway: groupsTakeaway,
    rows: memberships,
    columns: [
      {name: "group_name", href: (row) => `../groups/${encodeURIComponent(row.group_id)}.html`},
      {name: "role", format: (x) => label(lang, "role", x)},
      {name: "joined_date", format: f.date},
      {name: "first_period", label: w("groups.first"), format: f.period},
      {name: "last_period", label: w("groups.last"), format: f.period},
      {name: "n_periods", label: w("groups.periods"), num: true, format: f.num},
      {name: "distance_km", num: true, format: (x) => f.num(x, 1)}
    ]
  };

  // resources: each section's seven indicators as a share of its standard, the latest period
  const resourcePeriod = latest(school.resources);
  const sections = school.resources.filter((row) => row.period === resourcePeriod).sort((a, b) => (a.section === "primary" ? -1 : b.section === "primary" ? 1 : 0));
  const digits = (indicator) => (indicator === "equipment_per_student" ? 0 : 2);
  const statusColor = {met: STATUS_COLORS.ok, near: STATUS_COLORS.near, below: STATUS_COLORS.short, missing: GREYS.total};
  const resources = sections.map((row) => {
    const thresholds = config.indicator_thresholds?.[row.section] ?? {};
    const items = INDICATORS.filter((indicator) => thresholds[indicator] != null).map((indicator) => {
      const value = row[indicator];
      const threshold = thresholds[indicator];
      return {indicator, name: label(lang, "indicator_short", indicator), value, threshold, ratio: value == null ? null : value / threshold, status: indicatorStatus(value, threshold)};
    });
    const lowest = items.filter((item) => item.ratio != null).sort((a, b) => a.ratio - b.ratio)[0];
    const section = label(lang, "section", row.section);
    return {
      ...base,
      filename: `school_${id}_resources_${resourcePeriod}_${row.section}`,
      title: sections.length > 1 ? w("resources.titleSection", {section}) : w("resources.title"),
      takeaway: f.sentences([
        w(row.is_compliant ? "resources.compliant" : "resources.notCompliant", {period: f.period(resourcePeriod), k: f.num(row.n_met), n: f.num(items.length)}),
        lowest && lowest.ratio < 1 ? w("resources.lowest", {indicator: label(lang, "indicator", lowest.indicator), pct: f.pct(lowest.ratio, 0)}) : ""
      ]),
      legend: [
        [w("resources.met"), statusColor.met],
        [w("resources.near", {near: f.pct(COMPLIANCE.near, 0)}), statusColor.near],
        [w("resources.below", {near: f.pct(COMPLIANCE.near, 0)}), statusColor.below],
        [w("resources.line"), STATUS_COLORS.target, true]
      ],
      note: row.is_section_estimated ? w("resources.estimated") : null,
      rows: items,
      columns: [
        {name: "name", label: t(lang, "column.indicator")},
        {name: "value", label: w("resources.value"), num: true, format: (x, item) => f.num(x, digits(item?.indicator))},
        {name: "threshold", label: w("resources.standard"), num: true, format: (x, item) => f.num(x, digits(item?.indicator))},
        {name: "ratio", label: w("resources.ratio"), num: true, format: (x) => f.pct(x, 0)},
        {name: "status", label: w("resources.status"), format: (x) => w(`resources.${x}`, {near: f.pct(COMPLIANCE.near, 0)})}
      ],
      data: items.filter((item) => item.ratio != null).length
        ? items.filter((item) => item.ratio != null).map((item) => ({
            key: item.name,
            value: item.ratio,
            text: f.pct(item.ratio, 0),
            color: statusColor[item.status],
            title: w("resources.cell", {indicator: label(lang, "indicator", item.indicator), value: f.num(item.value, digits(item.indicator)), threshold: f.num(item.threshold, digits(item.indicator))})
          }))
        : null,
      // each bar in its status colour (Plot takes colour strings as they are)
      options: {reference: 1, color: (item) => item.color, referenceColor: STATUS_COLORS.target, format: (x) => f.pct(x, 0)}
    };
  });

  // teachers sent and received, per school year: exchange_flows has a row per sending and receiving section
  // (学部); one line per other school and its group, the sections' teachers summed
  const flowLines = new Map();
  for (const row of school.flows) {
    const sent = row.from_school_id === id;
    const line = {
      school_year: row.school_year,
      direction: sent ? "sent" : "received",
      other_school_id: sent ? row.to_school_id : row.from_school_id,
      other_school_name: sent ? row.to_school_name : row.from_school_name,
      other_group_id: sent ? row.to_group_id : row.from_group_id,
      n_teachers: row.n_teachers,
      n_backbone: row.n_backbone
    };
    const key = `${line.school_year}|${line.direction}|${line.other_school_id}|${line.other_group_id}`;
    const seen = flowLines.get(key);
    if (seen) {
      seen.n_teachers += line.n_teachers;
      seen.n_backbone = (seen.n_backbone ?? 0) + (line.n_backbone ?? 0);
    } else flowLines.set(key, line);
  }
  const flows = [...flowLines.values()]
    .sort((a, b) => (a.school_year < b.school_year ? 1 : a.school_year > b.school_year ? -1 : 0) || a.direction.localeCompare(b.direction) || b.n_teachers - a.n_teachers);
  const years = [...new Set(flows.map((row) => row.school_year))].sort();
  const totals = years.flatMap((year) => ["sent", "received"].map((direction) => {
    const rows = flows.filter((row) => row.school_year === year && row.direction === direction);
    return {school_year: year, direction, n_teachers: rows.reduce((sum, row) => sum + row.n_teachers, 0), n_backbone: rows.reduce((sum, row) => sum + (row.n_backbone ?? 0), 0), n_schools: new Set(rows.map((row) => row.other_school_id)).size};
  }));
  const lastYear = years.at(-1);
  const total = (direction) => totals.find((row) => row.school_year === lastYear && row.direction === direction);
  const directionName = (d) => w(`exchange.${d}`);
  const exchange = {
    ...base,
    filename: `school_${id}_exchanges`,
    title: w("exchange.title"),
    takeaway: lastYear
      ? w("exchange.takeaway", {year: lastYear, sent: f.num(total("sent").n_teachers), sentBackbone: f.num(total("sent").n_backbone), sentSchools: f.num(total("sent").n_schools), received: f.num(total("received").n_teachers), receivedBackbone: f.num(total("received").n_backbone), receivedSchools: f.num(total("received").n_schools)})
      : w("exchange.none"),
    legend: lastYear ? ["sent", "received"].map((d) => [directionName(d), DIRECTION_COLOR[d]]) : null,
    rows: flows,
    columns: [
      {name: "school_year"},
      {name: "direction", label: w("exchange.direction"), format: directionName},
      {name: "other_school_name", label: w("exchange.other"), href: (row) => `${encodeURIComponent(row.other_school_id)}.html`},
      {name: "other_group_id", label: w("exchange.otherGroup"), format: (x) => x ?? "—"},
      {name: "n_teachers", num: true, format: f.num},
      {name: "n_backbone", num: true, format: f.num}
    ],
    data: lastYear ? totals.map((row) => ({y: row.school_year, key: row.direction, value: row.n_teachers})) : null,
    options: {keys: ["sent", "received"], colors: DIRECTION_COLOR, keyLabel: directionName, xLabel: column(lang, "n_teachers")}
  };

  // results: only where the site was given the per-school exam tables
  const results = school.exams == null ? null : schoolResults();
  const edition = results
    ? null
    : {id: "edition", title: w("results.title"), body: f.sentences([t(lang, "site.withheld.school_exam"), t(lang, "site.withheld.rule")])};

  function schoolResults() {
    const self = school.exams.filter((row) => row.peer === "self");
    // the exam's section by its grade (1–6 小学部, 7–9 初中部, 10–12 高中部) and the group that section is compared with
    const sectionOfExam = (examId) => {
      const grade = examById.get(examId)?.grade;
      return grade == null ? null : grade >= 10 ? "senior" : grade >= 7 ? "junior" : "primary";
    };
    const fallbackGroup = current[0]?.base_name ?? memberships[0]?.base_name ?? null;
    const groupNameOf = (examId) => comparison.find((row) => row.section === sectionOfExam(examId))?.group_name ?? fallbackGroup;
    const groupNote = (examId) =>
      splitSections && comparison.some((row) => row.section === sectionOfExam(examId))
        ? w("results.groupSection", {group: groupNameOf(examId), section: sectionName(sectionOfExam(examId))})
        : w("results.groupLatest", {group: groupNameOf(examId) ?? "—"});
    const examKeys = [...new Set(self.map((row) => `${row.exam_id}|${row.subject}`))].sort(byDateDesc((key) => key.split("|")[0]));
    const examName = (key) => {
      const [examId, subject] = key.split("|");
      const exam = examById.get(examId);
      return `${f.date(exam?.exam_date)} ${exam?.exam_name ?? examId} · ${subjectName(subject)}`;
    };
    const units = {self: name, group: w("results.groupRow"), similar: w("results.similarRow")};
    const exam = (key = "|") => {
      const [examId, subject] = key.split("|");
      const rows = school.exams.filter((row) => row.exam_id === examId && row.subject === subject);
      const own = rows.find((row) => row.peer === "self");
      const groupRows = rows.filter((row) => row.peer === "group" || row.peer === "both");
      const similarRows = rows.filter((row) => row.peer === "similar" || row.peer === "both");
      const summary = [
        own ? {unit: units.self, kind: "self", n_schools: 1, n_students: own.n_students, is_suppressed: own.is_suppressed, mean_score: own.mean_score, mean_rate: own.mean_rate, ...Object.fromEntries(RATES.map((r) => [r, own[r]]))} : null,
        groupRows.length ? {unit: units.group, kind: "group", ...pooled(groupRows), is_suppressed: !pooled(groupRows).n_schools} : null,
        similarRows.length ? {unit: units.similar, kind: "similar", ...pooled(similarRows), is_suppressed: !pooled(similarRows).n_schools} : null
      ].filter(Boolean);
      const g = summary.find((row) => row.kind === "group" && !row.is_suppressed);
      const s = summary.find((row) => row.kind === "similar" && !row.is_suppressed);
      const shownSimilar = similarRows.filter((row) => !row.is_suppressed && row.pass_rate != null);
      const lower = own ? shownSimilar.filter((row) => row.pass_rate < own.pass_rate).length : 0;
      const versus = (other, key) => (other ? w(other.pass_rate <= own.pass_rate ? `results.exam.${key}Above` : `results.exam.${key}Below`, {pp: f.pp(Math.abs(own.pass_rate - other.pass_rate)), pass: f.pct(other.pass_rate), k: f.num(other.n_schools), group: groupNameOf(examId) ?? ""}) : "");
      const takeaway = !own
        ? t(lang, "common.noData")
        : own.is_suppressed
          ? w("results.exam.suppressed", {n: f.num(minN)})
          : f.sentences([
              w("results.exam.self", {pass: f.pct(own.pass_rate), mean: f.num(own.mean_score, 1), full: f.num(own.full_marks ?? examById.get(examId)?.full_marks)}),
              versus(g, "group"),
              versus(s, "similar"),
              shownSimilar.length ? w("results.exam.position", {lower: f.num(lower), k: f.num(shownSimilar.length)}) : s ? "" : w("results.exam.noSimilar")
            ]);
      const suppressed = (row) => row.is_suppressed;
      const pct = (col) => ({name: col, num: true, format: f.pct, suppressed});
      return {
        ...base,
        filename: `school_${id}_exam_${examId}_${subject}`,
        title: w("results.exam.title"),
        takeaway,
        legend: [...RATES.map((r) => [column(lang, r), RATE_COLORS[r]]), [w("results.exam.mean"), RATE_COLORS.mean]],
        note: w("results.exam.note", {group: groupNote(examId)}),
        rows: summary,
        columns: [
          {name: "unit", label: w("results.unit")},
          {name: "n_schools", label: w("results.nSchools"), num: true, format: f.num},
          {name: "n_students", num: true, format: f.num},
          {name: "mean_score", num: true, format: (x) => f.num(x, 1), suppressed},
          pct("excellent_rate"),
          pct("pass_rate"),
          pct("low_rate")
        ],
        data: summary.length
          ? summary.map((row) => ({label: row.unit, suppressed: row.is_suppressed, note: row.is_suppressed ? t(lang, "common.valueSuppressed", {n: minN}) : w("results.exam.meanText", {mean: f.num(row.mean_score, 1)}), mean: row.mean_rate, ...Object.fromEntries(RATES.map((r) => [r, row[r]]))}))
          : null,
        options: {rates: RATES.map((r) => ({key: r, label: column(lang, r), color: RATE_COLORS[r]})), mean: {label: w("results.exam.mean"), color: RATE_COLORS.mean}, format: (x) => f.pct(x, 0)}
      };
    };

    // value-added: the school's estimate and interval, its group's, and the similar schools' median and middle half
    const pairOf = (row) => `${row.prior_exam_id}|${row.exam_id}|${row.subject}`;
    const va = school.va ?? [];
    const pairKeys = [...new Set(va.filter((row) => row.peer === "self").map(pairOf))].sort(byDateDesc((key) => key.split("|")[1]));
    const pairName = (key) => {
      const [prior, later, subject] = key.split("|");
      return w("results.va.pairName", {grade: examById.get(later)?.grade ?? "—", prior: f.date(examDate(prior)), later: f.date(examDate(later)), subject: subjectName(subject)});
    };
    const vaCard = (key = "||") => {
      const rows = va.filter((row) => pairOf(row) === key);
      const own = rows.find((row) => row.peer === "self");
      const whole = (school.va_group ?? []).find((row) => pairOf(row) === key);
      const similar = rows.filter((row) => (row.peer === "similar" || row.peer === "both") && !row.is_suppressed && row.va != null).map((row) => row.va);
      const spread = similar.length ? {median: quantile(similar, 0.5), q1: quantile(similar, 0.25), q3: quantile(similar, 0.75)} : null;
      const table = [
        own ? {unit: units.self, n_schools: 1, n_students: own.n_students, va: own.va, ci_low: own.ci_low, ci_high: own.ci_high, va_shrunk: own.va_shrunk, band: own.band, is_suppressed: own.is_suppressed, color: BAND_COLORS[own.band] ?? GREYS.none} : null,
        whole ? {unit: w("results.va.groupRow"), n_schools: null, n_students: whole.n_students, va: whole.va, ci_low: whole.ci_low, ci_high: whole.ci_high, va_shrunk: null, band: null, is_suppressed: whole.is_suppressed, color: GREYS.ink} : null,
        spread ? {unit: w("results.va.similarRow"), n_schools: similar.length, n_students: null, va: spread.median, ci_low: spread.q1, ci_high: spread.q3, va_shrunk: null, band: null, is_suppressed: false, color: GREYS.none} : null
      ].filter(Boolean);
      const takeaway = !own
        ? t(lang, "common.noData")
        : own.is_suppressed
          ? w("results.va.suppressed", {n: f.num(minN)})
          : f.sentences([
              own.va_shrunk != null && own.va_shrunk_low != null && own.va_shrunk_high != null
                ? w("results.va.selfShrunk", {va: f.signed(own.va), low: f.signed(own.ci_low), high: f.signed(own.ci_high), shrunk: f.signed(own.va_shrunk), plow: f.signed(own.va_shrunk_low), phigh: f.signed(own.va_shrunk_high), band: f.inSentence(label(lang, "band", own.band))})
                : w("results.va.self", {va: f.signed(own.va), low: f.signed(own.ci_low), high: f.signed(own.ci_high), band: f.inSentence(label(lang, "band", own.band))}),
              whole && !whole.is_suppressed ? w("results.va.group", {group: groupNameOf(key.split("|")[1]) ?? "—", va: f.signed(whole.va), low: f.signed(whole.ci_low), high: f.signed(whole.ci_high)}) : "",
              spread ? w("results.va.similar", {k: f.num(similar.length), median: f.signed(spread.median), q1: f.signed(spread.q1), q3: f.signed(spread.q3)}) : w("results.exam.noSimilar")
            ]);
      const drawn = table.filter((row) => !row.is_suppressed && row.va != null).map((row) => ({label: row.unit, value: row.va, low: row.ci_low, high: row.ci_high, second: row.va_shrunk, color: row.color}));
      const cell = (col) => ({name: col, num: true, format: (x) => f.signed(x, 3), suppressed: (row) => row.is_suppressed});
      return {
        ...base,
        filename: `school_${id}_va_${key.split("|").slice(1).join("_")}`,
        title: w("results.va.title"),
        takeaway,
        legend: [[units.self, own ? BAND_COLORS[own.band] ?? GREYS.none : GREYS.none], [w("results.va.groupRow"), GREYS.ink], [w("results.va.similarRow"), GREYS.none]],
        note: w("results.va.note"),
        rows: table,
        columns: [
          {name: "unit", label: w("results.unit")},
          {name: "n_schools", label: w("results.nSchools"), num: true, format: f.num},
          {name: "n_students", num: true, format: f.num},
          cell("va"),
          cell("ci_low"),
          cell("ci_high"),
          cell("va_shrunk"),
          {name: "band", format: (x) => (x ? label(lang, "band", x) : "—"), suppressed: (row) => row.is_suppressed}
        ],
        data: drawn.length ? drawn : null,
        options: {valueFormat: (x) => f.signed(x), colorOf: (row) => row.color, rowHeight: 30}
      };
    };
    return {examKeys, examLabel: w("results.exam.label"), examName, exam, pairKeys, pairLabel: w("results.va.pair"), pairName, va: vaCard};
  }

  return {lang, title: name, back: w("back"), facts, groups: groupsCard, resources, exchange, results, edition};
}
