// protectEdition: primary, few-schools and complementary suppression of one edition's exam-based tables, and
// the audit that proves no suppressed value can be recovered by a linear combination of what the edition
// publishes (docs/metrics.md, "Disclosure control / 披露控制"). The edition's rows of each mart are relations
// (temporary tables) that this updates in place: values nulled, is_suppressed set, n withheld, and a
// `suppression` column (primary | complementary | few_schools) added.
import type {SqlEngine} from "../sql.js";
import {forEachChunk, ident, lit} from "../sql.js";
import {ExposedCellError, findExposures, protectComponent, type Cell, type Reason, type Term, type Unit} from "./audit.js";
import {PRIMES, type SparseVec} from "./modular.js";
import {HEADLINE_GAP_COLUMNS} from "../editions.js";
import {loadModels} from "../models/load.js";
import {cellTermsSql, EXAM_TABLES, identityTermsSql, vaLinksSql, type ExamTable} from "./registry.js";

export type Edition = "public" | "internal";

export interface ProtectSettings {
  /** fewer students than this: primary suppression (config min_n) */
  min_n: number;
  /** public edition: an aggregate over fewer schools than this is suppressed (default 3) */
  min_schools?: number;
}

export interface ProtectOptions {
  edition: Edition;
  /** mart name → the relation holding this edition's rows of it */
  tables: Record<string, string>;
  settings: ProtectSettings;
  /** called between the audit's rounds and linear systems, where their garbage may go (run.ts: pipelines/memory.ts
   * garbageBound); nothing is called without it */
  betweenComponents?: () => void;
}

export interface TableReport {
  rows: number;
  suppressed: number;
  primary: number;
  complementary: number;
  few_schools: number;
}

export interface Report {
  edition: Edition;
  min_n: number;
  min_schools: number;
  /** protected cells audited (primary, few-schools, complementary and, in the public edition, every school alone) */
  cells_checked: number;
  /** rows (or lead − members parts) suppressed, by reason */
  primary: number;
  complementary: number;
  few_schools: number;
  /** protected cells a linear combination of published cells recovers, after protection: always 0 */
  exposed: 0;
  /** linear systems audited: one per exam and subject, or per value-added pair, or their union where linked */
  components: number;
  /** schools whose value-added is written in their two exams' sums (all students linked, none moved) */
  va_linked: number;
  by_table: Record<string, TableReport>;
  method: string;
}

export const DEFAULT_MIN_SCHOOLS = 3;

/** the relations protectEdition may change (values nulled, columns added, headline's gap recomputed); it
 * leaves every other relation as it was built */
export const PROTECTED_TABLES: readonly string[] = [...EXAM_TABLES, "headline"];

const VALUE_COLUMNS: Record<ExamTable, string[]> = {
  exam_school: ["mean_score", "sd_score", "mean_rate", "excellent_rate", "pass_rate", "low_rate", "mean_z"],
  urban_rural_gap: ["mean_first", "mean_second", "gap", "se", "ci_low", "ci_high"],
  score_variance: ["between_school_share", "var_between", "var_within", "eta_squared"],
  value_added_school: ["va", "se", "ci_low", "ci_high", "reliability", "va_shrunk", "band"],
  value_added_group: ["va", "se", "ci_low", "ci_high"]
};

/** counts withheld on a suppressed row: they say how small it is (and feed the arithmetic) */
const COUNT_COLUMNS: Record<ExamTable, string[]> = {
  exam_school: ["n_students", "n_absent"],
  urban_rural_gap: ["n_first", "n_second", "n_schools_first", "n_schools_second", "df"],
  score_variance: ["n_students", "n_schools"],
  value_added_school: ["n_students"],
  value_added_group: ["n_students", "n_lead", "n_members"]
};

const LMM_COLUMNS = ["lead_minus_members", "lead_minus_members_se", "lead_minus_members_ci_low", "lead_minus_members_ci_high", "n_lead", "n_members"];

async function firstRow(db: SqlEngine, sql: string): Promise<TableReport> {
  const [row] = await db.all<Record<string, unknown>>(sql);
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v ?? 0)])) as unknown as TableReport;
}

