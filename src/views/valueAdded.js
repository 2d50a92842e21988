// The value-added page (src/value-added.md): for one exam pair and subject, each school's value-added with
// its interval, shrunken against raw, each group's value-added, and each group's lead minus members. Bands come
// from the posterior interval (docs/metrics.md); the schools card says how many flags chance alone would give.
import {BAND_COLORS, GREYS, LOCALITY_COLORS, LOCALITIES, ROLE_COLORS, SERIES_COLORS} from "../components/colors.js";
import {formats, wording} from "../wording/index.js";
import valueAddedWording from "../wording/valueAdded.js";
import {byOrder, SUBJECT_ORDER} from "./order.js";
import {leftOut, withheldCard} from "./edition.js";

const {column, label, t} = wording(valueAddedWording);

const BANDS = ["above", "average", "below"];
const LIMITS = ["causal", "intake", "linked", "crossing", "ceiling", "snapshot", "ranking"];

/**
 * @param {{schools: object[], groupsVa: object[], groups: {group_id: string, group_name: string}[], exams: object[], edition?: object}} tables
 *   the published value_added_school and value_added_group rows, the groups' names, the exams (exams.json),
 *   and the site's edition (edition.json): the public one has no school's value-added (docs/editions.md)
 * @param {{min_n: number}} config
 * @param {"zh"|"en"} lang
 * @returns the page's texts, the exam pairs (latest first) and `at(pair)` for the cards of one pair
 */
