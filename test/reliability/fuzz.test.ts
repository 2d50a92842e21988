// Property: whatever a bureau's export does to a contract file, the run ends as a success whose files
// reconcile (rows read = loaded + rejected) or as a file-level problem with a bilingual message —
// never an uncaught exception, never a stack trace, never a damaged previous output.
import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {runPipeline} from "../../pipelines/run.js";
import {InputError, UsageError} from "../../pipelines/errors.js";
import {InputProblems} from "../../pipelines/ingest/ingest.js";
import {TIMEOUT, copyFixture, hashTree, hasStackTrace, runCli, tempDir, PRIVATE_KEY, TEST_KEY_FILE} from "../helpers.js";
import {cleanOutput} from "../demo-run.js";

const FILES = ["2025Q3", "2025Q4"].flatMap((period) => readdirSync(join("test/fixtures/clean", period)).map((name) => `${period}/${name}`));

type Mutation = (bytes: Buffer, rand: () => number) => Buffer;

const lines = (bytes: Buffer) => bytes.toString("utf8").split("\n");
const pick = <T>(items: T[], rand: () => number): T => items[Math.floor(rand() * items.length)]!;

const MUTATIONS: Record<string, Mutation> = {
  truncate: (bytes, rand) => bytes.subarray(0, Math.floor(rand() * bytes.length)),
  randomBytes: (bytes, rand) => {
    const at = Math.floor(rand() * bytes.length);
    const noise = Buffer.from(Array.from({length: 1 + Math.floor(rand() * 12)}, () => Math.floor(rand() * 256)));
    return Buffer.concat([bytes.subarray(0, at), noise, bytes.subarray(at)]);
  },
  swapColumns: (bytes, rand) => {
    const all = lines(bytes);
    const header = all[0]!.split(",");
    const a = Math.floor(rand() * header.length);
    const b = Math.floor(rand() * header.length);
    [header[a], header[b]] = [header[b]!, header[a]!];
    return Buffer.from([header.join(","), ...all.slice(1)].join("\n"));
  },
  utf16WithoutBom: (bytes) => Buffer.from(bytes.toString("utf8"), "utf16le"),
  latin1: (bytes) => Buffer.from(bytes.toString("utf8"), "latin1"),
  enormousField: (bytes, rand) => {
    const all = lines(bytes);
    const row = 1 + Math.floor(rand() * Math.max(1, all.length - 2));
    all[row] = `${"x".repeat(1_200_000)},${all[row] ?? ""}`;
    return Buffer.from(all.join("\n"));
  },
  quotesAndNewlines: (bytes, rand) => {
    const all = lines(bytes);
    const row = 1 + Math.floor(rand() * Math.max(1, all.length - 2));
    const cells = (all[row] ?? "").split(",");
    const at = Math.floor(rand() * cells.length);
    cells[at] = pick([`"a\nb"`, `"say ""hi"""`, `"unclosed`, `x"y`, `"a,b"`, `""`], rand);
    all[row] = cells.join(",");
    return Buffer.from(all.join("\n"));
  },
  empty: () => Buffer.alloc(0),
  headerOnly: (bytes) => Buffer.from(lines(bytes)[0]! + "\n"),
  wideLine: (bytes, rand) => {
    const all = lines(bytes);
    all.splice(1 + Math.floor(rand() * Math.max(1, all.length - 1)), 0, ",".repeat(100_000));
    return Buffer.from(all.join("\n"));
  },
  duplicateRow: (bytes, rand) => {
    const all = lines(bytes).filter((line) => line !== "");
    if (all.length < 2) return bytes;
    all.push(all[1 + Math.floor(rand() * (all.length - 1))]!);
    return Buffer.from(all.join("\n") + "\n");
  },
  deleteLine: (bytes, rand) => {
    const all = lines(bytes);
    all.splice(Math.floor(rand() * all.length), 1);
    return Buffer.from(all.join("\n"));
  }
};

