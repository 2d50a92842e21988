// The SQL half of the ingest, over any SqlEngine (Node DuckDB or DuckDB-WASM): staged canonical CSVs →
// stage_* tables (read_csv) → the contract's checks in reference order → raw_* tables and rejects, with
// snapshots carried forward, every file reconciled (rows read = loaded + rejected), the reject-rate limit
// and the lead warnings. Pure: the Node ingest (ingest.ts) and the browser's bring-your-own-data page
// call this same function, so both sort rows into loaded and rejected identically.
import {CONTRACT, FILE_NAMES, PERIOD_PATTERN, looksLikePeriod, type FileName} from "../contract.js";
import {InputError, shown} from "../errors.js";
import {lit, runInTransaction, type SqlEngine} from "../sql.js";
import {carryForwardStatement, checkStatements, macroStatements, rawTableDdl, rejectsTableDdl, sourcesTableDdl, stageColumns} from "./checks-sql.js";
import type {RejectRow} from "./record.js";

export interface Warning {
  code: string;
  period?: string;
  file?: string;
  zh: string;
  en: string;
}

export interface InputFile {
  period: string;
  file: FileName;
  /** where to read it: a path (Node) or the file object (browser) */
  path: string;
  /** 2025Q3/schools.csv */
  name: string;
}

export interface Discovery {
  periods: string[];
  files: InputFile[];
  warnings: Warning[];
}

/** What an entry of the input is, symlinks followed; anything but a file or a folder is never opened. */
export type EntryKind = "file" | "directory" | "fifo" | "socket" | "device" | "loop" | "broken-link" | "unreadable";

const KIND_TEXT: Record<Exclude<EntryKind, "file">, {zh: string; en: string}> = {
  directory: {zh: "它是一个文件夹", en: "it is a folder"},
  fifo: {zh: "它是命名管道（FIFO）", en: "it is a named pipe (FIFO)"},
  socket: {zh: "它是套接字（socket）", en: "it is a socket"},
  device: {zh: "它是设备文件", en: "it is a device"},
  loop: {zh: "它是循环的符号链接", en: "it is a symbolic link loop"},
  "broken-link": {zh: "它是指向不存在位置的符号链接", en: "it is a symbolic link to nothing"},
  unreadable: {zh: "无法访问它", en: "it cannot be accessed"}
};

/** A listing of an input folder: its entries, and each period folder's entries. */
export interface InputListing {
  /** the input folder's entries, sorted */
  entries: {name: string; kind: EntryKind}[];
  /** a period folder's entries, sorted */
  periodEntries: (period: string) => {name: string; kind: () => EntryKind; path: string}[];
  /** the input, as messages name it */
  label: string;
}

const ACCEPTED_EXTENSIONS = [".csv", ".tsv", ".txt", ".xlsx"];
/** Spreadsheet formats that are not read: the file is named in an error rather than skipped */
const OTHER_SPREADSHEETS = [".xls", ".et", ".xlsm", ".xlsb", ".ods"];

/** The period folders and the contract files in each, from a listing (Node: the disk; browser: dropped files). */
/** What the manifest says of each input file (the browser has no sha256 of the dropped files). */
export interface FileReport {
  period: string;
  file: FileName;
  name: string;
  /** of the file's bytes; absent in the browser, which never hashes the dropped files */
  sha256?: string;
  bytes: number;
  encoding: string;
  delimiter: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  blank_lines: number;
  extra_columns: string[];
  /** the sheet read, for an .xlsx */
  sheet?: string;
  ms: number;
}

/** What staging tells of one file, whether it ran on a Node file or in the browser's worker. */
export interface StageStats {
  encoding: string;
  delimiter: string;
  rowsRead: number;
  blankLines: number;
  extraColumns: string[];
  /** the sheet read and the rows that were not data (a title, a note), for an .xlsx */
  sheet?: string;
  skippedRows?: number[];
  /** an .xlsx's merged ranges filled down (xlsx-rows.ts mergedColumns) */
  filledMerges?: string[];
  ms: number;
}

