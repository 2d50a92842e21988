// The report as a list of blocks, written once and rendered twice: to Word (docx.ts) and to PDF (pdf.ts).
export type Block =
  | {kind: "heading"; level: 1 | 2; text: string}
  | {kind: "para"; text: string}
  | {kind: "bullets"; items: string[]}
  | {kind: "table"; caption: string; columns: {label: string; width: number; align?: "left" | "right" | "center"}[]; rows: string[][]; note?: string}
  | {kind: "chart"; caption: string; png: Uint8Array; width: number; height: number; note?: string}
  | {kind: "pagebreak"};

export interface ReportDocument {
  /** 发文机关 */
  issuer: string;
  /** 文号 (a placeholder for the number the bureau's office assigns) */
  docNumber: string;
  title: string;
  /** 成文日期 in Chinese numerals: 二〇二六年十一月三十日 */
  date: string;
  /** 公开版 / 内部版: said under the title and in every page's footer */
  editionLabel: string;
  blocks: Block[];
}
