// A failed or killed run never damages the last good output; a second run fails at once; two runs
// over the same input publish identical files.
import {beforeAll, describe, expect, it} from "vitest";
import {readdirSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {TIMEOUT, hashTree, runCli, spawnCli, tempDir, PRIVATE_KEY} from "../helpers.js";
import {cleanOutput} from "../demo-run.js";

const INPUT = "test/fixtures/clean";
/** the output the kills below must leave alone: at first a copy of the suite's shared run of the fixture */
let out: string;
let before: Record<string, string>;
/** that shared run, as made (test/demo-run.ts: the same pipeline on the same input, in-process) */
let shared: string;
/** the whole CLI run made after the last kill, over the killed runs' leftovers */
let rerun: string | undefined;

beforeAll(async () => {
  // the previous output is the suite's shared run of the fixture (a copy holds the same files and marker: the
  // runs below treat it as their own), not a run of this file's (issue 12)
  shared = await cleanOutput();
  out = await cleanOutput();
  before = hashTree(out);
}, TIMEOUT.test);

/** Start a run that pauses at `stage`, wait until it says so, then run `then` while it is paused. */
async function whilePaused(stage: string, then: (pid: number) => void | Promise<void>, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  const child = spawnCli(["run", "--input", INPUT, "--out", out, ...PRIVATE_KEY, "--quiet"], {JUNHENG_TEST_PAUSE_AFTER: stage});
  const exited = new Promise((resolve) => child.on("exit", resolve));
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(`paused after ${stage}`)) resolve();
    });
    child.on("exit", () => reject(new Error(`run ended before pausing: ${stderr}`)));
  });
  try {
    await then(child.pid!);
  } finally {
    child.kill(signal);
    await exited;
  }
}

describe("a killed run", () => {
  // The three kills follow one another: each run killed here is cleaned up by the next run on the same output
  // (the next test's run, which finds the leftovers while it holds the lock), and after the last a whole run
  // cleans up and succeeds. Runs killed at moments inside each stage: test/reliability/crash.test.ts.
  it.each(["ingest", "models", "written"])("killed after %s leaves the previous output byte for byte; the next run cleans up", async (stage) => {
    await whilePaused(stage, (child) => {
      // the run is building beside <out>, not in it, and has removed the last killed run's build
      const builds = readdirSync(dirname(out)).filter((entry) => entry.startsWith(".junheng-out.tmp-"));
      expect(builds).toEqual([`.junheng-out.tmp-${child}`]);
    });
    expect(hashTree(out)).toEqual(before);
    if (stage === "written") {
      // the next run cleans up the leftovers and succeeds
      expect(runCli(["run", "--input", INPUT, "--out", out, ...PRIVATE_KEY, "--quiet"]).status).toBe(0);
      expect(readdirSync(dirname(out)).filter((entry) => entry.startsWith(".junheng-"))).toEqual([]);
      before = hashTree(out);
      rerun = out;
    }
  });
});

describe("concurrent runs", () => {
  it("a second run on the same output fails at once with a clear message", async () => {
    await whilePaused("ingest", () => {
      // "at once", without a clock: the first run stays paused until this returns, so a second run that
      // waited for the lock would never return
      const second = runCli(["run", "--input", INPUT, "--out", out, ...PRIVATE_KEY, "--quiet"]);
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/另一个 junheng 进程（pid \d+/);
      expect(second.stderr).toMatch(/another junheng run \(pid \d+/);
      // the lock file named, for a lock no run holds any more (a garbled one is taken as held)
      expect(second.stderr).toContain(`lock file ${join(dirname(out), ".junheng-out.lock")}`);
    });
    expect(hashTree(out)).toEqual(before);
  });

  it("a run killed while it took the lock leaves no lock behind that stops the next", () => {
    // the lock is written whole under <lock>.<pid> and linked into place, so it is never found empty; a draft
    // left by a run killed in between (its process gone: no pid is this large) goes with the next run
    const draft = join(dirname(out), ".junheng-out.lock.2147483646");
    writeFileSync(draft, '{"pid": 2147483646}');
    expect(runCli(["run", "--input", INPUT, "--out", out, ...PRIVATE_KEY, "--quiet"]).status).toBe(0);
    expect(readdirSync(dirname(out)).filter((entry) => entry.startsWith(".junheng-"))).toEqual([]);
  }, TIMEOUT.long);
});

describe("determinism", () => {
  it("two runs over the same input publish byte-identical tables", () => {
    // the two runs: the suite's shared run (in-process, into a missing folder) and this file's CLI run after the
    // kills (over a previous output); a run of its own when that test did not run (e.g. -t determinism)
    let other = rerun;
    if (!other) {
      other = join(tempDir(), "out");
      expect(runCli(["run", "--input", INPUT, "--out", other, ...PRIVATE_KEY, "--quiet"]).status).toBe(0);
    }
    const first = hashTree(join(shared, "published"));
    const second = hashTree(join(other, "published"));
    const tables = Object.keys(first).filter((file) => file.endsWith(".parquet") || file.endsWith(".csv"));
    expect(tables.length).toBeGreaterThan(10);
    for (const file of tables) expect(second[file], file).toBe(first[file]);
    // rejects.csv is deterministic too; manifest.json differs only in its times (documented in README)
    expect(hashTree(other)["rejects.csv"]).toBe(hashTree(shared)["rejects.csv"]);
  });
});
