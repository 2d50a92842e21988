// The codebook card of the methodology page (src/methodology.md): every field of every table the edition
// publishes, read from its datapackage.json (written by the run from pipelines/models/fields.md), filtered by
// what the reader types. Names in the descriptions are marked as code, as in the tables' definitions.
import {formats, wording} from "../wording/index.js";
import codebookWording from "../wording/codebook.js";
import {markCode} from "./methodology.js";

const {t, has} = wording(codebookWording);

/** each language's description in the package, and whether every Latin word in it is a name (Chinese text) */
const DESCRIPTION = {zh: {key: "description_zh", words: true}, en: {key: "description", words: false}};

/** a unit of the codebook as a wording key's last part: "per 100 students" → per_100_students, "m²/student" → m_student */
export const unitKey = (unit) => unit.toLowerCase().replace(/[^a-z0-9]+/g, "_");

/**
 * @param {{resources: {name: string, schema: {fields: object[], primaryKey?: string[]}}[]}} pack the edition's datapackage.json
 * @param {object} config the published configuration
 * @param {"zh"|"en"} lang
 */
export function codebookView(pack, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `codebook.${key}`, params);
  const unitName = (unit) => (!unit ? "" : has(`codebook.unit.${unitKey(unit)}`) ? w(`unit.${unitKey(unit)}`) : unit);
  const typeName = (type) => (has(`codebook.type.${type}`) ? w(`type.${type}`) : type);
  const codesText = (codes) => (codes?.length ? w("codes", {codes: codes.map((code) => `\`${code}\``).join(" ")}) : "");
  const resources = pack?.resources ?? [];
  const rows = resources.flatMap((resource) =>
    resource.schema.fields.map((field) => {
      const description = field[DESCRIPTION[lang].key] ?? "";
      const isKey = (resource.schema.primaryKey ?? []).includes(field.name);
      return {
        table: resource.name,
        field: field.name,
        type: `${typeName(field.type)}${isKey ? w("key") : ""}`,
        unit: unitName(field.unit),
        codes: (field.constraints?.enum ?? []).join(" "),
        // the meaning, then the allowed codes as code (a column of their own left the meaning too narrow)
        description: markCode(description, {words: DESCRIPTION[lang].words}) + codesText(field.constraints?.enum),
        // what the filter searches: names, codes and the words of both languages
        text: [resource.name, field.name, field.description, field.description_zh, ...(field.constraints?.enum ?? [])].join(" ").toLowerCase()
      };
    })
  );
  const base = {
    lang,
    minN: config.min_n,
    filename: "codebook",
    title: w("fields"),
    full: true,
    columns: [
      {name: "table", label: w("column.table"), code: true},
      {name: "field", label: w("column.field"), code: true},
      {name: "type", label: w("column.type")},
      {name: "unit", label: w("column.unit")},
      {name: "description", label: w("column.description"), md: true, csv: (row) => row.description.replace(/`/g, "")}
    ]
  };
  const tables = f.num(resources.length);
  return {
    title: w("title"),
    lead: w("lead"),
    searchLabel: w("search"),
    placeholder: w("placeholder"),
    /** the card for a query: the fields whose names, codes or meaning hold every word of it */
    at(query = "") {
      const words = String(query).toLowerCase().split(/\s+/).filter(Boolean);
      const shown = words.length ? rows.filter((row) => words.every((word) => row.text.includes(word))) : rows;
      const takeaway = !words.length
        ? w("takeaway", {n: f.num(rows.length), tables})
        : shown.length
          ? w("matches", {n: f.num(shown.length), all: f.num(rows.length), tables, query: String(query).trim()})
          : w("none", {query: String(query).trim()});
      // every field (hundreds of rows, most of the page) behind a toggle until the reader searches: the
      // contract and the run record below stay within reach
      return {...base, takeaway, fold: !words.length, rows: shown.map(({text: _text, ...row}) => row)};
    }
  };
}