export function valueAddedView({schools, groupsVa, groups, exams, edition}, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `valueAdded.${key}`, params);
  const base = {lang, minN: config.min_n};
  const examById = new Map(exams.map((exam) => [exam.exam_id, exam]));
  const groupName = new Map(groups.map((group) => [group.group_id, group.group_name]));
  const time = (examId) => +new Date(examById.get(examId)?.exam_date ?? 0);
  const keyOf = (row) => `${row.prior_exam_id}|${row.exam_id}|${row.subject}`;
  const signed = (x) => f.signed(x);
  const signed3 = (x) => f.signed(x, 3);

  const pairRows = new Map([...schools, ...groupsVa].map((row) => [keyOf(row), row]));
  const pairs = [...pairRows.entries()]
    .sort(([, a], [, b]) => time(b.exam_id) - time(a.exam_id) || byOrder("subject", SUBJECT_ORDER)(a, b) || String(a.exam_id).localeCompare(String(b.exam_id)))
    .map(([key]) => key);
  const pairName = (key) => {
    const [priorId, examId, subject] = key.split("|");
    const exam = examById.get(examId) ?? {};
    return w("pairOption", {
      kind: exam.exam_scope ? label(lang, "exam_scope", exam.exam_scope) : "—",
      name: exam.exam_name ?? examId,
      prior: f.date(examById.get(priorId)?.exam_date),
      subject: label(lang, "subject", subject)
    });
  };

  const at = (pair = "||") => {
    const [priorId, examId, subject] = pair.split("|");
    const inPair = (row) => row.prior_exam_id === priorId && row.exam_id === examId && row.subject === subject;
    const byDesc = (key) => (a, b) => (b[key] ?? -Infinity) - (a[key] ?? -Infinity);
    const rows = schools.filter(inPair).sort(byDesc("va_shrunk"));
    const published = rows.filter((row) => !row.is_suppressed && row.va != null);
    const suppressed = (row) => row.is_suppressed;
    const vaCol = (name) => ({name, num: true, format: signed3, suppressed});
    const reliabilityCol = {name: "reliability", num: true, format: (x) => f.num(x, 2), suppressed};
    const count = (band) => f.num(published.filter((row) => row.band === band).length);
    // multiple comparisons: false flags expected from raw 95% intervals if no school differed (5% of them), and
    // the schools whose Benjamini–Hochberg q-value (published) stays under 5%
    const tested = published.filter((row) => row.q_value != null);
    const chance = w("schools.chance", {n: f.num(tested.length), chance: f.num(0.05 * tested.length, 1), fdr: f.num(tested.filter((row) => row.q_value < 0.05).length)});

    const schoolsCard = {
      ...base,
      filename: `value_added_${examId}_${subject}`,
      title: w("schools.title"),
      takeaway: published.length ? w("schools.takeaway", {above: count("above"), below: count("below"), average: count("average")}) : t(lang, "common.allSuppressed", {n: config.min_n}),
      note: tested.length ? chance : undefined,
      legend: BANDS.map((band) => [label(lang, "band", band), BAND_COLORS[band]]),
      rows,
      columns: [
        {name: "school_name"},
        {name: "locality", format: (x) => label(lang, "locality", x)},
        {name: "n_students", num: true, format: f.num},
        vaCol("va"), vaCol("ci_low"), vaCol("ci_high"), reliabilityCol, vaCol("va_shrunk"), vaCol("va_shrunk_low"), vaCol("va_shrunk_high"),
        {name: "band", format: (x) => label(lang, "band", x), suppressed},
        {name: "q_value", num: true, format: (x) => f.num(x, 3), suppressed}
      ],
      data: published.length
        ? [...published].sort(byDesc("va_shrunk")).map((row) => ({
            label: row.school_name,
            value: row.va_shrunk,
            low: row.va_shrunk_low,
            high: row.va_shrunk_high,
            color: BAND_COLORS[row.band] ?? GREYS.none,
            title: w("schools.tip", {school: row.school_name, value: signed(row.va_shrunk), low: signed(row.va_shrunk_low), high: signed(row.va_shrunk_high), band: label(lang, "band", row.band)})
          }))
        : null,
      options: {valueFormat: signed, colorOf: (row) => row.color, xLabel: w("axis"), zeroLabel: w("zero")}
    };

    const moved = [...published].sort((a, b) => Math.abs(b.va - b.va_shrunk) - Math.abs(a.va - a.va_shrunk))[0];
    const shrinkCard = {
      ...base,
      filename: `value_added_shrunk_${examId}_${subject}`,
      title: w("shrink.title"),
      takeaway: moved
        ? w("shrink.takeaway", {school: moved.school_name, n: f.num(moved.n_students), reliability: f.num(moved.reliability, 2), raw: signed(moved.va), shrunk: signed(moved.va_shrunk), mean: signed3(moved.grand_mean ?? 0)})
        : t(lang, "common.allSuppressed", {n: config.min_n}),
      legend: LOCALITIES.map((code) => [label(lang, "locality", code), LOCALITY_COLORS[code]]),
      rows,
      columns: [{name: "school_name"}, {name: "n_students", num: true, format: f.num}, vaCol("va"), reliabilityCol, vaCol("va_shrunk")],
      data: published.length
        ? published.map((row) => ({
            x: row.va,
            y: row.va_shrunk,
            n: row.n_students,
            color: LOCALITY_COLORS[row.locality] ?? GREYS.series,
            title: w("shrink.tip", {school: row.school_name, raw: signed(row.va), shrunk: signed(row.va_shrunk), reliability: f.num(row.reliability, 2), n: f.num(row.n_students)})
          }))
        : null,
      options: {xLabel: column(lang, "va"), yLabel: column(lang, "va_shrunk"), format: signed}
    };

    const groupRows = groupsVa.filter(inPair).map((row) => ({...row, name: groupName.get(row.group_id) ?? row.group_id}));
    // a group joint exam is sat and predicted within one group: its value-added is 0 by construction
    const exam = examById.get(examId) ?? {};
    const joint = exam.exam_scope === "group";
    const gRows = [...groupRows].sort(byDesc("va"));
    const gPub = gRows.filter((row) => !row.is_suppressed && row.va != null);
    const interval = (value, low, high, color) => (row) => ({label: row.name, value: row[value], low: row[low], high: row[high], color});
    const groupsCard = {
      ...base,
      filename: `value_added_group_${examId}_${subject}`,
      title: w("groups.title"),
      takeaway: joint
        ? w("groups.joint", {name: exam.exam_name ?? examId})
        : gPub.length > 1
          ? w("groups.range", {high: gPub[0].name, highVa: signed(gPub[0].va), low: gPub.at(-1).name, lowVa: signed(gPub.at(-1).va)})
          : gPub.length === 1
            ? w("groups.one", {group: gPub[0].name, va: signed(gPub[0].va)})
            : gRows.length ? t(lang, "common.allSuppressed", {n: config.min_n}) : t(lang, "common.noData"),
      rows: gRows,
      columns: [{name: "name", label: column(lang, "group_name")}, {name: "n_students", num: true, format: f.num}, vaCol("va"), vaCol("ci_low"), vaCol("ci_high")],
      data: !joint && gPub.length ? gPub.map(interval("va", "ci_low", "ci_high", SERIES_COLORS[0])) : null,
      options: {valueFormat: signed, colorOf: (row) => row.color, rowHeight: 28, xLabel: w("axis"), zeroLabel: w("zero")}
    };

    // lead_minus_members is NULL when the lead's or the members' students are fewer than min_n: "<n" when
    // that side has a few students (suppressed), "—" when it has none (no lead or no member at this grade)
    const noSide = (row) => !(row.n_lead > 0 && row.n_members > 0);
    const lmSuppressed = (row) => row.is_suppressed || (row.lead_minus_members == null && !noSide(row));
    const lmRows = [...groupRows].sort(byDesc("lead_minus_members"));
    const lmPub = lmRows.filter((row) => !lmSuppressed(row) && row.lead_minus_members != null);
    const lm = (x) => w("column.of", {what: column(lang, "lead_minus_members"), part: x});
    const lmCol = (name, heading, format = signed3) => ({name, label: heading, num: true, format, suppressed: lmSuppressed});
    const lmValues = lmPub.map((row) => row.lead_minus_members);
    const leadMembersCard = {
      ...base,
      filename: `value_added_lead_minus_members_${examId}_${subject}`,
      title: w("leadMembers.title"),
      takeaway:
        lmPub.length > 1
          ? w("leadMembers.takeaway", {low: signed(Math.min(...lmValues)), high: signed(Math.max(...lmValues))})
          : lmPub.length === 1
            ? w("leadMembers.one", {group: lmPub[0].name, gap: signed(lmValues[0])})
            : w("leadMembers.none"),
      note: f.sentences([w("leadMembers.note"), lmRows.some(noSide) ? w("leadMembers.noSide") : ""]),
      rows: lmRows,
      columns: [
        {name: "name", label: column(lang, "group_name")},
        {name: "n_lead", label: w("column.nLead"), num: true, format: f.num},
        {name: "n_members", label: w("column.nMembers"), num: true, format: f.num},
        lmCol("lead_minus_members", column(lang, "lead_minus_members")),
        lmCol("lead_minus_members_se", lm(column(lang, "se")), (x) => f.num(x, 3)),
        lmCol("lead_minus_members_ci_low", lm(column(lang, "ci_low"))),
        lmCol("lead_minus_members_ci_high", lm(column(lang, "ci_high")))
      ],
      data: lmPub.length ? lmPub.map(interval("lead_minus_members", "lead_minus_members_ci_low", "lead_minus_members_ci_high", ROLE_COLORS.lead)) : null,
      options: {valueFormat: signed, colorOf: (row) => row.color, rowHeight: 28, xLabel: column(lang, "lead_minus_members"), zeroLabel: w("zeroDiff")}
    };

    // what the site's edition leaves out: a card saying why in its place (src/views/edition.js)
    const withheld = (card, code) => (code ? withheldCard({lang, filename: card.filename, title: card.title, code}) : card);
    const schoolsLeftOut = leftOut(edition, "value_added_school");
    return {
      schools: withheld(schoolsCard, schoolsLeftOut),
      shrink: withheld(shrinkCard, schoolsLeftOut),
      groups: withheld(groupsCard, leftOut(edition, "value_added_group")),
      leadMembers: withheld(leadMembersCard, leftOut(edition, "value_added_group", {column: "lead_minus_members"}))
    };
  };

  return {
    lang,
    title: w("title"),
    lead: w("lead"),
    pairs,
    pairLabel: w("pair"),
    pairName,
    at,
    limits: {title: w("limits.title"), items: LIMITS.map((key) => w(`limits.${key}`))}
  };
}
