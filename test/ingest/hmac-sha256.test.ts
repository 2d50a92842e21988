// The staging's own HMAC-SHA-256 and byte writer against node:crypto and csvField: the same bytes, or the
// pseudonyms (and so every published file) would change.
import {createHmac, randomBytes} from "node:crypto";
import {describe, expect, it} from "vitest";
import {csvField} from "../../pipelines/ingest/csv.js";
import {CsvBytes} from "../../pipelines/ingest/csv-bytes.js";
import {HmacSha256} from "../../pipelines/ingest/hmac-sha256.js";
import {Pseudonymiser} from "../../pipelines/ingest/pseudonym.js";

function message(length: number, seed: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += String.fromCharCode(32 + ((i * 7 + seed) % 95));
  return text;
}

describe("HmacSha256", () => {
  it("gives node:crypto's HMAC for keys and messages of every length around the block edges", () => {
    for (const keyLength of [1, 16, 55, 63, 64, 65, 128, 300]) {
      const key = randomBytes(keyLength);
      const hmac = new HmacSha256(key);
      for (let length = 0; length <= 200; length++) {
        const text = message(length, keyLength) + (length % 4 === 0 ? "学籍号é😀" : "");
        const want = createHmac("sha256", key).update(text).digest("hex");
        expect(hmac.hex(text), `key ${keyLength}, message ${length}`).toBe(want);
        expect(hmac.hex(text, 20)).toBe(want.slice(0, 20));
      }
    }
  });

  it("pseudonymises as before: the first 20 hex digits of HMAC-SHA-256(key, id), cached or not", () => {
    const key = Buffer.from("a key of at least sixteen characters");
    const pseudonymiser = new Pseudonymiser(key);
    const ids = Array.from({length: 2000}, (_, i) => `S${i % 700}`);
    for (const id of ids) {
      const want = createHmac("sha256", key).update(id).digest("hex").slice(0, 20);
      expect(pseudonymiser.map(id)).toBe(want);
      const out = new CsvBytes(4);
      out.text("x,");
      pseudonymiser.mapInto(id, out);
      expect(new TextDecoder().decode(out.take())).toBe(`x,${want}`);
    }
    expect(pseudonymiser.map("")).toBe("");
  });
});

describe("CsvBytes", () => {
  it("writes each value as csvField's text in UTF-8, growing as needed", () => {
    const values = ["", "plain", "a,b", 'say "hi"', "line\nbreak", "cr\rhere", "语文", "学校,甲", "x".repeat(5000), "é".repeat(100), "😀,"];
    const out = new CsvBytes(8);
    let want = "";
    for (const value of [...values, ...values]) {
      out.field(value);
      out.byte(44);
      want += csvField(value) + ",";
    }
    out.text("2025Q1,");
    out.int(12345);
    want += "2025Q1,12345";
    expect(new TextDecoder().decode(out.take())).toBe(want);
    expect(out.length).toBe(0);
  });
});
