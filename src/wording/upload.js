// "Your data" (src/upload.md, src/views/upload.js): the drop zone, the run's progress, and its results.
export default {
  "upload.title": {zh: "用自己的数据", en: "Your data"},
  "upload.lead": {
    zh: "把教育局按数据规范导出的 CSV 文件或 Excel 工作簿（.xlsx）拖到下面（一个期次文件夹，或包含多个期次文件夹的目录，可带配置文件 junheng.config.json）。浏览器按与命令行完全相同的规则校验文件、计算指标，并用本网站的图表展示结果。",
    en: "Drop the CSV files or Excel workbooks (.xlsx) a bureau exports under the data contract below (one period folder, or a folder of period folders, with junheng.config.json if you have one). The browser checks them with exactly the rules of the command line, computes the metrics with the same SQL, and shows them with this site's charts."
  },
  "upload.contract": {zh: "数据规范", en: "data contract"},
  "upload.local": {
    zh: "文件只在本机的浏览器中读取和计算，不会上传到任何服务器；关闭页面后不留下任何数据。学生和教师编号在读取时即被替换为随机代号。",
    en: "The files are read and computed in this browser only: nothing is uploaded to any server, and nothing stays once the page is closed. Student and teacher ids are replaced by random codes as they are read."
  },
  "upload.drop": {zh: "把文件或文件夹拖到这里", en: "Drop files or a folder here"},
  "upload.hint": {
    zh: "CSV：UTF-8、GBK/GB18030 或 UTF-16 编码，逗号、制表符或分号分隔；或 Excel 工作簿（.xlsx）；中文或英文表头。",
    en: "CSV in UTF-8, GBK/GB18030 or UTF-16, comma, tab or semicolon separated; or Excel workbooks (.xlsx); Chinese or English headers."
  },
  "upload.chooseFolder": {zh: "选择文件夹…", en: "Choose a folder…"},
  "upload.chooseFiles": {zh: "选择文件…", en: "Choose files…"},
  "upload.loosePeriod": {zh: "单独拖入的文件属于期次", en: "Files dropped on their own belong to period"},
  "upload.progress.rows": {zh: "{n} 行", en: "{n} rows"},
  "upload.progress.checking": {zh: "正在校验 {file}.csv …", en: "Checking {file}.csv …"},
  "upload.progress.models": {zh: "正在计算指标（{done}/{total}）…", en: "Computing the metrics ({done}/{total}) …"},
  "upload.progress.starting": {zh: "正在启动浏览器内的 DuckDB …", en: "Starting DuckDB in the browser …"},
  "upload.progress.wasm": {zh: "正在加载 DuckDB-WASM（{mb} MB）…", en: "Loading DuckDB-WASM ({mb} MB) …"},
  "upload.problems.title": {zh: "文件有问题，未能计算", en: "The files have problems: nothing was computed"},
  "upload.problems.lead": {
    zh: "以下是文件层面的问题（与命令行 junheng run 给出的信息相同）。改正后重新拖入即可。",
    en: "These are file-level problems (the same messages as the command line's junheng run). Fix them and drop the files again."
  },
  "upload.again": {zh: "可以再次拖入文件，重新计算。", en: "Drop files again to recompute."},
  "upload.files.title": {zh: "读取结果", en: "What was read"},
  "upload.files.takeaway": {
    zh: "{files} 个文件，读取 {read} 行，入库 {loaded} 行，拒绝 {rejected} 行；从拖入到显示指标用时 {s} 秒。",
    en: "{files} files: {read} rows read, {loaded} loaded, {rejected} rejected; {s} s from dropping the files to the metrics."
  },
  "upload.file.name": {zh: "文件", en: "File"},
  "upload.file.encoding": {zh: "编码", en: "Encoding"},
  "upload.file.rows_read": {zh: "读取行数", en: "Rows read"},
  "upload.file.rows_loaded": {zh: "入库行数", en: "Rows loaded"},
  "upload.file.rows_rejected": {zh: "拒绝行数", en: "Rows rejected"},
  "upload.warnings": {zh: "提示", en: "Notes"},
  "upload.rejects.title": {zh: "被拒绝的行", en: "Rejected rows"},
  "upload.rejects.none": {zh: "没有被拒绝的行。", en: "No rows were rejected."},
  "upload.rejects.all": {
    zh: "共 {n} 条问题。每一行都给出期次、文件、行号（表头为第 1 行）、列、原值和原因。",
    en: "{n} problems. Each names the period, file, line (the header is line 1), column, value and reason."
  },
  "upload.rejects.first": {
    zh: "共 {n} 条问题，下表显示前 {shown} 条。每一行都给出期次、文件、行号（表头为第 1 行）、列、原值和原因。",
    en: "{n} problems; the table shows the first {shown}. Each names the period, file, line (the header is line 1), column, value and reason."
  },
  "upload.rejects.download": {zh: "下载全部 {n} 条（CSV，含中英文说明）", en: "Download all {n} (CSV, with Chinese and English messages)"},
  "upload.reject.period": {zh: "期次", en: "Period"},
  "upload.reject.file": {zh: "文件", en: "File"},
  "upload.reject.line": {zh: "行号", en: "Line"},
  "upload.reject.column": {zh: "列", en: "Column"},
  "upload.reject.value": {zh: "原值", en: "Value"},
  "upload.reject.message": {zh: "原因", en: "Reason"},
  "upload.metrics": {zh: "主要指标（{period}）", en: "Headline metrics ({period})"},
  "upload.gap.title": {zh: "城乡学业差距（城区 − 乡村，按科目）", en: "Urban–rural attainment gap (urban − rural, by subject)"},
  "upload.gap.latest": {
    zh: "最近一次考试（{exam}，{date}）城区学生比乡村学生的平均标准分：{gaps}。",
    en: "In the latest exam ({exam}, {date}) urban students' mean z-score against rural students': {gaps}."
  },
  "upload.va.title": {zh: "各校增值估计及 95% 区间", en: "School value-added with 95% intervals"},
  "upload.va.takeaway": {
    zh: "{pair}：{above} 所学校高于预期，{below} 所低于预期，{average} 所与平均水平无法区分。",
    en: "{pair}: {above} schools above expectation, {below} below, {average} indistinguishable from average."
  },
  "upload.va.none": {
    zh: "数据中没有可配对的前后两次考试，无法计算增值。",
    en: "No pair of earlier and later exams in the data: value-added cannot be computed."
  }
};