const mutationArb = fc.record({
  file: fc.constantFrom(...FILES),
  mutations: fc.array(fc.constantFrom(...Object.keys(MUTATIONS)), {minLength: 1, maxLength: 3}),
  seed: fc.integer({min: 1, max: 2 ** 31 - 1}),
  lenient: fc.boolean()
});

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(input: string, file: string, mutations: string[], seed: number): void {
  const rand = mulberry32(seed);
  let bytes: Buffer = readFileSync(join(input, file));
  for (const name of mutations) bytes = MUTATIONS[name]!(bytes, rand);
  writeFileSync(join(input, file), bytes);
}

// CI runs a fixed seed so that a landing is never decided by luck; explore new inputs with
// FUZZ_SEED=random FUZZ_RUNS=1000 npx vitest run test/reliability/fuzz.test.ts (a failure prints the
// seed and the shrunk counterexample, which then becomes a fixed case below).
const SEED = process.env.FUZZ_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20241101);
// 32 runs: each of the 12 mutations is drawn about five times, alone and in pairs and threes, over the 14
// files; 80 cost the suite about ten minutes of CPU (issue 12). More runs: FUZZ_RUNS, as above.
const RUNS = Number(process.env.FUZZ_RUNS ?? 32);

// Counterexamples fuzzing found once; they stay as fixed cases.
const FOUND: Array<{file: string; mutations: string[]; seed: number; lenient: boolean}> = [
  // a quoted header cell with a line break in it split the one-line-per-language message
  {file: "2025Q3/exams.csv", mutations: ["empty", "quotesAndNewlines"], seed: 536788446, lenient: false}
];

describe("fuzzing the contract files", () => {
  it("every mutated input ends in reconciled success or a bilingual file-level problem", async () => {
    // the output every run below replaces or must leave alone: at first the suite's shared run of the clean
    // fixture (test/demo-run.ts), the same pipeline on the same input, not a run of this file's (issue 12)
    const out = await cleanOutput();
    let before = hashTree(out);
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(mutationArb, async ({file, mutations, seed, lenient}) => {
        const input = copyFixture("clean");
        mutate(input, file, mutations, seed);
        try {
          const {manifest} = await runPipeline({input, out, keyFile: TEST_KEY_FILE, maxRejectRate: lenient ? 1 : 0.05});
          for (const report of manifest.files) expect(report.rows_loaded + report.rows_rejected).toBe(report.rows_read);
          outcomes.success = (outcomes.success ?? 0) + 1;
          before = hashTree(out);
        } catch (error) {
          const problems = error instanceof InputProblems ? error.problems : error instanceof InputError ? [error] : undefined;
          if (!problems) throw error;
          for (const problem of problems) {
            expect(problem.bilingual()).toMatch(/^错误 \[\w+\][^\n]*\nError \[\w+\][^\n]*$/);
            outcomes[problem.code] = (outcomes[problem.code] ?? 0) + 1;
          }
          expect(hashTree(out)).toEqual(before);
        }
      }),
      {numRuns: RUNS, seed: SEED, examples: FOUND.map((found) => [found])}
    );
    console.log("fuzz seed", SEED, "outcomes", outcomes);
    expect(Object.keys(outcomes).length).toBeGreaterThan(2);
  }, TIMEOUT.long);

  it("the CLI never prints a stack trace and exits 0 or 1", () => {
    const rand = mulberry32(SEED);
    const names = Object.keys(MUTATIONS);
    for (let i = 0; i < 5; i++) {
      const input = copyFixture("clean");
      mutate(input, pick(FILES, rand), [pick(names, rand), pick(names, rand)], Math.floor(rand() * 2 ** 31));
      const result = runCli(["run", "--input", input, "--out", join(tempDir(), "out"), ...PRIVATE_KEY, "--quiet"]);
      expect([0, 1]).toContain(result.status);
      expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
      expect(result.stderr).not.toMatch(/Internal error|内部错误/);
    }
  }, TIMEOUT.long);
});

describe("usage errors", () => {
  it("are errors the CLI can print", () => {
    expect(new UsageError("中", "en").bilingual()).toBe("错误：中\nError: en");
  });
});
