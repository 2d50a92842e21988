// The ingest: every period folder's files → staged CSV → checked in SQL → raw_* tables and rejects.
// Set-based: each kind of file is loaded and checked for all periods at once, in reference order,
// and snapshots missing from a period are carried forward before anything refers to them.
import {readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {CONTRACT, FILE_NAMES, PERIOD_PATTERN, type FileName} from "../contract.js";
import type {Db} from "../db.js";
import {InputError} from "../errors.js";
import {carryForwardStatement, checkStatements, lit, macroStatements, rawTableDdl, rejectsTableDdl, stageColumns} from "./checks-sql.js";
import type {Pseudonymiser} from "./pseudonym.js";
import {stageAll, type StageTask} from "./stage-pool.js";
import type {RejectRow, StagedFile} from "./stage-file.js";

export interface InputFile {
  period: string;
  file: FileName;
  path: string;
  /** 2025Q3/schools.csv */
  name: string;
}

export interface Warning {
  code: string;
  period?: string;
  file?: string;
  zh: string;
  en: string;
}

export interface Discovery {
  periods: string[];
  files: InputFile[];
  warnings: Warning[];
}

const ACCEPTED_EXTENSIONS = [".csv", ".tsv", ".txt"];

/** Find the period folders and the contract files in each; nothing is read yet. */
export function discoverInput(input: string): Discovery {
  let entries: string[];
  try {
    entries = readdirSync(input);
  } catch {
    throw new InputError("no_periods", {file: input}, {zh: `无法读取目录 ${input}`, en: `cannot read the folder ${input}`});
  }
  const warnings: Warning[] = [];
  const periods: string[] = [];
  for (const entry of entries.sort()) {
    const full = join(input, entry);
    if (!statSync(full).isDirectory()) continue;
    if (PERIOD_PATTERN.test(entry)) periods.push(entry);
    else if (!entry.startsWith(".")) {
      warnings.push({code: "ignored_folder", zh: `忽略不是期次的文件夹 ${entry}`, en: `ignored folder ${entry}: not a period (YYYYQn)`});
    }
  }
  if (periods.length === 0) throw new InputError("no_periods", {file: input});
  const files: InputFile[] = [];
  for (const period of periods) {
    for (const entry of readdirSync(join(input, period)).sort()) {
      const lower = entry.toLowerCase();
      const extension = ACCEPTED_EXTENSIONS.find((ext) => lower.endsWith(ext));
      const base = extension ? lower.slice(0, -extension.length) : lower;
      const file = FILE_NAMES.find((name) => name === base);
      if (file && statSync(join(input, period, entry)).isFile()) {
        if (files.some((other) => other.period === period && other.file === file)) {
          warnings.push({code: "ignored_file", period, file: entry, zh: `${period}/${entry} 与同名文件重复，已忽略`, en: `${period}/${entry} ignored: another ${file} file is in the folder`});
          continue;
        }
        files.push({period, file, path: join(input, period, entry), name: `${period}/${entry}`});
      } else if (!entry.startsWith(".")) {
        warnings.push({code: "ignored_file", period, file: entry, zh: `忽略不属于数据规范的文件 ${period}/${entry}`, en: `ignored ${period}/${entry}: not a file of the contract`});
      }
    }
  }
  const first = periods[0]!;
  if (!files.some((file) => file.period === first && file.file === "schools")) {
    throw new InputError("missing_schools_first_period", {period: first, file: "schools.csv"});
  }
  return {periods, files, warnings};
}

export interface FileReport {
  period: string;
  file: FileName;
  name: string;
  sha256: string;
  bytes: number;
  encoding: string;
  delimiter: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  blank_lines: number;
  extra_columns: string[];
  ms: number;
}

export interface CarriedFile {
  period: string;
  file: FileName;
  from: string;
  rows: number;
}

export interface IngestResult {
  periods: string[];
  files: FileReport[];
  carried: CarriedFile[];
  warnings: Warning[];
  rejected: number;
  timings: {decode_ms: number; load_ms: number; validate_ms: number};
}

export type ProgressEvent =
  | {stage: "decode"; name: string; bytes: number; totalBytes: number; rows: number}
  | {stage: "decode-done"; name: string; rows: number; ms: number}
  | {stage: "check"; file: FileName; rows: number};

export interface IngestOptions {
  input: string;
  /** scratch folder for staged CSV files (inside the run's temporary folder) */
  workDir: string;
  db: Db;
  pseudonymiser: Pseudonymiser;
  /** a file whose rejected share exceeds this fails the run */
  maxRejectRate: number;
  /** worker threads that decode and stage files in parallel (default: one per core, at most 4) */
  stageWorkers?: number;
  onProgress?: (event: ProgressEvent) => void;
}

/** File-level problems, all of them, so a bureau can fix every file in one go. */
export class InputProblems extends Error {
  constructor(readonly problems: InputError[]) {
    super(problems.map((problem) => problem.message).join("\n"));
    this.name = "InputProblems";
  }
}

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const {db, input} = options;
  const discovery = discoverInput(input);
  const warnings = [...discovery.warnings];

  // 1. decode and stage every file; collect every file-level problem before stopping
  const decodeStarted = performance.now();
  const staged: StagedFile[] = [];
  const problems: InputError[] = [];
  const tasks: StageTask[] = discovery.files.map((inputFile) => ({
    path: inputFile.path,
    displayName: inputFile.name,
    period: inputFile.period,
    file: inputFile.file,
    stagedPath: join(options.workDir, `${inputFile.period}_${inputFile.file}.csv`),
    bytes: statSync(inputFile.path).size
  }));
  const outcomes = await stageAll(tasks, {
    key: options.pseudonymiser.keyBytes,
    workers: options.stageWorkers,
    onProgress: (task, bytes, rows) => options.onProgress?.({stage: "decode", name: task.displayName, bytes, totalBytes: task.bytes, rows}),
    onDone: (task, result) => options.onProgress?.({stage: "decode-done", name: task.displayName, rows: result.rowsRead, ms: result.ms})
  });
  outcomes.forEach((outcome, i) => {
    const inputFile = discovery.files[i]!;
    if (!outcome.ok) {
      problems.push(outcome.error);
      return;
    }
    const result = outcome.result;
    staged.push(result);
    if (result.extraColumns.length > 0) {
      warnings.push({
        code: "extra_columns",
        period: inputFile.period,
        file: inputFile.name,
        zh: `${inputFile.name}：忽略未知的列 ${result.extraColumns.join("、")}`,
        en: `${inputFile.name}: ignored unknown columns ${result.extraColumns.join(", ")}`
      });
    }
  });
  if (problems.length > 0) throw new InputProblems(problems);
  const decodeMs = performance.now() - decodeStarted;

  // 2. load and check, one kind of file at a time, in reference order
  for (const statement of macroStatements()) await db.run(statement);
  await db.run(rejectsTableDdl());
  let loadMs = 0;
  let validateMs = 0;
  const carried: CarriedFile[] = [];
  for (const file of FILE_NAMES) {
    const spec = CONTRACT[file];
    await db.run(rawTableDdl(spec));
    const ofKind = staged.filter((result) => result.file === file);
    if (ofKind.length > 0) {
      const loadStarted = performance.now();
      await loadStaged(db, file, ofKind);
      loadMs += performance.now() - loadStarted;
      const checkStarted = performance.now();
      await insertRejects(db, ofKind.flatMap((result) => result.rejects));
      for (const statement of checkStatements(spec)) await db.run(statement);
      await db.run(`drop table stage_${file}`);
      validateMs += performance.now() - checkStarted;
      options.onProgress?.({stage: "check", file, rows: ofKind.reduce((sum, result) => sum + result.rowsRead, 0)});
    }
    if (spec.kind === "snapshot") carried.push(...(await carryForward(db, file, discovery.periods, ofKind)));
  }

  // 3. reconcile: for every file, rows read = rows loaded + rows rejected
  const counts = await db.all<{period: string; file: string; loaded: number; rejected: number}>(`
    with loaded as (
        ${FILE_NAMES.map((file) => `select period, '${file}' as file, count(*)::integer as n from raw_${file} ${CONTRACT[file].kind === "snapshot" ? "where carried_from is null" : ""} group by period`).join("\n        union all\n        ")}
    ),
    rejected as (
        select period, file, count(distinct line)::integer as n from rejects group by period, file
    )
    select coalesce(loaded.period, rejected.period) as period, coalesce(loaded.file, rejected.file) as file,
        coalesce(loaded.n, 0) as loaded, coalesce(rejected.n, 0) as rejected
    from loaded full outer join rejected on loaded.period = rejected.period and loaded.file = rejected.file`);
  const files: FileReport[] = staged.map((result) => {
    const count = counts.find((row) => row.period === result.period && row.file === result.file);
    const loaded = count?.loaded ?? 0;
    const rejected = count?.rejected ?? 0;
    if (loaded + rejected !== result.rowsRead) {
      throw new Error(`reconciliation failed for ${result.period}/${result.file}: read ${result.rowsRead}, loaded ${loaded}, rejected ${rejected}`);
    }
    return {
      period: result.period,
      file: result.file,
      name: discovery.files.find((f) => f.period === result.period && f.file === result.file)!.name,
      sha256: result.sha256,
      bytes: result.bytes,
      encoding: result.encoding,
      delimiter: result.delimiter,
      rows_read: result.rowsRead,
      rows_loaded: loaded,
      rows_rejected: rejected,
      blank_lines: result.blankLines,
      extra_columns: result.extraColumns,
      ms: Math.round(result.ms)
    };
  });

  // 4. too many rejects in a file means a wrong file, not a few typos
  const tooMany = files.filter((file) => file.rows_read > 0 && file.rows_rejected / file.rows_read > options.maxRejectRate);
  if (tooMany.length > 0) {
    const details = await Promise.all(tooMany.map((file) => rejectRateProblem(db, file, options.maxRejectRate)));
    throw new InputProblems(details);
  }

  warnings.push(...(await leadWarnings(db)));
  for (const carry of carried) {
    warnings.push({
      code: "carried_forward",
      period: carry.period,
      file: `${carry.file}.csv`,
      zh: `${carry.period} 没有 ${carry.file}.csv，沿用 ${carry.from} 的数据（${carry.rows} 行）`,
      en: `${carry.period} has no ${carry.file}.csv: carried forward from ${carry.from} (${carry.rows} rows)`
    });
  }
  const [{n: rejected}] = (await db.all<{n: number}>("select count(*)::integer as n from rejects")) as [{n: number}];
  return {
    periods: discovery.periods,
    files,
    carried,
    warnings,
    rejected,
    timings: {decode_ms: Math.round(decodeMs), load_ms: Math.round(loadMs), validate_ms: Math.round(validateMs)}
  };
}

