// The cell registry: for each published exam-based mart, SQL that lists per row (and per side or part of a
// row) the schools whose students the row's values aggregate, read from the same intermediate models the marts
// read (int_school_score_moments, int_exam_memberships, int_va_schools), so each set is exactly what the
// mart summed. One output row per (cell, school): the school's coefficient in the cell's vector (num/den) and
// its number of students.
//
// Components: 'x|exam|subject' holds every cell over one exam's scores (exam_school, urban_rural_gap,
// score_variance), 'v|prior|exam|subject' every cell over one value-added pair's residuals. vaLinksSql names the
// schools whose value-added is a combination of their two exams' sums; protect.ts joins those components.
import {ident, lit} from "../sql.js";

export const EXAM_TABLES = ["exam_school", "urban_rural_gap", "score_variance", "value_added_school", "value_added_group"] as const;
export type ExamTable = (typeof EXAM_TABLES)[number];

export interface TermRow {
  component: string;
  tbl: string;
  row_id: number;
  part: string;
  cell: string;
  school_id: string;
  num: number;
  den: number;
  published: boolean;
  mart_suppressed: boolean;
  school_n: number;
  row_key: string;
}

const examComponent = (alias: string) => `'x|' || ${alias}.exam_id || '|' || ${alias}.subject`;
const vaComponent = (alias: string) => `'v|' || ${alias}.prior_exam_id || '|' || ${alias}.exam_id || '|' || ${alias}.subject`;

const VA_EFFECTS = `
    select prior_exam_id, exam_id, subject, school_id, n_students as n
    from int_va_schools`;