/** A file's manifest entry from its staging figures and what the SQL phase loaded and rejected. */
export function fileReport(
  input: {period: string; file: FileName; name: string; bytes: number},
  stats: StageStats,
  counts: {rows_loaded: number; rows_rejected: number}
): Omit<FileReport, "sha256"> {
  return {
    ...input,
    encoding: stats.encoding,
    delimiter: stats.delimiter,
    rows_read: stats.rowsRead,
    rows_loaded: counts.rows_loaded,
    rows_rejected: counts.rows_rejected,
    blank_lines: stats.blankLines,
    extra_columns: stats.extraColumns,
    ...(stats.sheet === undefined ? {} : {sheet: stats.sheet}),
    ms: Math.round(stats.ms)
  };
}

/** The one warning a file with columns outside the contract gets (the columns are ignored). */
export function extraColumnsWarning(period: string, name: string, extra: readonly string[]): Warning {
  return {
    code: "extra_columns",
    period,
    file: name,
    zh: `${name}：忽略未知的列 ${extra.map((column) => shown(column)).join("、")}`,
    en: `${name}: ignored unknown columns ${extra.map((column) => shown(column)).join(", ")}`
  };
}

/** The first ten items of a warning's list, in each language's punctuation, with an ellipsis for the rest. */
function firstTen(items: readonly (string | number)[]): {zh: string; en: string} {
  const more = items.length > 10;
  return {zh: items.slice(0, 10).join("、") + (more ? "…" : ""), en: items.slice(0, 10).join(", ") + (more ? ", …" : "")};
}

/** The warning for an .xlsx's rows that were not read as data: a title above the header, notes under the data. */
export function skippedRowsWarning(period: string, name: string, sheet: string, rows: readonly number[]): Warning {
  const {zh: list, en: listEn} = firstTen(rows);
  return {
    code: "skipped_rows",
    period,
    file: name,
    zh: `${name} 工作表 ${sheet}：第 ${list} 行只有一个单元格有内容（标题或备注），不作为数据读取`,
    en: `${name} sheet ${sheet}: ${rows.length === 1 ? `row ${listEn} has` : `rows ${listEn} have`} a single filled cell (a title or a note) and ${rows.length === 1 ? "was" : "were"} not read as data`
  };
}

/** The warning for an .xlsx's merged cells whose value was given to each row of the range (xlsx-rows.ts mergedColumns). */
export function filledMergesWarning(period: string, name: string, sheet: string, refs: readonly string[]): Warning {
  const {zh: list, en: listEn} = firstTen(refs);
  return {
    code: "filled_merges",
    period,
    file: name,
    zh: `${name} 工作表 ${sheet}：合并单元格 ${list} 的值已填入所合并的每一行（请核对）`,
    en: `${name} sheet ${sheet}: the value of merged cells ${listEn} was given to each row they span (please check)`
  };
}

