// Data flows one way: contract → ingest → models → the orchestration → publish → the run and the command
// line, and the site step after all of them; src/ reads only what was published and what was bundled for
// it. This reads every import of pipelines/, src/ and the site's config and fails on an arrow against
// that flow, naming importer and imported.
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {describe, expect, it} from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const SRC = join(ROOT, "src");

function files(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (entry.startsWith(".") || entry === "node_modules" || entry === "data" || entry === "vendor" || entry === "en") continue;
    if (statSync(path).isDirectory()) found.push(...files(path, pattern));
    else if (pattern.test(entry)) found.push(path);
  }
  return found;
}

/** Every specifier a file imports or re-exports, statically or dynamically (comments and strings aside). */
function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const specifiers: string[] = [];
  for (const match of code.matchAll(/(?:^|[;\n])\s*(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']|(?:^|[;\n])\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)) {
    specifiers.push((match[1] ?? match[2] ?? match[3])!);
  }
  return specifiers;
}

/** A file's imports resolved to repository paths (bare package names stay as they are). */
function edges(file: string): {from: string; to: string}[] {
  return importsOf(readFileSync(file, "utf8")).map((specifier) => {
    const from = relative(ROOT, file);
    if (specifier.startsWith(".")) {
      // TypeScript imports name the .js a .ts compiles to
      const path = resolve(dirname(file), specifier);
      const ts = path.replace(/\.js$/, ".ts");
      return {from, to: relative(ROOT, !existsSync(path) && existsSync(ts) ? ts : path)};
    }
    // Framework serves src/ as the site's root: "/components/x.js" is src/components/x.js
    if (specifier.startsWith("/")) return {from, to: relative(ROOT, join(SRC, specifier))};
    return {from, to: specifier};
  });
}

// Lower ranks come first in the flow; a module may import only its own rank or lower.
const RANKS: [RegExp, number][] = [
  [/^pipelines\/(contract|errors|sql|db|wasm-engine|arrow)\.ts$/, 0],
  [/^pipelines\/ingest\//, 1],
  [/^pipelines\/models\//, 2],
  [/^pipelines\/orchestrate\.ts$/, 3],
  [/^pipelines\/(publish|safe-write)\.ts$/, 4],
  [/^pipelines\/run\.ts$/, 5],
  [/^pipelines\/cli\.ts$/, 6],
  [/^pipelines\/site\//, 7]
];
const rankOf = (path: string) => RANKS.find(([pattern]) => pattern.test(path))?.[1];

const pipelineEdges = () => files(join(ROOT, "pipelines"), /\.(ts|mjs|js)$/).flatMap(edges);

describe("architecture: no arrow against the data flow", () => {
  it("reads imports as a module system does", () => {
    const text = `// import {x} from "./commented.js";\nimport {a, b} from "./a.js";\nexport {c} from "../c.js";\nimport "./side-effect.js";\nimport type {T} from "./t.js";\nconst m = await import("./lazy.js");\nconst s = "import {z} from './string.js'";`;
    expect(importsOf(text)).toEqual(["./a.js", "../c.js", "./side-effect.js", "./t.js", "./lazy.js"]);
  });

  it("ingest imports no model, orchestration, publishing, run or site module; models none above them", () => {
    const against = pipelineEdges().filter(({from, to}) => {
      const a = rankOf(from);
      const b = rankOf(to);
      return a !== undefined && b !== undefined && b > a;
    });
    expect(against).toEqual([]);
  });

  it("nothing in pipelines/ and nothing the site's config reads imports src/, but the wording catalogue", () => {
    const all = [...pipelineEdges(), ...edges(join(ROOT, "observablehq.config.ts"))];
    expect(all.filter(({to}) => to.startsWith("src/") && !to.startsWith("src/wording/"))).toEqual([]);
    // the catalogue is a leaf: plain data that imports only itself
    const wording = readdirSync(join(ROOT, "src", "wording")).filter((name) => name.endsWith(".js"));
    expect(wording.flatMap((name) => edges(join(ROOT, "src", "wording", name))).filter(({to}) => !to.startsWith("src/wording/"))).toEqual([]);
  });

  it("src/ imports only src/ (where the bundles for the browser are written) and npm packages", () => {
    const site = files(SRC, /\.(js|md)$/).flatMap(edges);
    expect(site.length).toBeGreaterThan(20);
    expect(site.filter(({to}) => to.startsWith("..") || to.startsWith("pipelines/") || to.startsWith("test/") || to.startsWith("npm:"))).toEqual([]);
  });

  it("what is bundled for the browser reaches no Node module", () => {
    const entries = ["pipelines/site/browser/ingest.ts", "pipelines/site/browser/stage-worker.ts", "pipelines/sql.ts", "pipelines/wasm-engine.ts"];
    const seen = new Set<string>();
    const nodeOnly: string[] = [];
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const {to} of edges(join(ROOT, path))) {
        if (to.startsWith("pipelines/")) visit(to);
        else if (to.startsWith("node:") || to === "@duckdb/node-api") nodeOnly.push(`${path} → ${to}`);
      }
    };
    for (const entry of entries) visit(entry);
    expect(seen.has("pipelines/orchestrate.ts")).toBe(true);
    expect(nodeOnly).toEqual([]);
  });
});
