// The pipeline's one sequence (pipelines/orchestrate.ts), which `junheng run`, `junheng validate` and the
// bring-your-own-data page all call: its default reject-rate limit, the config it applies before the models,
// its progress per model, and the one config reader.
import {readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {Db} from "../pipelines/db.js";
import {nodeSource} from "../pipelines/ingest/ingest.js";
import {Pseudonymiser} from "../pipelines/ingest/pseudonym.js";
import {parseConfig} from "../pipelines/models/config.js";
import {loadModels} from "../pipelines/models/load.js";
import {orchestrate, readConfig, readRejects} from "../pipelines/orchestrate.js";
import {copyFixture, tempDir} from "./helpers.js";

const KEY = Buffer.from("test-key-0123456789");
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const done of cleanup.splice(0)) done();
});

async function setUp(input: string) {
  const db = await Db.open();
  const work = tempDir();
  cleanup.push(() => {
    db.close();
    rmSync(work, {recursive: true, force: true});
  });
  return {db, source: nodeSource({input, workDir: work, pseudonymiser: new Pseudonymiser(KEY)})};
}

/** The clean fixture with 2025Q4/schools.csv grown to 20 rows, `bad` of them with a non-numeric student count. */
function withSchools(bad: number): string {
  const input = copyFixture("clean");
  const path = join(input, "2025Q4", "schools.csv");
  const [header, ...rows] = readFileSync(path, "utf8").trim().split("\n");
  const template = rows[0]!.split(",");
  const extra = Array.from({length: 20 - rows.length}, (_, i) => {
    const row = [...template];
    row[0] = `S${String(100 + i)}`;
    if (i < bad) row[6] = "many";
    return row.join(",");
  });
  writeFileSync(path, [header, ...rows, ...extra].join("\n") + "\n");
  return input;
}

describe("orchestrate", () => {
  it("applies the CLI's reject-rate limit when the caller gives none: 1 of 20 rows (5%) passes, 2 of 20 (10%) fail", async () => {
    const passing = await setUp(withSchools(1));
    const {ingested} = await orchestrate(passing.db, passing.source, {config: parseConfig({})});
    expect(ingested.files.find((file) => file.name === "2025Q4/schools.csv")).toMatchObject({rows_read: 20, rows_loaded: 19, rows_rejected: 1});
    expect(await readRejects(passing.db)).toMatchObject([{period: "2025Q4", file: "schools.csv", line: 7, column: "students", value: "many"}]);

    const failing = await setUp(withSchools(2));
    await expect(orchestrate(failing.db, failing.source, {config: parseConfig({})})).rejects.toMatchObject({
      name: "InputProblems",
      problems: [expect.objectContaining({code: "reject_rate_exceeded", location: {period: "2025Q4", file: "2025Q4/schools.csv"}})]
    });
  });

  it("applies the config before the models and reports each model as it is built", async () => {
    const {db, source} = await setUp(copyFixture("clean"));
    const models = loadModels();
    const reported: [number, number][] = [];
    let ingestedBeforeModels = false;
    const result = await orchestrate(db, source, {
      config: parseConfig({min_n: 7}),
      models,
      afterIngest: async () => {
        ingestedBeforeModels = (await db.all(`select * from raw_schools`)).length === 10 && reported.length === 0;
      },
      onModel: (done, total) => reported.push([done, total])
    });
    expect(ingestedBeforeModels).toBe(true);
    expect(reported).toEqual(models.map((_, i) => [i + 1, models.length]));
    expect(result.models.map((model) => model.name).sort()).toEqual(models.map((model) => model.name).sort());
    expect(await db.all(`select min_n from cfg_settings`)).toEqual([{min_n: 7}]);
  });

  it("builds no model when given none (junheng validate)", async () => {
    const {db, source} = await setUp(copyFixture("clean"));
    const result = await orchestrate(db, source, {config: parseConfig({})});
    expect(result.models).toEqual([]);
    expect(await db.all(`select table_name from information_schema.tables where table_name in ('cfg_settings', 'headline')`)).toEqual([]);
  });
});

describe("readConfig", () => {
  it("gives the defaults without a file, reads a file with a BOM, and names a broken one in both languages", () => {
    expect(readConfig(undefined)).toEqual(parseConfig({}));
    expect(readConfig('\ufeff{"min_n": 12}').min_n).toBe(12);
    let error: unknown;
    try {
      readConfig('{"min_n": 12');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({name: "InputError", code: "bad_config", location: {file: "junheng.config.json"}});
    const [zh, en] = (error as {bilingual(): string}).bilingual().split("\n");
    expect(zh).toMatch(/^错误 \[bad_config\] 文件 junheng\.config\.json：.*不是有效的 JSON/);
    expect(en).toMatch(/^Error \[bad_config\] file junheng\.config\.json: .*not valid JSON/);
  });
});
