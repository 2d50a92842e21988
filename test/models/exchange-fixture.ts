// Teacher exchanges for school year 2025-2026 (starts 2025-09-01; eligible: at the school since 2019-09-01 or earlier).
import type {Fixture, Row} from "./fixture.js";
import {school} from "./fixture.js";

export function exchangeFixture(): Fixture {
  const schools = (period: string): Row[] => [
    school({period, school_id: "X", students: 400}),
    school({period, school_id: "Y", locality: "rural", students: 100}),
    school({period, school_id: "Z", county: "B", locality: "town", students: 100})
  ];
  const q3Teachers: Row[] = [
    {teacher_id: "x1", school_id: "X", school_start_date: "2019-09-01", backbone_level: "county"}, // 6 years exactly: eligible
    {teacher_id: "x2", school_id: "X", school_start_date: "2019-09-02"}, // one day short
    {teacher_id: "x3", school_id: "X", school_start_date: "2010-01-01"}, // eligible
    {teacher_id: "x4", school_id: "X", school_start_date: "2022-09-01"},
    {teacher_id: "x5", school_id: "X", school_start_date: "2000-09-01", is_full_time: false}, // part-time: never eligible
    {teacher_id: "y1", school_id: "Y"}, // Y reports no start dates: every full-time teacher is eligible
    {teacher_id: "y2", school_id: "Y"},
    {teacher_id: "y3", school_id: "Y"},
    {teacher_id: "z1", school_id: "Z", school_start_date: "2001-09-01"}
  ];
  return {
    schools: [...schools("2025Q3"), ...schools("2025Q4")],
    groups: ["2025Q3", "2025Q4"].map((period) => ({period, group_id: "G", group_name: "集团", group_type: "tight"})),
    memberships: ["2025Q3", "2025Q4"].flatMap((period) => [
      {period, group_id: "G", school_id: "X", role: "lead", joined_date: "2025-01-01"},
      {period, group_id: "G", school_id: "Y", role: "member", joined_date: "2025-01-01"}
    ]),
    teachers: [
      ...q3Teachers.map((row) => ({period: "2025Q3", ...row})),
      // Q4 snapshot adds teachers; the year's start (Sep 1) lies in Q3, so Q3 is the snapshot used
      ...[...q3Teachers, {teacher_id: "x6", school_id: "X", school_start_date: "2001-01-01"}].map((row) => ({period: "2025Q4", ...row}))
    ],
    exchanges: [
      {period: "2025Q3", teacher_id: "x1", from_school_id: "X", to_school_id: "Y", start_date: "2025-09-01", kind: "rotation"},
      // the same teacher again in the same year, elsewhere: still one teacher exchanged from X
      {period: "2026Q1", teacher_id: "x1", from_school_id: "X", to_school_id: "Z", start_date: "2026-02-20"},
      {period: "2025Q4", teacher_id: "x4", from_school_id: "X", to_school_id: "Y", start_date: "2025-11-01"},
      {period: "2025Q4", teacher_id: "z1", from_school_id: "Z", to_school_id: "X", start_date: "2025-10-01"}
    ]
  };
}
