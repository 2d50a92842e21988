// Issue 13: "no suppressed value may be recoverable from any linear combination of cells published in the
// same edition; the public edition has no per-school exam or value-added value". An independent attacker
// (test/reliability/attack.ts) reads only an edition's published files, plus what a member of the public
// plausibly knows (each school's county, locality, group and role, and every school's n), and tries:
//  - the known subtraction: an aggregate's n × mean minus the published schools inside it;
//  - every linear combination: each unpublished school cell tested against the row space of all published
//    cells of its exam × subject (or value-added pair × subject), exactly (mod a large prime), the solved value
//    then checked against the warehouse's true value.
// It runs on the embedded demo and on a generated city of three counties whose thin cohorts leave many small
// rural schools, on every edition the output has (published/public and published/internal; an output with
// only published/ is read as the internal edition).
import {beforeAll, describe, expect, it} from "vitest";
import {cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {Db} from "../../pipelines/db.js";
import {lit} from "../../pipelines/sql.js";
import {generateDemo} from "../../pipelines/demo/generate.js";
import {runPipeline} from "../../pipelines/run.js";
import {TIMEOUT, tempDir} from "../helpers.js";
import {demoOutput} from "../demo-run.js";
import {
  attackEdition,
  describeRecoveries,
  editionsOf,
  exactRat,
  meanVec,
  perSchoolExamValues,
  rat,
  solveExposed,
  subtractionAttack,
  type AttackReport,
  type Cell,
  type Edition
} from "./attack.js";

describe("the attacker itself, on systems worked out by hand", () => {
  const n: Record<string, number> = {a: 10, b: 20, c: 30, d: 40};
  const mean = (label: string, keys: string[], value: number): Cell => ({label, coef: meanVec(keys, (k) => n[k]!), value});
  const solve = (cells: Cell[], known: Record<string, number>, targets: string[]) =>
    Object.fromEntries(solveExposed(cells, new Map(Object.entries(known)), new Set(targets)).map((s) => [s.key, Number(s.value.toFixed(12))]));

  it("an aggregate minus its published schools gives the one left", () => {
    // (10·1 + 20·0.25 + 30·c) / 60 = 0.5  →  c = (30 − 10 − 5) / 30 = 0.5
    expect(solve([mean("all", ["a", "b", "c"], 0.5)], {a: 1, b: 0.25}, ["c"])).toEqual({c: 0.5});
  });

  it("a school that kept its students: value-added, intercept, slope and the prior mean give the later mean", () => {
    // va − z_later + slope·z_prior = −intercept: 0.1 − z + 0.75 · 0.4 = −0.02 → z = 0.42
    const cross: Cell = {label: "va link", coef: new Map([["va", rat(1)], ["later", rat(-1)], ["prior", exactRat(0.75)]]), value: -0.02};
    expect(solve([cross], {va: 0.1, prior: 0.4}, ["later"])).toEqual({later: 0.42});
    // without the prior mean it stays hidden
    expect(solve([cross], {va: 0.1}, ["later", "prior"])).toEqual({});
  });

  it("two hidden schools in one aggregate stay hidden", () => {
    expect(solve([mean("all", ["a", "b", "c"], 0.5)], {a: 1}, ["b", "c"])).toEqual({});
  });

  it("two overlapping aggregates give their difference", () => {
    // 60·mean(a,b,c) − 30·mean(a,b) = 30·c: 60·0.2 − 30·0.1 = 9 → c = 0.3; a and b stay hidden
    expect(solve([mean("group", ["a", "b", "c"], 0.2), mean("county", ["a", "b"], 0.1)], {}, ["a", "b", "c"])).toEqual({c: 0.3});
  });

  it("a group mean and lead − members give both hidden schools", () => {
    // lead a (n 10) = 0.9, members b (n 20, published 0.3) and c (n 30) = −0.3
    // group mean (9 + 6 − 9) / 60 = 0.1; lead − members = 0.9 − (6 − 9) / 50 = 0.96
    const members = meanVec(["b", "c"], (k) => n[k]!);
    const diff: Cell = {label: "lead − members", coef: new Map([["a", rat(1)], ...[...members].map(([k, c]) => [k, rat(-c.num, c.den)] as const)]), value: 0.96};
    expect(solve([mean("group", ["a", "b", "c"], 0.1), diff], {b: 0.3}, ["a", "c"])).toEqual({a: 0.9, c: -0.3});
  });

  it("a combination that never isolates a school recovers nothing", () => {
    // rows (1,1,1) and (1,2,0) over a, b, c: no combination is a unit vector
    const cells: Cell[] = [
      {label: "sum", coef: new Map([["a", rat(1)], ["b", rat(1)], ["c", rat(1)]]), value: 3},
      {label: "other", coef: new Map([["a", rat(1)], ["b", rat(2)]]), value: 3}
    ];
    expect(solve(cells, {}, ["a", "b", "c"])).toEqual({});
  });
});

describe("the attacker's reading of an output", () => {
  it("finds published/public and published/internal, else reads published/ as the internal edition", () => {
    const out = tempDir();
    mkdirSync(join(out, "published"));
    expect(editionsOf(out)).toEqual([{name: "internal", dir: join(out, "published"), single: true}]);
    mkdirSync(join(out, "published", "public"));
    mkdirSync(join(out, "published", "internal"));
    expect(editionsOf(out).map((e) => [e.name, e.single])).toEqual([
      ["public", false],
      ["internal", false]
    ]);
  });

  it("flags a per-school exam value in any file, and not a per-school count", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "schools"));
    writeFileSync(join(dir, "teacher_flows.csv"), "school_id,n_teachers,exchange_rate\n2162000001,3,0.1\n");
    writeFileSync(join(dir, "county_exam.csv"), "county,mean_z\n甘州区,0.1\n");
    writeFileSync(join(dir, "schools", "2162000001.json"), JSON.stringify({school_id: "2162000001", exams: [{exam_id: "X", mean_score: 61.5}]}));
    writeFileSync(join(dir, "value_added_school.csv"), "school_id,va\n");
    expect(await perSchoolExamValues(dir)).toEqual(["value_added_school.csv: the table must be absent", "schools/2162000001.json: mean_score beside a school"]);
  });
});

