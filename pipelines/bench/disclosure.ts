// The disclosure audit at province size: a synthetic registry (10,000 schools in 200 counties, 2,000 groups of
// five, most schools rural and many small) with two exams of two subjects and the pair between them; the real
// intermediate models and marts are built on it, and protectEdition is timed on both editions. Figures only.
//
//   npx tsx pipelines/bench/disclosure.ts [--schools 10000]       (also run by `npm run bench`)
import {parseArgs} from "node:util";
import {Db} from "../db.js";
import {protectEdition, type Edition} from "../disclosure/protect.js";
import {garbageBound} from "../memory.js";
import {createEditionRelations} from "../editions.js";
import {configStatements, parseConfig} from "../models/config.js";
import {loadModels} from "../models/load.js";
import {buildModels} from "../models/runner.js";

const NEEDED = [
  "int_student_keys",
  "int_scores_z",
  "int_exam_schools",
  "int_school_score_moments",
  "int_exam_memberships",
  "int_va_pairs",
  "int_va_links",
  "int_va_residuals",
  "int_va_schools",
  "int_t_quantiles"
];
const MARTS = ["exam_school", "urban_rural_gap", "score_variance", "value_added_school", "value_added_group"];

export interface DisclosureBench {
  schools: number;
  students: number;
  editions: Record<Edition, {seconds: number; cells_checked: number; primary: number; complementary: number; few_schools: number}>;
  build_seconds: number;
}

export async function benchDisclosure(schools: number): Promise<DisclosureBench> {
  const db = await Db.open(":memory:", {threads: 2, memoryLimit: "3GB"});
  try {
    const started = performance.now();
    const counties = Math.max(1, Math.round(schools / 50));
    // schools: 1 in 5 urban (60–400 students a grade), 1 in 5 town (20–100), the rest rural (3–50)
    await db.run(`
      create table stg_schools as
      select '2025Q3' as period, date '2025-09-30' as as_of_date, 'S' || lpad(i::varchar, 5, '0') as school_id,
          'S' || i as school_name, 'C' || (i % ${counties}) as county,
          case when (i // ${counties}) % 5 = 0 then 'urban' when (i // ${counties}) % 5 = 1 then 'town' else 'rural' end as locality,
          case when (i // ${counties}) % 5 = 0 then 60 + hash(i, 1) % 340 when (i // ${counties}) % 5 = 1 then 20 + hash(i, 2) % 80 else 3 + hash(i, 3) % 48 end::integer as n
      from range(${schools}) as t(i)`);
    // groups of five consecutive schools of a county: the first is the lead
    await db.run(`
      create table stg_memberships as
      select '2025Q3' as period, 'G' || (rn // 5) as group_id, school_id, 'all' as section, rn % 5 = 0 as is_lead,
          date '2024-01-01' as joined_date, null::date as left_date
      from (select school_id, row_number() over (order by county, school_id) - 1 as rn from stg_schools)`);
    await db.run(`
      create table stg_exams as
      select '2025Q3' as period, e.exam_id, s.subject, e.exam_id as exam_name, e.exam_date, 5 as grade, 100.0 as full_marks, 'district' as scope
      from (values ('E1', date '2025-01-10'), ('E2', date '2025-07-01')) as e(exam_id, exam_date)
      cross join (values ('语文'), ('数学')) as s(subject)`);
    await db.run(`
      create table stg_scores as
      select '2025Q3' as period, e.exam_id, e.subject, sc.school_id || '-' || k as student_id, sc.school_id,
          (20 + hash(sc.school_id, k, e.exam_id, e.subject) % 80)::double as score, false as is_absent
      from stg_schools as sc
      cross join range(400) as t(k)
      cross join stg_exams as e
      where k < sc.n`);
    const config = parseConfig({});
    for (const statement of configStatements(config)) await db.run(statement);
    const models = loadModels().filter((m) => NEEDED.includes(m.name) || MARTS.includes(m.name));
    await buildModels(db, models);
    const students = Number((await db.all<{n: number}>("select count(*) as n from stg_scores where exam_id = 'E1' and subject = '数学'"))[0]!.n);
    const buildSeconds = (performance.now() - started) / 1000;

    const editions = {} as DisclosureBench["editions"];
    for (const edition of ["internal", "public"] as const) {
      const {relations: tables} = await createEditionRelations(db, edition, MARTS, config);
      const t0 = performance.now();
      const report = await protectEdition(db, {edition, tables, settings: {min_n: 10}, betweenComponents: garbageBound()});
      editions[edition] = {
        seconds: (performance.now() - t0) / 1000,
        cells_checked: report.cells_checked,
        primary: report.primary,
        complementary: report.complementary,
        few_schools: report.few_schools
      };
    }
    return {schools, students, editions, build_seconds: buildSeconds};
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {values} = parseArgs({options: {schools: {type: "string", default: "10000"}}, strict: true});
  const result = await benchDisclosure(Number(values.schools));
  console.log(`disclosure audit, ${result.schools} schools, ${result.students} students per exam subject, 4 exam subjects + 2 value-added pairs`);
  console.log(`  synthetic registry and marts built in ${result.build_seconds.toFixed(1)} s`);
  for (const [edition, r] of Object.entries(result.editions)) {
    console.log(
      `  ${edition.padEnd(8)} ${r.seconds.toFixed(1).padStart(6)} s   ${r.cells_checked} cells checked, ${r.primary} primary, ` +
        `${r.few_schools} few_schools, ${r.complementary} complementary`
    );
  }
}
