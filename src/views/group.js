// A group's page (src/groups/[group].md): its members on a schematic map, their resources against the
// standard, 三率一分 per exam, the lead–member gap, value-added (the group's and its schools') and
// teacher exchanges by direction. It reads the group's own file (pipelines/site/group-slice.ts).
import {BAND_COLORS, DIRECTION_COLORS, GREYS, LOCALITY_COLORS, RATE_COLORS, ROLE_COLORS, STATUS_COLORS, seriesColors} from "../components/colors.js";
import {formats, wording} from "../wording/index.js";
import groupWording from "../wording/group.js";
import siteWording from "../wording/site.js";
import {inSchoolOrder} from "./groups.js";
import {LOCALITY_ORDER} from "./order.js";
import {COMPLIANCE} from "./targets.js";
import {leftOut, withheldCard} from "./edition.js";
import {schoolHref} from "./school.js";

const {column, label, t} = wording(groupWording, siteWording);

/** directions of an exchange seen from a group, in the order a reader looks for them */
export const DIRECTIONS = ["lead→member", "member→lead", "member→member", "lead→outside", "member→outside", "outside→lead", "outside→member"];
const RATES = ["excellent_rate", "pass_rate", "low_rate"];

/** A member's name, with its section when only that section (学部) is in the group: 甘州中学（小学部） */
export function memberName(lang, row) {
  return row.section && row.section !== "all"
    ? t(lang, "group.resources.section", {school: row.school_name, section: label(lang, "member_section", row.section)})
    : row.school_name;
}

const latest = (rows, key = "period") => rows.reduce((best, row) => (row[key] != null && (best == null || row[key] > best) ? row[key] : best), null);

/**
 * @param {{group: object, exams: object[], edition?: object}} tables the group's file (profile, members, resources,
 *   exams, gaps, va_schools, va_group, exchange, flows), the exams' names and dates, and the site's edition
 *   (edition.json): the public one has no school's exam result or value-added (docs/editions.md)
 * @param {{min_n: number, targets: {exchange_rate: number}}} config
 * @param {"zh"|"en"} lang
 */
