// The one description of the published tables and fields (docs/release.md): each mart's text beside its SQL
// (marts/<table>.md, "## 中文：title" and "## English: title" sections) and every field's unit, codes and
// meaning (fields.md). The run writes them into each edition's datapackage.json and methodology.md
// (pipelines/release.ts); the site's methodology page reads the package. Node only.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {DOMAINS} from "../contract.js";
import {INDICATORS} from "./config.js";
import {MODELS_DIR} from "./load.js";

export interface Bilingual {
  zh: string;
  en: string;
}

export interface FieldDefinition extends Bilingual {
  unit: string;
  /** the only values the field takes, or null */
  codes: string[] | null;
}

export interface ForeignKey {
  table: string;
  fields: string[];
  reference: string;
  referenceFields: string[];
}

export interface TableText {
  title: Bilingual;
  body: Bilingual;
  /** the whole .md file */
  source: string;
}

export interface Codebook {
  packageText: Bilingual;
  /** by `column` or `table.column` */
  fields: Record<string, FieldDefinition>;
  foreignKeys: ForeignKey[];
  tables: Record<string, TableText>;
}

/** The rows of the Markdown table in `## <heading>` of a text, as cells. */
function tableRows(text: string, heading: string): string[][] {
  const section = text.split(/^## /m).find((part) => part.startsWith(heading));
  if (!section) throw new Error(`pipelines/models/fields.md: no section "## ${heading}"`);
  return section
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2)
    .map((line) => line.replace(/^\|/, "").replace(/\|\s*$/, "").split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|")));
}

function codes(spec: string, where: string): string[] | null {
  if (!spec) return null;
  return spec.split(/\s+/).flatMap((word) => {
    if (word === "@indicator") return [...INDICATORS];
    if (word.startsWith("@")) {
      const domain = DOMAINS[word.slice(1) as keyof typeof DOMAINS];
      if (!domain) throw new Error(`pipelines/models/fields.md, ${where}: no contract domain ${word}`);
      return Object.keys(domain.values);
    }
    return [word];
  });
}

/** One mart's text: its title and body in each language. */
export function tableText(source: string): TableText {
  const sections = source.split(/^(?=## )/m);
  const part = (tag: RegExp) => {
    const section = sections.find((text) => tag.test(text)) ?? "";
    const [heading = "", ...lines] = section.split("\n");
    return {title: heading.replace(/^##\s*[^:：]*[:：]\s*/, "").trim(), body: lines.join("\n").trim()};
  };
  const zh = part(/^## 中文/);
  const en = part(/^## English/);
  return {title: {zh: zh.title, en: en.title}, body: {zh: zh.body, en: en.body}, source};
}

let cached: Codebook | undefined;

export function codebook(dir = MODELS_DIR): Codebook {
  if (cached && dir === MODELS_DIR) return cached;
  const text = readFileSync(join(dir, "fields.md"), "utf8");
  const about = text.split(/^## /m).find((part) => part.startsWith("Package")) ?? "";
  const line = (lang: string) => new RegExp(`^- ${lang}: (.*)$`, "m").exec(about)?.[1]?.trim() ?? "";
  const fields: Record<string, FieldDefinition> = {};
  for (const [name = "", unit = "", spec = "", zh = "", en = ""] of tableRows(text, "Fields")) {
    if (fields[name]) throw new Error(`pipelines/models/fields.md: ${name} is described twice`);
    fields[name] = {unit, codes: codes(spec, name), zh, en};
  }
  const list = (cell: string) => cell.split(",").map((name) => name.trim()).filter(Boolean);
  const foreignKeys = tableRows(text, "Foreign keys").map(([table = "", from = "", reference = "", to = ""]) => ({table, fields: list(from), reference, referenceFields: list(to)}));
  const tables: Record<string, TableText> = {};
  const marts = join(dir, "marts");
  for (const file of readdirSync(marts).filter((name) => name.endsWith(".md")).sort()) {
    tables[file.replace(/\.md$/, "")] = tableText(readFileSync(join(marts, file), "utf8"));
  }
  const book = {packageText: {zh: line("zh"), en: line("en")}, fields, foreignKeys, tables};
  if (dir === MODELS_DIR) cached = book;
  return book;
}

/** A field's definition in a table: `table.column` if there is one, else the plain name's. */
export function fieldDefinition(book: Codebook, table: string, column: string): FieldDefinition | undefined {
  return book.fields[`${table}.${column}`] ?? book.fields[column];
}
