// Stages files in parallel: a pool of worker threads, each running stageFile on one file at a time
// (largest first). The pseudonymisation happens inside the worker, before the staged CSV is written,
// exactly as in the single-threaded path; only the key crosses the thread boundary. Small inputs are
// staged in this thread (a worker costs ~0.3 s to start).
import {availableParallelism} from "node:os";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {pathToFileURL} from "node:url";
import {Worker} from "node:worker_threads";
import {CONTRACT, type FileName} from "../contract.js";
import {InputError, type ProblemLocation} from "../errors.js";
import {Pseudonymiser} from "./pseudonym.js";
import {stageFile, type StagedFile} from "./stage-file.js";

export interface StageTask {
  path: string;
  displayName: string;
  period: string;
  file: FileName;
  stagedPath: string;
  bytes: number;
}

export type StageOutcome = {ok: true; result: StagedFile} | {ok: false; error: InputError};

export interface PoolOptions {
  key: Buffer;
  /** worker threads; default: one per core (at most 4) for inputs of 16 MB or more; 0 or 1 stages in this thread */
  workers?: number;
  onProgress?: (task: StageTask, bytes: number, rows: number) => void;
  onDone?: (task: StageTask, result: StagedFile) => void;
}

/** Inputs smaller than this are staged in this thread (and run.ts gives their database one thread). */
export const PARALLEL_MIN_BYTES = 16 << 20;

type WorkerMessage =
  | {type: "progress"; bytes: number; rows: number}
  | {type: "done"; result: StagedFile}
  | {type: "input-error"; code: InputError["code"]; location: ProblemLocation; detail: InputError["detail"]; message: string}
  | {type: "error"; message: string; stack?: string};

/** Stage every task; outcomes come back in the order of the tasks. */
export async function stageAll(tasks: StageTask[], options: PoolOptions): Promise<StageOutcome[]> {
  const total = tasks.reduce((sum, task) => sum + task.bytes, 0);
  const wanted = options.workers ?? (total < PARALLEL_MIN_BYTES ? 1 : Math.min(4, availableParallelism()));
  const workers = Math.min(wanted, tasks.length);
  if (workers <= 1) return stageInline(tasks, options);

  const outcomes: StageOutcome[] = new Array(tasks.length);
  const queue = tasks.map((task, index) => ({task, index})).sort((a, b) => b.task.bytes - a.task.bytes || a.index - b.index);
  const pool = Array.from({length: workers}, () => startWorker(options.key));
  let failure: Error | undefined;
  try {
    await Promise.all(
      pool.map(async (worker) => {
        for (let next = queue.shift(); next && !failure; next = queue.shift()) {
          const {task, index} = next;
          try {
            outcomes[index] = await runOn(worker, task, options);
          } catch (error) {
            failure ??= error as Error;
          }
        }
      })
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  if (failure) throw failure;
  return outcomes;
}

async function stageInline(tasks: StageTask[], options: PoolOptions): Promise<StageOutcome[]> {
  const pseudonymiser = new Pseudonymiser(options.key);
  const outcomes: StageOutcome[] = [];
  for (const task of tasks) {
    try {
      const result = await stageFile({
        ...taskArgs(task),
        pseudonymiser,
        onProgress: (bytes, rows) => options.onProgress?.(task, bytes, rows)
      });
      options.onDone?.(task, result);
      outcomes.push({ok: true, result});
    } catch (error) {
      if (error instanceof InputError) outcomes.push({ok: false, error});
      else throw error;
    }
  }
  return outcomes;
}

function taskArgs(task: StageTask) {
  return {path: task.path, displayName: task.displayName, period: task.period, spec: CONTRACT[task.file], stagedPath: task.stagedPath};
}

const require = createRequire(import.meta.url);
// tsx's "./esm/api" export for `import` (require.resolve would give the CommonJS one)
const TSX_ESM_API = "dist/esm/api/index.mjs";

function startWorker(key: Buffer): Worker {
  // The worker loads this package's TypeScript through tsx (the CLI itself runs a compiled bundle when it
  // can, pipelines/bin/compiled.mjs; a worker starts only for inputs of 16 MB or more).
  const tsxApi = pathToFileURL(join(dirname(require.resolve("tsx/package.json")), TSX_ESM_API)).href;
  const entry = new URL("./stage-worker.ts", import.meta.url).href;
  const source = `import(${JSON.stringify(tsxApi)}).then(({register}) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(source, {
    eval: true,
    workerData: {key},
    // a larger young generation: staging allocates many short strings
    resourceLimits: {maxYoungGenerationSizeMb: 96}
  });
}

function runOn(worker: Worker, task: StageTask, options: PoolOptions): Promise<StageOutcome> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    const onMessage = (message: WorkerMessage) => {
      switch (message.type) {
        case "progress":
          options.onProgress?.(task, message.bytes, message.rows);
          return;
        case "done":
          cleanup();
          options.onDone?.(task, message.result);
          resolve({ok: true, result: message.result});
          return;
        case "input-error": {
          cleanup();
          resolve({ok: false, error: InputError.revive(message)});
          return;
        }
        case "error": {
          cleanup();
          const error = new Error(message.message);
          if (message.stack) error.stack = message.stack;
          reject(error);
          return;
        }
      }
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`staging worker exited with code ${code}`));
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(taskArgs(task));
  });
}
