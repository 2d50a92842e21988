// `npm run bench`: times `junheng run` end to end against two floors (DuckDB alone counting every input CSV
// once; DuckDB alone loading every input CSV into a typed table) on the demo generator's county, city and
// province scales, GBK against UTF-8 input, the published files' byte-identity at 1, 2 (and, on the demo, 8)
// threads, and the site build; prints a table per scale and writes BENCHMARKS.md with the issue-15 targets.
// Inputs are generated once and cached under .bench/. Figures only: nothing here asserts a time.
//
//   npm run bench                                   everything (province takes several minutes)
//   npm run bench -- --scales county,city           some scales (results of the others are kept)
//   npm run bench -- --no-site --no-gbk             skip parts (also --no-disclosure: the audit at province size;
//                                                   --no-thread-check: the city at 1 and 2 threads, the demo at 1, 2, 8)
//   npm run bench -- --province-memory-limit 1.5GB  the province's memory limit (default 1.5GB, the target's)
//   npm run bench -- --no-run --sites province      time the site only, here on the province run's output
//                                                   (.bench/out/province; its pipeline run is made if missing)
//   npm run bench -- --no-run --sites province-demo    the whole `npm run site` on the demo's tables × 217 counties
//                                                   (~10,000 schools, ~1,700 groups; pipelines/site/site-bench.ts)
//   npm run bench -- --no-run --sites schools-province   the school pages' steps for ~10,000 schools (pipelines/site/school-pages-bench.ts)
//   npm run bench -- --memory-limit 3GB --threads 2 DuckDB settings for the run and the floor alike
//   npm run bench -- --report                       rewrite BENCHMARKS.md from .bench/results.json
import {spawn, execFileSync} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {availableParallelism, cpus, loadavg, totalmem} from "node:os";
import {join, relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseArgs} from "node:util";
import {benchDisclosure, type DisclosureBench} from "./disclosure.js";
import {ensureDemo, ensureGbk, inputBytes, inputCsvFiles} from "./inputs.js";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const CACHE = join(ROOT, ".bench");
const RESULTS = join(CACHE, "results.json");
const CLI = join(ROOT, "pipelines/bin/junheng.mjs");
const SEED = 20241101;

/** A private key for the runs: the public demo key is refused on the GBK copies (their bytes are not the ones
 * JUNHENG_DEMO.json lists), and on the demos it would add hashing the input to the time measured. */
function benchKey(): string {
  const path = join(CACHE, "bench.key");
  if (!existsSync(path)) writeFileSync(path, "junheng benchmark key: synthetic inputs only, not secret\n");
  return path;
}
/** the city the site build is timed on: 38 template counties × 8 groups = 304 groups */
const SITE_CITY = {name: "city300", scale: "city", extra: ["--counties", "38"]};

const {values} = parseArgs({
  options: {
    scales: {type: "string", default: "county,city,province"},
    threads: {type: "string", default: String(availableParallelism())},
    "memory-limit": {type: "string", default: "3GB"},
    "province-memory-limit": {type: "string", default: "1.5GB"},
    "no-thread-check": {type: "boolean", default: false},
    "no-gbk": {type: "boolean", default: false},
    "no-site": {type: "boolean", default: false},
    "no-disclosure": {type: "boolean", default: false},
    sites: {type: "string", default: "city300,demo"},
    "no-run": {type: "boolean", default: false},
    report: {type: "boolean", default: false},
    out: {type: "string", default: join(ROOT, "BENCHMARKS.md")}
  },
  strict: true
});

interface Measured {
  wallMs: number;
  peakRssKb: number;
  /** user + system CPU time of the process and its threads (/usr/bin/time); absent without it */
  cpuMs?: number;
  exitCode: number;
  stderr: string;
  stdout: string;
}

interface ScaleResult {
  name: string;
  measured_at: string;
  load_before: number[];
  input: string;
  files: number;
  bytes: number;
  rows: number;
  floor_ms: number;
  floor_rss_kb: number;
  /** DuckDB alone loading every file into a typed table (pipelines/bench/floor.ts --typed); absent in older results */
  typed_floor_ms?: number;
  typed_floor_rss_kb?: number;
  run_ms: number;
  run_rss_kb: number;
  /** the run's user + system CPU time, worker threads included; absent in older results */
  run_cpu_ms?: number;
  stages_ms: Record<string, number>;
  top_models: {name: string; ms: number}[];
  threads: string;
  memory_limit: string;
  encoding: string;
}

interface SiteResult {
  name: string;
  measured_at: string;
  command: string;
  groups: number;
  /** schools with a page (src/data/schools/*.json, the template left out); absent in older results */
  schools?: number;
  /** seconds of each step of `npm run site` (prepare, observable build, school pages, minify, csp) */
  steps_ms?: Record<string, number>;
  pages: number;
  ms: number;
  ok: boolean;
  note?: string;
  /** the machine's 1, 5 and 15 minute load averages when the build started (a shared machine's figures vary with it) */
  load_before?: number[];
}

interface SchoolPagesResult {
  measured_at: string;
  load_before: number[];
  counties: number;
  schools: number;
  pages: number;
  files_ms: number;
  pages_ms: number;
  csp_ms: number;
  index_kb: number;
  file_kb_mean: number;
  file_kb_max: number;
}

/** The same input at several --threads: are the published files byte-identical? */
interface ThreadCheck {
  name: string;
  input: string;
  measured_at: string;
  load_before: number[];
  memory_limit: string;
  runs: {threads: number; ms: number; files: number}[];
  /** published files (relative to published/) whose bytes differ from the first run's, or present in one run only */
  differing: string[];
  /** whether the model stage forced DuckDB to one thread (pipelines/orchestrate.ts `set threads = 1`) when measured */
  models_forced_single_thread: boolean;
}

