// Reads a file as text, streaming, whatever Excel or WPS saved it as: UTF-8 (BOM or not), UTF-16
// with BOM, or GBK/GB18030. Detection: a BOM decides; otherwise UTF-8 is tried and, at the first
// invalid byte, the file is read again as GB18030.
import {createReadStream} from "node:fs";
import {open} from "node:fs/promises";

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

export class NotThisEncoding extends Error {}

/** The file could not be decoded as any supported encoding; `line` is the first undecodable line. */
export class UndecodableFile extends Error {
  constructor(readonly line: number | undefined) {
    super("undecodable");
  }
}

const PROBE_BYTES = 64 * 1024;

/** Which encodings to try, in order, judging from the first bytes. */
export async function candidateEncodings(path: string): Promise<{candidates: Encoding[]; bytes: number}> {
  const handle = await open(path, "r");
  try {
    const {size} = await handle.stat();
    const probe = Buffer.alloc(Math.min(PROBE_BYTES, size));
    await handle.read(probe, 0, probe.length, 0);
    if (probe[0] === 0xef && probe[1] === 0xbb && probe[2] === 0xbf) return {candidates: ["utf-8-bom"], bytes: size};
    if (probe[0] === 0xff && probe[1] === 0xfe) return {candidates: ["utf-16le"], bytes: size};
    if (probe[0] === 0xfe && probe[1] === 0xff) return {candidates: ["utf-16be"], bytes: size};
    // NUL bytes without a BOM: UTF-16 without BOM or a binary file (an .xlsx renamed to .csv, say)
    if (probe.includes(0)) return {candidates: [], bytes: size};
    return {candidates: ["utf-8", "gb18030"], bytes: size};
  } finally {
    await handle.close();
  }
}

const BOM_BYTES: Record<Encoding, number> = {"utf-8": 0, "utf-8-bom": 3, "utf-16le": 2, "utf-16be": 2, gb18030: 0};
const DECODER_LABEL: Record<Encoding, string> = {
  "utf-8": "utf-8",
  "utf-8-bom": "utf-8",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
  gb18030: "gb18030"
};

/**
 * Decoded text of the file in chunks. Throws NotThisEncoding at the first invalid sequence when
 * another candidate remains, UndecodableFile (with the line) when this was the last one.
 */
export async function* readText(path: string, encoding: Encoding, last: boolean, onBytes?: (chunk: Buffer) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder(DECODER_LABEL[encoding], {fatal: true, ignoreBOM: true});
  const stream = createReadStream(path, {start: BOM_BYTES[encoding], highWaterMark: 1 << 20});
  let linesBefore = 0;
  let tail = Buffer.alloc(0); // bytes after the last LF seen, to locate a bad line
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onBytes?.(chunk);
      let text: string;
      try {
        text = decoder.decode(chunk, {stream: true});
      } catch {
        if (!last) throw new NotThisEncoding();
        throw new UndecodableFile(locateBadLine(Buffer.concat([tail, chunk]), encoding, linesBefore));
      }
      const lastLf = chunk.lastIndexOf(0x0a);
      if (lastLf === -1) tail = Buffer.concat([tail, chunk]);
      else {
        linesBefore += countByte(chunk, 0x0a); // the tail holds no LF
        tail = Buffer.from(chunk.subarray(lastLf + 1));
      }
      if (text.length > 0) yield text;
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      if (!last) throw new NotThisEncoding();
      throw new UndecodableFile(linesBefore + 1);
    }
    if (rest.length > 0) yield rest;
  } finally {
    stream.destroy();
  }
}

function countByte(buffer: Buffer, byte: number): number {
  let count = 0;
  let at = buffer.indexOf(byte);
  while (at !== -1) {
    count++;
    at = buffer.indexOf(byte, at + 1);
  }
  return count;
}

// LF (0x0a) is never part of a multi-byte sequence in UTF-8 or GB18030, so lines can be tested alone.
function locateBadLine(bytes: Buffer, encoding: Encoding, linesBefore: number): number | undefined {
  if (encoding === "utf-16le" || encoding === "utf-16be") return undefined;
  let start = 0;
  let line = linesBefore + 1;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    const piece = bytes.subarray(start, end === -1 ? bytes.length : end);
    try {
      new TextDecoder(DECODER_LABEL[encoding], {fatal: true}).decode(piece, {stream: end === -1});
    } catch {
      return line;
    }
    if (end === -1) return line;
    start = end + 1;
    line++;
  }
}
