// The wording catalogue (src/wording/): every key in both languages, the same placeholders on both sides,
// each key written once, each file registered in all.js and holding only its own area's keys; each page
// loading the areas its keys are in.
import {readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {describe, expect, it} from "vitest";
import {AREAS, CATALOGUE, column, formats, label, SHARED, t} from "../../src/wording/all.js";
import * as shared from "../../src/wording/index.js";

const ROOT = join(import.meta.dirname, "..", "..");
const DIR = join(ROOT, "src", "wording");
const NOT_AREAS = new Set(["index.js", "all.js", "format.js"]);
const areaFiles = readdirSync(DIR).filter((name) => name.endsWith(".js") && !NOT_AREAS.has(name)).sort();
const placeholders = (text: string): string[] => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe("the wording catalogue", () => {
  it("registers every file of src/wording in all.js, under the file's name", () => {
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

describe("a page's areas", () => {
  // every t(lang, …) and has(…) call of the site's code: the area names in its key's literal parts
  const areasCalled = (code: string): string[] =>
    [...code.matchAll(/(?<![\w.])(?:t\(\s*lang\s*,|has\()([^,)]*)/g)].flatMap((call) => [...call[1]!.matchAll(/["'`](\w+)\./g)].map((m) => m[1]!));
  const areasImported = (code: string): string[] => [...code.matchAll(/from\s+["'](?:\.\.|)\/wording\/(\w+)\.js["']/g)].map((m) => m[1]!);
  const siteFiles = (dir: string): string[] =>
    readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
      entry.isDirectory()
        ? ["data", "en", "vendor", "wording"].includes(entry.name) ? [] : siteFiles(join(dir, entry.name))
        : /\.(js|md)$/.test(entry.name) ? [join(dir, entry.name)] : []
    );

  it("reads the calls as written", () => {
    expect(areasCalled('t(lang, x ? "common.yes" : "common.no"); has(`methodology.stage.${s}`); w("coverage.title"); const w = (k) => t(lang, `balance.${k}`);')).toEqual(["common", "common", "methodology", "balance"]);
  });

  it("each module of the site imports the file of every area whose keys it looks up, but the shared ones", () => {
    const missing: string[] = [];
    const files = siteFiles(join(ROOT, "src"));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const code = readFileSync(file, "utf8");
      const imported = new Set([...Object.keys(SHARED), ...areasImported(code)]);
      for (const area of areasCalled(code)) if (!imported.has(area)) missing.push(`${relative(ROOT, file)}: ${area}`);
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it("index.js holds only the shared areas: an area not passed to wording() throws, as an unknown key does", () => {
    expect(Object.keys(SHARED).sort()).toEqual(["column", "common", "label"]);
    expect(shared.t("en", "common.noData")).toBe(CATALOGUE["common.noData"]!.en);
    expect(() => shared.t("en", "balance.cv.title")).toThrow(/balance\.cv\.title/);
    expect(shared.has("balance.cv.title")).toBe(false);
    const balance = shared.wording(AREAS.balance!);
    expect(balance.t("zh", "balance.cv.title")).toBe(CATALOGUE["balance.cv.title"]!.zh);
    expect(balance.has("common.noData")).toBe(true);
    expect(() => balance.t("zh", "gaps.title")).toThrow(/gaps\.title/);
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