export function discoverListing(listing: InputListing): Discovery {
  const warnings: Warning[] = [];
  const problems: InputError[] = [];
  const periods: string[] = [];
  for (const {name: entry, kind} of listing.entries) {
    const periodName = PERIOD_PATTERN.test(entry);
    if (kind === "directory" && periodName) periods.push(entry);
    else if (kind === "directory" && looksLikePeriod(entry)) problems.push(badPeriodFolder(entry));
    else if (kind !== "file" && kind !== "directory" && (periodName || looksLikePeriod(entry))) problems.push(notAFile({file: entry}, kind));
    else if (kind === "directory" && !entry.startsWith(".")) {
      warnings.push({code: "ignored_folder", zh: `忽略不是期次的文件夹 ${entry}`, en: `ignored folder ${entry}: not a period (YYYYQn)`});
    }
  }
  if (problems.length === 0 && periods.length === 0) throw new InputError("no_periods", {file: listing.label});
  const files: InputFile[] = [];
  for (const period of periods) {
    for (const {name: entry, kind, path} of listing.periodEntries(period)) {
      const lower = entry.toLowerCase();
      const extension = ACCEPTED_EXTENSIONS.find((ext) => lower.endsWith(ext));
      const base = extension ? lower.slice(0, -extension.length) : lower;
      const file = FILE_NAMES.find((name) => name === base);
      if (file) {
        // a contract file that cannot be read as one is an error, never a note: its rows would be lost
        const what = kind();
        if (what !== "file") {
          problems.push(notAFile({period, file: `${period}/${entry}`}, what));
          continue;
        }
        const other = files.find((other) => other.period === period && other.file === file);
        if (other) {
          // two files for one contract file (schools.csv and schools.xlsx): which one is meant is the bureau's to say
          problems.push(
            new InputError("duplicate_file", {period, file: `${period}/${entry}`}, {
              zh: `${other.name} 与 ${period}/${entry} 都是 ${file} 的数据，请只保留一个`,
              en: `${other.name} and ${period}/${entry} are both ${file}: keep only one`
            })
          );
          continue;
        }
        files.push({period, file, path, name: `${period}/${entry}`});
      } else if (FILE_NAMES.some((name) => OTHER_SPREADSHEETS.some((ext) => lower === name + ext))) {
        problems.push(
          new InputError("unreadable_file", {period, file: `${period}/${entry}`}, {
            zh: "只能读取 .xlsx 或 .csv：请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）",
            en: "only .xlsx and .csv are read: use Save As → Excel Workbook (.xlsx) in Excel or WPS"
          })
        );
      } else if (!entry.startsWith(".")) {
        warnings.push({code: "ignored_file", period, file: entry, zh: `忽略不属于数据规范的文件 ${period}/${entry}`, en: `ignored ${period}/${entry}: not a file of the contract`});
      }
    }
  }
  if (problems.length > 0) throw new InputProblems(problems);
  const first = periods[0]!;
  if (!files.some((file) => file.period === first && file.file === "schools")) {
    throw new InputError("missing_schools_first_period", {period: first, file: "schools.csv"});
  }
  return {periods, files, warnings};
}

/** A contract file (or a period, or the config) that is not a regular file once symlinks are followed. */
export function notAFile(location: {period?: string; file: string}, kind: Exclude<EntryKind, "file">): InputError {
  return new InputError("not_a_file", location, KIND_TEXT[kind]);
}

function badPeriodFolder(name: string): InputError {
  const fixed = name.normalize("NFKC").toUpperCase().replace(/[\s_.-]/g, "");
  const hint = PERIOD_PATTERN.test(fixed) ? {zh: `请改名为 ${fixed}`, en: `rename it to ${fixed}`} : {zh: "期次文件夹须严格命名为 YYYYQn，n 为 1–4", en: "a period folder must be named exactly YYYYQn, n from 1 to 4"};
  return new InputError("bad_period_folder", {file: `${name}/`}, hint);
}

/** File-level problems, all of them, so a bureau can fix every file in one go. */
export class InputProblems extends Error {
  constructor(readonly problems: InputError[]) {
    super(problems.map((problem) => problem.message).join("\n"));
    this.name = "InputProblems";
  }
}

/** What the SQL phase needs of a staged file. */
export interface StagedInput {
  period: string;
  file: FileName;
  /** 2025Q3/schools.csv */
  name: string;
  /** the canonical CSV, as read_csv finds it in the engine (a path, or a registered file's name) */
  stagedPath: string;
  rowsRead: number;
  rejects: RejectRow[];
  /** each contract column → its header cell in the file (rejects.csv names columns as the file did) */
  headerNames?: Record<string, string>;
  sheet?: string;
}

export interface CarriedFile {
  period: string;
  file: FileName;
  from: string;
  rows: number;
}

export interface FileCount {
  period: string;
  file: FileName;
  rows_loaded: number;
  rows_rejected: number;
}

export interface LoadResult {
  /** per staged file, in the order given */
  counts: FileCount[];
  carried: CarriedFile[];
  /** the lead warnings, then one per carried-forward file */
  warnings: Warning[];
  rejected: number;
  load_ms: number;
  validate_ms: number;
}

export interface LoadOptions {
  periods: string[];
  staged: StagedInput[];
  /** a file whose rejected share exceeds this fails the run */
  maxRejectRate: number;
  onCheck?: (file: FileName, rows: number) => void;
}

