// Student and teacher ids are replaced by a keyed hash (HMAC-SHA-256, 80 bits, hex) before anything
// is written: raw ids never reach DuckDB, the warehouse or a published file.
import {createHmac} from "node:crypto";
import {existsSync, readFileSync, statSync} from "node:fs";
import {resolve} from "node:path";
import {getHeapStatistics} from "node:v8";
import {UsageError} from "../errors.js";
import {isInside, realPathOf} from "../paths.js";
import {checkDemoInput} from "./demo-marker.js";
import type {CsvBytes} from "./csv-bytes.js";
import {HmacSha256} from "./hmac-sha256.js";

/** The demo key is public on purpose: demo ids are synthetic. Never use it for real data: resolveKey gives it
 * only for a folder `junheng demo` wrote, unchanged (demo-marker.ts). */
export const DEMO_KEY = "junheng-demo-key (public, not secret; synthetic demo data only)";

export interface PseudonymKey {
  key: Buffer;
  /** where it came from, for the manifest: "demo", "env JUNHENG_KEY", "file" */
  source: string;
  /** a fingerprint that identifies the key without revealing it (pseudonyms are comparable across runs only under one key) */
  fingerprint: string;
}

export function fingerprintOf(key: Buffer): string {
  return createHmac("sha256", key).update("junheng key fingerprint").digest("hex").slice(0, 12);
}

export interface KeyOptions {
  /** the public demo key: refused unless `input` is unchanged demo output (demo-marker.ts) */
  demoKey?: boolean;
  /** the input folder the key will pseudonymise (checked for the demo marker when demoKey is set) */
  input?: string;
  keyFile?: string;
  /** directories the key file must not be inside (the input and output) */
  forbiddenDirs?: string[];
  env?: NodeJS.ProcessEnv;
}

export function resolveKey(options: KeyOptions): PseudonymKey {
  const env = options.env ?? process.env;
  const make = (key: Buffer, source: string) => ({key, source, fingerprint: fingerprintOf(key)});
  if (options.demoKey) {
    if (options.input === undefined) throw new Error("resolveKey: the demo key needs the input folder, to check that it is demo data");
    checkDemoInput(options.input);
    return make(Buffer.from(DEMO_KEY), "demo (public key; synthetic data only)");
  }
  const keyFile = options.keyFile ?? env.JUNHENG_KEY_FILE;
  if (keyFile) {
    const path = resolve(keyFile);
    // real paths: a symlink to a key inside the data, or a symlinked input, is still inside
    const realKey = realPathOf(path);
    for (const dir of options.forbiddenDirs ?? []) {
      if (isInside(realKey, realPathOf(dir))) {
        throw new UsageError(
          `密钥文件 ${keyFile} 位于输入或输出目录内，会随数据一起被复制或发布；请放在其他位置`,
          `the key file ${keyFile} is inside the input or output directory, where it would be copied or published with the data; keep it elsewhere`
        );
      }
    }
    if (!existsSync(path)) throw new UsageError(`找不到密钥文件 ${keyFile}`, `key file not found: ${keyFile}`);
    // reading a FIFO would block for ever
    if (!statSync(path).isFile()) throw new UsageError(`密钥文件 ${keyFile} 不是普通文件`, `the key file ${keyFile} is not a regular file`);
    const key = readFileSync(path);
    if (key.toString("utf8").trim().length < 16) {
      throw new UsageError(`密钥文件 ${keyFile} 太短（至少 16 个字符）`, `the key in ${keyFile} is too short (at least 16 characters)`);
    }
    return make(Buffer.from(key.toString("utf8").trim()), "file");
  }
  if (env.JUNHENG_KEY) {
    if (env.JUNHENG_KEY.length < 16) {
      throw new UsageError("环境变量 JUNHENG_KEY 太短（至少 16 个字符）", "JUNHENG_KEY is too short (at least 16 characters)");
    }
    return make(Buffer.from(env.JUNHENG_KEY), "env JUNHENG_KEY");
  }
  throw new UsageError(
    "没有假名化密钥：请设置环境变量 JUNHENG_KEY 或 JUNHENG_KEY_FILE，或使用 --key-file <文件>（放在数据目录之外）。junheng demo 生成的示例数据可用 --demo-key。",
    "no pseudonymisation key: set JUNHENG_KEY or JUNHENG_KEY_FILE, or pass --key-file <file> (kept outside the data folders). For demo data written by `junheng demo` use --demo-key."
  );
}

/** Hex digits of the MAC kept as the pseudonym (80 bits). */
export const PSEUDONYM_CHARS = 20;

/**
 * Ids kept per generation of the cache: two generations of this many stay in memory. At most 2^18 (some 50 MB
 * per worker, enough for a city's 275k distinct students in one scores file), and never more than about an
 * eighth of this thread's heap at a generous 200 bytes an entry: under a small heap (a 64 MB worker in
 * test/reliability/limits.test.ts) a cache of 2 × 2^18 ids ended the run with "JS heap out of memory".
 */
const CACHE_GENERATION = Math.max(4096, Math.min(1 << 18, Math.floor(getHeapStatistics().heap_size_limit / 16 / 200)));

export class Pseudonymiser {
  private readonly hmac: HmacSha256;
  // Each distinct id is hashed once while it is recent: the same student sits several subjects and exams.
  // Two generations rather than one map cleared when full, so a full cache keeps the ids just seen.
  private recent = new Map<string, string>();
  private older = new Map<string, string>();
  constructor(private readonly key: Buffer) {
    this.hmac = new HmacSha256(key);
  }

  /** The key, for the staging worker threads; never written anywhere. */
  get keyBytes(): Buffer {
    return this.key;
  }

  /** HMAC-SHA-256(key, id) in hex, its first 20 digits ("" stays ""). */
  map(id: string): string {
    if (id === "") return id;
    let hashed = this.recent.get(id);
    if (hashed !== undefined) return hashed;
    hashed = this.older.get(id) ?? this.hmac.hex(id, PSEUDONYM_CHARS);
    if (this.recent.size >= CACHE_GENERATION) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(id, hashed);
    return hashed;
  }

  /** The same pseudonym written as ASCII bytes at the end of `out` (id not empty). */
  mapInto(id: string, out: CsvBytes): void {
    const hashed = this.map(id);
    const bytes = out.reserve(PSEUDONYM_CHARS);
    let at = out.length;
    for (let i = 0; i < PSEUDONYM_CHARS; i++) bytes[at++] = hashed.charCodeAt(i);
    out.length = at;
  }
}
