// pipelines/memory.ts: the bound on the garbage a long computation leaves (the disclosure audit's, at province
// size more than a gigabyte while DuckDB fills its cache again). Measured on the real heap, not timed.
import {getHeapStatistics} from "node:v8";
import {describe, expect, it} from "vitest";
import {collectGarbage, garbageBound} from "../../pipelines/memory.js";

const MB = 2 ** 20;
const used = () => getHeapStatistics().used_heap_size;

/** ~`mb` MB of heap in many small objects, as the audit's maps and vectors are */
const garbage = (mb: number) => Array.from({length: mb * 8000}, (_, i) => ({i, values: new Array(8).fill(i + 0.5)}));

describe("garbageBound", () => {
  it("collects once the heap has grown past its bound since its last collection", () => {
    collectGarbage();
    const bound = garbageBound(32 * MB);
    let junk: unknown[] | null = garbage(200);
    const grown = used();
    expect(grown).toBeGreaterThan(100 * MB);
    junk = null;
    bound();
    expect(junk).toBeNull();
    expect(used(), "the dead objects collected").toBeLessThan(grown - 100 * MB);
  });

  it("keeps what is still referenced", () => {
    const bound = garbageBound(1 * MB);
    const kept = garbage(50);
    bound();
    expect(kept.length).toBe(50 * 8000);
    expect(kept[7]!.values[3]).toBe(7.5);
  });
});
