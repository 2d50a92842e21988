// The SQL explorer (src/explorer.md, src/views/explorer.js) and its components (sqlEditor, queryResult).
export default {
  "explorer.title": {zh: "数据探索", en: "Explorer"},
  "explorer.lead": {
    zh: "用 SQL 直接查询本网站发布的每一张数据表。查询在你的浏览器里运行（DuckDB-WASM），不经过任何服务器；查询语句保存在网址中，复制网址即可把同一条查询发给别人，对方按“运行”后看到同样的结果。",
    en: "Query every table this site publishes with SQL. Queries run in your browser (DuckDB-WASM), on no server; the query is kept in the address, so a copied link gives others the same query, and the same result once they press Run."
  },
  "explorer.weight": {
    zh: "本页会下载约 35 MB（DuckDB 引擎），只在本页加载，其他页面不受影响。",
    en: "This page downloads about 35 MB (the DuckDB engine), on this page only; the other pages are unaffected."
  },
  "explorer.status.starting": {zh: "正在启动 DuckDB…", en: "Starting DuckDB…"},
  "explorer.status.wasm": {zh: "正在载入 DuckDB（已下载 {mb} MB）…", en: "Loading DuckDB ({mb} MB so far)…"},
  "explorer.status.tables": {zh: "正在载入数据表（{n} / {total}）…", en: "Loading tables ({n} / {total})…"},
  "explorer.status.ready": {zh: "已载入 {n} 张表 · DuckDB {version} · 用时 {s} 秒", en: "{n} tables loaded · DuckDB {version} · {s} s"},
  "explorer.status.failed": {zh: "DuckDB 启动失败：{message}", en: "DuckDB failed to start: {message}"},
  "explorer.editor": {zh: "SQL 查询", en: "SQL query"},
  "explorer.examples": {zh: "示例查询", en: "Example queries"},
  "explorer.choose": {zh: "选择一个示例…", en: "Choose an example…"},
  "explorer.run": {zh: "运行", en: "Run"},
  "explorer.shortcut": {zh: "Ctrl+Enter（Mac：⌘+Enter）运行", en: "Ctrl+Enter (Mac: ⌘+Enter) runs"},
  "explorer.copyLink": {zh: "复制链接", en: "Copy link"},
  "explorer.copied": {zh: "已复制", en: "Copied"},
  "explorer.sqlLabel": {zh: "SQL 语句", en: "SQL statement"},
  "explorer.result": {zh: "查询结果", en: "Result"},
  "explorer.returned.one": {zh: "返回 {n} 行，用时 {ms} 毫秒", en: "{n} row in {ms} ms"},
  "explorer.returned.many": {zh: "返回 {n} 行，用时 {ms} 毫秒", en: "{n} rows in {ms} ms"},
  "explorer.capped": {zh: "表格只显示前 {cap} 行；CSV 下载包含全部结果。", en: "The table shows the first {cap} rows; the CSV download has the whole result."},
  "explorer.noRows": {zh: "查询没有返回任何行。", en: "The query returned no rows."},
  "explorer.noResult": {zh: "语句已执行，没有返回结果表。", en: "The statement ran and returned no table."},
  "explorer.download": {zh: "下载 CSV（全部结果）", en: "Download CSV (whole result)"},
  "explorer.waitingTitle": {zh: "链接中的查询尚未运行", en: "The query from the link has not run"},
  "explorer.waiting": {
    zh: "上面的 SQL 来自你打开的链接。请先读一遍，确认无误后按“运行”（或 Ctrl+Enter）。本页的 DuckDB 只能读取本站发布的数据表，不会访问其他网站。",
    en: "The SQL above came with the link you opened. Read it first, then press Run (or Ctrl+Enter). This page's DuckDB reads only the tables this site publishes and reaches no other site."
  },
  "explorer.error": {zh: "查询出错", en: "Query error"},
  "explorer.errorHint": {
    zh: "以上是 DuckDB 的原始信息。修改语句后再运行即可；已载入的数据表不受影响。",
    en: "This is DuckDB's own message. Edit the query and run it again; the loaded tables are unaffected."
  },
  "explorer.noChart": {zh: "结果中没有可作图的数值列。", en: "The result has no numeric column to chart."},
  "explorer.chart.bar": {zh: "条形图：{y} × {x}", en: "Bar chart: {y} × {x}"},
  "explorer.chart.interval": {zh: "区间图：{y} × {x}，横线为 {low} — {high}", en: "Interval chart: {y} × {x}, lines from {low} to {high}"},
  "explorer.chart.first": {zh: "（前 {n} 行）", en: " (first {n} rows)"},
  "explorer.chart.line": {zh: "折线图：{x} × {y}", en: "Line chart: {x} × {y}"},
  "explorer.chart.lineBy": {zh: "折线图：{x} × {y}，按 {z} 分线", en: "Line chart: {x} × {y}, one line per {z}"},
  "explorer.chart.dot": {zh: "散点图：{x} × {y}", en: "Scatter plot: {x} × {y}"},
  "explorer.chart.reference": {zh: " · {name} ┆", en: " · {name} ┆"},
  "explorer.tables": {zh: "数据表", en: "Tables"},
  "explorer.tablesLead": {zh: "每张表的列和行数。表的含义、粒度和公式见", en: "Each table's columns and row count. What a table means, its grain and formulas: the"},
  "explorer.tablesEnd": {zh: "。", en: "."},
  "explorer.methodology": {zh: "方法页", en: "Methodology page"},
  "explorer.targetsNote": {
    zh: "另有一张表是配置中的目标与标准（每行一项），表名为",
    en: "One more table holds the configuration's targets and thresholds, one row each:"
  },
  "explorer.insert": {zh: "查询此表", en: "Query this table"},
  "explorer.rowsCount.one": {zh: "{n} 行", en: "{n} row"},
  "explorer.rowsCount.many": {zh: "{n} 行", en: "{n} rows"},
  "explorer.columnsCount": {zh: "{n} 列", en: "{n} columns"},
  "explorer.example.coverage": {zh: "最近一期各区县集团覆盖率", en: "Coverage by county, latest period"},
  "explorer.example.below-six-of-seven": {zh: "未达到“七项至少六项”的学校", en: "Schools below the 6-of-7 rule"},
  "explorer.example.value-added": {zh: "各校增值评价（毛虫图数据）", en: "Value-added caterpillar data"},
  "explorer.example.exchange": {zh: "各集团教师交流比例与目标", en: "Teacher exchange rate vs target, by group"},
  "explorer.example.coverage-trend": {zh: "覆盖率的变化（按城乡）", en: "Coverage over time, by locality"}
};