interface Results {
  scales: Record<string, ScaleResult>;
  threads_check?: Record<string, ThreadCheck>;
  site: Record<string, SiteResult>;
  /** protectEdition on a synthetic province registry (pipelines/bench/disclosure.ts) */
  disclosure?: DisclosureBench & {measured_at: string};
  school_pages?: SchoolPagesResult;
}

/** Run a command, timing it and taking its peak RSS and CPU time from /usr/bin/time (or the RSS by /proc polling
 * without it). */
function measure(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd = ROOT): Promise<Measured> {
  const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
  const timeOut = join(CACHE, `.time-${process.pid}`);
  const [bin, argv] = timeBin ? [timeBin, ["-f", "%M %U %S", "-o", timeOut, command, ...args]] : [command, args];
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(bin, argv, {cwd, env, stdio: ["ignore", "pipe", "pipe"]});
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    let polled = 0;
    const poll = timeBin
      ? undefined
      : setInterval(() => {
          try {
            const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
            polled = Math.max(polled, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
          } catch {
            /* exited */
          }
        }, 50);
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      if (poll) clearInterval(poll);
      let peakRssKb = polled;
      let cpuMs: number | undefined;
      if (timeBin && existsSync(timeOut)) {
        // the last line: "%M %U %S" (a line before it says how a child that failed ended)
        const last = readFileSync(timeOut, "utf8").trim().split("\n").at(-1) ?? "";
        const [rss, user, system] = last.split(" ").map(Number);
        peakRssKb = rss || 0;
        if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = Math.round((user! + system!) * 1000);
        rmSync(timeOut, {force: true});
      }
      resolvePromise({wallMs, peakRssKb, cpuMs, exitCode: code ?? 1, stdout, stderr});
    });
  });
}

async function cli(argv: string[]): Promise<void> {
  const result = await measure(process.execPath, [CLI, ...argv]);
  if (result.exitCode !== 0) throw new Error(`junheng ${argv.join(" ")} failed:\n${result.stderr}${result.stdout}`);
}

const threads = values.threads!;
const memoryLimit = values["memory-limit"]!;

async function floor(input: string, typed: boolean, memory: string): Promise<{rows: number; ms: number; rssKb: number}> {
  const args = ["--import", "tsx", join(ROOT, "pipelines/bench/floor.ts"), "--input", input, "--threads", threads, "--memory-limit", memory];
  if (typed) args.push("--typed", "--db", join(CACHE, "floor.duckdb"));
  const result = await measure(process.execPath, args);
  if (result.exitCode !== 0) throw new Error(`floor failed:\n${result.stderr}`);
  const {rows, ms} = JSON.parse(result.stdout.trim().split("\n").at(-1)!) as {rows: number; ms: number};
  return {rows, ms, rssKb: result.peakRssKb};
}

/** the memory limit of a scale's run and floors: the province's target is set at 1.5 GB (issue 15) */
const memoryFor = (name: string) => (name.startsWith("province") ? values["province-memory-limit"]! : memoryLimit);

async function benchScale(name: string, input: string, encoding: string, floorInput = input): Promise<ScaleResult> {
  const memoryLimit = memoryFor(name);
  const load_before = loadavg().map((x) => Math.round(x * 100) / 100);
  console.log(`\n[${name}] floor: DuckDB read_csv count(*) over ${inputCsvFiles(floorInput).length} files …`);
  const f = await floor(floorInput, false, memoryLimit);
  console.log(`[${name}] typed-load floor: create table … as select * from read_csv(…, columns = {contract types}) per file …`);
  const typed = await floor(floorInput, true, memoryLimit);
  if (typed.rows !== f.rows) throw new Error(`typed-load floor loaded ${typed.rows} rows of ${f.rows} on ${name}`);
  const out = join(CACHE, "out", name);
  // a first release every time: over an earlier bench's output the run would also compare and publish every
  // revision since (after a change of the generator or of the models, tens of MB at city: publish 42 s
  // measured instead of ~2), and the figure would depend on what ran before
  rmSync(out, {recursive: true, force: true});
  console.log(`[${name}] junheng run --threads ${threads} --memory-limit ${memoryLimit} …`);
  const run = await measure(process.execPath, [CLI, "run", "--input", input, "--out", out, "--key-file", benchKey(), "--quiet", "--threads", threads, "--memory-limit", memoryLimit]);
  if (run.exitCode !== 0) throw new Error(`junheng run failed on ${name}:\n${run.stderr}${run.stdout}`);
  const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {
    stages_ms: Record<string, number>;
    models: {name: string; ms: number}[];
    files: {rows_read: number}[];
  };
  const rows = manifest.files.reduce((sum, file) => sum + file.rows_read, 0);
  const result: ScaleResult = {
    name,
    measured_at: new Date().toISOString(),
    load_before,
    input: relative(ROOT, input),
    files: inputCsvFiles(input).length,
    bytes: inputBytes(input),
    rows,
    floor_ms: f.ms,
    floor_rss_kb: f.rssKb,
    typed_floor_ms: typed.ms,
    typed_floor_rss_kb: typed.rssKb,
    run_ms: Math.round(run.wallMs),
    run_rss_kb: run.peakRssKb,
    run_cpu_ms: run.cpuMs,
    stages_ms: manifest.stages_ms,
    top_models: [...manifest.models].sort((a, b) => b.ms - a.ms).slice(0, 5),
    threads,
    memory_limit: memoryLimit,
    encoding
  };
  printScale(result);
  return result;
}

