// The bring-your-own-data page's Web Worker: stages dropped files one at a time, off the page's thread,
// with the pipeline's own code — encoding detection and decoding (ingest/encoding.ts), the tokenizer
// (ingest/csv.ts), header matching, folding, bad_row rejects and pseudonymisation (ingest/record.ts).
// Bundled by pipelines/site/bundle-ingest.ts into src/components/vendor/ingest-worker.js (no imports left).
// Nothing here touches the network: files come in as File objects, the canonical CSV goes back as UTF-8
// bytes (written straight into one buffer, as the Node ingest writes them: ingest/csv-bytes.ts) whose buffer is
// transferred, not copied, to the page, which hands it on to DuckDB-WASM the same way.
import {CONTRACT, type FileName} from "../../contract.js";
import {InputError} from "../../errors.js";
import {CsvBytes} from "../../ingest/csv-bytes.js";
import {BOM_BYTES, decodeChunks, detectEncodings, PROBE_BYTES, type Encoding} from "../../ingest/encoding.js";
import {stageText, withEncodings} from "../../ingest/record.js";
import {pickSheet, stageRows, type SheetRow} from "../../ingest/xlsx-rows.js";
import ExcelJS from "exceljs";

export interface WorkerTask {
  index: number;
  period: string;
  file: FileName;
  /** 2025Q3/schools.csv */
  name: string;
  blob: Blob;
}

export type WorkerMessage =
  | {type: "progress"; index: number; bytes: number; total: number; rows: number}
  | {
      type: "done";
      index: number;
      /** the canonical CSV in UTF-8, exactly as long as it is (its buffer is transferred) */
      csv: Uint8Array;
      encoding: Encoding | "xlsx";
      delimiter: string;
      rowsRead: number;
      blankLines: number;
      extraColumns: string[];
      rejects: unknown[];
      headerNames: Record<string, string>;
      sheet?: string;
      skippedRows?: number[];
      filledMerges?: string[];
      ms: number;
    }
  | {type: "input-error"; index: number; code: InputError["code"]; location: InputError["location"]; detail: InputError["detail"]; message: string}
  | {type: "error"; index: number; message: string};

// Ids become 20 hex digits, as in the pipeline, but from a random table that lives only in this worker for
// this visit: the same id gives the same pseudonym across files and periods, and nothing can map it back.
const pseudonyms = new Map<string, string>();
function pseudonymise(id: string): string {
  let value = pseudonyms.get(id);
  if (value === undefined) {
    const bytes = crypto.getRandomValues(new Uint8Array(10));
    value = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
    pseudonyms.set(id, value);
  }
  return value;
}

/** The same pseudonym, as ASCII bytes at the end of `out` (the canonical CSV written as bytes). */
function pseudonymiseInto(id: string, out: CsvBytes): void {
  const value = pseudonymise(id);
  const bytes = out.reserve(value.length);
  let at = out.length;
  for (let i = 0; i < value.length; i++) bytes[at++] = value.charCodeAt(i);
  out.length = at;
}

/** The bytes written, in a buffer of their own length (what is transferred is the whole buffer). */
function exact(out: CsvBytes): Uint8Array {
  return out.bytes.slice(0, out.length);
}