export async function loadAndCheck(db: SqlEngine, options: LoadOptions): Promise<LoadResult> {
  const {staged, periods} = options;
  await runInTransaction(db, [...macroStatements(), rejectsTableDdl(), ...sourcesTableDdl()]);
  await insertSources(db, staged);
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
      await db.run(`drop view stage_${file}`);
      validateMs += performance.now() - checkStarted;
      options.onCheck?.(file, ofKind.reduce((sum, result) => sum + result.rowsRead, 0));
    }
    if (spec.kind === "snapshot") carried.push(...(await carryForward(db, file, periods, ofKind)));
  }

  // reconcile: for every file, rows read = rows loaded + rows rejected
  const rows = await db.all<{period: string; file: string; loaded: number; rejected: number}>(`
    with loaded as (
        ${FILE_NAMES.map((file) => `select period, '${file}' as file, count(*)::integer as n from raw_${file} ${CONTRACT[file].kind === "snapshot" ? "where carried_from is null" : ""} group by period`).join("\n        union all\n        ")}
    ),
    rejected as (
        select period, file, count(distinct line)::integer as n from rejects group by period, file
    )
    select coalesce(loaded.period, rejected.period) as period, coalesce(loaded.file, rejected.file) as file,
        coalesce(loaded.n, 0) as loaded, coalesce(rejected.n, 0) as rejected
    from loaded full outer join rejected on loaded.period = rejected.period and loaded.file = rejected.file`);
  const counts: FileCount[] = staged.map((result) => {
    const count = rows.find((row) => row.period === result.period && row.file === result.file);
    const loaded = Number(count?.loaded ?? 0);
    const rejected = Number(count?.rejected ?? 0);
    if (loaded + rejected !== result.rowsRead) {
      throw new Error(`reconciliation failed for ${result.period}/${result.file}: read ${result.rowsRead}, loaded ${loaded}, rejected ${rejected}`);
    }
    return {period: result.period, file: result.file, rows_loaded: loaded, rows_rejected: rejected};
  });

  // too many rejects in a file means a wrong file, not a few typos
  const tooMany = staged
    .map((result, i) => ({result, count: counts[i]!}))
    .filter(({result, count}) => result.rowsRead > 0 && count.rows_rejected / result.rowsRead > options.maxRejectRate);
  if (tooMany.length > 0) {
    const details = await Promise.all(tooMany.map(({result, count}) => rejectRateProblem(db, result, count, options.maxRejectRate)));
    throw new InputProblems(details);
  }

  const warnings = [...(await leadWarnings(db)), ...(await sectionTeacherWarnings(db))];
  for (const carry of carried) {
    warnings.push({
      code: "carried_forward",
      period: carry.period,
      file: `${carry.file}.csv`,
      zh: `${carry.period} 没有 ${carry.file}.csv，沿用 ${carry.from} 的数据（${carry.rows} 行）`,
      en: `${carry.period} has no ${carry.file}.csv: carried forward from ${carry.from} (${carry.rows} rows)`
    });
  }
  const [total] = await db.all<{n: number}>("select count(*)::integer as n from rejects");
  return {counts, carried, warnings, rejected: Number(total?.n ?? 0), load_ms: loadMs, validate_ms: validateMs};
}

async function loadStaged(db: SqlEngine, file: FileName, staged: StagedInput[]): Promise<void> {
  const columns = Object.entries(stageColumns(CONTRACT[file]))
    .map(([name, type]) => `${lit(name)}: ${lit(type)}`)
    .join(", ");
  const paths = staged.map((result) => lit(result.stagedPath)).join(", ");
  // a view: the checks' first statement (checked_<file>, checks-sql.ts) is its one reader, and reads the staged files
  // straight into its typed table. As a table the rows were written once more, all text (province: 38 M score rows,
  // spilled under the memory limit; pipelines/bench/NOTES.md)
  await db.run(`create or replace temp view stage_${file} as
select * from read_csv([${paths}], header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = {${columns}})`);
}