/** sha256 of every file under dir, by its path relative to dir */
function hashFiles(dir: string, at = dir, into: Record<string, string> = {}): Record<string, string> {
  for (const entry of readdirSync(at, {withFileTypes: true})) {
    const path = join(at, entry.name);
    if (entry.isDirectory()) hashFiles(dir, path, into);
    else into[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return into;
}

/** whether pipelines/orchestrate.ts still sets the model stage to one DuckDB thread */
function modelsForcedSingleThread(): boolean {
  const source = readFileSync(join(ROOT, "pipelines/orchestrate.ts"), "utf8");
  return source.split("\n").some((line) => /set threads\s*=\s*1/.test(line) && !/^\s*\/\//.test(line));
}

/**
 * The same input run at each thread count (same key, same memory limit); the published files of every run compared
 * byte for byte with the first's. `reuse` names an output already made at one of the counts (the scale's own run).
 */
async function threadCheck(name: string, input: string, counts: number[], memory: string, reuse?: {threads: number; out: string}): Promise<ThreadCheck> {
  const load_before = loadAverage();
  const runs: ThreadCheck["runs"] = [];
  const hashes: Record<string, string>[] = [];
  for (const count of counts) {
    let out = join(CACHE, "out", `threads-${name}-${count}`);
    let ms = 0;
    if (reuse && reuse.threads === count && existsSync(join(reuse.out, "published"))) {
      out = reuse.out;
      console.log(`[threads ${name}] --threads ${count}: the scale's own run (${relative(ROOT, out)})`);
    } else {
      // from no output, as the scale's own run: over an earlier check's output (another demo, other models) the
      // run would publish the revisions since, which depend on what ran before, not on the thread count
      rmSync(out, {recursive: true, force: true});
      console.log(`[threads ${name}] junheng run --threads ${count} --memory-limit ${memory} …`);
      const run = await measure(process.execPath, [CLI, "run", "--input", input, "--out", out, "--key-file", benchKey(), "--quiet", "--threads", String(count), "--memory-limit", memory]);
      if (run.exitCode !== 0) throw new Error(`junheng run --threads ${count} failed on ${name}:\n${run.stderr}${run.stdout}`);
      ms = Math.round(run.wallMs);
    }
    const files = hashFiles(join(out, "published"));
    hashes.push(files);
    runs.push({threads: count, ms, files: Object.keys(files).filter((file) => !/(^|\/)manifest\.json$/.test(file)).length});
  }
  // manifest.json records the run itself (its start and end times, each model's milliseconds): it differs between any
  // two runs, whatever their threads, and is left out; every table and release file is compared
  const names = new Set(hashes.flatMap((h) => Object.keys(h)).filter((file) => !/(^|\/)manifest\.json$/.test(file)));
  const differing = [...names].filter((file) => hashes.some((h) => h[file] !== hashes[0]![file])).sort();
  const result: ThreadCheck = {name, input: relative(ROOT, input), measured_at: new Date().toISOString(), load_before, memory_limit: memory, runs, differing, models_forced_single_thread: modelsForcedSingleThread()};
  console.log(`[threads ${name}] ${counts.join(", ")} threads: ${differing.length === 0 ? "published files byte-identical" : `${differing.length} published files differ: ${differing.slice(0, 10).join(", ")}`}`);
  return result;
}

function countFiles(dir: string, suffix: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.isDirectory()) n += countFiles(join(dir, entry.name), suffix);
    else if (entry.name.endsWith(suffix)) n++;
  }
  return n;
}

function groupCount(input: string): number {
  const periods = readdirSync(input).filter((entry) => /^\d{4}Q[1-4]$/.test(entry)).sort();
  for (const period of periods.reverse()) {
    const path = join(input, period, "groups.csv");
    if (existsSync(path)) return readFileSync(path, "utf8").trim().split("\n").length - 1;
  }
  return 0;
}

/** the school pages written: one data file per school (the template's file left out) */
function schoolCount(): number {
  const dir = join(ROOT, "src/data/schools");
  return existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith(".json") && !file.startsWith("__")).length : 0;
}

/** `npm run site` on an output the pipeline already wrote, step by step (the steps of the `site` script) */
async function benchSiteOn(name: string, input: string, out: string): Promise<SiteResult> {
  const measured_at = new Date().toISOString();
  const load_before = loadAverage();
  const groups = groupCount(input);
  const env = {...process.env, JUNHENG_OUT: relative(ROOT, out)};
  const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {scripts: Record<string, string>}).scripts;
  const steps = scripts.site!.split("&&").map((step) => step.trim());
  const steps_ms: Record<string, number> = {};
  let total = 0;
  for (const step of steps) {
    const [command, ...args] = step.split(/\s+/);
    const bin = command === "tsx" || command === "observable" ? join(ROOT, "node_modules/.bin", command) : command!;
    console.log(`[site ${name}] ${step} …`);
    const result = await measure(bin, args, env);
    steps_ms[step] = Math.round(result.wallMs);
    total += result.wallMs;
    if (result.exitCode !== 0) return {name, measured_at, command: `JUNHENG_OUT=${relative(ROOT, out)} npm run site`, groups, schools: schoolCount(), pages: 0, ms: Math.round(total), ok: false, steps_ms, load_before, note: (result.stderr + result.stdout).slice(-800)};
  }
  const pages = countFiles(join(ROOT, "dist"), ".html");
  const site: SiteResult = {name, measured_at, command: `JUNHENG_OUT=${relative(ROOT, out)} npm run site (the pipeline's output of the ${name} scale)`, groups, schools: schoolCount(), pages, ms: Math.round(total), ok: true, steps_ms, load_before};
  console.log(`[site ${name}] ok: ${groups} groups, ${site.schools} schools, ${pages} pages, ${(total / 1000).toFixed(1)} s`);
  return site;
}

