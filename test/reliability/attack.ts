// An attacker's view of one published edition (issue 13): what a member of the public can work out from
// the published files alone, plus what such a person plausibly knows about the schools — every school's
// county, locality, group and role on an exam's date, and every school's number of students (the worst
// case: every n is known). Values come only from the edition's files; the warehouse is used for that side
// knowledge and, afterwards, to confirm a recovery against the true value. Nothing here reads the
// disclosure control's code: this is an independent check of its result.
//
// The attack. For each exam × subject (z units) and each value-added pair × subject, every published cell is
// a linear equation in the unknown per-school values x_j (the student-weighted mean of the school's
// students): a published school row is x_j; a mean over a set of schools is Σ n_j x_j / Σ n_j; a gap is a
// difference of two such means; lead − members is x_lead − (members' mean); the headline gap is the mean of
// the subjects' gaps. Two facts from the published method are equations too: z has mean 0 over every student
// of an exam and subject (docs/metrics.md), and OLS residuals sum to 0 over a pair's linked students. A
// school's value is recoverable exactly when its unit vector lies in the row space of those equations; the
// test is done exactly, modulo the prime 2^61 − 1, and the value is then solved in floating point from the
// rows that combine to it and compared with the warehouse's true value.
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {Db} from "../../pipelines/db.js";
import {lit} from "../../pipelines/sql.js";

// ---------------------------------------------------------------------------------------------------------
// exact arithmetic: rationals as bigint pairs, row reduction modulo a Mersenne prime

export const PRIME = (1n << 61n) - 1n;

export interface Rat {
  num: bigint;
  den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function rat(num: bigint | number, den: bigint | number = 1n): Rat {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new Error("zero denominator");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return {num: n / g, den: d / g};
}

function ratAdd(a: Rat, b: Rat): Rat {
  return rat(a.num * b.den + b.num * a.den, a.den * b.den);
}

function ratMul(a: Rat, b: Rat): Rat {
  return rat(a.num * b.num, a.den * b.den);
}

/** a double as the rational it exactly is, m / 2^e */
export function exactRat(x: number): Rat {
  let m = x;
  let e = 0n;
  while (!Number.isInteger(m)) {
    m *= 2;
    e += 1n;
  }
  return rat(BigInt(m), 2n ** e);
}

function ratFloat(a: Rat): number {
  return Number(a.num) / Number(a.den);
}

function mod(a: bigint): bigint {
  const r = a % PRIME;
  return r < 0n ? r + PRIME : r;
}

function inverse(a: bigint): bigint {
  // Fermat: a^(p−2)
  let result = 1n;
  let base = mod(a);
  let e = PRIME - 2n;
  while (e > 0n) {
    if (e & 1n) result = (result * base) % PRIME;
    base = (base * base) % PRIME;
    e >>= 1n;
  }
  return result;
}

function ratMod(a: Rat): bigint {
  return mod(mod(a.num) * inverse(a.den));
}

/** A linear equation: Σ coef[key]·x[key] = value. */
export interface Cell {
  label: string;
  coef: Map<string, Rat>;
  value: number;
}

export type Vec = Map<string, Rat>;

export function addInto(into: Vec, from: Vec, scale: Rat = rat(1)): Vec {
  for (const [key, c] of from) {
    const sum = ratAdd(into.get(key) ?? rat(0), ratMul(c, scale));
    if (sum.num === 0n) into.delete(key);
    else into.set(key, sum);
  }
  return into;
}

/** The student-weighted mean over a set of unknowns: n_j / Σn. */
export function meanVec(keys: string[], n: (key: string) => number): Vec {
  const total = keys.reduce((sum, key) => sum + n(key), 0);
  const vec: Vec = new Map();
  if (total === 0) return vec;
  for (const key of keys) if (n(key) > 0) vec.set(key, rat(n(key), total));
  return vec;
}

export interface Solved {
  key: string;
  value: number;
  /** labels of the equations (other than known unit rows) combined to reach it */
  via: string[];
}

/**
 * Every unknown in `targets` whose value follows from the equations, with the value solved from them.
 * `known` are unknowns whose value is itself published (unit rows); they are substituted first.
 */
export function solveExposed(cells: Cell[], known: Map<string, number>, targets: Set<string>): Solved[] {
  // substitute the published school values: what is left is a system over unpublished unknowns only
  const reduced: {label: string; coef: Vec; value: number}[] = [];
  for (const cell of cells) {
    const coef: Vec = new Map();
    let value = cell.value;
    for (const [key, c] of cell.coef) {
      const x = known.get(key);
      if (x === undefined) coef.set(key, c);
      else value -= ratFloat(c) * x;
    }
    if (coef.size > 0) reduced.push({label: cell.label, coef, value});
  }
  // connected components of unknowns (equations joining them)
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (parent.get(k) !== root) {
      const next = parent.get(k)!;
      parent.set(k, root);
      k = next;
    }
    return root;
  };
  for (const row of reduced) {
    const keys = [...row.coef.keys()];
    for (const key of keys) if (!parent.has(key)) parent.set(key, key);
    for (const key of keys.slice(1)) parent.set(find(key), find(keys[0]!));
  }
  const byComponent = new Map<string, number[]>();
  reduced.forEach((row, i) => {
    const root = find(row.coef.keys().next().value!);
    byComponent.set(root, [...(byComponent.get(root) ?? []), i]);
  });
  const solved: Solved[] = [];
  for (const rows of byComponent.values()) {
    const cols = [...new Set(rows.flatMap((i) => [...reduced[i]!.coef.keys()]))];
    if (!cols.some((key) => targets.has(key))) continue;
    solved.push(...solveComponent(rows.map((i) => reduced[i]!), cols, targets));
  }
  return solved;
}

