// A run builds its whole output in a sibling folder and swaps it in only when everything worked, so
// a failed or killed run leaves the previous <out> as it was. A lock file beside <out> makes a second
// run fail at once instead of racing the first. A run replaces only an <out> it owns: missing, empty,
// or a previous Junheng output holding nothing a run did not write (checkOut); and it removes only
// leftovers of its own runs.
import {accessSync, closeSync, constants, existsSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync} from "node:fs";
import {basename, dirname, join, parse, relative, resolve, sep} from "node:path";
import {homedir, hostname} from "node:os";
import {UsageError} from "./errors.js";
import {isInside, isSymlink, realPathOf} from "./paths.js";
import {TOOL_VERSION} from "./version.js";

export interface OutputPaths {
  out: string;
  parent: string;
  lock: string;
  build: string;
  previous: string;
}

/** The marker a run writes into <out>: what recognises a folder as a Junheng output it may replace. */
export const MARKER = ".junheng-output";

export function outputPaths(out: string): OutputPaths {
  const full = resolve(out);
  const parent = dirname(full);
  const name = basename(full);
  return {
    out: full,
    parent,
    lock: join(parent, `.junheng-${name}.lock`),
    build: join(parent, `.junheng-${name}.tmp-${process.pid}`),
    previous: join(parent, `.junheng-${name}.prev`)
  };
}

/**
 * Before any work: the folder `run` will write, or a refusal naming it and why. <out> is resolved
 * through symlinks (a symlinked <out> replaces the folder it points to and stays a symlink), and must
 * not be the input, contain it or lie inside it, be the root or the home folder (or contain it), be a
 * file, or be a folder holding anything a run did not write; its parent must be writable.
 */
export function checkOut(out: string, input: string): OutputPaths {
  const refuse: (zh: string, en: string) => never = (zh, en) => {
    throw new UsageError(`不能用 ${out} 作为输出目录（--out）：${zh}；未做任何改动`, `cannot use ${out} as the output folder (--out): ${en}; nothing was changed`);
  };
  const full = resolve(out);
  if (isSymlink(full)) {
    try {
      realpathSync(full);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ELOOP") refuse("它是一个循环的符号链接", "it is a symbolic link loop");
      refuse("它是指向不存在位置的符号链接", "it is a symbolic link to nothing");
    }
  }
  const real = realPathOf(full);
  const realInput = realPathOf(input);
  const home = realPathOf(homedir());
  if (real === parse(real).root) refuse("这是文件系统的根目录", "it is the root of the file system");
  if (real === realInput) refuse("它就是输入目录", "it is the input folder itself");
  if (isInside(real, realInput)) refuse(`它位于输入目录 ${input} 之内`, `it is inside the input folder ${input}`);
  if (isInside(realInput, real)) refuse(`它包含输入目录 ${input}`, `it contains the input folder ${input}`);
  if (isInside(home, real)) refuse(real === home ? "这是用户主目录" : `它包含用户主目录 ${home}`, real === home ? "it is the home folder" : `it contains the home folder ${home}`);
  const shown = real === full ? "" : `（${real}）`;
  const shownEn = real === full ? "" : ` (${real})`;
  let stat;
  try {
    stat = statSync(real);
  } catch {
    stat = undefined;
  }
  if (stat && !stat.isDirectory()) refuse(`它${shown}是一个文件，不是目录`, `it${shownEn} is a file, not a folder`);
  if (stat) {
    const foreign = foreignEntries(real);
    if (foreign === undefined) refuse(`目录${shown}不是空的，也不是 Junheng 的输出`, `the folder${shownEn} is neither empty nor a Junheng output`);
    if (foreign.length > 0) refuse(`目录${shown}中有不是 Junheng 写入的内容：${listed(foreign)}`, `the folder${shownEn} holds what no Junheng run wrote: ${listed(foreign)}`);
  }
  // the nearest folder that exists: where the lock, the build and any missing parents are created
  let existing = dirname(real);
  while (!existsSync(existing)) existing = dirname(existing);
  if (!statSync(existing).isDirectory()) refuse(`路径中的 ${existing} 是文件`, `${existing} in the path is a file`);
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    refuse(`没有写入权限：${existing}`, `permission denied: cannot write in ${existing}`);
  }
  return outputPaths(real);
}

function listed(entries: string[]): string {
  return entries.slice(0, 3).join(", ") + (entries.length > 3 ? ` … (${entries.length})` : "");
}

/**
 * What in `dir` a run did not write: [] for an empty folder or a Junheng output with nothing added,
 * undefined for a folder that is no Junheng output at all. An output is recognised by its marker (the
 * files it lists) or, for outputs of 0.1.0 which had no marker (or an output whose marker was lost), by
 * its layout: manifest.json naming junheng, warehouse.duckdb, and published/ (or its editions' folders)
 * holding only the files its manifest lists.
 */
