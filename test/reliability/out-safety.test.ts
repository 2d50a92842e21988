// `--out` never removes what Junheng did not write. Each case spawns the CLI on real folders: a refused
// <out> exits 1 before any work with one Chinese and one English line naming the path and why, and every
// byte of the folders around it is still there (hashed before and after). The set-immutable case needs
// root (as CI runs).
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {FIXTURES, ROOT, TIMEOUT, hasStackTrace, hashTree, runCli, tempDir, PRIVATE_KEY} from "../helpers.js";
import {UsageError} from "../../pipelines/errors.js";
import {MARKER, checkOut, foreignEntries, prepareBuild, swapIn} from "../../pipelines/safe-write.js";
import {cleanOutput} from "../demo-run.js";

// several real runs each; generous, as a loaded CI machine needs (nothing here depends on time)
const SLOW = {timeout: TIMEOUT.test};

/** A folder a careless user might point --out at: the input, a document, a dot-file and a subfolder. */
function victim(): {root: string; input: string} {
  // in a folder of its own: the test of a refused <out> that contains the input looks beside it for leftovers,
  // where a shared temporary folder can hold other runs' (another suite's or a benchmark's, run meanwhile)
  const root = join(tempDir("junheng-victim-"), "victim");
  mkdirSync(root);
  const input = join(root, "in");
  cpSync(join(FIXTURES, "clean"), input, {recursive: true});
  writeFileSync(join(root, "notes.txt"), "my notes\n");
  writeFileSync(join(root, ".bashrc"), "export PATH\n");
  mkdirSync(join(root, "Documents"));
  writeFileSync(join(root, "Documents", "report.docx"), Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3]));
  return {root, input};
}

const run = (input: string, out: string, env: Record<string, string> = {}) => runCli(["run", "--input", input, "--out", out, ...PRIVATE_KEY, "--quiet"], env);

/** A good output of the clean fixture: the suite's shared run of it (test/demo-run.ts), copied where a test below
 * needs a previous output (a copy holds the same files and marker; the run that replaces it is real). The runs into
 * an empty folder and into a missing one are this file's own (below). */
let good: string;
beforeAll(async () => {
  good = await cleanOutput();
}, TIMEOUT.test);
/** a previous output at `out`, as a run of the clean fixture leaves it */
function previousOutput(out: string): void {
  cpSync(good, out, {recursive: true, verbatimSymlinks: true});
}

/** Exit 1 and exactly two lines: the Chinese then the English refusal, each naming --out and the reason. */
function expectRefused(result: ReturnType<typeof runCli>, out: string, zh: string, en: string): void {
  expect(result.status, result.stderr).toBe(1);
  expect(hasStackTrace(result.stderr)).toBe(false);
  expect(result.stdout).toBe("");
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain(`错误：不能用 ${out} 作为输出目录（--out）：`);
  expect(lines[0]).toContain(zh);
  expect(lines[1]).toContain(`Error: cannot use ${out} as the output folder (--out): `);
  expect(lines[1]).toContain(en);
}

/** Neither a lock nor a build nor a previous output was left beside <out>. */
function noLeftovers(dir: string): void {
  expect(readdirSync(dir).filter((name) => name.startsWith(".junheng-"))).toEqual([]);
}

