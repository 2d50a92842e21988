// Writes every mart to <build>/published as Parquet and CSV (UTF-8 with BOM, so Excel opens the
// Chinese correctly) for people, and Arrow IPC for the site and the explorer; ordered by the model's key
// so that two runs give identical files.
import {createHash} from "node:crypto";
import {createReadStream, createWriteStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";

import {pipeline} from "node:stream/promises";
import {join} from "node:path";
import type {Db} from "./db.js";
import {queryToArrowIpc} from "./arrow.js";
import {ident, lit} from "./sql.js";
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

export async function publishMarts(db: Db, marts: readonly Model[], dir: string): Promise<PublishedTable[]> {
  mkdirSync(dir, {recursive: true});
  const tables: PublishedTable[] = [];
  for (const model of marts) {
    const order = model.key.length > 0 ? `order by ${model.key.map(ident).join(", ")}` : "";
    const query = `select * from ${model.name} ${order}`;
    const parquet = join(dir, `${model.name}.parquet`);
    const csv = join(dir, `${model.name}.csv`);
    await db.run(`copy (${query}) to ${lit(parquet)} (format parquet, compression zstd, row_group_size 100000)`);
    const plainCsv = `${csv}.plain`;
    await db.run(`copy (${query}) to ${lit(plainCsv)} (format csv, header true)`);
    await withBom(plainCsv, csv);
    const arrow = join(dir, `${model.name}.arrow`);
    writeFileSync(arrow, await queryToArrowIpc(db, query));
    const [count] = await db.all<{n: number}>(`select count(*)::integer as n from ${model.name}`);
    tables.push({
      table: model.name,
      rows: count?.n ?? 0,
      grain: model.grain,
      key: model.key,
      files: [describe(parquet, `${model.name}.parquet`), describe(csv, `${model.name}.csv`), describe(arrow, `${model.name}.arrow`)]
    });
  }
  return tables;
}

async function withBom(from: string, to: string): Promise<void> {
  const out = createWriteStream(to);
  out.write("\ufeff");
  await pipeline(createReadStream(from), out);
  rmSync(from);
}

export function describe(path: string, name: string): PublishedFile {
  return {file: name, bytes: statSync(path).size, sha256: sha256File(path)};
}

export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Rejects go beside the warehouse, never into published/: they name lines of the bureau's files. */
export async function writeRejects(db: Db, query: string, path: string): Promise<void> {
  const plain = `${path}.plain`;
  await db.run(`copy (${query}) to ${lit(plain)} (format csv, header true)`);
  await withBom(plain, path);
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value, null, 2) + "\n");
}

