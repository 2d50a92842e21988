// The canonical CSV written straight into UTF-8 bytes. Building each row as a string, joining the rows into a
// megabyte string and encoding it (Buffer.from) cost a fifth of staging's CPU at city scale, most of it
// flattening the joined string and collecting the pieces (profiled: node --cpu-prof). Here an ASCII value
// (nearly all of them) is copied byte by byte into one growing buffer, and only a value with other
// characters goes through TextEncoder. The bytes are exactly those of csvField's text in UTF-8. Pure: no Node.
import {csvField} from "./csv.js";

const encoder = new TextEncoder();
const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

const ENCODED = new Map<string, Uint8Array>();

export class CsvBytes {
  bytes: Uint8Array;
  length = 0;

  constructor(private readonly capacity = 1 << 21) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Room for `n` more bytes; returns the buffer to write into at `length`. */
  reserve(n: number): Uint8Array {
    if (this.length + n > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    return this.bytes;
  }

  /** A string known to need no quoting, in UTF-8. */
  text(value: string): void {
    const n = value.length;
    const bytes = this.reserve(n);
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const code = value.charCodeAt(i);
      if (code > 127) {
        this.utf8(value);
        return;
      }
      bytes[at++] = code;
    }
    this.length = at;
  }

  /** A non-negative whole number's digits. */
  int(value: number): void {
    this.text(String(value));
  }

  byte(code: number): void {
    this.reserve(1)[this.length++] = code;
  }

  /** A value as csvField quotes it (comma, quote, CR or LF inside: quoted, quotes doubled), in UTF-8. */
  field(value: string): void {
    const n = value.length;
    const bytes = this.reserve(n);
    const start = this.length;
    let at = start;
    for (let i = 0; i < n; i++) {
      const code = value.charCodeAt(i);
      if (code > 127 || code === COMMA || code === QUOTE || code === LF || code === CR) {
        this.length = start;
        this.encoded(value);
        return;
      }
      bytes[at++] = code;
    }
    this.length = at;
  }

  /** A value that needs quoting or is not ASCII: encoded once while it recurs (a subject on every score row). */
  private encoded(value: string): void {
    let encoded = ENCODED.get(value);
    if (encoded === undefined) {
      if (value.length > 64) return void this.utf8(csvField(value));
      encoded = encoder.encode(csvField(value));
      if (ENCODED.size >= 10_000) ENCODED.clear();
      ENCODED.set(value, encoded);
    }
    this.reserve(encoded.length).set(encoded, this.length);
    this.length += encoded.length;
  }

  /** Any string, through TextEncoder. */
  private utf8(value: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit
    const bytes = this.reserve(value.length * 3);
    const {written} = encoder.encodeInto(value, bytes.subarray(this.length));
    this.length += written;
  }

  /** The bytes written so far (a view that stays valid: the next writes go to a new buffer). */
  take(): Uint8Array {
    const taken = this.bytes.subarray(0, this.length);
    this.bytes = new Uint8Array(this.capacity);
    this.length = 0;
    return taken;
  }
}
