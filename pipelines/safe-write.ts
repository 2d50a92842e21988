// A run builds its whole output in a sibling folder and swaps it in only when everything worked, so
// a failed or killed run leaves the previous <out> as it was. A lock file beside <out> makes a second
// run fail at once instead of racing the first.
import {closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {hostname} from "node:os";
import {UsageError} from "./errors.js";

export interface OutputPaths {
  out: string;
  parent: string;
  lock: string;
  build: string;
  previous: string;
}

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
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(paths.lock, "wx");
      writeSync(fd, JSON.stringify({pid: process.pid, host: hostname(), started_at: new Date().toISOString()}));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(paths.lock, {force: true});
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EACCES" || (error as NodeJS.ErrnoException).code === "EROFS") {
        throw new UsageError(`无法在 ${paths.parent} 中写入：没有权限`, `cannot write in ${paths.parent}: permission denied`);
      }
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let holder: {pid?: number; host?: string; started_at?: string} = {};
      try {
        holder = JSON.parse(readFileSync(paths.lock, "utf8"));
      } catch {
        // a lock file being written this very moment, or garbage: treat as held unless it stays unreadable
      }
      const sameHost = holder.host === undefined || holder.host === hostname();
      if (holder.pid && sameHost && !isAlive(holder.pid)) {
        rmSync(paths.lock, {force: true});
        continue;
      }
      throw new UsageError(
        `另一个 junheng 进程（pid ${holder.pid ?? "?"}，开始于 ${holder.started_at ?? "?"}）正在写入 ${paths.out}；请等它结束后再运行`,
        `another junheng run (pid ${holder.pid ?? "?"}, started ${holder.started_at ?? "?"}) is writing ${paths.out}; wait for it to finish`
      );
    }
  }
  throw new UsageError(`无法获得 ${paths.lock}`, `could not take the lock ${paths.lock}`);
}

/** Under the lock: finish a swap a killed run left half done, and clear its leftovers. */
export function recover(paths: OutputPaths): void {
  if (existsSync(paths.previous)) {
    if (!existsSync(paths.out)) renameSync(paths.previous, paths.out);
    else rmSync(paths.previous, {recursive: true, force: true});
  }
  const prefix = `${basename(paths.lock).replace(/\.lock$/, "")}.tmp-`;
  for (const entry of readdirSync(paths.parent)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (pid === process.pid || !isAlive(pid)) rmSync(join(paths.parent, entry), {recursive: true, force: true});
  }
}

export function prepareBuild(paths: OutputPaths): string {
  rmSync(paths.build, {recursive: true, force: true});
  mkdirSync(paths.build, {recursive: true});
  return paths.build;
}

/** Put the finished build in place of <out>. Two renames; `recover` completes them if killed between. */
export function swapIn(paths: OutputPaths): void {
  if (existsSync(paths.out)) renameSync(paths.out, paths.previous);
  renameSync(paths.build, paths.out);
  rmSync(paths.previous, {recursive: true, force: true});
}

export function discardBuild(paths: OutputPaths): void {
  rmSync(paths.build, {recursive: true, force: true});
}