export function foreignEntries(dir: string): string[] | undefined {
  if (readdirSync(dir).length === 0) return [];
  const owned = ownedFiles(dir);
  if (!owned) return undefined;
  const ownedPaths = new Set<string>();
  for (const file of owned) {
    for (let at = file; at !== "."; at = dirname(at)) ownedPaths.add(at);
  }
  // a foreign folder is named as a whole, not walked (it may be large)
  return walk(dir, (entry) => ownedPaths.has(entry)).filter((entry) => !ownedPaths.has(entry));
}

function ownedFiles(dir: string): string[] | undefined {
  const marker = readJson(join(dir, MARKER)) as {tool?: string; files?: unknown} | undefined;
  if (marker?.tool === "junheng") return [MARKER, ...(Array.isArray(marker.files) ? marker.files.map(String) : [])];
  type Tables = {files?: {file?: string}[]}[];
  type Release = {file?: string}[];
  const manifest = readJson(join(dir, "manifest.json")) as {tool?: {name?: string}; published?: Tables; editions?: Record<string, {dir?: string; published?: Tables; release?: Release}>} | undefined;
  if (manifest?.tool?.name !== "junheng" || !existsSync(join(dir, "warehouse.duckdb")) || !existsSync(join(dir, "published"))) return undefined;
  const listed = (folder: string, tables: Tables = []) => [`${folder}/manifest.json`, ...tables.flatMap((table) => (table.files ?? []).map((file) => `${folder}/${file.file}`))];
  // 0.1.0: published/ flat; later outputs whose marker was lost: one folder per edition (docs/editions.md)
  const editions = Object.values(manifest.editions ?? {}).filter((edition) => typeof edition.dir === "string" && /^published\/[a-z]+$/.test(edition.dir));
  // each edition's release files beside its tables (datapackage.json, methodology.md, CITATION.cff, the zip: docs/release.md)
  const release = (folder: string, files: Release = []) => files.filter((entry) => typeof entry.file === "string" && !entry.file.includes("/")).map((entry) => `${folder}/${entry.file}`);
  const published = editions.length
    ? editions.flatMap((edition) => [...listed(edition.dir!, edition.published), ...release(edition.dir!, edition.release)])
    : listed("published", manifest.published);
  return ["manifest.json", "rejects.csv", "warehouse.duckdb", ...published];
}

/** Every entry under dir, relative, symlinks not followed; descends only into folders `enter` accepts. */
function walk(dir: string, enter: (entry: string) => boolean = () => true): string[] {
  const entries: string[] = [];
  const visit = (at: string) => {
    for (const entry of readdirSync(at, {withFileTypes: true})) {
      const full = join(at, entry.name);
      const name = relative(dir, full).split(sep).join("/");
      entries.push(name);
      if (entry.isDirectory() && enter(name)) visit(full);
    }
  };
  visit(dir);
  return entries.sort();
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/** A leftover of our own runs (a .tmp- build or a .prev output): only such a folder is ever removed. */
function isOurLeftover(dir: string): boolean {
  if (!lstatSync(dir).isDirectory()) return false;
  if (existsSync(join(dir, MARKER)) || ownedFiles(dir)) return true;
  // a build killed before it wrote its marker, or by 0.1.0: only names a build writes
  const names = new Set(["_work", "_spill", "warehouse.duckdb", "warehouse.duckdb.wal", "published", "rejects.csv", "rejects.csv.plain", "manifest.json"]);
  try {
    return readdirSync(dir).every((name) => names.has(name));
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Take the lock or fail at once; a lock left by a killed run (its process gone) is taken over. */
export function acquireLock(paths: OutputPaths): () => void {
  mkdirSync(paths.parent, {recursive: true});
  const content = JSON.stringify({pid: process.pid, host: hostname(), started_at: new Date().toISOString()});
  // The lock is written whole under a name of this process's own, then linked into place: like opening it with
  // "wx", the link fails when a lock is there, but no process ever finds it empty. Opened and then written, a run
  // killed between the two left an empty lock, which every later run took for a live run's (crash.test.ts, once,
  // on a loaded machine). A draft left by a killed run goes with the next run's other leftovers (recover).
  const draft = `${paths.lock}.${process.pid}`;
  try {
    writeFileSync(draft, content, {flag: "w"});
  } catch (error) {
    throw unwritable(paths, error);
  }
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        placeLock(draft, paths.lock, content);
        let released = false;
        return () => {
          if (released) return;
          released = true;
          rmSync(paths.lock, {force: true});
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw unwritable(paths, error);
        let holder: {pid?: number; host?: string; started_at?: string} = {};
        try {
          holder = JSON.parse(readFileSync(paths.lock, "utf8"));
        } catch {
          // garbage (no run of this version writes a partial lock): treat as held, the message names the file
        }
        const sameHost = holder.host === undefined || holder.host === hostname();
        if (holder.pid && sameHost && !isAlive(holder.pid)) {
          rmSync(paths.lock, {force: true});
          continue;
        }
        const [pid, started] = [holder.pid ?? "?", holder.started_at ?? "?"];
        throw new UsageError(
          `另一个 junheng 进程（pid ${pid}，开始于 ${started}）正在写入 ${paths.out}；请等它结束后再运行（锁文件 ${paths.lock}）`,
          `another junheng run (pid ${pid}, started ${started}) is writing ${paths.out}; wait for it to finish ` +
            `(lock file ${paths.lock})`
        );
      }
    }
  } finally {
    rmSync(draft, {force: true});
  }
  throw new UsageError(`无法获得 ${paths.lock}`, `could not take the lock ${paths.lock}`);
}

/** Link the written draft into place; where the file system has no hard links (FAT, some shares), open with "wx"
 * and write, as before. Throws EEXIST when a lock is there. */
function placeLock(draft: string, lock: string, content: string): void {
  try {
    linkSync(draft, lock);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS" && code !== "EOPNOTSUPP") throw error;
    const fd = openSync(lock, "wx");
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
  }
}

function unwritable(paths: OutputPaths, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EROFS") {
    return new UsageError(`无法在 ${paths.parent} 中写入：没有权限`, `cannot write in ${paths.parent}: permission denied`);
  }
  return error;
}

