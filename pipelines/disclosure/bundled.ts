// group_bundled (捆绑考核) in an edition, after the disclosure step: a bundled score is published only where it
// adds nothing to what the edition already shows — every school of the group that sat the exam has its mean z
// published in exam_school — so it can never uncover a suppressed school (w·the lead's mean + (1 − w)·the
// members' pooled mean, with those schools' published means and counts, gives the same number). Found by the
// independent attacker (test/reliability/disclosure-attack.test.ts): with the bundled scores published as
// computed, 19 suppressed school cells of the generated city's internal edition were recovered exactly.
import type {Db} from "../db.js";
import {ident} from "../sql.js";

/** the relations protectBundled may change */
export const BUNDLED_TABLES: readonly string[] = ["group_bundled"];

/** withhold the bundled scores the edition's exam_school does not already give; returns how many rows */
export async function protectBundled(db: Db, relations: Record<string, string>): Promise<number> {
  const bundled = relations.group_bundled;
  if (!bundled) return 0;
  const table = ident(bundled);
  const [before] = await db.all<{n: number}>(`select count(*)::integer as n from ${table} where bundled_z is not null`);
  const examSchool = relations.exam_school;
  if (!examSchool) {
    await db.run(`update ${table} set bundled_z = null, bundled_change = null, is_suppressed = true where bundled_z is not null`);
  } else {
    await db.run(`
      update ${table} as b set bundled_z = null, bundled_change = null, is_suppressed = true
      where b.bundled_z is not null and exists (
        select 1
        from int_exam_memberships as m
        left join ${ident(examSchool)} as s
            on s.exam_id = m.exam_id and s.subject = m.subject and s.school_id = m.school_id
        where m.exam_id = b.exam_id and m.subject = b.subject and m.group_id = b.group_id
            and s.mean_z is null
      )`);
  }
  // a change is the difference of two bundled scores: published only when both are
  await db.run(`
    update ${table} as b set bundled_change = null
    where b.bundled_change is not null and b.previous_exam_id is not null and not exists (
      select 1 from ${table} as p
      where p.exam_id = b.previous_exam_id and p.subject = b.subject and p.group_id = b.group_id and p.bundled_z is not null
    )`);
  const [after] = await db.all<{n: number}>(`select count(*)::integer as n from ${table} where bundled_z is not null`);
  return before!.n - after!.n;
}
