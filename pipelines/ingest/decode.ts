// Reads a file as text, streaming, whatever Excel or WPS saved it as. The detection rule and the
// decoding live in encoding.ts (pure, shared with the browser); this is the Node side: file handles.
import {createReadStream} from "node:fs";
import {open} from "node:fs/promises";
import {BOM_BYTES, decodeChunks, detectEncodings, PROBE_BYTES, type Encoding} from "./encoding.js";

export {NotThisEncoding, UndecodableFile, type Encoding} from "./encoding.js";

/** Which encodings to try, in order, judging from the first bytes. */
export async function candidateEncodings(path: string): Promise<{candidates: Encoding[]; bytes: number}> {
  const handle = await open(path, "r");
  try {
    const {size} = await handle.stat();
    const probe = Buffer.alloc(Math.min(PROBE_BYTES, size));
    await handle.read(probe, 0, probe.length, 0);
    return {candidates: detectEncodings(probe), bytes: size};
  } finally {
    await handle.close();
  }
}

/**
 * Decoded text of the file in chunks. Throws NotThisEncoding at the first invalid sequence when
 * another candidate remains, UndecodableFile (with the line) when this was the last one.
 */
export async function* readText(path: string, encoding: Encoding, last: boolean, onBytes?: (chunk: Uint8Array) => void): AsyncGenerator<string> {
  const stream = createReadStream(path, {start: BOM_BYTES[encoding], highWaterMark: 1 << 20});
  try {
    yield* decodeChunks(stream as AsyncIterable<Buffer>, encoding, last, onBytes);
  } finally {
    stream.destroy();
  }
}