async function columnsOf(db: SqlEngine, relation: string): Promise<Set<string>> {
  const rows = await db.all<{column_name: string}>(`describe ${ident(relation)}`);
  return new Set(rows.map((r) => r.column_name));
}

interface Registry {
  components: Map<string, Cell[]>;
  units: Unit[];
}

/** dc_cells' columns, read as integers: the strings (component, table, part, cell, row key) as codes into dc_words,
 * each distinct string decoded once, not once per cell */
const CELL_FIELDS = [
  "cell_idx", "component", "tbl", "row_id", "part", "cell", "row_key", "published", "mart_suppressed"
] as const;

/**
 * The terms column by column in typed arrays (hasFactor 0 where there is none): at province size there are millions,
 * and as one JS object each (beside DuckDB's result) they were most of the audit's 1.5 GB of heap. The integers
 * (cast to integer by the query) stay integers, so the Term objects built from them hold small integers, not a
 * boxed double each.
 */
interface TermColumns {
  length: number;
  c: Int32Array;
  s: Int32Array;
  num: Int32Array;
  den: Int32Array;
  n: Int32Array;
  factor: Float64Array;
  hasFactor: Uint8Array;
}

/** dc_term_ints' columns: one row per (cell, school) as integers (cell, school, num, den, the school's n), and factor
 * a real coefficient or null */
const TERM_FIELDS = ["c", "s", "num", "den", "n", "factor"] as const;

function emptyTerms(size: number): TermColumns {
  return {length: 0, c: new Int32Array(size), s: new Int32Array(size), num: new Int32Array(size), den: new Int32Array(size), n: new Int32Array(size), factor: new Float64Array(size), hasFactor: new Uint8Array(size)};
}

/** the terms query read into TermColumns, chunk by chunk where the engine streams */
async function readTerms(db: SqlEngine, sql: string, size: number): Promise<TermColumns> {
  let length = 0;
  let columns = emptyTerms(size);
  const reserve = (more: number) => {
    if (columns.c.length >= length + more) return;
    const size = Math.max(columns.c.length * 2, length + more);
    const bigger = emptyTerms(size);
    for (const field of TERM_FIELDS) (bigger[field] as Float64Array).set(columns[field] as Float64Array);
    bigger.hasFactor.set(columns.hasFactor);
    columns = bigger;
  };
  await forEachChunk(db, sql, (chunk, rows) => {
    reserve(rows);
    for (const field of TERM_FIELDS) {
      const values = chunk[field]!;
      for (let j = 0; j < rows; j++) {
        const value = values[j];
        const missing = value === null || value === undefined;
        columns[field][length + j] = missing ? 0 : Number(value);
        if (field === "factor") columns.hasFactor[length + j] = missing ? 0 : 1;
      }
    }
    length += rows;
  });
  return {...columns, length};
}

const LABEL_CELLS = new Set(["row", "school", "county", "group"]);

/** a cell of the registry: what the audit reads (Cell), and where it comes from; its label is made when asked
 * for (only an error message needs it), not once per cell */
class RegistryCell implements Cell {
  terms: Term[] = [];
  protect: Cell["protect"] = null;
  n = 0;
  constructor(
    readonly id: number,
    readonly unit: number | null,
    readonly component: string,
    readonly tbl: string,
    private readonly rowKey: string,
    private readonly cell: string,
    readonly published: boolean,
    readonly martSuppressed: boolean
  ) {}
  get label(): string {
    return `${this.tbl} ${this.rowKey}${LABEL_CELLS.has(this.cell) ? "" : ` (${this.cell})`}`;
  }
}

/**
 * Cells and units from the registry's rows (added one by one, in cell_idx order), then their terms; which cells
 * are protected, and why. The rows' strings come as codes into one list of words: a component's, a table's, a
 * part's and a cell's name recur on every row, and a row's key on each of its cells; each is one string.
 */
class RegistryBuilder {
  readonly units: Unit[] = [];
  private readonly unitIds = new Map<string, number>();
  private readonly cells: RegistryCell[] = [];
  constructor(
    private readonly edition: Edition,
    private readonly minN: number,
    private readonly minSchools: number
  ) {}

