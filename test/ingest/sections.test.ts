// memberships.csv's section column (学部): the Chinese labels load as codes, an empty section is the whole
// school, and the two new rejects (section_overlap, unknown_section) name file, line, column and value.
import {afterEach, describe, expect, it} from "vitest";
import {mkdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {Db} from "../../pipelines/db.js";
import {ingest} from "../../pipelines/ingest/ingest.js";
import {Pseudonymiser} from "../../pipelines/ingest/pseudonym.js";
import {tempDir} from "../helpers.js";

const KEY = Buffer.from("test-key-0123456789");
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const done of cleanup.splice(0)) done();
});

function input(files: Record<string, string>): string {
  const dir = tempDir();
  cleanup.push(() => rmSync(dir, {recursive: true, force: true}));
  mkdirSync(join(dir, "2025Q3"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, "2025Q3", name), text);
  return dir;
}

describe("memberships by section", () => {
  it("loads 小学部/初中部 as section codes, an empty section as the whole school, and rejects overlaps and missing sections", async () => {
    const dir = input({
      "schools.csv": [
        "学校代码,学校名称,区县,学段,城乡类型,在校生数",
        "S1,甘州中学,甘州区,九年一贯制,城区,900",
        "S2,南关学校,甘州区,小学,城区,400",
        "S3,第四中学,甘州区,初中,城区,300"
      ].join("\n"),
      "groups.csv": ["集团代码,集团名称,集团类型", "GP,甘州中学教育集团,贯通型", "GJ,中学教育集团,联盟型"].join("\n"),
      "memberships.csv": [
        "集团代码,学校代码,学部,角色,加入日期,退出日期",
        "GP,S2,,牵头校,2024-11-01,", //  line 2: whole school
        "GP,S1,小学部,成员校,2024-11-01,", // line 3: 小学部 → primary
        "GJ,S3,,牵头校,2024-11-01,", // line 4
        "GJ,S1,初中部,成员校,2024-11-01,", // line 5: 初中部 → junior, another group: allowed
        "GJ,S1,,成员校,2025-01-01,", // line 6: the whole S1 in GJ while its 初中部 is (line 5): section_overlap
        "GP,S2,初中部,成员校,2024-11-01,", // line 7: a 小学 has no 初中部: unknown_section (and overlaps line 2)
        "GJ,S1,高中部,成员校,2024-11-01,", // line 8: a 九年一贯制 school has no 高中部: unknown_section (and overlaps line 6)
        "GP,S1,,成员校,2024-01-01,2024-10-31" // line 9: the whole S1 before its 小学部 joined: no overlap
      ].join("\n")
    });
    const db = await Db.open();
    cleanup.push(() => db.close());
    const work = tempDir();
    cleanup.push(() => rmSync(work, {recursive: true, force: true}));
    await ingest({input: dir, workDir: work, db, pseudonymiser: new Pseudonymiser(KEY), maxRejectRate: 1});
    const rejects = await db.all<{line: number; column: string; value: string; reason: string; detail_zh: string; detail_en: string}>(
      `select line, "column", value, reason, detail_zh, detail_en from rejects where file = 'memberships' order by line, reason`
    );
    expect(rejects.map((r) => `${r.line} ${r.reason} ${r.column}=${r.value}`)).toEqual([
      "6 section_overlap section=",
      "7 section_overlap section=junior",
      "7 unknown_section section=junior",
      "8 section_overlap section=senior",
      "8 unknown_section section=senior"
    ]);
    expect(rejects[0]).toMatchObject({detail_zh: expect.stringContaining("第 5 行"), detail_en: expect.stringContaining("line 5")});
    expect(rejects[2]).toMatchObject({detail_zh: expect.stringContaining("primary"), detail_en: expect.stringContaining("stage primary")});
    const loaded = await db.all<{group_id: string; school_id: string; section: string | null}>(
      `select group_id, school_id, section from raw_memberships order by source_line`
    );
    expect(loaded.map((m) => `${m.group_id}:${m.school_id}:${m.section ?? ""}`)).toEqual(["GP:S2:", "GP:S1:primary", "GJ:S3:", "GJ:S1:junior", "GP:S1:"]);
  });
});
