// The SQL explorer (src/explorer.md): its words, from the wording catalogue, for the page and for the
// components it hands them to (sqlEditor, queryResult, tableList), and its example queries.
import {formats, wording} from "../wording/index.js";
import explorerWording from "../wording/explorer.js";

const {t} = wording(explorerWording);

const leftOutTables = (manifest) => (manifest.left_out?.tables ?? []).map((item) => item.table);

/**
 * @param {{manifest: object}} tables the edition's manifest (a demo run says so; the tables it publishes and
 *   those it leaves out, docs/editions.md)
 * @param {object} config
 * @param {"zh"|"en"} lang
 */
export function explorerView({manifest}, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `explorer.${key}`, params);
  const count = (key, n) => w(`${key}.${n === 1 ? "one" : "many"}`, {n: f.num(n)});
  /** a sentence naming columns: text parts and {code} parts, so that the names show as code */
  const naming = (key, names, params = {}) => {
    const keys = Object.keys(names);
    const marked = Object.fromEntries(keys.map((name, i) => [name, `\u0001${i}\u0001`]));
    return w(key, {...params, ...marked})
      .split(/\u0001(\d+)\u0001/)
      .map((part, i) => (i % 2 ? {code: names[keys[Number(part)]]} : part))
      .filter((part) => part !== "");
  };
  const first = (n) => (n ? [w("chart.first", {n: f.num(n)})] : []);
  return {
    lang,
    title: w("title"),
    lead: w("lead"),
    weight: w("weight"),
    demo: /demo/i.test(manifest.run?.pseudonym_key ?? "") ? t(lang, "common.demo") : null,
    editor: w("editor"),
    tables: w("tables"),
    tablesLead: w("tablesLead"),
    tablesEnd: w("tablesEnd"),
    methodology: w("methodology"),
    targetsNote: w("targetsNote"),
    // only the examples that query tables of this edition (the public one has no school's exam results)
    examples: EXAMPLES.filter((example) => !leftOutTables(manifest).some((table) => new RegExp(`\\b${table}\\b`).test(example.sql))).map((example) => ({...example, label: w(`example.${example.id}`)})),
    status: {
      starting: w("status.starting"),
      wasm: (bytes) => w("status.wasm", {mb: f.num(bytes / 1e6, 1)}),
      tables: (n, total) => w("status.tables", {n: f.num(n), total: f.num(total)}),
      ready: (n, version, ms) => w("status.ready", {n: f.num(n), version, s: f.num(ms / 1000, 1)}),
      failed: (message) => w("status.failed", {message})
    },
    /** what the editor, the result and the table list say */
    text: {
      sqlLabel: w("sqlLabel"),
      examples: w("examples"),
      choose: w("choose"),
      run: w("run"),
      shortcut: w("shortcut"),
      copyLink: w("copyLink"),
      copied: w("copied"),
      result: w("result"),
      returned: (n, ms) => w(`returned.${n === 1 ? "one" : "many"}`, {n: f.num(n), ms: f.num(ms, 0)}),
      capped: (cap) => w("capped", {cap: f.num(cap)}),
      noRows: w("noRows"),
      noResult: w("noResult"),
      download: w("download"),
      waitingTitle: w("waitingTitle"),
      waiting: w("waiting"),
      error: w("error"),
      errorHint: w("errorHint"),
      noChart: w("noChart"),
      chartBar: (y, x, n) => [...naming("chart.bar", {y, x}), ...first(n)],
      chartInterval: (y, x, n) => [...naming("chart.interval", {y, x, low: "ci_low", high: "ci_high"}), ...first(n)],
      chartLine: (x, y, z) => naming(z ? "chart.lineBy" : "chart.line", z ? {x, y, z} : {x, y}),
      chartDot: (x, y) => naming("chart.dot", {x, y}),
      chartReference: (name) => naming("chart.reference", {name}),
      rowsCount: (n) => count("rowsCount", n),
      columnsCount: (n) => w("columnsCount", {n: f.num(n)}),
      insert: w("insert")
    }
  };
}

/** Example queries, each SQL with comments in both languages so that a copied or linked query explains itself. */
export const EXAMPLES = [
  {
    id: "coverage",
    sql: `-- 最近一期各区县学校、学生加入教育集团的比例（全部学段、城乡、办学性质）
-- Coverage by county in the latest period: share of schools and of students in education groups
select
  county,
  round(share_schools, 4) as share_schools,
  round(share_students, 4) as share_students,
  n_schools,
  n_schools_in_group,
  n_students,
  n_students_in_group
from coverage
where period = (select max(period) from coverage)
  and county <> 'all'
  and stage = 'all' and locality = 'all' and ownership = 'all'
order by share_schools desc, county`
  },
  {
    id: "below-six-of-seven",
    sql: `-- 最近一期资源配置七项指标中达标少于六项的学校（督导评估办法：至少六项达标）
-- Schools meeting fewer than six of the seven resource indicators in the latest period (the 6-of-7 rule)
select
  school_name,
  n_met,
  section,
  locality,
  n_missing,
  is_compliant
from school_resources
where period = (select max(period) from school_resources)
  and n_met < 6
order by n_met, school_name, section`
  },
  {
    id: "value-added",
    sql: `-- 最近一次考试（数学，取参考学校最多的一对考试）各校增值及 95% 置信区间，按增值从低到高排列（毛虫图）
-- Value-added by school with 95% intervals: latest exam pair in mathematics (the one with most schools),
-- lowest first (a caterpillar plot)
with exam_dates as (
  select distinct exam_id, exam_date from exam_school
),
latest_pair as (
  select prior_exam_id, exam_id
  from value_added_school
  join exam_dates using (exam_id)
  where subject = '数学'
  group by prior_exam_id, exam_id, exam_date
  order by exam_date desc, count(*) desc, exam_id
  limit 1
)
select
  school_name,
  round(va, 4) as va,
  round(ci_low, 4) as ci_low,
  round(ci_high, 4) as ci_high,
  n_students,
  band
from value_added_school
join latest_pair using (prior_exam_id, exam_id)
where subject = '数学'
  and not is_suppressed
order by va`
  },
  {
    id: "exchange",
    sql: `-- 最近一学年各集团教师交流比例与目标（config.json 中的 exchange_rate）对比
-- Teacher exchange rate by group in the latest school year, against the target (exchange_rate in config.json)
with group_names as (
  select group_id, arg_max(group_name, period) as group_name
  from group_profile
  group by group_id
),
target as (
  select value as exchange_target from targets where target = 'exchange_rate'
)
select
  coalesce(group_names.group_name, teacher_exchange.scope_id) as group_name,
  round(teacher_exchange.exchange_rate, 4) as exchange_rate,
  target.exchange_target as target,
  teacher_exchange.n_eligible,
  teacher_exchange.n_exchanged,
  teacher_exchange.exchange_rate >= target.exchange_target as meets_target
from teacher_exchange
cross join target
left join group_names on group_names.group_id = teacher_exchange.scope_id
where teacher_exchange.scope = 'group'
  and teacher_exchange.school_year = (select max(school_year) from teacher_exchange)
order by exchange_rate desc, group_name`
  },
  {
    id: "coverage-trend",
    sql: `-- 各期学校入集团比例，按城乡分线
-- Share of schools in education groups per period, one line per locality
select
  period,
  locality,
  round(share_schools, 4) as share_schools
from coverage
where county = 'all' and stage = 'all' and ownership = 'all' and locality <> 'all'
order by period, locality`
  }
];