async function benchSite(name: string, input: string | undefined): Promise<SiteResult> {
  const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {scripts: Record<string, string>}).scripts;
  const measured_at = new Date().toISOString();
  const load_before = loadAverage();
  const groups = groupCount(input ?? join(ROOT, "data/demo"));
  let command: string;
  let total = 0;
  let result: Measured;
  if (!input) {
    command = "npm run build";
    result = await measure("npm", ["run", "build"]);
    total = result.wallMs;
  } else {
    // the pipeline on the city's input, then the site step of `npm run build` on its output
    const out = join(CACHE, "out", `site-${name}`);
    const pipeline = await measure(process.execPath, [CLI, "run", "--input", input, "--out", out, "--key-file", benchKey(), "--quiet", "--threads", threads, "--memory-limit", memoryLimit]);
    if (pipeline.exitCode !== 0) return {name, measured_at, command: "junheng run", groups, pages: 0, ms: 0, ok: false, note: pipeline.stderr.slice(-500)};
    if (!scripts.site) return {name, measured_at, command: "npm run site", groups, pages: 0, ms: 0, ok: false, note: "package.json has no `site` script yet"};
    command = `junheng run --input ${relative(ROOT, input)} (${(pipeline.wallMs / 1000).toFixed(1)} s) && JUNHENG_OUT=${relative(ROOT, out)} npm run site`;
    result = await measure("npm", ["run", "site"], {...process.env, JUNHENG_OUT: relative(ROOT, out)});
    total = pipeline.wallMs + result.wallMs;
  }
  const pages = countFiles(join(ROOT, "dist"), ".html");
  const site: SiteResult = {name, measured_at, command, groups, schools: schoolCount(), pages, ms: Math.round(total), ok: result.exitCode === 0, load_before, note: result.exitCode === 0 ? undefined : (result.stderr + result.stdout).slice(-800)};
  console.log(`[site ${name}] ${site.ok ? "ok" : "FAILED"}: ${groups} groups, ${pages} pages, ${(total / 1000).toFixed(1)} s`);
  return site;
}

const loadAverage = () => loadavg().map((x) => Math.round(x * 100) / 100);
const s = (ms: number) => (ms / 1000).toFixed(1);
const mb = (kb: number) => `${(kb / 1024 / 1024).toFixed(2)} GB`;
const perSecond = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000) / 1000).toLocaleString("en")}k`;

function printScale(r: ScaleResult): void {
  const st = r.stages_ms;
  console.log(
    [
      `  rows ${r.rows.toLocaleString("en")} in ${r.files} files (${(r.bytes / 1e6).toFixed(0)} MB, ${r.encoding})`,
      `  count floor ${s(r.floor_ms)} s · typed-load floor ${s(r.typed_floor_ms ?? 0)} s · run ${s(r.run_ms)} s · run/typed floor ${(r.run_ms / (r.typed_floor_ms ?? r.floor_ms)).toFixed(1)}× · ${perSecond(r.rows, r.run_ms)} rows/s · peak RSS ${mb(r.run_rss_kb)}`,
      `  stages: decode ${s(st.decode_ms ?? 0)} · load ${s(st.load_ms ?? 0)} · validate ${s(st.validate_ms ?? 0)} · models ${s(st.models_ms ?? 0)} · publish ${s(st.publish_ms ?? 0)} s`
    ].join("\n")
  );
}

function machine(): string[] {
  const sh = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, {encoding: "utf8"}).trimEnd();
    } catch {
      return "n/a";
    }
  };
  const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown";
  let duckdb = "n/a";
  try {
    duckdb = JSON.parse(readFileSync(join(ROOT, "node_modules/@duckdb/node-api/package.json"), "utf8")).version;
  } catch {
    /* not installed */
  }
  return [
    `- CPU: ${model}; \`nproc\` = ${sh("nproc", [])}`,
    `- memory (\`free -h\`):`,
    "",
    "```",
    sh("free", ["-h"]),
    "```",
    "",
    `- Node ${process.version}; @duckdb/node-api ${duckdb}; ${sh("uname", ["-sr"])}; total memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB`
  ];
}

const when = (iso: string, load?: number[]) => `${iso.slice(0, 16).replace("T", " ")}${load ? ` (${load[0]})` : ""}`;

/** exponent of time against rows between two scales: 1.0 is linear */
const exponentOf = (a: ScaleResult, b: ScaleResult) => Math.log(b.run_ms / a.run_ms) / Math.log(b.rows / a.rows);

/** the end-to-end targets of issue 15, seconds at `--threads 2` */
const E2E_TARGETS = [["county", 2], ["city", 6], ["province", 60]] as const;

