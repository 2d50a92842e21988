import {describe, expect, it} from "vitest";
import {CsvTokenizer, csvField, sniffDelimiter, type CsvRecord} from "../../pipelines/ingest/csv.js";

function tokenize(chunks: string[], delimiter = ","): {records: CsvRecord[]; blank: number} {
  const records: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer(delimiter.charCodeAt(0), (record) => records.push(record));
  for (const chunk of chunks) tokenizer.push(chunk);
  tokenizer.end();
  return {records, blank: tokenizer.blankLines};
}

describe("CsvTokenizer", () => {
  it("splits fields and numbers records by the line they start on", () => {
    const {records} = tokenize(['a,b,c\n1,"x, y",3\n4,"multi\nline",6\n7,8,9']);
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ["a", "b", "c"]],
      [2, ["1", "x, y", "3"]],
      [3, ["4", "multi\nline", "6"]],
      [5, ["7", "8", "9"]]
    ]);
  });

  it("handles CRLF, lone CR, and a CRLF split across two chunks", () => {
    const {records} = tokenize(["a,b\r", "\n1,2\r\n3,4\r5,6"]);
    expect(records.map((r) => [r.line, r.fields.join("|")])).toEqual([
      [1, "a|b"],
      [2, "1|2"],
      [3, "3|4"],
      [4, "5|6"]
    ]);
  });

  it("keeps doubled quotes and stray quotes as text, whatever the chunk boundaries", () => {
    const text = 'n,v\n"say ""hi""",2\nab"c,3\n';
    const whole = tokenize([text]).records.map((r) => r.fields);
    for (let cut = 1; cut < text.length; cut++) {
      expect(tokenize([text.slice(0, cut), text.slice(cut)]).records.map((r) => r.fields)).toEqual(whole);
    }
    expect(whole).toEqual([["n", "v"], ['say "hi"', "2"], ['ab"c', "3"]]);
  });

  it("counts blank lines without emitting them and keeps line numbers right", () => {
    const {records, blank} = tokenize(["a\n\n1\n\n\n2\n"]);
    expect(records.map((r) => r.line)).toEqual([1, 3, 6]);
    expect(blank).toBe(3);
  });

  it("marks an unclosed quote as a broken record starting where the quote opened", () => {
    const {records} = tokenize(['a,b\n1,2\n3,"open\n4,5\n']);
    expect(records.at(-1)).toMatchObject({line: 3, broken: "unclosed_quote"});
    expect(records).toHaveLength(3);
  });

  it("bounds enormous fields and very wide lines", () => {
    const records: CsvRecord[] = [];
    const tokenizer = new CsvTokenizer(44, (record) => records.push(record), {maxFieldChars: 10, maxFields: 5});
    tokenizer.push("a,b\n" + "x".repeat(50) + ",1\n" + "1,".repeat(20) + "1\nok,2\n");
    tokenizer.end();
    expect(records.map((r) => [r.line, r.broken])).toEqual([
      [1, undefined],
      [2, "field_too_long"],
      [3, "too_many_fields"],
      [4, undefined]
    ]);
    expect(records[2]!.fields).toHaveLength(5);
  });

  it("sniffs comma, tab and semicolon from the header and quotes output fields", () => {
    expect(sniffDelimiter("a,b,c")).toBe(44);
    expect(sniffDelimiter("a\tb\tc")).toBe(9);
    expect(sniffDelimiter('"a;b",c;d;e')).toBe(59);
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });
});
