// The public demo key runs only on what `junheng demo` wrote (pipelines/ingest/demo-marker.ts): its output,
// copied anywhere, is accepted; a folder of real-looking exports, or a copied demo folder with a bureau's
// file dropped in, is refused before any work with exit 1 and one Chinese and one English line saying why
// and what to use instead; the same folder with a private key runs. Ids are shaped like national student
// numbers (全国学籍号: G + an 18-character identity number), the case that was reversed with the public key.
import {cpSync, existsSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {generateDemo} from "../../pipelines/demo/generate.js";
import {checkDemoInput, DEMO_MARKER} from "../../pipelines/ingest/demo-marker.js";
import {fingerprintOf, resolveKey} from "../../pipelines/ingest/pseudonym.js";
import {UsageError} from "../../pipelines/errors.js";
import {PRIVATE_KEY, TEST_KEY, copyFixture, hasStackTrace, runCli, tempDir} from "../helpers.js";

const root = tempDir();
const demo = join(root, "demo");

/** Rewrite a scores file's student ids as national student numbers, one distinct number per id. */
function realLookingScores(path: string): string[] {
  const numbers = new Map<string, string>();
  const [header, ...rows] = readFileSync(path, "utf8").split("\n");
  const column = header!.split(",").indexOf("student_id");
  expect(column).toBeGreaterThanOrEqual(0);
  const rewritten = rows.map((row) => {
    if (row === "") return row;
    const fields = row.split(",");
    const id = fields[column]!;
    if (!numbers.has(id)) numbers.set(id, `G62070220131006${String(8930 + numbers.size).padStart(4, "0")}`);
    fields[column] = numbers.get(id)!;
    return fields.join(",");
  });
  writeFileSync(path, [header, ...rewritten].join("\n"));
  return [...numbers.values()];
}

function expectRefused(result: ReturnType<typeof runCli>, out: string, zh: string, en: string): void {
  expect(result.status).toBe(1);
  expect(hasStackTrace(result.stderr)).toBe(false);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(2);
  // Chinese first: refused, why (anyone can reverse a pseudonym) and what to do instead (a private key)
  expect(lines[0]).toMatch(/^错误：拒绝使用 --demo-key：/);
  expect(lines[0]).toContain(zh);
  expect(lines[0]).toContain("由假名反查出学籍号或教师编号");
  expect(lines[0]).toContain("私有密钥：--key-file");
  expect(lines[0]).toContain("JUNHENG_KEY");
  expect(lines[1]).toMatch(/^Error: --demo-key refused: /);
  expect(lines[1]).toContain(en);
  expect(lines[1]).toContain("The demo key is public");
  expect(lines[1]).toContain("use a private key");
  expect(lines[1]).toContain("--key-file");
  // refused before any work: no output folder
  expect(existsSync(out)).toBe(false);
}

beforeAll(async () => {
  // the generator's own output (what `junheng demo` writes), two periods to keep the runs short
  await generateDemo({scale: "tiny", seed: 5, out: demo, periods: ["2025Q3", "2025Q4"]});
});

describe("the demo key on the command line", () => {
  it("accepts the output of junheng demo, also once copied elsewhere", () => {
    const copy = join(tempDir(), "copied-demo");
    cpSync(demo, copy, {recursive: true});
    const out = join(root, "out-demo");
    const result = runCli(["run", "--input", copy, "--out", out, "--demo-key", "--quiet"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.run.pseudonym_key.source).toMatch(/^demo/);
  });

  it("refuses a folder of real-looking exports (no marker): exit 1, Chinese then English", () => {
    const input = copyFixture("clean");
    expect(realLookingScores(join(input, "2025Q3", "scores.csv"))[0]).toBe("G620702201310068930");
    const out = join(root, "out-real");
    const result = runCli(["run", "--input", input, "--out", out, "--demo-key", "--quiet"]);
    expectRefused(result, out, `输入目录 ${input} 不是 junheng demo 生成的示例数据（其中没有标记文件 ${DEMO_MARKER}）`, `the input folder ${input} is not demo data written by \`junheng demo\` (it has no ${DEMO_MARKER} marker)`);
  });

  it("refuses a copied demo folder with a bureau's file dropped in, and runs it with a private key", () => {
    const input = join(tempDir(), "demo-with-real-file");
    cpSync(demo, input, {recursive: true});
    realLookingScores(join(input, "2025Q4", "scores.csv"));
    const refusedOut = join(root, "out-tampered");
    const refused = runCli(["run", "--input", input, "--out", refusedOut, "--demo-key", "--quiet"]);
    expectRefused(refused, refusedOut, `2025Q4/scores.csv 在 junheng demo 生成之后被改动过（与 ${DEMO_MARKER} 记录的 SHA-256 不符）`, `2025Q4/scores.csv changed after \`junheng demo\` wrote it (the SHA-256 differs from ${DEMO_MARKER})`);

    const out = join(root, "out-private");
    const result = runCli(["run", "--input", input, "--out", out, ...PRIVATE_KEY, "--quiet"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.run.pseudonym_key).toEqual({source: "file", fingerprint: fingerprintOf(Buffer.from(TEST_KEY))});
    expect(manifest.rejects.total_rows).toBe(0);
  });
});

describe("which folders count as demo data", () => {
  /** a fresh copy of the generated demo, changed by `change` */
  const variant = (change: (dir: string) => void): string => {
    const dir = join(tempDir(), "demo");
    cpSync(demo, dir, {recursive: true});
    change(dir);
    return dir;
  };
  const refusal = (dir: string): string => {
    try {
      checkDemoInput(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return (error as UsageError).message;
    }
    return "accepted";
  };

  it("the demo as written, and with files removed or files the run ignores added", () => {
    expect(refusal(demo)).toBe("accepted");
    // removing synthetic files brings in no real id; notes and unknown files are never read
    expect(refusal(variant((dir) => rmSync(join(dir, "2025Q4", "scores.csv"))))).toBe("accepted");
    expect(refusal(variant((dir) => writeFileSync(join(dir, "2025Q4", "notes.txt"), "G620702201310068930\n")))).toBe("accepted");
    // the config holds no ids: a reader may try other thresholds on the demo
    expect(refusal(variant((dir) => writeFileSync(join(dir, "junheng.config.json"), "{}")))).toBe("accepted");
  });

  it("a data file the marker does not list, or a marker that is not one", () => {
    const added = variant((dir) => cpSync(join(dir, "2025Q4", "scores.csv"), join(dir, "2025Q3", "scores.csv")));
    expect(refusal(added)).toContain("2025Q3/scores.csv was not written by `junheng demo` (not listed in JUNHENG_DEMO.json)");
    expect(refusal(variant((dir) => writeFileSync(join(dir, DEMO_MARKER), "{\"junheng_demo\": 1}")))).toContain("is not a demo marker");
    expect(refusal(variant((dir) => writeFileSync(join(dir, DEMO_MARKER), "not json")))).toContain("is not a demo marker");
  });

  it("the marker copied alone into a bureau's folder", () => {
    const input = copyFixture("clean");
    cpSync(join(demo, DEMO_MARKER), join(input, DEMO_MARKER));
    // the fixture's file names partly match the demo's, their contents do not
    expect(refusal(input)).toMatch(/^--demo-key refused: .*2025Q3\/schools\.csv.* changed after `junheng demo`/);
  });

  it("resolveKey gives the demo key only with an input to check", () => {
    expect(() => resolveKey({demoKey: true})).toThrow(/needs the input folder/);
    expect(resolveKey({demoKey: true, input: demo}).source).toMatch(/^demo/);
  });
});
