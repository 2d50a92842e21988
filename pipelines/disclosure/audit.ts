// The disclosure audit and complementary suppression for one component (one exam and subject, or one
// value-added exam pair and subject, or a pair joined with its two exams where value-added is written in
// exam sums: protect.ts linkComponents). Pure: cells and units in, units' suppression changed in place.
//
// Every published exam-based cell is a linear function of per-school sums (of scores, z, squares, counts or
// residuals) over a set of schools: its vector has one coefficient per school (1 for a sum over a set;
// 1/n_lead and −1/n_members for a difference of means). The attacker knows every school's n (enrolments are
// public), so a published mean is a published sum. A protected cell is exposed iff its vector lies in the
// row space of the published cells' vectors (docs/metrics.md, "Disclosure control").
//
// Scale: a school whose sum is published on its own (an internal edition's exam_school row) is known, and its
// column leaves every other vector; columns that every remaining cell treats alike (same cells, same
// coefficients: the atoms) merge into one; what is left splits into connected pieces, each eliminated alone.
import {Basis, dyadic, fraction, mod, mulmod, type SparseVec} from "./modular.js";

export type Reason = "primary" | "complementary" | "few_schools";

/** What is suppressed or published together: a mart row, or one part of it (value_added_group's lead − members). */
export interface Unit {
  id: number;
  table: string;
  rowId: number;
  part: string;
  suppressed: boolean;
  reason: Reason | null;
  /** an identity that holds whatever is published (Σ z = 0 over an exam; Σ residuals = 0 over a pair) */
  implicit: boolean;
  /** students and schools behind the unit's cells (the largest of its cells) */
  n: number;
  nSchools: number;
  /** a stable order for choices: table, then the row's key */
  key: string;
}

export interface Term {
  /** the column: one school's sum in one exam (or, for value-added not tied to its exams, in one pair) */
  school: number;
  num: number;
  den: number;
  /** a published real coefficient multiplying num/den (−slope, where a school's value-added is written in
   * its two exams' sums), taken exactly as the dyadic rational the double is */
  factor?: number;
}

export interface Cell {
  id: number;
  /** null: a school that no unit publishes alone but which must stay unknown (the public edition) */
  unit: number | null;
  terms: Term[];
  /** why it must stay unknown: primary, few_schools, complementary (once chosen), school (public: every school) */
  protect: Reason | "school" | null;
  label: string;
}

export interface Exposure {
  cell: Cell;
  /** the published units whose cells recover it (implicit ones included) */
  units: number[];
}

const isPublished = (cell: Cell, units: Unit[]) => cell.unit !== null && !units[cell.unit]!.suppressed;

function fullVector(cell: Cell, p: number): SparseVec {
  const vec: SparseVec = new Map();
  for (const t of cell.terms) {
    const coef = t.factor === undefined ? fraction(t.num, t.den, p) : mulmod(fraction(t.num, t.den, p), dyadic(t.factor, p), p);
    const next = mod((vec.get(t.school) ?? 0) + coef, p);
    if (next === 0) vec.delete(t.school);
    else vec.set(t.school, next);
  }
  return vec;
}

