// Where the site step and the site tests find the pipeline's output: JUNHENG_OUT, absolute or relative
// to the project root (as `npm run build` passes it to --out), default `out`; and which edition the site
// shows: JUNHENG_EDITION, `public` (the default: what may go on the internet) or `internal`
// (docs/editions.md). The site reads <out>/published/<edition>/ only.
import {existsSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {UsageError} from "../errors.js";
import {EDITIONS, type Edition} from "../editions.js";

export function siteOut(root: string, out: string = process.env.JUNHENG_OUT || "out"): string {
  return resolve(root, out);
}

/** The edition the site is built from: JUNHENG_EDITION, default public; anything else is refused. */
export function siteEdition(edition: string = process.env.JUNHENG_EDITION || "public"): Edition {
  if (!(EDITIONS as readonly string[]).includes(edition)) {
    throw new UsageError(
      `JUNHENG_EDITION=${JSON.stringify(edition)} 不是一个版本：应为 public（公开版，默认）或 internal（内部版）`,
      `JUNHENG_EDITION=${JSON.stringify(edition)} is no edition: use public (the default) or internal`
    );
  }
  return edition as Edition;
}

/** <out>/published/<edition>, or a bilingual error saying why it cannot be used. */
export function publishedDir(root: string, out?: string, edition: Edition = siteEdition()): string {
  const dir = siteOut(root, out);
  const manifest = join("published", edition, "manifest.json");
  if (!existsSync(join(dir, manifest))) {
    const older = existsSync(join(dir, "published", "manifest.json"));
    throw new UsageError(
      `${dir} 中没有 ${manifest}，${older ? "这是旧版本 Junheng 的输出（没有公开版和内部版之分）：请重新运行流水线" : "不是 Junheng 的输出：请先运行流水线（npm run build 两步都做），或用 JUNHENG_OUT 指向输出目录"}`,
      `${dir} has no ${manifest}, ${older ? "so it is the output of an older Junheng (with no public and internal editions): run the pipeline again" : "so it is no Junheng output: run the pipeline first (npm run build does both), or point JUNHENG_OUT at its output folder"}`
    );
  }
  return join(dir, "published", edition);
}

/**
 * Where `observable build` writes the site of the edition prepared in src/data (observablehq.config.ts
 * follows the same rule): dist/ for the public edition, dist-internal/ for the internal one, so that the
 * folder a bureau uploads to a public server never holds the internal edition.
 */
export function siteDist(root: string): string {
  const manifest = join(root, "src", "data", "manifest.json");
  const edition = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, "utf8")) as {edition?: string}).edition : undefined;
  return join(root, edition === "internal" ? "dist-internal" : "dist");
}
