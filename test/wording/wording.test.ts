// The wording catalogue (src/wording/): every key in both languages, the same placeholders on both sides,
// each key written once, each file registered in index.js and holding only its own area's keys.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {AREAS, CATALOGUE, column, formats, label, t} from "../../src/wording/index.js";

const DIR = join(import.meta.dirname, "..", "..", "src", "wording");
const NOT_AREAS = new Set(["index.js", "format.js"]);
const areaFiles = readdirSync(DIR).filter((name) => name.endsWith(".js") && !NOT_AREAS.has(name)).sort();
const placeholders = (text: string): string[] => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe("the wording catalogue", () => {
  it("registers every file of src/wording in index.js, under the file's name", () => {
    expect(Object.keys(AREAS).sort()).toEqual(areaFiles.map((name) => name.replace(/\.js$/, "")));
  });

  it("gives every key a non-empty Chinese and English text with the same placeholders", () => {
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(CATALOGUE)) {
      if (Object.keys(entry).sort().join() !== "en,zh") problems.push(`${key}: languages ${Object.keys(entry)}`);
      for (const lang of ["zh", "en"] as const) {
        if (typeof entry[lang] !== "string" || !entry[lang].trim()) problems.push(`${key}: no ${lang} text`);
      }
      if (placeholders(entry.zh ?? "").join() !== placeholders(entry.en ?? "").join()) {
        problems.push(`${key}: placeholders zh ${placeholders(entry.zh)} ≠ en ${placeholders(entry.en)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(CATALOGUE).length).toBeGreaterThan(200);
  });

  it("keeps each area's keys in its own file", () => {
    for (const [area, entries] of Object.entries(AREAS)) {
      for (const key of Object.keys(entries)) expect(key.startsWith(`${area}.`), `${area}.js: ${key}`).toBe(true);
    }
  });

  it("writes no key twice (a repeated key in an object literal silently replaces the first)", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const file of areaFiles) {
      const source = readFileSync(join(DIR, file), "utf8");
      const keys = [...source.matchAll(/^\s*"([^"]+)":\s*\{/gm)].map((match) => match[1]!);
      // the scan sees every entry (each is written as `"key": {` at the start of a line)
      expect(new Set(keys), file).toEqual(new Set(Object.keys(AREAS[file.replace(/\.js$/, "")]!)));
      for (const key of keys) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${file})`);
        seen.set(key, file);
      }
    }
    expect(twice).toEqual([]);
  });
});

describe("t", () => {
  it("fills placeholders and picks the language", () => {
    expect(t("zh", "common.rowsShown", {n: 12})).toBe("共 12 行");
    expect(t("en", "common.rowsShown", {n: "1,204"})).toBe("rows: 1,204");
    expect(t("en", "site.page.value-added")).toBe("Value-added");
  });

  it("throws on an unknown key and on a placeholder left without a value", () => {
    expect(() => t("zh", "common.noSuchKey")).toThrow(/common\.noSuchKey/);
    expect(() => t("en", "common.rowsShown")).toThrow(/\{n\}/);
  });

  it("labels codes and columns, falling back to the code or column name the catalogue does not know", () => {
    expect(label("zh", "locality", "rural")).toBe("乡村");
    expect(label("en", "stage", "nine_year")).toBe("9-year school");
    expect(label("zh", "subject", "生物")).toBe("生物");
    expect(label("zh", "locality", null)).toBe("");
    expect(column("zh", "n_schools")).toBe("学校数");
    expect(column("en", "some_new_column")).toBe("some_new_column");
  });
});

describe("formats", () => {
  it("writes shares, percentage points, signed numbers and periods per language", () => {
    const zh = formats("zh");
    const en = formats("en");
    expect(zh.pct(0.4429)).toBe("44.3%");
    expect(en.pct(0.9, 0)).toBe("90%");
    expect(zh.pp(0.9 - 0.813)).toBe("8.7");
    expect(en.pp(0.05, 0)).toBe("5");
    expect(en.signed(-0.054)).toBe("-0.05");
    expect(en.signed(0.054)).toBe("+0.05");
    expect(en.num(4226)).toBe("4,226");
    expect(zh.period("2025Q3")).toBe("2025年第3季度");
    expect(en.period("2025Q3")).toBe("2025 Q3");
    expect(zh.pct(null)).toBe("—");
  });
});
