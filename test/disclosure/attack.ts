// An attacker written apart from the audit: plain arithmetic over the protected relations. It knows what a
// reader of the bureau's public registers knows — each school's county, locality, groups on the exam date and
// number of tested (or linked) students — and reads every published mean as a sum (mean × n). Then it peels:
// any published sum with one school left unknown gives that school, and so does the difference of two sums
// whose unknown schools differ by one school; repeated while it finds more. It reports each school-level value it recovers.
import type {Db} from "../../pipelines/db.js";

interface Aggregate {
  schools: string[];
  sum: number;
}

export interface Recovered {
  component: string;
  school_id: string;
  mean: number;
}

function peel(aggregates: Aggregate[], known: Map<string, number>): Map<string, number> {
  const found = new Map<string, number>();
  const base = aggregates.map((a) => ({schools: [...new Set(a.schools)], sum: a.sum}));
  // what is left of a sum once the known schools are taken out
  const left = (a: Aggregate) => ({
    schools: a.schools.filter((s) => !known.has(s)),
    sum: a.schools.filter((s) => known.has(s)).reduce((acc, s) => acc - known.get(s)!, a.sum)
  });
  for (let round = 0; round < 20; round++) {
    const rest = base.map(left).filter((a) => a.schools.length > 0);
    // each sum, and each difference of two sums whose unknown schools nest
    const candidates: Aggregate[] = [...rest];
    for (const a of rest) {
      const inA = new Set(a.schools);
      for (const b of rest) {
        if (b.schools.length >= a.schools.length || !b.schools.every((s) => inA.has(s))) continue;
        if (a.schools.length - b.schools.length === 1) {
          const inB = new Set(b.schools);
          candidates.push({schools: a.schools.filter((s) => !inB.has(s)), sum: a.sum - b.sum});
        }
      }
    }
    let progress = false;
    for (const a of candidates) {
      if (a.schools.length === 1 && !known.has(a.schools[0]!)) {
        known.set(a.schools[0]!, a.sum);
        found.set(a.schools[0]!, a.sum);
        progress = true;
      }
    }
    if (!progress) break;
  }
  return found;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** School-level mean z (exams) and mean residual (value-added) recovered from the relations. */
export async function attack(db: Db, tables: Record<string, string>): Promise<Recovered[]> {
  const recovered: Recovered[] = [];
  // public knowledge: schools, n, county, locality, groups on the exam date
  const schools = await db.all<{exam_id: string; subject: string; school_id: string; county: string; locality: string; n: number}>(
    "select exam_id, subject, school_id, county, locality, n_z as n from int_school_score_moments where n_z > 0"
  );
  const memberships = await db.all<{exam_id: string; subject: string; group_id: string; school_id: string; is_lead: boolean}>(
    "select exam_id, subject, group_id, school_id, is_lead from int_exam_memberships"
  );
  const examKeys = [...new Set(schools.map((s) => `${s.exam_id}|${s.subject}`))];
  for (const key of examKeys) {
    const [exam_id, subject] = key.split("|") as [string, string];
    const here = schools.filter((s) => s.exam_id === exam_id && s.subject === subject);
    const n = new Map(here.map((s) => [s.school_id, Number(s.n)]));
    const groupsHere = memberships.filter((m) => m.exam_id === exam_id && m.subject === subject);
    const aggregates: Aggregate[] = [{schools: here.map((s) => s.school_id), sum: 0}]; // Σ z = 0
    const known = new Map<string, number>();
    if (tables.exam_school) {
      for (const r of await db.all<{school_id: string; mean_z: number | null}>(
        `select school_id, mean_z from ${tables.exam_school} where exam_id = '${exam_id}' and subject = '${subject}'`
      )) {
        const z = num(r.mean_z);
        if (z !== null) known.set(r.school_id, z * n.get(r.school_id)!);
      }
    }
    if (tables.urban_rural_gap) {
      const rows = await db.all<{scope: string; scope_id: string; comparison: string; mean_first: number | null; mean_second: number | null}>(
        `select scope, scope_id, comparison, mean_first, mean_second from ${tables.urban_rural_gap} where exam_id = '${exam_id}' and subject = '${subject}'`
      );
      for (const r of rows) {
        const inScope = here.filter((s) =>
          r.scope === "all" ? true : r.scope === "county" ? s.county === r.scope_id : groupsHere.some((m) => m.group_id === r.scope_id && m.school_id === s.school_id)
        );
        const side = (first: boolean) =>
          inScope.filter((s) => {
            if (r.comparison === "lead_member") {
              const lead = groupsHere.some((m) => m.group_id === r.scope_id && m.school_id === s.school_id && m.is_lead);
              return first ? lead : !lead;
            }
            if (first) return s.locality === "urban";
            return s.locality === (r.comparison === "urban_rural" ? "rural" : "town");
          });
        for (const [first, mean] of [[true, num(r.mean_first)], [false, num(r.mean_second)]] as const) {
          if (mean === null) continue;
          const set = side(first).map((s) => s.school_id);
          aggregates.push({schools: set, sum: mean * set.reduce((acc, s) => acc + n.get(s)!, 0)});
        }
      }
    }
    for (const [school_id, sum] of peel(aggregates, known)) recovered.push({component: key, school_id, mean: sum / n.get(school_id)!});
  }

  // value-added: per pair, n linked per school (public knowledge in this model), published va × n
  const linked = await db.all<{prior_exam_id: string; exam_id: string; subject: string; school_id: string; n: number}>(
    "select prior_exam_id, exam_id, subject, school_id, n_students as n from int_va_schools"
  );
  const pairKeys = [...new Set(linked.map((l) => `${l.prior_exam_id}|${l.exam_id}|${l.subject}`))];
  for (const key of pairKeys) {
    const [prior, exam_id, subject] = key.split("|") as [string, string, string];
    const here = linked.filter((l) => l.prior_exam_id === prior && l.exam_id === exam_id && l.subject === subject);
    const n = new Map(here.map((l) => [l.school_id, Number(l.n)]));
    const aggregates: Aggregate[] = [{schools: [...n.keys()], sum: 0}]; // Σ residuals = 0
    const known = new Map<string, number>();
    const where = `prior_exam_id = '${prior}' and exam_id = '${exam_id}' and subject = '${subject}'`;
    if (tables.value_added_school) {
      for (const r of await db.all<{school_id: string; va: number | null}>(`select school_id, va from ${tables.value_added_school} where ${where}`)) {
        const va = num(r.va);
        if (va !== null) known.set(r.school_id, va * n.get(r.school_id)!);
      }
    }
    if (tables.value_added_group) {
      const groups = await db.all<Record<string, unknown>>(`select * from ${tables.value_added_group} where ${where}`);
      for (const g of groups) {
        const members = memberships.filter((m) => m.exam_id === exam_id && m.subject === subject && m.group_id === g.group_id && n.has(m.school_id));
        const lead = members.filter((m) => m.is_lead).map((m) => m.school_id);
        const rest = members.filter((m) => !m.is_lead).map((m) => m.school_id);
        const nOf = (set: string[]) => set.reduce((acc, s) => acc + n.get(s)!, 0);
        const va = num(g.va);
        const all = [...lead, ...rest];
        if (va !== null) aggregates.push({schools: all, sum: va * nOf(all)});
        const lmm = num(g.lead_minus_members);
        if (va !== null && lmm !== null) {
          // Σ_L/n_L − Σ_M/n_M = lmm and Σ_L + Σ_M = G ⇒ Σ_L = (lmm + G/n_M) / (1/n_L + 1/n_M)
          const nL = nOf(lead);
          const nM = nOf(rest);
          const sumLead = (lmm + (va * nOf(all)) / nM) / (1 / nL + 1 / nM);
          aggregates.push({schools: lead, sum: sumLead}, {schools: rest, sum: va * nOf(all) - sumLead});
        }
      }
    }
    for (const [school_id, sum] of peel(aggregates, known)) recovered.push({component: key, school_id, mean: sum / n.get(school_id)!});
  }
  return recovered;
}

/** The true school-level values, to tell a real recovery from an arithmetic accident. */
export async function truth(db: Db): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const r of await db.all<{k: string; v: number}>("select exam_id || '|' || subject || '/' || school_id as k, mean_z as v from int_school_score_moments where n_z > 0")) {
    out.set(r.k, Number(r.v));
  }
  for (const r of await db.all<{k: string; v: number}>(
    "select prior_exam_id || '|' || exam_id || '|' || subject || '/' || school_id as k, va as v from int_va_schools"
  )) {
    out.set(r.k, Number(r.v));
  }
  return out;
}
