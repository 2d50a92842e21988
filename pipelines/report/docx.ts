// The report as an editable Word document (docx library): A4, margins and type sizes after GB/T 9704
// (党政机关公文格式) where they fit — 发文机关 in red, 文号 under it, a red rule, the title in 黑体 二号, body
// in 仿宋 三号 with two-character indents, headings in 黑体, page numbers "— 1 —" at the foot. Word (or WPS)
// substitutes installed fonts for 仿宋_GB2312 / 黑体 by name; nothing is embedded.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions
} from "docx";
import type {Block, ReportDocument} from "./model.js";

const FANGSONG = {ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋_GB2312"};
const HEITI = {ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体"};
const KAITI = {ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "楷体_GB2312"};
const TITLE = {ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "方正小标宋简体"};
const RED = "C00000";
// sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt
const SIZE = {er: 44, san: 32, si: 28, xiaosi: 24, wu: 21};
// A4 in twips; text area 156 mm × 225 mm (GB/T 9704: top 37 mm, left 28 mm)
const MM = 56.7;
const PAGE = {width: 11906, height: 16838, top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM)};
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const run = (text: string, options: Omit<IRunOptions, "text"> = {}) => new TextRun({text, font: FANGSONG, size: SIZE.san, ...options});

// body text in 仿宋 四号 on a 28-point line (三号, the rule for 公文, would take the summary over two pages);
// the annex in 小四
function body(text: string, size = SIZE.si): Paragraph {
  // justified Chinese; the annex, with formulas and column names, ragged right (justifying it stretches the spaces)
  const alignment = size === SIZE.si ? AlignmentType.JUSTIFIED : AlignmentType.LEFT;
  return new Paragraph({children: [run(text, {size})], indent: {firstLine: size * 20}, spacing: {line: size * 20, lineRule: LineRuleType.EXACT}, alignment});
}

function cell(text: string, options: {header?: boolean; align?: "left" | "right" | "center"; width: number}): TableCell {
  const lines = text.split("\n");
  return new TableCell({
    width: {size: options.width, type: WidthType.DXA},
    verticalAlign: VerticalAlign.CENTER,
    margins: {top: 40, bottom: 40, left: 80, right: 80},
    shading: options.header ? {fill: "E8ECF1", type: "clear" as never, color: "auto"} : undefined,
    children: [
      new Paragraph({
        alignment: options.header ? AlignmentType.CENTER : options.align === "right" ? AlignmentType.RIGHT : options.align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: lines.flatMap((line, i) => [...(i ? [new TextRun({break: 1})] : []), new TextRun({text: line, font: options.header ? HEITI : FANGSONG, size: SIZE.wu})])
      })
    ]
  });
}

function table(block: Extract<Block, {kind: "table"}>): (Paragraph | Table)[] {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
  const border = {style: BorderStyle.SINGLE, size: 4, color: "808080"};
  return [
    new Paragraph({alignment: AlignmentType.CENTER, spacing: {before: 200, after: 80}, keepNext: true, children: [new TextRun({text: block.caption, font: HEITI, size: SIZE.xiaosi})]}),
    new Table({
      width: {size: TEXT_WIDTH, type: WidthType.DXA},
      columnWidths: widths,
      borders: {top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border},
      rows: [
        new TableRow({tableHeader: true, children: block.columns.map((c, i) => cell(c.label, {header: true, width: widths[i]!}))}),
        ...block.rows.map((row) => new TableRow({cantSplit: true, children: row.map((value, i) => cell(value, {align: block.columns[i]!.align, width: widths[i]!}))}))
      ]
    }),
    ...(block.note ? [new Paragraph({spacing: {before: 60}, children: [new TextRun({text: `注：${block.note}`, font: FANGSONG, size: SIZE.wu})]})] : [])
  ];
}

function chart(block: Extract<Block, {kind: "chart"}>): Paragraph[] {
  // fit the text width (pixels at 96 dpi: twips / 15)
  const width = Math.min(TEXT_WIDTH / 15, block.width);
  const height = Math.round((block.height * width) / block.width);
  return [
    new Paragraph({alignment: AlignmentType.CENTER, spacing: {before: 200}, keepNext: true, children: [new ImageRun({type: "png", data: block.png, transformation: {width, height}, altText: {name: block.caption, description: block.caption, title: block.caption}})]}),
    new Paragraph({alignment: AlignmentType.CENTER, spacing: {after: 120}, children: [new TextRun({text: block.caption, font: HEITI, size: SIZE.xiaosi})]}),
    ...(block.note ? [new Paragraph({alignment: AlignmentType.CENTER, children: [new TextRun({text: `注：${block.note}`, font: FANGSONG, size: SIZE.wu})]})] : [])
  ];
}

function blocks(list: Block[]): (Paragraph | Table)[] {
  return list.flatMap((block): (Paragraph | Table)[] => {
    switch (block.kind) {
      case "heading":
        return [
          new Paragraph({
            keepNext: true,
            indent: {firstLine: 560},
            spacing: {before: block.level === 1 ? 240 : 120, line: 560, lineRule: LineRuleType.EXACT},
            children: [new TextRun({text: block.text, font: block.level === 1 ? HEITI : KAITI, size: SIZE.si})]
          })
        ];
      case "para":
        return [body(block.text)];
      case "bullets":
        return block.items.map((item) => body(item, SIZE.xiaosi));
      case "table":
        return table(block);
      case "chart":
        return chart(block);
      case "pagebreak":
        return [new Paragraph({children: [new PageBreak()]})];
    }
  });
}

export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const head = [
    new Paragraph({alignment: AlignmentType.CENTER, spacing: {after: 240}, children: [new TextRun({text: doc.issuer, font: TITLE, size: 60, color: RED, bold: true})]}),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: {bottom: {style: BorderStyle.SINGLE, size: 18, color: RED, space: 8}},
      spacing: {after: 480},
      children: [run(doc.docNumber)]
    }),
    new Paragraph({alignment: AlignmentType.CENTER, spacing: {after: 240, line: 700, lineRule: LineRuleType.EXACT}, children: [new TextRun({text: doc.title, font: TITLE, size: SIZE.er, bold: true})]}),
    new Paragraph({alignment: AlignmentType.CENTER, spacing: {after: 360}, children: [new TextRun({text: `（${doc.editionLabel}）`, font: KAITI, size: SIZE.san})]})
  ];
  const signature = [
    new Paragraph({spacing: {before: 600}, alignment: AlignmentType.RIGHT, indent: {right: 640}, children: [run(doc.issuer)]}),
    new Paragraph({alignment: AlignmentType.RIGHT, indent: {right: 640}, children: [run(doc.date)]})
  ];
  // the signature follows the report proper, before the annex (the annex opens with a page break)
  const annexAt = doc.blocks.findIndex((block, i) => block.kind === "pagebreak" && doc.blocks[i + 1]?.kind === "heading" && (doc.blocks[i + 1] as {text: string}).text.startsWith("附件"));
  const main = annexAt >= 0 ? doc.blocks.slice(0, annexAt) : doc.blocks;
  const annex = annexAt >= 0 ? doc.blocks.slice(annexAt) : [];
  const document = new Document({
    creator: doc.issuer,
    title: doc.title,
    description: doc.editionLabel,
    styles: {default: {document: {run: {font: FANGSONG, size: SIZE.san}}}},
    sections: [
      {
        properties: {page: {size: {width: PAGE.width, height: PAGE.height}, margin: {top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: Math.round(20 * MM)}}},
        footers: {
          default: new Footer({
            children: [new Paragraph({alignment: AlignmentType.CENTER, children: [new TextRun({children: ["— ", PageNumber.CURRENT, " —"], font: {ascii: "宋体", eastAsia: "宋体", hAnsi: "宋体"}, size: SIZE.si})]})]
          })
        },
        children: [...head, ...blocks(main), ...signature, ...blocks(annex)]
      }
    ]
  });
  return Packer.toBuffer(document);
}