  /** the cells of one chunk of dc_cells, in cell_idx order; each (unit, cell) once (dc_cells groups by them); `words`
   * are the strings its codes stand for (dc_words, in code order) */
  addCells(chunk: Record<string, unknown[]>, rows: number, words: readonly string[]): void {
    const [indexes, components, tbls, rowIds, parts, cellNames, rowKeys, published, martSuppressed] = CELL_FIELDS.map(
      (field) => chunk[field]!
    ) as [number[], number[], number[], number[], number[], number[], number[], boolean[], boolean[]];
    for (let j = 0; j < rows; j++) {
      const tbl = words[tbls[j]!]!;
      const component = words[components[j]!]!;
      const part = words[parts[j]!]!;
      const rowKey = words[rowKeys[j]!]!;
      const rowId = rowIds[j]!;
      const virtual = tbl === "(school)";
      let unit: number | undefined;
      if (!virtual) {
        const unitKey = tbl.startsWith("(") ? `${tbl}|${component}|${rowKey}` : `${tbl}|${rowId}|${part}`;
        unit = this.unitIds.get(unitKey);
        if (unit === undefined) {
          unit = this.units.length;
          this.unitIds.set(unitKey, unit);
          this.units.push({
            id: unit,
            table: tbl,
            rowId,
            part,
            suppressed: true,
            reason: null,
            implicit: tbl === "(total)",
            n: 0,
            nSchools: 0,
            key: `${tbl}|${rowKey}`
          });
        }
      }
      const index = indexes[j]!;
      if (index !== this.cells.length) {
        throw new Error(`disclosure registry: cell ${index} read in place of ${this.cells.length} (a bug)`);
      }
      const cellName = words[cellNames[j]!]!;
      this.cells.push(
        new RegistryCell(index, unit ?? null, component, tbl, rowKey, cellName, published[j]!, martSuppressed[j]!)
      );
    }
  }

  finish(terms: TermColumns): Registry {
    const {units, cells, edition, minN, minSchools} = this;
    this.unitIds.clear();
    // each cell's terms in an array of its own size (grown by push, a third of the arrays' memory was spare room)
    const counts = new Int32Array(cells.length);
    for (let i = 0; i < terms.length; i++) counts[terms.c[i]!]! += 1;
    for (let c = 0; c < cells.length; c++) cells[c]!.terms = new Array<Term>(counts[c]!);
    counts.fill(0);
    for (let i = 0; i < terms.length; i++) {
      const c = terms.c[i]!;
      const cell = cells[c]!;
      cell.terms[counts[c]!++] = terms.hasFactor[i] === 0 ? {school: terms.s[i]!, num: terms.num[i]!, den: terms.den[i]!} : {school: terms.s[i]!, num: terms.num[i]!, den: terms.den[i]!, factor: terms.factor[i]!};
      cell.n += terms.n[i]!;
    }
    // a unit's "published" is its published cells' (lead and members sides are never published on their own)
    for (const cell of cells) {
      if (cell.unit === null) continue;
      const u = units[cell.unit]!;
      if (cell.published) u.suppressed = false;
      u.n = Math.max(u.n, cell.n);
      u.nSchools = Math.max(u.nSchools, new Set(cell.terms.map((t) => t.school)).size);
    }
    for (const cell of cells) {
      if (cell.unit !== null && units[cell.unit]!.suppressed && cell.martSuppressed && !units[cell.unit]!.reason) units[cell.unit]!.reason = "primary";
    }

    const components = new Map<string, Cell[]>();
    const totals = new Map<string, Set<number>>();
    // the identity over every school of the component (the largest: a pair's context cells are parts of it)
    for (const cell of cells) {
      if (cell.tbl !== "(total)" || cell.terms.some((t) => t.factor !== undefined)) continue;
      const set = new Set(cell.terms.map((t) => t.school));
      if ((totals.get(cell.component)?.size ?? -1) < set.size) totals.set(cell.component, set);
    }
    for (const cell of cells) {
      const schools = new Set(cell.terms.map((t) => t.school));
      const aggregate = cell.tbl !== "exam_school" && cell.tbl !== "value_added_school" && !cell.tbl.startsWith("(");
      if (cell.tbl === "(school)") cell.protect = "school";
      else if (cell.tbl === "(total)") cell.protect = null;
      else if (cell.n < minN) cell.protect = "primary";
      else if (edition === "public" && aggregate && schools.size < minSchools) cell.protect = "few_schools";
      // a cell over the whole exam (or pair) says only what the identity says: z averages 0 over an exam
      const total = totals.get(cell.component);
      if (cell.protect && total && total.size === schools.size && [...schools].every((s) => total.has(s)) && cell.terms.every((t) => t.num === t.den)) {
        if (cell.protect === "school") cell.protect = null;
      }
      if (cell.protect && cell.protect !== "school" && cell.unit !== null) {
        const u = units[cell.unit]!;
        if (!u.suppressed) {
          u.suppressed = true;
          u.reason = cell.protect;
        } else if (!u.reason) u.reason = cell.protect;
      }
      // unpublished cells that protect nothing do not take part
      if (cell.protect === null && !cell.published && cell.tbl !== "(total)") continue;
      let list = components.get(cell.component);
      if (!list) components.set(cell.component, (list = []));
      list.push(cell);
    }
    this.cells.length = 0;
    return {components, units};
  }
}