interface Fixture {
  name: string;
  prepare: () => Promise<string>;
}

const FIXTURES: Fixture[] = [
  {
    name: "the embedded demo",
    // the real pipeline's run of data/demo, shared with the other files that read it (test/demo-run.ts)
    prepare: demoOutput
  },
  {
    // three counties of the template at a fifth of each cohort: 27 rural schools, most below min_n
    name: "a generated city with many small rural schools",
    prepare: async () => {
      const dir = tempDir();
      await generateDemo({scale: "tiny", seed: 13, counties: 3, out: join(dir, "input")});
      await runPipeline({input: join(dir, "input"), out: join(dir, "out"), demoKey: true});
      return join(dir, "out");
    }
  }
];

function summary(report: AttackReport): string {
  const exam = report.recovered.filter((r) => r.kind === "exam").length;
  const va = report.recovered.length - exam;
  return `${report.edition.name} edition: ${report.recovered.length} of ${report.unpublished} unpublished school cells recovered (${exam} exam, ${va} value-added; ${report.recovered.filter((r) => r.exact).length} exactly equal to the warehouse's value; ${report.recovered.filter((r) => r.usesDefinition).length} need the method's z-mean-0 / residual-sum-0 facts), from ${report.cells} published cells`;
}

describe.each(FIXTURES)("disclosure attack on $name", (fixture) => {
  let out = "";
  let editions: Edition[] = [];
  const reports = new Map<string, AttackReport>();

  beforeAll(async () => {
    out = await fixture.prepare();
    editions = editionsOf(out);
    for (const edition of editions) reports.set(edition.name, await attackEdition(out, edition));
  }, TIMEOUT.test);

  it("the attacker's model reproduces every published aggregate (else the attack would be blind to it)", () => {
    for (const report of reports.values()) {
      expect(report.mismatches, `${report.edition.name}: the attacker's model of these published cells is wrong`).toEqual([]);
      expect(report.unmodelled, `${report.edition.name}: published tables carrying an exam that attack.ts does not model; teach it their cells`).toEqual([]);
      expect(report.cells).toBeGreaterThan(0);
    }
  });

  it("control: a school row hidden in a copy of the edition without complementary suppression is recovered", async (ctx) => {
    const edition = editions.find((e) => e.name === "internal");
    if (!edition) ctx.skip("no internal edition");
    // the largest school of the first exam × subject whose every school row is published: blank its row
    const report = reports.get("internal")!;
    const hiddenExams = new Set(report.recovered.map((r) => `${r.exam_id}|${r.subject}`));
    const copy = join(tempDir(), "out");
    mkdirSync(join(copy, "published"), {recursive: true});
    cpSync(edition!.dir, join(copy, "published"), {recursive: true});
    symlinkSync(join(out, "warehouse.duckdb"), join(copy, "warehouse.duckdb"));
    const db = await Db.open();
    let target: {exam_id: string; subject: string; school_id: string; mean_z: number};
    try {
      const file = join(copy, "published", "exam_school.parquet");
      await db.run(`create table t as select * from read_parquet(${lit(file)})`);
      const exams = await db.all<{exam_id: string; subject: string}>(
        `select exam_id, subject from t group by all having count(*) filter (where mean_z is null) = 0 and count(*) >= 3 order by all`
      );
      const exam = exams.find((e) => !hiddenExams.has(`${e.exam_id}|${e.subject}`))!;
      target = await db.one(`select exam_id, subject, school_id, mean_z from t where exam_id = ? and subject = ? order by n_students desc, school_id limit 1`, [exam.exam_id, exam.subject]);
      const blank = ["mean_score", "sd_score", "mean_rate", "excellent_rate", "pass_rate", "low_rate", "mean_z"].map((c) => `${c} = null`).join(", ");
      await db.run(`update t set ${blank} where exam_id = ? and subject = ? and school_id = ?`, [target.exam_id, target.subject, target.school_id]);
      rmSync(file);
      await db.run(`copy t to ${lit(file)} (format parquet)`);
    } finally {
      db.close();
    }
    for (const f of readdirSync(join(copy, "published"))) if (/^exam_school\.(csv|arrow)$/.test(f)) rmSync(join(copy, "published", f));
    const attacked = await attackEdition(copy, {name: "internal", dir: join(copy, "published"), single: true});
    const found = attacked.recovered.find((r) => r.kind === "exam" && r.exam_id === target.exam_id && r.subject === target.subject && r.school_id === target.school_id);
    expect(found, `the attacker missed a planted exposure: ${JSON.stringify(target)}`).toBeDefined();
    expect(found!.recovered).toBeCloseTo(target.mean_z, 9);
    expect(found!.exact).toBe(true);
  });

  it("no suppressed school value comes back by subtracting the published schools from an aggregate", async () => {
    for (const edition of editions) {
      const found = await subtractionAttack(out, edition);
      const lines = found.map((f) => `  ${f.school_name} ${f.school_id} (${f.kind}): ${f.label} minus the published schools → ${f.recovered.toFixed(6)} (true ${f.truth.toFixed(6)})`);
      const cells = new Set(found.map((f) => f.key)).size;
      expect(found, `${edition.name} edition: ${found.length} subtractions recover ${cells} school values:\n${lines.slice(0, 30).join("\n")}${lines.length > 30 ? `\n  … and ${lines.length - 30} more` : ""}`).toEqual([]);
    }
  });

  it("no unpublished school cell lies in the row space of the published cells", () => {
    for (const report of reports.values()) {
      expect(report.recovered, `${summary(report)}:\n${describeRecoveries(report.recovered)}`).toEqual([]);
    }
  });

  it("the public edition carries no per-school exam or value-added value in any file", async (ctx) => {
    const edition = editions.find((e) => e.name === "public");
    if (!edition) ctx.skip(`no published/public in ${out}: the output has one edition (${editions.map((e) => e.dir).join(", ")}); this test runs once the public edition exists`);
    const found = await perSchoolExamValues(edition!.dir);
    expect(found, `public edition files with per-school exam or value-added values:\n${found.join("\n")}`).toEqual([]);
    // and no school, published or not, can be isolated from its aggregates (every school is a target there)
    const report = reports.get("public")!;
    expect(report.publishedSchoolCells).toBe(0);
    expect(report.recovered, `${summary(report)}:\n${describeRecoveries(report.recovered)}`).toEqual([]);
  });
});