/** The issue-15 targets, each with the figure measured and whether it is met. */
function targetSection(results: Results): string[] {
  const sc = results.scales;
  const rows: string[] = [];
  const row = (target: string, figure: string, met: boolean | undefined, measured: string) =>
    rows.push(`| ${target} | ${figure} | ${met === undefined ? "not measured" : met ? "**met**" : "**not met**"} | ${measured} |`);
  for (const [name, limit] of [...E2E_TARGETS].reverse()) {
    const r = sc[name];
    if (!r) row(`${name} end to end ≤ ${limit} s at \`--threads 2\``, "—", undefined, "—");
    else {
      const at2 = r.threads === "2";
      row(`${name} end to end ≤ ${limit} s at \`--threads 2\``, `${s(r.run_ms)} s at --threads ${r.threads} (${(r.run_ms / (r.typed_floor_ms ?? r.floor_ms)).toFixed(1)}× the ${r.typed_floor_ms ? "typed-load" : "count"} floor)`, at2 ? r.run_ms <= limit * 1000 : undefined, when(r.measured_at, r.load_before));
    }
  }
  const p = sc.province;
  if (!p) row("peak RSS at province ≤ 2 GB with `--memory-limit 1.5GB`", "—", undefined, "—");
  else row("peak RSS at province ≤ 2 GB with `--memory-limit 1.5GB`", `${mb(p.run_rss_kb)} at --memory-limit ${p.memory_limit}`, p.memory_limit === "1.5GB" ? p.run_rss_kb <= 2 * 1024 * 1024 : undefined, when(p.measured_at, p.load_before));
  const gbk = ["county", "city", "province"].filter((n) => sc[n] && sc[`${n}-gbk`]).map((n) => ({n, ratio: sc[`${n}-gbk`]!.run_ms / sc[n]!.run_ms, at: sc[`${n}-gbk`]!}));
  if (gbk.length === 0) row("GBK ≤ 1.2× UTF-8", "—", undefined, "—");
  else row("GBK ≤ 1.2× UTF-8", gbk.map((g) => `${g.n} ${g.ratio.toFixed(2)}×`).join(", "), gbk.every((g) => g.ratio <= 1.2), gbk.map((g) => when(g.at.measured_at, g.at.load_before)).join(", "));
  const utf8 = ["county", "city", "province"].map((n) => sc[n]).filter((r): r is ScaleResult => r !== undefined);
  // the two largest scales measured within 12 hours of each other (times from different days and loads do not
  // compare); the smaller scales carry start-up, which makes them look sublinear
  const pairs = utf8.flatMap((a, i) => utf8.slice(i + 1).map((b) => [a, b] as const)).filter(([a, b]) => Math.abs(Date.parse(a.measured_at) - Date.parse(b.measured_at)) < 12 * 3600_000);
  if (pairs.length === 0) row("growth linear (exponent of time against rows ≤ 1.1, two scales measured together)", "—", undefined, "—");
  else {
    const [a, b] = pairs.at(-1)!;
    const e = exponentOf(a, b);
    row("growth linear (exponent of time against rows ≤ 1.1, two scales measured together)", `${e.toFixed(2)} from ${a.name} to ${b.name}`, e <= 1.1, `${when(a.measured_at)} and ${when(b.measured_at)}`);
  }
  const checks = Object.values(results.threads_check ?? {});
  if (checks.length === 0) row("published files byte-identical at any thread count", "—", undefined, "—");
  else
    row(
      "published files byte-identical at any thread count",
      checks.map((c) => `${c.name} at ${c.runs.map((r) => r.threads).join(", ")}: ${c.differing.length === 0 ? "identical" : `${c.differing.length} files differ`}${c.models_forced_single_thread ? " (models forced to 1 thread)" : ""}`).join("; "),
      checks.every((c) => c.differing.length === 0) && !checks.some((c) => c.models_forced_single_thread),
      checks.map((c) => when(c.measured_at, c.load_before)).join(", ")
    );
  return [
    "## Targets (issue 15)",
    "",
    "Each target with the figure `npm run bench` measured and whether it is met. On the shared machine a wall time depends",
    "on the load average (in brackets, 1-minute, just before the measurement); read the notes below before quoting one.",
    "Byte-identity does not count as met while the model stage is forced onto one DuckDB thread (that is serialising, not",
    "design). For an end-to-end target not met, the next section gives the measured figure part by part and what",
    "bounds it.",
    "",
    "| target | measured | status | measured at (load avg) |",
    "|---|---|---|---|",
    ...rows,
    ""
  ];
}

/** A run's parts as its manifest times them, each with what it does and what bounds it (pipelines/bench/NOTES.md). */
const RUN_PARTS: {part: string; ms: (r: ScaleResult) => number | undefined; bound: string}[] = [
  {
    part: "typed-load floor (DuckDB alone)",
    ms: (r) => r.typed_floor_ms,
    bound: "not part of the run: DuckDB reading the same files into typed tables, no check, pseudonym or model"
  },
  {
    part: "decode",
    ms: (r) => r.stages_ms.decode_ms,
    bound:
      "the contract's per-value work, in JavaScript on one worker per core: split, NFKC fold, HMAC of each distinct " +
      "id, the staged CSV. The same work in DuckDB SQL (built and measured) cost as much"
  },
  {
    part: "load + validate",
    ms: (r) => (r.stages_ms.load_ms ?? 0) + (r.stages_ms.validate_ms ?? 0),
    bound:
      "DuckDB reading the staged CSV typed, with the contract's checks (types, enums, references, duplicate keys) " +
      "and " +
      "every problem's line and column: about the typed-load floor again"
  },
  {
    part: "models",
    ms: (r) => r.stages_ms.models_ms,
    bound:
      "38 SQL models; z-scores and value-added over every score row, with exact integer sums so that any thread " +
      "count gives the same bytes; the student-level tables written into the warehouse"
  },
  {
    part: "publish",
    ms: (r) => r.stages_ms.publish_ms,
    bound:
      "two editions: the disclosure audit (exact linear algebra per exam subject, under two primes, in JavaScript on " +
      "one thread), each table as Parquet, CSV and Arrow, the release zip"
  },
  {
    part: "the rest",
    ms: (r) => {
      const st = r.stages_ms;
      const stages = ["decode_ms", "load_ms", "validate_ms", "models_ms", "publish_ms"];
      return r.run_ms - stages.reduce((sum, k) => sum + (st[k] ?? 0), 0);
    },
    bound: "Node and DuckDB starting, the input folder listed, the lock, the manifests, the swap into `<out>`, the exit"
  }
];

/** For each end-to-end target missed: the run's parts at each scale, which part alone exceeds the target, and the
 * CPU time against what the target allows on this machine's cores. */
