// The demo generator: determinism, the committed data/demo, truth.json against the files it sits
// beside (recomputed here from the CSVs with DuckDB, independently of the generator's SQL), and the
// messy variant's encodings and planted broken rows.
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, relative} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {CONTRACT, DOMAINS, REASONS, type FileName} from "../../pipelines/contract.js";
import {Db} from "../../pipelines/db.js";
import {DEFAULT_SEED} from "../../pipelines/demo/command.js";
import {generateDemo} from "../../pipelines/demo/generate.js";
import {messyDemo} from "../demo-run.js";

const root = mkdtempSync(join(tmpdir(), "junheng-demo-test-"));
const county = join(root, "county");
const again = join(root, "county-again");
const other = join(root, "other-seed");
/** the messy variant, generated once for this file and messy-roundtrip (test/demo-run.ts) */
let messy = "";
const committed = join(import.meta.dirname, "../../data/demo");

function listFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: "utf8"})
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(dir, path))
    .sort();
}

interface Truth {
  generator: {seed: number; scale: string};
  coverage: {period: string; n_schools: number; n_schools_in_group: number; n_students_in_group: number}[];
  urban_rural_gap: {exams: {exam_id: string; subject: string; expected_gap_z_urban_rural: number; n_urban: number; n_rural: number}[]};
  value_added: {schools: {school_id: string; section: string; va_path: {term_index: number; va_cumulative: number}[]}[]};
  teacher_exchange: {
    groups: {
      group_id: string;
      school_year: string;
      planted_rate: number;
      n_eligible_home: number;
      n_exchanged_home: number;
      member_school_ids: string[];
      member_sections: {school_id: string; section: string}[];
      n_eligible_members: number;
      n_exchanged_members: number;
    }[];
  };
  resources: {
    planted_below: {school_id: string; indicator: string; base_section: string; factor: number}[];
    below: {school_year: string; school_id: string; section: string; indicator: string}[];
    thresholds: Record<string, {primary: number; junior: number}>;
  };
  roster: {never_in_group: {school_id: string}[]; leads: {group_id: string; school_id: string}[]};
}

let db: Db;
let truth: Truth;
const csv = (period: string, file: string) => `read_csv('${join(county, period, file + ".csv")}', header = true, all_varchar = true)`;

beforeAll(async () => {
  await generateDemo({scale: "county", seed: DEFAULT_SEED, out: county});
  await generateDemo({scale: "county", seed: DEFAULT_SEED, out: again});
  await generateDemo({scale: "tiny", seed: 7, out: other});
  messy = await messyDemo();
  truth = JSON.parse(readFileSync(join(county, "truth.json"), "utf8")) as Truth;
  db = await Db.open();
});

afterAll(() => {
  db?.close();
  rmSync(root, {recursive: true, force: true});
  if (messy) rmSync(dirname(messy), {recursive: true, force: true});
});

describe("determinism", () => {
  it("writes byte-identical files for the same seed", () => {
    const files = listFiles(county);
    expect(files.length).toBeGreaterThan(40);
    expect(listFiles(again)).toEqual(files);
    for (const file of files) expect(readFileSync(join(again, file)).equals(readFileSync(join(county, file))), file).toBe(true);
  });

  it("writes different scores for a different seed", () => {
    const a = readFileSync(join(county, "2025Q1", "scores.csv"), "utf8").split("\n").slice(1, 50);
    const b = readFileSync(join(other, "2025Q1", "scores.csv"), "utf8").split("\n").slice(1, 50);
    expect(a).not.toEqual(b);
  });

  it("data/demo is exactly what the generator writes for its seed", () => {
    const files = listFiles(county);
    const kept = listFiles(committed).filter((f) => f !== "README.md");
    expect(kept).toEqual(files);
    for (const file of files) expect(readFileSync(join(committed, file)).equals(readFileSync(join(county, file))), file).toBe(true);
  });
});

describe("the committed demo", () => {
  it("covers at least 8 consecutive quarters, every contract file, and stays a few MB", () => {
    const periods = readdirSync(committed).filter((name) => /^\d{4}Q[1-4]$/.test(name)).sort();
    expect(periods.length).toBeGreaterThanOrEqual(8);
    const files = new Set(listFiles(committed).map((f) => f.split("/").pop()));
    for (const file of ["schools", "groups", "memberships", "teachers", "exchanges", "exams", "scores"]) expect(files).toContain(`${file}.csv`);
    const bytes = listFiles(committed).reduce((n, f) => n + statSync(join(committed, f)).size, 0);
    expect(bytes).toBeLessThan(8.5e6);
    // carry-forward is exercised: groups.csv is absent from at least one period
    expect(periods.some((p) => !existsSync(join(committed, p, "groups.csv")))).toBe(true);
    expect(readFileSync(join(committed, "README.md"), "utf8")).toMatch(/synthetic/);
  });
});

