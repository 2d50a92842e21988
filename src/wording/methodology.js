// The methodology page (src/methodology.md, src/views/methodology.js). Texts that show a published name or
// a setting mark it as `code`: a researcher needs the name, a reader reads the words around it.
export default {
  "methodology.title": {zh: "方法与数据说明", en: "Methodology and data"},
  "methodology.lead": {
    zh: "每张发布表的定义、公式和来源；输入数据规范；小样本不公开规则；以及本次计算的运行记录。",
    en: "Every published table's definition, formula and source; the input data contract; the suppression rule; and this run's record."
  },
  "methodology.suppression.title": {zh: "小样本不公开规则", en: "Suppression rule"},
  "methodology.suppression.text": {
    zh: "由少于 {n} 名学生计算出的数值（平均分、各种率、差距、增值等）不公开：数据表中该值为空，并标记为不公开（`is_suppressed` 列为真），网页显示为“<{n}”，而不是 0。学校数和教师数不受此限。任何发布表和本网站都不包含学生或教师的编号（原始的或假名化的）。",
    en: "A value computed from fewer than {n} students (means, rates, gaps, value-added…) is not published: it is empty in the tables and marked as suppressed (`is_suppressed` is true), and this site shows “<{n}”, never 0. Counts of schools and teachers are not suppressed. No published table, and nothing on this site, contains a student or teacher id, raw or pseudonymised."
  },
  "methodology.disclosure.title": {zh: "防止被推算回来：补充不公开与审计", en: "Suppression that survives arithmetic: complementary suppression and the audit"},
  "methodology.disclosure.text": {
    zh: "只隐藏小样本的数值还不够：用全县农村学校的平均分和人数，减去其他农村学校公布的平均分乘以人数，就能算出被隐藏的那所学校。因此每次计算后都做一次审计：把每个公布的考试类数值看作若干学校学生成绩之和（假定学校人数已知，因为学校规模是公开信息；也用到“一次考试的标准分之和为 0”“增值残差之和为 0”这两个恒等式；一所学校两次考试的学生完全相同时，它的增值就是后一次考试标准分均值减去截距、再减去斜率乘前一次考试标准分均值，而截距和斜率是公布的，所以增值与两次考试的成绩放在同一个方程组里一起审计），检查被隐藏的数值能否由公布数值的任意线性组合精确求出（用两个不同的大素数取模做精确消元）。能求出时，就再隐藏一个参与推算的数值——先选学校，学生最少的优先（英国教育部 DfE 的“次小者”做法），否则选汇总行——然后重新审计，直到没有任何隐藏数值可被推算；做不到时本次运行失败。被补充隐藏的行在 `suppression` 列标为 `complementary`，少于 {n} 名学生的标为 `primary`；公开版中每所学校的考试结果都不单独公布，少于 {k} 所学校的汇总也不公布（`few_schools`）。被隐藏的行也不公布人数。参考：DfE 的数据隐藏政策、美国国家教育统计中心（NCES）统计标准 4-2 的披露限制方法。",
    en: "Hiding small values is not enough: a county's rural mean and number of students, minus the other rural schools' published means times their students, gives back the hidden school. So every run audits what it publishes: each exam-based figure is a sum over some schools' students (the number of students at each school is taken as known, since school sizes are public; so are the identities that z-scores sum to 0 over an exam and value-added residuals to 0 over an exam pair; where a school's students are the same in both exams of a pair, its value-added is its later mean z minus the published intercept and slope times its earlier mean z, so value-added and both exams' results are audited as one system), and a hidden value counts as exposed if any linear combination of published figures gives it exactly (exact elimination modulo two large primes). While one is exposed, one more of the figures that give it is hidden — a school before an aggregate, the fewest students first (the Department for Education's “next smallest”) — and the audit runs again, until nothing hidden can be computed; otherwise the run fails. Rows hidden this way are marked `complementary` in the `suppression` column, those under {n} students `primary`; in the public edition no school's exam result is published on its own, nor an aggregate over fewer than {k} schools (`few_schools`). Hidden rows do not show their numbers of students either. References: DfE's policy on suppression; NCES Statistical Standard 4-2 (disclosure limitation)."
  },
  "methodology.section": {zh: "中文", en: "English"},
  "methodology.metrics": {zh: "指标定义", en: "Metric definitions"},
  "methodology.metric.note": {
    zh: "粒度：{grain} · 主键：{key} · 行数：{rows}",
    en: "Grain: {grain} · Key: {key} · Rows: {rows}"
  },
  "methodology.metric.rollups": {zh: "{grain}，含各维度的汇总行", en: "{grain}, with a total row for each dimension"},
  "methodology.settings.title": {zh: "目标与阈值", en: "Targets and thresholds"},
  "methodology.settings.takeaway": {
    zh: "本次计算使用的设置，取自配置文件 junheng.config.json；第三列是文件中的设置名。",
    en: "The settings this run used, from the configuration file junheng.config.json; the third column is the setting's name in the file."
  },
  "methodology.settings.threshold": {zh: "{section}：{indicator}标准", en: "{section}: standard for {indicator}"},
  "methodology.setting.region_name": {zh: "地区名称", en: "Region name"},
  "methodology.setting.min_n": {zh: "公开一个数值所需的最少学生数", en: "Fewest students behind a published value"},
  "methodology.setting.targets.coverage_share": {zh: "集团化办学学校覆盖率目标", en: "Target share of schools in groups"},
  "methodology.setting.targets.coverage_deadline": {zh: "覆盖率目标期限", en: "Deadline of the coverage target"},
  "methodology.setting.targets.exchange_rate": {zh: "教师交流比例目标", en: "Target teacher exchange rate"},
  "methodology.setting.targets.exchange_backbone_share": {zh: "交流教师中骨干教师占比目标", en: "Target backbone share among teachers exchanged"},
  "methodology.setting.targets.cv_primary": {zh: "小学差异系数上限", en: "Highest coefficient of variation, primary"},
  "methodology.setting.targets.cv_junior": {zh: "初中差异系数上限", en: "Highest coefficient of variation, junior secondary"},
  "methodology.setting.score_bands.excellent": {zh: "优秀线（得分率）", en: "Excellent from (share of full marks)"},
  "methodology.setting.score_bands.pass": {zh: "及格线（得分率）", en: "Pass from (share of full marks)"},
  "methodology.setting.score_bands.low": {zh: "低分线（得分率）", en: "Low below (share of full marks)"},
  "methodology.column.label": {zh: "设置", en: "Setting"},
  "methodology.column.value": {zh: "值", en: "Value"},
  "methodology.column.setting": {zh: "设置名", en: "Name in the file"},
  "methodology.contract.title": {zh: "输入数据规范", en: "Input data contract"},
  "methodology.contract.lead": {
    zh: "每季度一个文件夹（如 2025Q3/），包含以下 CSV 文件。表头可用中文列名或英文列名；可选值可填中文名称或英文代码。",
    en: "One folder per quarter (e.g. 2025Q3/) with these CSV files. Headers may be the Chinese or the English names; coded values may be given by their Chinese names or their English codes."
  },
  "methodology.contract.idRule": {
    zh: "学校代码和集团代码会用作文件名和网址：{rule}；不符合的行被拒绝（{reason}）。",
    en: "School and group codes become file names and URLs: {rule}; a row that breaks this is rejected ({reason})."
  },
  "methodology.contract.file": {zh: "{description}（{file}）", en: "{description} ({file})"},
  "methodology.contract.keyPeriod": {zh: "每期内，{key}不能重复。", en: "Within a period, no two rows share {key}."},
  "methodology.contract.keyGlobal": {zh: "所有期合起来，{key}不能重复。", en: "Across all periods, no two rows share {key}."},
  "methodology.contract.aliases": {zh: "中文列名", en: "Chinese names"},
  "methodology.contract.name": {zh: "英文列名", en: "Column"},
  "methodology.contract.type": {zh: "类型与可选值", en: "Type and accepted values"},
  "methodology.contract.codes": {zh: "可选值的英文代码", en: "Codes"},
  "methodology.contract.required": {zh: "必填", en: "Required"},
  "methodology.contract.description": {zh: "说明", en: "Description"},
  "methodology.contract.private": {zh: "（只用于校验，不发布）", en: " (checked, never published)"},
  "methodology.type.text": {zh: "文本", en: "Text"},
  "methodology.type.id": {zh: "代码（用作文件名和网址）", en: "Code (becomes a file name and URL)"},
  "methodology.type.integer": {zh: "整数", en: "Whole number"},
  "methodology.type.number": {zh: "数值", en: "Number"},
  "methodology.type.date": {zh: "日期（年-月-日）", en: "Date (year-month-day)"},
  "methodology.type.boolean": {zh: "是 / 否", en: "Yes / no"},
  "methodology.type.or": {zh: "、", en: ", "},
  "methodology.type.enum": {zh: "可选值：{values}", en: "One of: {values}"},
  "methodology.run.title": {zh: "运行记录", en: "Run record"},
  "methodology.run.takeaway": {
    zh: "本网站的数字由均衡 {version} 在 {finished} 计算完成，共 {periods} 期（{first}至{last}），耗时 {seconds} 秒。",
    en: "The numbers on this site were computed by Junheng {version}, finished {finished}: {periods} periods ({first} to {last}) in {seconds} s."
  },
  "methodology.run.item": {zh: "项目", en: "Item"},
  "methodology.run.version": {zh: "均衡版本", en: "Junheng version"},
  "methodology.run.duckdb": {zh: "DuckDB 版本", en: "DuckDB version"},
  "methodology.run.periods": {zh: "期次", en: "Periods"},
  "methodology.run.periodRange": {zh: "{first}至{last}，共 {n} 期", en: "{first} to {last}, {n} periods"},
  "methodology.run.started": {zh: "开始时间", en: "Started"},
  "methodology.run.finished": {zh: "结束时间", en: "Finished"},
  "methodology.run.key": {zh: "假名化密钥", en: "Pseudonym key"},
  "methodology.run.keyDemo": {zh: "示例密钥（公开，只用于合成数据）", en: "Demo key (public; synthetic data only)"},
  "methodology.run.keyFile": {zh: "密钥文件", en: "Key file"},
  "methodology.run.keyEnv": {zh: "环境变量 JUNHENG_KEY", en: "Environment variable JUNHENG_KEY"},
  "methodology.run.stage": {zh: "用时：{stage}", en: "Time: {stage}"},
  "methodology.run.seconds": {zh: "{s} 秒", en: "{s} s"},
  "methodology.stage.decode": {zh: "读取并识别编码", en: "reading and decoding"},
  "methodology.stage.load": {zh: "载入", en: "loading"},
  "methodology.stage.validate": {zh: "校验", en: "checking"},
  "methodology.stage.models": {zh: "计算指标", en: "computing the metrics"},
  "methodology.stage.publish": {zh: "发布数据表", en: "publishing the tables"},
  "methodology.stage.revisions": {zh: "与上一次发布比较（含在发布用时中）", en: "comparing with the previous release (part of publishing)"},
  "methodology.stage.total": {zh: "合计", en: "in all"},
  "methodology.published.title": {zh: "发布的数据表", en: "Published tables"},
  "methodology.published.takeaway": {
    zh: "共发布 {n} 张数据表，每张都有 CSV 和 Parquet 两种格式（见“下载”页）。",
    en: "{n} tables are published, each as CSV and Parquet (see Downloads)."
  },
  "methodology.published.grain": {zh: "粒度", en: "Grain"},
  "methodology.published.name": {zh: "内容", en: "Contents"},
  "methodology.table.revisions": {zh: "对以往数字的修订", en: "Revisions to earlier figures"},
  "methodology.files.title": {zh: "读入的文件", en: "Files read"},
  "methodology.files.takeaway": {
    zh: "读入 {n} 个文件共 {rows} 行，入库 {loaded} 行，拒绝 {rejected} 行。",
    en: "{n} files with {rows} rows read, {loaded} loaded and {rejected} rejected."
  },
  "methodology.files.encoding": {zh: "编码", en: "Encoding"},
  "methodology.files.read": {zh: "读入", en: "Read"},
  "methodology.files.loaded": {zh: "入库", en: "Loaded"},
  "methodology.files.rejected": {zh: "拒绝", en: "Rejected"},
  "methodology.rejects.title": {zh: "被拒绝的行与提示", en: "Rejected rows and warnings"},
  "methodology.rejects.none": {zh: "没有被拒绝的行。", en: "No row was rejected."},
  "methodology.rejects.some": {zh: "共拒绝 {n} 行：{reasons}。", en: "{n} rows were rejected: {reasons}."},
  "methodology.rejects.reason": {zh: "{reason} {n} 行", en: "{reason} ({n})"},
  "methodology.warnings.none": {zh: "本次运行没有提示。", en: "This run gave no warnings."},
  "methodology.warnings.some": {zh: "本次运行有 {n} 条提示，见下表。", en: "Warnings from this run ({n}) are listed below."},
  "methodology.warnings.message": {zh: "内容", en: "Message"}
};
