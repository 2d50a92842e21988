// SIGKILL at random moments across every stage of a demo run, many times: the previous <out> is
// byte-identical afterwards (or, when the kill came after the swap, a complete new output), no
// leftovers survive the next run, and the next run succeeds.
import {describe, expect, it} from "vitest";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {TIMEOUT, hashTree, runCli, spawnCli, tempDir} from "../helpers.js";

const ARGS = (out: string) => ["run", "--input", "data/demo", "--out", out, "--demo-key", "--quiet"];
const without = (tree: Record<string, string>, ...names: string[]) =>
  Object.fromEntries(Object.entries(tree).filter(([file]) => !names.includes(file)));

describe("SIGKILL at random moments", () => {
  it("never damages the last good output", async () => {
    const out = join(tempDir(), "out");
    const started = Date.now();
    expect(runCli(ARGS(out)).status).toBe(0);
    const runMs = Date.now() - started;
    let before = hashTree(out);
    const stagesSeen = new Set<string>();
    // 12 kills spread evenly over the run put three or four into each of ingest, models and publish (24
    // doubled the cost and reached no other stage; the loop below adds kills until three stages are reached)
    const planned = 12;
    let kills = 0;
    // Spread the kills over the whole run, start-up included. On a busy machine (other test files run
    // alongside) a run takes longer than the one measured, so keep going with later kills until the
    // kills have landed after at least three different stages.
    for (let i = 0; i < planned || (stagesSeen.size < 3 && i < planned * 3); i++) {
      kills++;
      const stretch = 1.1 + Math.floor(i / planned) * 0.6;
      const delay = Math.round((((i % planned) + Math.random()) / planned) * runMs * stretch);
      const child = spawnCli(ARGS(out), {JUNHENG_TRACE_STAGES: "1"});
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      const code = await exited;
      for (const match of stderr.matchAll(/stage (\w+)/g)) stagesSeen.add(match[1]!);
      if (!existsSync(out)) {
        // killed between the swap's two renames: the next command puts the previous output back
        expect(runCli(ARGS(out)).status).toBe(0);
      }
      const after = hashTree(out);
      if (code === 0 || JSON.stringify(after) !== JSON.stringify(before)) {
        // the run finished before the kill: a complete new output, same published tables
        expect(without(after, "manifest.json", "warehouse.duckdb", "published/public/manifest.json", "published/internal/manifest.json")).toEqual(
          without(before, "manifest.json", "warehouse.duckdb", "published/public/manifest.json", "published/internal/manifest.json")
        );
        expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).periods.length).toBe(9);
        before = after;
      }
    }
    // the next run cleans up every leftover and succeeds
    expect(runCli(ARGS(out)).status).toBe(0);
    expect(readdirSync(dirname(out)).filter((entry) => entry.startsWith(".junheng-"))).toEqual([]);
    console.log(`killed ${kills} runs; stages reached before a kill: ${[...stagesSeen].join(", ")}`);
    expect(stagesSeen.size).toBeGreaterThanOrEqual(3);
  }, TIMEOUT.long);
});