async function loadStaged(db: Db, file: FileName, staged: StagedFile[]): Promise<void> {
  const columns = Object.entries(stageColumns(CONTRACT[file]))
    .map(([name, type]) => `${lit(name)}: ${lit(type)}`)
    .join(", ");
  const paths = staged.map((result) => lit(result.stagedPath)).join(", ");
  await db.run(`create temp table stage_${file} as
select * from read_csv([${paths}], header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = {${columns}})`);
}

async function insertRejects(db: Db, rejects: RejectRow[]): Promise<void> {
  for (let i = 0; i < rejects.length; i += 1000) {
    const values = rejects
      .slice(i, i + 1000)
      .map(
        (row) =>
          `(${lit(row.period)}, ${lit(row.file)}, ${row.line}, ${lit(row.column)}, ${row.value === null ? "null" : lit(row.value)}, ${lit(row.reason)}, ${lit(row.detail_zh)}, ${lit(row.detail_en)})`
      )
      .join(",\n");
    await db.run(`insert into rejects values ${values}`);
  }
}

async function carryForward(db: Db, file: FileName, periods: string[], staged: StagedFile[]): Promise<CarriedFile[]> {
  const reported = new Set(staged.map((result) => result.period));
  const carried: CarriedFile[] = [];
  let latest: string | undefined;
  let origin: string | undefined;
  for (const period of periods) {
    if (reported.has(period)) {
      latest = period;
      origin = period;
      continue;
    }
    if (!latest) continue;
    await db.run(carryForwardStatement(CONTRACT[file], period, latest));
    const [count] = await db.all<{n: number}>(`select count(*)::integer as n from raw_${file} where period = ${lit(period)}`);
    carried.push({period, file, from: origin!, rows: count?.n ?? 0});
    latest = period;
  }
  return carried;
}

