// protectBundled (pipelines/disclosure/bundled.ts): a group's bundled score stays only where the edition's
// school means already give it; its change only where both bundled scores stay. Planted tables.
import {describe, expect, it} from "vitest";
import {Db} from "../../pipelines/db.js";
import {protectBundled} from "../../pipelines/disclosure/bundled.js";

describe("protectBundled", () => {
  it("withholds a bundled score when a school of the group has its mean suppressed, and a change whose previous score is withheld", async () => {
    const db = await Db.open();
    try {
      // G sat E1 with A (lead) and B; E2 with A, B and C. H sat E2 with D alone.
      await db.run(`create table int_exam_memberships as select * from (values
        ('E1', 'math', 'G', 'A'), ('E1', 'math', 'G', 'B'),
        ('E2', 'math', 'G', 'A'), ('E2', 'math', 'G', 'B'), ('E2', 'math', 'G', 'C'),
        ('E2', 'math', 'H', 'D')) t(exam_id, subject, group_id, school_id)`);
      // the edition's exam_school after the disclosure step: C's E2 mean suppressed (NULL)
      await db.run(`create table ed_exam_school as select * from (values
        ('E1', 'math', 'A', 0.2), ('E1', 'math', 'B', -0.1),
        ('E2', 'math', 'A', 0.3), ('E2', 'math', 'B', 0.0), ('E2', 'math', 'C', null),
        ('E2', 'math', 'D', 0.5)) t(exam_id, subject, school_id, mean_z)`);
      await db.run(`create table ed_bundled as select exam_id, subject, group_id, bundled_z::double as bundled_z, previous_exam_id,
        bundled_change::double as bundled_change, is_suppressed from (values
        ('E1', 'math', 'G', 0.05, null, null, false),
        ('E2', 'math', 'G', 0.1, 'E1', 0.05, false),
        ('E2', 'math', 'H', 0.5, 'E0', 0.2, false)) t(exam_id, subject, group_id, bundled_z, previous_exam_id, bundled_change, is_suppressed)`);
      expect(await protectBundled(db, {exam_school: "ed_exam_school", group_bundled: "ed_bundled"})).toBe(1);
      const rows = await db.all<Record<string, unknown>>("select * from ed_bundled order by exam_id, group_id");
      // G in E1: A and B published → kept. G in E2: C suppressed → withheld. H in E2: D published → kept, but its
      // previous score (E0) is not in the table, so its change is withheld
      expect(rows.map((r) => [r.exam_id, r.group_id, r.bundled_z, r.bundled_change, r.is_suppressed])).toEqual([
        ["E1", "G", 0.05, null, false],
        ["E2", "G", null, null, true],
        ["E2", "H", 0.5, null, false]
      ]);
      // an edition without exam_school gives no bundled score at all
      expect(await protectBundled(db, {group_bundled: "ed_bundled"})).toBe(2);
    } finally {
      db.close();
    }
  });
});