describe("an <out> that is not ours is refused before any work", SLOW, () => {
  it("the input folder itself", () => {
    const {root, input} = victim();
    const before = hashTree(root);
    expectRefused(run(input, input), input, "它就是输入目录", "it is the input folder itself");
    expect(hashTree(root)).toEqual(before);
    noLeftovers(root);
  });

  it("a folder containing the input (with other files beside it)", () => {
    const {root, input} = victim();
    const before = hashTree(root);
    expectRefused(run(input, root), root, `它包含输入目录 ${input}`, `it contains the input folder ${input}`);
    expect(hashTree(root)).toEqual(before);
    noLeftovers(dirname(root));
  });

  it("a folder inside the input, existing (a period) or not", () => {
    const {root, input} = victim();
    const before = hashTree(root);
    for (const out of [join(input, "2025Q3"), join(input, "results")]) {
      expectRefused(run(input, out), out, `它位于输入目录 ${input} 之内`, `it is inside the input folder ${input}`);
    }
    expect(hashTree(root)).toEqual(before);
    noLeftovers(input);
  });

  it("the input reached through a symlink, and an <out> under a symlink into the input", () => {
    const {root, input} = victim();
    symlinkSync(input, join(root, "link-to-in"));
    const before = hashTree(root);
    const viaLink = join(root, "link-to-in");
    expectRefused(run(input, viaLink), viaLink, "它就是输入目录", "it is the input folder itself");
    const under = join(root, "link-to-in", "out");
    expectRefused(run(input, under), under, "之内", "it is inside the input folder");
    expect(hashTree(root)).toEqual(before);
  });

  it("the root of the file system", () => {
    const {input} = victim();
    const before = readdirSync("/").sort();
    expectRefused(run(input, "/"), "/", "这是文件系统的根目录", "it is the root of the file system");
    expect(readdirSync("/").sort()).toEqual(before);
  });

  it("the home folder, and a folder containing it", () => {
    const {root} = victim();
    const home = join(root, "home");
    mkdirSync(join(home, "Documents"), {recursive: true});
    writeFileSync(join(home, ".bashrc"), "alias ll='ls -l'\n");
    writeFileSync(join(home, "Documents", "plan.txt"), "plan\n");
    const before = hashTree(root);
    const input = join(FIXTURES, "clean");
    expectRefused(run(input, home, {HOME: home}), home, "这是用户主目录", "it is the home folder");
    expectRefused(run(input, root, {HOME: home}), root, `它包含用户主目录 ${home}`, `it contains the home folder ${home}`);
    // even an empty home folder is refused: it is never an output folder
    const emptyHome = join(tempDir(), "home");
    mkdirSync(emptyHome);
    expectRefused(run(input, emptyHome, {HOME: emptyHome}), emptyHome, "这是用户主目录", "it is the home folder");
    expect(hashTree(root)).toEqual(before);
  });

  it("a folder holding other files", () => {
    const {root, input} = victim();
    const before = hashTree(root);
    const documents = join(root, "Documents");
    expectRefused(run(input, documents), documents, "目录不是空的，也不是 Junheng 的输出", "the folder is neither empty nor a Junheng output");
    expect(hashTree(root)).toEqual(before);
    noLeftovers(root);
  });

  it("a file", () => {
    const {root, input} = victim();
    const before = hashTree(root);
    const file = join(root, "notes.txt");
    expectRefused(run(input, file), file, "它是一个文件，不是目录", "it is a file, not a folder");
    expect(hashTree(root)).toEqual(before);
  });

  it("a symlink to a foreign folder: the link and the folder stay as they were", () => {
    const {root, input} = victim();
    const link = join(root, "results");
    symlinkSync(join(root, "Documents"), link);
    const before = hashTree(root);
    expectRefused(run(input, link), link, `目录（${join(root, "Documents")}）不是空的`, `the folder (${join(root, "Documents")}) is neither empty nor a Junheng output`);
    expect(hashTree(root)).toEqual(before);
    expect(readlinkSync(link)).toBe(join(root, "Documents"));
  });

  it("a symlink to nothing, and a symlink loop", () => {
    const {root, input} = victim();
    symlinkSync(join(root, "missing"), join(root, "dangling"));
    symlinkSync(join(root, "loop-b"), join(root, "loop-a"));
    symlinkSync(join(root, "loop-a"), join(root, "loop-b"));
    const before = hashTree(root);
    expectRefused(run(input, join(root, "dangling")), join(root, "dangling"), "它是指向不存在位置的符号链接", "it is a symbolic link to nothing");
    expectRefused(run(input, join(root, "loop-a")), join(root, "loop-a"), "它是一个循环的符号链接", "it is a symbolic link loop");
    expect(hashTree(root)).toEqual(before);
  });

  describe("a folder whose parent cannot be written", () => {
    const parent = tempDir("junheng-immutable-");
    afterAll(() => execFileSync("chattr", ["-i", parent]));
    it("is refused before any work (root included: the folder is immutable)", () => {
      writeFileSync(join(parent, "keep.txt"), "keep\n");
      execFileSync("chattr", ["+i", parent]);
      const before = hashTree(parent);
      const out = join(parent, "out");
      expectRefused(run(join(FIXTURES, "clean"), out), out, `没有写入权限：${parent}`, `permission denied: cannot write in ${parent}`);
      expect(hashTree(parent)).toEqual(before);
    });
  });
});

