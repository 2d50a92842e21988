// The exams' names and dates (the published exam_list, one row per subject; both editions hold it), to
// order and label the gap and value-added charts.
import {join} from "node:path";
import {DATA, writeJson, type Row} from "./paths.js";

export function writeExamList(examList: Row[]): void {
  const exams = new Map<string, Row>();
  for (const row of examList) {
    if (!exams.has(String(row.exam_id))) exams.set(String(row.exam_id), {exam_id: row.exam_id, exam_name: row.exam_name, exam_date: row.exam_date, grade: row.grade, full_marks: row.full_marks, exam_scope: row.exam_scope ?? null});
  }
  writeJson(join(DATA, "exams.json"), [...exams.values()].sort((a, b) => Number(a.exam_date) - Number(b.exam_date) || String(a.exam_id).localeCompare(String(b.exam_id))));
}
