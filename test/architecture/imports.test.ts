// docs/architecture.md: data flows one way, and code follows it. A module imports only from its own layer
// or one upstream; a SQL model reads only models of its own layer or upstream ones.
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {loadModels} from "../../pipelines/models/load.js";
import {LAYERS} from "../../pipelines/models/runner.js";

const ROOT = join(import.meta.dirname, "..", "..");

// docs/architecture.md, "Which module may import which": upstream first
// "vocabulary" is the site's wording catalogue (src/wording/): plain data that imports only itself, so the
// site build (English page titles) and the config (header, footer) read the same words as the pages
const LAYER_ORDER = ["foundation", "ingest", "models", "published", "orchestration", "vocabulary", "site build", "pages"] as const;
type Layer = (typeof LAYER_ORDER)[number];

function layerOf(path: string): Layer {
  if (path.startsWith("src/wording/")) return "vocabulary";
  if (path.startsWith("src/")) return "pages";
  if (path.startsWith("pipelines/site/")) return "site build";
  if (path.startsWith("pipelines/ingest/")) return "ingest";
  if (path.startsWith("pipelines/models/")) return "models";
  if (["pipelines/contract.ts", "pipelines/errors.ts", "pipelines/db.ts", "pipelines/sql.ts", "pipelines/wasm-engine.ts", "pipelines/csv-rule.ts", "pipelines/paths.ts", "pipelines/version.ts"].includes(path)) return "foundation";
  if (["pipelines/publish.ts", "pipelines/arrow.ts"].includes(path)) return "published";
  return "orchestration"; // run.ts, cli.ts, safe-write.ts and the tools (demo/, bench/, dev/, bin/)
}

// none: the page list the build step enumerates lives in pipelines/site/pages.js
const EXCEPTIONS = new Set<string>();

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "vendor" || name === "data" || name === ".observablehq") return [];
    return statSync(path).isDirectory() ? walk(path) : /\.(ts|js|mjs)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** project files a module imports (static, dynamic, type-only), as paths from the root */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((match) => match[1]!);
  const paths: string[] = [];
  for (const specifier of specifiers) {
    let target: string;
    if (specifier.startsWith(".")) target = resolve(dirname(file), specifier);
    else if (specifier.startsWith("/") && file.startsWith(join(ROOT, "src"))) target = join(ROOT, "src", specifier);
    else continue; // a package
    // TypeScript imports name the compiled .js
    if (!existsSync(target) && existsSync(target.replace(/\.js$/, ".ts"))) target = target.replace(/\.js$/, ".ts");
    paths.push(relative(ROOT, target));
  }
  return paths;
}

describe("architecture", () => {
  it("has no import against the flow", () => {
    const files = [...walk(join(ROOT, "pipelines")), ...walk(join(ROOT, "src"))];
    expect(files.length).toBeGreaterThan(40);
    const against: string[] = [];
    for (const file of files) {
      const from = relative(ROOT, file);
      for (const to of importsOf(file)) {
        if (!to.startsWith("pipelines/") && !to.startsWith("src/")) continue;
        if (EXCEPTIONS.has(`${from} → ${to}`)) continue;
        if (LAYER_ORDER.indexOf(layerOf(to)) > LAYER_ORDER.indexOf(layerOf(from))) against.push(`${from} (${layerOf(from)}) → ${to} (${layerOf(to)})`);
      }
    }
    expect(against).toEqual([]);
  });

  it("catches an import against the flow", () => {
    // the rule itself: a model importing the publisher, ingest importing a model, the pipeline importing a page
    expect(LAYER_ORDER.indexOf(layerOf("pipelines/publish.ts"))).toBeGreaterThan(LAYER_ORDER.indexOf(layerOf("pipelines/models/runner.ts")));
    expect(LAYER_ORDER.indexOf(layerOf("pipelines/models/runner.ts"))).toBeGreaterThan(LAYER_ORDER.indexOf(layerOf("pipelines/ingest/checks-sql.ts")));
    expect(LAYER_ORDER.indexOf(layerOf("src/components/card.js"))).toBeGreaterThan(LAYER_ORDER.indexOf(layerOf("pipelines/run.ts")));
    expect(importsOf(join(ROOT, "pipelines", "publish.ts"))).toContain("pipelines/models/runner.ts");
  });

  it("has no SQL model reading a model of a later layer", () => {
    const models = loadModels();
    const against: string[] = [];
    for (const model of models) {
      const body = model.sql.replace(/--[^\n]*/g, "");
      for (const other of models) {
        if (other !== model && new RegExp(`\\b${other.name}\\b`).test(body) && LAYERS.indexOf(other.layer) > LAYERS.indexOf(model.layer)) {
          against.push(`${model.layer}/${model.name} reads ${other.layer}/${other.name}`);
        }
      }
      if (model.layer !== "staging" && /\braw_(schools|groups|memberships|teachers|exchanges|exams|scores)\b/.test(body)) against.push(`${model.name} reads a raw_* table: only staging does`);
    }
    expect(against).toEqual([]);
  });
});