/** a school whose value-added is its later exam's z sum minus slope times its prior exam's (vaLinksSql) */
interface VaLink {
  component: string;
  later: string;
  prior: string;
  school: number;
  slope: number;
}

/**
 * The columns of the audit, and which components form one linear system. A term's school becomes a column
 * of its component (a school's sum in one exam, or its residuals' sum in one pair). Where a school's
 * value-added is a combination of its exams' sums (every student linked, none moved: `links`), its
 * value-added terms are written as 1 × the later exam's column and −slope × the prior exam's: not a new
 * unknown. The pair's component and its two exams' then form one system, audited and protected together, so
 * a suppressed exam mean cannot come back from the school's value-added, intercept, slope and prior mean.
 * Elsewhere the residuals' sum is its own unknown (a different set of students from any exam cell).
 */
export function linkComponents(components: Map<string, Cell[]>, links: VaLink[]): {components: Map<string, Cell[]>; linked: number} {
  // a (component, school) pair as one number, not a string per term: component index × stride + school
  const componentIndex = new Map<string, number>();
  const indexOf = (component: string) => {
    let i = componentIndex.get(component);
    if (i === undefined) componentIndex.set(component, (i = componentIndex.size));
    return i;
  };
  let stride = 1;
  for (const l of links) stride = Math.max(stride, l.school + 1);
  for (const cells of components.values()) for (const cell of cells) for (const t of cell.terms) stride = Math.max(stride, t.school + 1);
  const pair = (component: string, school: number) => indexOf(component) * stride + school;
  const columns = new Map<number, number>();
  const column = (component: string, school: number) => {
    const key = pair(component, school);
    let c = columns.get(key);
    if (c === undefined) columns.set(key, (c = columns.size));
    return c;
  };
  const linkOf = new Map<number, VaLink>();
  for (const l of links) if (components.has(l.component)) linkOf.set(pair(l.component, l.school), l);
  // components joined by a link: union-find over component keys
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const l of linkOf.values()) {
    union(l.component, l.later);
    union(l.component, l.prior);
  }
  for (const [component, cells] of components) {
    for (const cell of cells) {
      // the terms are the cell's own (built for it by RegistryBuilder): a term with no link takes its column in
      // place; a cell with linked terms gets a new array of its exact size (one term becomes two)
      const found = cell.terms.map((t) => linkOf.get(pair(component, t.school)));
      let linkedTerms = 0;
      for (const link of found) if (link) linkedTerms += 1;
      if (linkedTerms === 0) {
        for (const t of cell.terms) t.school = column(component, t.school);
        continue;
      }
      const terms = new Array<Term>(cell.terms.length + linkedTerms);
      let k = 0;
      cell.terms.forEach((t, i) => {
        const link = found[i];
        if (!link) terms[k++] = {...t, school: column(component, t.school)};
        else {
          terms[k++] = {school: column(link.later, t.school), num: t.num, den: t.den, ...(t.factor === undefined ? {} : {factor: t.factor})};
          terms[k++] = {school: column(link.prior, t.school), num: t.num, den: t.den, factor: t.factor === undefined ? -link.slope : -link.slope * t.factor};
        }
      });
      cell.terms = terms;
    }
  }
  const merged = new Map<string, Cell[]>();
  for (const key of [...components.keys()].sort()) {
    const root = find(key);
    let list = merged.get(root);
    if (!list) merged.set(root, (list = []));
    list.push(...components.get(key)!);
  }
  return {components: merged, linked: linkOf.size};
}

