// Staging in worker threads (stage-pool.ts) must give exactly what staging in the main thread gives:
// the same raw rows with the same source lines, the same rejects, file reports, warnings and problems.
import {afterEach, describe, expect, it} from "vitest";
import {readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {Db} from "../../pipelines/db.js";
import {ingest, InputProblems} from "../../pipelines/ingest/ingest.js";
import {Pseudonymiser} from "../../pipelines/ingest/pseudonym.js";
import {copyFixture, FIXTURES, TIMEOUT, tempDir} from "../helpers.js";

const KEY = Buffer.from("test-key-0123456789");
const TABLES = ["schools", "groups", "memberships", "teachers", "exchanges", "exams", "scores"];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function snapshot(input: string, stageWorkers: number) {
  const db = await Db.open();
  open.push(db);
  const work = tempDir();
  try {
    const result = await ingest({input, workDir: work, db, pseudonymiser: new Pseudonymiser(KEY), maxRejectRate: 1, stageWorkers});
    const tables: Record<string, unknown[]> = {};
    for (const table of TABLES) tables[table] = await db.all(`select * from raw_${table} order by period, source_line`);
    const rejects = await db.all(`select * from rejects order by all`);
    return {files: result.files.map(({ms: _ms, ...file}) => file), warnings: result.warnings, carried: result.carried, tables, rejects};
  } finally {
    rmSync(work, {recursive: true, force: true});
  }
}

describe("staging in worker threads", () => {
  for (const fixture of ["clean", "bad-rows", "gbk", "bom-crlf"]) {
    it(`gives the same ingest as the main thread: ${fixture}`, async () => {
      const input = join(FIXTURES, fixture);
      const inline = await snapshot(input, 1);
      const pooled = await snapshot(input, 2);
      expect(pooled).toEqual(inline);
    }, TIMEOUT.test);
  }

  it("reports the same file-level problems, in the same order", async () => {
    const input = copyFixture("clean");
    const schools = join(input, "2025Q3", "schools.csv");
    writeFileSync(schools, readFileSync(schools, "utf8").replace(/^[^\n]*/, "foo,bar"));
    const problems = async (stageWorkers: number) => {
      const db = await Db.open();
      open.push(db);
      const work = tempDir();
      try {
        await ingest({input, workDir: work, db, pseudonymiser: new Pseudonymiser(KEY), maxRejectRate: 1, stageWorkers});
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(InputProblems);
        return (error as InputProblems).problems.map((problem) => [problem.code, problem.location, problem.detail, problem.message, problem.bilingual()]);
      } finally {
        rmSync(work, {recursive: true, force: true});
      }
    };
    const inline = await problems(1);
    expect(inline.length).toBeGreaterThan(0);
    expect(await problems(2)).toEqual(inline);
  }, TIMEOUT.test);
});
