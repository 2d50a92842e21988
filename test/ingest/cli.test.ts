// The CLI as a bureau uses it: file-level problems stop the run with a bilingual message naming the
// period and file, exit 1, no stack trace, and the previous output untouched.
import {beforeAll, describe, expect, it} from "vitest";
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {copyFixture, hasStackTrace, hashTree, readRejectsCsv, runCli, tempDir, TIMEOUT, PRIVATE_KEY} from "../helpers.js";

let out: string;
let before: Record<string, string>;
/** the good run's own output, read by the key and summary tests below */
let good: {stdout: string; stderr: string};
/** the key that good run was given in the environment, as a bureau would (the other runs use a key file) */
const BUREAU_KEY = "a-bureau-secret-key-7f3a9c";

beforeAll(() => {
  // a previous good run, which every failing run below must leave exactly as it was
  out = join(tempDir(), "out");
  const result = runCli(["run", "--input", "test/fixtures/clean", "--out", out, "--quiet"], {JUNHENG_KEY: BUREAU_KEY});
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  good = result;
  before = hashTree(out);
});

describe("help", () => {
  it.each([[["--help"]], [["run", "--help"]], [["validate", "--help"]]])("%s prints Chinese then English", (args) => {
    const result = runCli(args);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/[\u4e00-\u9fff]/);
    expect(result.stdout).toMatch(/input|Usage/);
  });
  it("is the same through the compiled bundle and through tsx (pipelines/bin/compiled.mjs)", () => {
    const compiled = runCli(["run", "--help"]);
    const sources = runCli(["run", "--help"], {JUNHENG_CLI_TSX: "1"});
    expect(sources.status).toBe(0);
    expect(sources.stdout).toBe(compiled.stdout);
  });
  it("rejects an unknown option in one line per language, naming the nearest option, without the help text", () => {
    const result = runCli(["run", "--inptu", "x"]);
    expect(result.status).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("错误：未知选项 --inptu。是否要用 --input？运行 junheng run --help 查看全部选项。");
    expect(lines[1]).toBe("Error: unknown option --inptu. Did you mean --input? Run junheng run --help for all options.");
  });
  it("suggests the nearest command for a typo, exit 1 (a user can fix it)", () => {
    const result = runCli(["rn"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("是否要用 junheng run？");
    expect(result.stderr).toContain("Did you mean junheng run?");
    expect(result.stderr.trim().split("\n")).toHaveLength(2);
    const far = runCli(["publishall"]);
    expect(far.status).toBe(1);
    expect(far.stderr).not.toContain("Did you mean");
    expect(far.stderr).toContain("junheng --help");
  });
  it("says what a missing option value is", () => {
    const result = runCli(["run", "--input"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("--input 后面需要一个值");
    expect(result.stderr).toContain("option --input needs a value");
  });
  it("states the same exit codes in every help text and in the README", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const args of [["--help"], ["run", "--help"], ["validate", "--help"], ["demo", "--help"], ["serve", "--help"], ["template", "--help"], ["report", "--help"]]) {
      const help = runCli(args).stdout;
      expect(help, args.join(" ")).toMatch(/0 成功 success · 1 .* · 3 内部错误/);
    }
    expect(readme).toMatch(/`0` success; `1` .*usage error/s);
    expect(readme).toMatch(/`3` an internal error/);
    expect(readme).not.toMatch(/exit(s)? (code )?2\b/);
  });
});

describe("the input folder before the key", () => {
  it("reports a folder with no schools.csv, not the missing key", () => {
    const input = tempDir();
    const period = join(input, "2025Q3");
    mkdirSync(period);
    writeFileSync(join(period, "teachers.csv"), "school_id,teacher_id\n");
    const result = runCli(["run", "--input", input, "--out", join(tempDir(), "out")], {JUNHENG_KEY: "", JUNHENG_KEY_FILE: ""});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("schools.csv");
    expect(result.stderr).not.toMatch(/密钥|key file|JUNHENG_KEY/);
  });
});

interface Case {
  name: string;
  code: string;
  where: RegExp;
  mutate: (dir: string) => void;
}

const cases: Case[] = [
  {name: "an empty file", code: "empty_file", where: /2025Q3\/groups\.csv/, mutate: (dir) => writeFileSync(join(dir, "2025Q3/groups.csv"), "")},
  {
    name: "a missing required column",
    code: "missing_column",
    where: /2025Q4\/schools\.csv.*line 1.*students/,
    mutate: (dir) => {
      const path = join(dir, "2025Q4/schools.csv");
      const text = readFileSync(path, "utf8").replace("ownership,students,", "ownership,enrolment,");
      writeFileSync(path, text);
    }
  },
  {
    name: "a duplicate header",
    code: "duplicate_header",
    where: /2025Q3\/scores\.csv.*student_id ← student_id \/ 学籍号/,
    mutate: (dir) => {
      const path = join(dir, "2025Q3/scores.csv");
      const lines = readFileSync(path, "utf8").trimEnd().split("\n");
      writeFileSync(path, [lines[0] + ",学籍号", ...lines.slice(1).map((line) => line + ",x")].join("\n") + "\n");
    }
  },
  {
    name: "an unreadable encoding",
    code: "unreadable_encoding",
    where: /2025Q3\/teachers\.csv, line 4/,
    mutate: (dir) => {
      const path = join(dir, "2025Q3/teachers.csv");
      const lines = readFileSync(path).toString("utf8").split("\n");
      const bad = Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x80]);
      const bytes = Buffer.concat([Buffer.from(lines.slice(0, 3).join("\n") + "\n"), bad, Buffer.from("\n" + lines.slice(3).join("\n"))]);
      writeFileSync(path, bytes);
    }
  },
  {
    name: "a binary file named .csv",
    code: "unreadable_encoding",
    where: /2025Q3\/exams\.csv/,
    mutate: (dir) => writeFileSync(join(dir, "2025Q3/exams.csv"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]))
  },
  {
    name: "no schools.csv in the first period",
    code: "missing_schools_first_period",
    where: /2025Q3.*schools\.csv/,
    mutate: (dir) => unlinkSync(join(dir, "2025Q3/schools.csv"))
  },
  {
    name: "too many rejected rows",
    code: "reject_rate_exceeded",
    where: /2025Q3\/scores\.csv.*3 of 8 rows \(37\.5%\) rejected/,
    mutate: (dir) => {
      const path = join(dir, "2025Q3/scores.csv");
      const text = readFileSync(path, "utf8").replace(",92,", ",abc,").replace(",85,", ",-3,").replace(",71,", ",,");
      writeFileSync(path, text);
    }
  },
  {
    name: "no period folders",
    code: "no_periods",
    where: /period folders/,
    mutate: (dir) => {
      for (const entry of readdirSync(dir)) rmSync(join(dir, entry), {recursive: true});
    }
  },
  {
    name: "a broken configuration",
    code: "bad_config",
    where: /junheng\.config\.json/,
    mutate: (dir) => writeFileSync(join(dir, "junheng.config.json"), '{"min_n": ')
  }
];

