// The short bilingual account of each input file that `junheng run` and `junheng validate` end with: what
// was read, loaded and rejected, and the commonest reasons, so a clerk knows which file to open first.
import {REASONS, type ReasonCode} from "../contract.js";
import type {FileReport} from "./load-and-check.js";

/** Rejected rows of one file by reason: `2025Q3/schools.xlsx` → {bad_type: 3}. */
export type RejectsByFile = Record<string, Record<string, number>>;

/** How many reasons each file's line names. */
const TOP = 3;

export function fileSummary(files: readonly FileReport[], byFile: RejectsByFile): string {
  const lines = ["各文件情况 Files:"];
  for (const file of files) {
    const name = file.sheet === undefined ? file.name : `${file.name} [${file.sheet}]`;
    let line = `  ${name}  读入 read ${file.rows_read.toLocaleString("en")} · 入库 loaded ${file.rows_loaded.toLocaleString("en")} · 拒绝 rejected ${file.rows_rejected.toLocaleString("en")}`;
    const reasons = Object.entries(byFile[file.name] ?? {})
      .sort(([a, n], [b, m]) => m - n || a.localeCompare(b))
      .slice(0, TOP);
    if (reasons.length > 0) {
      const text = reasons.map(([reason, n]) => `${REASONS[reason as ReasonCode]?.zh ?? reason} ${reason} ×${n.toLocaleString("en")}`).join("，");
      line += ` · 主要原因 top reasons: ${text}`;
    }
    lines.push(line);
  }
  return lines.join("\n");
}

/** The counts from rejects as rejectsExportQuery names their files: one row per problem, or counted (n). */
export function rejectsByFile(rejects: readonly {period: string; file: string; reason: string; n?: number}[]): RejectsByFile {
  const out: RejectsByFile = {};
  for (const reject of rejects) {
    const name = `${reject.period}/${reject.file}`;
    const counts = (out[name] ??= {});
    counts[reject.reason] = (counts[reject.reason] ?? 0) + Number(reject.n ?? 1);
  }
  return out;
}