function solveComponent(rows: {label: string; coef: Vec; value: number}[], cols: string[], targets: Set<string>): Solved[] {
  const colIndex = new Map(cols.map((key, i) => [key, i]));
  const m = cols.length;
  // reduced row echelon form mod p, each row carrying the combination of original rows that made it
  interface Row {
    a: bigint[];
    combo: Map<number, bigint>;
  }
  const basis: Row[] = [];
  const pivotOf: number[] = [];
  rows.forEach((row, r) => {
    const a = new Array<bigint>(m).fill(0n);
    for (const [key, c] of row.coef) a[colIndex.get(key)!] = ratMod(c);
    const cur: Row = {a, combo: new Map([[r, 1n]])};
    basis.forEach((b, i) => {
      const f = cur.a[pivotOf[i]!]!;
      if (f !== 0n) subtract(cur, b, f);
    });
    const pivot = cur.a.findIndex((v) => v !== 0n);
    if (pivot < 0) return;
    const inv = inverse(cur.a[pivot]!);
    cur.a = cur.a.map((v) => (v * inv) % PRIME);
    for (const [k, v] of cur.combo) cur.combo.set(k, (v * inv) % PRIME);
    // keep the basis fully reduced: clear the new pivot column from the older rows
    for (const b of basis) {
      const f = b.a[pivot]!;
      if (f !== 0n) subtract(b, cur, f);
    }
    basis.push(cur);
    pivotOf.push(pivot);
  });
  function subtract(into: Row, from: Row, f: bigint): void {
    for (let j = 0; j < m; j++) if (from.a[j] !== 0n) into.a[j] = mod(into.a[j]! - f * from.a[j]!);
    for (const [k, v] of from.combo) {
      const next = mod((into.combo.get(k) ?? 0n) - f * v);
      if (next === 0n) into.combo.delete(k);
      else into.combo.set(k, next);
    }
  }
  const out: Solved[] = [];
  basis.forEach((b, i) => {
    const key = cols[pivotOf[i]!]!;
    if (!targets.has(key)) return;
    // e_key is in the row space iff its fully reduced row has no other entry
    if (b.a.some((v, j) => v !== 0n && j !== pivotOf[i])) return;
    const support = [...b.combo.keys()].sort((x, y) => x - y);
    out.push({key, value: floatCombination(rows, support, cols, key), via: support.map((r) => rows[r]!.label)});
  });
  return out;
}

