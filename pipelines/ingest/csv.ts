// A streaming RFC 4180 tokenizer that remembers where each record starts, as a text editor counts
// lines (header = line 1). Pure: used by the Node ingest and the browser explorer alike.
// Quoted fields may hold delimiters, quotes ("") and newlines; a quote inside an unquoted field is
// kept as text. Blank lines are counted, not emitted.

export interface CsvLimits {
  /** characters in one field before the record is marked broken (its text is no longer kept) */
  maxFieldChars: number;
  /** fields in one record before the rest are dropped and the record is marked broken */
  maxFields: number;
}

export const DEFAULT_LIMITS: CsvLimits = {maxFieldChars: 1_000_000, maxFields: 10_000};

export interface CsvRecord {
  fields: string[];
  /** physical line where the record starts */
  line: number;
  /** why the record cannot be read as fields, if so */
  broken?: "unclosed_quote" | "field_too_long" | "too_many_fields";
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvTokenizer {
  private fields: string[] = [];
  private pending = "";
  private inQuotes = false;
  private afterQuote = false;
  private fieldHasContent = false;
  private lastWasCR = false;
  private line = 1;
  private recordLine = 1;
  private broken: CsvRecord["broken"] = undefined;
  blankLines = 0;
  private readonly delimiterChar: string;

  constructor(
    private readonly delimiter: number,
    private readonly onRecord: (record: CsvRecord) => void,
    private readonly limits: CsvLimits = DEFAULT_LIMITS
  ) {
    this.delimiterChar = String.fromCharCode(delimiter);
  }

  push(text: string): void {
    const n = text.length;
    let i = 0;
    if (this.lastWasCR && n > 0 && text.charCodeAt(0) === LF) i = 1; // CRLF split across chunks
    this.lastWasCR = false;
    const {maxFieldChars, maxFields} = this.limits;
    while (i < n) {
      // Fast path, between records: a whole line with no quote and no lone CR is split natively. Such a
      // line is exactly one record on one line, so the result is what the character loop below gives.
      if (this.fields.length === 0 && this.pending.length === 0 && !this.fieldHasContent && !this.inQuotes && !this.afterQuote && this.broken === undefined) {
        const lf = text.indexOf("\n", i);
        if (lf !== -1) {
          const end = lf > i && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
          if (end - i <= maxFieldChars) {
            const line = text.slice(i, end);
            if (line.indexOf('"') === -1 && line.indexOf("\r") === -1) {
              const fields = line.split(this.delimiterChar);
              if (fields.length <= maxFields) {
                const recordLine = this.recordLine;
                this.line++;
                this.recordLine = this.line;
                i = lf + 1;
                if (fields.length === 1 && line.length === 0) this.blankLines++;
                else this.onRecord({fields, line: recordLine});
                continue;
              }
            }
          }
        }
      }
      if (this.inQuotes) {
        const close = text.indexOf('"', i);
        const end = close === -1 ? n : close;
        this.append(text, i, end);
        this.countNewlines(text, i, end);
        if (close === -1) return;
        this.inQuotes = false;
        this.afterQuote = true;
        i = close + 1;
        continue;
      }
      if (this.afterQuote) {
        this.afterQuote = false;
        if (text.charCodeAt(i) === QUOTE) {
          // "" inside a quoted field is one quote
          this.append(text, i, i + 1);
          this.inQuotes = true;
          i++;
          continue;
        }
      }
      // Unquoted run: scan to the next delimiter, quote or line end.
      let j = i;
      let code = 0;
      while (j < n) {
        code = text.charCodeAt(j);
        if (code === this.delimiter || code === LF || code === CR || code === QUOTE) break;
        j++;
      }
      if (j > i) {
        this.append(text, i, j);
        this.fieldHasContent = true;
      }
      if (j === n) return;
      if (code === QUOTE) {
        if (!this.fieldHasContent && this.pending.length === 0) this.inQuotes = true;
        else this.append(text, j, j + 1); // a stray quote inside an unquoted field is text
        this.fieldHasContent = true;
        i = j + 1;
        continue;
      }
      if (code === this.delimiter) {
        this.endField();
        i = j + 1;
        continue;
      }
      // line end: LF, CRLF or a lone CR
      this.endRecord();
      if (code === CR) {
        if (j + 1 < n) {
          if (text.charCodeAt(j + 1) === LF) j++;
        } else this.lastWasCR = true;
      }
      this.line++;
      this.recordLine = this.line;
      i = j + 1;
    }
  }

  /** Flush the last record (a file need not end with a newline). */
  end(): void {
    if (this.inQuotes) {
      this.broken = "unclosed_quote";
      this.endRecord();
      return;
    }
    if (this.fields.length > 0 || this.pending.length > 0 || this.fieldHasContent) this.endRecord();
  }

  /** The number of physical lines seen so far. */
  get lines(): number {
    return this.line;
  }

  private append(text: string, from: number, to: number): void {
    if (this.broken === "field_too_long") return;
    if (this.pending.length + (to - from) > this.limits.maxFieldChars) {
      this.broken = "field_too_long";
      this.pending = "";
      return;
    }
    this.pending += text.slice(from, to);
  }

  private countNewlines(text: string, from: number, to: number): void {
    let at = text.indexOf("\n", from);
    while (at !== -1 && at < to) {
      this.line++;
      at = text.indexOf("\n", at + 1);
    }
  }

  private endField(): void {
    if (this.fields.length < this.limits.maxFields) this.fields.push(this.pending);
    else if (!this.broken) this.broken = "too_many_fields";
    this.pending = "";
    this.fieldHasContent = false;
  }

  private endRecord(): void {
    this.endField();
    const fields = this.fields;
    this.fields = [];
    const broken = this.broken;
    this.broken = undefined;
    if (!broken && fields.length === 1 && fields[0] === "") {
      this.blankLines++;
      return;
    }
    this.onRecord(broken ? {fields, line: this.recordLine, broken} : {fields, line: this.recordLine});
  }
}

/** Pick the delimiter from the header line: the most frequent of comma, tab and semicolon outside quotes. */
export function sniffDelimiter(firstLine: string): number {
  const counts = new Map<number, number>([
    [44, 0],
    [9, 0],
    [59, 0]
  ]);
  let inQuotes = false;
  for (let i = 0; i < firstLine.length; i++) {
    const code = firstLine.charCodeAt(i);
    if (code === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(code)) counts.set(code, counts.get(code)! + 1);
  }
  let best = 44;
  for (const [code, count] of counts) if (count > counts.get(best)!) best = code;
  return best;
}

/** Quote a value for the canonical CSV the ingest writes (comma, LF, double-quote escaping). */
export function csvField(value: string): string {
  if (value === "") return "";
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 44 || code === QUOTE || code === LF || code === CR) return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}
