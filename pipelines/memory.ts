// Node's garbage collector, called where a large transient JavaScript structure has just become garbage
// (the disclosure audit's cells and terms: over 1 GB of heap at province size). V8 sizes its heap to the
// machine, not to the run, so it may keep that garbage until well after DuckDB has filled its page cache
// again: at province scale the internal edition's audit left 1.43 GB of dead heap while the next table was
// written, and the process peaked at 2.55 GB (BENCHMARKS.md, notes, "Located: garbage"). Node only; the flag
// is set once, the first time it is needed.
import {getHeapStatistics, setFlagsFromString} from "node:v8";
import {runInNewContext} from "node:vm";

let collect: (() => void) | undefined;

/** A full collection now (a few milliseconds on a small heap, about a second on a province's). */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}

/**
 * A bound on the garbage a long computation leaves in the heap: each call is cheap (V8's heap statistics), and
 * collects only when the heap has grown by more than `bytes` since the last collection it made. The disclosure
 * audit calls it between its linear systems (protectEdition's `betweenComponents`): each system's vectors, maps
 * and keys are garbage once it is audited, and V8 left them in the heap by the gigabyte (the live heap stays
 * a fraction of that).
 */
export function garbageBound(bytes = 256 * 2 ** 20): () => void {
  let floor = getHeapStatistics().used_heap_size;
  return () => {
    if (getHeapStatistics().used_heap_size - floor <= bytes) return;
    collectGarbage();
    floor = getHeapStatistics().used_heap_size;
  };
}