/** Solve Σ c_r·row_r = e_key over the support rows (independent, so c is unique) and return Σ c_r·value_r. */
function floatCombination(rows: {coef: Vec; value: number}[], support: number[], cols: string[], key: string): number {
  const s = support.length;
  // equations: one per column, unknowns c_1…c_s
  const mat = cols.map((col) => [...support.map((r) => ratFloat(rows[r]!.coef.get(col) ?? rat(0))), col === key ? 1 : 0]);
  let row = 0;
  const pivots: number[] = [];
  for (let c = 0; c < s && row < mat.length; c++) {
    let best = row;
    for (let i = row + 1; i < mat.length; i++) if (Math.abs(mat[i]![c]!) > Math.abs(mat[best]![c]!)) best = i;
    if (Math.abs(mat[best]![c]!) < 1e-14) continue;
    [mat[row], mat[best]] = [mat[best]!, mat[row]!];
    for (let i = 0; i < mat.length; i++) {
      if (i === row) continue;
      const f = mat[i]![c]! / mat[row]![c]!;
      if (f !== 0) for (let j = c; j <= s; j++) mat[i]![j]! -= f * mat[row]![j]!;
    }
    pivots[c] = row++;
  }
  let value = 0;
  for (let c = 0; c < s; c++) {
    const r = pivots[c];
    if (r === undefined) continue;
    value += (mat[r]![s]! / mat[r]![c]!) * rows[support[c]!]!.value;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// editions and their files

export interface Edition {
  name: "public" | "internal";
  dir: string;
  /** true when the output has only published/ (before the two editions existed): read as the internal one */
  single: boolean;
}

export function editionsOf(out: string): Edition[] {
  const published = join(out, "published");
  const found: Edition[] = [];
  for (const name of ["public", "internal"] as const) {
    const dir = join(published, name);
    if (existsSync(dir) && statSync(dir).isDirectory()) found.push({name, dir, single: false});
  }
  if (found.length > 0) return found;
  return [{name: "internal", dir: published, single: true}];
}

type Row = Record<string, unknown>;

/** A published table read from its Parquet file (else its CSV), or undefined when the edition lacks it. */
async function readTable(db: Db, dir: string, table: string): Promise<Row[] | undefined> {
  const parquet = join(dir, `${table}.parquet`);
  const csv = join(dir, `${table}.csv`);
  if (existsSync(parquet)) return db.all(`select * from read_parquet(${lit(parquet)})`);
  if (existsSync(csv)) return db.all(`select * from read_csv(${lit(csv)}, header = true)`);
  return undefined;
}

function num(value: unknown): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const x = typeof value === "number" ? value : Number(value);
  return Number.isFinite(x) ? x : undefined;
}

function str(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** The middle of a published interval, when only the interval is shown. */
function midpoint(row: Row, low: string, high: string): number | undefined {
  const a = num(row[low]);
  const b = num(row[high]);
  return a !== undefined && b !== undefined ? (a + b) / 2 : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// the attacker's side knowledge (worst case) and the truth, from the warehouse

interface Unknown {
  key: string;
  kind: "exam" | "value-added";
  exam_id: string;
  prior_exam_id?: string;
  subject: string;
  school_id: string;
  school_name: string;
  county: string;
  locality: string;
  n: number;
  truth: number;
  truth_score?: number;
}

export const zKey = (exam: string, subject: string, school: string) => `z|${exam}|${subject}|${school}`;
export const vaKey = (prior: string, exam: string, subject: string, school: string) => `va|${prior}|${exam}|${subject}|${school}`;

interface Knowledge {
  unknowns: Map<string, Unknown>;
  /** exam|subject → school ids that sat it */
  examSchools: Map<string, string[]>;
  /** prior|exam|subject → school ids with linked students */
  pairSchools: Map<string, string[]>;
  /** exam|subject|group → {lead, members} on the exam's date */
  groups: Map<string, {lead: string[]; members: string[]}>;
  minN: number;
  /** prior|exam|subject|school: the school's students in both exams are the same (all linked, none moved) */
  sameStudents: Set<string>;
  /** a pair's schools by context cell: prior|exam|subject|cell → schools */
  pairCells: Map<string, string[]>;
}

async function sideKnowledge(db: Db): Promise<Knowledge> {
  const unknowns = new Map<string, Unknown>();
  const examSchools = new Map<string, string[]>();
  const pairSchools = new Map<string, string[]>();
  const pairCells = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) => map.set(key, [...(map.get(key) ?? []), value]);
  const z = await db.all<{exam_id: string; subject: string; school_id: string; school_name: string; county: string; locality: string; n: number; truth: number; truth_score: number}>(
    `select z.exam_id, z.subject, z.school_id, any_value(s.school_name) as school_name, any_value(s.county) as county,
            any_value(s.locality) as locality, count(*)::integer as n, avg(z.z) as truth, avg(z.score) as truth_score
     from wh.int_scores_z as z left join wh.stg_schools as s on z.period = s.period and z.school_id = s.school_id
     where z.has_score group by all order by all`
  );
  for (const r of z) {
    const key = zKey(r.exam_id, r.subject, r.school_id);
    unknowns.set(key, {key, kind: "exam", ...r});
    push(examSchools, `${r.exam_id}|${r.subject}`, r.school_id);
  }
  const va = await db.all<{prior_exam_id: string; exam_id: string; subject: string; school_id: string; context_cell: string; n: number; truth: number}>(
    `select prior_exam_id, exam_id, subject, school_id, context_cell, n_students::integer as n, va as truth
     from wh.int_va_schools order by all`
  );
  for (const r of va) {
    const key = vaKey(r.prior_exam_id, r.exam_id, r.subject, r.school_id);
    const school = unknowns.get(zKey(r.exam_id, r.subject, r.school_id));
    unknowns.set(key, {key, kind: "value-added", ...r, school_name: school?.school_name ?? "", county: school?.county ?? "", locality: school?.locality ?? ""});
    push(pairSchools, `${r.prior_exam_id}|${r.exam_id}|${r.subject}`, r.school_id);
    // the published method: one intercept per context cell (the locality where each of the pair's localities has
    // at least 5 schools, else 'all'), so residuals sum to 0 over each cell's students
    push(pairCells, `${r.prior_exam_id}|${r.exam_id}|${r.subject}|${r.context_cell}`, r.school_id);
  }
  const groups = new Map<string, {lead: string[]; members: string[]}>();
  for (const r of await db.all<{exam_id: string; subject: string; group_id: string; school_id: string; is_lead: boolean}>(
    `select exam_id, subject, group_id, school_id, is_lead from wh.int_exam_memberships order by all`
  )) {
    const key = `${r.exam_id}|${r.subject}|${r.group_id}`;
    const g = groups.get(key) ?? {lead: [], members: []};
    (r.is_lead ? g.lead : g.members).push(r.school_id);
    groups.set(key, g);
  }
  const minN = (await db.one<{min_n: number}>(`select min_n from wh.cfg_settings`)).min_n;
  // which schools kept the same students from one exam of a pair to the other: matched student by student
  const sameStudents = new Set<string>();
  for (const r of await db.all<{prior_exam_id: string; exam_id: string; subject: string; school_id: string}>(`
    with z as (select exam_id, subject, school_id, student_key from wh.int_scores_z where z is not null),
    pairs as (select distinct prior_exam_id, exam_id, subject from wh.int_va_schools),
    later as (
        select pairs.prior_exam_id, pairs.exam_id, pairs.subject, z.school_id, z.student_key, true as sat_later
        from pairs inner join z on z.exam_id = pairs.exam_id and z.subject = pairs.subject
    ),
    earlier as (
        select pairs.prior_exam_id, pairs.exam_id, pairs.subject, z.school_id, z.student_key, true as sat_earlier
        from pairs inner join z on z.exam_id = pairs.prior_exam_id and z.subject = pairs.subject
    )
    select prior_exam_id, exam_id, subject, school_id
    from later full outer join earlier using (prior_exam_id, exam_id, subject, school_id, student_key)
    group by all
    having bool_and(coalesce(sat_later, false) and coalesce(sat_earlier, false))`)) {
    sameStudents.add(`${r.prior_exam_id}|${r.exam_id}|${r.subject}|${r.school_id}`);
  }
  return {unknowns, examSchools, pairSchools, pairCells, groups, minN, sameStudents};
}

// ---------------------------------------------------------------------------------------------------------
// the published cells as equations

/** Tables the attacker knows. Any other published table carrying an exam is reported as unmodelled, so that
 * a new table cannot slip past it. score_variance is known but not attacked: its values (between- and
 * within-school variances) are quadratic in the school means, outside a linear attack (with two schools
 * hidden in a county they leave two candidate pairs of values; not tested here). */
export /** exam_list's columns: what an exam is (name, date, grade, full marks, kind), never a result */
const EXAM_CATALOGUE_COLUMNS = ["exam_id", "subject", "exam_name", "exam_date", "grade", "full_marks", "exam_scope"];
const MODELLED_EXAM_TABLES = ["exam_school", "urban_rural_gap", "score_variance", "headline", "value_added_school", "value_added_group", "group_bundled"];

export interface Recovery {
  kind: "exam" | "value-added";
  exam_id: string;
  prior_exam_id?: string;
  subject: string;
  school_id: string;
  school_name: string;
  n: number;
  recovered: number;
  truth: number;
  /** recovered mean score, when the edition lets the attacker convert z back to marks */
  recovered_score?: number;
  truth_score?: number;
  exact: boolean;
  /** true when the recovery uses one of the method's facts (z mean 0, residuals sum 0), not published cells alone */
  usesDefinition: boolean;
  via: string[];
}

export interface AttackReport {
  edition: Edition;
  /** equations built from published cells (school rows and aggregates) */
  cells: number;
  publishedSchoolCells: number;
  /** school cells whose value is not published in the edition (suppressed, or all of them in the public one) */
  unpublished: number;
  recovered: Recovery[];
  /** published aggregates whose n or value the attacker's model does not reproduce (the attack is blind there) */
  mismatches: string[];
  /** published tables carrying an exam that the attacker does not model */
  unmodelled: string[];
}

/** Label prefix of the equations that come from the method rather than from a published cell. */
export const DEFINITION = "definition:";

const SIDES: Record<string, [string, string]> = {urban_rural: ["urban", "rural"], urban_town: ["urban", "town"]};

/** The equations an edition's published cells give, and what the attacker's model could not place. */
export interface System {
  aggregates: Cell[];
  /** unknowns whose own value the edition publishes, with that value */
  known: Map<string, number>;
  unknowns: Map<string, Unknown>;
  scoreScale: Map<string, {mu: number; sigma: number}>;
  mismatches: string[];
  unmodelled: string[];
}

export async function buildSystem(out: string, edition: Edition): Promise<System> {
  const db = await Db.open();
  try {
    await db.run(`attach ${lit(join(out, "warehouse.duckdb"))} as wh (read_only)`);
    const know = await sideKnowledge(db);
    const nOf = (key: string) => know.unknowns.get(key)?.n ?? 0;
    const mismatches: string[] = [];
    const aggregates: Cell[] = [];
    const known = new Map<string, number>();
    const scoreScale = new Map<string, {mu: number; sigma: number}>();

    const checkN = (label: string, published: unknown, keys: string[]): boolean => {
      const p = num(published);
      const mine = keys.reduce((sum, key) => sum + nOf(key), 0);
      if (p !== undefined && p !== mine) {
        mismatches.push(`${label}: published n ${p}, the attacker's schools add up to ${mine}`);
        return false;
      }
      return true;
    };
    // a published value the model misses by more than rounding to three decimals means the model is wrong
    const agrees = (modelled: number, value: number) => Math.abs(modelled - value) <= 5e-4 * Math.max(1, Math.abs(value));
    const addCell = (label: string, coef: Vec, value: number | undefined) => {
      if (value === undefined || coef.size === 0) return;
      const modelled = [...coef].reduce((sum, [key, c]) => sum + ratFloat(c) * (know.unknowns.get(key)?.truth ?? NaN), 0);
      if (!agrees(modelled, value)) {
        mismatches.push(`${label}: published ${value}, the attacker's model gives ${modelled}`);
        return;
      }
      aggregates.push({label, coef, value});
    };

    // --- exam_school: the school rows (z, or marks converted to z)
    const examSchool = await readTable(db, edition.dir, "exam_school");
    if (examSchool) {
      const pairs = new Map<string, {s: number; z: number}[]>();
      for (const r of examSchool) {
        const s = num(r.mean_score);
        const z = num(r.mean_z);
        if (s !== undefined && z !== undefined) pairs.set(`${r.exam_id}|${r.subject}`, [...(pairs.get(`${r.exam_id}|${r.subject}`) ?? []), {s, z}]);
      }
      for (const [key, ps] of pairs) {
        const lo = ps.reduce((a, b) => (b.z < a.z ? b : a));
        const hi = ps.reduce((a, b) => (b.z > a.z ? b : a));
        if (hi.z - lo.z > 1e-9) {
          const sigma = (hi.s - lo.s) / (hi.z - lo.z);
          scoreScale.set(key, {mu: lo.s - sigma * lo.z, sigma});
        }
      }
      for (const r of examSchool) {
        const key = zKey(str(r.exam_id), str(r.subject), str(r.school_id));
        const scale = scoreScale.get(`${r.exam_id}|${r.subject}`);
        const fromScore = (s: number | undefined) => (s !== undefined && scale ? (s - scale.mu) / scale.sigma : undefined);
        const full = num(r.full_marks);
        const z = num(r.mean_z) ?? fromScore(num(r.mean_score)) ?? fromScore(full !== undefined && num(r.mean_rate) !== undefined ? num(r.mean_rate)! * full : undefined);
        if (z !== undefined && know.unknowns.has(key)) known.set(key, z);
      }
    }

    // --- urban_rural_gap: means of the two sides and their gap
    const gapVec = new Map<string, Vec>();
    const sideSets = (exam: string, subject: string, scope: string, scopeId: string, comparison: string): [string[], string[]] | undefined => {
      const all = know.examSchools.get(`${exam}|${subject}`) ?? [];
      const meta = (s: string) => know.unknowns.get(zKey(exam, subject, s))!;
      if (comparison === "lead_member") {
        const g = know.groups.get(`${exam}|${subject}|${scopeId}`);
        if (!g) return undefined;
        return [g.lead.filter((s) => all.includes(s)), g.members.filter((s) => all.includes(s))];
      }
      const sides = SIDES[comparison];
      if (!sides) return undefined;
      let within = all;
      if (scope === "county") within = all.filter((s) => meta(s).county === scopeId);
      else if (scope === "group") {
        const g = know.groups.get(`${exam}|${subject}|${scopeId}`);
        within = g ? [...g.lead, ...g.members].filter((s) => all.includes(s)) : [];
      } else if (scope !== "all") return undefined;
      return [within.filter((s) => meta(s).locality === sides[0]), within.filter((s) => meta(s).locality === sides[1])];
    };
    const urbanRural = await readTable(db, edition.dir, "urban_rural_gap");
    for (const r of urbanRural ?? []) {
      const [exam, subject, scope, scopeId, comparison] = [str(r.exam_id), str(r.subject), str(r.scope), str(r.scope_id), str(r.comparison)];
      const label = `urban_rural_gap ${exam} ${subject} ${scope} ${scopeId} ${comparison}`;
      const sets = sideSets(exam, subject, scope, scopeId, comparison);
      if (!sets) {
        mismatches.push(`${label}: the attacker cannot place this row's schools`);
        continue;
      }
      const [first, second] = sets.map((schools) => schools.map((s) => zKey(exam, subject, s))) as [string[], string[]];
      if (!checkN(`${label} (first side)`, r.n_first, first) || !checkN(`${label} (second side)`, r.n_second, second)) continue;
      const v1 = meanVec(first, nOf);
      const v2 = meanVec(second, nOf);
      const gap = addInto(addInto(new Map(), v1), v2, rat(-1));
      gapVec.set(`${exam}|${subject}|${scope}|${scopeId}|${comparison}`, gap);
      addCell(`${label} mean_first`, v1, num(r.mean_first));
      addCell(`${label} mean_second`, v2, num(r.mean_second));
      addCell(`${label} gap`, gap, num(r.gap) ?? midpoint(r, "ci_low", "ci_high"));
    }

    // --- headline: the mean over subjects of an exam's urban–rural gap, per county and for all
    const headline = await readTable(db, edition.dir, "headline");
    const seenHeadline = new Set<string>();
    for (const r of headline ?? []) {
      const exam = str(r.gap_exam_id);
      const value = num(r.urban_rural_gap);
      if (!exam || value === undefined) continue;
      const county = str(r.county);
      const scope = county === "all" ? "all" : "county";
      if (seenHeadline.has(`${exam}|${county}`)) continue;
      seenHeadline.add(`${exam}|${county}`);
      const subjects = [...new Set([...know.examSchools.keys()].filter((k) => k.startsWith(`${exam}|`)).map((k) => k.split("|")[1]!))];
      // which subjects it averages: those with a published gap, or those whose sides both reach min_n
      const candidates = [
        subjects.filter((s) => (urbanRural ?? []).some((u) => u.exam_id === exam && u.subject === s && u.scope === scope && u.scope_id === county && u.comparison === "urban_rural" && num(u.gap) !== undefined)),
        subjects.filter((s) => {
          const sets = sideSets(exam, s, scope, county, "urban_rural");
          return sets !== undefined && sets.every((side) => side.reduce((sum, school) => sum + nOf(zKey(exam, s, school)), 0) >= know.minN);
        })
      ];
      let placed = false;
      for (const chosen of candidates) {
        if (chosen.length === 0) continue;
        const vec: Vec = new Map();
        for (const s of chosen) {
          const sets = sideSets(exam, s, scope, county, "urban_rural")!;
          const [first, second] = sets.map((schools) => schools.map((school) => zKey(exam, s, school)));
          addInto(addInto(vec, meanVec(first!, nOf), rat(1, chosen.length)), meanVec(second!, nOf), rat(-1, chosen.length));
        }
        const modelled = [...vec].reduce((sum, [key, c]) => sum + ratFloat(c) * know.unknowns.get(key)!.truth, 0);
        if (agrees(modelled, value)) {
          aggregates.push({label: `headline ${county} urban_rural_gap (${exam}, mean of ${chosen.join("/")})`, coef: vec, value});
          placed = true;
          break;
        }
      }
      if (!placed) mismatches.push(`headline ${county} ${exam}: published ${value}, no subject set the attacker tried reproduces it`);
    }

    // --- value_added_school: the school rows (va, or va_shrunk / reliability, or the interval's middle)
    const vaSchool = await readTable(db, edition.dir, "value_added_school");
    for (const r of vaSchool ?? []) {
      const key = vaKey(str(r.prior_exam_id), str(r.exam_id), str(r.subject), str(r.school_id));
      const shrunk = num(r.va_shrunk);
      const lambda = num(r.reliability);
      const centre = num(r.grand_mean) ?? 0;
      // va_shrunk = μ + λ·(va − μ) with μ (grand_mean) published on every row
      const va = num(r.va) ?? (shrunk !== undefined && lambda ? centre + (shrunk - centre) / lambda : undefined) ?? midpoint(r, "ci_low", "ci_high");
      if (va !== undefined && know.unknowns.has(key)) known.set(key, va);
    }
    // a school that kept the same students: its residuals' mean is its later mean z minus its cell's intercept minus the
    // between-school slope times its prior mean z (published on every row; the pupil term sums to 0 within the school),
    // i.e. va − z_later + slope_between·z_prior = −intercept
    for (const r of vaSchool ?? []) {
      const [prior, exam, subject, school] = [str(r.prior_exam_id), str(r.exam_id), str(r.subject), str(r.school_id)];
      const [intercept, slope] = [num(r.intercept), num(r.slope_between)];
      if (intercept === undefined || slope === undefined || !know.sameStudents.has(`${prior}|${exam}|${subject}|${school}`)) continue;
      const coef: Vec = new Map([
        [vaKey(prior, exam, subject, school), rat(1)],
        [zKey(exam, subject, school), rat(-1)],
        [zKey(prior, subject, school), exactRat(slope)]
      ]);
      addCell(`value_added_school ${prior}→${exam} ${subject} ${school} = later mean − intercept − slope_between × prior mean`, coef, -intercept);
    }

    // --- value_added_group: the group's va, and lead − members
    for (const r of (await readTable(db, edition.dir, "value_added_group")) ?? []) {
      const [prior, exam, subject, group] = [str(r.prior_exam_id), str(r.exam_id), str(r.subject), str(r.group_id)];
      const label = `value_added_group ${prior}→${exam} ${subject} ${group}`;
      const linked = new Set(know.pairSchools.get(`${prior}|${exam}|${subject}`) ?? []);
      const g = know.groups.get(`${exam}|${subject}|${group}`) ?? {lead: [], members: []};
      const lead = g.lead.filter((s) => linked.has(s)).map((s) => vaKey(prior, exam, subject, s));
      const members = g.members.filter((s) => linked.has(s)).map((s) => vaKey(prior, exam, subject, s));
      if (!checkN(label, r.n_students, [...lead, ...members]) || !checkN(`${label} (lead)`, r.n_lead, lead) || !checkN(`${label} (members)`, r.n_members, members)) continue;
      addCell(`${label} va`, meanVec([...lead, ...members], nOf), num(r.va) ?? midpoint(r, "ci_low", "ci_high"));
      const diff = addInto(addInto(new Map(), meanVec(lead, nOf)), meanVec(members, nOf), rat(-1));
      addCell(`${label} lead_minus_members`, diff, num(r.lead_minus_members) ?? midpoint(r, "lead_minus_members_ci_low", "lead_minus_members_ci_high"));
    }

    // --- group_bundled (捆绑考核, internal edition): w·(the lead's mean z) + (1 − w)·(the members' pooled mean z)
    for (const r of (await readTable(db, edition.dir, "group_bundled")) ?? []) {
      const [exam, subject, group] = [str(r.exam_id), str(r.subject), str(r.group_id)];
      const label = `group_bundled ${exam} ${subject} ${group}`;
      const value = num(r.bundled_z);
      const weight = num(r.lead_weight);
      if (value === undefined || weight === undefined) continue;
      const g = know.groups.get(`${exam}|${subject}|${group}`);
      const all = know.examSchools.get(`${exam}|${subject}`) ?? [];
      if (!g) {
        mismatches.push(`${label}: the attacker cannot place this group's schools`);
        continue;
      }
      const lead = g.lead.filter((s) => all.includes(s)).map((s) => zKey(exam, subject, s));
      const members = g.members.filter((s) => all.includes(s)).map((s) => zKey(exam, subject, s));
      if (!checkN(`${label} (lead)`, r.n_lead, lead) || !checkN(`${label} (members)`, r.n_members, members)) continue;
      const w = exactRat(weight);
      const vec = addInto(addInto(new Map(), meanVec(lead, nOf), w), meanVec(members, nOf), ratAdd(rat(1), ratMul(w, rat(-1))));
      addCell(`${label} bundled_z`, vec, value);
    }

    // --- two facts of the published method, last so that a recovery names them only when it needs them:
    // z has mean 0 over every student of an exam and subject; OLS residuals sum to 0 over a pair's students
    for (const [es, schools] of know.examSchools) {
      const [exam, subject] = es.split("|") as [string, string];
      addCell(`${DEFINITION} z has mean 0 over ${exam} ${subject}`, meanVec(schools.map((s) => zKey(exam, subject, s)), nOf), 0);
    }
    for (const [pair, schools] of know.pairCells) {
      const [prior, exam, subject, cell] = pair.split("|") as [string, string, string, string];
      addCell(`${DEFINITION} residuals sum to 0 over ${prior}→${exam} ${subject} (${cell})`, meanVec(schools.map((s) => vaKey(prior, exam, subject, s)), nOf), 0);
    }

    // --- tables carrying an exam that this attacker does not model
    const unmodelled: string[] = [];
    for (const file of readdirSync(edition.dir)) {
      const match = /^(.+)\.(parquet|csv)$/.exec(file);
      if (!match || MODELLED_EXAM_TABLES.includes(match[1]!)) continue;
      if (match[2] === "csv" && existsSync(join(edition.dir, `${match[1]}.parquet`))) continue;
      const columns = Object.keys((await readTable(db, edition.dir, match[1]!))?.[0] ?? {});
      // the exams' catalogue names each exam and holds no result: it is modelled only while its columns stay these
      if (match[1] === "exam_list" && columns.every((c) => EXAM_CATALOGUE_COLUMNS.includes(c))) continue;
      if (columns.some((c) => /exam_id$/.test(c))) unmodelled.push(match[1]!);
    }

    return {aggregates, known, unknowns: know.unknowns, scoreScale, mismatches, unmodelled};
  } finally {
    db.close();
  }
}

export async function attackEdition(out: string, edition: Edition): Promise<AttackReport> {
  const {aggregates, known, unknowns, scoreScale, mismatches, unmodelled} = await buildSystem(out, edition);
  // the attack: every unpublished school cell, tested against the row space
  const targets = new Set([...unknowns.keys()].filter((key) => !known.has(key)));
  const solved = solveExposed(aggregates, known, targets);
  const recovered: Recovery[] = solved.map((s) => {
    const u = unknowns.get(s.key)!;
    const scale = u.kind === "exam" ? scoreScale.get(`${u.exam_id}|${u.subject}`) : undefined;
    return {
      kind: u.kind,
      exam_id: u.exam_id,
      ...(u.prior_exam_id ? {prior_exam_id: u.prior_exam_id} : {}),
      subject: u.subject,
      school_id: u.school_id,
      school_name: u.school_name,
      n: u.n,
      recovered: s.value,
      truth: u.truth,
      ...(scale ? {recovered_score: scale.mu + scale.sigma * s.value, truth_score: u.truth_score} : {}),
      exact: Math.abs(s.value - u.truth) <= 1e-6 * Math.max(1, Math.abs(u.truth)),
      usesDefinition: s.via.some((label) => label.startsWith(DEFINITION)),
      via: s.via
    };
  });
  recovered.sort((a, b) => a.kind.localeCompare(b.kind) || a.exam_id.localeCompare(b.exam_id) || a.subject.localeCompare(b.subject) || a.school_id.localeCompare(b.school_id));
  return {edition, cells: aggregates.length + known.size, publishedSchoolCells: known.size, unpublished: targets.size, recovered, mismatches, unmodelled};
}

/** One line per recovered cell, for a failure message. */
export function describeRecoveries(recovered: Recovery[], limit = 40): string {
  const lines = recovered.slice(0, limit).map((r) => {
    const what = r.kind === "exam" ? `exam ${r.exam_id} ${r.subject}` : `value-added ${r.prior_exam_id}→${r.exam_id} ${r.subject}`;
    const score = r.recovered_score !== undefined ? `, mean score ${r.recovered_score.toFixed(4)} (true ${r.truth_score?.toFixed(4)})` : "";
    const via = r.via.length > 3 ? `${r.via.slice(0, 3).join("; ")}; … ${r.via.length - 3} more` : r.via.join("; ");
    return `  ${r.school_name} ${r.school_id} (n=${r.n}) ${what}: recovered ${r.recovered.toFixed(6)}, true ${r.truth.toFixed(6)}${r.exact ? " (exact)" : ""}${score} — from ${via}`;
  });
  if (recovered.length > limit) lines.push(`  … and ${recovered.length - limit} more`);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------------
// the known attack, step by step (issue 13): an aggregate minus the published schools inside it

export interface Subtraction {
  label: string;
  /** the recovered unknown (exam × subject × school, or pair × subject × school) */
  key: string;
  school_id: string;
  school_name: string;
  kind: "exam" | "value-added";
  recovered: number;
  truth: number;
}

/**
 * For every published aggregate of the edition (means of a set of schools: urban_rural_gap sides,
 * value_added_group) with exactly one school whose own value is not published, n_total × mean minus the
 * published schools' n × value, over that school's n. No linear algebra: what a person with a spreadsheet does.
 */
export async function subtractionAttack(out: string, edition: Edition): Promise<Subtraction[]> {
  const report = await buildSystem(out, edition);
  const found: Subtraction[] = [];
  for (const cell of report.aggregates) {
    if (cell.label.startsWith(DEFINITION) || cell.label.startsWith("headline") || /gap$|lead_minus_members$/.test(cell.label)) continue;
    const hidden = [...cell.coef.keys()].filter((key) => !report.known.has(key));
    if (hidden.length !== 1) continue;
    const key = hidden[0]!;
    let rest = cell.value;
    for (const [other, c] of cell.coef) if (other !== key) rest -= ratFloat(c) * report.known.get(other)!;
    const u = report.unknowns.get(key)!;
    found.push({label: cell.label, key, school_id: u.school_id, school_name: u.school_name, kind: u.kind, recovered: rest / ratFloat(cell.coef.get(key)!), truth: u.truth});
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// the public edition: no per-school exam or value-added value in any file

const SCHOOL_COLUMN = /(^|_)school_(id|name)$/;
const EXAM_VALUE_COLUMN = /score|(^|_)z($|_)|(^|_)va($|_)|value_added|mean_rate|excellent|pass_rate|low_rate|reliability|(^|_)band$|rank|lead_minus|mean_first|mean_second|(^|_)gap($|_)/;

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix))
    .sort()
    .flatMap((name) => {
      const rel = prefix ? join(prefix, name) : name;
      return statSync(join(dir, rel)).isDirectory() ? filesUnder(dir, rel) : [rel];
    });
}

/** Files of an edition (at any depth) that carry a per-school exam or value-added value: file, value columns, school columns. */
export async function perSchoolExamValues(dir: string): Promise<string[]> {
  const found: string[] = [];
  const files = filesUnder(dir);
  for (const file of files) {
    if (/(^|\/)(exam_school|value_added_school)\./.test(file)) found.push(`${file}: the table must be absent`);
  }
  const db = await Db.open();
  try {
    for (const file of files) {
      const path = join(dir, file);
      let columns: string[] = [];
      let rows: Row[] = [];
      if (file.endsWith(".parquet")) rows = await db.all(`select * from read_parquet(${lit(path)})`);
      else if (file.endsWith(".csv")) rows = await db.all(`select * from read_csv(${lit(path)}, header = true, all_varchar = true)`);
      else if (file.endsWith(".json")) {
        const keys = new Set<string>();
        walkJson(JSON.parse(readFileSync(path, "utf8")), /(^|\/)schools?(\/|_)/.test(file), keys);
        if (keys.size > 0) found.push(`${file}: ${[...keys].join(", ")} beside a school`);
        continue;
      } else if (file.endsWith(".arrow")) {
        const {tableFromIPC} = await import("apache-arrow");
        const table = tableFromIPC(readFileSync(path));
        columns = table.schema.fields.map((f) => f.name);
        rows = table.numRows > 0 ? table.toArray().map((r) => r.toJSON() as Row) : [];
      } else continue;
      if (columns.length === 0) columns = Object.keys(rows[0] ?? {});
      const school = columns.filter((c) => SCHOOL_COLUMN.test(c));
      const values = columns.filter((c) => EXAM_VALUE_COLUMN.test(c) && rows.some((r) => r[c] !== null && r[c] !== undefined && r[c] !== ""));
      if (school.length > 0 && values.length > 0) found.push(`${file}: ${values.join(", ")} beside ${school.join(", ")}`);
    }
  } finally {
    db.close();
  }
  return found;
}

/** Exam-value keys of a JSON file found inside an object that names a school (or anywhere in a file kept
 * under a school's own path, such as a page's data), with their non-empty values. */
function walkJson(value: unknown, underSchool: boolean, keys: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => walkJson(item, underSchool, keys));
  else if (value && typeof value === "object") {
    const object = value as Row;
    const inside = underSchool || Object.keys(object).some((k) => SCHOOL_COLUMN.test(k));
    for (const [k, v] of Object.entries(object)) {
      if (inside && EXAM_VALUE_COLUMN.test(k) && v !== null && v !== "" && typeof v !== "object") keys.add(k);
      walkJson(v, inside, keys);
    }
  }
}
