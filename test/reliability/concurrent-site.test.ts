// A pipeline run while the site build reads the published files corrupts neither: every run succeeds,
// and every copy the site step takes is one whole output (each file matches the copied manifest).
import {describe, expect, it} from "vitest";
import {cpSync, readFileSync} from "node:fs";
import {createHash} from "node:crypto";
import {join} from "node:path";
import {copyPublished, siteName} from "../../pipelines/site/copy-published.js";
import {ROOT, TIMEOUT, spawnCli, tempDir, PRIVATE_KEY} from "../helpers.js";
import {cleanOutput} from "../demo-run.js";

function checkCopy(data: string): string {
  const manifest = JSON.parse(readFileSync(join(data, "manifest.json"), "utf8"));
  for (const table of manifest.published) {
    for (const file of table.files) {
      const path = file.file.endsWith(".arrow") || file.file.endsWith(".json") ? join(data, file.file) : join(data, "downloads", file.file);
      expect(createHash("sha256").update(readFileSync(path)).digest("hex"), file.file).toBe(file.sha256);
    }
  }
  // the release beside the tables (docs/release.md) is part of the same whole copy
  expect(manifest.release.length).toBe(4);
  for (const file of manifest.release) {
    expect(createHash("sha256").update(readFileSync(join(data, "downloads", siteName(file.file)))).digest("hex"), file.file).toBe(file.sha256);
  }
  return manifest.periods.join(",");
}

describe("a run while the site step reads the output", () => {
  it("gives whole copies and successful runs", async () => {
    // a previous output: the suite's shared run of the clean fixture (test/demo-run.ts), in a folder of its own
    const out = await cleanOutput();
    // two runs, each replacing the other input's output while the copies go on: the clean fixture's first
    // period alone, then both periods again (the copy says which output it is by its periods). What can go
    // wrong is a copy taken across a swap, and each run swaps once: from the moment a run says it has written
    // its output (the stage trace) until it has ended, the copies follow one another with no pause; before
    // that, one copy at each stage the run reports (the output is not changing then). The copies used to go on
    // every 10 ms for the whole of four runs (the demo twice): about 400 copies, 30 s of CPU, nearly all of an
    // output nothing was replacing.
    const one = join(tempDir(), "one-period");
    cpSync(join(ROOT, "test", "fixtures", "clean", "2025Q3"), join(one, "2025Q3"), {recursive: true});
    const inputs = [one, "test/fixtures/clean"];
    const codes: (number | null)[] = [];
    let running = true;
    let swapping = false;
    let wake = () => {};
    const runs = (async () => {
      for (const input of inputs) {
        const child = spawnCli(["run", "--input", input, "--out", out, ...PRIVATE_KEY, "--quiet"], {JUNHENG_TRACE_STAGES: "1", JUNHENG_KEY: "", JUNHENG_KEY_FILE: ""});
        let ended = false;
        child.stderr.on("data", (chunk: Buffer) => {
          if (!ended && chunk.toString().includes("stage written")) swapping = true;
          wake();
        });
        codes.push(
          await new Promise<number | null>((resolve) =>
            child.on("exit", (code) => {
              ended = true;
              swapping = false;
              resolve(code);
            })
          )
        );
      }
      running = false;
      wake();
    })();
    const seen = new Set<string>();
    let copies = 0;
    let acrossSwap = 0;
    const data = join(tempDir(), "data");
    while (running) {
      const during = swapping;
      copyPublished(join(out, "published", "public"), data);
      seen.add(checkCopy(data));
      copies++;
      if (during) acrossSwap++;
      if (!running) break;
      await new Promise<void>((resolve) => (swapping ? setImmediate(resolve) : (wake = resolve)));
    }
    await runs;
    expect(codes).toEqual(inputs.map(() => 0));
    // both outputs were read while the runs replaced each other
    expect(seen).toEqual(new Set(["2025Q3", "2025Q3,2025Q4"]));
    console.log(`${copies} consistent copies taken during ${inputs.length} runs, ${acrossSwap} of them from a run's "written" to its end`);
  }, TIMEOUT.long);
});
