// A pipeline run while the site build reads the published files corrupts neither: every run succeeds,
// and every copy the site step takes is one whole output (each file matches the copied manifest).
import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {createHash} from "node:crypto";
import {join} from "node:path";
import {copyPublished, siteName} from "../../pipelines/site/copy-published.js";
import {TIMEOUT, runCli, spawnCli, tempDir, PRIVATE_KEY} from "../helpers.js";

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
    const out = join(tempDir(), "out");
    expect(runCli(["run", "--input", "test/fixtures/clean", "--out", out, ...PRIVATE_KEY, "--quiet"]).status).toBe(0);
    // four runs, each replacing the other input's output while the copies go on (six added only cost)
    const inputs = ["data/demo", "test/fixtures/clean", "data/demo", "test/fixtures/clean"];
    const codes: (number | null)[] = [];
    let running = true;
    const runs = (async () => {
      for (const input of inputs) {
        const child = spawnCli(["run", "--input", input, "--out", out, ...PRIVATE_KEY, "--quiet"]);
        codes.push(await new Promise<number | null>((resolve) => child.on("exit", resolve)));
      }
      running = false;
    })();
    const seen = new Set<string>();
    let copies = 0;
    const data = join(tempDir(), "data");
    while (running) {
      copyPublished(join(out, "published", "public"), data);
      seen.add(checkCopy(data));
      copies++;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await runs;
    expect(codes).toEqual(inputs.map(() => 0));
    // both outputs were read while the runs replaced each other
    expect(seen.size).toBe(2);
    console.log(`${copies} consistent copies taken during ${inputs.length} runs`);
  }, TIMEOUT.long);
});
