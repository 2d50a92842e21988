// Exact linear algebra for the disclosure audit: sparse vectors over the integers modulo a prime p < 2²⁶, so
// that every product of two residues is below 2⁵² and exact in a double. "Is v a linear combination of the
// published rows?" is decided by Gaussian elimination mod p; a basis row remembers which published cells it
// was made of, so an exposure comes with its certificate (the cells whose combination recovers v).
//
// Modular rank never exceeds rational rank; a spurious "exposed" only suppresses more, and a missed exposure
// needs p to divide a minor of the matrix. protect.ts audits with a second, independent prime at the end, so a
// miss would need both primes to divide it.

export const PRIMES = [67_108_859, 67_108_837] as const;

/** column → coefficient mod p (never 0) */
export type SparseVec = Map<number, number>;

export function mod(a: number, p: number): number {
  const r = a % p;
  return r < 0 ? r + p : r;
}

export function mulmod(a: number, b: number, p: number): number {
  return (a * b) % p;
}

/** a⁻¹ mod p (extended Euclid); a must not be 0 mod p */
export function invmod(a: number, p: number): number {
  let [r0, r1] = [mod(a, p), p];
  let [s0, s1] = [1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1) throw new Error(`${a} has no inverse mod ${p}`);
  return mod(s0, p);
}

/** num/den as a residue mod p */
export function fraction(num: number, den: number, p: number): number {
  return mulmod(mod(num, p), invmod(den, p), p);
}

/** target += factor · source (in place), dropping entries that become 0 */
function axpy(target: Map<number, number>, factor: number, source: Map<number, number>, p: number): void {
  for (const [key, value] of source) {
    const next = (((target.get(key) ?? 0) + mulmod(factor, value, p)) % p);
    if (next === 0) target.delete(key);
    else target.set(key, next);
  }
}

interface BasisRow {
  vec: SparseVec;
  pivot: number;
  /** published cell → coefficient: vec = Σ coef · cell's vector */
  combo: Map<number, number>;
}

/** A min-heap of basis row indices (rows are reduced in the order they were added). */
class IndexHeap {
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= a[i]!) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]! < a[m]!) m = l;
        if (r < a.length && a[r]! < a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * The row space of the published cells, in echelon form by insertion order: row k is zero at the pivots of
 * rows 0…k−1, so reducing a vector by rows in increasing k never brings back a pivot already cleared.
 */
export class Basis {
  private readonly rows: BasisRow[] = [];
  private readonly pivotRow = new Map<number, number>();
  constructor(readonly p: number) {}

  get rank(): number {
    return this.rows.length;
  }

  /** v minus the combination of basis rows that clears every pivot; with the combination, as cells. */
  reduce(vector: SparseVec, trackCombo: boolean): {rest: SparseVec; combo: Map<number, number>} {
    const rest = new Map(vector);
    const combo = new Map<number, number>();
    const heap = new IndexHeap();
    for (const col of rest.keys()) {
      const k = this.pivotRow.get(col);
      if (k !== undefined) heap.push(k);
    }
    let last = -1;
    while (heap.size > 0) {
      const k = heap.pop();
      if (k === last) continue;
      last = k;
      const row = this.rows[k]!;
      const c = rest.get(row.pivot);
      if (c === undefined) continue;
      const factor = this.p - c; // rest −= c · row (the row's pivot is 1)
      for (const [col, value] of row.vec) {
        const next = ((rest.get(col) ?? 0) + mulmod(factor, value, this.p)) % this.p;
        if (next === 0) rest.delete(col);
        else {
          if (!rest.has(col)) {
            const k2 = this.pivotRow.get(col);
            if (k2 !== undefined) heap.push(k2);
          }
          rest.set(col, next);
        }
      }
      // v = rest + Σ c·row ⇒ the combination that rebuilds v from cells adds c·row.combo
      if (trackCombo) axpy(combo, c, row.combo, this.p);
    }
    return {rest, combo};
  }

  /** Add a published cell's vector; false when it was already in the span. */
  add(vector: SparseVec, cell: number): boolean {
    const {rest, combo} = this.reduce(vector, true);
    if (rest.size === 0) return false;
    // row = vector − Σ c·rows ⇒ its combination is cell − combo
    const rowCombo = new Map<number, number>();
    for (const [key, value] of combo) rowCombo.set(key, this.p - value);
    rowCombo.set(cell, ((rowCombo.get(cell) ?? 0) + 1) % this.p);
    if (rowCombo.get(cell) === 0) rowCombo.delete(cell);
    let pivot = Infinity;
    for (const col of rest.keys()) if (col < pivot) pivot = col;
    const scale = invmod(rest.get(pivot)!, this.p);
    for (const [col, value] of rest) rest.set(col, mulmod(value, scale, this.p));
    for (const [key, value] of rowCombo) rowCombo.set(key, mulmod(value, scale, this.p));
    this.pivotRow.set(pivot, this.rows.length);
    this.rows.push({vec: rest, pivot, combo: rowCombo});
    return true;
  }

  /** If v is in the span: the cells (with coefficients) whose combination equals v; else null. */
  certificate(vector: SparseVec): Map<number, number> | null {
    const {rest, combo} = this.reduce(vector, true);
    return rest.size === 0 ? combo : null;
  }
}

/**
 * A finite double as a residue mod p, exactly: every double is a dyadic rational m / 2^e (m an integer), so
 * its residue is m · (2⁻¹)^e mod p. A published real coefficient (value-added's slope) enters the audit with
 * its exact value, not an approximation, so the audit's arithmetic stays exact.
 */
export function dyadic(x: number, p: number): number {
  if (!Number.isFinite(x)) throw new Error(`${x} is not a finite number`);
  if (x === 0) return 0;
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2; // exact: a double times 2 is a double
    e += 1;
  }
  let r = m % p; // fmod is exact on doubles
  const half = invmod(2, p);
  for (let i = 0; i < e; i++) r = mulmod(r, half, p);
  return x < 0 ? mod(-r, p) : r;
}
