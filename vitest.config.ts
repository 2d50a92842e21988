import {defineConfig} from "vitest/config";

// Timeouts catch hangs, not slowness (test/helpers.ts TIMEOUT): a test has 15 minutes unless it says
// otherwise, a hook 40 (the browser files may build the site first, under a lock).
// `isolate: false`: a worker runs its files one after another in the same process, so DuckDB's native module,
// Playwright, ExcelJS and the pipeline are imported once per worker, not once per file (101 files). Measured on
// a quiet two-core machine, whole suite: 471 → 435 s, 916 → 843 CPU-seconds, 623 of 623 passing. No test file
// changes process.env or a shared module's state; each file's own module state is its own.
const shared = {testTimeout: 15 * 60_000, hookTimeout: 40 * 60_000, pool: "forks", isolate: false} as const;

// One group of two workers for every file: the browser files used to wait for all the pipeline files and then
// run one at a time, leaving a core idle for much of the suite (measured: ~20 CPU-minutes in ~23 minutes of
// wall on two cores). With no test holding a shared time budget (each wait has its own TIMEOUT), a browser
// file beside another file is slower, never wrong; the site is built once under a lock (test/site/build.ts)
// and the demo run once under another (test/demo-run.ts). Vitest starts the files it knows to be longest
// first (its results cache), so the long browser files no longer come last.
export default defineConfig({
  test: {
    projects: [
      {
        test: {...shared, name: "pipeline", include: ["test/**/*.test.ts"], exclude: ["test/site/**"], maxWorkers: 2, sequence: {groupOrder: 0}}
      },
      {
        // the browser files (Chromium, DuckDB-WASM): the same pool of two workers
        test: {...shared, name: "browser", include: ["test/site/**/*.test.ts"], maxWorkers: 2, sequence: {groupOrder: 0}}
      }
    ]
  }
});