describe("file-level problems", () => {
  it.each(cases)("$name: exit 1, bilingual message naming the file, no stack trace, output untouched", ({code, where, mutate}) => {
    const input = copyFixture("clean");
    mutate(input);
    const result = runCli(["run", "--input", input, "--out", out, ...PRIVATE_KEY, "--quiet"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`错误 [${code}]`);
    expect(result.stderr).toContain(`Error [${code}]`);
    expect(result.stderr).toMatch(where);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(hashTree(out)).toEqual(before);
    // validate reports the same problem and exits 1, writing nothing
    const validated = runCli(["validate", "--input", input]);
    expect(validated.status).toBe(1);
    expect(validated.stderr).toContain(`[${code}]`);
    expect(readdirSync(input).some((entry) => entry.includes("junheng"))).toBe(code === "bad_config");
  });
});

describe("validate", () => {
  it("exits 0 on clean input and lists rejected rows with line, column and bilingual message", () => {
    expect(runCli(["validate", "--input", "test/fixtures/clean"]).status).toBe(0);
    const result = runCli(["validate", "--input", "test/fixtures/bad-rows", "--max-reject-rate", "1", "--show", "100"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("2025Q3/schools.csv 第 7 行 line 7 [out_of_range] students = \"-5\": 超出允许范围：应 ≥ 0 / value is out of range: must be ≥ 0");
    expect(result.stdout).toContain("31 row-level problems");
  });
  it("exits 1 when a file is over the reject-rate limit", () => {
    const result = runCli(["validate", "--input", "test/fixtures/bad-rows"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("reject_rate_exceeded");
  });
});

describe("the pseudonymisation key", () => {
  it("is required for real data, and never appears in any output", () => {
    const target = join(tempDir(), "out");
    const missing = runCli(["run", "--input", "test/fixtures/clean", "--out", target, "--quiet"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("JUNHENG_KEY");
    expect(existsSync(target)).toBe(false);

    // the good run above was given the key in JUNHENG_KEY: it is in no file and in nothing printed (every
    // failing run since has left that output as it was)
    expect(good.stdout + good.stderr).not.toContain(BUREAU_KEY);
    expect(hashTree(out)).toEqual(before);
    for (const file of Object.keys(hashTree(out))) {
      expect(readFileSync(join(out, file)).includes(Buffer.from(BUREAU_KEY)), file).toBe(false);
    }
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.run.pseudonym_key.source).toBe("env JUNHENG_KEY");
    expect(manifest.run.pseudonym_key.fingerprint).toMatch(/^[0-9a-f]{12}$/);
  });

  it("refuses a key file kept inside the input folder", () => {
    const input = copyFixture("clean");
    writeFileSync(join(input, "key.txt"), "a-bureau-secret-key-7f3a9c");
    const result = runCli(["run", "--input", input, "--out", join(tempDir(), "out"), "--key-file", join(input, "key.txt"), "--quiet"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("inside the input or output directory");
  });
});

describe("the summary a clerk reads at the end", () => {
  it("validate ends with one line per file: read, loaded, rejected and the top reasons, as rejects.csv counts them", () => {
    const result = runCli(["validate", "--input", "test/fixtures/bad-rows", "--max-reject-rate", "1", "--show", "1"]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    const start = lines.indexOf("各文件情况 Files:");
    expect(start).toBeGreaterThanOrEqual(0);
    const schools = lines.slice(start).find((line) => line.trim().startsWith("2025Q3/schools.csv"))!;
    // the same input through run: rejects.csv's rows for the file, by reason
    const out = join(tempDir(), "out");
    expect(runCli(["run", "--input", "test/fixtures/bad-rows", "--out", out, ...PRIVATE_KEY, "--quiet", "--max-reject-rate", "1"]).status).toBe(0);
    const rejects = readRejectsCsv(join(out, "rejects.csv")).filter((row) => row.file === "schools.csv");
    const rejectedLines = new Set(rejects.map((row) => row.line)).size;
    const byReason = new Map<string, number>();
    for (const row of rejects) byReason.set(row.reason!, (byReason.get(row.reason!) ?? 0) + 1);
    const [topReason, topCount] = [...byReason].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    expect(schools).toContain(`拒绝 rejected ${rejectedLines}`);
    expect(schools).toMatch(new RegExp(`主要原因 top reasons: \\S+ ${topReason} ×${topCount}`));
  }, TIMEOUT.test);

  it("run prints the same lines after its Done line", () => {
    // the good run of the clean fixture made before all the tests
    expect(good.stdout).toMatch(/Done: .*\n各文件情况 Files:\n {2}2025Q3\/exams\.csv {2}读入 read \d+ · 入库 loaded \d+ · 拒绝 rejected 0\n/);
  }, TIMEOUT.test);
});

describe("spreadsheets that cannot be read", () => {
  it("an old .xls named like a contract file stops the run and says how to save it", () => {
    const input = copyFixture("clean");
    writeFileSync(join(input, "2025Q4", "groups.xls"), "not really a workbook");
    const result = runCli(["run", "--input", input, "--out", join(tempDir(), "out"), ...PRIVATE_KEY, "--quiet"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/错误 \[unreadable_file\].*2025Q4\/groups\.xls.*另存为/);
    expect(result.stderr).toMatch(/Error \[unreadable_file\].*Save As/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it("a .csv renamed .xlsx is named as not a workbook, with no stack trace", () => {
    const input = copyFixture("clean");
    const path = join(input, "2025Q4", "schools.csv");
    writeFileSync(join(input, "2025Q4", "schools.xlsx"), readFileSync(path));
    unlinkSync(path);
    const result = runCli(["run", "--input", input, "--out", join(tempDir(), "out"), ...PRIVATE_KEY, "--quiet"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/错误 \[unreadable_file\].*2025Q4\/schools\.xlsx.*不是有效的 \.xlsx 工作簿/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});

describe("what stops a run", () => {
  // DuckDB's own words when a --memory-limit is too small for the input (seen on the demo below ~90 MB)
  it("calls running out of memory a limit to raise (exit 1), not a bug (exit 3)", async () => {
    const {reportError} = await import("../../pipelines/cli.js");
    const lines: string[] = [];
    const original = console.error;
    console.error = (text: string) => void lines.push(text);
    try {
      expect(reportError(new Error("Out of Memory Error: could not allocate block of size 256.0 KiB (23.8 MiB/24.0 MiB used)\nPossible solutions: …"))).toBe(1);
      expect(reportError(new Error("Worker terminated due to reaching memory limit: JS heap out of memory"))).toBe(1);
      expect(reportError(new Error("some invariant broke"))).toBe(3);
      // in a model: the message names it (which step needs the memory)
      const {SqlError} = await import("../../pipelines/sql.js");
      expect(reportError(new SqlError(new Error("Out of Memory Error: failed to pin block (1.3 GiB/1.3 GiB used)"), "create or replace table int_va_pairs as\nwith …"))).toBe(1);
    } finally {
      console.error = original;
    }
    expect(lines[0]).toContain("内存不足");
    expect(lines[0]).toContain("--memory-limit");
    expect(lines[0]).toContain("out of memory (Out of Memory Error: could not allocate block of size 256.0 KiB (23.8 MiB/24.0 MiB used))");
    expect(lines[1]).toContain("NODE_OPTIONS=--max-old-space-size");
    expect(lines[2]).toMatch(/^内部错误（请报告）/);
    expect(lines[3]).toContain("计算 int_va_pairs 时");
    expect(lines[3]).toContain("while building int_va_pairs; the run stopped");
  });
});