class UnionFind {
  private parent: number[] = [];
  make(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Every protected cell of the component that the published cells recover, with what recovers it. `full` holds the
 * cells' vectors mod p: a cell's terms never change, so a caller that audits the same component again under the
 * same prime (protectComponent's rounds) passes the same map and each vector is built once, not once a round.
 */
export function findExposures(cells: Cell[], units: Unit[], p: number, full: Map<number, SparseVec> = new Map()): Exposure[] {
  const published = cells.filter((c) => isPublished(c, units));
  const byId = new Map(published.map((c) => [c.id, c]));
  const protectedCells = cells.filter((c) => c.protect !== null && !isPublished(c, units));
  const vectorOf = (c: Cell) => {
    let v = full.get(c.id);
    if (!v) full.set(c.id, (v = fullVector(c, p)));
    return v;
  };

  // 1. schools published alone are known: the first such cell (in id order) stands for each
  const known = new Map<number, Cell>();
  for (const c of published) {
    const v = vectorOf(c);
    if (v.size === 1) {
      const school = v.keys().next().value!;
      if (!known.has(school)) known.set(school, c);
    }
  }
  const reduced = new Map<number, SparseVec>();
  const touchesKnown = (v: SparseVec) => {
    for (const school of v.keys()) if (known.has(school)) return true;
    return false;
  };
  // a vector with no known school is its own reduction (read only, like every vector here): no copy
  const reduce = (c: Cell) => {
    const v = vectorOf(c);
    let r = v;
    if (touchesKnown(v)) {
      r = new Map();
      for (const [school, value] of v) if (!known.has(school)) r.set(school, value);
    }
    reduced.set(c.id, r);
    return r;
  };
  const rows = published.filter((c) => reduce(c).size > 0);
  for (const c of protectedCells) reduce(c);

  // 2. atoms: unknown schools that every row and every protected cell of two or more schools treat alike
  const signature = new Map<number, string[]>();
  const sign = (c: Cell) => {
    for (const [school, value] of reduced.get(c.id)!) {
      let s = signature.get(school);
      if (!s) signature.set(school, (s = []));
      s.push(`${c.id}:${value}`);
    }
  };
  for (const c of rows) sign(c);
  for (const c of protectedCells) if (reduced.get(c.id)!.size > 1) sign(c);
  const atomOf = new Map<number, number>();
  const atomSize: number[] = [];
  const atomIds = new Map<string, number>();
  for (const school of [...signature.keys()].sort((a, b) => a - b)) {
    const key = signature.get(school)!.join(",");
    let atom = atomIds.get(key);
    if (atom === undefined) {
      atom = atomSize.length;
      atomIds.set(key, atom);
      atomSize.push(0);
    }
    atomOf.set(school, atom);
    atomSize[atom]! += 1;
  }
  const atomVector = (c: Cell): SparseVec => {
    const v: SparseVec = new Map();
    for (const [school, value] of reduced.get(c.id)!) {
      const atom = atomOf.get(school);
      if (atom !== undefined) v.set(atom, value);
      else v.set(-1 - school, value); // a school no row touches: it cannot be cancelled
    }
    return v;
  };

  // 3. connected pieces over atoms; each piece's rows eliminated alone
  const uf = new UnionFind();
  for (let i = 0; i < atomSize.length; i++) uf.make();
  for (const c of rows) {
    const atoms = [...atomVector(c).keys()];
    for (const a of atoms.slice(1)) uf.union(atoms[0]!, a);
  }
  const pieceRows = new Map<number, Cell[]>();
  for (const c of rows) {
    const root = uf.find(atomVector(c).keys().next().value!);
    let list = pieceRows.get(root);
    if (!list) pieceRows.set(root, (list = []));
    list.push(c);
  }
  const bases = new Map<number, Basis>();
  const basisOf = (root: number) => {
    let b = bases.get(root);
    if (!b) {
      b = new Basis(p);
      // identities last, so that a certificate names a published cell whenever one will do; then smaller rows
      const implicitOf = (c: Cell) => Number(units[c.unit!]!.implicit);
      const list = [...(pieceRows.get(root) ?? [])].sort(
        (x, y) => implicitOf(x) - implicitOf(y) || reduced.get(x.id)!.size - reduced.get(y.id)!.size || x.id - y.id
      );
      for (const c of list) b.add(atomVector(c), c.id);
      bases.set(root, b);
    }
    return b;
  };

  const exposures: Exposure[] = [];
  for (const c of protectedCells) {
    const r = reduced.get(c.id)!;
    let combo: Map<number, number> | null;
    if (r.size === 0) combo = new Map();
    else if (r.size === 1 && (atomSize[atomOf.get(r.keys().next().value!) ?? -1] ?? 0) !== 1) combo = null; // alone in no atom, or in an atom of several
    else {
      const v = atomVector(c);
      if ([...v.keys()].some((a) => a < 0)) combo = null;
      else {
        // the cell's atoms must all lie in one piece for the combination to exist, piece by piece otherwise
        const byRoot = new Map<number, SparseVec>();
        for (const [a, value] of v) {
          const root = uf.find(a);
          let part = byRoot.get(root);
          if (!part) byRoot.set(root, (part = new Map()));
          part.set(a, value);
        }
        combo = new Map();
        for (const [root, part] of byRoot) {
          const cert = basisOf(root).certificate(part);
          if (!cert) {
            combo = null;
            break;
          }
          for (const [k, value] of cert) combo.set(k, value);
        }
      }
    }
    if (!combo) continue;
    // the known schools the combination leaves over: v − Σ c·row on known columns, each from its own cell
    const involved = new Set<number>();
    const leftover: SparseVec = new Map();
    for (const [school, value] of vectorOf(c)) if (known.has(school)) leftover.set(school, value);
    for (const [cellId, coef] of combo) {
      const row = byId.get(cellId)!;
      involved.add(row.unit!);
      for (const [school, value] of vectorOf(row)) {
        if (!known.has(school)) continue;
        const next = mod((leftover.get(school) ?? 0) - ((coef * value) % p), p);
        if (next === 0) leftover.delete(school);
        else leftover.set(school, next);
      }
    }
    for (const school of leftover.keys()) involved.add(known.get(school)!.unit!);
    // recovered from the identities alone: the value is fixed by the method whatever the data (a group that
    // holds every linked student of a pair has value-added 0 by construction), so it tells nothing about
    // any school, and no suppression could hide it
    if ([...involved].every((u) => units[u]!.implicit)) continue;
    exposures.push({cell: c, units: [...involved].sort((a, b) => a - b)});
  }
  return exposures;
}

/** the unit to suppress next among those that recover a cell: a school before an aggregate (the next smallest
 * school, as DfE does), fewest students first, then the stable key; never an identity */
export function chooseComplement(candidates: number[], units: Unit[]): number | null {
  const eligible = candidates.map((id) => units[id]!).filter((u) => !u.implicit && !u.suppressed);
  eligible.sort((a, b) => Number(a.nSchools > 1) - Number(b.nSchools > 1) || a.n - b.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return eligible[0]?.id ?? null;
}

export class ExposedCellError extends Error {
  constructor(readonly label: string) {
    super(`disclosure audit: ${label} stays recoverable from published cells that no suppression can remove (a bug)`);
    this.name = "ExposedCellError";
  }
}

/**
 * Suppress until no protected cell of the component is exposed. Each round finds every exposure, and for
 * each (in cell order) whose recovering units this round has not yet touched, suppresses one of them, whose
 * cells are protected from then on; then audits again. Returns the number of units it suppressed.
 * `afterRound` is called after each audit (protectEdition's bound on the garbage the rounds leave).
 */
export function protectComponent(
  cells: Cell[],
  units: Unit[],
  p: number,
  afterRound?: () => void,
  /** the component's vectors under p, kept across the rounds (findExposures) */
  vectors: Map<number, SparseVec> = new Map()
): number {
  let added = 0;
  const cellsOf = new Map<number, Cell[]>();
  for (const c of cells) {
    if (c.unit === null) continue;
    let list = cellsOf.get(c.unit);
    if (!list) cellsOf.set(c.unit, (list = []));
    list.push(c);
  }
  for (;;) {
    const exposures = findExposures(cells, units, p, vectors);
    afterRound?.();
    if (exposures.length === 0) return added;
    const touched = new Set<number>();
    for (const e of exposures) {
      if (e.units.some((u) => touched.has(u))) continue;
      const choice = chooseComplement(e.units, units);
      if (choice === null) throw new ExposedCellError(e.cell.label);
      units[choice]!.suppressed = true;
      units[choice]!.reason = "complementary";
      // a value suppressed to protect another must not come back either
      for (const c of cellsOf.get(choice) ?? []) if (c.protect === null) c.protect = "complementary";
      touched.add(choice);
      added += 1;
    }
  }
}
