// junheng — the command line. Chinese first, English second; a user error is a message and exit 1,
// never a stack trace.
import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {InputError, UsageError} from "./errors.js";
import {EXIT_CODES, parse, unknownCommand} from "./cli-args.js";
import {InputProblems, type ProgressEvent} from "./ingest/ingest.js";
import {fileSummary, rejectsByFile} from "./ingest/summary.js";
import {DEFAULT_MAX_REJECT_RATE, runPipeline, validateInput, TOOL_VERSION} from "./run.js";

export const DEMO_INPUT = fileURLToPath(new URL("../data/demo", import.meta.url));

const MAIN_HELP = `均衡 Junheng ${TOOL_VERSION} — 集团化办学均衡发展分析

用法：
  junheng run --input <目录> --out <目录>     校验、入库、计算指标并发布（不给 --input 时使用内置示例数据）
  junheng validate --input <目录>            只做校验，输出报告，不写任何文件
  junheng report --out <目录>                写出季度报告（Word 和 PDF），默认公开版
  junheng demo --scale county --seed 1 --out <目录>   生成示例数据
  junheng serve [目录]                        在本机 127.0.0.1 上打开已生成的网站（默认 dist）
  junheng template --out <目录>              生成填报模板（每个数据文件一个 .xlsx，另附 .csv）
  junheng <命令> --help                       查看命令说明

Usage:
  junheng run --input <dir> --out <dir>      validate, load, compute the metrics and publish (no --input: the embedded demo data)
  junheng validate --input <dir>             run the checks only and print the report; writes nothing
  junheng report --out <dir>                 write the quarterly report (Word and PDF), the public edition by default
  junheng demo --scale county --seed 1 --out <dir>    generate demo data
  junheng serve [dir]                        serve the built site on 127.0.0.1 (default dist)
  junheng template --out <dir>               write the forms to fill in (one .xlsx per data file, and .csv)
  junheng <command> --help                   help for a command

${EXIT_CODES}
`;

const RUN_HELP = `junheng run — 校验、入库、计算、发布 / validate, load, compute, publish

  --input <目录>          输入目录：每个期次一个子目录（如 2025Q3/），内含 schools.csv 等文件
                          input folder: one sub-folder per period (e.g. 2025Q3/) holding schools.csv etc.
                          省略时使用内置示例数据（并使用公开的示例密钥）/ omitted: the embedded demo data (with the public demo key)
  --out <目录>            输出目录（默认 out）：warehouse.duckdb、manifest.json、rejects.csv、published/public/（公开版）、published/internal/（内部版）
                          output folder (default out): the same, with the public and the internal edition. It is replaced only when the whole run succeeds.
  --key-file <文件>       假名化密钥文件（放在数据目录之外）；也可用环境变量 JUNHENG_KEY 或 JUNHENG_KEY_FILE
                          pseudonymisation key file (outside the data folders); or set JUNHENG_KEY / JUNHENG_KEY_FILE
  --demo-key              使用公开的示例密钥：只用于 junheng demo 生成且未改动的数据（目录中的 JUNHENG_DEMO.json
                          记录了每个数据文件的 SHA-256），其他输入一律拒绝，因为任何人都能用公开密钥由假名反查编号
                          the public demo key: only for data \`junheng demo\` wrote, unchanged (JUNHENG_DEMO.json in
                          the folder holds each data file's SHA-256); refused on any other input, since with a
                          public key anyone can read an id back from its pseudonym
  --max-reject-rate <比例> 单个文件被拒绝行的比例上限，默认 ${DEFAULT_MAX_REJECT_RATE} / the largest share of rejected rows a file may have
  --threads <n>           DuckDB 线程数；省略时输入小于 16 MB 用 1 个，否则每核 1 个
                          DuckDB threads; omitted: one for an input under 16 MB, else one per core
  --memory-limit <大小>    DuckDB 内存上限，如 4GB / DuckDB memory limit, e.g. 4GB
  --quiet                 不显示进度 / no progress output

${EXIT_CODES}
`;

