// Published files are byte-identical at --threads 1, 2 and 8, by design rather than by running the models on one
// thread: every sum over doubles is exact on fixed-scale terms or runs in a key's order (docs/architecture.md,
// "Deterministic at any thread count"). Before that design, the demo at 1 and 8 threads already published 55 of its
// files with different bytes (last bits of means, variances and value-added), so the demo is input enough.
// The manifests differ only where they must: run times and the --threads asked for.
import {describe, expect, it} from "vitest";
import {cpSync, readFileSync, truncateSync} from "node:fs";
import {join} from "node:path";
import {FIXTURES, TIMEOUT, hashTree, runCli, tempDir} from "../helpers.js";
import {engineThreads} from "../../pipelines/run.js";
import {DEMO_RUN_THREADS, demoOutput} from "../demo-run.js";

const THREADS = [1, 2, 8];

/** a manifest without what a run may change: times (started_at, finished_at, every *ms) and the threads asked for */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !/(^|_)ms$|_at$|^threads$/.test(key))
      .map(([key, inner]) => [key, stable(inner)])
  );
}

describe("thread count", () => {
  it(
    "publishes the same bytes at --threads 1, 2 and 8",
    async () => {
      // --threads 2 is the suite's shared demo run (test/demo-run.ts, the same pipeline in-process with
      // threads: 2); 1 and 8 are CLI runs
      expect(DEMO_RUN_THREADS).toBe(2);
      const shared = await demoOutput();
      const outs = THREADS.map((threads) => {
        if (threads === DEMO_RUN_THREADS) return shared;
        const out = join(tempDir("junheng-threads-"), "out");
        const result = runCli(["run", "--input", "data/demo", "--out", out, "--demo-key", "--quiet", "--threads", String(threads)]);
        expect(result.status, result.stderr).toBe(0);
        return out;
      });
      const manifests = outs.map((out) => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {run: {threads: number}});
      expect(manifests.map((manifest) => manifest.run.threads)).toEqual(THREADS);

      const published = outs.map((out) => hashTree(join(out, "published")));
      const files = Object.keys(published[0]!).sort();
      // both editions' tables in three formats, their zips, datapackages, methodology and citation
      expect(files.filter((file) => /\.(arrow|csv|parquet)$/.test(file)).length).toBeGreaterThan(100);
      expect(files.filter((file) => file.endsWith(".zip")).length).toBe(2);
      for (let i = 1; i < outs.length; i++) {
        expect(Object.keys(published[i]!).sort(), `--threads ${THREADS[i]}: the same files`).toEqual(files);
        const differing = files.filter((file) => !file.endsWith("manifest.json") && published[i]![file] !== published[0]![file]);
        expect(differing, `files whose bytes differ between --threads 1 and --threads ${THREADS[i]}`).toEqual([]);
        for (const manifest of ["manifest.json", ...files.filter((file) => file.endsWith("manifest.json"))]) {
          const read = (out: string) => stable(JSON.parse(readFileSync(join(out, manifest.includes("/") ? join("published", manifest) : manifest), "utf8")));
          expect(read(outs[i]!), `${manifest} at --threads ${THREADS[i]}`).toEqual(read(outs[0]!));
        }
        expect(readFileSync(join(outs[i]!, "rejects.csv"), "utf8")).toBe(readFileSync(join(outs[0]!, "rejects.csv"), "utf8"));
      }
    },
    TIMEOUT.long
  );
});

describe("the threads a run uses when --threads is not given", () => {
  it("one for an input under 16 MB, DuckDB's default (one per core) from 16 MB; what --threads asks always", () => {
    const input = join(tempDir(), "in");
    cpSync(join(FIXTURES, "clean"), input, {recursive: true});
    expect(engineThreads(undefined, input)).toBe(1);
    expect(engineThreads(2, input)).toBe(2);
    expect(engineThreads(8, input)).toBe(8);
    // the contract files count, in every period: one of them grown to just under, then to 16 MB in all
    const others = ["2025Q3", "2025Q4"].flatMap((period) => ["exams", "schools", "scores", "teachers"].map((file) => join(input, period, `${file}.csv`)));
    const sizeOf = (path: string) => readFileSync(path).length;
    const rest = others.slice(1).reduce((sum, path) => sum + sizeOf(path), 0) + ["exchanges", "groups", "memberships"].reduce((sum, file) => sum + sizeOf(join(input, "2025Q3", `${file}.csv`)), 0);
    truncateSync(others[0]!, 16 * 1024 * 1024 - rest - 1);
    expect(engineThreads(undefined, input)).toBe(1);
    truncateSync(others[0]!, 16 * 1024 * 1024 - rest);
    expect(engineThreads(undefined, input)).toBeUndefined();
    expect(engineThreads(1, input)).toBe(1);
    // a folder that cannot be read: left to the run to report
    expect(engineThreads(undefined, join(input, "missing"))).toBeUndefined();
  });
});
