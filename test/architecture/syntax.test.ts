// Every JavaScript module of the site parses. The views' unit tests import views, not the chart components,
// and a component with a syntax error (a comma lost in an edit of intervalChart.js) passed every unit test
// and stopped `observable build` with "Unexpected token" — found only by a clean clone's build.
import {readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {transformSync} from "esbuild";
import {describe, expect, it} from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

function modules(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "vendor" || entry.name === "data" ? [] : modules(path);
    return entry.name.endsWith(".js") ? [path] : [];
  });
}

describe("site modules", () => {
  it("all parse as ES modules", () => {
    const files = modules(join(ROOT, "src"));
    expect(files.length).toBeGreaterThan(40);
    const broken: string[] = [];
    for (const file of files) {
      try {
        transformSync(readFileSync(file, "utf8"), {loader: "js", format: "esm", sourcefile: file});
      } catch (error) {
        broken.push(`${relative(ROOT, file)}: ${(error as Error).message.split("\n")[0]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
