// The list of groups (src/groups.md): every group's profile at the end of a chosen period, searchable,
// each name linking to the group's page.
import {formats, wording} from "../wording/index.js";
import groupsWording from "../wording/groups.js";
import {STAGE_ORDER} from "./order.js";
import {leftOut, withheldCard} from "./edition.js";

const {label, t} = wording(groupsWording);

/** stage codes in school order (小学, 初中, 九年一贯制 …), not the published alphabetical order */
export function inSchoolOrder(stages) {
  const rank = (code) => (STAGE_ORDER.includes(code) ? STAGE_ORDER.indexOf(code) : STAGE_ORDER.length);
  return [...(stages ?? [])].sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
}

/** a group page's address, relative to the list (ids may hold any character) */
export const groupHref = (groupId) => `groups/${encodeURIComponent(groupId)}.html`;

/**
 * @param {{profiles: object[], counts?: object[], bundled?: object[], exams?: object[], edition?: object}} tables the
 *   published group_profile, group_counts and group_bundled rows, the exams (exams.json) and the site's edition
 *   (the public one leaves group_bundled out: docs/editions.md)
 * @param {{min_n: number, bundled?: {lead_weight: number}}} config
 * @param {"zh"|"en"} lang
 * @returns the page's texts, the periods (latest first), `at(period, query)`: the table's card,
 *   `countsAt(period)`: groups by county and type, and `bundled`: the latest bundled evaluation
 */
