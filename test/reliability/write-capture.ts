// Every byte a process tree writes, captured with strace, and a search of those bytes for given strings.
//
// The command runs under `strace -f -ff -y -xx -s 16M --seccomp-bpf -e trace=<every syscall that writes file data>`:
// each thread's log holds every write(2), pwrite64, writev, pwritev and pwritev2 with the file descriptor's path (-y)
// and the whole buffer in hex (-xx, -s large enough that nothing is cut: a cut buffer is an error here). What is
// captured does not depend on the file still existing when the run ends, so DuckDB's spill files (deleted when the
// database closes), the staging folder `_work` (deleted after ingest) and the WAL are all in it.
//
// Data reaches a file without those calls in only a few ways, and each is watched for: copy_file_range, sendfile and
// splice (kernel-side copies, traced: a copy_file_range from a file the run wrote — the run's copyFile of a table
// both editions hold — gives the destination the source's captured bytes; any other copy fails the test), io_uring (traced: io_uring_setup; Node is run with
// UV_USE_IO_URING=0 too), and a writable shared mapping of a file (mmap with MAP_SHARED and PROT_WRITE on a file
// descriptor, traced as well).
//
// The search looks in each file's bytes, in the order they were written, for every string as ASCII/UTF-8 (the same
// bytes in GBK), as UTF-16 (little- and big-endian), and inside the compressed forms a run writes: zstd frames (DuckDB
// compresses spilled blocks with zstd when it pays), gzip members and zip entries (the release zip).
import {spawnSync} from "node:child_process";
import {readdirSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync, inflateRawSync} from "node:zlib";
import {decompress as zstdDecompress} from "fzstd";

export const STRACE = "/usr/bin/strace";

const WRITES = ["write", "pwrite64", "writev", "pwritev", "pwritev2"];
const COPIES = ["copy_file_range", "sendfile", "sendfile64", "splice", "io_uring_setup"];

export interface Capture {
  status: number | null;
  stdout: string;
  stderr: string;
  /** every byte written, by the path of the descriptor written to (pipes and sockets by their kind, e.g. pipe:[123]) */
  written: Map<string, Buffer[]>;
  /** kernel-side copies, io_uring set-ups and writable shared file mappings: none is expected */
  unwatched: string[];
}


/** Run a command under strace, capturing every byte it and its threads and children write. */
export function captureWrites(command: string, args: string[], options: {logDir: string; env?: NodeJS.ProcessEnv; cwd?: string; timeout?: number}): Capture {
  const prefix = join(options.logDir, "trace");
  const trace = [...WRITES, ...COPIES, "mmap"].join(",");
  const result = spawnSync(
    STRACE,
    ["-f", "-ff", "-qq", "-y", "-xx", "-s", String(16 * 1024 * 1024), "--seccomp-bpf", "-e", `trace=${trace}`, "-o", prefix, command, ...args],
    {cwd: options.cwd, env: {...process.env, ...options.env, UV_USE_IO_URING: "0"}, encoding: "utf8", timeout: options.timeout, maxBuffer: 64 * 1024 * 1024}
  );
  if (result.error) throw result.error;
  try {
    return {status: result.status, stdout: result.stdout, stderr: result.stderr, ...parseLogs(options.logDir)};
  } finally {
    // the logs hold every byte written four times over (hundreds of MB for the demo)
    for (const log of readdirSync(options.logDir).filter((name) => name.startsWith("trace."))) rmSync(join(options.logDir, log), {force: true});
  }
}

