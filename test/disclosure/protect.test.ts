// Disclosure control (docs/metrics.md "Disclosure control / 披露控制"): primary, few-schools and complementary
// suppression by protectEdition, judged by an attacker written apart from the audit (attack.ts) and by cases
// worked on paper.
import {copyFileSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {Db} from "../../pipelines/db.js";
import {protectEdition} from "../../pipelines/disclosure/protect.js";
import {garbageBound} from "../../pipelines/memory.js";
import {TIMEOUT} from "../helpers.js";
import {demoOutput} from "../demo-run.js";
import {attack, truth} from "./attack.js";
import {editionRelations, protectedCity, type CitySchool} from "./city.js";

const PINGSHANHU = "2162000044"; // 甘州区平山湖蒙古族乡中心学校, fewer than 10 students in each district exam

/** recoveries that hit a true value (to 1e-9) of a school whose row the relation suppresses */
async function leaks(db: Db, tables: Record<string, string>, suppressedOnly = true) {
  const real = await truth(db);
  const found = (await attack(db, tables)).filter((r) => Math.abs(r.mean - real.get(`${r.component}/${r.school_id}`)!) < 1e-9);
  if (!suppressedOnly) return found;
  const suppressed = new Set<string>();
  if (tables.exam_school) {
    for (const r of await db.all<{k: string}>(`select exam_id || '|' || subject || '/' || school_id as k from ${tables.exam_school} where is_suppressed`)) suppressed.add(r.k);
  }
  if (tables.value_added_school) {
    for (const r of await db.all<{k: string}>(
      `select prior_exam_id || '|' || exam_id || '|' || subject || '/' || school_id as k from ${tables.value_added_school} where is_suppressed`
    )) {
      suppressed.add(r.k);
    }
  }
  return found.filter((r) => suppressed.has(`${r.component}/${r.school_id}`));
}

describe("the demo", () => {
  let dir: string;
  let warehouse: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "junheng-disclosure-"));
    // the real pipeline's run of data/demo, shared with the other files that read it (test/demo-run.ts)
    const out = await demoOutput();
    warehouse = join(dir, "warehouse.duckdb");
    copyFileSync(join(out, "warehouse.duckdb"), warehouse);
    rmSync(dirname(out), {recursive: true, force: true});
  }, TIMEOUT.test);
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it("leaks by subtraction before protection (the attack works)", async () => {
    const db = await Db.open(warehouse);
    try {
      const tables = await editionRelations(db, "internal");
      const found = await leaks(db, tables);
      const exams = found.filter((r) => r.school_id === PINGSHANHU && r.component.split("|").length === 2);
      const va = found.filter((r) => r.school_id === PINGSHANHU && r.component.split("|").length === 3);
      expect(exams).toHaveLength(8);
      expect(va).toHaveLength(6);
      const math = exams.find((r) => r.component === "QK000-202501-A|数学")!;
      expect(math.mean).toBeCloseTo(-1.178963, 5);
    } finally {
      db.close();
    }
  }, TIMEOUT.test);

  it("chooses the same complements whatever order the relations hold their rows in (several threads build them in any), and whatever the garbage collector does between its systems", async () => {
    const db = await Db.open(warehouse);
    try {
      const outcome = async (shuffle: boolean, betweenComponents?: () => void) => {
        const tables = await editionRelations(db, "internal");
        if (shuffle) {
          // the same rows, their rowids in another order
          for (const relation of Object.values(tables)) {
            await db.run(`create or replace temp table ${relation} as select * from ${relation} order by md5(cast(columns(*) as varchar)::varchar) desc`);
          }
        }
        await protectEdition(db, {edition: "internal", tables, settings: {min_n: 10}, betweenComponents});
        const rows: Record<string, unknown[]> = {};
        for (const [mart, relation] of Object.entries(tables)) rows[mart] = await db.all(`select * from ${relation} order by all`);
        return rows;
      };
      const first = await outcome(false);
      const second = await outcome(true);
      for (const mart of Object.keys(first)) expect(second[mart], mart).toEqual(first[mart]);
      // run.ts's bound on the audit's garbage (pipelines/memory.ts), here collecting at every call
      const collectEveryTime = garbageBound(0);
      let calls = 0;
      const third = await outcome(false, () => {
        calls += 1;
        collectEveryTime();
      });
      expect(calls, "called after each round and each system").toBeGreaterThan(1);
      for (const mart of Object.keys(first)) expect(third[mart], mart).toEqual(first[mart]);
    } finally {
      db.close();
    }
  }, TIMEOUT.test);

  it("internal edition: nothing suppressed comes back, no n on suppressed rows, and a second audit adds nothing", async () => {
    const db = await Db.open(warehouse);
    try {
      const tables = await editionRelations(db, "internal");
      const report = await protectEdition(db, {edition: "internal", tables, settings: {min_n: 10}});
      expect(report.exposed).toBe(0);
      expect(report.by_table.exam_school!.primary).toBe(8);
      expect(report.by_table.value_added_school!.primary).toBe(6);
      expect(report.complementary).toBeGreaterThan(0);
      expect(await leaks(db, tables)).toEqual([]);
      const withN = await db.all(
        `select * from ${tables.exam_school} where is_suppressed and (n_students is not null or mean_z is not null or suppression is null)`
      );
      expect(withN).toEqual([]);
      const pingshanhu = await db.all<{suppression: string}>(`select distinct suppression from ${tables.exam_school} where school_id = '${PINGSHANHU}'`);
      expect(pingshanhu).toEqual([{suppression: "primary"}]);
      // the protected relations audit clean: protecting them again suppresses nothing more
      const again = await protectEdition(db, {edition: "internal", tables, settings: {min_n: 10}});
      expect(again.complementary).toBe(report.complementary);
      console.log(`demo internal: ${report.cells_checked} cells checked, ${report.primary} primary, ${report.complementary} complementary`);
    } finally {
      db.close();
    }
  }, TIMEOUT.test);

  it("public edition: no school's value comes back from any aggregate", async () => {
    const db = await Db.open(warehouse);
    try {
      const tables = await editionRelations(db, "public");
      const report = await protectEdition(db, {edition: "public", tables, settings: {min_n: 10}});
      expect(report.exposed).toBe(0);
      expect(report.few_schools).toBeGreaterThan(0);
      expect(await leaks(db, tables, false)).toEqual([]);
      console.log(
        `demo public: ${report.cells_checked} cells checked, ${report.primary} primary, ${report.few_schools} few_schools, ${report.complementary} complementary`
      );
    } finally {
      db.close();
    }
  }, TIMEOUT.test);
});

