// Paths compared as the file system sees them: a symlink, `..` or a relative path must not get a key
// file or an output folder past an "inside the data folder" check.
import {lstatSync, realpathSync} from "node:fs";
import {basename, dirname, isAbsolute, relative, resolve, sep} from "node:path";

/** The real path of `path`, symlinks resolved; for a path that does not exist yet, its deepest existing
 * ancestor resolved and the rest appended (where it would be created). */
export function realPathOf(path: string): string {
  let existing = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      return resolve(realpathSync(existing), ...rest);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR" && code !== "ELOOP") throw error;
    }
    const parent = dirname(existing);
    if (parent === existing) return resolve(path);
    rest.unshift(basename(existing));
    existing = parent;
  }
}

/** Whether `path` is `dir` or inside it; both should be real paths. */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Whether `path` itself is a symbolic link (whatever it points to, if anything). */
export function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
