// The data release beside each edition's tables (docs/release.md), checked with tools that are not the
// pipeline's: the Data Package with frictionlessdata's own `datapackage` (descriptor profile) and
// `tableschema` (every CSV row cast to its field's type, enum codes, primary key unique, foreign keys found),
// every Parquet file read with hyparquet (not DuckDB) and compared value by value with the CSV, the zip opened
// with jszip (not fflate, which wrote it) and its files compared byte for byte with the published ones, and
// CITATION.cff read with js-yaml.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {Package} from "datapackage";
import {Table} from "tableschema";
import {parquetReadObjects} from "hyparquet";
import {compressors} from "hyparquet-compressors";
import JSZip from "jszip";
import yaml from "js-yaml";
import {beforeAll, describe, expect, it} from "vitest";
import {demoOutput} from "../demo-run.js";
import {TIMEOUT} from "../helpers.js";
import {neutralise} from "../../pipelines/csv-rule.js";
import {parseConfig} from "../../pipelines/models/config.js";
import {citationText, releaseFacts, tableSchemaType} from "../../pipelines/release.js";

type Row = Record<string, unknown>;
interface Resource {
  name: string;
  path: string;
  schema: {fields: {name: string; type: string; description?: string; description_zh?: string; unit?: string; constraints?: {enum?: string[]}}[]; primaryKey?: string[]; foreignKeys?: {fields: string[]; reference: {resource: string}}[]};
  alternates: {path: string; format: string}[];
}

let out: string;
beforeAll(async () => {
  out = await demoOutput();
}, TIMEOUT.test);

const dirOf = (edition: string) => join(out, "published", edition);
const json = (path: string) => JSON.parse(readFileSync(path, "utf8"));

/** every CSV row cast to its schema by tableschema, keyed by field name (foreign keys resolved against `relations`) */
async function castRows(dir: string, resource: Resource, relations?: Record<string, Row[]>): Promise<Row[]> {
  const table = await Table.load(join(dir, resource.path), {schema: resource.schema, bom: true} as never);
  return (await table.read({keyed: true, ...(relations ? {relations} : {})} as never)) as unknown as Row[];
}