describe("truth.json agrees with the files", () => {
  it("records the seed and scale", () => {
    expect(truth.generator).toMatchObject({seed: DEFAULT_SEED, scale: "county"});
  });

  it("coverage per period matches memberships and schools as of the period end", async () => {
    for (const row of truth.coverage) {
      const end = {Q1: "03-31", Q2: "06-30", Q3: "09-30", Q4: "12-31"}[row.period.slice(4) as "Q1"];
      // a school is in a group when it or a section (学部) of it is; its students in a group are all of them when
      // the whole school is (section empty), else its grouped sections' (students_primary, students_junior)
      const counted = await db.one<{n: number; students: number}>(`
        with members as (
          select school_id, bool_or(section is null) as is_whole,
            bool_or(section = 'primary') as has_primary, bool_or(section = 'junior') as has_junior
          from ${csv(row.period, "memberships")}
          where joined_date::date <= date '${row.period.slice(0, 4)}-${end}'
            and (left_date is null or left_date::date > date '${row.period.slice(0, 4)}-${end}')
          group by school_id
        )
        select count(*)::integer as n,
          sum(case when members.is_whole then students::integer
            else (case when members.has_primary then students_primary::integer else 0 end)
              + (case when members.has_junior then students_junior::integer else 0 end) end)::integer as students
        from ${csv(row.period, "schools")} as schools
        inner join members using (school_id)`);
      expect(counted.n, row.period).toBe(row.n_schools_in_group);
      expect(counted.students, row.period).toBe(row.n_students_in_group);
    }
  });

  it("exchange counts and eligibility match the teachers and exchanges files", async () => {
    for (const group of truth.teacher_exchange.groups) {
      const year = Number(group.school_year.slice(0, 4));
      const ids = group.member_school_ids.map((id) => `'${id}'`).join(", ") || "''";
      // a school the group holds by sections (学部): only the teachers of those sections (teachers.csv section)
      const sectioned = [...new Set(group.member_sections.map((m) => m.school_id))];
      const sectionRule = sectioned
        .map((id) => `(school_id <> '${id}' or section in (${group.member_sections.filter((m) => m.school_id === id).map((m) => `'${m.section}'`).join(", ")}))`)
        .join(" and ") || "true";
      const exchangeFiles = [`${year}Q3`, `${year}Q4`, `${year + 1}Q1`, `${year + 1}Q2`]
        .filter((p) => existsSync(join(county, p, "exchanges.csv")))
        .map((p) => `select * from ${csv(p, "exchanges")}`)
        .join(" union all ");
      const counted = await db.one<{eligible: number; exchanged: number}>(`
        select
          (select count(*) from ${csv(`${year}Q3`, "teachers")}
            where school_id in (${ids}) and ${sectionRule} and is_full_time = 'true' and school_start_date::date <= date '${year - 6}-09-01')::integer as eligible,
          (select count(distinct teacher_id) from (${exchangeFiles}) as exchanges
            where from_school_id in (${ids})
              and not exists (
                select 1 from ${csv(`${year}Q3`, "teachers")} as teachers
                where teachers.teacher_id = exchanges.teacher_id and teachers.school_id = exchanges.from_school_id and not (${sectionRule})
              ))::integer as exchanged`);
      expect(counted.eligible, `${group.group_id} ${group.school_year}`).toBe(group.n_eligible_members);
      expect(counted.exchanged, `${group.group_id} ${group.school_year}`).toBe(group.n_exchanged_members);
      // the planted rate is met exactly up to rounding one count
      expect(Math.abs(group.n_exchanged_home - group.planted_rate * group.n_eligible_home)).toBeLessThanOrEqual(0.5);
    }
    const withExchanges = truth.teacher_exchange.groups.filter((g) => g.n_exchanged_home > 0);
    expect(withExchanges.length).toBeGreaterThan(10);
  });

  it("schools planted below a building threshold are below it in every period", async () => {
    const column: Record<string, string> = {
      teaching_area_per_student: "teaching_area_m2::double / students::integer",
      sports_area_per_student: "sports_area_m2::double / students::integer",
      equipment_per_student: "equipment_value_yuan::double / students::integer",
      multimedia_per_100: "multimedia_rooms::integer * 100.0 / students::integer"
    };
    expect(truth.resources.planted_below.length).toBeGreaterThan(5);
    for (const period of ["2024Q3", "2025Q3", "2026Q3"]) {
      for (const planted of truth.resources.planted_below) {
        const {value} = await db.one<{value: number}>(
          `select ${column[planted.indicator]} as value from ${csv(period, "schools")} where school_id = '${planted.school_id}'`
        );
        const threshold = truth.resources.thresholds[planted.indicator]![planted.base_section as "primary"];
        expect(value, `${period} ${planted.school_id} ${planted.indicator}`).toBeLessThan(threshold);
      }
    }
  });

  it("lists exactly the sections below the pe–arts threshold (recomputed from teachers.csv)", async () => {
    const rows = await db.all<{school_id: string; section: string}>(`
      with sections as (
        select school_id, unnest(case stage when 'primary' then ['primary'] when 'junior' then ['junior']
          when 'nine_year' then ['primary', 'junior'] when 'twelve_year' then ['primary', 'junior'] else [] end) as section,
          stage, students::integer as students, students_primary::integer as students_primary, students_junior::integer as students_junior
        from ${csv("2025Q3", "schools")}
      ),
      pe_arts as (
        select school_id, section, count(*) as n from ${csv("2025Q3", "teachers")}
        where is_full_time = 'true' and subject in ('体育', '音乐', '美术') group by all
      )
      select sections.school_id, sections.section
      from sections
      left join pe_arts on pe_arts.school_id = sections.school_id
        and (pe_arts.section = sections.section or (pe_arts.section is null and sections.stage in ('primary', 'junior')))
      where coalesce(pe_arts.n, 0) * 100.0 / case sections.section
          when 'primary' then coalesce(students_primary, students) else coalesce(students_junior, students) end < 0.9
      order by 1, 2`);
    const expected = truth.resources.below
      .filter((b) => b.school_year === "2025-2026" && b.indicator === "pe_arts_per_100")
      .map((b) => ({school_id: b.school_id, section: b.section}));
    expect(rows).toEqual(expected);
  });

  it("the planted urban–rural gap is recoverable from scores.csv by the docs/metrics.md definition", async () => {
    const exams = truth.urban_rural_gap.exams;
    expect(exams.filter((e) => e.n_rural >= 10).length).toBeGreaterThanOrEqual(8);
    for (const exam of exams.filter((e) => e.n_rural >= 10)) {
      const period = exam.exam_id.slice(6, 10) + (Number(exam.exam_id.slice(10, 12)) <= 3 ? "Q1" : "Q2");
      const {gap, se} = await db.one<{gap: number; se: number}>(`
        with scored as (
          select scores.school_id, scores.score::double as score from ${csv(period, "scores")} scores
          where exam_id = '${exam.exam_id}' and subject = '${exam.subject}' and is_absent = 'false'
        ),
        z as (
          select schools.locality, (score - avg(score) over ()) / stddev_samp(score) over () as z
          from scored inner join ${csv(period, "schools")} schools on schools.school_id = scored.school_id
        )
        select avg(z) filter (where locality = 'urban') - avg(z) filter (where locality = 'rural') as gap,
          sqrt(var_samp(z) filter (where locality = 'urban') / count(*) filter (where locality = 'urban')
             + var_samp(z) filter (where locality = 'rural') / count(*) filter (where locality = 'rural')) as se
        from z`);
      expect(Math.abs(gap - exam.expected_gap_z_urban_rural), `${exam.exam_id} ${exam.subject}`).toBeLessThan(3 * se);
    }
    // and it narrows: the last exam's planted gap is below the first's
    const withRural = exams.filter((e) => e.n_rural >= 10);
    expect(withRural.at(-1)!.expected_gap_z_urban_rural).toBeLessThan(withRural[0]!.expected_gap_z_urban_rural);
  });

  it("the roster: one lead per group, real 甘州区 group names, a few schools never in a group", async () => {
    const groups = await db.all<{group_name: string}>(`select group_name from ${csv("2026Q3", "groups")}`);
    const names = groups.map((g) => g.group_name).join(" ");
    for (const name of ["南关学校教育集团", "青年东街小学教育集团", "北街小学教育集团", "甘泉街小学教育集团"]) expect(names).toContain(name);
    const overlaps = await db.all(`
      with leads as (select group_id, school_id, joined_date::date as joined, coalesce(left_date::date, date '9999-12-31') as left_
        from ${csv("2026Q3", "memberships")} where role = 'lead')
      select a.group_id from leads a inner join leads b
        on a.group_id = b.group_id and a.school_id < b.school_id and a.joined < b.left_ and b.joined < a.left_`);
    expect(overlaps).toEqual([]);
    expect(truth.roster.never_in_group.length).toBeGreaterThanOrEqual(2);
    const members = readFileSync(join(county, "2026Q3", "memberships.csv"), "utf8");
    for (const school of truth.roster.never_in_group) expect(members).not.toContain(school.school_id);
  });
});

