// An edition as a data release a researcher can load and cite (docs/release.md): beside its tables,
// datapackage.json (a Frictionless Data Package: every published table and field, with type, unit, codes,
// keys and bilingual descriptions), methodology.md, CITATION.cff, and one zip of all of them with the tables
// in CSV and Parquet. Everything is written from what the run published and from the one description of the
// tables and fields the methodology page reads too: pipelines/models/marts/<table>.md and
// pipelines/models/fields.md (codebook.ts). No timestamp goes in, so two runs over the same input write the
// same bytes.
import {closeSync, createReadStream, openSync, writeFileSync, writeSync} from "node:fs";
import {join} from "node:path";
import {pipeline} from "node:stream/promises";
import {crc32, createDeflateRaw} from "node:zlib";
import {Zip, ZipDeflate, ZipPassThrough} from "fflate";
import {codebook, fieldDefinition, type Bilingual} from "./models/codebook.js";
import type {JunhengConfig} from "./models/config.js";
import {describe, type PublishedFile, type PublishedTable} from "./publish.js";
import type {Edition, EditionPlan} from "./editions.js";
import {periodEnd} from "./contract.js";
import {describeAll, lit, type SqlEngine} from "./sql.js";

/** licences a bureau is likely to choose, with the text a reader follows; any other SPDX id is named only */
const LICENCES: Record<string, {title: string; path: string}> = {
  "CC-BY-4.0": {title: "Creative Commons Attribution 4.0", path: "https://creativecommons.org/licenses/by/4.0/"},
  "CC-BY-SA-4.0": {title: "Creative Commons Attribution-ShareAlike 4.0", path: "https://creativecommons.org/licenses/by-sa/4.0/"},
  "CC0-1.0": {title: "Creative Commons Zero 1.0", path: "https://creativecommons.org/publicdomain/zero/1.0/"},
  "ODbL-1.0": {title: "Open Data Commons Open Database License 1.0", path: "https://opendatacommons.org/licenses/odbl/1-0/"},
  "PDDL-1.0": {title: "Open Data Commons Public Domain Dedication and License 1.0", path: "https://opendatacommons.org/licenses/pddl/1-0/"}
};

const EDITION_NAME = {public: {zh: "公开版", en: "public edition"}, internal: {zh: "内部版", en: "internal edition"}} as const;

/** DuckDB's column types as Table Schema types (a list, e.g. VARCHAR[], is written `[a, b]` in the CSV: a string) */
export function tableSchemaType(duckdb: string): string {
  if (/\[\]$/.test(duckdb)) return "string";
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(duckdb)) return "integer";
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL.*)$/.test(duckdb)) return "number";
  if (duckdb === "BOOLEAN") return "boolean";
  if (duckdb === "DATE") return "date";
  if (/^TIMESTAMP/.test(duckdb)) return "datetime";
  return "string";
}

export interface ReleaseInfo {
  edition: Edition;
  periods: string[];
  toolVersion: string;
  config: JunhengConfig;
  leftOut: EditionPlan["left_out"];
}

/** What the citation names: the region, the edition, the periods, the version. */
export function releaseFacts(info: Pick<ReleaseInfo, "edition" | "periods" | "config">) {
  const first = info.periods[0] ?? "";
  const last = info.periods.at(-1) ?? "";
  const region = info.config.region_name || "Junheng";
  const publisher = info.config.release.publisher || (info.config.region_name ? `${info.config.region_name}教育局` : "Junheng");
  const version = info.config.release.version || last;
  const period = first === last ? first : `${first}–${last}`;
  const title = {
    zh: `${region}集团化办学与义务教育均衡数据（${EDITION_NAME[info.edition].zh}），${period}`,
    en: `${region} education groups and compulsory-school equity data (${EDITION_NAME[info.edition].en}), ${period}`
  };
  return {region, publisher, version, first, last, period, title, asOf: last ? periodEnd(last) : "", archive: `junheng-${info.edition}-${version}.zip`};
}

