// Invariants on a fuller fixture: shares within 0–1, rollups equal the sum of their parts, suppression
// whenever fewer than min_n students, no student or teacher id in any mart, keys unique.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../pipelines/db.js";
import {build, modelsToBuild} from "./fixture.js";
import {sampleFixture} from "./sample.js";

const MIN_N = 10;

/** docs/metrics.md: each "## <table> — grain …" section's "Columns: `a, b, …`" line */
function documentedColumns(): Record<string, string[]> {
  const text = readFileSync(join(import.meta.dirname, "..", "..", "docs", "metrics.md"), "utf8");
  const tables: Record<string, string[]> = {};
  for (const section of text.split(/^## /m).slice(1)) {
    const name = /^(\w+) — grain/.exec(section)?.[1];
    const columns = /^Columns: `([^`]+)`/m.exec(section)?.[1];
    if (name && columns) tables[name] = columns.split(",").map((column) => column.trim());
  }
  return tables;
}

let db: Db;
const marts = modelsToBuild().filter((model) => model.layer === "marts");
beforeAll(async () => {
  db = await build(sampleFixture(), {min_n: MIN_N});
});
afterAll(() => db.close());

describe("invariants", () => {
  it("publishes exactly the tables of docs/metrics.md, each with a unique key", async () => {
    expect(marts.map((model) => model.name).sort()).toEqual(
      ["coverage", "uncovered_schools", "group_profile", "group_members", "group_counts", "group_bundled", "school_resources", "resource_cv", "resource_theil", "resource_gap",
        "teacher_structure", "teacher_exchange", "exchange_flows", "exam_list", "exam_school", "score_variance", "urban_rural_gap",
        "value_added_school", "value_added_group", "headline"].sort()
    );
    for (const mart of marts) {
      expect(mart.key.length, mart.name).toBeGreaterThan(0);
      const key = mart.key.map((column) => `"${column}"`).join(", ");
      const [dup] = await db.all<{n: number}>(`select count(*)::integer as n from (select ${key} from ${mart.name} group by all having count(*) > 1)`);
      expect(dup!.n, mart.name).toBe(0);
      const [nulls] = await db.all<{n: number}>(`select count(*)::integer as n from ${mart.name} where ${mart.key.map((c) => `"${c}" is null`).join(" or ")}`);
      expect(nulls!.n, `${mart.name} null key`).toBe(0);
    }
  });

  it("publishes each table with exactly the columns docs/metrics.md lists, in that order", async () => {
    const documented = documentedColumns();
    expect(Object.keys(documented).sort()).toEqual(marts.map((model) => model.name).sort());
    for (const mart of marts) {
      const columns = await db.all<{name: string}>(
        `select column_name as name from information_schema.columns where table_name = '${mart.name}' order by ordinal_position`
      );
      expect(columns.map((column) => column.name), `${mart.name}: docs/metrics.md "Columns"`).toEqual(documented[mart.name]);
    }
  });

  it("keeps shares and rates in 0–1", async () => {
    for (const mart of marts) {
      const columns = await db.all<{name: string}>(`select column_name as name from information_schema.columns where table_name = '${mart.name}'`);
      for (const {name} of columns.filter((c) => /^share_|_share$|_rate$|^reliability$/.test(c.name))) {
        if (mart.name === "teacher_exchange" && name === "exchange_rate") continue; // exchanged teachers need not be eligible
        const [bad] = await db.all<{n: number}>(`select count(*)::integer as n from ${mart.name} where "${name}" < 0 or "${name}" > 1`);
        expect(bad!.n, `${mart.name}.${name}`).toBe(0);
      }
    }
  });

  it("makes coverage rollup rows equal the sum of their parts", async () => {
    const [mismatch] = await db.all<{n: number}>(`
      with leaves as (
          select * from coverage where county <> 'all' and stage <> 'all' and locality <> 'all' and ownership <> 'all'
      ),
      totals as (
          select period, sum(n_schools) as n_schools, sum(n_students) as n_students, sum(n_weak_in_group) as n_weak_in_group,
              sum(n_students_in_group) as n_students_in_group
          from leaves group by period
      )
      select count(*)::integer as n
      from totals inner join coverage using (period)
      where coverage.county = 'all' and coverage.stage = 'all' and coverage.locality = 'all' and coverage.ownership = 'all'
          and (totals.n_schools <> coverage.n_schools or totals.n_students <> coverage.n_students
               or totals.n_weak_in_group <> coverage.n_weak_in_group or totals.n_students_in_group <> coverage.n_students_in_group)`);
    expect(mismatch!.n).toBe(0);
    // every county row equals the sum over its localities
    const [byLocality] = await db.all<{n: number}>(`
      select count(*)::integer as n from (
          select period, county, sum(n_schools) as s from coverage
          where locality <> 'all' and stage = 'all' and ownership = 'all' group by period, county
      ) as parts
      inner join coverage using (period, county)
      where coverage.locality = 'all' and coverage.stage = 'all' and coverage.ownership = 'all' and parts.s <> coverage.n_schools`);
    expect(byLocality!.n).toBe(0);
  });

  it("makes exchange counts of a county equal the sum over its schools", async () => {
    const [mismatch] = await db.all<{n: number}>(`
      with schools as (select distinct school_year, school_id, county from int_exchange_eligibility)
      select count(*)::integer as n from (
          select exchange.school_year, schools.county, sum(exchange.n_eligible) as n_eligible, sum(exchange.n_exchanged) as n_exchanged
          from teacher_exchange as exchange
          inner join schools on exchange.school_year = schools.school_year and exchange.scope_id = schools.school_id
          where exchange.scope = 'school'
          group by exchange.school_year, schools.county
      ) as parts
      inner join teacher_exchange as county_rows
          on county_rows.scope = 'county' and county_rows.scope_id = parts.county and county_rows.school_year = parts.school_year
      where parts.n_eligible <> county_rows.n_eligible or parts.n_exchanged <> county_rows.n_exchanged`);
    expect(mismatch!.n).toBe(0);
  });

  it("suppresses every student-based value computed from fewer than min_n students", async () => {
    const checks: [string, string, string[]][] = [
      ["exam_school", "n_students", ["mean_score", "sd_score", "mean_rate", "excellent_rate", "pass_rate", "low_rate", "mean_z"]],
      ["score_variance", "n_students", ["between_school_share", "eta_squared", "var_between", "var_within"]],
      ["urban_rural_gap", "least(n_first, n_second)", ["gap", "se", "ci_low", "ci_high", "mean_first", "mean_second"]],
      ["value_added_school", "n_students", ["va", "se", "ci_low", "ci_high", "reliability", "va_shrunk", "band"]],
      ["value_added_group", "n_students", ["va", "se", "ci_low", "ci_high"]],
      ["value_added_group", "least(n_lead, n_members)", ["lead_minus_members", "lead_minus_members_se"]]
    ];
    let suppressed = 0;
    for (const [table, size, values] of checks) {
      const [leak] = await db.all<{n: number}>(
        `select count(*)::integer as n from ${table} where ${size} < ${MIN_N} and (${values.map((v) => `${v} is not null`).join(" or ")})`
      );
      expect(leak!.n, table).toBe(0);
      const [flagged] = await db.all<{n: number}>(`select count(*)::integer as n from ${table} where ${size} < ${MIN_N}`);
      suppressed += flagged!.n;
      if (size === "n_students" || table === "urban_rural_gap") {
        const [wrongFlag] = await db.all<{n: number}>(`select count(*)::integer as n from ${table} where is_suppressed <> (${size} < ${MIN_N})`);
        expect(wrongFlag!.n, table).toBe(0);
      }
    }
    expect(suppressed).toBeGreaterThan(0); // the fixture has small schools (P5: 6 students), so suppression is exercised
  });

  it("publishes no student or teacher id", async () => {
    const studentIds = new Set((await db.all<{id: string}>("select distinct student_id as id from raw_scores")).map((r) => r.id));
    const teacherIds = new Set((await db.all<{id: string}>("select distinct teacher_id as id from raw_teachers union select teacher_id from raw_exchanges")).map((r) => r.id));
    for (const mart of marts) {
      const columns = await db.all<{name: string}>(`select column_name as name from information_schema.columns where table_name = '${mart.name}'`);
      expect(columns.some((c) => /student_id|teacher_id/.test(c.name)), mart.name).toBe(false);
      for (const row of await db.all<Record<string, unknown>>(`select * from ${mart.name}`)) {
        for (const value of Object.values(row).flat()) {
          if (typeof value === "string") expect(studentIds.has(value) || teacherIds.has(value), `${mart.name}: ${value}`).toBe(false);
        }
      }
    }
  });

  it("numbers each exam subject and each student with a key of its own (the value-added joins)", async () => {
    // int_va_pairs and int_va_links join a student's scores of two exams on exam_key and student_key: the same rows
    // as on exam_id, subject and student_id exactly when each key names one of them and each of them one key
    const [keys] = await db.all<Record<string, number>>(`
      select count(distinct (exam_id, subject)) as exams, count(distinct exam_key) as exam_keys,
          count(distinct (exam_id, subject, exam_key)) as exam_pairs,
          count(*) filter (where student_key is null) as unkeyed
      from int_scores_z`);
    expect(keys!.exams).toBeGreaterThan(1);
    expect(keys).toEqual({...keys, exam_keys: keys!.exams, exam_pairs: keys!.exams, unkeyed: 0});
    // int_scores_z holds the student's key alone: int_student_keys numbers every student with a score, each once
    const [students] = await db.all<Record<string, number>>(`
      select count(*) as rows, count(distinct student_id) as ids, count(distinct student_key) as keys,
          (select count(distinct student_id) from stg_scores where student_id is not null) as scored,
          (select count(*) from int_scores_z as z left join int_student_keys as k using (student_key)
              where k.student_id is null) as lost,
          (select count(*) from int_scores_z) as score_rows,
          (select count(*) from stg_scores as s inner join stg_exams as e using (exam_id, subject)) as stg_rows
      from int_student_keys`);
    expect(students!.rows).toBeGreaterThan(1);
    expect(students).toEqual({...students, ids: students!.rows, keys: students!.rows, scored: students!.rows, lost: 0,
      score_rows: students!.stg_rows});
    // and each score row's key is its own student's: through int_student_keys, the same rows as stg_scores
    const [wrong] = await db.all<{n: number}>(`
      with keyed as (
          select z.exam_id, z.subject, k.student_id, z.period, z.school_id, z.score
          from int_scores_z as z inner join int_student_keys as k using (student_key)),
      staged as (
          select s.exam_id, s.subject, s.student_id, s.period, s.school_id, s.score
          from stg_scores as s inner join stg_exams as e using (exam_id, subject))
      select (select count(*) from (select * from keyed except all select * from staged))
          + (select count(*) from (select * from staged except all select * from keyed)) as n`);
    expect(wrong!.n).toBe(0);
  });
});