describe("the messy variant", () => {
  const decode = (path: string) => {
    const bytes = readFileSync(path);
    return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? bytes.subarray(3).toString("utf8")
      : new TextDecoder("gb18030").decode(bytes);
  };

  it("arrives as GBK or UTF-8 with BOM, CRLF, Chinese headers, labels, full-width digits and 年月日 dates", () => {
    const schoolsBytes = readFileSync(join(messy, "2025Q1", "schools.csv"));
    expect(() => new TextDecoder("utf-8", {fatal: true}).decode(schoolsBytes)).toThrow();
    const schools = decode(join(messy, "2025Q1", "schools.csv"));
    expect(schools.startsWith("学校标识码,学校名称,区县,学段,城乡分类代码")).toBe(true);
    expect(schools).toContain("\r\n");
    expect(schools).not.toMatch(/[^\r]\n/);
    expect(schools).toMatch(/年\d+月\d+日/);
    expect(schools).toMatch(/[０-９]/);
    expect(schools).toMatch(/,(111|112|121|122|210|220),/);
    expect(readFileSync(join(messy, "2025Q1", "memberships.csv")).subarray(0, 3).toString("hex")).toBe("efbbbf");
    expect(decode(join(messy, "2025Q1", "memberships.csv"))).toContain("牵头校");
    expect(decode(join(messy, "2025Q1", "teachers.csv"))).toMatch(/,(是|否),/);
  });

  it("plants every reason code, well under 5% per file, on lines that are not in the clean variant", () => {
    const {broken_rows: broken} = JSON.parse(readFileSync(join(messy, "messy.json"), "utf8")) as {
      broken_rows: {file: string; period: string; line: number; reason: string}[];
    };
    expect(new Set(broken.map((b) => b.reason))).toEqual(new Set(Object.keys(REASONS)));
    const perFile = new Map<string, number>();
    for (const b of broken) perFile.set(`${b.period}/${b.file}`, (perFile.get(`${b.period}/${b.file}`) ?? 0) + 1);
    for (const [file, n] of perFile) {
      const lines = decode(join(messy, file)).split("\r\n").filter((l) => l !== "").length - 1;
      expect(n / lines, file).toBeLessThan(0.05);
    }
    for (const [file, n] of perFile) {
      const messyLines = decode(join(messy, file)).split("\r\n").filter((l) => l !== "");
      const cleanLines = readFileSync(join(county, file), "utf8").split("\n").filter((l) => l !== "");
      expect(messyLines.length - n, file).toBe(cleanLines.length);
    }
  });

  it("the surviving rows mean exactly what the clean rows mean", () => {
    const {broken_rows: broken} = JSON.parse(readFileSync(join(messy, "messy.json"), "utf8")) as {
      broken_rows: {file: string; period: string; line: number}[];
    };
    // each header is resolved to its contract column, so a label maps back within that column's domain
    const decoder = (file: FileName, header: string) => {
      const spec = CONTRACT[file].columns.find((c) => c.name === header || c.aliases.includes(header));
      const labels = new Map<string, string>();
      if (spec?.domain)
        for (const [code, names] of Object.entries(DOMAINS[spec.domain].values as Record<string, readonly string[]>))
          for (const name of names) labels.set(name, code);
      return (field: string) => {
        const value = field.normalize("NFKC");
        if (spec?.type === "boolean") return value === "是" ? "true" : value === "否" ? "false" : value;
        const date = /^(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?$/.exec(value);
        if (spec?.type === "date" && date) return `${date[1]}-${date[2]!.padStart(2, "0")}-${date[3]!.padStart(2, "0")}`;
        return labels.get(value) ?? value;
      };
    };
    for (const period of ["2025Q1", "2025Q3"]) {
      for (const file of ["schools", "memberships", "teachers", "exchanges", "scores"]) {
        const path = join(messy, period, `${file}.csv`);
        if (!existsSync(path)) continue;
        const skip = new Set(broken.filter((b) => b.period === period && b.file === `${file}.csv`).map((b) => b.line));
        const lines = decode(path).split("\r\n").filter((l) => l !== "");
        const decoders = lines[0]!.split(",").map((h) => decoder(file as FileName, h));
        const kept = lines.slice(1).filter((_, i) => !skip.has(i + 2));
        const clean = readFileSync(join(county, period, `${file}.csv`), "utf8").split("\n").filter((l) => l !== "").slice(1);
        expect(kept.length, `${period} ${file}`).toBe(clean.length);
        kept.forEach((line, i) => {
          const meaning = line.split(",").map((field, k) => decoders[k]!(field)).join(",");
          expect(meaning, `${period} ${file} row ${i + 2}`).toBe(clean[i]);
        });
      }
    }
  });
});
