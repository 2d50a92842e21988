// Where the site step reads and writes, its row type, and how it writes JSON (compact: the pages download it).
import {writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

/** the repository's root, src/ and src/data */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SRC = join(ROOT, "src");
export const DATA = join(SRC, "data");

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value));
}

/** a row of a published table, as read from its Arrow file */
export type Row = Record<string, unknown>;
