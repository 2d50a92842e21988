// The CJK fonts the report's PDF embeds (a subset of the glyphs it uses) and its charts are drawn with. No
// font is downloaded: the first installed one of each list is taken — Noto CJK on Linux (Debian's
// fonts-noto-cjk), the system's 黑体 / 仿宋 / 宋体 on Windows, PingFang / Songti on macOS. JUNHENG_FONT_SANS and
// JUNHENG_FONT_SERIF name another file (.ttf, .otf or .ttc; a .ttc's first face is used unless one is named
// after a '#': /path/font.ttc#PostScriptName).
import {existsSync} from "node:fs";
import {UsageError} from "../errors.js";

export interface FontFace {
  /** the font file */
  path: string;
  /** a face of a collection (.ttc), by its PostScript name */
  face?: string;
  /** the family name an SVG asks for (resvg matches by family) */
  family: string;
}

const SANS: FontFace[] = [
  {path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", face: "NotoSansCJKsc-Regular", family: "Noto Sans CJK SC"},
  {path: "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", face: "NotoSansCJKsc-Regular", family: "Noto Sans CJK SC"},
  {path: "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", face: "NotoSansCJKsc-Regular", family: "Noto Sans CJK SC"},
  {path: "C:\\Windows\\Fonts\\simhei.ttf", family: "SimHei"},
  {path: "C:\\Windows\\Fonts\\msyh.ttc", face: "MicrosoftYaHei", family: "Microsoft YaHei"},
  {path: "/System/Library/Fonts/PingFang.ttc", face: "PingFangSC-Regular", family: "PingFang SC"},
  {path: "/System/Library/Fonts/STHeiti Medium.ttc", face: "STHeitiSC-Medium", family: "Heiti SC"}
];

const SERIF: FontFace[] = [
  {path: "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", face: "NotoSerifCJKsc-Regular", family: "Noto Serif CJK SC"},
  {path: "/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc", face: "NotoSerifCJKsc-Regular", family: "Noto Serif CJK SC"},
  {path: "/usr/share/fonts/google-noto-serif-cjk/NotoSerifCJK-Regular.ttc", face: "NotoSerifCJKsc-Regular", family: "Noto Serif CJK SC"},
  {path: "C:\\Windows\\Fonts\\simfang.ttf", family: "FangSong"},
  {path: "C:\\Windows\\Fonts\\simsun.ttc", face: "SimSun", family: "SimSun"},
  {path: "/System/Library/Fonts/Supplemental/Songti.ttc", face: "STSongti-SC-Regular", family: "Songti SC"}
];

function fromEnv(value: string | undefined): FontFace | null {
  if (!value) return null;
  const [path, face] = value.split("#") as [string, string | undefined];
  if (!existsSync(path)) throw new UsageError(`找不到字体文件 ${path}`, `font file not found: ${path}`);
  return {path, face, family: face ?? ""};
}

/** sans (headings, charts, tables: 黑体) and serif (body text: 仿宋 / 宋体); the sans stands in for a missing serif */
export function findFonts(env: NodeJS.ProcessEnv = process.env): {sans: FontFace; serif: FontFace} {
  const sans = fromEnv(env.JUNHENG_FONT_SANS) ?? SANS.find((font) => existsSync(font.path)) ?? null;
  const serif = fromEnv(env.JUNHENG_FONT_SERIF) ?? SERIF.find((font) => existsSync(font.path)) ?? sans;
  if (!sans || !serif) {
    throw new UsageError(
      "找不到中文字体：请安装 Noto CJK 字体（Debian/Ubuntu：apt-get install fonts-noto-cjk），或用环境变量 JUNHENG_FONT_SANS 指定一个中文字体文件（.ttf/.otf/.ttc）",
      "no Chinese font found: install the Noto CJK fonts (Debian/Ubuntu: apt-get install fonts-noto-cjk), or name a Chinese font file (.ttf/.otf/.ttc) in JUNHENG_FONT_SANS"
    );
  }
  return {sans, serif};
}