/**
 * Protect one edition's exam-based relations in place and return the audit's report. Throws ExposedCellError
 * (a bug: the run fails with exit 3) if a protected cell stays recoverable.
 */
export async function protectEdition(db: SqlEngine, options: ProtectOptions): Promise<Report> {
  const minN = options.settings.min_n;
  const minSchools = options.settings.min_schools ?? DEFAULT_MIN_SCHOOLS;
  const present = EXAM_TABLES.filter((t) => options.tables[t] !== undefined);
  const columns = new Map<ExamTable, Set<string>>();
  for (const table of present) columns.set(table, await columnsOf(db, options.tables[table]!));

  await db.run("create or replace temp table dc_terms as select * from (select 1) where false");
  const parts = present.map((t) => cellTermsSql(t, options.tables[t]!, columns.get(t)!.has("lead_minus_members")));
  if (parts.length > 0) {
    await db.run(`create or replace temp table dc_terms as ${parts.map((p) => `select * from (${p})`).join("\nunion all\n")}`);
    // a real coefficient on some identity terms (the school-mean normal equation of value-added): null elsewhere
    await db.run("alter table dc_terms add column factor double");
    await db.run(`insert into dc_terms by name ${identityTermsSql("total")}`);
    if (options.edition === "public") await db.run(`insert into dc_terms by name ${identityTermsSql("school")}`);
  }
  const builder = new RegistryBuilder(options.edition, minN, minSchools);
  let terms = emptyTerms(0);
  let links: VaLink[] = [];
  if (parts.length > 0) {
    // strings once per cell, integers per term: the reading, not the SQL, is what costs at province size.
    // Cells are numbered by the row's key, never by its rowid: a relation built on several threads holds its
    // rows in any order, and the order of the cells decides which complement is chosen first
    await db.run(`
      create or replace temp table dc_cells as
      select (row_number() over (order by component, tbl, row_key, part, cell, row_id) - 1)::integer as cell_idx,
          component, tbl, row_id::bigint as row_id, part, cell, row_key,
          bool_or(published) as published, bool_or(mart_suppressed) as mart_suppressed
      from dc_terms
      group by component, tbl, row_id, part, cell, row_key`);
    await db.run(`
      create or replace temp table dc_schools as
      select school_id, (row_number() over (order by school_id) - 1)::integer as school_idx
      from (select distinct school_id from dc_terms)`);
    links = await db.all<VaLink>(`
      select l.component, l.later, l.prior, s.school_idx as school, l.slope
      from (${vaLinksSql()}) as l
      inner join dc_schools as s on l.school_id = s.school_id`);
    // the terms as integers, then DuckDB's string copies go before anything is read into JavaScript: at
    // province size dc_terms and dc_cells held about 0.6 GB, beside the JavaScript's cells and terms
    await db.run(`
      create or replace temp table dc_term_ints as
      select c.cell_idx as c, s.school_idx as s, t.num::integer as num, t.den::integer as den, t.school_n::integer as n,
          t.factor
      from dc_terms as t
      inner join dc_cells as c
          on t.component = c.component and t.tbl = c.tbl and t.row_id = c.row_id and t.part = c.part and t.cell = c.cell
          and t.row_key = c.row_key
      inner join dc_schools as s on t.school_id = s.school_id`);
    await db.run("drop table dc_terms");
    await db.releaseCache?.();
    // the registry's strings once each, then the cells as integers, chunk by chunk: no array of row objects is
    // ever whole, and no cell's strings are decoded again (at province size, 16.6 s of 116 s of publishing)
    await db.run(`
      create or replace temp table dc_words as
      select word, (row_number() over (order by word) - 1)::integer as code
      from (
          select component as word from dc_cells union select tbl from dc_cells union select part from dc_cells
          union select cell from dc_cells union select row_key from dc_cells)`);
    const words: string[] = [];
    await forEachChunk(db, "select word from dc_words order by code", (chunk, rows) => {
      for (let j = 0; j < rows; j++) words.push(chunk.word![j] as string);
    });
    await forEachChunk(
      db,
      `select c.cell_idx, component.code as component, tbl.code as tbl, c.row_id::integer as row_id, part.code as part,
          cell.code as cell, row_key.code as row_key, c.published, c.mart_suppressed
      from dc_cells as c
      inner join dc_words as component on component.word = c.component
      inner join dc_words as tbl on tbl.word = c.tbl
      inner join dc_words as part on part.word = c.part
      inner join dc_words as cell on cell.word = c.cell
      inner join dc_words as row_key on row_key.word = c.row_key
      order by c.cell_idx`,
      (chunk, rows) => builder.addCells(chunk, rows, words)
    );
    await db.run("drop table dc_words");
    await db.run("drop table dc_cells");
    const [{n}] = (await db.all<{n: number}>("select count(*)::integer as n from dc_term_ints")) as [{n: number}];
    terms = await readTerms(db, "select * from dc_term_ints order by c, s", n);
    await db.run("drop table dc_term_ints");
  }
  const registry = builder.finish(terms);
  // the rows are in the registry now: let them go before the audit
  terms = emptyTerms(0);
  const {components, linked} = linkComponents(registry.components, links);
  const units = registry.units;

  const between = options.betweenComponents;
  // which of its units each component left suppressed when its last audit under the first prime found nothing
  const clean = new Map<Cell[], boolean[]>();
  const suppressedOf = (cells: Cell[]) => cells.map((c) => c.unit !== null && units[c.unit]!.suppressed);
  for (const cells of components.values()) {
    protectComponent(cells, units, PRIMES[0], between);
    clean.set(cells, suppressedOf(cells));
  }
  // the audit again, under an independent prime: an exposure that the first prime's arithmetic hid shows here
  for (const cells of components.values()) {
    // the component's vectors under the second prime, built once for the audit and any rounds it starts
    const vectors = new Map<number, SparseVec>();
    if (findExposures(cells, units, PRIMES[1], vectors).length > 0) protectComponent(cells, units, PRIMES[1], between, vectors);
    // and under the first again, unless nothing it reads has changed since that prime found nothing: the audit is
    // a function of the cells' terms and protection and of their units' suppression, and a cell's protection
    // changes only with its unit's (protectComponent)
    const before = clean.get(cells)!;
    if (suppressedOf(cells).some((suppressed, i) => suppressed !== before[i])) {
      const left = findExposures(cells, units, PRIMES[0]);
      if (left.length > 0) throw new ExposedCellError(left[0]!.cell.label);
    }
    between?.();
  }
  let cellsChecked = 0;
  for (const cells of components.values()) cellsChecked += cells.filter((c) => c.protect !== null).length;

  const byTable: Record<string, TableReport> = {};
  for (const table of present) {
    const relation = ident(options.tables[table]!);
    const cols = columns.get(table)!;
    const chosen = units.filter((u) => u.table === table && u.suppressed && (u.reason === "complementary" || u.reason === "few_schools"));
    await db.run(`create or replace temp table dc_updates (row_id bigint, part varchar, reason varchar)`);
    if (chosen.length > 0) {
      await db.run(`insert into dc_updates values ${chosen.map((u) => `(${u.rowId}, ${lit(u.part)}, ${lit(u.reason)})`).join(", ")}`);
    }
    if (!cols.has("suppression")) await db.run(`alter table ${relation} add column suppression varchar`);
    const lmm = table === "value_added_group" && cols.has("lead_minus_members");
    if (lmm && !cols.has("lead_minus_members_suppression")) await db.run(`alter table ${relation} add column lead_minus_members_suppression varchar`);
    const nulls = (names: string[]) => names.filter((c) => cols.has(c)).map((c) => `${ident(c)} = null`);
    const rowPart = table === "value_added_group" ? "group" : "row";
    // complementary and few-schools suppression of whole rows (or of a group's own value)
    await db.run(`
      update ${relation} set ${[...nulls(VALUE_COLUMNS[table]), "is_suppressed = true", "suppression = dc_updates.reason"].join(", ")}
      from dc_updates where ${relation}.rowid = dc_updates.row_id and dc_updates.part = ${lit(rowPart)}`);
    await db.run(`update ${relation} set suppression = 'primary' where is_suppressed and suppression is null`);
    if (lmm) {
      await db.run(`
        update ${relation} set ${[...nulls(LMM_COLUMNS), "lead_minus_members_suppression = dc_updates.reason"].join(", ")}
        from dc_updates where ${relation}.rowid = dc_updates.row_id and dc_updates.part = 'lmm'`);
      const primaryLmm = units.filter((u) => u.table === table && u.part === "lmm" && u.reason === "primary").map((u) => u.rowId);
      if (primaryLmm.length > 0) {
        await db.run(`update ${relation} set ${[...nulls(LMM_COLUMNS), "lead_minus_members_suppression = 'primary'"].join(", ")}
          where rowid in (${primaryLmm.join(", ")})`);
      }
    }
    // no counts on a suppressed row
    await db.run(`update ${relation} set ${nulls(COUNT_COLUMNS[table]).join(", ")} where is_suppressed`);
    const counts = await firstRow(db, `
      select count(*) as rows, count(*) filter (where is_suppressed) as suppressed,
          count(*) filter (where suppression = 'primary') as primary,
          count(*) filter (where suppression = 'complementary') as complementary,
          count(*) filter (where suppression = 'few_schools') as few_schools
      from ${relation}`);
    byTable[table] = counts;
    if (lmm) {
      const parts = await firstRow(db, `
        select count(*) filter (where lead_minus_members_suppression is not null) as suppressed,
            count(*) filter (where lead_minus_members_suppression = 'primary') as primary,
            count(*) filter (where lead_minus_members_suppression = 'complementary') as complementary,
            count(*) filter (where lead_minus_members_suppression = 'few_schools') as few_schools
        from ${relation}`);
      byTable["value_added_group.lead_minus_members"] = {...parts, rows: counts.rows};
    }
  }
  if (options.tables.headline !== undefined && options.tables.urban_rural_gap !== undefined) {
    await recomputeHeadlineGap(db, options.tables.headline, options.tables.urban_rural_gap);
  }
  for (const table of ["dc_terms", "dc_cells", "dc_words", "dc_schools", "dc_term_ints"]) {
    await db.run(`drop table if exists ${table}`);
  }
  await db.run("drop table if exists dc_updates");

  const total = (reason: Reason) => Object.values(byTable).reduce((sum, t) => sum + t[reason], 0);
  return {
    edition: options.edition,
    min_n: minN,
    min_schools: minSchools,
    cells_checked: cellsChecked,
    primary: total("primary"),
    complementary: total("complementary"),
    few_schools: total("few_schools"),
    exposed: 0,
    components: components.size,
    va_linked: linked,
    by_table: byTable,
    method:
      "linear audit: each protected cell's vector over per-school sums is tested against the span of the published cells (mod two primes), all n known to the attacker; docs/metrics.md Disclosure control"
  };
}

/** headline's gap columns again, from the protected gaps: headline.sql itself, run over the edition's
 * urban_rural_gap (so the rule — district-wide exams, comparable previous exam — is written once) */
async function recomputeHeadlineGap(db: SqlEngine, headline: string, gaps: string): Promise<void> {
  const h = ident(headline);
  const cols = await columnsOf(db, headline);
  const present = HEADLINE_GAP_COLUMNS.filter((column) => cols.has(column));
  if (present.length === 0) return;
  const model = loadModels().find((candidate) => candidate.name === "headline");
  const source = "select * from urban_rural_gap";
  if (!model || model.sql.split(source).length !== 2) throw new Error(`headline.sql must read its gaps once, as '${source}'`);
  await db.run(`create or replace temp table dc_headline_gap as ${model.sql.replace(source, `select * from ${ident(gaps)}`)}`);
  const sets = present.map((column) => `${ident(column)} = (select g.${ident(column)} from dc_headline_gap as g where g.period = ${h}.period and g.county = ${h}.county)`);
  await db.run(`update ${h} set ${sets.join(", ")}`);
  await db.run("drop table dc_headline_gap");
}
