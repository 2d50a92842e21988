// Db.releaseCache (db.ts): the disclosure audit calls it before its JavaScript part, so that DuckDB's cached pages
// and the audit's cells are not held at once (issue 15: province peak RSS with --memory-limit). It must drop the
// cache and give the configured limit back exactly: a limit left at the eviction's 32 MB fails the rest of the run.
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {Db} from "../../pipelines/db.js";

const dir = mkdtempSync(join(tmpdir(), "release-cache-"));
const path = join(dir, "t.duckdb");
beforeAll(async () => {
  const writer = await Db.open(path);
  // about 100 MB of table pages
  await writer.run("create table t as select range as i, md5(range::varchar) as s from range(6000000)");
  await writer.close();
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const cachedMb = async (db: Db) =>
  (await db.one<{mb: number}>("select coalesce(sum(memory_usage_bytes), 0)::double / 2 ** 20 as mb from duckdb_memory() where tag = 'BASE_TABLE'")).mb;
const limit = async (db: Db) => (await db.one<{m: string}>("select current_setting('memory_limit') as m")).m;
// a scan that keeps every page it read cached
const readAll = "select max(s) as s, max(i) as i from t";
// about 80 MB of strings sorted: more than the eviction's 32 MB, less than the limit below
const bigQuery = "select count(*) as n from (select md5(range::varchar) as s from range(1500000) order by s)";

describe("releaseCache", () => {
  it("with --memory-limit: drops the cached pages and comes back to exactly that limit", async () => {
    const db = await Db.open(path, {memoryLimit: "600MB", tempDirectory: join(dir, "spill")});
    try {
      const before = await limit(db);
      await db.one(readAll);
      expect(await cachedMb(db)).toBeGreaterThan(64);
      await db.releaseCache();
      // down to what the eviction's 32 MB allows
      expect(await cachedMb(db)).toBeLessThanOrEqual(32);
      expect(await limit(db)).toBe(before);
      // the buffer pool's own limit, not only the setting, is back: this needs more than 32 MB
      expect((await db.one<{n: number}>(bigQuery)).n).toBe(1500000);
      // and again: releasing twice does not creep the limit
      await db.releaseCache();
      expect(await limit(db)).toBe(before);
    } finally {
      await db.close();
    }
  });

  it("without a configured limit: leaves DuckDB's default and its cache alone", async () => {
    const db = await Db.open(path);
    try {
      const before = await limit(db);
      await db.one(readAll);
      const cached = await cachedMb(db);
      await db.releaseCache();
      expect(await limit(db)).toBe(before);
      expect(await cachedMb(db)).toBe(cached);
    } finally {
      await db.close();
    }
  });
});