async function* chunksOf(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = (blob.stream() as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * An .xlsx: the dropped file is in memory already, so the workbook is loaded whole (exceljs's streaming
 * reader needs Node streams) and its chosen sheet's rows go through the pipeline's own xlsx-rows.ts, as on
 * Node. A merged cell's other cells are left empty, as the streaming reader leaves them.
 */
async function stageWorkbook(task: WorkerTask, post: (message: WorkerMessage) => void): Promise<void> {
  const started = performance.now();
  const where = {period: task.period, file: task.name};
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(await task.blob.arrayBuffer());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError("unreadable_file", where, {
      zh: `不是有效的 .xlsx 工作簿（旧版 .xls 请在 Excel 或 WPS 中另存为 .xlsx）：${reason}`,
      en: `not a valid .xlsx workbook (save an old .xls as .xlsx in Excel or WPS): ${reason}`
    });
  }
  const sheet = pickSheet(task.file, workbook.worksheets.map((ws) => ({name: ws.name, state: ws.state})));
  const worksheet = sheet === undefined ? undefined : workbook.getWorksheet(sheet);
  if (sheet === undefined || !worksheet) throw new InputError("empty_file", where, {zh: "工作簿中没有可读的工作表", en: "the workbook has no visible sheet"});
  const rows: SheetRow[] = [];
  worksheet.eachRow({includeEmpty: false}, (row, number) => {
    const cells: unknown[] = [];
    row.eachCell({includeEmpty: false}, (cell, col) => {
      cells[col - 1] = cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
    });
    rows.push({number, cells});
  });
  const parts: string[] = [];
  const staged = await stageRows(rows, {
    spec: CONTRACT[task.file],
    period: task.period,
    displayName: `${task.name} [${sheet}]`,
    sheet,
    date1904: (workbook.properties as {date1904?: boolean}).date1904 === true,
    merges: (worksheet.model as {merges?: string[]}).merges ?? [],
    pseudonymise,
    write: (line) => parts.push(line),
    afterChunk: (rowsRead) => post({type: "progress", index: task.index, bytes: task.blob.size, total: task.blob.size, rows: rowsRead})
  });
  post({type: "done", index: task.index, ...staged, encoding: "xlsx", sheet, csv: new TextEncoder().encode(parts.join("")), ms: performance.now() - started});
}

async function stage(task: WorkerTask, post: (message: WorkerMessage) => void): Promise<void> {
  if (task.name.toLowerCase().endsWith(".xlsx")) return stageWorkbook(task, post);
  const started = performance.now();
  const {blob} = task;
  const probe = new Uint8Array(await blob.slice(0, PROBE_BYTES).arrayBuffer());
  const where = {period: task.period, file: task.name};
  let lastProgress = 0;
  const result = await withEncodings(detectEncodings(probe), blob.size, where, async (encoding, last) => {
    const out = new CsvBytes(Math.max(1 << 16, Math.min(blob.size * 2, 1 << 26)));
    let bytes = BOM_BYTES[encoding];
    const text = decodeChunks(chunksOf(blob.slice(BOM_BYTES[encoding])), encoding, last, (chunk) => (bytes += chunk.length));
    const staged = await stageText(text, {
      spec: CONTRACT[task.file],
      period: task.period,
      displayName: task.name,
      pseudonymise,
      write: () => {
        throw new Error("the canonical CSV is written as bytes");
      },
      bytes: {out, pseudonymiseInto},
      afterChunk: (rows) => {
        const now = performance.now();
        if (now - lastProgress < 100) return;
        lastProgress = now;
        post({type: "progress", index: task.index, bytes, total: blob.size, rows});
      }
    });
    return {...staged, encoding, csv: exact(out)};
  });
  post({type: "done", index: task.index, ...result, ms: performance.now() - started});
}

const scope = globalThis as unknown as {onmessage: ((event: {data: WorkerTask[]}) => void) | null; postMessage: (message: WorkerMessage, transfer: ArrayBuffer[]) => void};
scope.onmessage = async (event) => {
  // a staged file's bytes are transferred: the worker keeps no copy
  const post = (message: WorkerMessage) => scope.postMessage(message, message.type === "done" ? [message.csv.buffer as ArrayBuffer] : []);
  for (const task of event.data) {
    try {
      await stage(task, post);
    } catch (error) {
      if (error instanceof InputError) {
        post({type: "input-error", index: task.index, code: error.code, location: error.location, detail: error.detail, message: error.message});
      } else {
        post({type: "error", index: task.index, message: error instanceof Error ? error.message : String(error)});
      }
    }
  }
};
