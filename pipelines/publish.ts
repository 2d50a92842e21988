// Writes each mart (or an edition's rows of it) to a folder of <build>/published as Parquet and CSV (UTF-8 with BOM, so Excel opens the
// Chinese correctly) for people, and Arrow IPC for the site and the explorer; ordered by the model's key
// so that two runs give identical files.
import {createHash} from "node:crypto";
import {copyFileSync, createReadStream, createWriteStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";

import {pipeline} from "node:stream/promises";
import {join} from "node:path";
import type {Db} from "./db.js";
import {queryToArrow} from "./arrow.js";
import {describeAll, ident, lit, type DescribedColumn} from "./sql.js";
import {neutraliseSql} from "./csv-rule.js";
import type {Model} from "./models/runner.js";

export interface PublishedFile {
  file: string;
  bytes: number;
  sha256: string;
}

export interface PublishedTable {
  table: string;
  rows: number;
  grain: string;
  key: string[];
  files: PublishedFile[];
}

/** A relation to publish under a mart's name: the mart itself, or an edition's rows of it (pipelines/editions.ts). */
export interface PublishSource {
  name: string;
  relation: string;
  grain: string;
  key: string[];
}

export async function publishMarts(db: Db, marts: readonly Model[], dir: string): Promise<PublishedTable[]> {
  return publishRelations(db, marts.map((model) => ({name: model.name, relation: model.name, grain: model.grain, key: model.key})), dir);
}

/** A table another folder already holds, written from a relation with the same rows and columns (run.ts). */
export interface WrittenTable {
  dir: string;
  table: PublishedTable;
}

/**
 * Each relation as <dir>/<name>.parquet, .csv and .arrow, ordered by its key. A name in `same` was written
 * already, from a relation with the same rows and columns (the other edition's, where neither the plan nor
 * the disclosure step makes them differ): its files are copied, byte for byte, not written again.
 */
export async function publishRelations(db: Db, sources: readonly PublishSource[], dir: string, same: ReadonlyMap<string, WrittenTable> = new Map()): Promise<PublishedTable[]> {
  mkdirSync(dir, {recursive: true});
  // every relation's columns in one statement (one `describe` each would cost a few ms apiece)
  const columns = await describeRelations(db, sources.filter(({name}) => !same.has(name)).map(({relation}) => relation));
  const tables: PublishedTable[] = [];
  for (const {name, relation, grain, key} of sources) {
    const written = same.get(name);
    if (written) {
      for (const file of written.table.files) copyFileSync(join(written.dir, file.file), join(dir, file.file));
      tables.push({...written.table, files: written.table.files.map((file) => ({...file}))});
      continue;
    }
    const order = key.length > 0 ? `order by ${key.map(ident).join(", ")}` : "";
    const query = `select * from ${relation} ${order}`;
    // the CSV's rows in the same order as the Parquet's, sorted by the true text before any ' is added
    const csvOrder = key.length > 0 ? `order by ${key.map((column) => `${relation}.${ident(column)}`).join(", ")}` : "";
    const parquet = join(dir, `${name}.parquet`);
    const csv = join(dir, `${name}.csv`);
    await db.run(`copy (${query}) to ${lit(parquet)} (format parquet, compression zstd, row_group_size 100000)`);
    const plainCsv = `${csv}.plain`;
    await db.run(`copy (${safeSelect(columns.get(relation)!, relation)} ${csvOrder}) to ${lit(plainCsv)} (format csv, header true)`);
    await withBom(plainCsv, csv);
    const arrow = join(dir, `${name}.arrow`);
    // the Arrow file holds every row: its length is the table's count (no count(*) statement)
    const {ipc, rows} = await queryToArrow(db, query);
    writeFileSync(arrow, ipc);
    tables.push({
      table: name,
      rows,
      grain,
      key,
      files: [describe(parquet, `${name}.parquet`), describe(csv, `${name}.csv`), describe(arrow, `${name}.arrow`)]
    });
  }
  return tables;
}

async function withBom(from: string, to: string): Promise<void> {
  if (statSync(from).size <= SMALL_FILE_BYTES) {
    // a small file in one read and one write: a stream's open, chunks and close cost more than the copy
    writeFileSync(to, Buffer.concat([BOM, readFileSync(from)]));
  } else {
    const out = createWriteStream(to);
    out.write(BOM);
    await pipeline(createReadStream(from), out);
  }
  rmSync(from);
}

const BOM = Buffer.from("\ufeff");
const SMALL_FILE_BYTES = 8 * 1024 * 1024;

export function describe(path: string, name: string): PublishedFile {
  return {file: name, bytes: statSync(path).size, sha256: sha256File(path)};
}

export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/**
 * `select … from <relation>` with every VARCHAR column through the CSV formula rule (csv-rule.ts):
 * a CSV is opened by spreadsheets, which run `=…` cells. Parquet and Arrow keep the true text.
 */
export async function csvSafeSelect(db: Db, relation: string): Promise<string> {
  return safeSelect((await describeRelations(db, [relation])).get(relation)!, relation);
}

function safeSelect(columns: readonly DescribedColumn[], relation: string): string {
  const list = columns.map(({column_name: name, column_type: type}) =>
    type === "VARCHAR" ? `${neutraliseSql(ident(name))} as ${ident(name)}` : ident(name)
  );
  return `select ${list.join(", ")} from ${relation}`;
}

/** The columns of each relation (as `describe` gives them, in order), all in one statement. */
async function describeRelations(db: Db, relations: readonly string[]): Promise<Map<string, DescribedColumn[]>> {
  const described = await describeAll(db, relations);
  return new Map(relations.map((relation, i) => [relation, described[i]!]));
}

/** Rejects go beside the warehouse, never into published/: they name lines of the bureau's files. */
export async function writeRejects(db: Db, query: string, path: string): Promise<void> {
  const plain = `${path}.plain`;
  await db.run(`create or replace temp table rejects_export as ${query}`);
  // rowid keeps the export query's order through the neutralising select
  await db.run(`copy (${await csvSafeSelect(db, "rejects_export")} order by rowid) to ${lit(plain)} (format csv, header true)`);
  await db.run("drop table rejects_export");
  await withBom(plain, path);
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value, null, 2) + "\n");
}

