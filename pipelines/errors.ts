// Errors a user can act on. The CLI prints their bilingual message and exits 1, never a stack trace.
import {FILE_PROBLEMS, type FileProblemCode} from "./contract.js";

export interface ProblemLocation {
  period?: string;
  file?: string;
  line?: number;
  column?: string;
}

/** A file-level problem (or a bad configuration): the run stops before anything is written. */
export class InputError extends Error {
  readonly code: FileProblemCode;
  readonly location: ProblemLocation;
  readonly detail: {zh: string; en: string};
  constructor(code: FileProblemCode, location: ProblemLocation, detail: {zh?: string; en?: string} = {}) {
    const base = FILE_PROBLEMS[code];
    const zh = detail.zh ? `${base.zh}：${oneLine(detail.zh)}` : base.zh;
    const en = detail.en ? `${base.en}: ${oneLine(detail.en)}` : base.en;
    super(`${where(location, "en")}${en}`);
    this.name = "InputError";
    this.code = code;
    this.location = location;
    this.detail = {zh, en};
  }
  /** An InputError a worker sent as plain data (a structured clone drops the class). */
  static revive(data: {code: FileProblemCode; location: ProblemLocation; detail: {zh: string; en: string}; message: string}): InputError {
    return Object.assign(new InputError(data.code, data.location), {detail: data.detail, message: data.message});
  }
  /** Two lines: Chinese first, then English. */
  bilingual(): string {
    return `错误 [${this.code}] ${where(this.location, "zh")}${this.detail.zh}\nError [${this.code}] ${where(this.location, "en")}${this.detail.en}`;
  }
}

/** A problem with how the tool was called or with its surroundings (lock held, no key, disk full). */
export class UsageError extends Error {
  readonly zh: string;
  constructor(zh: string, en: string) {
    super(en);
    this.name = "UsageError";
    this.zh = zh;
  }
  bilingual(): string {
    return `错误：${this.zh}\nError: ${this.message}`;
  }
}

/**
 * Text from an input file as it should appear inside a message: control characters made visible
 * (a header cell with a line break in it would otherwise split the one-line-per-language message)
 * and long values cut, so a 1 MB cell cannot become a 1 MB message.
 */
export function shown(value: string, max = 60): string {
  const visible = oneLine(value);
  return visible.length > max ? `${visible.slice(0, max - 1)}…` : visible;
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) =>
    c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}

function where(loc: ProblemLocation, lang: "zh" | "en"): string {
  const parts: string[] = [];
  if (loc.period) parts.push(lang === "zh" ? `期次 ${loc.period}` : `period ${loc.period}`);
  if (loc.file) parts.push(lang === "zh" ? `文件 ${oneLine(loc.file)}` : `file ${oneLine(loc.file)}`);
  if (loc.line !== undefined) parts.push(lang === "zh" ? `第 ${loc.line} 行` : `line ${loc.line}`);
  if (loc.column) parts.push(lang === "zh" ? `列 ${shown(loc.column)}` : `column ${shown(loc.column)}`);
  if (parts.length === 0) return "";
  return lang === "zh" ? `${parts.join("，")}：` : `${parts.join(", ")}: `;
}