/** The bytes written, by path, from strace's per-thread logs (trace.<tid>) in logDir. */
export function parseLogs(logDir: string): Pick<Capture, "written" | "unwatched"> {
  const written = new Map<string, Buffer[]>();
  const unwatched: string[] = [];
  const copies: {from: string; to: string; what: string}[] = [];
  for (const log of readdirSync(logDir).filter((name) => name.startsWith("trace.")).sort()) {
    const text = readFileSync(join(logDir, log));
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf(10, start);
      if (end === -1) end = text.length;
      const line = text.subarray(start, end);
      start = end + 1;
      const open = line.indexOf(40); // "("
      if (open <= 0) continue;
      const call = line.subarray(0, open).toString("latin1");
      if (call === "mmap") {
        // a file mapped shared and writable: its pages reach the file without a write call
        const head = line.toString("latin1");
        if (/MAP_SHARED/.test(head) && /PROT_WRITE/.test(head) && /, \d+<\\x2f/.test(head)) unwatched.push(`${log}: ${decodePaths(head).slice(0, 300)}`);
        continue;
      }
      if (COPIES.includes(call)) {
        // a file-to-file copy (Node's copyFile uses copy_file_range) is resolved below, once every log is read
        const copy = /^copy_file_range\(\d+<((?:\\x[0-9a-f]{2})+)>, [^,]*, \d+<((?:\\x[0-9a-f]{2})+)>/.exec(line.toString("latin1"));
        if (copy) copies.push({from: unhex(copy[1]!).toString("utf8"), to: unhex(copy[2]!).toString("utf8"), what: `${log}: ${decodePaths(line.toString("latin1")).slice(0, 300)}`});
        else unwatched.push(`${log}: ${decodePaths(line.toString("latin1")).slice(0, 300)}`);
        continue;
      }
      if (!WRITES.includes(call)) continue;
      // write(7<\x2f…>, "\x..", n) = n ; writev(7<…>, [{iov_base="\x..", iov_len=n}, …], k) = m
      let at = open + 1;
      let path = "(descriptor without a path)";
      const lt = line.indexOf(60, at); // "<"
      const comma = line.indexOf(44, at);
      if (lt !== -1 && (comma === -1 || lt < comma)) {
        const gt = line.indexOf(62, lt);
        path = unhexBytes(line.subarray(lt + 1, gt)).toString("utf8");
        at = gt + 1;
      }
      const chunks: Buffer[] = [];
      for (let quote = line.indexOf(34, at); quote !== -1; quote = line.indexOf(34, at)) {
        const close = line.indexOf(34, quote + 1);
        chunks.push(unhexBytes(line.subarray(quote + 1, close)));
        if (line[close + 1] === 46 && line[close + 2] === 46 && line[close + 3] === 46) throw new Error(`strace cut a buffer written to ${path}: raise -s (${log})`);
        at = close + 1;
      }
      if (!written.has(path)) written.set(path, []);
      written.get(path)!.push(...chunks);
    }
  }
  // A copy between two files puts the source's bytes in the destination. When the run itself wrote the source, those
  // bytes were captured (and are searched) already: the destination is given them too. A copy from a file the run
  // did not write — an input, say — brought bytes no write call shows, and stays unwatched.
  for (const copy of copies) {
    const source = written.get(copy.from);
    if (!source) {
      unwatched.push(`${copy.what} (from a file the run did not write)`);
      continue;
    }
    if (!written.has(copy.to)) written.set(copy.to, []);
    written.get(copy.to)!.push(Buffer.concat(source));
  }
  return {written, unwatched};
}

const HEX_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VALUE["0123456789abcdef".charCodeAt(i)] = i;
  HEX_VALUE["0123456789ABCDEF".charCodeAt(i)] = i;
}

/** `\xHH\xHH…` (strace -xx) to its bytes */
function unhexBytes(escaped: Buffer): Buffer {
  const out = Buffer.allocUnsafe(escaped.length >> 2);
  for (let i = 0, j = 0; i + 3 < escaped.length; i += 4, j++) {
    const hi = HEX_VALUE[escaped[i + 2]!]!;
    const lo = HEX_VALUE[escaped[i + 3]!]!;
    if (escaped[i] !== 92 || escaped[i + 1] !== 120 || hi < 0 || lo < 0) throw new Error(`not strace -xx output: ${escaped.subarray(i, i + 8).toString("latin1")}`);
    out[j] = (hi << 4) | lo;
  }
  return out;
}

const unhex = (s: string) => unhexBytes(Buffer.from(s, "latin1"));

function decodePaths(line: string): string {
  return line.replace(/<((?:\\x[0-9a-f]{2})+)>/g, (_, hex: string) => `<${unhex(hex).toString("utf8")}>`);
}