describe.each(["public", "internal"])("the %s edition's data package", (edition) => {
  it("is a valid Tabular Data Package, and every CSV row casts to its schema with unique keys and its foreign keys found", async () => {
    const dir = dirOf(edition);
    const pkg = await Package.load(join(dir, "datapackage.json"), {basePath: dir});
    expect(pkg.errors.map(String)).toEqual([]);
    expect(pkg.valid).toBe(true);
    const descriptor = pkg.descriptor as {resources: Resource[]; licenses: {name: string}[]; version: string; as_of_date: string; periods: string[]};
    const manifest = json(join(dir, "manifest.json"));
    // every table the edition publishes, no other, and no table it leaves out
    const published = manifest.published.map((table: {table: string}) => table.table).filter((name: string) => name !== "config").sort();
    expect(descriptor.resources.map((resource) => resource.name).sort()).toEqual(published);
    for (const item of manifest.left_out.tables) expect(published).not.toContain(item.table);
    expect(descriptor.licenses[0]!.name).toBe("CC-BY-4.0");
    expect(descriptor.as_of_date).toBe(manifest.as_of_date);
    expect(descriptor.periods).toEqual(manifest.periods);
    expect(descriptor.version).toBe(manifest.periods.at(-1));

    const keyed: Record<string, Row[]> = {};
    for (const resource of descriptor.resources) keyed[resource.name] = await castRows(dir, resource);
    let checkedKeys = 0;
    for (const resource of descriptor.resources) {
      const info = manifest.published.find((table: {table: string}) => table.table === resource.name);
      // every row read, each cast (a value that is not its type or not one of its codes throws), the primary
      // key unique, and each foreign key's row found in the table it names
      const rows = await castRows(dir, resource, resource.schema.foreignKeys ? keyed : undefined);
      expect(rows.length, resource.name).toBe(info.rows);
      checkedKeys += resource.schema.foreignKeys?.length ?? 0;
      expect(resource.schema.primaryKey, resource.name).toEqual(info.key);
      // every field described in both languages, and the CSV's header is the fields in order
      for (const field of resource.schema.fields) {
        expect(field.description, `${resource.name}.${field.name}`).toBeTruthy();
        expect(field.description_zh, `${resource.name}.${field.name}`).toMatch(/[\u4e00-\u9fff]/);
      }
      const header = readFileSync(join(dir, resource.path), "utf8").replace(/^\ufeff/, "").split(/\r?\n/)[0]!.split(",");
      expect(resource.schema.fields.map((field) => field.name), resource.name).toEqual(header);
      // the columns the edition leaves out are not fields
      for (const item of manifest.left_out.columns.filter((left: {table: string}) => left.table === resource.name)) {
        for (const name of item.columns) expect(header, `${resource.name}.${name}`).not.toContain(name);
      }
      expect(resource.alternates.map((alt) => alt.format)).toEqual(["parquet", "arrow"]);
    }
    // the demo's group members name their group, and its exam tables their exam
    expect(checkedKeys).toBeGreaterThanOrEqual(edition === "public" ? 4 : 6);
  }, TIMEOUT.test);

  it("describes its suppression flag and codes: an enum that a wrong code breaks", async () => {
    const dir = dirOf(edition);
    const descriptor = json(join(dir, "datapackage.json"));
    const coverage = descriptor.resources.find((resource: Resource) => resource.name === "coverage") as Resource;
    const stage = coverage.schema.fields.find((field) => field.name === "stage")!;
    expect(stage.constraints?.enum).toContain("all");
    expect(stage.constraints?.enum).toContain("nine_year");
    const gap = descriptor.resources.find((resource: Resource) => resource.name === "urban_rural_gap") as Resource;
    expect(gap.schema.fields.find((field) => field.name === "is_suppressed")!.description).toMatch(/min_n/);
    expect(gap.schema.fields.find((field) => field.name === "gap")!.unit).toBe("z");
    expect(descriptor.suppression.min_n).toBe(10);
    // the validator does reject a code the schema does not allow
    const table = await Table.load([["period", "county", "stage"], ["2025Q1", "甲区", "preschool"]], {schema: {fields: coverage.schema.fields.slice(0, 3)}} as never);
    await expect(table.read() as unknown as Promise<unknown>).rejects.toThrow();
  });

  it("has every Parquet file read by hyparquet hold the CSV's values", async () => {
    const dir = dirOf(edition);
    const descriptor = json(join(dir, "datapackage.json")) as {resources: Resource[]};
    for (const resource of descriptor.resources) {
      const parquetPath = resource.alternates.find((alt) => alt.format === "parquet")!.path;
      const buffer = readFileSync(join(dir, parquetPath));
      const file = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
      const fromParquet = (await parquetReadObjects({file, compressors})) as Row[];
      const fromCsv = await castRows(dir, resource);
      expect(fromParquet.length, resource.name).toBe(fromCsv.length);
      const types = Object.fromEntries(resource.schema.fields.map((field) => [field.name, field.type]));
      const mismatches: string[] = [];
      fromParquet.forEach((row, i) => {
        for (const [name, type] of Object.entries(types)) {
          const expected = comparable(row[name], type);
          const actual = comparable(fromCsv[i]![name], type);
          const same = typeof expected === "number" && typeof actual === "number" ? Math.abs(expected - actual) <= 1e-12 * Math.max(1, Math.abs(expected)) : expected === actual;
          if (!same) mismatches.push(`${resource.name} row ${i + 1} ${name}: parquet ${String(expected)}, csv ${String(actual)}`);
        }
      });
      expect(mismatches.slice(0, 5), resource.name).toEqual([]);
    }
  }, TIMEOUT.test);

  it("zips the tables in both formats, the package, the methodology and the citation, each byte for byte the published file", async () => {
    const dir = dirOf(edition);
    const manifest = json(join(dir, "manifest.json"));
    const archive = manifest.release.find((file: {file: string}) => file.file.endsWith(".zip")).file as string;
    const zip = await JSZip.loadAsync(readFileSync(join(dir, archive)));
    const folder = archive.replace(/\.zip$/, "");
    const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir).sort();
    const tables = manifest.published.filter((table: {table: string}) => table.table !== "config").map((table: {table: string}) => table.table);
    const expected = ["datapackage.json", "methodology.md", "CITATION.cff", "config.json", ...tables.flatMap((table: string) => [`${table}.csv`, `${table}.parquet`])].map((name) => `${folder}/${name}`).sort();
    expect(names).toEqual(expected);
    for (const name of names) {
      const bytes = Buffer.from(await zip.file(name)!.async("uint8array"));
      expect(bytes.equals(readFileSync(join(dir, name.slice(folder.length + 1)))), name).toBe(true);
    }
    // the manifest names every release file with its hash
    for (const file of manifest.release) expect(readFileSync(join(dir, file.file)).length, file.file).toBe(file.bytes);
  }, TIMEOUT.test);

  it("says how to cite it in CITATION.cff: region, edition, period, version", () => {
    const dir = dirOf(edition);
    const manifest = json(join(dir, "manifest.json"));
    const cff = yaml.load(readFileSync(join(dir, "CITATION.cff"), "utf8")) as Record<string, unknown>;
    expect(cff["cff-version"]).toBe("1.2.0");
    expect(cff.type).toBe("dataset");
    expect(cff.license).toBe("CC-BY-4.0");
    const [first, last] = [manifest.periods[0], manifest.periods.at(-1)];
    expect(cff.version).toBe(last);
    expect(cff.title).toContain("甘州区");
    expect(cff.title).toContain(edition === "public" ? "公开版" : "内部版");
    expect(cff.title).toContain(`${first}–${last}`);
    expect((cff.authors as {name: string}[])[0]!.name).toBe("甘州区（示例数据）教育局");
    const methodology = readFileSync(join(dir, "methodology.md"), "utf8");
    // the methodology names every published field
    for (const resource of json(join(dir, "datapackage.json")).resources as Resource[]) {
      for (const field of resource.schema.fields) expect(methodology, `${resource.name}.${field.name}`).toContain(`| \`${field.name}\` |`);
    }
  });
});

