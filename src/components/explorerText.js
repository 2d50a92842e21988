// The explorer's words (Chinese, English) and its example queries. Each example's SQL carries its own
// comments in both languages, so that a copied or linked query explains itself in either.

const TEXT = {
  zh: {
    title: "数据探索",
    lead: "用 SQL 直接查询本网站发布的每一张数据表。查询在你的浏览器里运行（DuckDB-WASM），不经过任何服务器；查询语句保存在网址中，复制网址即可把同一条查询发给别人，对方按“运行”后看到同样的结果。",
    starting: "正在启动 DuckDB…",
    wasm: (mb) => `正在载入 DuckDB（已下载 ${mb} MB）…`,
    loading: (n, total) => `正在载入数据表（${n} / ${total}）…`,
    ready: (n, version, s) => `已载入 ${n} 张表 · DuckDB ${version} · 用时 ${s} 秒`,
    failed: "DuckDB 启动失败：",
    editor: "SQL 查询",
    examples: "示例查询",
    choose: "选择一个示例…",
    run: "运行",
    shortcut: "Ctrl+Enter（Mac：⌘+Enter）运行",
    copyLink: "复制链接",
    copied: "已复制",
    sqlLabel: "SQL 语句",
    result: "查询结果",
    returned: (n, ms) => `返回 ${n} 行，用时 ${ms} 毫秒`,
    capped: (cap) => `表格只显示前 ${cap} 行；CSV 下载包含全部结果。`,
    noRows: "查询没有返回任何行。",
    noResult: "语句已执行，没有返回结果表。",
    download: "下载 CSV（全部结果）",
    waitingTitle: "链接中的查询尚未运行",
    waiting: "上面的 SQL 来自你打开的链接。请先读一遍，确认无误后按“运行”（或 Ctrl+Enter）。本页的 DuckDB 只能读取本站发布的数据表，不会访问其他网站。",
    error: "查询出错",
    errorHint: "以上是 DuckDB 的原始信息。修改语句后再运行即可；已载入的数据表不受影响。",
    chart: "快速图表",
    noChart: "结果中没有可作图的数值列。",
    chartBar: (y, x, n) => `条形图：${y} × ${x}${n ? `（前 ${n} 行）` : ""}`,
    chartInterval: (y, x, n) => `区间图：${y} × ${x}，横线为 ci_low — ci_high${n ? `（前 ${n} 行）` : ""}`,
    chartLine: (x, y, z) => `折线图：${x} × ${y}${z ? `，按 ${z} 分线` : ""}`,
    chartDot: (x, y) => `散点图：${x} × ${y}`,
    tables: "数据表",
    tablesLead: "每张表的列和行数。表的含义、粒度和公式见",
    tablesEnd: "。",
    methodology: "方法页",
    targetsNote: "targets：config.json 中的目标与标准（每行一项）。",
    columns: "列",
    rows: "行数",
    table: "表",
    insert: "查询此表",
    rowsCount: (n) => `${n} 行`,
    columnsCount: (n) => `${n} 列`,
    weight: "本页会下载约 35 MB（DuckDB 引擎），只在本页加载，其他页面不受影响。"
  },
  en: {
    title: "Explorer",
    lead: "Query every table this site publishes with SQL. Queries run in your browser (DuckDB-WASM), on no server; the query is kept in the address, so a copied link gives others the same query, and the same result once they press Run.",
    starting: "Starting DuckDB…",
    wasm: (mb) => `Loading DuckDB (${mb} MB so far)…`,
    loading: (n, total) => `Loading tables (${n} / ${total})…`,
    ready: (n, version, s) => `${n} tables loaded · DuckDB ${version} · ${s} s`,
    failed: "DuckDB failed to start: ",
    editor: "SQL query",
    examples: "Example queries",
    choose: "Choose an example…",
    run: "Run",
    shortcut: "Ctrl+Enter (Mac: ⌘+Enter) runs",
    copyLink: "Copy link",
    copied: "Copied",
    sqlLabel: "SQL statement",
    result: "Result",
    returned: (n, ms) => `${n} ${n === "1" ? "row" : "rows"} in ${ms} ms`,
    capped: (cap) => `The table shows the first ${cap} rows; the CSV download has the whole result.`,
    noRows: "The query returned no rows.",
    noResult: "The statement ran and returned no table.",
    download: "Download CSV (whole result)",
    waitingTitle: "The query from the link has not run",
    waiting: "The SQL above came with the link you opened. Read it first, then press Run (or Ctrl+Enter). This page's DuckDB reads only the tables this site publishes and reaches no other site.",
    error: "Query error",
    errorHint: "This is DuckDB's own message. Edit the query and run it again; the loaded tables are unaffected.",
    chart: "Quick chart",
    noChart: "The result has no numeric column to chart.",
    chartBar: (y, x, n) => `Bar chart: ${y} × ${x}${n ? ` (first ${n} rows)` : ""}`,
    chartInterval: (y, x, n) => `Interval chart: ${y} × ${x}, lines from ci_low to ci_high${n ? ` (first ${n} rows)` : ""}`,
    chartLine: (x, y, z) => `Line chart: ${x} × ${y}${z ? `, one line per ${z}` : ""}`,
    chartDot: (x, y) => `Scatter plot: ${x} × ${y}`,
    tables: "Tables",
    tablesLead: "Each table's columns and row count. What a table means, its grain and formulas: the",
    tablesEnd: ".",
    methodology: "Methodology page",
    targetsNote: "targets: the targets and thresholds of config.json (one row each).",
    columns: "Columns",
    rows: "Rows",
    table: "Table",
    insert: "Query this table",
    rowsCount: (n) => `${n} ${n === "1" ? "row" : "rows"}`,
    columnsCount: (n) => `${n} columns`,
    weight: "This page downloads about 35 MB (the DuckDB engine), on this page only; the other pages are unaffected."
  }
};

export function explorerText(lang = "zh") {
  return TEXT[lang] ?? TEXT.zh;
}

/** Example queries: a label per language and SQL with comments in both. */
export const EXAMPLES = [
  {
    id: "coverage",
    label: {zh: "最近一期各区县集团覆盖率", en: "Coverage by county, latest period"},
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
    label: {zh: "未达到“七项至少六项”的学校", en: "Schools below the 6-of-7 rule"},
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
    label: {zh: "各校增值评价（毛虫图数据）", en: "Value-added caterpillar data"},
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
    label: {zh: "各集团教师交流比例与目标", en: "Teacher exchange rate vs target, by group"},
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
    label: {zh: "覆盖率的变化（按城乡）", en: "Coverage over time, by locality"},
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
