import Papa from "papaparse";
// Shared test helpers: real files in temporary folders, the real CLI in a child process.
import {spawn, spawnSync} from "node:child_process";
import {cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync} from "node:fs";
import {createHash} from "node:crypto";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const FIXTURES = join(ROOT, "test", "fixtures");
export const CLI = join(ROOT, "pipelines", "bin", "junheng.mjs");

/** Timeouts catch hangs, not slowness: every test must pass on a two-core machine shared with other work,
 * where a demo run or a page load takes five to twenty times as long as on a quiet one. No test compares
 * elapsed times; each has its own timeout, none shares a budget with other tests. */
export const TIMEOUT = {
  /** one wait inside a browser test: a page load, a selector, DuckDB-WASM starting */
  wait: 5 * 60_000,
  /** one test, or one CLI run */
  test: 15 * 60_000,
  /** a test that runs the pipeline many times over (kills, fuzzing, concurrent runs) */
  long: 45 * 60_000
};

export function tempDir(prefix = "junheng-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A private key, for runs on folders that `junheng demo` did not write: the public demo key is refused there
 * (pipelines/ingest/demo-marker.ts). Written to its own temporary folder, outside every input and output. */
export const TEST_KEY = "junheng test key: private to the test suite, never a bureau's";
export const TEST_KEY_FILE = join(tempDir("junheng-key-"), "test.key");
writeFileSync(TEST_KEY_FILE, TEST_KEY);
/** the run arguments that give it: `runCli(["run", "--input", input, ...PRIVATE_KEY])` */
export const PRIVATE_KEY = ["--key-file", TEST_KEY_FILE];

/** A fresh copy of a fixture, safe to change. */
export function copyFixture(name: string): string {
  const dir = join(tempDir(), name);
  cpSync(join(FIXTURES, name), dir, {recursive: true});
  return dir;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: {...process.env, JUNHENG_KEY: "", JUNHENG_KEY_FILE: "", ...env},
    encoding: "utf8",
    timeout: TIMEOUT.test
  });
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

export function spawnCli(args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, [CLI, ...args], {cwd: ROOT, env: {...process.env, ...env}, stdio: ["ignore", "pipe", "pipe"]});
}

/** Every file under dir with its sha256, for "exactly as it was" comparisons. Symlinks are recorded by
 * their target and not followed; FIFOs, sockets and devices by their kind (never opened). */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at)) {
      const full = join(at, entry);
      const stat = lstatSync(full);
      if (stat.isDirectory()) walk(full);
      else if (stat.isSymbolicLink()) out[relative(dir, full)] = `symlink → ${readlinkSync(full)}`;
      else if (stat.isFile()) out[relative(dir, full)] = createHash("sha256").update(readFileSync(full)).digest("hex");
      else out[relative(dir, full)] = stat.isFIFO() ? "fifo" : stat.isSocket() ? "socket" : "device";
    }
  };
  walk(dir);
  return out;
}

/** A stack trace in user-facing output is a bug. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)|\n\s+at .+:\d+:\d+/.test(text);
}

/** rejects.csv's rows keyed by the English half of each bilingual header (`行号 line` → line; docs/data-contract.md). */
export function readRejectsCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, "utf8").replace(/^\ufeff/, "");
  const rows = Papa.parse<string[]>(text, {skipEmptyLines: true}).data;
  const [header = [], ...data] = rows;
  const keys = header.map((cell) => cell.slice(cell.lastIndexOf(" ") + 1));
  return data.map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i] ?? ""])));
}
