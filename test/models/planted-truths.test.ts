// Planted truths: on the generated demo, the estimates recover what the generator planted.
// Needs pipelines/run.ts (runPipeline) and data/demo/truth.json from the demo generator; skipped until both exist.
//
// Assumed truth.json shape (align with pipelines/demo/generate.ts):
//   {
//     "value_added": [{"school_id": "...", "subject"?: "...", "va": 0.12}],           // school effect, z units
//     "urban_rural_gap": [{"exam_id"?: "...", "subject"?: "...", "scope": "county"|"all", "scope_id": "...", "gap": -0.3}],
//     "exchange_rate": [{"school_year"?: "2025-2026", "scope": "county"|"group"|"school", "scope_id": "...", "rate": 0.1}]
//   }
import {existsSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {Db} from "../../pipelines/db.js";

const RUN_MODULE = "../../pipelines/run.js";
const TRUTH = "data/demo/truth.json";
const ready = existsSync(new URL("../../pipelines/run.ts", import.meta.url)) && existsSync(TRUTH);

interface Truth {
  value_added?: {school_id: string; subject?: string; va: number}[];
  urban_rural_gap?: {exam_id?: string; subject?: string; scope: string; scope_id: string; gap: number}[];
  exchange_rate?: {school_year?: string; scope: string; scope_id: string; rate: number}[];
}

let out = "";
let db: Db | undefined;
let truth: Truth = {};
const published = (table: string) => `read_parquet('${join(out, "published", `${table}.parquet`)}')`;

beforeAll(async () => {
  if (!ready) return;
  out = mkdtempSync(join(tmpdir(), "junheng-truth-"));
  const {runPipeline} = (await import(RUN_MODULE)) as {runPipeline: (options: {input: string; out: string; demoKey: boolean}) => Promise<unknown>};
  await runPipeline({input: "data/demo", out, demoKey: true});
  truth = JSON.parse(readFileSync(TRUTH, "utf8")) as Truth;
  db = await Db.open();
}, 300_000);
afterAll(() => {
  db?.close();
  if (out) rmSync(out, {recursive: true, force: true});
});

function correlation(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe.skipIf(!ready)("planted truths on the demo", () => {
  it("recovers the school value-added effects", async () => {
    const rows = await db!.all<{school_id: string; subject: string; va: number; ci_low: number; ci_high: number}>(
      `select school_id, subject, va, ci_low, ci_high from ${published("value_added_school")} where va is not null`
    );
    const planted = truth.value_added ?? [];
    const pairs = rows.flatMap((row) => {
      const match = planted.find((t) => t.school_id === row.school_id && (t.subject === undefined || t.subject === row.subject));
      return match ? [{row, va: match.va}] : [];
    });
    expect(pairs.length).toBeGreaterThan(10);
    const inside = pairs.filter(({row, va}) => va >= row.ci_low && va <= row.ci_high).length / pairs.length;
    const r = correlation(pairs.map((p) => p.row.va), pairs.map((p) => p.va));
    console.log(`value-added: ${pairs.length} school estimates, ${(inside * 100).toFixed(1)}% of 95% intervals hold the planted effect, r = ${r.toFixed(3)}`);
    expect(inside).toBeGreaterThan(0.85); // 95% nominal; the fitted slope and centring take a little
    expect(r).toBeGreaterThan(0.6);
  });

  it("recovers the urban–rural gap", async () => {
    const rows = await db!.all<{exam_id: string; subject: string; scope: string; scope_id: string; gap: number; ci_low: number; ci_high: number}>(
      `select exam_id, subject, scope, scope_id, gap, ci_low, ci_high from ${published("urban_rural_gap")}
       where comparison = 'urban_rural' and gap is not null and scope in ('county', 'all')`
    );
    const planted = truth.urban_rural_gap ?? [];
    const pairs = rows.flatMap((row) => {
      const match = planted.find(
        (t) => t.scope === row.scope && t.scope_id === row.scope_id && (t.exam_id ?? row.exam_id) === row.exam_id && (t.subject ?? row.subject) === row.subject
      );
      return match ? [{row, gap: match.gap}] : [];
    });
    expect(pairs.length).toBeGreaterThan(0);
    const inside = pairs.filter(({row, gap}) => gap >= row.ci_low && gap <= row.ci_high).length / pairs.length;
    console.log(`urban–rural gap: ${pairs.length} estimates, ${(inside * 100).toFixed(1)}% of 95% intervals hold the planted gap`);
    expect(inside).toBeGreaterThan(0.8);
  });

  it("recovers the planted exchange rates", async () => {
    const rows = await db!.all<{school_year: string; scope: string; scope_id: string; n_eligible: number; exchange_rate: number}>(
      `select school_year, scope, scope_id, n_eligible, exchange_rate from ${published("teacher_exchange")} where n_eligible > 0`
    );
    const planted = truth.exchange_rate ?? [];
    const pairs = rows.flatMap((row) => {
      const match = planted.find((t) => t.scope === row.scope && t.scope_id === row.scope_id && (t.school_year ?? row.school_year) === row.school_year);
      return match ? [{row, rate: match.rate}] : [];
    });
    expect(pairs.length).toBeGreaterThan(0);
    // binomial 95% interval around the planted rate
    const inside = pairs.filter(({row, rate}) => Math.abs(row.exchange_rate - rate) <= 1.96 * Math.sqrt((rate * (1 - rate)) / row.n_eligible) + 1e-9).length / pairs.length;
    console.log(`exchange: ${pairs.length} rates, ${(inside * 100).toFixed(1)}% within the binomial 95% interval of the planted rate`);
    expect(inside).toBeGreaterThan(0.85);
  });
});