const TEMPLATE_HELP = `junheng template — 生成填报模板 / write the forms to fill in

  --out <目录>            输出目录（默认 template）：xlsx/ 下每个数据文件一个工作簿（中文表头、英文批注、下拉列表、
                          填表说明、示例行），csv/ 下同样内容的 CSV（UTF-8 带 BOM）
                          output folder (default template): xlsx/ holds one workbook per data file (Chinese headers,
                          English notes, drop-down lists, instructions, example rows); csv/ the same as CSV (UTF-8, BOM)

${EXIT_CODES}
`;

const VALIDATE_HELP = `junheng validate — 只校验，不写文件 / check only, write nothing

  --input <目录>          输入目录 / input folder
  --max-reject-rate <比例> 默认 ${DEFAULT_MAX_REJECT_RATE} / default ${DEFAULT_MAX_REJECT_RATE}
  --show <n>              最多显示多少条被拒绝的行（默认 50）/ how many rejected rows to print (default 50)
  --json                  以 JSON 输出完整报告 / print the full report as JSON

${EXIT_CODES}
`;

const REPORT_HELP = `junheng report — 季度报告（Word 和 A4 PDF）/ the quarterly report (Word and A4 PDF)

  --out <目录>            junheng run 的输出目录（默认 out）；只读取其中 published/<版本>/ 的发布数据
                          the output folder of junheng run (default out); only its published/<edition>/ is read
  --edition <版本>        public（公开版，默认：不含单个学校的考试结果）或 internal（内部版）
                          public (the default: no single school's exam results) or internal
  --to <目录>             报告写到哪里（默认 <out>/reports/<版本>/）/ where to write it (default <out>/reports/<edition>/)
  --date <YYYY-MM-DD>     成文日期（默认今天）/ the date the report carries (default today)

发文机关和文号取自 junheng.config.json 的 report.issuer 和 report.doc_number（docs/data-contract.md）。
The issuing body and document number come from report.issuer and report.doc_number in junheng.config.json.

${EXIT_CODES}
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "run":
        return await runCommand(rest);
      case "validate":
        return await validateCommand(rest);
      case "template":
        return await templateCommand(rest);
      case "report":
        return await reportCommand(rest);
      case "demo": {
        const {runDemoCommand} = await import("./demo/command.js");
        return await runDemoCommand(rest);
      }
      case "--version":
      case "-v":
        console.log(TOOL_VERSION);
        return 0;
      case undefined:
      case "--help":
      case "-h":
      case "help":
        console.log(MAIN_HELP);
        return 0;
      case "serve": {
        const {serveCommand} = await import("./serve.js");
        return await serveCommand(rest);
      }
      default:
        throw unknownCommand(command);
    }
  } catch (error) {
    return reportError(error);
  }
}

/** The message and exit code for what stopped a command: 1 for what the user can fix, 3 for a bug. */
export function reportError(error: unknown): number {
  if (error instanceof InputProblems) {
    for (const problem of error.problems) console.error(problem.bilingual());
    console.error(`\n运行已停止，输出目录未改动。The run stopped; the output folder was not changed.`);
    return 1;
  }
  if (error instanceof InputError || error instanceof UsageError) {
    console.error(error.bilingual());
    return 1;
  }
  const code = (error as NodeJS.ErrnoException)?.code;
  const text = error instanceof Error ? error.message : String(error);
  // DuckDB reports I/O failures in its message, not as an errno code
  if (code === "ENOSPC" || /No space left on device|ENOSPC/i.test(text)) {
    console.error("错误：磁盘已满，运行已停止，输出目录未改动。\nError: the disk is full; the run stopped and the output folder was not changed.");
    return 1;
  }
  // DuckDB's "Out of Memory Error: … could not allocate block … (x/y used)": a --memory-limit (or a machine) too
  // small for the input, which the user fixes by raising it; not a bug
  // Node's own heap (a staging worker's, or the main thread's) is set by NODE_OPTIONS, not by --memory-limit
  if (/JS heap out of memory|reaching memory limit/i.test(text)) {
    const detail = text.split("\n")[0];
    console.error(
      `错误：Node.js 内存不足（${detail}）；运行已停止，输出目录未改动。请以 NODE_OPTIONS=--max-old-space-size=4096 重新运行。\n` +
        `Error: Node.js ran out of memory (${detail}); the run stopped and the output folder was not changed. Run again with NODE_OPTIONS=--max-old-space-size=4096.`
    );
    return 1;
  }
  if (/Out of Memory/i.test(text)) {
    const detail = text.split("\n")[0];
    // the model being built, when it was one (`create or replace table <model> as …`): says which step needs the memory
    const model = /^\s*create or replace (?:table|view) (\w+)/i.exec((error as {sql?: unknown}).sql as string ?? "")?.[1];
    const at = model ? [`，计算 ${model} 时`, ` while building ${model}`] : ["", ""];
    console.error(
      `错误：内存不足（${detail}）${at[0]}；运行已停止，输出目录未改动。请提高 --memory-limit（如 4GB）或减少 --threads。\n` +
        `Error: out of memory (${detail})${at[1]}; the run stopped and the output folder was not changed. Raise --memory-limit (e.g. 4GB) or lower --threads.`
    );
    return 1;
  }
  if (code === "EACCES" || code === "EPERM" || code === "EROFS" || /Permission denied|Read-only file system|Operation not permitted/i.test(text)) {
    const path = (error as NodeJS.ErrnoException).path ?? text.match(/"([^"]+)"/)?.[1] ?? "";
    console.error(`错误：没有写入权限 ${path}；运行已停止，输出目录未改动。\nError: permission denied: ${path}; the run stopped and the output folder was not changed.`);
    return 1;
  }
  if (code === "ENOTDIR" || code === "EEXIST" || code === "ENOENT") {
    const path = (error as NodeJS.ErrnoException).path ?? "";
    console.error(`错误：无法创建或写入 ${path}（路径中有同名文件，或上级目录不存在）；输出目录未改动。\nError: cannot create or write ${path} (a file stands in the path, or a parent folder is missing); the output folder was not changed.`);
    return 1;
  }
  // A bug, not a user error: say so plainly, with the detail on one line for the issue tracker.
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  console.error(`内部错误（请报告）：${message}\nInternal error (please report it): ${message}`);
  if (process.env.JUNHENG_DEBUG) console.error(error);
  return 3;
}

function rate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new UsageError(`--max-reject-rate 应为 0 到 1 之间的数：${value}`, `--max-reject-rate must be a number from 0 to 1: ${value}`);
  return n;
}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} 应为正整数：${value}`, `${flag} must be a positive whole number: ${value}`);
  return n;
}

