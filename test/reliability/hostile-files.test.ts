// Entries of the input that are not plain files, period folders named almost right, keys reached through
// symlinks, and JUNHENG_OUT: each is a clear file-level problem (exit 1, Chinese then English, naming the
// file) or works on purpose, never an internal error, a silent drop or a blocked read. Each case spawns
// the CLI on real folders and hashes them before and after: nothing of the input is changed.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {execFileSync, spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {createServer, type Server} from "node:net";
import {join, relative} from "node:path";
import {FIXTURES, ROOT, TIMEOUT, copyFixture, hasStackTrace, hashTree, runCli, tempDir, PRIVATE_KEY} from "../helpers.js";
import {cleanOutput} from "../demo-run.js";
import {publishedDir, siteEdition, siteOut} from "../../pipelines/site/out-dir.js";

// several real runs each; generous, as a loaded CI machine needs (nothing here depends on time)
const SLOW = {timeout: TIMEOUT.test};

const run = (input: string, out = join(tempDir(), "out"), extra: string[] = PRIVATE_KEY) => ({out, ...runCli(["run", "--input", input, "--out", out, "--quiet", ...extra])});

/** Exit 1, the given Chinese/English line pairs, the closing line, no output folder, the input unchanged. */
function expectProblems(input: string, before: Record<string, string>, result: ReturnType<typeof run>, lines: string[]): void {
  expect(result.status, result.stderr).toBe(1);
  expect(hasStackTrace(result.stderr)).toBe(false);
  expect(result.stderr.trimEnd().split("\n")).toEqual([...lines, "", "运行已停止，输出目录未改动。The run stopped; the output folder was not changed."]);
  expect(existsSync(result.out)).toBe(false);
  expect(hashTree(input)).toEqual(before);
}

const rowsOf = (file: string) => readFileSync(file, "utf8").trimEnd().split("\n").length - 1;

