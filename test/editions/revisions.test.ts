// Revisions (issue 17, docs/editions.md "Revisions"): each run compares what it publishes with the last good
// output's same edition and publishes the changes as the table `revisions`. A first run has none, a rerun of
// the same input none; one teacher changed in an earlier period changes exactly the figures worked out by hand
// below; a new period's rows are additions, not revisions to earlier figures; and no edition's revisions ever
// hold a value its own files do not (a suppressed cell stays suppressed).
import {cpSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {Db} from "../../pipelines/db.js";
import {lit} from "../../pipelines/sql.js";
import {createRevisions, readPreviousRelease, type PreviousRelease} from "../../pipelines/revisions.js";
import {sha256File} from "../../pipelines/publish.js";
import {FIXTURES, PRIVATE_KEY, TIMEOUT, runCli, tempDir} from "../helpers.js";
import {cleanOutput} from "../demo-run.js";

const EDITIONS = ["public", "internal"] as const;
const COLUMNS = ["table_name", "row_key", "key_json", "period", "earlier_period", "kind", "column_name", "old_value", "new_value", "changed_inputs"];

interface Revision {
  table_name: string;
  row_key: string | null;
  key_json: string | null;
  period: string | null;
  earlier_period: boolean;
  kind: string;
  column_name: string | null;
  old_value: string | null;
  new_value: string | null;
  changed_inputs: string;
}

function run(input: string, out: string): void {
  const result = runCli(["run", "--input", input, "--out", out, "--quiet", ...PRIVATE_KEY]);
  expect(result.status, result.stderr).toBe(0);
}

function copyClean(): string {
  const input = join(tempDir(), "input");
  cpSync(join(FIXTURES, "clean"), input, {recursive: true});
  return input;
}

let db: Db;
beforeAll(async () => {
  db = await Db.open();
});
afterAll(() => db?.close());

async function revisions(out: string, edition: string): Promise<Revision[]> {
  return db.all<Revision>(`select * from read_parquet(${lit(join(out, "published", edition, "revisions.parquet"))}) order by table_name, key_json, column_name`);
}

function manifest(out: string, edition: string) {
  return JSON.parse(readFileSync(join(out, "published", edition, "manifest.json"), "utf8"));
}

/** a published cell as its edition's Parquet file holds it, cast to text as the CSV writes it */
async function cell(dir: string, table: string, keyJson: string, column: string): Promise<string | null | undefined> {
  const key = JSON.parse(keyJson) as Record<string, string | null>;
  const where = Object.entries(key).map(([name, value]) => (value === null ? `"${name}" is null` : `cast("${name}" as varchar) = ${lit(value)}`)).join(" and ");
  const rows = await db.all<{v: string | null}>(`select cast("${column}" as varchar) as v from read_parquet(${lit(join(dir, `${table}.parquet`))}) where ${where}`);
  return rows.length === 1 ? rows[0]!.v : undefined;
}

/**
 * What holds for every edition after every run: an old value is exactly the previous release's published cell,
 * a new value exactly this release's; a cell empty now in a table under disclosure control repeats no old
 * value (kind withheld). So the revisions never hold a value the two releases' own files do not.
 */
async function checkValuesArePublished(previous: string, out: string, edition: string): Promise<void> {
  const dir = join(out, "published", edition);
  const before = join(previous, "published", edition);
  for (const line of await revisions(out, edition)) {
    if (line.kind !== "changed" && line.kind !== "withheld") {
      expect(line.old_value, JSON.stringify(line)).toBeNull();
      expect(line.new_value, JSON.stringify(line)).toBeNull();
      continue;
    }
    const now = await cell(dir, line.table_name, line.key_json!, line.column_name!);
    expect(line.new_value, JSON.stringify(line)).toBe(now);
    if (line.kind === "withheld") {
      expect(now, JSON.stringify(line)).toBeNull();
      expect(line.old_value, JSON.stringify(line)).toBeNull();
    } else {
      expect(line.old_value, JSON.stringify(line)).toBe(await cell(before, line.table_name, line.key_json!, line.column_name!));
    }
  }
}

describe("a first run and a rerun", () => {
  let out: string;
  let input: string;
  let snapshot: string;
  beforeAll(async () => {
    input = copyClean();
    // the first run: the suite's shared run of the clean fixture (test/demo-run.ts), into a folder of its own
    out = await cleanOutput();
    snapshot = join(tempDir(), "first");
    cpSync(out, snapshot, {recursive: true});
  }, TIMEOUT.test);

  it("a first release: an empty table with its columns, in both editions", async () => {
    for (const edition of EDITIONS) {
      const columns = (await db.all<{column_name: string}>(`describe select * from read_parquet(${lit(join(out, "published", edition, "revisions.parquet"))})`)).map((row) => row.column_name);
      expect(columns).toEqual(COLUMNS);
      expect(await revisions(out, edition)).toEqual([]);
      expect(readFileSync(join(out, "published", edition, "revisions.csv"), "utf8")).toBe(`\ufeff${COLUMNS.join(",")}\n`);
      const m = manifest(out, edition);
      expect(m.revisions).toMatchObject({first_release: true, previous: null, total: 0, earlier: 0, by_table: {}});
      expect(m.published.find((table: {table: string}) => table.table === "revisions")).toMatchObject({rows: 0, key: ["table_name", "key_json", "column_name"]});
    }
  });

  it("the same input again: no revision, and no input changed", async () => {
    run(input, out);
    for (const edition of EDITIONS) {
      expect(await revisions(out, edition)).toEqual([]);
      const m = manifest(out, edition);
      expect(m.revisions).toMatchObject({first_release: false, total: 0, inputs: {changed: [], added: [], removed: []}});
      expect(m.revisions.previous.started_at).toBe(manifest(snapshot, edition).run.started_at);
    }
  }, TIMEOUT.test);

  it("one teacher changed in an earlier period: exactly the figures that depend on it", async () => {
    // 2025Q3/teachers.csv: T0002 (北街小学 S001, 体育, full-time, no section) becomes a county backbone teacher.
    // Worked out from the models (docs/metrics.md):
    // - stg_teachers: is_backbone true for (2025Q3, T0002); no other period (2025Q4 has its own teachers.csv,
    //   nothing is carried back).
    // - teacher_structure (2025Q3, S001): backbone_per_100 = backbone × 100 / students = 1·100/2000 = 0.05 → 2·100/2000 = 0.1.
    //   n_teachers, students_per_teacher, share_senior_title, share_bachelor_plus do not use backbone status.
    // - int_section_teachers (2025Q3, S001, primary — its one section, weight 1): n_backbone 1 → 2, so
    //   school_resources (2025Q3, S001, primary): backbone_per_100 0.05 → 0.1. Its threshold is 1.0 per 100
    //   (85% = 0.85): not met and below 85% before and after, so n_met and is_compliant stay.
    // - resource_cv, primary backbone_per_100 in 2025Q3, over the school sections of each scope:
    //   county 甘州区 (S001–S005) and group G01 (S001 lead, S002, S003): mean, sd, cv change; n_schools and
    //   n_students do not. G01 by hand: values 0.05 (2000 pupils), 1/15 (1500), 0 (S003's 250 primary pupils):
    //   mean 200/3750 = 0.05333…, cv 0.306 → mean 300/3750 = 0.08, sd² = (2000·0.02² + 1500·(1/15 − 0.08)² +
    //   250·0.08²)/3750 = 2.6667/3750, sd 0.026667, cv 1/3: ≤ 0.5 both times, so `meets` stays true; the county's
    //   cv (≈0.64 → ≈0.66, 1370 of its pupils at 0) stays above 0.5, `meets` false both times. G02 (S004 only)
    //   does not hold S001.
    // - resource_gap (2025Q3, 甘州区, primary, backbone_per_100): urban_mean over S001 and S002 = 200/3500 →
    //   300/3500; town and rural means do not hold S001; rural_to_urban_ratio = 0 / urban_mean stays 0.
    // - resource_theil (2025Q3, 甘州区, primary, backbone_per_100), both partitions: schools at 0 are kept
    //   (x·ln x → 0; n_zero 3), and the positive values are S001 and S002 only, both in G01 and both urban. With
    //   one part P holding every positive value, μ = n_P·μ_P/N, so between = (n_P/N)(μ_P/μ)ln(μ_P/μ) = ln(N/n_P):
    //   pupils only, the same before and after. theil changes, so within = theil − between and between_share =
    //   between/theil change; between does not.
    // - headline (2025Q3): max_cv_primary is the largest county cv of the seven primary indicators, pe_arts's
    //   (≈1.28), above backbone's both times; n_compliant_schools as above. Unchanged, as is 2025Q4's row.
    // - teacher_exchange and exchange_flows: backbone status counts only for exchanged teachers (T0001,
    //   T0006), not T0002. Coverage, groups and exam tables read no teacher.
    // Both editions publish these tables whole, so both list the same 15 figures.
    const changed = join(tempDir(), "changed");
    cpSync(input, changed, {recursive: true});
    const file = join(changed, "2025Q3", "teachers.csv");
    const text = readFileSync(file, "utf8");
    const edited = text.replace("T0002,S001,体育,first,bachelor,none,", "T0002,S001,体育,first,bachelor,county,");
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const previous = join(tempDir(), "previous");
    cpSync(out, previous, {recursive: true});
    run(changed, out);
    const q3 = (key: string) => `2025Q3 | ${key}`;
    const expected = [
      ["resource_cv", q3("county | 甘州区 | primary | backbone_per_100"), "cv"],
      ["resource_cv", q3("county | 甘州区 | primary | backbone_per_100"), "mean"],
      ["resource_cv", q3("county | 甘州区 | primary | backbone_per_100"), "sd"],
      ["resource_cv", q3("group | G01 | primary | backbone_per_100"), "cv"],
      ["resource_cv", q3("group | G01 | primary | backbone_per_100"), "mean"],
      ["resource_cv", q3("group | G01 | primary | backbone_per_100"), "sd"],
      ["resource_gap", q3("甘州区 | primary | backbone_per_100"), "urban_mean"],
      ["resource_theil", q3("甘州区 | primary | backbone_per_100 | group"), "between_share"],
      ["resource_theil", q3("甘州区 | primary | backbone_per_100 | group"), "theil"],
      ["resource_theil", q3("甘州区 | primary | backbone_per_100 | group"), "within"],
      ["resource_theil", q3("甘州区 | primary | backbone_per_100 | locality"), "between_share"],
      ["resource_theil", q3("甘州区 | primary | backbone_per_100 | locality"), "theil"],
      ["resource_theil", q3("甘州区 | primary | backbone_per_100 | locality"), "within"],
      ["school_resources", q3("S001 | primary"), "backbone_per_100"],
      ["teacher_structure", q3("S001"), "backbone_per_100"]
    ];
    for (const edition of EDITIONS) {
      const lines = await revisions(out, edition);
      expect(lines.map((line) => [line.table_name, line.row_key, line.column_name]).sort(), edition).toEqual(expected.sort());
      for (const line of lines) expect(line).toMatchObject({kind: "changed", period: "2025Q3", earlier_period: true, changed_inputs: "2025Q3/teachers.csv"});
      const value = (table: string, column: string) => lines.find((line) => line.table_name === table && line.column_name === column && line.row_key!.includes("G01") === (table === "resource_cv"));
      expect(value("teacher_structure", "backbone_per_100")).toMatchObject({old_value: "0.05", new_value: "0.1"});
      expect(value("school_resources", "backbone_per_100")).toMatchObject({old_value: "0.05", new_value: "0.1"});
      expect(Number(value("resource_cv", "mean")!.old_value)).toBeCloseTo(200 / 3750, 12);
      expect(Number(value("resource_cv", "mean")!.new_value)).toBeCloseTo(0.08, 12);
      expect(Number(value("resource_cv", "cv")!.new_value)).toBeCloseTo(1 / 3, 12);
      expect(Number(value("resource_gap", "urban_mean")!.new_value)).toBeCloseTo(300 / 3500, 12);
      const m = manifest(out, edition);
      expect(m.revisions).toMatchObject({first_release: false, total: 15, earlier: 15, inputs: {changed: ["2025Q3/teachers.csv"], added: [], removed: []}});
      expect(m.revisions.by_table.resource_cv).toEqual({changed: 6, added: 0, removed: 0, withheld: 0, earlier: 6});
      await checkValuesArePublished(previous, out, edition);
    }
    // the revisions CSV is the Parquet's rows, as the other tables
    const csv = readFileSync(join(out, "published", "public", "revisions.csv"), "utf8").replace(/^\ufeff/, "").trim().split("\n"); // the header and the 15 lines
    expect(csv).toHaveLength(16);
  }, TIMEOUT.test);
});

describe("a new period", () => {
  it("its rows are additions, not revisions to earlier figures", async () => {
    const input = copyClean();
    const earlier = join(tempDir(), "q3");
    cpSync(input, earlier, {recursive: true});
    rmSync(join(earlier, "2025Q4"), {recursive: true});
    const out = join(tempDir(), "out");
    run(earlier, out);
    const previous = join(tempDir(), "previous");
    cpSync(out, previous, {recursive: true});
    run(input, out);
    for (const edition of EDITIONS) {
      const lines = await revisions(out, edition);
      const m = manifest(out, edition);
      expect(m.revisions.inputs).toEqual({changed: [], added: ["2025Q4/exams.csv", "2025Q4/schools.csv", "2025Q4/scores.csv", "2025Q4/teachers.csv"], removed: []});
      // every row of 2025Q4 (or of an exam held after 2025-09-30, E2025B) is an addition of a new period
      const q4 = lines.filter((line) => line.period === "2025Q4" || line.period === "2026Q1");
      expect(q4.length).toBeGreaterThan(0);
      for (const line of q4) expect(line, JSON.stringify(line)).toMatchObject({kind: "added", earlier_period: false, column_name: null});
      expect(lines.some((line) => line.table_name === "teacher_structure" && line.row_key === "2025Q4 | S001")).toBe(true);
      expect(lines.some((line) => line.table_name === "exam_list" && line.row_key === "E2025B | 语文" && line.period === "2026Q1")).toBe(true);
      // what is left are changes to rows the previous release published: earlier figures
      for (const line of lines.filter((line) => !q4.includes(line))) expect(line.earlier_period, JSON.stringify(line)).toBe(true);
      expect(m.revisions.earlier).toBe(lines.filter((line) => line.earlier_period).length);
      await checkValuesArePublished(previous, out, edition);
    }
  }, TIMEOUT.test);
});

describe("suppression", () => {
  it("a figure suppressed now is listed as withheld, its old value not repeated; the public edition lists no suppressed cell", async () => {
    // min_n 1: the internal edition publishes each school's exam figures; then min_n 10 suppresses them all
    const input = copyClean();
    writeFileSync(join(input, "junheng.config.json"), JSON.stringify({min_n: 1}));
    const out = join(tempDir(), "out");
    run(input, out);
    const previous = join(tempDir(), "previous");
    cpSync(out, previous, {recursive: true});
    const published = await db.all<{v: string}>(`select cast(mean_score as varchar) as v from read_parquet(${lit(join(out, "published", "internal", "exam_school.parquet"))}) where mean_score is not null`);
    expect(published.length).toBeGreaterThan(0);
    // and one score changed, in a school whose exam figures the public edition never shows
    const scores = join(input, "2025Q3", "scores.csv");
    writeFileSync(scores, readFileSync(scores, "utf8").replace("E2025A,语文,ST001,S001,92,false", "E2025A,语文,ST001,S001,60,false"));
    writeFileSync(join(input, "junheng.config.json"), JSON.stringify({min_n: 10}));
    run(input, out);

    const internal = await revisions(out, "internal");
    const withheld = internal.filter((line) => line.kind === "withheld");
    expect(withheld.some((line) => line.table_name === "exam_school" && line.column_name === "mean_score")).toBe(true);
    for (const line of withheld) expect(line.old_value).toBeNull();
    // no old school mean appears anywhere in the revisions
    const values = new Set(internal.flatMap((line) => [line.old_value, line.new_value]));
    for (const {v} of published) expect(values.has(v), v).toBe(false);

    const pub = await revisions(out, "public");
    expect(pub.some((line) => line.table_name === "exam_school" || line.table_name === "value_added_school")).toBe(false);
    // every exam aggregate of the public edition was suppressed both times: at most its reason changed
    for (const line of pub.filter((line) => ["urban_rural_gap", "score_variance", "value_added_group"].includes(line.table_name))) {
      expect(line, JSON.stringify(line)).toMatchObject({kind: "changed", column_name: "suppression"});
    }
    for (const edition of EDITIONS) await checkValuesArePublished(previous, out, edition);
  }, TIMEOUT.test);

  it("the public edition is compared only with a previous public edition", () => {
    const out = join(tempDir(), "out");
    // an output of 0.1.0: one flat published/ with every table; and one with only the internal edition's folder
    mkdirSync(join(out, "published", "internal"), {recursive: true});
    writeFileSync(join(out, "published", "manifest.json"), JSON.stringify({published: [{table: "exam_school", key: ["exam_id"], files: []}]}));
    writeFileSync(join(out, "published", "internal", "manifest.json"), JSON.stringify({edition: "internal", published: []}));
    expect(readPreviousRelease(out, "public")).toBeNull();
    expect(readPreviousRelease(out, "internal")).not.toBeNull();
    // a folder named public whose manifest says otherwise is not the public edition
    mkdirSync(join(out, "published", "public"));
    writeFileSync(join(out, "published", "public", "manifest.json"), JSON.stringify({edition: "internal", published: []}));
    expect(readPreviousRelease(out, "public")).toBeNull();
  });
});

describe("createRevisions on hand-made tables", () => {
  it("rows added and removed, a changed value, 12 significant digits, a suppressed cell withheld, a damaged file not compared", async () => {
    const dir = join(tempDir(), "previous");
    mkdirSync(dir);
    await db.run("create or replace table exam_list (exam_id varchar, exam_date date)");
    // before: schools a, b, c; now: b changed, c's share differs in its 17th digit only, d added, a removed
    await db.run(`copy (select * from (values ('2025Q3', 'a', 1.0::double, 10, false), ('2025Q3', 'b', 2.0::double, 20, false), ('2025Q3', 'c', 0.1::double + 0.2::double, 30, false))
      as v(period, school_id, share, n, is_suppressed)) to ${lit(join(dir, "t.parquet"))} (format parquet)`);
    await db.run(`create or replace table t_now as select * from (values ('2025Q3', 'b', 2.5::double, null::integer, true), ('2025Q3', 'c', 0.3::double, 30, false), ('2025Q4', 'd', 4.0::double, 40, false))
      as v(period, school_id, share, n, is_suppressed)`);
    await db.run(`copy (select 1 as x) to ${lit(join(dir, "u.parquet"))} (format parquet)`);
    await db.run("create or replace table u_now as select 2 as x");
    const previous: PreviousRelease = {
      dir,
      started_at: "2025-10-01T00:00:00Z",
      as_of_date: "2025-09-30",
      periods: ["2025Q3"],
      version: "0.1.0",
      tables: [
        {table: "t", key: ["period", "school_id"], files: [{file: "t.parquet", sha256: sha256File(join(dir, "t.parquet"))}]},
        // u's file is not the one its manifest recorded
        {table: "u", key: ["x"], files: [{file: "u.parquet", sha256: "0".repeat(64)}]}
      ],
      inputs: {}
    };
    const summary = await createRevisions(db, {
      relation: "rev_test",
      tables: [{name: "t", relation: "t_now", key: ["period", "school_id"]}, {name: "u", relation: "u_now", key: ["x"]}],
      previous,
      inputs: {changed: ["2025Q3/schools.csv"], added: [], removed: []}
    });
    const [c] = await db.all<{v: string}>(`select cast(share as varchar) as v from read_parquet(${lit(join(dir, "t.parquet"))}) where school_id = 'c'`);
    expect(c!.v).toBe("0.30000000000000004");
    const lines = await db.all<Revision>("select * from rev_test order by row_key, column_name");
    // 0.1 + 0.2 is 0.30000000000000004 as a double: the same figure as 0.3 to 12 digits, so c has no line.
    // b: share 2 → 2.5 (changed), n 20 → empty in a table under disclosure control (withheld, 20 not repeated),
    // is_suppressed false → true. a removed (period covered before), d added in 2025Q4 (a new period).
    expect(lines.map((line) => [line.row_key, line.kind, line.column_name, line.old_value, line.new_value, line.earlier_period])).toEqual([
      ["2025Q3 | a", "removed", null, null, null, true],
      ["2025Q3 | b", "changed", "is_suppressed", "false", "true", true],
      ["2025Q3 | b", "withheld", "n", null, null, true],
      ["2025Q3 | b", "changed", "share", "2.0", "2.5", true],
      ["2025Q4 | d", "added", null, null, null, false]
    ]);
    expect(lines.every((line) => line.changed_inputs === "2025Q3/schools.csv")).toBe(true);
    expect(summary).toMatchObject({first_release: false, total: 5, earlier: 4, not_compared: ["u"], by_table: {t: {changed: 2, withheld: 1, removed: 1, added: 1, earlier: 4}}});
  });
});