/** The edition's datapackage.json: every published table with a Parquet file, its fields typed from that file. */
export async function dataPackage(db: SqlEngine, dir: string, tables: readonly PublishedTable[], info: ReleaseInfo): Promise<Record<string, unknown>> {
  const book = codebook();
  const facts = releaseFacts(info);
  const published = tables.filter((table) => table.files.some((file) => file.file.endsWith(".parquet")));
  const names = new Set(published.map((table) => table.table));
  const resources = [];
  // every Parquet file's columns in one statement (one `describe` each costs a few ms however small the file)
  const described = await describeAll(db, published.map((table) => `select * from read_parquet(${lit(join(dir, `${table.table}.parquet`))})`));
  for (const [i, table] of published.entries()) {
    const columns = described[i]!;
    const text = book.tables[table.table];
    const fields = columns.map(({column_name: name, column_type: type}) => {
      const def = fieldDefinition(book, table.table, name);
      const field: Record<string, unknown> = {name, type: tableSchemaType(type)};
      if (type === "DATE") field.format = "%Y-%m-%d";
      if (def) {
        field.description = def.en;
        field.description_zh = def.zh;
        if (def.unit) field.unit = def.unit;
        if (def.codes) field.constraints = {enum: def.codes};
      }
      if (table.key.includes(name)) field.constraints = {...(field.constraints as object), required: true};
      return field;
    });
    const foreignKeys = book.foreignKeys
      .filter((fk) => fk.table === table.table && names.has(fk.reference) && fk.fields.every((name) => columns.some((column) => column.column_name === name)))
      .map((fk) => ({fields: fk.fields, reference: {resource: fk.reference, fields: fk.referenceFields}}));
    const file = (ext: string) => table.files.find((entry) => entry.file.endsWith(`.${ext}`));
    const schema: Record<string, unknown> = {fields, missingValues: [""]};
    if (table.key.length > 0) schema.primaryKey = table.key;
    if (foreignKeys.length > 0) schema.foreignKeys = foreignKeys;
    const csv = file("csv")!;
    resources.push({
      name: table.table,
      path: csv.file,
      profile: "tabular-data-resource",
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      bytes: csv.bytes,
      hash: `sha256:${csv.sha256}`,
      ...(text ? {title: text.title.en, title_zh: text.title.zh, description: text.body.en, description_zh: text.body.zh} : {}),
      grain: table.grain,
      rows: table.rows,
      dialect: {delimiter: ",", header: true, doubleQuote: true},
      schema,
      // the same rows and columns, in key order, as Parquet (for R, Python, Stata) and Arrow IPC
      alternates: ["parquet", "arrow"].flatMap((ext) => {
        const alt = file(ext);
        return alt ? [{path: alt.file, format: ext, mediatype: ext === "parquet" ? "application/vnd.apache.parquet" : "application/vnd.apache.arrow.file", bytes: alt.bytes, hash: `sha256:${alt.sha256}`}] : [];
      })
    });
  }
  const licence = info.config.release.licence;
  return {
    profile: "tabular-data-package",
    name: `junheng-${info.edition}`,
    title: `${facts.title.zh} / ${facts.title.en}`,
    description: book.packageText.en,
    description_zh: book.packageText.zh,
    version: facts.version,
    edition: info.edition,
    region: info.config.region_name,
    periods: info.periods,
    as_of_date: facts.asOf,
    licenses: [{name: licence, ...(LICENCES[licence] ?? {title: licence})}],
    sources: [{title: `${facts.publisher}: 学校、集团、教师、交流、考试报表 / school, group, teacher, exchange and exam records`}],
    contributors: [{title: facts.publisher, role: "publisher"}],
    citation: citationText(info),
    suppression: {
      min_n: info.config.min_n,
      min_schools: info.config.editions.public.min_schools,
      description: fieldDefinition(book, "", "is_suppressed")?.en,
      description_zh: fieldDefinition(book, "", "is_suppressed")?.zh
    },
    left_out: info.leftOut,
    tool: {name: "junheng", version: info.toolVersion},
    resources
  };
}