/** Under the lock: finish a swap a killed run left half done, and clear its leftovers (only ours). */
export function recover(paths: OutputPaths): void {
  if (existsSync(paths.previous) || isSymlink(paths.previous)) {
    if (!isOurLeftover(paths.previous)) throw notOurs(paths.previous);
    if (!existsSync(paths.out)) renameSync(paths.previous, paths.out);
    else rmSync(paths.previous, {recursive: true, force: true});
  }
  // a killed run's build (removed only if it holds nothing a run did not write), and its draft of the lock
  // (`<lock>.<pid>`, acquireLock), each named with the run's pid
  const build = `${basename(paths.lock).replace(/\.lock$/, "")}.tmp-`;
  const draft = `${basename(paths.lock)}.`;
  for (const entry of readdirSync(paths.parent)) {
    const dir = join(paths.parent, entry);
    // a draft is a file named <lock>.<digits>: nothing else of that name is taken for one
    const isDraft = entry.startsWith(draft) && /^\d+$/.test(entry.slice(draft.length)) && lstatSync(dir).isFile();
    if (!isDraft && !entry.startsWith(build)) continue;
    const pid = Number(entry.slice((isDraft ? draft : build).length));
    const gone = pid === process.pid || !isAlive(pid);
    if (gone && (isDraft || isOurLeftover(dir))) rmSync(dir, {recursive: true, force: true});
  }
}

export function prepareBuild(paths: OutputPaths): string {
  try {
    mkdirSync(paths.build);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw notOurs(paths.build);
  }
  writeMarker(paths.build, []);
  return paths.build;
}

function notOurs(path: string): UsageError {
  return new UsageError(`${path} 已存在，但不是 junheng 留下的；请移走它后再运行`, `${path} exists but was not left by junheng; move it away and run again`);
}

/**
 * Files another Junheng command wrote into an output after its run (junheng report's reports/), added to
 * the marker so that the next run still recognises the folder as wholly Junheng's and replaces it. The caller
 * holds the output's lock. An output without a marker is left as it is.
 */
export function addToMarker(out: string, files: string[]): void {
  const path = join(out, MARKER);
  const marker = readJson(path) as {tool?: string; files?: unknown} | undefined;
  if (marker?.tool !== "junheng") return;
  const listed = Array.isArray(marker.files) ? marker.files.map(String) : [];
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({...marker, files: [...new Set([...listed, ...files])]}, null, 2) + "\n");
  renameSync(tmp, path);
}

/** The marker, listing every file the run wrote (so a later run knows what it may replace). */
export function writeMarker(build: string, files: string[]): void {
  writeFileSync(join(build, MARKER), JSON.stringify({tool: "junheng", version: TOOL_VERSION, files}, null, 2) + "\n");
}

/**
 * Put the finished build in place of <out>. Two renames; `recover` completes them if killed between.
 * <out> is checked again first: something put into it during the run is not ours to remove.
 */
export function swapIn(paths: OutputPaths): void {
  writeMarker(paths.build, walk(paths.build).filter((entry) => entry !== MARKER && statSync(join(paths.build, entry)).isFile()));
  if (existsSync(paths.out)) {
    const foreign = foreignEntries(paths.out);
    if (foreign === undefined || foreign.length > 0) {
      throw new UsageError(
        `运行期间有其他内容放入了 ${paths.out}（${listed(foreign ?? [])}），不是 Junheng 写入的；输出目录未改动`,
        `something was put into ${paths.out} during the run (${listed(foreign ?? [])}) that no Junheng run wrote; the output folder was not changed`
      );
    }
    renameSync(paths.out, paths.previous);
  }
  renameSync(paths.build, paths.out);
  rmSync(paths.previous, {recursive: true, force: true});
}

export function discardBuild(paths: OutputPaths): void {
  rmSync(paths.build, {recursive: true, force: true});
}
