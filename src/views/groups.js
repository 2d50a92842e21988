// The list of groups (src/groups.md): every group's profile at the end of a chosen period, searchable,
// each name linking to the group's page.
import {formats, wording} from "../wording/index.js";
import groupsWording from "../wording/groups.js";
import {STAGE_ORDER} from "./order.js";

const {label, t} = wording(groupsWording);

/** stage codes in school order (小学, 初中, 九年一贯制 …), not the published alphabetical order */
export function inSchoolOrder(stages) {
  const rank = (code) => (STAGE_ORDER.includes(code) ? STAGE_ORDER.indexOf(code) : STAGE_ORDER.length);
  return [...(stages ?? [])].sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
}

/** a group page's address, relative to the list (ids may hold any character) */
export const groupHref = (groupId) => `groups/${encodeURIComponent(groupId)}.html`;

/**
 * @param {{profiles: object[]}} tables the published group_profile rows
 * @param {{min_n: number}} config
 * @param {"zh"|"en"} lang
 * @returns the page's texts, the periods (latest first) and `at(period, query)`: the table's card
 */
export function groupsView({profiles}, config, lang) {
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

  return {
    lang,
    title: w("title"),
    lead: w("lead"),
    periods: [...new Set(profiles.map((row) => row.period))].sort().reverse(),
    periodLabel: t(lang, "common.period"),
    periodName: f.period,
    searchLabel: t(lang, "common.search"),
    placeholder: w("placeholder"),
    at
  };
}