describe("cases worked on paper", () => {
  it("three rural schools, one small: the next smallest is suppressed beside it, nothing else", async () => {
    // rural side of county A = {R1 (5), R2 (30), R3 (50)}; U is urban. R1 = rural − R2 − R3 until R2 goes.
    const schools: CitySchool[] = [{id: "U", n: 100, locality: "urban"}, {id: "R1", n: 5}, {id: "R2", n: 30}, {id: "R3", n: 50}];
    const {db, report, tables} = await protectedCity(schools, [], "internal", ["exam_school", "urban_rural_gap"]);
    try {
      const rows = await db.all<{exam_id: string; school_id: string; suppression: string | null}>(
        `select exam_id, school_id, suppression from ${tables.exam_school} order by exam_id, school_id`
      );
      const e1 = rows.filter((r) => r.exam_id === "E1");
      expect(e1.map((r) => [r.school_id, r.suppression])).toEqual([["R1", "primary"], ["R2", "complementary"], ["R3", null], ["U", null]]);
      expect(report.by_table.urban_rural_gap!.complementary).toBe(0);
      expect(report.complementary).toBe(2); // R2 in each of the two exams
      expect(await leaks(db, tables)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("lead − members: the members' side and the group's value together give the small member unless another goes", async () => {
    // G = {L lead 40, M1 6, M2 30}; O1, O2 outside. M1 = G − L − M2; with lead − members published the members'
    // sum M1 + M2 is published too. Suppressing M2 (the next smallest school recovering M1) leaves M1 + M2 only.
    const schools: CitySchool[] = [
      {id: "L", n: 40, locality: "urban"},
      {id: "M1", n: 6},
      {id: "M2", n: 30},
      {id: "O1", n: 50, locality: "urban"},
      {id: "O2", n: 60}
    ];
    const {db, tables} = await protectedCity(schools, [{id: "G", lead: "L", members: ["M1", "M2"]}], "internal", ["value_added_school", "value_added_group"]);
    try {
      const va = await db.all<{school_id: string; suppression: string | null}>(`select school_id, suppression from ${tables.value_added_school} order by school_id`);
      expect(va).toEqual([
        {school_id: "L", suppression: null},
        {school_id: "M1", suppression: "primary"},
        {school_id: "M2", suppression: "complementary"},
        {school_id: "O1", suppression: null},
        {school_id: "O2", suppression: null}
      ]);
      const group = await db.all(`select suppression, lead_minus_members_suppression, lead_minus_members is not null as lmm from ${tables.value_added_group}`);
      expect(group).toEqual([{suppression: null, lead_minus_members_suppression: null, lmm: true}]);
      expect(await leaks(db, tables)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("a school in two groups: the chain through both groups and Σ residuals = 0 needs three complements", async () => {
    // G8 = {S lead, T 5}; G2 = {P lead 100, S 40, Q 20, R 60}; O 70 outside. Round 1: T = G8 − S → S.
    // Round 2: S = G2 − P − Q − R → Q (smallest of P, Q, R). Round 3: T = (Σ all = 0 − P − R − O) − (G2 − P − R)
    // → O (the only school left in that combination). Then S, T, Q, O satisfy three sums in four unknowns.
    const schools: CitySchool[] = [
      {id: "P", n: 100, locality: "urban"},
      {id: "S", n: 40, locality: "urban"},
      {id: "T", n: 5},
      {id: "Q", n: 20},
      {id: "R", n: 60},
      {id: "O", n: 70}
    ];
    const groups = [
      {id: "G2", lead: "P", members: ["S", "Q", "R"]},
      {id: "G8", lead: "S", members: ["T"]}
    ];
    const {db, tables} = await protectedCity(schools, groups, "internal", ["value_added_school", "value_added_group"]);
    try {
      const va = await db.all<{school_id: string; suppression: string | null}>(
        `select school_id, suppression from ${tables.value_added_school} where suppression is not null order by school_id`
      );
      expect(va).toEqual([
        {school_id: "O", suppression: "complementary"},
        {school_id: "Q", suppression: "complementary"},
        {school_id: "S", suppression: "complementary"},
        {school_id: "T", suppression: "primary"}
      ]);
      expect(await leaks(db, tables)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("public edition: a group of two schools is not published (few_schools); a group of three is", async () => {
    const schools: CitySchool[] = [
      {id: "A", n: 40, locality: "urban"},
      {id: "B", n: 40},
      {id: "C", n: 30, locality: "urban"},
      {id: "D", n: 30},
      {id: "E", n: 30},
      {id: "F", n: 50, locality: "town"},
      {id: "H", n: 50, locality: "town"}
    ];
    const groups = [
      {id: "G1", lead: "A", members: ["B"]},
      {id: "G2", lead: "C", members: ["D", "E"]}
    ];
    const {db, report, tables} = await protectedCity(schools, groups, "public", ["value_added_group"]);
    try {
      const rows = await db.all<{exam_id: string; group_id: string; suppression: string | null; va: number | null}>(
        `select exam_id, group_id, suppression, va from ${tables.value_added_group} order by group_id`
      );
      expect(rows.map((r) => [r.group_id, r.suppression, r.va === null])).toEqual([
        ["G1", "few_schools", true],
        ["G2", null, false]
      ]);
      expect(report.few_schools).toBe(1);
      expect(report.complementary).toBe(0);
      expect(await leaks(db, tables, false)).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe("a generated city with many small rural schools", () => {
  // 6 counties × (2 urban schools of 120–160, 2 town of 40–60, 14 rural of 3–32 students); groups of a
  // lead and four members across localities
  const schools: CitySchool[] = [];
  const groups: {id: string; lead: string; members: string[]}[] = [];
  for (let c = 0; c < 6; c++) {
    const county = `C${c}`;
    const ids: string[] = [];
    for (let i = 0; i < 18; i++) {
      const id = `${county}S${String(i).padStart(2, "0")}`;
      const locality = i < 2 ? "urban" : i < 4 ? "town" : "rural";
      const n = i < 2 ? 120 + 20 * i : i < 4 ? 40 + 10 * (i - 2) : 3 + ((i * 7 + c * 5) % 30);
      schools.push({id, n, county, locality});
      ids.push(id);
    }
    groups.push({id: `${county}G0`, lead: ids[0]!, members: [ids[2]!, ids[4]!, ids[5]!, ids[6]!]});
    groups.push({id: `${county}G1`, lead: ids[1]!, members: [ids[3]!, ids[7]!, ids[8]!, ids[9]!]});
    groups.push({id: `${county}G2`, lead: ids[10]!, members: [ids[11]!, ids[12]!]});
  }

  for (const edition of ["internal", "public"] as const) {
    it(`${edition} edition: 0 exposed, and the attack recovers nothing suppressed`, async () => {
      const {db, report, tables} = await protectedCity(schools, groups, edition);
      try {
        expect(report.exposed).toBe(0);
        expect(report.primary + report.few_schools).toBeGreaterThan(0);
        expect(await leaks(db, tables, edition === "internal")).toEqual([]);
        const again = await protectEdition(db, {edition, tables, settings: {min_n: 10}});
        expect(again.complementary).toBe(report.complementary);
        console.log(
          `generated city (${schools.length} schools) ${edition}: ${report.cells_checked} cells checked, ${report.primary} primary, ` +
            `${report.few_schools} few_schools, ${report.complementary} complementary`
        );
      } finally {
        db.close();
      }
    }, TIMEOUT.test);
  }
});
