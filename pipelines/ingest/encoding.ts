// Which encoding a file is in, and its text, from its bytes: whatever Excel or WPS saved it as — UTF-8
// (BOM or not), UTF-16 with BOM, or GBK/GB18030. A BOM decides; otherwise UTF-8 is tried and, at the
// first invalid byte, the file is read again as GB18030. Pure (TextDecoder and Uint8Array only): the Node
// ingest (decode.ts) and the browser's bring-your-own-data page use this same rule.

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

export class NotThisEncoding extends Error {}

/** The file could not be decoded as any supported encoding; `line` is the first undecodable line. */
export class UndecodableFile extends Error {
  constructor(readonly line: number | undefined) {
    super("undecodable");
  }
}

/** How many bytes of the file's start the detection looks at. */
export const PROBE_BYTES = 64 * 1024;

/** Which encodings to try, in order, judging from the first bytes (an empty list: NUL bytes, no BOM). */
export function detectEncodings(probe: Uint8Array): Encoding[] {
  if (probe[0] === 0xef && probe[1] === 0xbb && probe[2] === 0xbf) return ["utf-8-bom"];
  if (probe[0] === 0xff && probe[1] === 0xfe) return ["utf-16le"];
  if (probe[0] === 0xfe && probe[1] === 0xff) return ["utf-16be"];
  // NUL bytes without a BOM: UTF-16 without BOM or a binary file (an .xlsx renamed to .csv, say)
  if (probe.includes(0)) return [];
  return ["utf-8", "gb18030"];
}

export const BOM_BYTES: Record<Encoding, number> = {"utf-8": 0, "utf-8-bom": 3, "utf-16le": 2, "utf-16be": 2, gb18030: 0};
export const BOM: Record<Encoding, number[]> = {"utf-8": [], "utf-8-bom": [0xef, 0xbb, 0xbf], "utf-16le": [0xff, 0xfe], "utf-16be": [0xfe, 0xff], gb18030: []};
const DECODER_LABEL: Record<Encoding, string> = {
  "utf-8": "utf-8",
  "utf-8-bom": "utf-8",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
  gb18030: "gb18030"
};

/**
 * Decoded text of the file's bytes (after the BOM) in chunks. Throws NotThisEncoding at the first invalid
 * sequence when another candidate remains, UndecodableFile (with the line) when this was the last one.
 */
export async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  encoding: Encoding,
  last: boolean,
  onBytes?: (chunk: Uint8Array) => void
): AsyncGenerator<string> {
  const decoder = new TextDecoder(DECODER_LABEL[encoding], {fatal: true, ignoreBOM: true});
  let linesBefore = 0;
  let tail: Uint8Array = new Uint8Array(0); // bytes after the last LF seen, to locate a bad line
  for await (const chunk of chunks) {
    onBytes?.(chunk);
    let text: string;
    try {
      text = decoder.decode(chunk, {stream: true});
    } catch {
      if (!last) throw new NotThisEncoding();
      throw new UndecodableFile(locateBadLine(concat(tail, chunk), encoding, linesBefore));
    }
    const lastLf = chunk.lastIndexOf(0x0a);
    if (lastLf === -1) tail = concat(tail, chunk);
    else {
      linesBefore += countByte(chunk, 0x0a); // the tail holds no LF
      tail = chunk.slice(lastLf + 1);
      if (tail.buffer === chunk.buffer) tail = new Uint8Array(tail); // Buffer#slice is a view
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
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function countByte(bytes: Uint8Array, byte: number): number {
  let count = 0;
  let at = bytes.indexOf(byte);
  while (at !== -1) {
    count++;
    at = bytes.indexOf(byte, at + 1);
  }
  return count;
}

// LF (0x0a) is never part of a multi-byte sequence in UTF-8 or GB18030, so lines can be tested alone.
function locateBadLine(bytes: Uint8Array, encoding: Encoding, linesBefore: number): number | undefined {
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