function boundSection(results: Results): string[] {
  const scales = E2E_TARGETS.flatMap(([name, limit]) => {
    const r = results.scales[name];
    return r ? [{name, limit, r}] : [];
  });
  const missed = scales.filter((x) => x.r.run_ms > x.limit * 1000);
  if (missed.length === 0) return [];
  const cores = availableParallelism();
  const cpuOf = (r: ScaleResult) => (r.run_cpu_ms === undefined ? "—" : s(r.run_cpu_ms));
  const cell = (ms: number | undefined, limit: number) =>
    ms === undefined ? "—" : ms > limit * 1000 ? `**${s(ms)}**` : s(ms);
  const lines = [
    "## What bounds the missed targets",
    "",
    "The run's parts at each scale, in seconds (the manifest's `stages_ms`; the rest is the run's wall time less",
    "them). **Bold**: the part alone takes longer than the whole run may at that scale (the target in the column's",
    "heading). The profiles behind the last column: pipelines/bench/NOTES.md, \"What bounds the missed targets\".",
    "",
    `| part | ${scales.map((x) => `${x.name} (≤ ${x.limit} s)`).join(" | ")} | what it is, and what bounds it |`,
    `|---|${scales.map(() => "---:").join("|")}|---|`,
    ...RUN_PARTS.map((p) => `| ${p.part} | ${scales.map((x) => cell(p.ms(x.r), x.limit)).join(" | ")} | ${p.bound} |`),
    `| run, wall | ${scales.map((x) => cell(x.r.run_ms, x.limit)).join(" | ")} | |`,
    `| run, CPU (user + system) | ${scales.map((x) => cpuOf(x.r)).join(" | ")}` +
      " | " +
      `what the target allows on ${cores} cores: ${scales.map((x) => `${x.name} ${cores * x.limit} s`).join(", ")} |`,
    ""
  ];
  const share = (ms: number, limit: number) => `${Math.round((ms / (limit * 1000)) * 100)}%`;
  for (const {name, limit, r} of missed) {
    // the CPU time the target allows: every core busy for the whole target
    const budget = cores * limit;
    const parts = RUN_PARTS.slice(1).filter((p) => p.ms(r) !== undefined);
    const over = parts.filter((p) => p.ms(r)! > limit * 1000);
    // where no part alone is over the target: the two largest
    const largest = [...parts].sort((x, y) => y.ms(r)! - x.ms(r)!).slice(0, 2);
    const floor = r.typed_floor_ms;
    const cpu = r.run_cpu_ms;
    const models = r.top_models.slice(0, 2).map((m) => `${m.name} ${s(m.ms)} s`).join(", ");
    lines.push(
      `- **${name}**, ${s(r.run_ms)} s against ${limit} s: ` +
        (over.length > 0
          ? `${over.map((p) => `${p.part} alone ${s(p.ms(r)!)} s`).join(", ")}; `
          : `no part alone is over it (largest: ${largest.map((p) => `${p.part} ${s(p.ms(r)!)} s`).join(", ")}); `) +
        (models ? `the slowest models ${models}; ` : "") +
        (floor === undefined ? "" : `the typed-load floor ${s(floor)} s, ${share(floor, limit)} of the target; `) +
        (cpu === undefined ? "CPU time not measured" : `${s(cpu)} s of CPU against ${budget} s on ${cores} cores`) +
        "."
    );
  }
  lines.push("");
  return lines;
}

/** The thread-count check: the same input at several `--threads`, the published files compared byte for byte. */
function threadSection(results: Results): string[] {
  const checks = Object.values(results.threads_check ?? {});
  if (checks.length === 0) return [];
  return [
    "## Thread-count check",
    "",
    "The same input, key and memory limit at each `--threads`; every file under `published/` (both editions' tables and",
    "release files) compared byte for byte with the first run's, but each edition's `manifest.json`, the record of the run",
    "(start and end times, milliseconds per model), which differs between any two runs. A run time of — is the scale's",
    "own run above, reused.",
    "",
    "| input | threads | run s | published files | differing files | models forced to 1 thread | measured (load avg) |",
    "|---|---|---|---:|---|---|---|",
    ...checks.map(
      (c) =>
        `| ${c.name} (\`${c.input}\`, ${c.memory_limit}) | ${c.runs.map((r) => r.threads).join(" / ")} | ${c.runs.map((r) => (r.ms ? s(r.ms) : "—")).join(" / ")} | ${c.runs[0]?.files ?? 0} | ${c.differing.length === 0 ? "none: byte-identical" : `${c.differing.length}: ${c.differing.map((f) => `\`${f}\``).join(", ")}`} | ${c.models_forced_single_thread ? "yes (`set threads = 1` in pipelines/orchestrate.ts)" : "no"} | ${when(c.measured_at, c.load_before)} |`
    ),
    ""
  ];
}

