import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

describe("exam_list", () => {
  it("lists each exam and subject that has a score, with its name, date, grade, marks and scope, and no result", async () => {
    const db = await build({
      schools: [school({school_id: "A"}), school({school_id: "B", locality: "rural"})],
      exams: [
        {exam_id: "E2", subject: "math", exam_name: "期末", exam_date: "2025-07-01", grade: 5, full_marks: 100, scope: "district"},
        {exam_id: "E1", subject: "math", exam_name: "期中", exam_date: "2025-04-20", grade: 5, full_marks: 120, scope: "group"},
        {exam_id: "E1", subject: "chinese", exam_name: "期中", exam_date: "2025-04-20", grade: 5, full_marks: 120, scope: "group"},
        // no score: not listed (no page has anything to show for it)
        {exam_id: "E3", subject: "math", exam_name: "月考", exam_date: "2025-05-20", grade: 5, full_marks: 100, scope: "school"}
      ],
      scores: [
        {exam_id: "E2", subject: "math", student_id: "s1", school_id: "A", score: 90, is_absent: false},
        {exam_id: "E2", subject: "math", student_id: "s2", school_id: "B", score: 40, is_absent: false},
        {exam_id: "E1", subject: "math", student_id: "s1", school_id: "A", score: 100, is_absent: false},
        {exam_id: "E1", subject: "chinese", student_id: "s1", school_id: "A", score: 80, is_absent: false}
      ]
    });
    const list = await rows<Record<string, unknown>>(db, "exam_list", "true", "exam_id, subject");
    expect(list.map((row) => [row.exam_id, row.subject, row.exam_name, row.grade, row.full_marks, row.exam_scope])).toEqual([
      ["E1", "chinese", "期中", 5, 120, "group"],
      ["E1", "math", "期中", 5, 120, "group"],
      ["E2", "math", "期末", 5, 100, "district"]
    ]);
    // no result of any kind: only the exam's description
    expect(Object.keys(list[0]!).sort()).toEqual(["exam_date", "exam_id", "exam_name", "exam_scope", "full_marks", "grade", "subject"]);
    db.close();
  });
});