/** The length of the zstd frame at the start of buf (RFC 8878 §3.1.1), or undefined when it is not a whole frame. */
function zstdFrameLength(buf: Buffer): number | undefined {
  if (buf.length < 6 || buf.readUInt32LE(0) !== 0xfd2fb528) return undefined;
  const fhd = buf[4]!;
  const fcsFlag = fhd >> 6;
  const single = (fhd >> 5) & 1;
  const checksum = (fhd >> 2) & 1;
  const did = [0, 1, 2, 4][fhd & 3]!;
  const fcs = [single ? 1 : 0, 2, 4, 8][fcsFlag]!;
  let at = 5 + (single ? 0 : 1) + did + fcs;
  for (;;) {
    if (at + 3 > buf.length) return undefined;
    const header = buf[at]! | (buf[at + 1]! << 8) | (buf[at + 2]! << 16);
    const last = header & 1;
    const type = (header >> 1) & 3;
    const size = header >>> 3;
    if (type === 3) return undefined;
    at += 3 + (type === 1 ? 1 : size);
    if (last) break;
  }
  at += checksum ? 4 : 0;
  return at <= buf.length ? at : undefined;
}

/** Every decompressed payload found in buf: zstd frames, gzip members, zip entries (deflated or stored). */
export function decompressedParts(buf: Buffer): {kind: string; at: number; data: Buffer}[] {
  const parts: {kind: string; at: number; data: Buffer}[] = [];
  const find = (magic: Buffer, each: (at: number) => void) => {
    for (let at = buf.indexOf(magic); at !== -1; at = buf.indexOf(magic, at + 1)) each(at);
  };
  find(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), (at) => {
    const length = zstdFrameLength(buf.subarray(at));
    if (length === undefined) return;
    try {
      parts.push({kind: "zstd", at, data: Buffer.from(zstdDecompress(buf.subarray(at, at + length)))});
    } catch {
      /* four bytes that only look like a frame */
    }
  });
  find(Buffer.from([0x1f, 0x8b, 0x08]), (at) => {
    try {
      parts.push({kind: "gzip", at, data: gunzipSync(buf.subarray(at))});
    } catch {
      /* not a gzip member */
    }
  });
  find(Buffer.from("PK\x03\x04", "latin1"), (at) => {
    if (at + 30 > buf.length) return;
    const method = buf.readUInt16LE(at + 8);
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    try {
      if (method === 8) parts.push({kind: "zip entry", at, data: inflateRawSync(buf.subarray(start))});
    } catch {
      /* not a zip entry; a stored one is plain bytes, searched as they are */
    }
  });
  return parts;
}

/** A search for many strings at once in bytes: as ASCII/UTF-8/GBK, as UTF-16LE and UTF-16BE. */
export class Needles {
  private readonly byLength = new Map<number, Set<string>>();
  private readonly firsts = new Set<string>();

  constructor(needles: Iterable<string>) {
    for (const needle of needles) {
      if (needle.length === 0) continue;
      if (!this.byLength.has(needle.length)) this.byLength.set(needle.length, new Set());
      this.byLength.get(needle.length)!.add(needle);
      this.firsts.add(needle[0]!);
    }
  }

  private inText(text: string, found: Set<string>): void {
    for (const first of this.firsts) {
      for (let i = text.indexOf(first); i !== -1; i = text.indexOf(first, i + 1)) {
        for (const [length, set] of this.byLength) {
          const candidate = text.substr(i, length);
          if (set.has(candidate)) found.add(candidate);
        }
      }
    }
  }

  /** the needles in buf: its bytes as Latin-1 (ASCII and UTF-8 ids alike) and as UTF-16 at both byte alignments */
  find(buf: Buffer): Set<string> {
    const found = new Set<string>();
    this.inText(buf.toString("latin1"), found);
    this.inText(buf.toString("utf16le"), found);
    // UTF-16BE bytes are UTF-16LE ones shifted by one byte: the two alignments cover both byte orders
    // (a zero byte after, so that big-endian text ending the buffer keeps its last character)
    this.inText(Buffer.concat([buf.subarray(1), Buffer.alloc(1)]).toString("utf16le"), found);
    return found;
  }
}
