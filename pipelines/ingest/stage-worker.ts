// A staging worker thread (see stage-pool.ts): receives one file at a time, stages it, posts the result.
import {parentPort, workerData} from "node:worker_threads";
import type {FileSpec} from "../contract.js";
import {InputError} from "../errors.js";
import {Pseudonymiser} from "./pseudonym.js";
import {stageFile} from "./stage-file.js";

const port = parentPort!;
const pseudonymiser = new Pseudonymiser(Buffer.from((workerData as {key: Uint8Array}).key));

port.on("message", async (task: {path: string; displayName: string; period: string; spec: FileSpec; stagedPath: string}) => {
  let lastProgress = 0;
  try {
    const result = await stageFile({
      ...task,
      pseudonymiser,
      onProgress: (bytes, rows) => {
        const now = performance.now();
        if (now - lastProgress < 200) return;
        lastProgress = now;
        port.postMessage({type: "progress", bytes, rows});
      }
    });
    port.postMessage({type: "done", result});
  } catch (error) {
    if (error instanceof InputError) {
      port.postMessage({type: "input-error", code: error.code, location: error.location, detail: error.detail, message: error.message});
    } else {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({type: "error", message: e.message, stack: e.stack});
    }
  }
});