/** The recommended citation, in both languages. */
export function citationText(info: Pick<ReleaseInfo, "edition" | "periods" | "config">): Bilingual {
  const f = releaseFacts(info);
  return {
    zh: `${f.publisher}：《${f.title.zh}》，版本 ${f.version}，截至 ${f.asOf}。数据集。`,
    en: `${f.publisher}. ${f.title.en}. Version ${f.version}, as of ${f.asOf}. Dataset.`
  };
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** CITATION.cff (Citation File Format 1.2.0) for the edition. */
export function citationFile(info: ReleaseInfo): string {
  const f = releaseFacts(info);
  const citation = citationText(info);
  return [
    "cff-version: 1.2.0",
    `message: ${yamlString(`使用本数据请按以下方式引用：${citation.zh} If you use these data, please cite them as: ${citation.en}`)}`,
    "type: dataset",
    `title: ${yamlString(`${f.title.zh} / ${f.title.en}`)}`,
    "authors:",
    `  - name: ${yamlString(f.publisher)}`,
    `version: ${yamlString(f.version)}`,
    `license: ${yamlString(info.config.release.licence)}`,
    `abstract: ${yamlString(`${f.region}，${EDITION_NAME[info.edition].zh}，${f.period}，截至 ${f.asOf}。${f.region}, ${EDITION_NAME[info.edition].en}, ${f.period}, as of ${f.asOf}.`)}`,
    "keywords:",
    ...["集团化办学", "义务教育均衡", "education groups", "compulsory education equity", f.region, f.period].map((word) => `  - ${yamlString(word)}`),
    ""
  ].join("\n");
}

/** methodology.md: what each published table means and every field of it, from the same texts as the site. */
export function methodologyMarkdown(pack: Record<string, unknown>, info: ReleaseInfo): string {
  const book = codebook();
  const resources = pack.resources as {name: string; grain: string; schema: {fields: {name: string; type: string; unit?: string; description?: string; description_zh?: string; constraints?: {enum?: string[]}}[]; primaryKey?: string[]}}[];
  const cell = (text: string | undefined) => (text ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ");
  const lines = [`# ${pack.title as string}`, "", book.packageText.zh, "", book.packageText.en, "", `${citationText(info).zh}`, "", `${citationText(info).en}`, ""];
  for (const resource of resources) {
    const source = book.tables[resource.name]?.source ?? `# ${resource.name}\n`;
    lines.push(source.trim().replace(/^# /, "## "), "", `- grain: ${resource.grain}`, `- key: ${(resource.schema.primaryKey ?? []).join(", ")}`, "");
    lines.push("| field | type | unit | codes | 中文 | English |", "|---|---|---|---|---|---|");
    for (const field of resource.schema.fields) {
      lines.push(`| \`${field.name}\` | ${field.type} | ${cell(field.unit)} | ${cell(field.constraints?.enum?.join(" "))} | ${cell(field.description_zh)} | ${cell(field.description)} |`);
    }
    lines.push("");
  }
  const leftOut = info.leftOut;
  if (leftOut.tables.length + leftOut.columns.length + leftOut.rows.length > 0) {
    lines.push("## 本版未含 / Not in this edition", "");
    for (const item of leftOut.tables) lines.push(`- \`${item.table}\`: ${item.reason.zh} / ${item.reason.en}`);
    for (const item of leftOut.columns) lines.push(`- \`${item.table}\` (${item.columns.map((name) => `\`${name}\``).join(", ")}): ${item.reason.zh} / ${item.reason.en}`);
    for (const item of leftOut.rows) lines.push(`- \`${item.table}\` (${item.keep}): ${item.reason.zh} / ${item.reason.en}`);
    lines.push("");
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}

/**
 * Write datapackage.json, methodology.md and CITATION.cff into the edition's folder, then the zip of them with
 * every table's CSV and Parquet; returns the files written (the edition manifest's `release`).
 */
export async function writeRelease(
  db: SqlEngine,
  dir: string,
  tables: readonly PublishedTable[],
  info: ReleaseInfo,
  deflated: DeflatedMembers = new DeflatedMembers()
): Promise<PublishedFile[]> {
  const pack = await dataPackage(db, dir, tables, info);
  writeFileSync(join(dir, "datapackage.json"), JSON.stringify(pack, null, 2) + "\n");
  writeFileSync(join(dir, "methodology.md"), methodologyMarkdown(pack, info));
  writeFileSync(join(dir, "CITATION.cff"), citationFile(info));
  const written = ["datapackage.json", "methodology.md", "CITATION.cff"];
  const members = [
    ...written,
    ...tables.flatMap((table) => table.files.map((file) => file.file).filter((file) => /\.(csv|parquet)$/.test(file))),
    ...(tables.some((table) => table.table === "config") ? ["config.json"] : [])
  ];
  const archive = releaseFacts(info).archive;
  const hashes = new Map(tables.flatMap((table) => table.files.map((file) => [file.file, file.sha256] as const)));
  await writeZip(join(dir, archive), dir, archive.replace(/\.zip$/, ""), members, info.periods.at(-1) ?? "", {hashes, deflated});
  return [...written, archive].map((file) => describe(join(dir, file), file));
}

/** A member some zip of this run already holds deflated: where its compressed bytes are, and its CRC and size. */
interface DeflatedMember {
  zip: string;
  offset: number;
  length: number;
  crc: number;
  size: number;
}

/**
 * The deflated members of the zips a run has written, by their content's sha256: the second edition's zip
 * copies the compressed bytes of a file the first one holds (the same table, the same config) instead of
 * compressing it again. Deflate's output depends on the bytes and the chunks pushed only, so the copy is
 * byte for byte what compressing again would write.
 */
export class DeflatedMembers {
  readonly members = new Map<string, DeflatedMember>();
}

/** the bytes [offset, offset + length) of a file, in chunks of at most 1 MiB */
async function* byteRange(path: string, offset: number, length: number): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  if (length === 0) return;
  for await (const chunk of createReadStream(path, {start: offset, end: offset + length - 1, highWaterMark: 1 << 20})) yield chunk as Uint8Array<ArrayBuffer>;
}

/**
 * Stream files into a zip (fflate writes the archive, Node's zlib deflates): each file is read in chunks and
 * each compressed chunk written as it comes, so memory holds one chunk, not the archive (a province's CSVs run
 * to hundreds of MB). Parquet is compressed already and goes in stored. Every entry carries the last period's
 * end as its time, so the archive's bytes depend on the files only. A file whose sha256 is in `reuse.hashes` and
 * already deflated in `reuse.deflated` is copied from there; one deflated here is recorded there.
 */
export async function writeZip(
  path: string,
  dir: string,
  folder: string,
  files: readonly string[],
  lastPeriod: string,
  reuse: {hashes: ReadonlyMap<string, string>; deflated: DeflatedMembers} = {hashes: new Map(), deflated: new DeflatedMembers()}
): Promise<void> {
  const fd = openSync(path, "w");
  let failure: Error | null = null;
  let written = 0;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else written += writeSync(fd, chunk);
  });
  const [y, m, d] = (lastPeriod ? periodEnd(lastPeriod) : "1980-01-01").split("-").map(Number) as [number, number, number];
  const mtime = new Date(y, m - 1, d, 12);
  try {
    for (const file of files) {
      const stored = file.endsWith(".parquet");
      const entry = stored ? new ZipPassThrough(`${folder}/${file}`) : new ZipDeflate(`${folder}/${file}`, {level: 6});
      entry.mtime = mtime;
      zip.add(entry);
      const hash = stored ? undefined : reuse.hashes.get(file);
      const before = hash === undefined ? undefined : reuse.deflated.members.get(hash);
      if (before) {
        // the compressed bytes as the other zip holds them: the entry's header, descriptor and central record
        // are written from its CRC, size and compressed length as if it had deflated them here
        const ondata = entry.ondata;
        entry.crc = before.crc;
        entry.size = before.size;
        for await (const chunk of byteRange(before.zip, before.offset, before.length)) ondata(null, chunk, false);
        ondata(null, new Uint8Array(0), true);
      } else if (stored) {
        for await (const chunk of createReadStream(join(dir, file), {highWaterMark: 1 << 20})) entry.push(chunk as Uint8Array, false);
        entry.push(new Uint8Array(0), true);
      } else {
        // deflated by Node's zlib (native; fflate's deflate in JavaScript cost ≈ 0.25 s of CPU in every run's
        // process before its compiler warmed up, and 2-3× zlib's time on a large CSV), the CRC taken on the way in;
        // fflate writes the entry around it as it does a reused member's
        const ondata = entry.ondata;
        let crc = 0;
        let size = 0;
        let compressed = 0;
        await pipeline(
          createReadStream(join(dir, file), {highWaterMark: 1 << 20}),
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              crc = crc32(chunk, crc);
              size += chunk.length;
              yield chunk;
            }
          },
          createDeflateRaw({level: 6}),
          async function (deflated: AsyncIterable<Buffer>) {
            for await (const chunk of deflated) {
              compressed += chunk.length;
              ondata(null, chunk as Uint8Array<ArrayBuffer>, false);
            }
          }
        );
        entry.crc = crc;
        entry.size = size;
        ondata(null, new Uint8Array(0), true);
        // each member is written out whole before the next is added: its bytes end 16 (the data descriptor) before here
        if (hash !== undefined && !failure) reuse.deflated.members.set(hash, {zip: path, offset: written - 16 - compressed, length: compressed, crc, size});
      }
      if (failure) throw failure;
    }
    zip.end();
    if (failure) throw failure;
  } finally {
    closeSync(fd);
  }
}