async function rejectRateProblem(db: Db, file: FileReport, max: number): Promise<InputError> {
  const top = await db.all<{reason: string; column: string; n: number; first_line: number}>(`
    select reason, "column", count(*)::integer as n, min(line)::integer as first_line from rejects
    where period = ${lit(file.period)} and file = ${lit(file.file)}
    group by reason, "column" order by n desc, reason limit 3`);
  const share = ((file.rows_rejected / file.rows_read) * 100).toFixed(1);
  const summary = top.map((row) => `${row.reason}${row.column ? `/${row.column}` : ""} ×${row.n}（第 ${row.first_line} 行起）`).join("，");
  const summaryEn = top.map((row) => `${row.reason}${row.column ? `/${row.column}` : ""} ×${row.n} (from line ${row.first_line})`).join(", ");
  return new InputError(
    "reject_rate_exceeded",
    {period: file.period, file: file.name},
    {
      zh: `${file.rows_rejected}/${file.rows_read} 行（${share}%）被拒绝，上限 ${(max * 100).toFixed(1)}%；主要原因：${summary}`,
      en: `${file.rows_rejected} of ${file.rows_read} rows (${share}%) rejected, limit ${(max * 100).toFixed(1)}%; mostly ${summaryEn}`
    }
  );
}

// A group should have exactly one lead on every date; rows with a second lead are rejected, a group
// with members but no lead at a period's end is reported.
async function leadWarnings(db: Db): Promise<Warning[]> {
  const rows = await db.all<{period: string; group_id: string}>(`
    with as_of as (
        select distinct period, last_day(make_date(cast(left(period, 4) as integer), cast(right(period, 1) as integer) * 3, 1)) as as_of_date
        from raw_memberships
    ),
    active as (
        select memberships.period, memberships.group_id, memberships.role
        from raw_memberships as memberships
        inner join as_of on as_of.period = memberships.period
        where memberships.joined_date <= as_of.as_of_date
            and (memberships.left_date is null or memberships.left_date > as_of.as_of_date)
    )
    select period, group_id from active group by period, group_id
    having count(*) filter (where role = 'lead') = 0
    order by period, group_id`);
  return rows.map((row) => ({
    code: "group_without_lead",
    period: row.period,
    file: "memberships.csv",
    zh: `${row.period}：集团 ${row.group_id} 在期末有成员校但没有牵头校`,
    en: `${row.period}: group ${row.group_id} has members but no lead at the period's end`
  }));
}