async function runCommand(argv: string[]): Promise<number> {
  const {values} = parse(
    argv,
    {
      input: {type: "string"},
      out: {type: "string"},
      "key-file": {type: "string"},
      "demo-key": {type: "boolean"},
      "max-reject-rate": {type: "string"},
      threads: {type: "string"},
      "memory-limit": {type: "string"},
      quiet: {type: "boolean"}
    },
    RUN_HELP
  );
  if (values.help) {
    console.log(RUN_HELP);
    return 0;
  }
  let input = values.input as string | undefined;
  let demoKey = values["demo-key"] === true;
  if (!input) {
    input = DEMO_INPUT;
    demoKey = true;
    console.error("未指定 --input：使用内置示例数据（全部为虚构数据）和公开示例密钥。\nNo --input: using the embedded demo data (all synthetic) and the public demo key.");
  }
  if (!existsSync(input)) throw new UsageError(`找不到输入目录 ${input}`, `input folder not found: ${input}`);
  const progress = new Progress(values.quiet === true);
  const {manifest, out, rejectsByFile: byFile} = await runPipeline({
    input,
    out: (values.out as string | undefined) ?? "out",
    demoKey,
    keyFile: values["key-file"] as string | undefined,
    maxRejectRate: rate(values["max-reject-rate"] as string | undefined),
    threads: positiveInt(values.threads as string | undefined, "--threads"),
    memoryLimit: values["memory-limit"] as string | undefined,
    onProgress: (event) => progress.update(event),
    onStage: pauseForTests
  });
  progress.done();
  const read = manifest.files.reduce((sum, file) => sum + file.rows_read, 0);
  const loaded = manifest.files.reduce((sum, file) => sum + file.rows_loaded, 0);
  console.log(
    `完成：${manifest.periods.length} 个期次，读入 ${read.toLocaleString("zh-CN")} 行，入库 ${loaded.toLocaleString("zh-CN")} 行，拒绝 ${manifest.rejects.total_rows.toLocaleString("zh-CN")} 行（见 rejects.csv），发布公开版 ${tableCount(manifest.editions.public)} 张表、内部版 ${tableCount(manifest.editions.internal)} 张表 → ${out}/published/\n` +
      `Done: ${manifest.periods.length} periods, ${read.toLocaleString("en")} rows read, ${loaded.toLocaleString("en")} loaded, ${manifest.rejects.total_rows.toLocaleString("en")} rejected (see rejects.csv), ${tableCount(manifest.editions.public)} tables in the public edition and ${tableCount(manifest.editions.internal)} in the internal one → ${out}/published/ in ${(manifest.stages_ms.total_ms! / 1000).toFixed(1)} s`
  );
  for (const warning of manifest.warnings.filter((w) => w.code !== "carried_forward")) console.error(`注意 ${warning.zh}\nNote: ${warning.en}`);
  console.log(fileSummary(manifest.files, byFile));
  return 0;
}

