// The schools index (src/schools.md): every school the site has a page for, filtered by county, stage and
// locality and found by part of its name or code, offline (src/data/schools.json, pipelines/site/school-files.ts).
// A province lists about 10,000 schools: the table shows the first LIMIT matches and says how many there are.
import {formats, wording} from "../wording/index.js";
import schoolWording from "../wording/school.js";
import siteWording from "../wording/site.js";
import {LOCALITY_ORDER, STAGE_ORDER} from "./order.js";
import {schoolHref} from "./school.js";

const {label, t} = wording(schoolWording, siteWording);

export const LIMIT = 200;
const ALL = "";

/** the values present, in the site's order for codes with one (stages, localities), else as text */
function present(rows, key, order = []) {
  const rank = (code) => (order.includes(code) ? order.indexOf(code) : order.length);
  return [...new Set(rows.map((row) => row[key]).filter((x) => x != null && x !== ""))].sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b), "zh"));
}

/**
 * @param {{schools: {school_id: string, school_name: string, county: string, stage: string, locality: string}[]}} tables
 * @param {{min_n: number}} config
 * @param {"zh"|"en"} lang
 */
export function schoolsView({schools}, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `school.index.${key}`, params);
  const all = w("all");
  const named = (kind) => (code) => (code === ALL ? all : label(lang, kind, code));
  const at = (county = ALL, stage = ALL, locality = ALL, query = "") => {
    const q = query.trim().toLowerCase();
    const rows = schools.filter(
      (row) =>
        (county === ALL || row.county === county) &&
        (stage === ALL || row.stage === stage) &&
        (locality === ALL || row.locality === locality) &&
        (!q || String(row.school_name).toLowerCase().includes(q) || String(row.school_id).toLowerCase().includes(q))
    );
    const shown = rows.slice(0, LIMIT);
    return {
      lang,
      minN: config.min_n,
      filename: "schools",
      title: w("title"),
      takeaway: !rows.length ? w("none") : rows.length > shown.length ? w("foundMore", {k: f.num(rows.length), shown: f.num(shown.length)}) : w("found", {k: f.num(rows.length)}),
      rows: shown,
      columns: [
        {name: "school_name", href: (row) => schoolHref(row.school_id)},
        {name: "school_id", label: t(lang, "column.school_id"), code: true},
        {name: "county"},
        {name: "stage", format: (x) => label(lang, "stage", x)},
        {name: "locality", format: (x) => label(lang, "locality", x)}
      ]
    };
  };
  return {
    lang,
    title: t(lang, "site.page.schools"),
    lead: w("lead", {n: f.num(schools.length)}),
    counties: [ALL, ...present(schools, "county")],
    stages: [ALL, ...present(schools, "stage", STAGE_ORDER)],
    localities: [ALL, ...present(schools, "locality", LOCALITY_ORDER)],
    countyLabel: w("county"),
    stageLabel: w("stage"),
    localityLabel: w("locality"),
    searchLabel: w("search"),
    placeholder: w("placeholder"),
    countyName: (code) => (code === ALL ? all : code),
    stageName: named("stage"),
    localityName: named("locality"),
    at
  };
}
