// SIGKILL inside every stage of a run: the previous <out> is byte-identical afterwards (or, when the kill
// came after the swap, a complete new output), no leftovers survive the next run, and the next run succeeds.
//
// The kills are placed by what the run says it is doing, not by the clock alone: the run's progress lines on
// stderr (each file read, each table checked and loaded, "building the models", "publishing") and its stage
// trace (JUNHENG_TRACE_STAGES) mark where it is, and each kill waits for one of those marks, then a seeded
// pseudo-random part of how long the good run spent in that stretch. So every stage — start-up, reading,
// checking and loading, the models, publishing, the swap — gets a kill on any machine, however loaded, where
// twelve kills at random moments of a demo run (the last version of this file) put them wherever the machine's
// speed of the moment did, and cost 126 s of CPU. A run is killed whatever its input's size; the smallest input
// that reaches every stage (test/fixtures/clean, two periods) is used. test/ingest/safe-write.test.ts kills
// runs held paused exactly at the stage boundaries.
import {describe, expect, it} from "vitest";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {TIMEOUT, hashTree, runCli, spawnCli, tempDir, PRIVATE_KEY} from "../helpers.js";

const INPUT = "test/fixtures/clean";
const ARGS = (out: string) => ["run", "--input", INPUT, "--out", out, ...PRIVATE_KEY];
const TIMES = ["manifest.json", "warehouse.duckdb", "published/public/manifest.json", "published/internal/manifest.json"];
const without = (tree: Record<string, string>, names: string[]) => Object.fromEntries(Object.entries(tree).filter(([file]) => !names.includes(file)));

/** the marks a run prints on stderr, in order: progress lines and the stage trace */
const MARKS: [name: string, line: RegExp][] = [
  ["reading", /^读取 read 2025Q3\/scores\.csv/],
  ["loading", /^校验并入库 checked and loaded teachers/],
  ["models", /^计算指标 building the models/],
  ["publishing", /^发布 publishing/],
  ["written", /^stage written/]
];

/** a small seeded generator (mulberry32): the same kills every time the file runs */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  code: number | null;
  /** the marks seen, with the milliseconds since the start when each was seen */
  seen: Map<string, number>;
  stages: string[];
}

/** Start a run; once `after` is seen (or at once, for "start"), wait `delay` ms and kill it (no kill if
 * `after` is null). */
async function runAndKill(out: string, after: string | null, delay: number): Promise<Run> {
  const child = spawnCli(ARGS(out), {JUNHENG_TRACE_STAGES: "1", JUNHENG_KEY: "", JUNHENG_KEY_FILE: ""});
  const started = Date.now();
  const seen = new Map<string, number>();
  const stages: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let killAt: Promise<void> | undefined;
  const kill = () => (killAt ??= new Promise<void>((resolve) => setTimeout(() => (child.kill("SIGKILL"), resolve()), delay)));
  if (after === "start") void kill();
  let pending = "";
  child.stderr.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      const stage = /^stage (\w+)/.exec(line)?.[1];
      if (stage) stages.push(stage);
      for (const [name, pattern] of MARKS) {
        if (!seen.has(name) && pattern.test(line)) {
          seen.set(name, Date.now() - started);
          if (name === after) void kill();
        }
      }
    }
  });
  child.stdout.resume();
  const code = await exited;
  return {code, seen, stages};
}

describe("SIGKILL inside every stage of a run", () => {
  it("never damages the last good output", async () => {
    const out = join(tempDir(), "out");
    // the good run: the output to protect, and how long it spent between the marks
    const good = await runAndKill(out, null, 0);
    expect(good.code).toBe(0);
    expect([...good.seen.keys()]).toEqual(MARKS.map(([name]) => name));
    const first = hashTree(out);
    let before = first;
    const at = (name: string) => good.seen.get(name)!;
    // how long each stretch took in the good run, ending at the next mark (the swap: the time to "swapped"
    // is not traced separately, so a few milliseconds)
    const stretch: Record<string, number> = {
      start: at("reading"),
      reading: at("loading") - at("reading"),
      loading: at("models") - at("loading"),
      models: at("publishing") - at("models"),
      publishing: at("written") - at("publishing"),
      written: 5
    };
    const random = seeded(20251130);
    // one kill in each stretch, at a seeded point in its first half (a later run may be quicker than the good
    // one), or right at its mark; the last in the middle of publishing, so that the final run below has a
    // half-built output to clean up
    const plan: [string, number][] = [
      ["start", 0.5 * random() * stretch.start!],
      ["reading", 0],
      ["loading", 0.5 * random() * stretch.loading!],
      ["models", 0.5 * random() * stretch.models!],
      ["written", 0],
      ["publishing", 0.5 * random() * stretch.publishing!]
    ];
    const reached = new Set<string>();
    let kills = 0;
    for (const [after, planned] of plan) {
      // a run quicker than the good one can carry a kill past its stretch: then again, sooner (a few times at
      // most), so that each stretch gets its kill however the machine's speed changes
      for (let delay = planned, tries = 0; ; delay /= 4, tries++) {
        const run = await runAndKill(out, after, Math.round(delay));
        kills++;
        // the last mark the run passed before it died: where the kill landed
        const last = MARKS.map(([name]) => name).filter((name) => run.seen.has(name)).at(-1) ?? "start";
        const landed = run.stages.includes("swapped") ? "swapped" : last;
        reached.add(landed);
        if (!existsSync(out)) {
          // killed between the swap's two renames: the next command puts the previous output back
          expect(runCli(["run", "--input", INPUT, "--out", out, ...PRIVATE_KEY, "--quiet"]).status).toBe(0);
        }
        const now = hashTree(out);
        if (run.code === 0 || JSON.stringify(now) !== JSON.stringify(before)) {
          // the run got past the swap before the kill: a complete new output, the same published tables
          expect(without(now, TIMES), `killed after ${after} + ${Math.round(delay)} ms`).toEqual(without(first, TIMES));
          expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).periods).toEqual(["2025Q3", "2025Q4"]);
          before = now;
        }
        if (landed === after || after === "written" || tries === 3) break;
      }
    }
    // the next run cleans up every leftover and succeeds, and publishes what the first run did, byte for byte
    expect(runCli(["run", "--input", INPUT, "--out", out, ...PRIVATE_KEY, "--quiet"]).status).toBe(0);
    expect(readdirSync(dirname(out)).filter((entry) => entry.startsWith(".junheng-"))).toEqual([]);
    expect(without(hashTree(out), TIMES)).toEqual(without(first, TIMES));
    console.log(`killed ${kills} runs; the kills landed after: ${[...reached].join(", ")}`);
    // start-up, reading, loading, the models and publishing are each reached before some kill, on any machine
    for (const stage of ["start", "reading", "loading", "models", "publishing"]) expect([...reached], stage).toContain(stage);
  }, TIMEOUT.long);
});
