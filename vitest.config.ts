import {defineConfig} from "vitest/config";

// Timeouts catch hangs, not slowness (test/helpers.ts TIMEOUT): a test has 15 minutes unless it says
// otherwise, a hook 40 (the browser files may build the site first, under a lock).
const shared = {testTimeout: 15 * 60_000, hookTimeout: 40 * 60_000, pool: "forks"} as const;

export default defineConfig({
  test: {
    projects: [
      {
        // two cores: DuckDB already uses both; more workers only contend
        test: {...shared, name: "pipeline", include: ["test/**/*.test.ts"], exclude: ["test/site/**"], maxWorkers: 2, sequence: {groupOrder: 0}}
      },
      {
        // then the browser files, one at a time: each drives Chromium (and DuckDB-WASM) on both cores, and
        // beside another browser file or a DuckDB-heavy one its pages starved
        test: {...shared, name: "browser", include: ["test/site/**/*.test.ts"], maxWorkers: 1, sequence: {groupOrder: 1}}
      }
    ]
  }
});