/** the SQL listing the terms of one table's cells; `hasLeadMembers`: the relation carries lead_minus_members */
export function cellTermsSql(table: ExamTable, relation: string, hasLeadMembers: boolean): string {
  const r = ident(relation);
  switch (table) {
    case "exam_school":
      return `
select ${examComponent("r")} as component, 'exam_school' as tbl, r.rowid as row_id, 'row' as part, 'school' as cell,
    m.school_id, 1 as num, 1 as den, not r.is_suppressed as published, r.is_suppressed as mart_suppressed,
    m.n_scores as school_n, r.exam_id || '|' || r.subject || '|' || r.school_id as row_key
from ${r} as r
inner join int_school_score_moments as m
    on m.exam_id = r.exam_id and m.subject = r.subject and m.school_id = r.school_id`;
    case "score_variance":
      return `
select ${examComponent("r")} as component, 'score_variance' as tbl, r.rowid as row_id, 'row' as part, 'county' as cell,
    m.school_id, 1 as num, 1 as den, not r.is_suppressed as published, r.is_suppressed as mart_suppressed,
    m.n_scores as school_n, r.exam_id || '|' || r.subject || '|' || r.county as row_key
from ${r} as r
inner join int_school_score_moments as m
    on m.exam_id = r.exam_id and m.subject = r.subject and m.county = r.county`;
    case "urban_rural_gap":
      // the sides exactly as urban_rural_gap.sql builds them (its CTEs locality_sides and sided)
      return `
with moments as (
    select exam_id, subject, school_id, county, locality, n_z as n
    from int_school_score_moments
    where n_z > 0
),
locality_sides as (
    select exam_id, subject, school_id, county, n, 'urban_rural' as comparison,
        case locality when 'urban' then 1 when 'rural' then 2 end as side
    from moments
    union all
    select exam_id, subject, school_id, county, n, 'urban_town' as comparison,
        case locality when 'urban' then 1 when 'town' then 2 end as side
    from moments
),
sided as (
    select exam_id, subject, 'all' as scope, 'all' as scope_id, comparison, side, school_id, n
    from locality_sides where side is not null
    union all
    select exam_id, subject, 'county', county, comparison, side, school_id, n
    from locality_sides where side is not null and county is not null
    union all
    select l.exam_id, l.subject, 'group', em.group_id, l.comparison, l.side, l.school_id, l.n
    from locality_sides as l
    inner join int_exam_memberships as em
        on l.exam_id = em.exam_id and l.subject = em.subject and l.school_id = em.school_id
    where l.side is not null
    union all
    select m.exam_id, m.subject, 'group', em.group_id, 'lead_member', case when em.is_lead then 1 else 2 end, m.school_id, m.n
    from moments as m
    inner join int_exam_memberships as em
        on m.exam_id = em.exam_id and m.subject = em.subject and m.school_id = em.school_id
)
select ${examComponent("r")} as component, 'urban_rural_gap' as tbl, r.rowid as row_id, 'row' as part,
    'side' || s.side as cell, s.school_id, 1 as num, 1 as den, not r.is_suppressed as published,
    r.is_suppressed as mart_suppressed, s.n as school_n,
    r.exam_id || '|' || r.subject || '|' || r.scope || '|' || r.scope_id || '|' || r.comparison as row_key
from ${r} as r
inner join sided as s
    on s.exam_id = r.exam_id and s.subject = r.subject and s.scope = r.scope and s.scope_id = r.scope_id
    and s.comparison = r.comparison`;
    case "value_added_school":
      return `
with effects as (${VA_EFFECTS})
select ${vaComponent("r")} as component, 'value_added_school' as tbl, r.rowid as row_id, 'row' as part, 'school' as cell,
    e.school_id, 1 as num, 1 as den, not r.is_suppressed as published, r.is_suppressed as mart_suppressed,
    e.n as school_n, r.prior_exam_id || '|' || r.exam_id || '|' || r.subject || '|' || r.school_id as row_key
from ${r} as r
inner join effects as e
    on e.prior_exam_id = r.prior_exam_id and e.exam_id = r.exam_id and e.subject = r.subject and e.school_id = r.school_id`;
    case "value_added_group": {
      // the group's linked students: at schools in the group on the later exam's date (value_added_group.sql)
      const base = `
with effects as (${VA_EFFECTS}),
members as (
    select effects.*, em.group_id, em.is_lead
    from effects
    inner join int_exam_memberships as em
        on em.exam_id = effects.exam_id and em.subject = effects.subject and em.school_id = effects.school_id
),
sizes as (
    select prior_exam_id, exam_id, subject, group_id,
        sum(n) filter (where is_lead) as n_lead, sum(n) filter (where not is_lead) as n_members
    from members
    group by prior_exam_id, exam_id, subject, group_id
),
rows as (
    select r.rowid as row_id, r.*, ${vaComponent("r")} as component,
        r.prior_exam_id || '|' || r.exam_id || '|' || r.subject || '|' || r.group_id as row_key
    from ${r} as r
)`;
      const join = `
from rows as r
inner join members as m
    on m.prior_exam_id = r.prior_exam_id and m.exam_id = r.exam_id and m.subject = r.subject and m.group_id = r.group_id`;
      const group = `
select r.component, 'value_added_group' as tbl, r.row_id, 'group' as part, 'group' as cell, m.school_id, 1 as num, 1 as den,
    not r.is_suppressed as published, r.is_suppressed as mart_suppressed, m.n as school_n, r.row_key ${join}`;
      if (!hasLeadMembers) return `${base}\n${group}`;
      // lead − members = Σ_lead/n_lead − Σ_members/n_members: one published vector; each side a protected cell
      return `${base}
${group}
union all
select r.component, 'value_added_group', r.row_id, 'lmm', 'lmm', m.school_id,
    case when m.is_lead then 1 else -1 end, case when m.is_lead then s.n_lead else s.n_members end,
    r.lead_minus_members is not null, r.lead_minus_members is null and (s.n_lead is not null and s.n_members is not null),
    m.n, r.row_key ${join}
inner join sizes as s
    on s.prior_exam_id = r.prior_exam_id and s.exam_id = r.exam_id and s.subject = r.subject and s.group_id = r.group_id
union all
select r.component, 'value_added_group', r.row_id, 'lmm', case when m.is_lead then 'lead' else 'members' end, m.school_id,
    1, 1, false, false, m.n, r.row_key ${join}`;
    }
  }
}

