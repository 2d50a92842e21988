// Ids that reach file names, URLs and page source (issue 11): school and group codes outside the
// contract's safe set (ID_RULE) are rejected row by row with reason bad_id; real bureau codes pass.
// The CLI runs on a real folder; the site step's own guard is tested in test/site/prepare-guard.test.ts.
import {beforeAll, describe, expect, it} from "vitest";
import {appendFileSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {Db} from "../../pipelines/db.js";
import {TIMEOUT, copyFixture, hasStackTrace, readRejectsCsv, runCli, tempDir, PRIVATE_KEY} from "../helpers.js";

// each would otherwise be a path outside the data folder, a broken path or URL, or markup in a page
const HOSTILE = [
  "../../../../../tmp/x",
  "a/b c",
  "x?y#z",
  "%2e%2e",
  '<img src=x onerror="alert(1)">',
  ".hidden",
  "a\\b",
  // a dot: Framework reads /groups/v1.2 as a file with the extension .2
  "v1.2",
  "集".repeat(65)
];
const ACCEPTED_GROUPS = ["JT6200002", "甘州区第一教育集团", "G_01-b", "集".repeat(64)];

const input = copyFixture("clean");
const out = join(tempDir(), "out");
let status: number | null;
let stderr = "";

const csvLine = (fields: string[]) => fields.map((field) => (/[",\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(",") + "\n";

beforeAll(() => {
  const q3 = join(input, "2025Q3");
  // groups.csv has a header and 2 groups: the hostile ids are lines 4–12, the accepted ones 13–16
  for (const id of [...HOSTILE, ...ACCEPTED_GROUPS]) appendFileSync(join(q3, "groups.csv"), csvLine([id, `集团 ${id}`, "alliance", "2024-11-01", ""]));
  // schools.csv has a header and 5 schools: a 10-digit 学校标识码 on line 7, hostile codes on lines 8–9
  appendFileSync(join(q3, "schools.csv"), csvLine(["6207020001", "新校", "甘州区", "primary", "urban", "public", "300", "", "", "6", "false", "", "", "", "", "", "", ""]));
  for (const id of ["../x", "=cmd|' /C calc'!A0"]) {
    appendFileSync(join(q3, "schools.csv"), csvLine([id, "坏校", "甘州区", "primary", "urban", "public", "300", "", "", "6", "false", "", "", "", "", "", "", ""]));
  }
  // memberships.csv has a header and 4 spells: line 6 names a hostile group, 7–8 accepted ones
  appendFileSync(join(q3, "memberships.csv"), csvLine([HOSTILE[0]!, "S005", "lead", "2024-11-01", ""]));
  appendFileSync(join(q3, "memberships.csv"), csvLine(["JT6200002", "6207020001", "lead", "2024-11-01", ""]));
  appendFileSync(join(q3, "memberships.csv"), csvLine(["甘州区第一教育集团", "S005", "lead", "2024-11-01", ""]));
  const result = runCli(["run", "--input", input, "--out", out, ...PRIVATE_KEY, "--quiet", "--max-reject-rate", "1"]);
  status = result.status;
  stderr = result.stderr;
}, TIMEOUT.test);

function rejects(): Record<string, string>[] {
  return readRejectsCsv(join(out, "rejects.csv"));
}

describe("school and group codes outside the safe set", () => {
  it("are rejected row by row with reason bad_id and a bilingual message, and the run goes on", () => {
    expect(hasStackTrace(stderr)).toBe(false);
    expect(status).toBe(0);
    const badIds = rejects().filter((row) => row.reason === "bad_id");
    const seen = badIds.map((row) => [row.file, row.line, row.column, row.value]);
    expect(seen).toEqual([
      ...HOSTILE.map((id, i) => ["groups.csv", String(4 + i), "group_id", id]),
      ["memberships.csv", "6", "group_id", HOSTILE[0]],
      ["schools.csv", "8", "school_id", "../x"],
      // the value column goes through the CSV formula rule too
      ["schools.csv", "9", "school_id", "'=cmd|' /C calc'!A0"]
    ]);
    for (const row of badIds) {
      expect(row.message_zh).toBe("代码含有不允许的字符或过长：只能由字母、数字（任何文字）、_ 和 - 组成，最多 64 个字符");
      expect(row.message_en).toBe("code has characters that are not allowed or is too long: only letters and digits (of any script), _ and -, at most 64 characters");
    }
    // nothing else was rejected: the accepted codes and the membership spells naming them passed
    expect(rejects().length).toBe(badIds.length);
  });

  it("let real bureau codes through: 10-digit 学校标识码, JT6200002, Chinese names, _ and -, 64 characters", async () => {
    const db = await Db.open(join(out, "warehouse.duckdb"));
    try {
      const groups = await db.all<{group_id: string}>("select group_id from raw_groups where period = '2025Q3' order by source_line");
      expect(groups.map((row) => row.group_id)).toEqual(["G01", "G02", ...ACCEPTED_GROUPS]);
      const schools = await db.all<{school_id: string}>("select school_id from raw_schools where period = '2025Q3' order by source_line");
      expect(schools.map((row) => row.school_id)).toEqual(["S001", "S002", "S003", "S004", "S005", "6207020001"]);
    } finally {
      db.close();
    }
    const profiles = readFileSync(join(out, "published", "public", "group_profile.csv"), "utf8");
    expect(profiles).toContain(",JT6200002,");
    expect(profiles).toContain(",甘州区第一教育集团,");
    for (const id of HOSTILE) expect(profiles).not.toContain(id);
  });
});