describe("the release's words", () => {
  it("names the region, edition, periods and version, and takes the licence, publisher and version from the config", () => {
    const config = parseConfig({region_name: "甲区", release: {licence: "CC0-1.0", publisher: "甲区教育体育局", version: "2025Q4-r2"}});
    const facts = releaseFacts({edition: "public", periods: ["2025Q1", "2025Q2", "2025Q3", "2025Q4"], config});
    expect(facts.version).toBe("2025Q4-r2");
    expect(facts.asOf).toBe("2025-12-31");
    expect(facts.archive).toBe("junheng-public-2025Q4-r2.zip");
    expect(citationText({edition: "public", periods: ["2025Q1", "2025Q4"], config})).toEqual({
      zh: "甲区教育体育局：《甲区集团化办学与义务教育均衡数据（公开版），2025Q1–2025Q4》，版本 2025Q4-r2，截至 2025-12-31。数据集。",
      en: "甲区教育体育局. 甲区 education groups and compulsory-school equity data (public edition), 2025Q1–2025Q4. Version 2025Q4-r2, as of 2025-12-31. Dataset."
    });
    expect(parseConfig(undefined).release).toEqual({licence: "CC-BY-4.0", publisher: "", version: ""});
    expect(() => parseConfig({release: {licence: "CC BY"}})).toThrow(/release\.licence/);
    expect(() => parseConfig({release: {edition: 1}})).toThrow(/release\.edition/);
  });

  it("maps DuckDB's types to Table Schema's", () => {
    expect(["INTEGER", "BIGINT", "DOUBLE", "BOOLEAN", "DATE", "VARCHAR", "VARCHAR[]"].map(tableSchemaType)).toEqual(["integer", "integer", "number", "boolean", "date", "string", "string"]);
  });
});

/** a value as both readers should agree on it: dates as YYYY-MM-DD, lists as the CSV writes them, text through the CSV rule */
function comparable(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return `[${value.join(", ")}]`;
  if (typeof value === "string" && type === "string") return neutralise(value);
  return value;
}
