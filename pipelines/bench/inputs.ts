// The benchmark's inputs: demo scales generated once and cached under .bench/, and GBK copies of them.
import {createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync} from "node:fs";
import {createHash} from "node:crypto";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {pipeline} from "node:stream/promises";
import iconv from "iconv-lite";
import {PERIOD_PATTERN} from "../contract.js";

/** Every period's CSV files under an input folder, in the order the ingest reads them. */
export function inputCsvFiles(input: string): string[] {
  const files: string[] = [];
  for (const period of readdirSync(input).sort()) {
    if (!PERIOD_PATTERN.test(period) || !statSync(join(input, period)).isDirectory()) continue;
    for (const entry of readdirSync(join(input, period)).sort()) {
      if (entry.toLowerCase().endsWith(".csv")) files.push(join(input, period, entry));
    }
  }
  return files;
}

export function inputBytes(input: string): number {
  return inputCsvFiles(input).reduce((sum, file) => sum + statSync(file).size, 0);
}

interface Marker {
  kind: string;
  seed: number;
  [key: string]: unknown;
}

function readMarker(dir: string): Marker | undefined {
  const path = `${dir}.json`;
  if (!existsSync(path) || !existsSync(dir)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Marker;
  } catch {
    return undefined;
  }
}

function sameMarker(a: Marker | undefined, b: Marker): boolean {
  return a !== undefined && JSON.stringify({...a, seconds: 0}) === JSON.stringify({...b, seconds: 0});
}

/** A hash of the generator's source: a cached input made by another version of it is made again. */
function generatorHash(): string {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "demo");
  const hash = createHash("sha256");
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".ts")).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest("hex").slice(0, 16);
}

/**
 * The demo input for a scale, generated with `junheng demo` unless the cache (.bench/<name> plus the
 * marker .bench/<name>.json naming what it holds) already has it. Returns the folder and the seconds
 * generation took (0 when cached).
 */
export async function ensureDemo(
  root: string,
  name: string,
  args: {scale: string; seed: number; extra?: string[]},
  run: (argv: string[]) => Promise<void>
): Promise<{dir: string; seconds: number}> {
  const dir = join(root, name);
  const wanted: Marker = {kind: "demo", seed: args.seed, scale: args.scale, extra: args.extra ?? [], generator: generatorHash()};
  if (sameMarker(readMarker(dir), wanted)) return {dir, seconds: 0};
  rmSync(dir, {recursive: true, force: true});
  rmSync(`${dir}.json`, {force: true});
  const started = performance.now();
  await run(["demo", "--scale", args.scale, "--seed", String(args.seed), "--out", dir, ...(args.extra ?? [])]);
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(`${dir}.json`, JSON.stringify({...wanted, seconds}) + "\n");
  return {dir, seconds};
}

/** A copy of a UTF-8 input with every CSV transcoded to GBK (streaming), cached like the demos. */
export async function ensureGbk(root: string, source: string, name: string, seed: number): Promise<string> {
  const dir = join(root, name);
  const wanted: Marker = {kind: "gbk", seed, source, from: readMarker(source)?.generator ?? null};
  if (sameMarker(readMarker(dir), wanted)) return dir;
  rmSync(dir, {recursive: true, force: true});
  for (const period of readdirSync(source).sort()) {
    const from = join(source, period);
    if (!statSync(from).isDirectory()) {
      copyFileSync(from, join(mkdirp(dir), period));
      continue;
    }
    mkdirp(join(dir, period));
    for (const entry of readdirSync(from)) {
      const target = join(dir, period, entry);
      if (entry.toLowerCase().endsWith(".csv")) {
        await pipeline(createReadStream(join(from, entry)), iconv.decodeStream("utf8"), iconv.encodeStream("gbk"), createWriteStream(target));
      } else copyFileSync(join(from, entry), target);
    }
  }
  writeFileSync(`${dir}.json`, JSON.stringify(wanted) + "\n");
  return dir;
}

function mkdirp(dir: string): string {
  mkdirSync(dir, {recursive: true});
  return dir;
}
