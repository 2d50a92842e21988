// Where the site step and the site tests find the pipeline's output: JUNHENG_OUT, absolute or relative
// to the project root (as `npm run build` passes it to --out), default `out`.
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {UsageError} from "../errors.js";

export function siteOut(root: string, out: string = process.env.JUNHENG_OUT || "out"): string {
  return resolve(root, out);
}

/** <out>/published, or a bilingual error saying why it cannot be used. */
export function publishedDir(root: string, out?: string): string {
  const dir = siteOut(root, out);
  if (!existsSync(join(dir, "published", "manifest.json"))) {
    throw new UsageError(
      `${dir} 中没有 published/manifest.json，不是 Junheng 的输出：请先运行流水线（npm run build 两步都做），或用 JUNHENG_OUT 指向输出目录`,
      `${dir} has no published/manifest.json, so it is no Junheng output: run the pipeline first (npm run build does both), or point JUNHENG_OUT at its output folder`
    );
  }
  return join(dir, "published");
}
