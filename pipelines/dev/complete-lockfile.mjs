#!/usr/bin/env node
// npm writes no lock entry for a platform package it cannot look up, and the registry mirror this project
// is built against does not serve every platform's optional binaries (e.g. @duckdb/node-bindings-darwin-arm64).
// `npm ci` then refuses the lock ("Missing: … from lock file"). This adds an entry for every optional
// dependency with an exact version that the lock lacks, with the os/cpu/libc its name declares, so `npm ci`
// accepts the lock and skips the packages that are not for this machine. Run it after `npm install`.
//
//   node pipelines/dev/complete-lockfile.mjs [package-lock.json]
import {readFileSync, writeFileSync} from "node:fs";

const path = process.argv[2] ?? "package-lock.json";
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;
const OS = ["darwin", "win32", "linux", "android", "freebsd", "openbsd", "openharmony"];
const CPU = [["arm64", "arm64"], ["x64", "x64"], ["ia32", "ia32"], ["loong64", "loong64"], ["ppc64", "ppc64"], ["riscv64", "riscv64"], ["s390x", "s390x"], ["arm-", "arm"]];

function platform(name) {
  const base = `${name.split("/").at(-1)}-`;
  const entry = {};
  const os = OS.find((candidate) => base.includes(`-${candidate}-`));
  if (os) entry.os = [os];
  const cpu = CPU.find(([token]) => base.includes(`-${token}`));
  if (cpu) entry.cpu = [cpu[1]];
  if (os === "linux") entry.libc = [base.includes("musl") ? "musl" : "glibc"];
  return entry;
}

const added = [];
for (const [key, meta] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    if (packages[`${key ? `${key}/` : ""}node_modules/${dep}`] || packages[`node_modules/${dep}`]) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) continue;
    const {os, cpu, libc} = platform(dep);
    packages[`node_modules/${dep}`] = {version: spec, ...(meta.dev ? {dev: true} : {}), optional: true, ...(cpu ? {cpu} : {}), ...(libc ? {libc} : {}), ...(os ? {os} : {})};
    added.push(`${dep}@${spec}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(path, JSON.stringify(lock, null, 2) + "\n");
console.log(added.length ? `added ${added.length} lock entries: ${added.join(", ")}` : "the lock already lists every optional dependency");
