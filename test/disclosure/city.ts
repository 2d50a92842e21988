// Small cities for the disclosure tests: schools with chosen numbers of tested students, groups, and two exams
// of one subject with every student in both (so value-added links them all). The marts are built by the real
// models (test/models/fixture.ts); the tests copy them into an edition's relations and protect those.
import type {Db} from "../../pipelines/db.js";
import {protectEdition, type Report} from "../../pipelines/disclosure/protect.js";
import {createEditionRelations} from "../../pipelines/editions.js";
import {parseConfig} from "../../pipelines/models/config.js";
import {build, school, type Fixture} from "../models/fixture.js";

export interface CitySchool {
  id: string;
  n: number;
  county?: string;
  locality?: "urban" | "town" | "rural";
}

export interface CityGroup {
  id: string;
  lead: string;
  members: string[];
}

/** deterministic scores in 20…99 from a string (FNV-1a) */
function draw(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  return 20 + (h % 80);
}

export function cityFixture(schools: CitySchool[], groups: CityGroup[]): Fixture {
  const exam = (exam_id: string, exam_date: string) => ({exam_id, subject: "math", exam_name: exam_id, exam_date, grade: 5, full_marks: 100});
  const students = schools.flatMap((s) => Array.from({length: s.n}, (_, i) => ({school_id: s.id, student_id: `${s.id}-${i}`})));
  return {
    schools: schools.map((s) => school({school_id: s.id, county: s.county ?? "A", locality: s.locality ?? "rural", students: Math.max(s.n * 6, 1)})),
    groups: groups.map((g) => ({group_id: g.id, group_name: `集团${g.id}`, group_type: "tight"})),
    memberships: groups.flatMap((g) => [
      {group_id: g.id, school_id: g.lead, role: "lead", joined_date: "2024-01-01"},
      ...g.members.map((m) => ({group_id: g.id, school_id: m, role: "member", joined_date: "2024-01-01"}))
    ]),
    exams: [exam("E1", "2025-01-10"), exam("E2", "2025-07-01")],
    scores: ["E1", "E2"].flatMap((exam_id) =>
      students.map((s) => ({exam_id, subject: "math", school_id: s.school_id, student_id: s.student_id, score: draw(`${exam_id}/${s.student_id}`)}))
    )
  };
}

export const EXAM_MARTS = ["exam_school", "urban_rural_gap", "score_variance", "value_added_school", "value_added_group", "headline"] as const;

/** One edition's relations of the exam marts (or of `only`), built as the run builds them (pipelines/editions.ts). */
export async function editionRelations(db: Db, edition: "public" | "internal", only?: readonly string[]): Promise<Record<string, string>> {
  return (await createEditionRelations(db, edition, only ?? EXAM_MARTS, parseConfig({}))).relations;
}

export async function protectedCity(
  schools: CitySchool[],
  groups: CityGroup[],
  edition: "public" | "internal",
  only?: readonly string[]
): Promise<{db: Db; report: Report; tables: Record<string, string>}> {
  const db = await build(cityFixture(schools, groups));
  const tables = await editionRelations(db, edition, only);
  const report = await protectEdition(db, {edition, tables, settings: {min_n: 10}});
  return {db, report, tables};
}