async function validateCommand(argv: string[]): Promise<number> {
  const {values} = parse(argv, {input: {type: "string"}, "max-reject-rate": {type: "string"}, show: {type: "string"}, json: {type: "boolean"}}, VALIDATE_HELP);
  if (values.help) {
    console.log(VALIDATE_HELP);
    return 0;
  }
  const input = values.input as string | undefined;
  if (!input) throw new UsageError("请用 --input 指定输入目录。运行 junheng validate --help 查看全部选项。", "--input is required. Run junheng validate --help for all options.");
  if (!existsSync(input)) throw new UsageError(`找不到输入目录 ${input}`, `input folder not found: ${input}`);
  const progress = new Progress(values.json === true);
  const report = await validateInput({input, maxRejectRate: rate(values["max-reject-rate"] as string | undefined), onProgress: (event) => progress.update(event)});
  progress.done();
  if (values.json) {
    console.log(JSON.stringify({...report, problems: report.problems.map((p) => ({code: p.code, ...p.location, zh: p.detail.zh, en: p.detail.en}))}, null, 2));
    return report.ok ? 0 : 1;
  }
  for (const problem of report.problems) console.error(problem.bilingual());
  if (!report.ok) return 1;
  const show = positiveInt(values.show as string | undefined, "--show") ?? 50;
  for (const reject of report.rejects.slice(0, show)) {
    const sheet = reject.sheet ? ` [${reject.sheet}]` : "";
    console.log(`${reject.period}/${reject.file}${sheet} 第 ${reject.line} 行 line ${reject.line} [${reject.reason}] ${reject.column}${reject.value !== null ? ` = "${reject.value}"` : ""}: ${reject.message_zh} / ${reject.message_en}`);
  }
  if (report.rejects.length > show) console.log(`…… 另有 ${report.rejects.length - show} 条 / ${report.rejects.length - show} more`);
  for (const warning of report.warnings) console.error(`注意 ${warning.zh}\nNote: ${warning.en}`);
  console.log(fileSummary(report.files, rejectsByFile(report.rejects)));
  console.log(`校验通过（${report.rejects.length} 个行级问题）。Validation passed (${report.rejects.length} row-level problems).`);
  return 0;
}

async function templateCommand(argv: string[]): Promise<number> {
  const {values} = parse(argv, {out: {type: "string"}}, TEMPLATE_HELP);
  if (values.help) {
    console.log(TEMPLATE_HELP);
    return 0;
  }
  const out = (values.out as string | undefined) ?? "template";
  const {writeTemplates} = await import("./ingest/template.js");
  const written = await writeTemplates(out);
  console.log(
    `已写出 ${written.length} 个模板文件到 ${out}/（xlsx/ 与 csv/，每期只放其中一种）。\n` +
      `Wrote ${written.length} template files to ${out}/ (xlsx/ and csv/: put one kind, not both, in each period folder).`
  );
  return 0;
}

