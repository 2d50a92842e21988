// The report's input: one edition's published folder (<out>/published/<edition>/), nothing else — so the
// public report can show only what the public edition holds (docs/editions.md). Tables are read by column
// name from their Parquet files; a table the edition left out is simply absent.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {Db} from "../db.js";
import {UsageError} from "../errors.js";
import {EDITIONS, type Edition} from "../editions.js";
import {parseConfig, type JunhengConfig} from "../models/config.js";
import {lit} from "../sql.js";

export type Row = Record<string, unknown>;

export interface ReportInput {
  edition: Edition;
  config: JunhengConfig;
  /** the edition's manifest.json (periods, as_of_date, run, left_out, disclosure) */
  manifest: {
    edition: Edition;
    periods: string[];
    as_of_date: string;
    run: {started_at: string; finished_at: string};
    published: {table: string; rows: number}[];
    left_out?: {tables: {table: string}[]; columns: {table: string; columns: string[]}[]; rows: {table: string}[]};
    /** what changed since the previous release of this edition (pipelines/revisions.ts RevisionsSummary) */
    revisions?: {
      first_release: boolean;
      previous: {as_of_date: string | null; version: string | null} | null;
      inputs: {changed: string[]; added: string[]; removed: string[]};
      earlier: number;
      by_table: Record<string, {earlier: number}>;
    };
  };
  /** table → rows, for every table the edition published */
  tables: Record<string, Row[]>;
}

export function checkEdition(edition: string): Edition {
  if (!(EDITIONS as readonly string[]).includes(edition)) {
    throw new UsageError(`--edition 应为 public（公开版）或 internal（内部版）：${edition}`, `--edition must be public or internal: ${edition}`);
  }
  return edition as Edition;
}

/** <out>/published/<edition>/, or a bilingual error saying what to run first */
export function editionDir(out: string, edition: Edition): string {
  const dir = join(out, "published", edition);
  if (!existsSync(join(dir, "manifest.json"))) {
    throw new UsageError(
      `${out} 中没有 published/${edition}/manifest.json：请先运行 junheng run --out ${out}`,
      `${out} has no published/${edition}/manifest.json: run junheng run --out ${out} first`
    );
  }
  return dir;
}

export async function readEdition(out: string, edition: Edition): Promise<ReportInput> {
  const dir = editionDir(out, edition);
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as ReportInput["manifest"];
  const config = parseConfig(JSON.parse(readFileSync(join(dir, "config.json"), "utf8")));
  const db = await Db.open(":memory:", {threads: 1});
  const tables: Record<string, Row[]> = {};
  try {
    for (const {table} of manifest.published) {
      const file = join(dir, `${table}.parquet`);
      if (table === "config" || !existsSync(file)) continue;
      tables[table] = await db.all<Row>(`select * from read_parquet(${lit(file)})`);
    }
  } finally {
    db.close();
  }
  return {edition, config, manifest, tables};
}
