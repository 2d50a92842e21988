// What must never be committed: tsx's compile cache. tsx writes it to <os.tmpdir()>/tsx-<uid>, and Node takes
// os.tmpdir() from TMPDIR, TMP or TEMP as given: `TEMP=1 npx tsx …` (TEMP meant as a flag) wrote 1/tsx-0/
// into the worktree, and it was committed. .gitignore now ignores any tsx-*/ folder.
import {execFileSync, spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const git = existsSync(join(ROOT, ".git"));

describe.skipIf(!git)("repository", () => {
  it("tracks no tsx compile cache", () => {
    const files = execFileSync("git", ["ls-files"], {cwd: ROOT, encoding: "utf8"}).split("\n");
    expect(files.filter((file) => /(^|\/)tsx-[^/]+\//.test(file))).toEqual([]);
  });

  it("tracks no file with a merge's conflict markers", () => {
    // a merge resolved in one file and committed with another still conflicted (it happened to docs/)
    const found = spawnSync("git", ["grep", "-l", "-E", "^(<{7}|>{7})( |$)", "--", "."], {cwd: ROOT, encoding: "utf8"});
    expect(found.stdout.split("\n").filter(Boolean)).toEqual([]);
  });

  it("ignores a tsx cache written under a relative TMPDIR, TMP or TEMP", () => {
    for (const path of ["1/tsx-0/17954-0b49a9245aa9f25f1bb5cbc4781354e7f3ca1102", "tmp/tsx-1000/1-abc", "tsx-0/1-abc"]) {
      expect(spawnSync("git", ["check-ignore", "-q", "--no-index", path], {cwd: ROOT}).status, path).toBe(0);
    }
  });
});
