// A small but complete region exercising every model: two counties, urban/town/rural schools, a
// nine-year school, two groups (one tight group, one pairing overlapping it), teachers, exchanges and
// two linked exams. Scores come from a fixed pseudo-random sequence so the fixture is deterministic.
import type {Fixture, Row} from "./fixture.js";

function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function sampleFixture(): Fixture {
  const random = sequence(42);
  const normal = () => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const schools: Row[] = [
    {school_id: "P1", county: "A", stage: "primary", locality: "urban", students: 600, lat: 39.0, lon: 100.0},
    {school_id: "P2", county: "A", stage: "primary", locality: "rural", students: 120, lat: 39.1, lon: 100.2, is_weak: true},
    {school_id: "P3", county: "A", stage: "primary", locality: "town", students: 240, lat: 38.9, lon: 100.1},
    {school_id: "J1", county: "A", stage: "junior", locality: "urban", students: 500, lat: 39.0, lon: 100.05},
    {
      school_id: "N1", county: "A", stage: "nine_year", locality: "rural", students: 300,
      students_primary: 200, students_junior: 100, lat: 39.2, lon: 100.3, is_weak: true
    },
    {school_id: "P4", county: "B", stage: "primary", locality: "urban", students: 400, ownership: "private"},
    {school_id: "P5", county: "B", stage: "primary", locality: "rural", students: 8},
    {school_id: "K1", county: "B", stage: "kindergarten", locality: "urban", students: 90}
  ].map((row, i) => ({
    school_name: `学校${row.school_id}`,
    teaching_area_m2: row.students * (4 + (i % 3)),
    sports_area_m2: row.students * (6 + (i % 4) * 1.5),
    equipment_value_yuan: row.students * (1800 + 150 * i),
    multimedia_rooms: Math.max(1, Math.round(row.students / 40)),
    ...row
  }));
  const periods = ["2025Q3", "2025Q4"];
  const groups: Row[] = [
    {group_id: "G1", group_name: "一小教育集团", group_type: "tight", established_date: "2024-09-01"},
    {group_id: "G2", group_name: "一小结对", group_type: "pairing", established_date: "2025-01-01"}
  ];
  const memberships: Row[] = [
    {group_id: "G1", school_id: "P1", role: "lead", joined_date: "2024-09-01"},
    {group_id: "G1", school_id: "P2", role: "member", joined_date: "2024-09-01"},
    {group_id: "G1", school_id: "N1", role: "member", joined_date: "2024-09-01"},
    {group_id: "G1", school_id: "P3", role: "member", joined_date: "2024-09-01", left_date: "2025-12-01"},
    {group_id: "G2", school_id: "J1", role: "lead", joined_date: "2025-01-01"},
    {group_id: "G2", school_id: "N1", role: "member", joined_date: "2025-01-01"}
  ];
  const teachers: Row[] = [];
  const degrees = ["bachelor", "master", "associate", "bachelor", "secondary"];
  const titles = ["first", "senior", "second", "none", "senior_professor"];
  const subjects = ["语文", "数学", "体育", "英语", "音乐", "美术", "科学"];
  let t = 0;
  for (const row of schools) {
    const n = Math.round(Number(row.students) / 14) + 1;
    for (let k = 0; k < n; k++) {
      t++;
      teachers.push({
        teacher_id: `T${t}`,
        school_id: row.school_id as string,
        subject: subjects[t % subjects.length]!,
        title: titles[t % titles.length]!,
        degree: degrees[t % degrees.length]!,
        backbone_level: t % 9 === 0 ? "county" : t % 23 === 0 ? "municipal" : "none",
        is_full_time: t % 17 !== 0,
        section: row.stage === "nine_year" ? (k % 3 === 0 ? "junior" : k % 5 === 0 ? null : "primary") : null,
        school_start_date: row.county === "B" ? null : `${2010 + (t % 12)}-09-01`
      });
    }
  }
  const exchanges: Row[] = [
    {teacher_id: "T3", from_school_id: "P1", to_school_id: "P2", start_date: "2025-09-01", kind: "rotation"},
    {teacher_id: "T9", from_school_id: "P1", to_school_id: "N1", start_date: "2025-09-01", kind: "support"},
    {teacher_id: "T18", from_school_id: "P1", to_school_id: "P2", start_date: "2025-09-15"},
    {teacher_id: "T50", from_school_id: "J1", to_school_id: "N1", start_date: "2025-10-01"},
    {teacher_id: "T60", from_school_id: "P3", to_school_id: "P1", start_date: "2025-09-01"},
    {teacher_id: "T130", from_school_id: "P4", to_school_id: "P5", start_date: "2025-09-01"}
  ].map((row) => ({period: "2025Q3", ...row}));
  const exams: Row[] = [];
  const scores: Row[] = [];
  const effect: Record<string, number> = {P1: 0.4, P2: -0.5, P3: 0, N1: -0.2, P4: 0.3, P5: 0};
  const primary = ["P1", "P2", "P3", "N1", "P4", "P5"];
  const size: Record<string, number> = {P1: 40, P2: 15, P3: 25, N1: 20, P4: 30, P5: 6};
  for (const [exam, date, period] of [
    ["E1", "2025-07-01", "2025Q3"],
    ["E2", "2025-12-20", "2025Q4"]
  ] as const) {
    for (const subject of ["math", "chinese"]) {
      exams.push({period, exam_id: exam, subject, exam_name: `${exam} 期末`, exam_date: date, grade: 5, full_marks: 100, scope: "district"});
    }
  }
  let s = 0;
  for (const school of primary) {
    for (let k = 0; k < size[school]!; k++) {
      s++;
      const ability = normal();
      for (const subject of ["math", "chinese"]) {
        const prior = Math.min(100, Math.max(0, Math.round(70 + 12 * ability + 5 * normal())));
        const later = Math.min(100, Math.max(0, Math.round(68 + 11 * ability + 8 * effect[school]! + 5 * normal())));
        const absent = s % 31 === 0;
        scores.push({period: "2025Q3", exam_id: "E1", subject, student_id: `st${s}`, school_id: school, score: prior});
        scores.push({
          period: "2025Q4", exam_id: "E2", subject, student_id: `st${s}`, school_id: school,
          score: absent ? null : later, is_absent: absent
        });
      }
    }
  }
  return {
    schools: periods.flatMap((period) => schools.map((row) => ({period, ...row}))),
    groups: periods.flatMap((period) => groups.map((row) => ({period, ...row}))),
    memberships: periods.flatMap((period) => memberships.map((row) => ({period, ...row}))),
    teachers: periods.flatMap((period) => teachers.map((row) => ({period, ...row}))),
    exchanges,
    exams,
    scores
  };
}