async function reportCommand(argv: string[]): Promise<number> {
  const {values} = parse(argv, {out: {type: "string"}, edition: {type: "string"}, to: {type: "string"}, date: {type: "string"}}, REPORT_HELP);
  if (values.help) {
    console.log(REPORT_HELP);
    return 0;
  }
  const {checkEdition} = await import("./report/data.js");
  const {writeReport} = await import("./report/report.js");
  const edition = checkEdition((values.edition as string | undefined) ?? "public");
  const report = await writeReport({out: (values.out as string | undefined) ?? "out", edition, to: values.to as string | undefined, date: values.date as string | undefined});
  const name = edition === "public" ? "公开版" : "内部版";
  console.log(`已写出${name}季度报告 ${report.period} → ${report.dir}/${report.files.docx}、${report.files.pdf}\nWrote the ${edition} edition's quarterly report for ${report.period} → ${report.dir}/${report.files.docx}, ${report.files.pdf}`);
  return 0;
}

// Tests kill a run at a chosen stage: JUNHENG_TEST_PAUSE_AFTER=ingest|models|written makes it wait there;
// JUNHENG_TRACE_STAGES=1 prints each stage as it ends.
async function pauseForTests(stage: string): Promise<void> {
  if (process.env.JUNHENG_TRACE_STAGES) process.stderr.write(`stage ${stage}\n`);
  if (process.env.JUNHENG_TEST_PAUSE_AFTER !== stage) return;
  process.stderr.write(`paused after ${stage}\n`);
  await new Promise((resolve) => setTimeout(resolve, 120_000));
}

/** Progress on stderr: one rewritten line on a terminal, plain lines otherwise. */
class Progress {
  private readonly tty = process.stderr.isTTY === true;
  private lastDraw = 0;
  private started = new Map<string, number>();
  constructor(private readonly quiet: boolean) {}

  update(event: ProgressEvent | {stage: "models" | "publish" | "swap"; detail?: string}): void {
    if (this.quiet) return;
    switch (event.stage) {
      case "decode": {
        if (!this.started.has(event.name)) this.started.set(event.name, performance.now());
        if (!this.tty) return;
        const now = performance.now();
        if (now - this.lastDraw < 200) return;
        this.lastDraw = now;
        const seconds = (now - this.started.get(event.name)!) / 1000;
        const pct = event.totalBytes > 0 ? Math.round((event.bytes / event.totalBytes) * 100) : 100;
        const rate = seconds > 0 ? Math.round(event.rows / seconds) : 0;
        process.stderr.write(`\r\x1b[K读取 reading ${event.name} ${pct}%  ${event.rows.toLocaleString("en")} 行 rows  ${rate.toLocaleString("en")} 行/秒 rows/s`);
        return;
      }
      case "decode-done": {
        const rate = event.ms > 0 ? Math.round(event.rows / (event.ms / 1000)) : event.rows;
        this.line(`读取 read ${event.name}: ${event.rows.toLocaleString("en")} 行 rows, ${(event.ms / 1000).toFixed(1)} s, ${rate.toLocaleString("en")} 行/秒 rows/s`);
        return;
      }
      case "check":
        this.line(`校验并入库 checked and loaded ${event.file}: ${event.rows.toLocaleString("en")} 行 rows`);
        return;
      case "models":
        this.line("计算指标 building the models …");
        return;
      case "publish":
        this.line("发布 publishing …");
        return;
      case "swap":
        return;
    }
  }

  private line(text: string): void {
    if (this.quiet) return;
    process.stderr.write(this.tty ? `\r\x1b[K${text}\n` : `${text}\n`);
  }

  done(): void {
    if (this.tty && !this.quiet) process.stderr.write("\r\x1b[K");
  }
}

/** an edition's data tables (its config.json is listed beside them) */
function tableCount(edition: {published: {table: string}[]}): number {
  return edition.published.filter((table) => table.table !== "config").length;
}