function report(results: Results): string {
  const order = ["county", "city", "province", "county-gbk", "city-gbk"];
  const scales = Object.values(results.scales).sort((a, b) => (order.indexOf(a.name) + 1 || 99) - (order.indexOf(b.name) + 1 || 99));
  const utf8 = scales.filter((r) => r.encoding === "utf-8");
  const lines: string[] = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (pipelines/bench/). Figures, not assertions: no test times anything.",
    `Generated ${new Date().toISOString().slice(0, 10)}; each row says when it was measured and the load average just before.`,
    "",
    "## Machine",
    "",
    ...machine(),
    "",
    ...targetSection(results),
    ...boundSection(results),
    "## End to end against the floor",
    "",
    "Two floors, each with the same `threads` and `memory_limit` as the run. *Count floor*: DuckDB alone,",
    "`select count(*) from read_csv(path)` once per input file. *Typed-load floor*: DuckDB alone loading every file into a",
    "typed table of a database file, `create table … as select * from read_csv(path, header = true, columns = {…})`, each",
    "column with the data contract's type (integer → BIGINT, number → DOUBLE, date → DATE, boolean → BOOLEAN, text and",
    "enum → VARCHAR; `pipelines/bench/floor.ts --typed`), then a checkpoint: what DuckDB alone gives a researcher, without",
    "checks, pseudonyms or models. *Run*: `junheng run --key-file K --threads T --memory-limit M` as a child process, wall",
    "time from spawn to exit (Node start-up included); peak RSS of that process (`/usr/bin/time`), worker threads included.",
    "The floors' times are DuckDB's own (the child's start-up left out).",
    "",
    "| input | rows | MB | count floor s | typed-load floor s | run s | run / count floor | run / typed-load floor | rows/s | peak RSS | decode | load | validate | models | publish | threads / mem | measured (load avg) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ...scales.map((r) => {
      const st = r.stages_ms;
      const typed = r.typed_floor_ms === undefined ? ["—", "—"] : [s(r.typed_floor_ms), `${(r.run_ms / r.typed_floor_ms).toFixed(1)}×`];
      return `| ${r.name} (${r.encoding}) | ${r.rows.toLocaleString("en")} | ${(r.bytes / 1e6).toFixed(0)} | ${s(r.floor_ms)} | ${typed[0]} | ${s(r.run_ms)} | ${(r.run_ms / r.floor_ms).toFixed(1)}× | ${typed[1]} | ${perSecond(r.rows, r.run_ms)} | ${mb(r.run_rss_kb)} | ${s(st.decode_ms ?? 0)} | ${s(st.load_ms ?? 0)} | ${s(st.validate_ms ?? 0)} | ${s(st.models_ms ?? 0)} | ${s(st.publish_ms ?? 0)} | ${r.threads} / ${r.memory_limit} | ${r.measured_at.slice(0, 16).replace("T", " ")} (${r.load_before[0]}) |`;
    }),
    "",
    "A row without a typed-load floor was measured before that floor existed (its date says when).",
    "",
    "Stage columns are seconds from the run's manifest (`stages_ms`). For GBK input DuckDB has no reader offline, so its",
    "floor is the floor of the same data in UTF-8.",
    "",
    "Slowest models per input:",
    "",
    ...scales.map((r) => `- ${r.name}: ${r.top_models.map((m) => `${m.name} ${s(m.ms)} s`).join(", ")}`),
    "",
    ...threadSection(results),
    "## Growth with input size (UTF-8)",
    "",
    "Seconds per million rows, end to end and per stage:",
    "",
    "| input | rows | run | floor | decode | load | validate | models | publish | exponent vs previous (run) | (models) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...utf8.map((r, i) => {
      const prev = utf8[i - 1];
      const exponent = (now: number, before: number) => (prev ? (Math.log(now / before) / Math.log(r.rows / prev.rows)).toFixed(2) : "—");
      const per = (ms: number) => (ms / 1000 / (r.rows / 1e6)).toFixed(2);
      const st = r.stages_ms;
      return `| ${r.name} | ${r.rows.toLocaleString("en")} | ${per(r.run_ms)} | ${per(r.floor_ms)} | ${per(st.decode_ms ?? 0)} | ${per(st.load_ms ?? 0)} | ${per(st.validate_ms ?? 0)} | ${per(st.models_ms ?? 0)} | ${per(st.publish_ms ?? 0)} | ${exponent(r.run_ms, prev?.run_ms ?? 1)} | ${exponent(st.models_ms ?? 1, prev?.stages_ms.models_ms ?? 1)} |`;
    }),
    "",
    "The exponent is log(time ratio) / log(rows ratio) between consecutive scales: 1.0 is linear, below 1 means fixed",
    "costs (start-up, the small files) still weigh on the smaller input.",
    "",
    "## GBK against UTF-8",
    "",
    "The same generated data transcoded to GBK (every CSV, streaming, with iconv-lite):",
    "",
    "| data | UTF-8 run s | GBK run s | GBK / UTF-8 | UTF-8 decode s | GBK decode s |",
    "|---|---:|---:|---:|---:|---:|",
    ...scales
      .filter((r) => r.encoding === "gbk" && results.scales[r.name.replace(/-gbk$/, "")])
      .map((g) => {
        const u = results.scales[g.name.replace(/-gbk$/, "")]!;
        return `| ${u.name} | ${s(u.run_ms)} | ${s(g.run_ms)} | ${(g.run_ms / u.run_ms).toFixed(2)}× | ${s(u.stages_ms.decode_ms ?? 0)} | ${s(g.stages_ms.decode_ms ?? 0)} |`;
      }),
    "",
    "## Site build",
    "",
    "| site | groups | schools | pages (dist/**/*.html) | build s | ok | command | measured (load avg) |",
    "|---|---:|---:|---:|---:|---|---|---|",
    ...Object.values(results.site).map(
      (r) => `| ${r.name} | ${r.groups} | ${r.schools ?? "—"} | ${r.pages} | ${s(r.ms)} | ${r.ok ? "yes" : "no"} | \`${r.command}\` | ${r.measured_at.slice(0, 16).replace("T", " ")}${r.load_before ? ` (${r.load_before[0]})` : ""} |`
    ),
    ...Object.values(results.site)
      .filter((r) => r.steps_ms)
      .map((r) => `\n${r.name}, step by step: ${Object.entries(r.steps_ms!).map(([step, ms]) => `\`${step}\` ${s(ms)} s`).join(" · ")}`),
    ...Object.values(results.site)
      .filter((r) => r.note)
      .map((r) => `\n${r.name}: ${"```"}\n${r.note}\n${"```"}`),
    ""
  ];
  const d = results.disclosure;
  if (d) {
    lines.push(
      "## Disclosure audit",
      "",
      `protectEdition (primary, few-schools and complementary suppression with the linear audit) on a synthetic registry of ${d.schools.toLocaleString("en")} schools, ` +
        `${d.students.toLocaleString("en")} students per exam subject, 4 exam subjects and 2 value-added pairs (\`pipelines/bench/disclosure.ts\`), measured ${d.measured_at.slice(0, 16).replace("T", " ")}.`,
      "",
      "| edition | s | cells checked | primary | few_schools | complementary |",
      "|---|---:|---:|---:|---:|---:|",
      ...Object.entries(d.editions).map(([e, r]) => `| ${e} | ${r.seconds.toFixed(1)} | ${r.cells_checked} | ${r.primary} | ${r.few_schools} | ${r.complementary} |`),
      ""
    );
  }
  const sp = results.school_pages;
  if (sp) {
    lines.push(
      "## School pages at province scale",
      "",
      "The demo's published tables once per county (217 copies, codes suffixed): the steps of `npm run site` that grow with",
      "the schools (`pipelines/site/school-pages-bench.ts`). Framework itself builds one school page, the template, whatever their number.",
      "",
      "| schools | pages | school files s | pages from the template s | CSP s | index KB | school file KB (mean / max) | measured (load avg) |",
      "|---:|---:|---:|---:|---:|---:|---|---|",
      `| ${sp.schools.toLocaleString("en")} | ${sp.pages.toLocaleString("en")} | ${s(sp.files_ms)} | ${s(sp.pages_ms)} | ${s(sp.csp_ms)} | ${sp.index_kb} | ${sp.file_kb_mean} / ${sp.file_kb_max} | ${sp.measured_at.slice(0, 16).replace("T", " ")} (${sp.load_before[0]}) |`,
      ""
    );
  }
  const notes = join(ROOT, "pipelines/bench/NOTES.md");
  if (existsSync(notes)) lines.push(readFileSync(notes, "utf8").trim(), "");
  return lines.join("\n");
}

