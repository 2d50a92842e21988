// `junheng demo`: writes a deterministic demo input (every file of the contract for PERIODS) plus
// truth.json, junheng.config.json and the JUNHENG_DEMO.json marker (ingest/demo-marker.ts). Generation
// happens in DuckDB; JavaScript only loops over periods.
import {mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {Db} from "../db.js";
import {writeDemoMarker} from "../ingest/demo-marker.js";
import {lit} from "../sql.js";
import {buildTables} from "./build.js";
import {FILE_ORDER, fileQuery, isWritten, periodInfo, type DemoFile} from "./files.js";
import {writeMessyFile, type BrokenRow} from "./messy.js";
import {PERIODS, SCALES, THRESHOLDS, type Scale} from "./model.js";
import {collectTruth} from "./truth.js";

export interface DemoOptions {
  scale: Scale;
  seed: number;
  out: string;
  messy?: boolean;
  /** replicate this many template counties instead of the scale's number (8 groups each; the benchmark's 300+-group city) */
  counties?: number;
  /** restrict to these periods (all of PERIODS by default) */
  periods?: readonly string[];
  /** called with one line per step */
  progress?: (line: string) => void;
}

export interface WrittenFile {
  period: string;
  file: DemoFile;
  path: string;
  rows: number;
  bytes: number;
}

export interface DemoSummary {
  scale: Scale;
  seed: number;
  out: string;
  messy: boolean;
  files: WrittenFile[];
  brokenRows: BrokenRow[];
  seconds: number;
}

export async function generateDemo(options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const say = options.progress ?? (() => {});
  const periods = options.periods ?? PERIODS;
  const work = mkdtempSync(join(tmpdir(), "junheng-demo-"));
  const db = await Db.open(":memory:", {threads: 2, memoryLimit: "3GB", tempDirectory: join(work, "spill")});
  try {
    say(`building ${options.scale} tables (seed ${options.seed})`);
    const spec = options.counties ? {...SCALES[options.scale], counties: options.counties} : SCALES[options.scale];
    await buildTables(db, options.seed, spec);
    mkdirSync(options.out, {recursive: true});
    const files: WrittenFile[] = [];
    const brokenRows: BrokenRow[] = [];
    for (const period of periods) {
      const p = periodInfo(period);
      mkdirSync(join(options.out, period), {recursive: true});
      for (const file of FILE_ORDER) {
        if (!isWritten(file, period)) continue;
        const query = fileQuery(file, p);
        const rows = (await db.one<{n: number}>(`select count(*)::integer as n from (${query})`)).n;
        // event files exist only where something happened; snapshot files are written even when empty
        if (rows === 0 && (file === "exchanges" || file === "exams" || file === "scores")) continue;
        const path = join(options.out, period, `${file}.csv`);
        if (options.messy) brokenRows.push(...(await writeMessyFile(db, {file, period, query, path, rows, seed: options.seed, work, planted: brokenRows.filter((b) => b.file === `${file}.csv`).length})));
        else await db.run(`copy (${query}) to ${lit(path)} (header, delimiter ',')`);
        files.push({period, file, path, rows, bytes: statSync(path).size});
      }
      say(`${period}: ${files.filter((f) => f.period === period).map((f) => `${f.file} ${f.rows}`).join(", ")}`);
    }
    const meta = {scale: options.scale, seed: options.seed, periods, messy: Boolean(options.messy), counties: spec.counties};
    say("computing truth.json");
    writeJson(join(options.out, "truth.json"), await collectTruth(db, meta));
    writeJson(join(options.out, "junheng.config.json"), demoConfig(options.scale));
    if (options.messy) writeJson(join(options.out, "messy.json"), {note: MESSY_NOTE, broken_rows: brokenRows});
    // JUNHENG_DEMO.json: the files' hashes, so the public demo key runs on these files and nothing else
    writeDemoMarker(options.out, files.map((f) => `${f.period}/${f.file}.csv`), {tool: "junheng demo", scale: options.scale, seed: options.seed, messy: Boolean(options.messy), counties: spec.counties});
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    say(`done in ${seconds} s: ${files.length} files, ${files.reduce((n, f) => n + f.rows, 0)} rows`);
    return {scale: options.scale, seed: options.seed, out: options.out, messy: Boolean(options.messy), files, brokenRows, seconds};
  } finally {
    db.close();
    rmSync(work, {recursive: true, force: true});
  }
}

const MESSY_NOTE =
  "Rows planted to be rejected. line is a text-editor line number (header = line 1); every other row means exactly " +
  "what the clean variant's row means. For duplicate_key the listed line is the later copy.";

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value, null, 1) + "\n");
}

// The shape pipelines/models/config.ts reads: thresholds by section, then indicator.
function demoConfig(scale: Scale) {
  const bySection = (section: "primary" | "junior") =>
    Object.fromEntries(Object.entries(THRESHOLDS).map(([indicator, t]) => [indicator, t[section]]));
  return {
    region_name: scale === "county" || scale === "tiny" ? "甘州区（示例数据）" : "示例省（示例数据）",
    min_n: 10,
    targets: {
      coverage_share: 1.0,
      coverage_deadline: "2026-12-31",
      // 甘州区 plan: ≥ 5% of all 专任教师 a year, exchanged within the group (the exchange basis below);
      // 北碚区: urban → rural ≥ 15% of eligible urban teachers
      exchange_rate: 0.05,
      exchange_backbone_share: 0.2,
      exchange_urban_rural: 0.15,
      cv_primary: 0.5,
      cv_junior: 0.45
    },
    indicator_thresholds: {primary: bySection("primary"), junior: bySection("junior")},
    exchange: {denominator: "full_time", scope: "within_group", include_shadow: false, schools: "compulsory_public", urban_rural_denominator: "eligible"},
    score_bands: {excellent: 0.85, pass: 0.6, low: 0.4}
  };
}
