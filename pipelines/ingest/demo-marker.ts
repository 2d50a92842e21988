// The demo key is public (pseudonym.ts), so it may pseudonymise only what `junheng demo` wrote: with the
// key anyone can compute the pseudonym of every possible id and so read the id behind a pseudonym back.
// The generator leaves JUNHENG_DEMO.json in its output folder — a statement and the SHA-256 of every data
// file it wrote — and --demo-key is refused unless every data file the run would read is listed there with
// the same hash. The marker travels with the folder when it is copied; a bureau's own folder has none, and
// a bureau's file dropped into a copied demo folder fails its hash (or is not listed at all).
// Not checked: listed files that are gone (removing synthetic files adds no real id), junheng.config.json,
// truth.json and the README (they hold no student or teacher id), files the run ignores.
import {closeSync, openSync, readFileSync, readSync, writeFileSync} from "node:fs";
import {createHash} from "node:crypto";
import {join} from "node:path";
import {UsageError} from "../errors.js";
import {discoverInput, entryKind} from "./ingest.js";

export const DEMO_MARKER = "JUNHENG_DEMO.json";

export interface DemoMarker {
  junheng_demo: 1;
  statement: {zh: string; en: string};
  /** how the files were generated (informative; not checked) */
  generator: Record<string, unknown>;
  /** "2025Q3/scores.csv" → the file's SHA-256, hex */
  files: Record<string, string>;
}

const STATEMENT = {
  zh:
    "本目录由 junheng demo 生成：其中的学校、教师、学生和成绩全部是合成数据。只有下面列出的文件在内容未改动时，才可以用公开的示例密钥（--demo-key）运行；" +
    "不要把真实数据放进本目录或它的副本。真实数据请用私有密钥（--key-file、JUNHENG_KEY_FILE 或 JUNHENG_KEY）。",
  en:
    "Written by `junheng demo`: every school, teacher, student and score here is synthetic. Only the files listed below, unchanged, may be run with the " +
    "public demo key (--demo-key); do not put real data into this folder or a copy of it. Real data takes a private key (--key-file, JUNHENG_KEY_FILE or JUNHENG_KEY)."
};

/** The SHA-256 of a file, read in chunks (a province-size scores.csv is gigabytes). */
export function sha256File(path: string): string {
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, "r");
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}

/** Write JUNHENG_DEMO.json into a generated folder; `names` are the data files, "2025Q3/scores.csv". */
export function writeDemoMarker(dir: string, names: readonly string[], generator: Record<string, unknown>): DemoMarker {
  const files = Object.fromEntries([...names].sort().map((name) => [name, sha256File(join(dir, ...name.split("/")))]));
  const marker: DemoMarker = {junheng_demo: 1, statement: STATEMENT, generator, files};
  // no time stamp: the same seed still writes byte-identical folders
  writeFileSync(join(dir, DEMO_MARKER), JSON.stringify(marker, null, 1) + "\n");
  return marker;
}

const WHY = {
  zh: "示例密钥是公开的：任何人都能用它算出每一个可能编号的假名，从而由假名反查出学籍号或教师编号，所以它只能用于 junheng demo 生成的合成数据。",
  en: "The demo key is public: with it anyone can compute the pseudonym of every possible id and so read a student or teacher id back from its pseudonym, so it is only for the synthetic data `junheng demo` writes."
};
const INSTEAD = {
  zh: "真实数据请使用只由本单位保管的私有密钥：--key-file <密钥文件>（放在数据目录之外），或设置环境变量 JUNHENG_KEY_FILE 或 JUNHENG_KEY（至少 16 个字符），并长期使用同一密钥。",
  en: "For real data use a private key that only your office keeps: --key-file <key file> (outside the data folders), or set JUNHENG_KEY_FILE or JUNHENG_KEY (at least 16 characters), and keep using the same key."
};

function refuse(zh: string, en: string): UsageError {
  return new UsageError(`拒绝使用 --demo-key：${zh}${WHY.zh}${INSTEAD.zh}`, `--demo-key refused: ${en} ${WHY.en} ${INSTEAD.en}`);
}

function readMarker(input: string): DemoMarker | "absent" | "invalid" {
  const path = join(input, DEMO_MARKER);
  const kind = entryKind(path);
  if (kind === "broken-link") return "absent";
  if (kind !== "file") return "invalid";
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return "invalid";
  }
  const marker = value as Partial<DemoMarker> | null;
  if (typeof marker !== "object" || marker === null || marker.junheng_demo !== 1) return "invalid";
  const files = marker.files;
  if (typeof files !== "object" || files === null || Array.isArray(files)) return "invalid";
  if (!Object.values(files).every((hash) => typeof hash === "string" && /^[0-9a-f]{64}$/.test(hash))) return "invalid";
  return marker as DemoMarker;
}

/**
 * Throws a UsageError unless `input` is demo output: JUNHENG_DEMO.json present and every data file the run
 * would read listed in it with its SHA-256. A file-level problem of the input itself (no periods, a FIFO
 * named scores.csv) is thrown as the run would throw it.
 */
export function checkDemoInput(input: string): void {
  const marker = readMarker(input);
  if (marker === "absent") {
    throw refuse(
      `输入目录 ${input} 不是 junheng demo 生成的示例数据（其中没有标记文件 ${DEMO_MARKER}）。`,
      `the input folder ${input} is not demo data written by \`junheng demo\` (it has no ${DEMO_MARKER} marker).`
    );
  }
  if (marker === "invalid") {
    throw refuse(
      `输入目录 ${input} 中的 ${DEMO_MARKER} 无法读取或格式不对，无法确认其中是示例数据。`,
      `${DEMO_MARKER} in the input folder ${input} cannot be read or is not a demo marker, so the folder cannot be taken for demo data.`
    );
  }
  const unlisted: string[] = [];
  const changed: string[] = [];
  for (const file of discoverInput(input).files) {
    const expected = Object.hasOwn(marker.files, file.name) ? marker.files[file.name] : undefined;
    if (expected === undefined) unlisted.push(file.name);
    else if (sha256File(file.path) !== expected) changed.push(file.name);
  }
  if (unlisted.length === 0 && changed.length === 0) return;
  const list = (names: string[]) => names.slice(0, 5).join(", ") + (names.length > 5 ? ` … (+${names.length - 5})` : "");
  const zh = [
    changed.length > 0 ? `${list(changed)} 在 junheng demo 生成之后被改动过（与 ${DEMO_MARKER} 记录的 SHA-256 不符）` : "",
    unlisted.length > 0 ? `${list(unlisted)} 不是 junheng demo 生成的文件（${DEMO_MARKER} 中没有它）` : ""
  ].filter(Boolean);
  const en = [
    changed.length > 0 ? `${list(changed)} changed after \`junheng demo\` wrote ${changed.length === 1 ? "it" : "them"} (the SHA-256 differs from ${DEMO_MARKER})` : "",
    unlisted.length > 0 ? `${list(unlisted)} ${unlisted.length === 1 ? "was" : "were"} not written by \`junheng demo\` (not listed in ${DEMO_MARKER})` : ""
  ].filter(Boolean);
  throw refuse(`输入目录 ${input} 里有不属于示例数据的文件：${zh.join("；")}。`, `the input folder ${input} holds files that are not the demo data: ${en.join("; ")}.`);
}
