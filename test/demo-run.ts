// One run of the committed demo (data/demo, with the public demo key), shared by the test files that only
// read its output (planted-truths, messy-roundtrip's clean side, privacy, threads); likewise one run of the clean
// fixture with the test key (cleanOutput). Each of them ran the same
// pipeline on the same input in-process, about 10 s of CPU apiece (RELIABILITY.md, "Test suite time").
//
// The run is kept under node_modules/.cache/junheng-demo-run/<key>/, where the key is a SHA-256 over the
// contents of data/demo, every file under pipelines/ and the package manifests: any change to the input, the
// code or a dependency's version gives a new key and so a new run, and a fresh clone has no cache and runs it.
// Test files may run in parallel workers, so the run is made under a lock directory (mkdir is atomic) and
// moved into place whole (rename); a worker that finds the lock waits for the other's run. Every caller gets
// its own copy of the output, so no test sees another's changes (opening the warehouse writes to it).
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {createHash} from "node:crypto";
import {dirname, join, relative} from "node:path";
import {afterAll, beforeAll} from "vitest";
import {Db} from "../pipelines/db.js";
// the pipeline is imported only to make a run that is not in the cache: a file that finds it there does not
// load (and transform) the pipeline's modules for it
const runPipeline: typeof import("../pipelines/run.js").runPipeline = async (options) => (await import("../pipelines/run.js")).runPipeline(options);
import {FIXTURES, ROOT, TEST_KEY, TEST_KEY_FILE, TIMEOUT, tempDir} from "./helpers.js";

export const DEMO_INPUT = join(ROOT, "data", "demo");
const CACHE = join(ROOT, "node_modules", ".cache", "junheng-demo-run");

function files(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...files(path));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

/** what the demo run's output depends on: its input, the pipeline's code, the dependencies' versions */
function key(): string {
  const hash = createHash("sha256");
  const inputs = [...files(DEMO_INPUT), ...files(join(ROOT, "pipelines")), join(ROOT, "package.json"), join(ROOT, "package-lock.json")]
    .filter((file) => existsSync(file))
    .map((file) => relative(ROOT, file))
    .sort();
  for (const file of inputs) hash.update(file).update("\0").update(readFileSync(join(ROOT, file))).update("\0");
  hash.update(`threads ${DEMO_RUN_THREADS}`);
  return hash.digest("hex").slice(0, 32);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The demo's output (manifest, rejects, warehouse, both editions) as a fresh copy in a temporary folder. */
export async function demoOutput(): Promise<string> {
  const done = join(CACHE, key());
  if (!existsSync(done)) await runOnce(done);
  const copy = join(tempDir("junheng-demo-out-"), "out");
  cpSync(done, copy, {recursive: true});
  return copy;
}

/**
 * The demo's output with its warehouse open, for one test file: a fresh copy made before its tests, the warehouse
 * closed and the copy removed after them. Read `out` and `db` inside a test or hook, not at import.
 */
export function demoWarehouse(): {readonly out: string; readonly db: Db} {
  const state: {out?: string; db?: Db} = {};
  beforeAll(async () => {
    state.out = await demoOutput();
    state.db = await Db.open(join(state.out, "warehouse.duckdb"));
  }, TIMEOUT.test);
  afterAll(() => {
    state.db?.close();
    if (state.out) rmSync(dirname(state.out), {recursive: true, force: true});
  });
  return {
    get out() {
      return state.out!;
    },
    get db() {
      return state.db!;
    }
  };
}

/**
 * A run of test/fixtures/clean with the test suite's private key (helpers.ts TEST_KEY), as a fresh copy: for the
 * files that need a good output of the clean fixture to read or to run over (editions, revisions, out-safety),
 * made once per key like the demo's run (the key also covers the fixture and the test key); xlsx.test compares its
 * workbooks' run with it.
 */
export async function cleanOutput(): Promise<string> {
  const hash = createHash("sha256");
  const fixture = join(FIXTURES, "clean");
  for (const file of files(fixture).map((path) => relative(fixture, path)).sort()) hash.update(file).update("\0").update(readFileSync(join(fixture, file))).update("\0");
  hash.update(TEST_KEY);
  const done = join(CACHE, `clean-${hash.digest("hex").slice(0, 16)}-${key()}`);
  if (!existsSync(done)) await runOnce(done, (out) => runPipeline({input: fixture, out, keyFile: TEST_KEY_FILE}));
  const copy = join(tempDir("junheng-clean-out-"), "out");
  cpSync(done, copy, {recursive: true});
  return copy;
}

/**
 * The messy variant of the county demo (`junheng demo --messy`, the default seed) as a fresh copy: generated
 * once per key, like the demo's run, for the files that read it (demo.test's checks of the variant and
 * messy-roundtrip's run of it); generating it took about 7 s of CPU each time.
 */
export async function messyDemo(): Promise<string> {
  const done = join(CACHE, `messy-${key()}`);
  const generate = async (out: string) => {
    const [{generateDemo}, {DEFAULT_SEED}] = await Promise.all([import("../pipelines/demo/generate.js"), import("../pipelines/demo/command.js")]);
    return generateDemo({scale: "county", seed: DEFAULT_SEED, out, messy: true});
  };
  if (!existsSync(done)) await runOnce(done, generate);
  const copy = join(tempDir("junheng-messy-"), "messy");
  cpSync(done, copy, {recursive: true});
  return copy;
}

/** The demo run's options: two DuckDB threads, as on a two-core machine, so that test/reliability/threads.test.ts
 * can take it for its `--threads 2` run. Part of the cache key (key()). */
export const DEMO_RUN_THREADS = 2;

async function runOnce(done: string, make: (out: string) => Promise<unknown> = (out) => runPipeline({input: DEMO_INPUT, out, demoKey: true, threads: DEMO_RUN_THREADS})): Promise<void> {
  mkdirSync(CACHE, {recursive: true});
  const lock = `${done}.lock`;
  // a hang guard only: a demo run on a busy two-core machine can take minutes
  const deadline = Date.now() + TIMEOUT.test;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch {
      if (existsSync(done)) return;
      // a lock left by a killed worker: its process is gone
      let holder = NaN;
      try {
        holder = Number(readFileSync(join(lock, "pid"), "utf8"));
      } catch {
        // the holder is between mkdir and writing its pid, or the lock just went
      }
      if (Number.isInteger(holder) && !alive(holder)) rmSync(lock, {recursive: true, force: true});
      else if (Date.now() > deadline) throw new Error(`${lock} held for too long: remove it if no test is running the demo`);
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    if (existsSync(done)) return;
    const out = join(`${done}.tmp-${process.pid}`, "out");
    rmSync(`${done}.tmp-${process.pid}`, {recursive: true, force: true});
    await make(out);
    renameSync(out, done);
    rmSync(`${done}.tmp-${process.pid}`, {recursive: true, force: true});
    // earlier keys' runs (older code or input) are of no further use; this key's others (the demo's run, the
    // messy variant) are
    const current = done.slice(-32);
    for (const entry of readdirSync(CACHE)) {
      const path = join(CACHE, entry);
      if (!entry.includes(current) && !entry.endsWith(".lock") && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, {recursive: true, force: true});
    }
  } finally {
    rmSync(lock, {recursive: true, force: true});
  }
}
