// Two editions from one run (docs/editions.md): the public edition's files hold no single school's exam
// result, value-added or ranking, the internal edition holds every table, both come from the same run and
// are byte-identical across runs, and the config can only tighten the public edition.
import {cpSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {Db} from "../../pipelines/db.js";
import {lit} from "../../pipelines/sql.js";
import {loadModels} from "../../pipelines/models/load.js";
import {FIXTURES, TIMEOUT, hashTree, runCli, tempDir, PRIVATE_KEY} from "../helpers.js";
import {cleanOutput} from "../demo-run.js";

const MARTS = loadModels().filter((model) => model.layer === "marts").map((model) => model.name).sort();
// every edition also publishes its revisions against the previous output (pipelines/revisions.ts)
const TABLES = [...MARTS, "revisions"].sort();
// every figure computed from exam scores, named by hand from docs/metrics.md (exam_school, value_added_school,
// value_added_group, urban_rural_gap, score_variance, headline); counts of schools or students are not figures
// (group_profile's n_members counts member schools), value_added_group's n_lead and n_members are checked below
const EXAM_FIGURES = [
  "n_absent", "mean_score", "sd_score", "mean_rate", "excellent_rate", "pass_rate", "low_rate", "mean_z",
  "va", "se", "ci_low", "ci_high", "reliability", "va_shrunk", "va_shrunk_se", "va_shrunk_low", "va_shrunk_high", "band", "p_value",
  "q_value", "intercept", "slope", "slope_between", "sd_residual", "tau_squared", "grand_mean",
  "lead_minus_members", "lead_minus_members_se", "lead_minus_members_ci_low", "lead_minus_members_ci_high",
  "gap", "mean_first", "mean_second", "n_first", "n_second", "between_school_share", "var_between", "var_within", "eta_squared",
  "urban_rural_gap", "gap_exam_id", "gap_exam_name", "gap_exam_date", "gap_grade", "gap_subjects", "gap_in_period",
  "gap_previous_exam_id", "gap_previous_exam_date", "gap_previous", "gap_change", "n_schools_first", "n_schools_second", "is_few_schools", "df"
];
const SCHOOL_COLUMNS = ["school_id", "from_school_id", "to_school_id", "lead_school_id"];

const run = (input: string, out: string) => runCli(["run", "--input", input, "--out", out, "--quiet", ...PRIVATE_KEY]);
const files = (dir: string) => readdirSync(dir).sort();

let out: string;
let db: Db;

beforeAll(async () => {
  // the suite's shared run of the clean fixture (test/demo-run.ts); the second run below is the CLI's
  out = await cleanOutput();
  db = await Db.open();
}, TIMEOUT.test);

afterAll(() => db?.close());

/** a published table's columns and rows, as its Parquet file holds them */
async function parquet(edition: string, table: string): Promise<{columns: string[]; rows: Record<string, unknown>[]}> {
  const path = lit(join(out, "published", edition, `${table}.parquet`));
  const columns = (await db.all<{column_name: string}>(`describe select * from read_parquet(${path})`)).map((row) => row.column_name);
  return {columns, rows: await db.all(`select * from read_parquet(${path})`)};
}

describe("the published folder", () => {
  it("holds the two editions, each complete, listed in <out>/manifest.json and from the same run", () => {
    expect(files(join(out, "published"))).toEqual(["internal", "public"]);
    const top = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(Object.keys(top.editions).sort()).toEqual(["internal", "public"]);
    for (const edition of ["public", "internal"]) {
      const dir = join(out, "published", edition);
      const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
      expect(manifest.edition).toBe(edition);
      expect(top.editions[edition].dir).toBe(`published/${edition}`);
      // one run: the same start, periods and as-of date as the run's own manifest
      expect(manifest.run.started_at).toBe(top.run.started_at);
      expect(manifest.as_of_date).toBe(top.as_of_date);
      // every file the manifest names (tables, and the release beside them: docs/release.md) is there with its
      // hash, and nothing else but the manifest
      const named = [...manifest.published.flatMap((table: {files: {file: string; sha256: string}[]}) => table.files), ...manifest.release];
      expect(manifest.release.map((file: {file: string}) => file.file).sort()).toEqual(["CITATION.cff", "datapackage.json", `junheng-${edition}-${manifest.periods.at(-1)}.zip`, "methodology.md"]);
      expect(files(dir)).toEqual([...named.map((file: {file: string}) => file.file), "manifest.json"].sort());
      const hashes = hashTree(dir);
      for (const file of named) expect(hashes[file.file], file.file).toBe(file.sha256);
      expect(files(dir)).toContain("config.json");
      expect(manifest.disclosure.edition).toBe(edition);
      for (const table of manifest.published.filter((entry: {table: string}) => entry.table !== "config")) {
        expect(files(dir).filter((file) => file.startsWith(`${table.table}.`)).sort()).toEqual([`${table.table}.arrow`, `${table.table}.csv`, `${table.table}.parquet`]);
      }
    }
  });

  it("internal: every mart, with all its columns and rows", async () => {
    const manifest = JSON.parse(readFileSync(join(out, "published", "internal", "manifest.json"), "utf8"));
    expect(manifest.published.map((table: {table: string}) => table.table).filter((name: string) => name !== "config").sort()).toEqual(TABLES);
    expect(manifest.left_out).toEqual({tables: [], columns: [], rows: []});
    const warehouse = await Db.open(join(out, "warehouse.duckdb"));
    try {
      for (const mart of MARTS) {
        const published = await parquet("internal", mart);
        const columns = (await warehouse.all<{column_name: string}>(`describe ${mart}`)).map((row) => row.column_name);
        const [count] = await warehouse.all<{n: number}>(`select count(*)::integer as n from ${mart}`);
        // the disclosure step may add a column saying what it suppressed, never take one away
        expect(published.columns.filter((name) => !/(^|_)suppression$/.test(name)), mart).toEqual(columns);
        expect(published.rows.length, mart).toBe(count!.n);
      }
    } finally {
      warehouse.close();
    }
  });

  it("public: no file holds a single school's exam result, value-added or ranking", async () => {
    const dir = join(out, "published", "public");
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    const tables = manifest.published.map((table: {table: string}) => table.table).filter((name: string) => name !== "config");
    expect(tables).not.toContain("exam_school");
    expect(tables).not.toContain("value_added_school");
    expect(files(dir).filter((file) => /^(exam_school|value_added_school|group_bundled)\./.test(file))).toEqual([]);
    expect(manifest.left_out.tables.map((item: {table: string; reason: {code: string}}) => [item.table, item.reason.code])).toEqual([
      ["exam_school", "school_exam"],
      // 捆绑考核 weighs the lead, one school, apart from its members
      ["group_bundled", "lead_one_school"],
      ["value_added_school", "school_value_added"]
    ]);
    for (const table of tables) {
      const {columns, rows} = await parquet("public", table);
      // the same columns in the CSV's header and the Arrow file's schema
      const csvHeader = readFileSync(join(dir, `${table}.csv`), "utf8").replace(/^\ufeff/, "").split(/\r?\n/)[0]!.split(",");
      expect(csvHeader, `${table}.csv`).toEqual(columns);
      expect(tableFromIPC(readFileSync(join(dir, `${table}.arrow`))).schema.fields.map((field) => field.name), `${table}.arrow`).toEqual(columns);
      // no school beside an exam figure
      if (columns.some((name) => SCHOOL_COLUMNS.includes(name))) {
        expect(columns.filter((name) => EXAM_FIGURES.includes(name)), table).toEqual([]);
      }
      // and no lead-versus-members comparison: its lead side is one school
      if (columns.includes("comparison")) expect(rows.filter((row) => row.comparison === "lead_member"), table).toEqual([]);
      expect(columns.filter((name) => name.startsWith("lead_minus_members") || name === "n_lead"), table).toEqual([]);
    }
    // the group aggregates stay
    expect((await parquet("public", "value_added_group")).columns).toEqual(["prior_exam_id", "exam_id", "subject", "group_id", "n_students", "is_suppressed", "va", "se", "ci_low", "ci_high", "suppression"]);
    expect((await parquet("internal", "urban_rural_gap")).rows.some((row) => row.comparison === "lead_member")).toBe(true);
    // the JSON files name no exam figure at all
    for (const file of ["config.json", "manifest.json"]) {
      const text = readFileSync(join(dir, file), "utf8");
      expect(text, file).not.toMatch(/"(mean_score|mean_z|pass_rate|va_shrunk)"\s*:/);
    }
  });

  it("is byte-identical from a second run, in both editions", () => {
    const other = join(tempDir(), "out");
    expect(run(join(FIXTURES, "clean"), other).status).toBe(0);
    const first = hashTree(join(out, "published"));
    const second = hashTree(join(other, "published"));
    // the tables, and the release beside them: no timestamp in the package, the citation or the zip
    const tables = Object.keys(first).filter((file) => /\.(parquet|csv|arrow|zip|cff|md)$|datapackage\.json$/.test(file));
    expect(tables.filter((file) => file.startsWith("public/")).length).toBeGreaterThan(10);
    expect(tables.filter((file) => file.startsWith("internal/")).length).toBeGreaterThan(10);
    for (const file of tables) expect(second[file], file).toBe(first[file]);
  }, TIMEOUT.test);
});

describe("the config tightens the public edition", () => {
  function inputWith(editions: unknown): string {
    const input = join(tempDir(), "input");
    cpSync(join(FIXTURES, "clean"), input, {recursive: true});
    writeFileSync(join(input, "junheng.config.json"), JSON.stringify({editions}));
    return input;
  }

  it("without exam figures and without a table it names; the internal edition unchanged", async () => {
    const tight = join(tempDir(), "out");
    const result = run(inputWith({public: {exam_figures: false, exclude_tables: ["teacher_structure"]}}), tight);
    expect(result.status, result.stderr).toBe(0);
    const manifest = (edition: string) => JSON.parse(readFileSync(join(tight, "published", edition, "manifest.json"), "utf8"));
    const publicTables = manifest("public").published.map((table: {table: string}) => table.table).filter((name: string) => name !== "config").sort();
    // exam_list stays: exam names and dates, no result
    expect(publicTables).toEqual(["coverage", "exam_list", "exchange_flows", "group_counts", "group_members", "group_profile", "headline", "resource_cv", "resource_gap", "resource_theil", "revisions", "school_resources", "teacher_exchange", "uncovered_schools"]);
    const left = manifest("public").left_out;
    expect(Object.fromEntries(left.tables.map((item: {table: string; reason: {code: string}}) => [item.table, item.reason.code]))).toEqual({
      exam_school: "school_exam",
      group_bundled: "lead_one_school",
      value_added_school: "school_value_added",
      urban_rural_gap: "exam_figures_off",
      score_variance: "exam_figures_off",
      value_added_group: "exam_figures_off",
      teacher_structure: "excluded_by_config"
    });
    expect(left.columns).toEqual([
      {
        table: "headline",
        columns: ["gap_exam_id", "urban_rural_gap", "gap_exam_name", "gap_exam_date", "gap_grade", "gap_subjects", "gap_in_period", "gap_previous_exam_id", "gap_previous_exam_date", "gap_previous", "gap_change"],
        reason: expect.objectContaining({code: "exam_figures_off"})
      }
    ]);
    const headline = readFileSync(join(tight, "published", "public", "headline.csv"), "utf8").split(/\r?\n/)[0]!;
    expect(headline).not.toMatch(/gap/);
    expect(manifest("internal").published.map((table: {table: string}) => table.table).filter((name: string) => name !== "config").sort()).toEqual(TABLES);
  }, TIMEOUT.test);

  it.each([
    [{public: {exclude_tables: ["exam_schools"]}}, "editions.public.exclude_tables[0]：没有名为 \"exam_schools\" 的数据表", "editions.public.exclude_tables[0]: there is no table \"exam_schools\""],
    [{public: {exam_figures: "no"}}, "editions.public.exam_figures：应为 true 或 false", "editions.public.exam_figures: must be true or false"],
    [{internal: {}}, "editions.internal：未知的配置项", "editions.internal: unknown key"],
    [{public: {exclude_tables: "exam_school"}}, "editions.public.exclude_tables：应为数据表名的数组", "editions.public.exclude_tables: must be an array of table names"]
  ])("refuses %j in both languages, before any work (exit 1)", (editions, zh, en) => {
    const refused = join(tempDir(), "out");
    const result = run(inputWith(editions), refused);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(zh);
    expect(result.stderr).toContain(en);
    expect(result.stderr).toContain("junheng.config.json");
  }, TIMEOUT.test);
});