/** Where each file came from and what it called each column, for rejects.csv (rejectsExportQuery). */
async function insertSources(db: SqlEngine, staged: StagedInput[]): Promise<void> {
  if (staged.length === 0) return;
  const sources = staged.map((file) => `(${lit(file.period)}, ${lit(file.file)}, ${lit(file.name.slice(file.name.indexOf("/") + 1))}, ${file.sheet === undefined ? "null" : lit(file.sheet)})`);
  await db.run(`insert into input_sources values ${sources.join(", ")}`);
  const headers = staged.flatMap((file) =>
    Object.entries(file.headerNames ?? {}).map(([column, header]) => `(${lit(file.period)}, ${lit(file.file)}, ${lit(column)}, ${lit(header)})`)
  );
  for (let i = 0; i < headers.length; i += 1000) await db.run(`insert into input_headers values ${headers.slice(i, i + 1000).join(", ")}`);
}

async function insertRejects(db: SqlEngine, rejects: RejectRow[]): Promise<void> {
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

async function carryForward(db: SqlEngine, file: FileName, periods: string[], staged: StagedInput[]): Promise<CarriedFile[]> {
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
    carried.push({period, file, from: origin!, rows: Number(count?.n ?? 0)});
    latest = period;
  }
  return carried;
}

async function rejectRateProblem(db: SqlEngine, file: StagedInput, count: FileCount, max: number): Promise<InputError> {
  const top = await db.all<{reason: string; column: string; n: number; first_line: number}>(`
    select reason, "column", count(*)::integer as n, min(line)::integer as first_line from rejects
    where period = ${lit(file.period)} and file = ${lit(file.file)}
    group by reason, "column" order by n desc, reason limit 3`);
  const share = ((count.rows_rejected / file.rowsRead) * 100).toFixed(1);
  const summary = top.map((row) => `${row.reason}${row.column ? `/${row.column}` : ""} ×${row.n}（第 ${row.first_line} 行起）`).join("，");
  const summaryEn = top.map((row) => `${row.reason}${row.column ? `/${row.column}` : ""} ×${row.n} (from line ${row.first_line})`).join(", ");
  return new InputError(
    "reject_rate_exceeded",
    {period: file.period, file: file.name},
    {
      zh: `${count.rows_rejected}/${file.rowsRead} 行（${share}%）被拒绝，上限 ${(max * 100).toFixed(1)}%；主要原因：${summary}`,
      en: `${count.rows_rejected} of ${file.rowsRead} rows (${share}%) rejected, limit ${(max * 100).toFixed(1)}%; mostly ${summaryEn}`
    }
  );
}

// A group should have exactly one lead on every date; rows with a second lead are rejected, a group
// with members but no lead at a period's end is reported.
// A school in a group by some of its sections (学部) whose teachers leave 任教学段 empty: teacher exchange counts
// such a teacher in the school's largest section (docs/metrics.md, teacher_exchange), which may be the wrong group.
async function sectionTeacherWarnings(db: SqlEngine): Promise<Warning[]> {
  const rows = await db.all<{period: string; n_schools: number; n_teachers: number; schools: string}>(`
    with split as (
        select distinct period, school_id from raw_memberships where section is not null
    ),
    missing as (
        select teachers.period, teachers.school_id, count(*)::integer as n
        from raw_teachers as teachers
        inner join split on split.period = teachers.period and split.school_id = teachers.school_id
        where teachers.section is null
        group by teachers.period, teachers.school_id
    )
    select period, count(*)::integer as n_schools, sum(n)::integer as n_teachers,
        -- the first ten schools by code, then how many more
        array_to_string(list(school_id order by school_id)[1:10], '、')
            || case when count(*) > 10 then concat(' …(+', count(*) - 10, ')') else '' end as schools
    from missing
    group by period
    order by period`);
  return rows.map((row) => ({
    code: "teachers_without_section",
    period: row.period,
    file: "teachers.csv",
    zh: `${row.period}：${row.n_schools} 所按学部加入集团的学校（${row.schools}）有 ${row.n_teachers} 名教师未填任教学段，教师交流按学校学生最多的学部计`,
    en: `${row.period}: ${row.n_teachers} teacher(s) at ${row.n_schools} school(s) in a group by section (${row.schools}) have no section taught (任教学段); teacher exchange counts them in the school's largest section`
  }));
}

async function leadWarnings(db: SqlEngine): Promise<Warning[]> {
  const rows = await db.all<{period: string; group_id: string}>(`
    with as_of as (
        select distinct period, jh_period_end(period) as as_of_date
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