describe("an <out> that is ours is replaced", SLOW, () => {
  it("an empty folder, then its own output again; the run marks what it wrote; a file added to it afterwards is refused by name", () => {
    // a missing folder is the first run in "leftovers beside <out>" below
    const out = join(tempDir(), "out");
    mkdirSync(out);
    const input = join(FIXTURES, "clean");
    expect(run(input, out).status).toBe(0);
    const marker = JSON.parse(readFileSync(join(out, MARKER), "utf8"));
    expect(marker.tool).toBe("junheng");
    expect(marker.version).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    expect(marker.files).toEqual(Object.keys(hashTree(out)).filter((file) => file !== MARKER).sort());
    expect(marker.files).toContain("warehouse.duckdb");
    expect(marker.files).toContain("published/public/manifest.json");
    expect(marker.files).toContain("published/internal/manifest.json");
    // over its own output
    expect(run(input, out).status).toBe(0);
    noLeftovers(dirname(out));
    writeFileSync(join(out, "published", "public", "my-chart.png"), "png");
    const before = hashTree(out);
    expectRefused(run(input, out), out, "目录中有不是 Junheng 写入的内容：published/public/my-chart.png", "the folder holds what no Junheng run wrote: published/public/my-chart.png");
    expect(hashTree(out)).toEqual(before);
  });

  it("an output of 0.1.0 (no marker) is recognised by its layout", () => {
    const out = join(tempDir(), "out");
    const input = join(FIXTURES, "clean");
    previousOutput(out);
    rmSync(join(out, MARKER));
    expect(run(input, out).status).toBe(0);
    expect(existsSync(join(out, MARKER))).toBe(true);
    // the same layout with a stranger in it is not
    rmSync(join(out, MARKER));
    writeFileSync(join(out, "thesis.docx"), "mine");
    const before = hashTree(out);
    expectRefused(run(input, out), out, "目录中有不是 Junheng 写入的内容：thesis.docx", "the folder holds what no Junheng run wrote: thesis.docx");
    expect(hashTree(out)).toEqual(before);
  });

  it("a symlink to a previous output: the folder it points to is replaced and the link kept", () => {
    const base = tempDir();
    const target = join(base, "runs", "2025Q4");
    const link = join(base, "latest");
    mkdirSync(dirname(target));
    previousOutput(target);
    symlinkSync(target, link);
    // a one-period input, so the new output differs from the old one
    const input = join(tempDir(), "in");
    cpSync(join(FIXTURES, "clean", "2025Q3"), join(input, "2025Q3"), {recursive: true});
    const result = run(input, link);
    expect(result.status, result.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(JSON.parse(readFileSync(join(target, "manifest.json"), "utf8")).periods).toEqual(["2025Q3"]);
    expect(readdirSync(base).sort()).toEqual(["latest", "runs"]);
    expect(readdirSync(join(base, "runs"))).toEqual(["2025Q4"]);
  });

  it("what a marked output holds beyond its list is named, a foreign folder as a whole (not walked)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, MARKER), JSON.stringify({tool: "junheng", files: ["published/a.csv"]}));
    mkdirSync(join(dir, "published"));
    writeFileSync(join(dir, "published", "a.csv"), "x");
    mkdirSync(join(dir, "photos", "2024"), {recursive: true});
    writeFileSync(join(dir, "photos", "2024", "1.jpg"), "jpg");
    writeFileSync(join(dir, "published", "b.csv"), "mine");
    expect(foreignEntries(dir)).toEqual(["photos", "published/b.csv"]);
    expect(foreignEntries(join(dir, "photos"))).toBeUndefined();
    expect(foreignEntries(tempDir())).toEqual([]);
  });

  it("something put into <out> while the run was building is not removed: the swap is refused", () => {
    const out = join(tempDir(), "out");
    mkdirSync(out);
    const paths = checkOut(out, join(FIXTURES, "clean"));
    const build = prepareBuild(paths);
    writeFileSync(join(build, "manifest.json"), "{}");
    writeFileSync(join(out, "arrived-meanwhile.txt"), "mine");
    expect(() => swapIn(paths)).toThrow(UsageError);
    expect(readdirSync(out)).toEqual(["arrived-meanwhile.txt"]);
    rmSync(build, {recursive: true});
  });
});

describe("leftovers beside <out> are removed only when a run left them", SLOW, () => {
  it("a foreign folder named like a dead run's build is left alone; one named like the previous output stops the run", () => {
    const base = tempDir();
    // a missing <out>: the run makes it
    const out = join(base, "out");
    const input = join(FIXTURES, "clean");
    const strangerBuild = join(base, ".junheng-out.tmp-999999999");
    mkdirSync(strangerBuild);
    writeFileSync(join(strangerBuild, "thesis.docx"), "mine");
    expect(run(input, out).status).toBe(0);
    expect(existsSync(join(out, MARKER))).toBe(true);
    expect(readFileSync(join(strangerBuild, "thesis.docx"), "utf8")).toBe("mine");

    const strangerPrevious = join(base, ".junheng-out.prev");
    mkdirSync(strangerPrevious);
    writeFileSync(join(strangerPrevious, "thesis.docx"), "mine");
    const before = hashTree(base);
    const result = run(input, out);
    expect(result.status).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      `错误：${strangerPrevious} 已存在，但不是 junheng 留下的；请移走它后再运行`,
      `Error: ${strangerPrevious} exists but was not left by junheng; move it away and run again`
    ]);
    expect(hashTree(base)).toEqual(before);
  });
});