function loadResults(): Results {
  if (!existsSync(RESULTS)) return {scales: {}, site: {}};
  return JSON.parse(readFileSync(RESULTS, "utf8")) as Results;
}

async function main(): Promise<void> {
  mkdirSync(CACHE, {recursive: true});
  const results = loadResults();
  const save = () => writeFileSync(RESULTS, JSON.stringify(results, null, 1) + "\n");
  if (!values.report) {
    const scales = values.scales!.split(",").map((x) => x.trim()).filter(Boolean);
    if (!values["no-run"]) {
      for (const scale of scales) {
        const {dir, seconds} = await ensureDemo(CACHE, scale, {scale, seed: SEED}, cli);
        if (seconds > 0) console.log(`generated ${scale} in ${seconds.toFixed(1)} s`);
        results.scales[scale] = await benchScale(scale, dir, "utf-8");
        save();
        if (!values["no-gbk"] && scale !== "province") {
          const gbk = await ensureGbk(CACHE, dir, `${scale}-gbk`, SEED);
          results.scales[`${scale}-gbk`] = await benchScale(`${scale}-gbk`, gbk, "gbk", dir);
          save();
        }
      }
    }
    if (!values["no-thread-check"]) {
      // the published files at 1 and 2 threads on the city (the scale's own run when it was made at 2), and the
      // committed demo at 1, 2 and 8
      results.threads_check ??= {};
      const demo = join(ROOT, "data/demo");
      results.threads_check.demo = await threadCheck("demo", demo, [1, 2, 8], memoryLimit);
      save();
      const {dir} = await ensureDemo(CACHE, "city", {scale: "city", seed: SEED}, cli);
      const own = results.scales.city;
      const reuse = own && scales.includes("city") && !values["no-run"] && own.memory_limit === memoryLimit ? {threads: Number(own.threads), out: join(CACHE, "out", "city")} : undefined;
      results.threads_check.city = await threadCheck("city", dir, [1, 2], memoryLimit, reuse);
      save();
    }
    if (!values["no-site"]) {
      const sites = values.sites!.split(",").map((x) => x.trim()).filter(Boolean);
      // the province: every group and school page of the province scale's output, made if missing
      if (sites.includes("province")) {
        const {dir} = await ensureDemo(CACHE, "province", {scale: "province", seed: SEED}, cli);
        const out = join(CACHE, "out", "province");
        if (!existsSync(join(out, "published", "manifest.json"))) results.scales.province = await benchScale("province", dir, "utf-8");
        results.site.province = await benchSiteOn("province", dir, out);
        save();
      }
      if (sites.includes(SITE_CITY.name)) {
        const {dir} = await ensureDemo(CACHE, SITE_CITY.name, {scale: SITE_CITY.scale, seed: SEED, extra: SITE_CITY.extra}, cli);
        results.site[SITE_CITY.name] = await benchSite(SITE_CITY.name, dir);
        save();
      }
      // the whole `npm run site` for a province-sized site without a province run: the demo's tables × 217 counties
      if (sites.includes("province-demo")) {
        const measured_at = new Date().toISOString();
        const load_before = loadAverage();
        console.log("[site province-demo] npm run site on the demo's tables × 217 counties …");
        const run = await measure(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "pipelines/site/site-bench.ts"), "217"]);
        const command = "npx tsx pipelines/site/site-bench.ts 217 (npm run site on the demo's published tables × 217 counties)";
        if (run.exitCode !== 0) results.site["province-demo"] = {name: "province-demo", measured_at, command, groups: 0, pages: 0, ms: 0, ok: false, load_before, note: run.stderr.slice(-800)};
        else {
          const r = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as {groups: number; schools: number; pages: number; ms: number; steps_ms: Record<string, number>};
          results.site["province-demo"] = {name: "province-demo", measured_at, command, groups: r.groups, schools: r.schools, pages: r.pages, ms: r.ms, ok: true, steps_ms: r.steps_ms, load_before};
          console.log(`[site province-demo] ok: ${r.groups} groups, ${r.schools} schools, ${r.pages} pages, ${s(r.ms)} s`);
        }
        save();
      }
      // the demo last: dist/ and src/data are left holding the demo site
      if (sites.includes("demo")) {
        results.site.demo = await benchSite("demo", undefined);
        save();
      }
      // the school pages' steps for about 10,000 schools (the demo's tables once per county; needs the demo site)
      if (sites.includes("schools-province")) {
        const load_before = loadavg().map((x) => Math.round(x * 100) / 100);
        console.log("[school pages] 217 counties of the demo's schools …");
        const run = await measure(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "pipelines/site/school-pages-bench.ts"), "217"]);
        if (run.exitCode !== 0) throw new Error(`school pages bench failed:\n${run.stderr}`);
        results.school_pages = {measured_at: new Date().toISOString(), load_before, ...(JSON.parse(run.stdout.trim().split("\n").at(-1)!) as Omit<SchoolPagesResult, "measured_at" | "load_before">)};
        save();
      }
    }
    if (!values["no-disclosure"]) {
      const d = await benchDisclosure(10_000);
      results.disclosure = {...d, measured_at: new Date().toISOString()};
      console.log(`disclosure audit, ${d.schools} schools: ` + Object.entries(d.editions).map(([e, r]) => `${e} ${r.seconds.toFixed(1)} s`).join(", "));
      save();
    }
  }
  writeFileSync(values.out!, report(results));
  console.log(`\nwrote ${relative(ROOT, values.out!)}`);
}

await main();
