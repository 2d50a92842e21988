// The report as an A4 PDF, written by pdfkit in Node: no browser, no network. fontkit embeds only the
// glyphs the report uses from the CJK fonts fonts.ts finds (Noto CJK on Linux, 黑体/仿宋 on Windows), so the
// file opens the same on any machine. Layout follows docx.ts: 发文机关 in red, 文号, red rule, title, body
// with two-character indents, tables with their header repeated after a page break, "— n —" at each foot.
import PDFDocument from "pdfkit";
import {openChartFont, type ChartFont} from "./charts.js";
import type {FontFace} from "./fonts.js";
import type {Block, ReportDocument} from "./model.js";

const MM = 72 / 25.4;
const MARGIN = {top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM};
const RED = "#c00000";
const BODY = 14; // 四号: 28 characters a line on 156 mm (三号 16 pt, the rule for 公文, would take the summary over two pages)
const ANNEX = 12;
const SMALL = 10.5;

/**
 * Text the font can draw: a character it has no glyph for (a CJK font has no subscript digits: z̄₁ − z̄₂) is
 * written in its compatibility form (₁ → 1), else left out — never an empty box. Word falls back to another
 * font by itself; a PDF draws only what its embedded font holds.
 */
export function drawable(font: ChartFont, text: string): string {
  let out = "";
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp < 0x20 || font.hasGlyphForCodePoint(cp)) out += char;
    else {
      const plain = char.normalize("NFKC");
      if (plain !== char && [...plain].every((c) => font.hasGlyphForCodePoint(c.codePointAt(0)!))) out += plain;
    }
  }
  return out;
}