describe("entries that are not plain files", SLOW, () => {
  it("a symlinked scores.csv and a symlinked period folder are followed and read as if they were there", () => {
    const input = copyFixture("clean");
    const elsewhere = tempDir();
    renameSync(join(input, "2025Q3", "scores.csv"), join(elsewhere, "scores.csv"));
    symlinkSync(join(elsewhere, "scores.csv"), join(input, "2025Q3", "scores.csv"));
    renameSync(join(input, "2025Q4"), join(elsewhere, "2025Q4"));
    symlinkSync(relative(input, join(elsewhere, "2025Q4")), join(input, "2025Q4"));
    const before = hashTree(input);
    const result = run(input);
    expect(result.status, result.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(result.out, "manifest.json"), "utf8"));
    const scores = manifest.files.find((file: {name: string}) => file.name === "2025Q3/scores.csv");
    expect(scores.rows_read).toBe(rowsOf(join(FIXTURES, "clean", "2025Q3", "scores.csv")));
    expect(manifest.periods).toEqual(["2025Q3", "2025Q4"]);
    expect(hashTree(input)).toEqual(before);
  });

  const cases: {name: string; make: (path: string) => void; zh: string; en: string}[] = [
    {name: "a symlink loop", make: (path) => symlinkSync("scores.csv", path), zh: "它是循环的符号链接", en: "it is a symbolic link loop"},
    {name: "a symlink to nothing", make: (path) => symlinkSync("gone.csv", path), zh: "它是指向不存在位置的符号链接", en: "it is a symbolic link to nothing"},
    // a FIFO opened for reading would block the run for ever: finishing at all shows it was never opened
    {name: "a FIFO", make: (path) => execFileSync("mkfifo", [path]), zh: "它是命名管道（FIFO）", en: "it is a named pipe (FIFO)"},
    {name: "a device (a symlink to /dev/zero)", make: (path) => symlinkSync("/dev/zero", path), zh: "它是设备文件", en: "it is a device"},
    {name: "a folder", make: (path) => mkdirSync(path), zh: "它是一个文件夹", en: "it is a folder"}
  ];
  it.each(cases)("$name named scores.csv is a file-level problem naming it", ({make, zh, en}) => {
    const input = copyFixture("clean");
    const path = join(input, "2025Q4", "scores.csv");
    rmSync(path);
    make(path);
    const before = hashTree(input);
    expectProblems(input, before, run(input), [
      `错误 [not_a_file] 期次 2025Q4，文件 2025Q4/scores.csv：不是普通文件：${zh}`,
      `Error [not_a_file] period 2025Q4, file 2025Q4/scores.csv: not a regular file: ${en}`
    ]);
  });

  describe("a socket", () => {
    let server: Server;
    let input: string;
    beforeAll(async () => {
      input = copyFixture("clean");
      rmSync(join(input, "2025Q3", "teachers.csv"));
      server = createServer();
      await new Promise<void>((resolve) => server.listen(join(input, "2025Q3", "teachers.csv"), resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    it("named teachers.csv is a file-level problem naming it", () => {
      const before = hashTree(input);
      expectProblems(input, before, run(input), [
        "错误 [not_a_file] 期次 2025Q3，文件 2025Q3/teachers.csv：不是普通文件：它是套接字（socket）",
        "Error [not_a_file] period 2025Q3, file 2025Q3/teachers.csv: not a regular file: it is a socket"
      ]);
    });
  });

  it("a FIFO named junheng.config.json is a file-level problem, never read", () => {
    const input = copyFixture("clean");
    execFileSync("mkfifo", [join(input, "junheng.config.json")]);
    const before = hashTree(input);
    const result = run(input);
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      "错误 [not_a_file] 文件 junheng.config.json：不是普通文件：它是命名管道（FIFO）",
      "Error [not_a_file] file junheng.config.json: not a regular file: it is a named pipe (FIFO)"
    ]);
    expect(hashTree(input)).toEqual(before);
  });
});

describe("a folder named like a period that does not match YYYYQn", SLOW, () => {
  const cases: [string, string, string][] = [
    ["2025q4", "请改名为 2025Q4", "rename it to 2025Q4"],
    ["2025-Q4", "请改名为 2025Q4", "rename it to 2025Q4"],
    ["2025Q5", "期次文件夹须严格命名为 YYYYQn，n 为 1–4", "a period folder must be named exactly YYYYQn, n from 1 to 4"],
    ["2025Q4 copy", "期次文件夹须严格命名为 YYYYQn，n 为 1–4", "a period folder must be named exactly YYYYQn, n from 1 to 4"],
    ["2025年第4季度", "期次文件夹须严格命名为 YYYYQn，n 为 1–4", "a period folder must be named exactly YYYYQn, n from 1 to 4"]
  ];
  it.each(cases)("%s stops the run naming the folder (its scores are not silently skipped)", (name, zh, en) => {
    const input = copyFixture("clean");
    renameSync(join(input, "2025Q4"), join(input, name));
    const before = hashTree(input);
    expectProblems(input, before, run(input), [
      `错误 [bad_period_folder] 文件 ${name}/：文件夹名像期次，但不符合 YYYYQn 格式（如 2025Q3）：${zh}`,
      `Error [bad_period_folder] file ${name}/: a folder named like a period does not match YYYYQn (e.g. 2025Q3): ${en}`
    ]);
  });

  it("validate reports it the same way", () => {
    const input = copyFixture("clean");
    renameSync(join(input, "2025Q4"), join(input, "2025q4"));
    const result = runCli(["validate", "--input", input]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Error [bad_period_folder] file 2025q4/");
  });
});

describe("a key file inside the data, reached through a symlink", SLOW, () => {
  const key = "a-bureau-secret-key-7f3a9c";
  const refusal = (keyFile: string) => [
    `错误：密钥文件 ${keyFile} 位于输入或输出目录内，会随数据一起被复制或发布；请放在其他位置`,
    `Error: the key file ${keyFile} is inside the input or output directory, where it would be copied or published with the data; keep it elsewhere`
  ];

  it("a symlink outside the input pointing at a key inside it is refused", () => {
    const input = copyFixture("clean");
    writeFileSync(join(input, "key.txt"), key);
    const link = join(tempDir(), "key-link");
    symlinkSync(join(input, "key.txt"), link);
    const before = hashTree(input);
    const result = run(input, undefined, ["--key-file", link]);
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual(refusal(link));
    expect(existsSync(result.out)).toBe(false);
    expect(hashTree(input)).toEqual(before);
  });

  it("a symlinked --input with the key inside its real folder is refused", () => {
    const input = copyFixture("clean");
    writeFileSync(join(input, "key.txt"), key);
    const linkedInput = join(tempDir(), "input-link");
    symlinkSync(input, linkedInput);
    const before = hashTree(input);
    const result = run(linkedInput, undefined, ["--key-file", join(input, "key.txt")]);
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual(refusal(join(input, "key.txt")));
    expect(hashTree(input)).toEqual(before);
  });

  it("a FIFO as the key file is refused, never read", () => {
    const fifo = join(tempDir(), "key.fifo");
    execFileSync("mkfifo", [fifo]);
    const result = run(join(FIXTURES, "clean"), undefined, ["--key-file", fifo]);
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([`错误：密钥文件 ${fifo} 不是普通文件`, `Error: the key file ${fifo} is not a regular file`]);
  });
});

describe("JUNHENG_OUT for the site step", SLOW, () => {
  let out: string;
  beforeAll(async () => {
    // a good output: the suite's shared run of the clean fixture (test/demo-run.ts)
    out = await cleanOutput();
  });

  it("is taken as given when absolute and from the project root when relative", () => {
    expect(siteOut(ROOT, out)).toBe(out);
    expect(siteOut(ROOT, relative(ROOT, out))).toBe(out);
    expect(siteOut(ROOT, "out")).toBe(join(ROOT, "out"));
    // the public edition unless JUNHENG_EDITION says otherwise (docs/editions.md)
    expect(publishedDir(ROOT, out, "public")).toBe(join(out, "published", "public"));
    expect(publishedDir(ROOT, relative(ROOT, out), "internal")).toBe(join(out, "published", "internal"));
    expect(siteEdition(undefined)).toBe("public");
    expect(siteEdition("internal")).toBe("internal");
    expect(() => siteEdition("intranet")).toThrow(/JUNHENG_EDITION="intranet" is no edition: use public \(the default\) or internal/);
  });

  // Spawned on folders that are no output, so that the step stops before it writes anything into src/
  // (a successful spawn would overwrite the site data other test files build from).
  it.each([
    ["absolute", () => join(tempDir(), "not-an-output")],
    ["relative", () => relative(ROOT, join(tempDir(), "not-an-output"))]
  ])("%s, pointing at no output: two lines naming the resolved folder, exit 1", (_kind, path) => {
    const given = path();
    const resolved = siteOut(ROOT, given);
    const result = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "pipelines", "site", "prepare.ts")], {
      cwd: ROOT,
      env: {...process.env, JUNHENG_OUT: given, JUNHENG_EDITION: ""},
      encoding: "utf8",
      timeout: TIMEOUT.test
    });
    expect(result.status).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      `错误：${resolved} 中没有 published/public/manifest.json，不是 Junheng 的输出：请先运行流水线（npm run build 两步都做），或用 JUNHENG_OUT 指向输出目录`,
      `Error: ${resolved} has no published/public/manifest.json, so it is no Junheng output: run the pipeline first (npm run build does both), or point JUNHENG_OUT at its output folder`
    ]);
  });
});