export function groupView({group, exams, edition}, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `group.${key}`, params);
  const minN = config.min_n;
  const base = {lang, minN};
  const examById = new Map(exams.map((exam) => [exam.exam_id, exam]));
  const examDate = (id) => examById.get(id)?.exam_date ?? null;
  const byDateDesc = (id) => (a, b) => +new Date(examDate(id(b)) ?? 0) - +new Date(examDate(id(a)) ?? 0) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);
  const subjectName = (s) => label(lang, "subject", s);
  const id = group.group_id;

  const period = latest(group.profile);
  const profile = group.profile.find((row) => row.period === period);
  const memberPeriod = latest(group.members);
  // a member that is a section of its school (学部) shows it, 甘州中学（小学部）, with the section's students
  const members = group.members
    .filter((row) => row.period === memberPeriod)
    .map((row) => ({...row, school_name: memberName(lang, row), n_students: row.n_section_students ?? row.n_students}))
    .sort((a, b) => Number(b.is_lead) - Number(a.is_lead) || (a.distance_km ?? 0) - (b.distance_km ?? 0));
  const lead = members.find((row) => row.is_lead);
  // the lead as listed (with its section when only that section is in the group), else as the profile names it
  const leadName = (lead && (!profile || lead.school_id === profile.lead_school_id) ? lead.school_name : profile?.lead_school_name) ?? "—";

  const facts = profile
    ? f.sentences([
        w("facts", {
          period: f.period(period),
          type: label(lang, "group_type", profile.group_type),
          date: f.date(profile.established_date),
          lead: leadName,
          stages: f.list(inSchoolOrder(profile.stages).map((code) => f.inSentence(label(lang, "stage", code)))),
          n: f.num(profile.n_members),
          students: f.num(profile.n_students),
          rural: f.pct(profile.share_rural_students)
        }),
        profile.max_distance_km != null ? w("farthest", {km: f.num(profile.max_distance_km, 1)}) : ""
      ])
    : t(lang, "common.noData");

  // the map: only the localities that are there
  const localities = LOCALITY_ORDER.filter((code) => members.some((row) => row.locality === code));
  const mapTakeaway = members.length
    ? w("map.takeaway", {
        n: f.num(members.length),
        parts: f.list(localities.map((code) => w("map.part", {locality: f.inSentence(label(lang, "locality", code)), n: f.num(members.filter((row) => row.locality === code).length)})))
      })
    : t(lang, "common.noData");
  const map = {
    ...base,
    filename: `group_${id}_members_${memberPeriod}`,
    title: w("map.title"),
    takeaway: mapTakeaway,
    legend: [...localities.map((code) => [label(lang, "locality", code), LOCALITY_COLORS[code]]), ...(lead ? [[label(lang, "role", "lead"), ROLE_COLORS.lead]] : [])],
    note: w("map.note"),
    rows: members,
    columns: [
      // each member's own page, one folder up from groups/
      {name: "school_name", href: (row) => schoolHref(row.school_id, 1)},
      {name: "role", format: (x) => label(lang, "role", x)},
      {name: "locality", format: (x) => label(lang, "locality", x)},
      {name: "stage", format: (x) => label(lang, "stage", x)},
      {name: "n_students", num: true, format: f.num},
      {name: "distance_km", num: true, format: (x) => f.num(x, 1)},
      {name: "joined_date", format: f.date},
      {name: "lat", num: true},
      {name: "lon", num: true}
    ],
    data: members,
    options: {label: mapTakeaway, distanceLabel: (km) => `${f.num(km, 1)} km`, roleLabel: (role) => label(lang, "role", role)}
  };

  // resources: one bar per school section, the number of the seven indicators met
  const resourcePeriod = latest(group.resources);
  const resources = group.resources.filter((row) => row.period === resourcePeriod).sort((a, b) => b.n_met - a.n_met || String(a.school_name).localeCompare(String(b.school_name)));
  const roleOf = new Map(members.map((row) => [row.school_id, row.role]));
  const sections = (schoolId) => resources.filter((row) => row.school_id === schoolId).length;
  const sectionMembers = new Set(members.filter((row) => row.section && row.section !== "all").map((row) => row.school_id));
  const sectionLabel = (row) => (sections(row.school_id) > 1 || sectionMembers.has(row.school_id) ? w("resources.section", {school: row.school_name, section: label(lang, "section", row.section)}) : row.school_name);
  const fewest = resources.filter((row) => !row.is_compliant).at(-1);
  const roles = ["lead", "member"].filter((role) => resources.some((row) => (roleOf.get(row.school_id) ?? "member") === role));
  const indicator = (name, digits = 2) => ({name, label: label(lang, "indicator_short", name), num: true, format: (x) => f.num(x, digits)});
  const resourcesCard = {
    ...base,
    filename: `group_${id}_resources_${resourcePeriod}`,
    title: w("resources.title"),
    takeaway: resources.length
      ? f.sentences([
          w("resources.takeaway", {period: f.period(resourcePeriod), n: f.num(resources.length), k: f.num(resources.filter((row) => row.is_compliant).length)}),
          fewest ? w("resources.fewest", {school: sectionLabel(fewest), k: f.num(fewest.n_met)}) : ""
        ])
      : t(lang, "common.noData"),
    legend: [
      ...roles.map((role) => [label(lang, "role", role), ROLE_COLORS[role]]),
      [w("resources.line", {n: f.num(COMPLIANCE.needed)}), STATUS_COLORS.target, true]
    ],
    note: resources.some((row) => !row.is_compliant) ? w("resources.faded") : null,
    rows: resources,
    columns: [
      {name: "school_name"},
      {name: "section", format: (x) => label(lang, "section", x)},
      indicator("qualified_teachers_per_100"),
      indicator("backbone_per_100"),
      indicator("pe_arts_per_100"),
      indicator("teaching_area_per_student"),
      indicator("sports_area_per_student"),
      indicator("equipment_per_student", 0),
      indicator("multimedia_per_100"),
      {name: "n_met", num: true, format: f.num},
      {name: "is_compliant", format: (x) => (x === null || x === undefined ? "—" : t(lang, x ? "common.yes" : "common.no"))}
    ],
    data: resources.map((row) => ({label: sectionLabel(row), value: row.n_met, color: ROLE_COLORS[roleOf.get(row.school_id) ?? "member"], faded: !row.is_compliant, mark: row.is_compliant})),
    options: {max: COMPLIANCE.indicators, threshold: COMPLIANCE.needed, thresholdColor: STATUS_COLORS.target, xLabel: column(lang, "n_met")}
  };

  // 三率一分 of one exam and subject
  const examKeys = [...new Set(group.exams.map((row) => `${row.exam_id}|${row.subject}`))].sort(byDateDesc((key) => key.split("|")[0]));
  const examName = (key) => {
    const [examId, subject] = key.split("|");
    const exam = examById.get(examId);
    return `${f.date(exam?.exam_date)} ${exam?.exam_name ?? examId} · ${subjectName(subject)}`;
  };
  const examsLeftOut = leftOut(edition, "exam_school");
  const exam = (key = "|") => {
    const [examId, subject] = key.split("|");
    if (examsLeftOut) return withheldCard({lang, filename: `group_${id}_exam`, title: w("exam.title"), code: examsLeftOut});
    const rows = group.exams
      .filter((row) => row.exam_id === examId && row.subject === subject)
      .sort((a, b) => Number(a.is_suppressed) - Number(b.is_suppressed) || (b.mean_rate ?? -1) - (a.mean_rate ?? -1));
    const shown = rows.filter((row) => !row.is_suppressed);
    const examLabel = examById.get(examId)?.exam_name ?? examId;
    const full = f.num(rows[0]?.full_marks ?? examById.get(examId)?.full_marks);
    const hidden = rows.length - shown.length;
    const byPass = [...shown].sort((a, b) => b.pass_rate - a.pass_rate);
    const means = shown.map((row) => row.mean_score);
    const takeaway = !rows.length
      ? t(lang, "common.noData")
      : !shown.length
        ? t(lang, "common.allSuppressed", {n: minN})
        : f.sentences([
            shown.length === 1
              ? w("exam.one", {exam: examLabel, subject: subjectName(subject), school: shown[0].school_name, pass: f.pct(shown[0].pass_rate), mean: f.num(shown[0].mean_score, 1), full})
              : w("exam.range", {
                  exam: examLabel,
                  subject: subjectName(subject),
                  top: byPass[0].school_name,
                  high: f.pct(byPass[0].pass_rate),
                  bottom: byPass.at(-1).school_name,
                  low: f.pct(byPass.at(-1).pass_rate),
                  pp: f.pp(byPass[0].pass_rate - byPass.at(-1).pass_rate),
                  meanLow: f.num(Math.min(...means), 1),
                  meanHigh: f.num(Math.max(...means), 1),
                  full
                }),
            hidden ? w("exam.hidden", {k: f.num(hidden), n: f.num(minN)}) : ""
          ]);
    const suppressed = (row) => row.is_suppressed;
    const pct = (name) => ({name, num: true, format: f.pct, suppressed});
    return {
      ...base,
      filename: `group_${id}_exam_${examId}_${subject}`,
      title: w("exam.title"),
      takeaway,
      legend: [...RATES.map((key) => [column(lang, key), RATE_COLORS[key]]), [w("exam.mean"), RATE_COLORS.mean]],
      note: shown.length ? w("exam.note") : null,
      rows,
      columns: [
        {name: "school_name"},
        {name: "locality", format: (x) => label(lang, "locality", x)},
        {name: "n_students", num: true, format: f.num},
        {name: "mean_score", num: true, format: (x) => f.num(x, 1), suppressed},
        pct("excellent_rate"),
        pct("pass_rate"),
        pct("low_rate"),
        {name: "mean_z", num: true, format: (x) => f.signed(x), suppressed}
      ],
      data: !rows.length ? null : rows.map((row) => ({
        label: row.school_name,
        suppressed: row.is_suppressed,
        note: row.is_suppressed ? t(lang, "common.valueSuppressed", {n: minN}) : w("exam.meanText", {mean: f.num(row.mean_score, 1)}),
        mean: row.mean_rate,
        ...Object.fromEntries(RATES.map((key) => [key, row[key]]))
      })),
      options: {
        rates: RATES.map((key) => ({key, label: column(lang, key), color: RATE_COLORS[key]})),
        mean: {label: w("exam.mean"), color: RATE_COLORS.mean},
        format: (x) => f.pct(x, 0)
      }
    };
  };

  // lead − members, every exam both sat
  const gapRows = group.gaps
    .filter((row) => row.comparison === "lead_member")
    .map((row) => ({...row, exam_date: examDate(row.exam_id), exam_name: examById.get(row.exam_id)?.exam_name ?? row.exam_id}))
    .sort((a, b) => +new Date(a.exam_date ?? 0) - +new Date(b.exam_date ?? 0) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  const shownGaps = gapRows.filter((row) => !row.is_suppressed);
  const lastGap = shownGaps.at(-1);
  const leadSchoolId = profile?.lead_school_id ?? lead?.school_id;
  const leadSat = group.exams.some((row) => row.school_id === leadSchoolId);
  const membersSat = group.exams.some((row) => row.school_id !== leadSchoolId && roleOf.has(row.school_id));
  const leadStage = members.find((row) => row.school_id === leadSchoolId)?.stage;
  const gapTakeaway = lastGap
    ? w(lastGap.gap >= 0 ? "gap.above" : "gap.below", {date: f.date(lastGap.exam_date), subject: subjectName(lastGap.subject), gap: f.num(Math.abs(lastGap.gap), 2), low: f.signed(lastGap.ci_low), high: f.signed(lastGap.ci_high)})
    : gapRows.length
      ? gapRows.every((row) => row.n_first < minN)
        ? w("gap.leadSmall", {n: f.num(minN)})
        : gapRows.every((row) => row.n_second < minN)
          ? w("gap.membersSmall", {n: f.num(minN)})
          : t(lang, "common.sideSuppressed", {n: minN})
      : !leadSat && membersSat
        ? w("gap.leadAbsent", {lead: leadName, stage: label(lang, "stage", leadStage)})
        : leadSat && !membersSat
          ? w("gap.membersAbsent")
          : t(lang, "common.noData");
  const gapSubjects = [...new Set(shownGaps.map((row) => row.subject))].sort(); // gapChart's order
  const signed3 = (name) => ({name, num: true, format: (x) => f.signed(x, 3), suppressed: (row) => row.is_suppressed});
  const gapLeftOut = leftOut(edition, "urban_rural_gap", {rows: true});
  const gap = gapLeftOut ? withheldCard({lang, filename: `group_${id}_lead_member_gap`, title: w("gap.title"), code: gapLeftOut}) : {
    ...base,
    filename: `group_${id}_lead_member_gap`,
    title: w("gap.title"),
    takeaway: gapTakeaway,
    legend: gapSubjects.length > 0 ? gapSubjects.map((s) => [subjectName(s), seriesColors(gapSubjects)[s]]) : null,
    rows: gapRows,
    columns: [
      {name: "exam_date", format: f.date},
      {name: "exam_name"},
      {name: "subject", format: subjectName},
      signed3("gap"),
      signed3("ci_low"),
      signed3("ci_high"),
      {name: "n_first", label: w("gap.n_first"), num: true, format: f.num},
      {name: "n_second", label: w("gap.n_second"), num: true, format: f.num},
      {name: "n_schools_second", label: w("gap.n_schools_second"), num: true, format: f.num}
    ],
    note: shownGaps.length ? w("gap.interval") : undefined,
    data: shownGaps.length ? shownGaps.map((row) => ({date: new Date(row.exam_date), series: row.subject, exam_name: row.exam_name, gap: row.gap, ci_low: row.ci_low, ci_high: row.ci_high})) : null,
    options: {dateFormat: f.date, monthFormat: f.month, yFormat: (y) => f.signed(y), seriesLabel: subjectName}
  };

  // value-added of one exam pair: the group as a whole, then each school
  const pairOf = (row) => `${row.prior_exam_id}|${row.exam_id}|${row.subject}`;
  const pairKeys = [...new Set([...group.va_group, ...group.va_schools].map(pairOf))].sort(byDateDesc((key) => key.split("|")[1]));
  const pairName = (key) => {
    const [prior, later, subject] = key.split("|");
    // two grades can sit exams on the same dates: the grade tells the pairs apart
    return w("va.pairName", {grade: examById.get(later)?.grade ?? "—", prior: f.date(examDate(prior)), later: f.date(examDate(later)), subject: subjectName(subject)});
  };
  const vaLeftOut = leftOut(edition, "value_added_group");
  const schoolsVaLeftOut = leftOut(edition, "value_added_school");
  const leadMembersLeftOut = leftOut(edition, "value_added_group", {column: "lead_minus_members"});
  const va = (key = "||") => {
    if (vaLeftOut) return withheldCard({lang, filename: `group_${id}_va`, title: w("va.title"), code: vaLeftOut});
    const whole = group.va_group.find((row) => pairOf(row) === key);
    const schools = group.va_schools.filter((row) => pairOf(row) === key).sort((a, b) => Number(a.is_suppressed) - Number(b.is_suppressed) || (b.va_shrunk ?? 0) - (a.va_shrunk ?? 0));
    const shown = schools.filter((row) => !row.is_suppressed);
    const above = shown.filter((row) => row.band === "above").length;
    const below = shown.filter((row) => row.band === "below").length;
    const lm = whole?.lead_minus_members;
    const leadMembers = !whole || leadMembersLeftOut
      ? ""
      : whole.n_lead === 0
        ? w("va.leadAbsent", {lead: leadName})
        : whole.n_members === 0
          ? w("va.membersAbsent")
          : lm == null
            ? w(whole.n_lead < minN ? "va.leadSmall" : "va.membersSmall", {n: f.num(minN)})
            : w(lm >= 0 ? "va.leadAbove" : "va.leadBelow", {gap: f.num(Math.abs(lm), 2)});
    const takeaway = !whole
      ? t(lang, "common.noData")
      : whole.is_suppressed
        ? w("va.suppressed", {n: f.num(minN)})
        : f.sentences([
            w("va.group", {va: f.signed(whole.va), low: f.signed(whole.ci_low), high: f.signed(whole.ci_high)}),
            leadMembers,
            above || below ? w("va.bands", {above: f.num(above), below: f.num(below)}) : shown.length ? w("va.bandsNone") : ""
          ]);
    const groupRow = whole ? [{...whole, school_name: w("va.groupRow"), is_group: true, va_shrunk: null, band: null}] : [];
    const rows = [...groupRow, ...schools];
    // the group's own value-added: its estimate and 95% interval; a school: the shrunk estimate and its posterior
    // interval (the band comes from that interval, docs/metrics.md value_added_school), the raw estimate hollow
    const drawn = rows
      .filter((row) => !row.is_suppressed && row.va != null)
      .map((row) =>
        row.is_group || row.va_shrunk == null
          ? {label: row.school_name, value: row.va, low: row.ci_low, high: row.ci_high, second: null, color: row.is_group ? GREYS.ink : GREYS.none}
          : {label: row.school_name, value: row.va_shrunk, low: row.va_shrunk_low, high: row.va_shrunk_high, second: row.va, color: BAND_COLORS[row.band] ?? GREYS.none}
      );
    const cell = (name) => ({name, num: true, format: (x) => f.signed(x, 3), suppressed: (row) => row.is_suppressed});
    return {
      ...base,
      filename: `group_${id}_va_${key.split("|").slice(1).join("_")}`,
      title: w("va.title"),
      takeaway,
      legend: [[w("va.groupRow"), GREYS.ink], ...["above", "average", "below"].filter((band) => shown.some((row) => row.band === band)).map((band) => [label(lang, "band", band), BAND_COLORS[band]])],
      // the public edition: the group's own value-added only, and why the schools' are not shown
      note: schoolsVaLeftOut ? f.sentences([w("va.note"), t(lang, `site.withheld.${schoolsVaLeftOut}`)]) : w("va.note"),
      rows,
      columns: [
        {name: "school_name", label: w("va.unit")},
        {name: "n_students", num: true, format: f.num},
        cell("va"),
        cell("ci_low"),
        cell("ci_high"),
        cell("va_shrunk"),
        cell("va_shrunk_low"),
        cell("va_shrunk_high"),
        {name: "band", format: (x) => (x ? label(lang, "band", x) : "—"), suppressed: (row) => row.is_suppressed},
        ...(leadMembersLeftOut ? [] : [{name: "lead_minus_members", num: true, format: (x) => f.signed(x, 3), suppressed: (row) => row.is_group && row.lead_minus_members == null && row.n_lead > 0 && row.n_members > 0}])
      ],
      data: drawn.length ? drawn : null,
      options: {valueFormat: (x) => f.signed(x), colorOf: (row) => row.color, rowHeight: 26}
    };
  };

  // exchanges: teachers per school year and direction, seen from this group
  const side = (role, groupId) => (groupId === id ? role ?? "member" : "outside");
  // exchange_flows has a row per sending and receiving section (学部): the group's rows are those of the sections
  // in it; one line per school year, pair of schools and direction, its sections' teachers summed
  const flowLines = new Map();
  for (const row of group.flows) {
    const direction = `${side(row.from_role, row.from_group_id)}→${side(row.to_role, row.to_group_id)}`;
    const key = `${row.school_year}|${row.from_school_id}|${row.to_school_id}|${direction}`;
    const line = flowLines.get(key);
    if (line) {
      line.n_teachers += row.n_teachers;
      line.n_backbone = (line.n_backbone ?? 0) + (row.n_backbone ?? 0);
    } else {
      const {from_section, to_section, ...rest} = row;
      flowLines.set(key, {...rest, direction});
    }
  }
  const flows = [...flowLines.values()]
    .sort((a, b) => (a.school_year < b.school_year ? 1 : a.school_year > b.school_year ? -1 : 0) || b.n_teachers - a.n_teachers || DIRECTIONS.indexOf(a.direction) - DIRECTIONS.indexOf(b.direction));
  const directionName = (d) => d.split("→").map((x) => (x === "outside" ? w("outside") : label(lang, "role", x))).join(" → ");
  const sums = new Map();
  for (const row of flows) {
    const key = `${row.school_year}|${row.direction}`;
    const sum = sums.get(key) ?? {school_year: row.school_year, direction: row.direction, n_teachers: 0, n_backbone: 0};
    sum.n_teachers += row.n_teachers;
    sum.n_backbone += row.n_backbone ?? 0;
    sums.set(key, sum);
  }
  const byDirection = [...sums.values()].sort((a, b) => (a.school_year < b.school_year ? -1 : a.school_year > b.school_year ? 1 : 0) || DIRECTIONS.indexOf(a.direction) - DIRECTIONS.indexOf(b.direction));
  const directions = DIRECTIONS.filter((d) => byDirection.some((row) => row.direction === d));
  const years = [...new Set(byDirection.map((row) => row.school_year))];
  const lastYear = [...group.exchange].sort((a, b) => (a.school_year < b.school_year ? -1 : 1)).at(-1);
  const most = lastYear ? byDirection.filter((row) => row.school_year === lastYear.school_year).sort((a, b) => b.n_teachers - a.n_teachers)[0] : null;
  const exchange = {
    ...base,
    filename: `group_${id}_exchanges`,
    title: w("exchange.title"),
    takeaway: lastYear
      ? f.sentences([
          w("exchange.takeaway", {
            year: lastYear.school_year,
            n: f.num(lastYear.n_exchanged),
            // the count the rate was computed on: eligible teachers, or every full-time teacher (config exchange.denominator)
            eligible: f.num(lastYear.rate_denominator === "full_time" ? lastYear.n_full_time : lastYear.n_eligible),
            base: w(`exchange.base.${lastYear.rate_denominator === "full_time" ? "full_time" : "eligible"}`),
            rate: f.pct(lastYear.exchange_rate),
            target: f.pct(config.targets.exchange_rate, 0),
            backbone: f.pct(lastYear.backbone_share)
          }),
          most ? w("exchange.most", {direction: directionName(most.direction), n: f.num(most.n_teachers)}) : ""
        ])
      : t(lang, "common.noData"),
    legend: directions.length ? directions.map((d) => [directionName(d), DIRECTION_COLORS[d]]) : null,
    rows: byDirection,
    columns: [
      {name: "school_year"},
      {name: "direction", format: directionName},
      {name: "n_teachers", num: true, format: f.num},
      {name: "n_backbone", num: true, format: f.num}
    ],
    data: byDirection.length ? byDirection.map((row) => ({y: row.school_year, key: row.direction, value: row.n_teachers})) : null,
    options: {keys: directions, colors: DIRECTION_COLORS, keyLabel: directionName, xLabel: column(lang, "n_teachers")}
  };
  const flowsCard = {
    ...base,
    filename: `group_${id}_exchange_flows`,
    title: w("exchange.flows"),
    takeaway: flows.length
      ? w(years.length > 1 ? "exchange.flowsYears" : "exchange.flowsYear", {
          first: years[0],
          last: years.at(-1),
          n: f.num(flows.reduce((sum, row) => sum + row.n_teachers, 0)),
          k: f.num(new Set(flows.map((row) => `${row.from_school_id}|${row.to_school_id}`)).size)
        })
      : t(lang, "common.noData"),
    rows: flows,
    columns: [
      {name: "school_year"},
      {name: "from_school_name"},
      {name: "to_school_name"},
      {name: "direction", format: directionName},
      {name: "n_teachers", num: true, format: f.num},
      {name: "n_backbone", num: true, format: f.num}
    ]
  };

  return {
    lang,
    title: profile?.group_name ?? id,
    back: w("back"),
    facts,
    map,
    resources: resourcesCard,
    examKeys,
    examLabel: w("exam.label"),
    examName,
    exam,
    gap,
    pairKeys,
    pairLabel: w("va.pair"),
    pairName,
    va,
    exchange,
    flows: flowsCard
  };
}