export async function reportPdf(doc: ReportDocument, fonts: {sans: FontFace; serif: FontFace}, date: string): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    info: {Title: doc.title, Author: doc.issuer, Subject: doc.editionLabel, CreationDate: new Date(`${date}T00:00:00Z`), ModDate: new Date(`${date}T00:00:00Z`)}
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));

  pdf.registerFont("serif", fonts.serif.path, fonts.serif.face);
  pdf.registerFont("sans", fonts.sans.path, fonts.sans.face);
  // every string drawn goes through drawable() for the font it is drawn in
  const glyphs = {serif: openChartFont(fonts.serif), sans: openChartFont(fonts.sans)};
  let current: keyof typeof glyphs = "serif";
  const font = pdf.font.bind(pdf);
  pdf.font = ((name: keyof typeof glyphs, ...rest: unknown[]) => {
    current = name;
    return (font as (...args: unknown[]) => typeof pdf)(name, ...rest);
  }) as typeof pdf.font;
  const text = pdf.text.bind(pdf);
  pdf.text = ((value: string, ...rest: unknown[]) => (text as (...args: unknown[]) => typeof pdf)(drawable(glyphs[current], String(value)), ...rest)) as typeof pdf.text;
  const heightOfString = pdf.heightOfString.bind(pdf);
  pdf.heightOfString = ((value: string, options?: object) => heightOfString(drawable(glyphs[current], String(value)), options)) as typeof pdf.heightOfString;
  const left = MARGIN.left;
  const width = pdf.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => pdf.page.height - MARGIN.bottom;
  const room = (height: number) => {
    if (pdf.y + height > bottom()) pdf.addPage();
  };

  // 版头
  pdf.font("sans").fontSize(30).fillColor(RED).text(doc.issuer, left, pdf.y, {width, align: "center", characterSpacing: 2});
  pdf.moveDown(0.4);
  pdf.font("serif").fontSize(BODY).fillColor("black").text(doc.docNumber, {width, align: "center"});
  pdf.moveDown(0.3);
  pdf.moveTo(left, pdf.y).lineTo(left + width, pdf.y).lineWidth(1.5).strokeColor(RED).stroke();
  pdf.moveDown(1.5);
  pdf.font("sans").fontSize(21).fillColor("black").text(doc.title, left, pdf.y, {width, align: "center", lineGap: 8});
  pdf.moveDown(0.3);
  pdf.font("serif").fontSize(BODY).text(`（${doc.editionLabel}）`, {width, align: "center"});
  pdf.moveDown(1);

  const paragraph = (text: string, size = BODY) => {
    pdf.font("serif").fontSize(size).fillColor("black");
    room(size * 1.8);
    pdf.text(text, left, pdf.y, {width, indent: size * 2, lineGap: size * 0.5, paragraphGap: size * 0.3});
  };

  const table = (block: Extract<Block, {kind: "table"}>) => {
    const total = block.columns.reduce((sum, c) => sum + c.width, 0);
    const widths = block.columns.map((c) => (c.width / total) * width);
    const pad = 4;
    pdf.fontSize(SMALL);
    const heightOf = (row: string[], font: string) => {
      pdf.font(font).fontSize(SMALL);
      return Math.max(...row.map((text, i) => pdf.heightOfString(text || " ", {width: widths[i]! - 2 * pad, lineGap: 1.5}))) + 2 * pad;
    };
    const draw = (row: string[], header: boolean) => {
      const height = heightOf(row, header ? "sans" : "serif");
      const top = pdf.y;
      let x = left;
      row.forEach((text, i) => {
        if (header) pdf.rect(x, top, widths[i]!, height).fillColor("#e8ecf1").fill();
        pdf.rect(x, top, widths[i]!, height).lineWidth(0.5).strokeColor("#808080").stroke();
        const align = header ? "center" : (block.columns[i]!.align ?? "left");
        pdf.font(header ? "sans" : "serif").fontSize(SMALL).fillColor("black").text(text, x + pad, top + pad, {width: widths[i]! - 2 * pad, align, lineGap: 1.5});
        x += widths[i]!;
      });
      pdf.x = left;
      pdf.y = top + height;
    };
    const header = block.columns.map((c) => c.label);
    pdf.font("sans").fontSize(12);
    room(pdf.heightOfString(block.caption) + heightOf(header, "sans") + heightOf(block.rows[0] ?? [], "serif") + 12);
    pdf.moveDown(0.4);
    pdf.font("sans").fontSize(12).fillColor("black").text(block.caption, left, pdf.y, {width, align: "center"});
    pdf.moveDown(0.3);
    draw(header, true);
    for (const row of block.rows) {
      if (pdf.y + heightOf(row, "serif") > bottom()) {
        pdf.addPage();
        draw(header, true);
      }
      draw(row, false);
    }
    if (block.note) {
      pdf.moveDown(0.3);
      pdf.font("serif").fontSize(SMALL).text(`注：${block.note}`, left, pdf.y, {width});
    }
    pdf.moveDown(0.8);
  };

  const chart = (block: Extract<Block, {kind: "chart"}>) => {
    const w = Math.min(width, block.width * 0.75);
    const h = (block.height * w) / block.width;
    room(h + 40);
    pdf.moveDown(0.3);
    pdf.image(Buffer.from(block.png), left + (width - w) / 2, pdf.y, {width: w, height: h});
    pdf.y += h + 4;
    pdf.font("sans").fontSize(12).fillColor("black").text(block.caption, left, pdf.y, {width, align: "center"});
    if (block.note) pdf.font("serif").fontSize(SMALL).text(`注：${block.note}`, left, pdf.y, {width, align: "center"});
    pdf.moveDown(0.8);
  };

  const render = (list: Block[]) => {
    for (const block of list) {
      switch (block.kind) {
        case "heading": {
          const size = BODY;
          room(size * 5);
          pdf.moveDown(block.level === 1 ? 0.5 : 0.2);
          pdf.font("sans").fontSize(size).fillColor("black").text(block.text, left, pdf.y, {width, indent: size * 2, lineGap: size * 0.55});
          pdf.moveDown(0.2);
          break;
        }
        case "para":
          paragraph(block.text);
          break;
        case "bullets":
          for (const item of block.items) paragraph(item, ANNEX);
          break;
        case "table":
          table(block);
          break;
        case "chart":
          chart(block);
          break;
        case "pagebreak":
          pdf.addPage();
          break;
      }
    }
  };

  const annexAt = doc.blocks.findIndex((block, i) => block.kind === "pagebreak" && doc.blocks[i + 1]?.kind === "heading" && (doc.blocks[i + 1] as {text: string}).text.startsWith("附件"));
  render(annexAt >= 0 ? doc.blocks.slice(0, annexAt) : doc.blocks);
  // 发文机关署名 and 成文日期, right-aligned under the report proper
  room(BODY * 6);
  pdf.moveDown(2);
  pdf.font("serif").fontSize(BODY).text(doc.issuer, left, pdf.y, {width: width - BODY * 2, align: "right"});
  pdf.text(doc.date, left, pdf.y, {width: width - BODY * 2, align: "right"});
  if (annexAt >= 0) render(doc.blocks.slice(annexAt));

  // page numbers: "— n —", centred in the bottom margin
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const saved = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font("serif").fontSize(12).fillColor("black").text(`— ${i + 1} —`, left, pdf.page.height - 20 * MM, {width, align: "center", lineBreak: false});
    pdf.page.margins.bottom = saved;
  }
  pdf.end();
  return done;
}