/** The identities every run publishes whether or not a cell says so: Σ z = 0 over an exam subject's students
 * (z is standardised over them), and the contextual value-added regression's school-level normal equations
 * (int_va_schools.sql): Σ residuals = 0 over the linked students of each context cell of a pair (one intercept
 * per cell), and Σ_j z̄_prior,j · (Σ residuals of school j) = 0 over the pair where the school-mean term is fitted, its
 * coefficients z̄_prior,j taken as known to the attacker (factor). Listed for the components in `dc_terms`, each
 * with the schools of the whole exam or pair. With `schools`, also each school of those components alone,
 * unpublished: the cells the public edition keeps unknown. Rows carry `factor` (null: num/den alone). */
export function identityTermsSql(kind: "total" | "school"): string {
  const published = kind === "total" ? "true" : "false";
  const tbl = kind === "total" ? "(total)" : "(school)";
  const rowKey = (alias: string) =>
    kind === "total" ? `${alias}.component || ${alias}.identity` : `${alias}.component || '|' || ${alias}.school_id`;
  const vaIdentities =
    kind === "total"
      ? `
    select ${vaComponent("e")} as component, '|cell|' || e.context_cell as identity, e.school_id, e.n as school_n, null::double as factor
    from va_effects as e
    union all
    select ${vaComponent("e")}, '|school_mean_prior', e.school_id, e.n, e.mean_prior
    from va_effects as e
    where e.with_school_mean`
      : `
    select ${vaComponent("e")} as component, '' as identity, e.school_id, e.n as school_n, null::double as factor
    from va_effects as e`;
  return `
with present as (select distinct component from dc_terms),
va_effects as (
    select prior_exam_id, exam_id, subject, school_id, n_students as n, context_cell, with_school_mean, mean_prior
    from int_va_schools
),
exam_schools as (
    select ${examComponent("m")} as component, '' as identity, m.school_id, m.n_z as school_n, null::double as factor
    from int_school_score_moments as m
    where m.n_z > 0
),
va_schools as (${vaIdentities}
),
schools as (
    select * from exam_schools where component in (select component from present)
    union all
    select * from va_schools where component in (select component from present)
)
select s.component, ${lit(tbl)} as tbl, -1 as row_id, ${lit(kind)} as part, ${lit(kind)} as cell, s.school_id,
    1 as num, 1 as den, ${published} as published, false as mart_suppressed, s.school_n, ${rowKey("s")} as row_key,
    s.factor
from schools as s`;
}

/**
 * The schools of each value-added pair whose value-added is a combination of their two exams' published sums:
 * every student the school's exam cells count in the later exam is linked, and the linked students are
 * exactly the students its cells count in the prior exam (none came from, or left for, another school). Then
 * Σ residuals = Σ z_later − b_B · Σ z_prior − n · α_c over the same students (int_va_schools.sql: the pupil
 * term b_w·(z_prior − z̄_prior,j) sums to 0 within the school), with the intercept α_c of the school's context cell
 * and the between-school slope b_B published (value_added_school's intercept and slope_between). With b_B
 * exactly as the warehouse holds it.
 */
export function vaLinksSql(): string {
  return `
with per_school as (
    -- n_stayed: linked students whose school at the prior exam, from the same join that linked them, was this one
    select prior_exam_id, exam_id, subject, school_id, n_students as n, n_stayed, slope_between as slope
    from int_va_schools
)
select ${vaComponent("s")} as component, 'x|' || s.exam_id || '|' || s.subject as later, 'x|' || s.prior_exam_id || '|' || s.subject as prior,
    s.school_id, s.slope::double as slope
from per_school as s
inner join int_school_score_moments as later
    on later.exam_id = s.exam_id and later.subject = s.subject and later.school_id = s.school_id
inner join int_school_score_moments as prior
    on prior.exam_id = s.prior_exam_id and prior.subject = s.subject and prior.school_id = s.school_id
where s.slope is not null and isfinite(s.slope) and s.n = s.n_stayed and later.n_z = s.n and prior.n_z = s.n`;
}
