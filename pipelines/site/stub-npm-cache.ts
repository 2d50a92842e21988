import {existsSync, mkdirSync, readdirSync, readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {ROOT, SRC} from "./paths.js";

/**
 * `observable build` asks the npm registry for the version of each library its client can load lazily
 * (DuckDB, Mermaid, Vega…), even when no page uses them. An empty `<name>@0.0.0-offline` folder in the
 * cache answers that question locally, so the build works with no network at all. The names come from
 * the `npm:` specifiers in Framework's client code, so a Framework upgrade keeps working.
 */
export function stubNpmCache(): string[] {
  const client = join(ROOT, "node_modules", "@observablehq", "framework", "dist", "client");
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith(".js")) {
        for (const match of readFileSync(join(dir, entry.name), "utf8").matchAll(/["'`]npm:((?:@[\w.-]+\/)?[\w.-]+)/g)) names.add(match[1]!);
      }
    }
  };
  walk(client);
  const cache = join(SRC, ".observablehq", "cache", "_npm");
  for (const name of names) {
    const scope = join(cache, dirname(name) === "." ? "" : dirname(name));
    const base = name.split("/").at(-1)!;
    const already = existsSync(scope) && readdirSync(scope, {withFileTypes: true}).some((entry) => entry.isDirectory() && entry.name.startsWith(`${base}@`));
    if (!already) mkdirSync(join(cache, `${name}@0.0.0-offline`), {recursive: true});
  }
  return [...names].sort();
}