export function groupsView({profiles, counts = [], bundled = [], exams = [], edition}, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `groups.${key}`, params);
  const stagesText = (codes) => (codes.length ? f.list(codes.map((code) => label(lang, "stage", code))) : "—");

  const at = (period, query = "") => {
    const q = query.trim().toLowerCase();
    const rows = profiles
      .filter((row) => row.period === period)
      .filter((row) => !q || `${row.group_name} ${row.lead_school_name ?? ""} ${row.group_id}`.toLowerCase().includes(q))
      .map((row) => ({...row, stages: inSchoolOrder(row.stages)}))
      .sort((a, b) => b.n_students - a.n_students || String(a.group_id).localeCompare(String(b.group_id)));
    const params = {period: f.period(period), n: f.num(rows.length), k: f.num(rows.reduce((sum, row) => sum + row.n_members, 0)), query};
    const mostRural = rows.length > 1 ? rows.filter((row) => row.share_rural_students != null).sort((a, b) => b.share_rural_students - a.share_rural_students)[0] : null;
    const takeaway = !rows.length
      ? q ? w("none", {query}) : t(lang, "common.noData")
      : f.sentences([
          w(q ? "countMatching" : "count", params),
          mostRural?.share_rural_students > 0 ? w("mostRural", {group: mostRural.group_name, share: f.pct(mostRural.share_rural_students)}) : ""
        ]);
    return {
      lang,
      minN: config.min_n,
      filename: `groups_${period}`,
      title: w("table"),
      takeaway,
      rows,
      columns: [
        {name: "group_name", href: (row) => groupHref(row.group_id)},
        {name: "group_type", format: (x) => label(lang, "group_type", x)},
        {name: "lead_school_name", format: (x) => x ?? "—"},
        {name: "stages", label: t(lang, "column.stage"), format: stagesText},
        {name: "n_members", num: true, format: f.num},
        {name: "n_students", num: true, format: f.num},
        {name: "share_rural_students", num: true, format: f.pct},
        {name: "max_distance_km", num: true, format: (x) => f.num(x, 1)},
        {name: "established_date", format: f.date}
      ]
    };
  };

  // groups per county (the lead's) and type; the 'all' type row gives the county's total
  const countsAt = (period) => {
    const rows = counts.filter((row) => row.period === period && row.county !== "all" && row.group_type !== "all");
    const total = counts.find((row) => row.period === period && row.county === "all" && row.group_type === "all");
    const byType = counts
      .filter((row) => row.period === period && row.county === "all" && row.group_type !== "all")
      .sort((a, b) => b.n_groups - a.n_groups || String(a.group_type).localeCompare(String(b.group_type)));
    const county = (x) => (x === "(none)" ? w("counts.noCounty") : x);
    return {
      lang,
      minN: config.min_n,
      filename: `group_counts_${period}`,
      title: w("counts.title"),
      takeaway: total
        ? w("counts.takeaway", {
            period: f.period(period),
            n: f.num(total.n_groups),
            types: f.list(byType.map((row) => w("counts.type", {n: f.num(row.n_groups), type: label(lang, "group_type", row.group_type)}))),
            k: f.num(total.n_schools)
          })
        : t(lang, "common.noData"),
      rows: [...rows].sort((a, b) => String(a.county).localeCompare(String(b.county)) || b.n_groups - a.n_groups),
      columns: [
        {name: "county", format: county},
        {name: "group_type", format: (x) => label(lang, "group_type", x)},
        {name: "n_groups", num: true, format: f.num},
        {name: "n_schools", num: true, format: f.num},
        {name: "n_memberships", num: true, format: f.num},
        {name: "n_groups_without_members", num: true, format: f.num}
      ]
    };
  };

  // 捆绑考核: each group's bundled score in the latest district-wide exam (every subject), with its change since
  // the group's previous one
  const bundledCard = (() => {
    const spec = {lang, minN: config.min_n, filename: "group_bundled", title: w("bundled.title")};
    const code = leftOut(edition, "group_bundled");
    if (code) return withheldCard({...spec, code});
    const examById = new Map(exams.map((exam) => [exam.exam_id, exam]));
    // the latest date with a district-wide bundled score (several grades may sit on one date: one row per exam)
    const district = bundled.filter((row) => row.exam_scope === "district" && row.bundled_z != null);
    const latestDate = district.reduce((max, row) => (max == null || Number(row.exam_date) > max ? Number(row.exam_date) : max), null);
    const latest = district.filter((row) => Number(row.exam_date) === latestDate);
    const names = new Map(profiles.map((row) => [row.group_id, row.group_name]));
    const examName = (id) => examById.get(id)?.exam_name ?? id;
    const rows = latest
      .map((row) => ({...row, group_name: names.get(row.group_id) ?? row.group_id, exam: examName(row.exam_id), previous: row.previous_exam_id == null ? null : examName(row.previous_exam_id)}))
      .sort((a, b) => String(a.exam).localeCompare(String(b.exam)) || String(a.subject).localeCompare(String(b.subject)) || b.bundled_z - a.bundled_z);
    const changed = rows.filter((row) => row.bundled_change != null);
    return {
      ...spec,
      takeaway: rows.length
        ? f.sentences([
            w("bundled.takeaway", {date: f.date(latest[0].exam_date), weight: f.pct(config.bundled?.lead_weight ?? rows[0].lead_weight, 0)}),
            changed.length ? w("bundled.change", {n: f.num(changed.length), k: f.num(changed.filter((row) => row.bundled_change > 0).length)}) : ""
          ])
        : w("bundled.none"),
      rows,
      columns: [
        {name: "group_name", href: (row) => groupHref(row.group_id)},
        {name: "exam", label: w("bundled.exam")},
        {name: "subject", format: (x) => label(lang, "subject", x)},
        {name: "n_lead", label: w("bundled.nLead"), num: true, format: f.num},
        {name: "n_members", label: w("bundled.nMembers"), num: true, format: f.num},
        {name: "bundled_z", num: true, format: (x) => f.num(x, 2)},
        {name: "bundled_change", num: true, format: (x) => f.num(x, 2)},
        {name: "previous", label: t(lang, "column.previous_exam_id"), format: (x) => x ?? "—"}
      ],
      note: w("bundled.note")
    };
  })();

  return {
    lang,
    title: w("title"),
    lead: w("lead"),
    periods: [...new Set(profiles.map((row) => row.period))].sort().reverse(),
    periodLabel: t(lang, "common.period"),
    periodName: f.period,
    searchLabel: t(lang, "common.search"),
    placeholder: w("placeholder"),
    at,
    countsAt,
    bundled: bundledCard
  };
}
