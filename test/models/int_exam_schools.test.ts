import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

// A school's name, county and locality in an exam are as reported in the latest period among its scores of that
// exam, each field from the latest period that reports it (int_exam_schools, read by exam_school,
// int_school_score_moments, int_va_schools and value_added_school). Worked by hand from the rows below.
describe("int_exam_schools", () => {
  it("takes each school's labels from the latest period of its scores that the roster reports", async () => {
    const score = (period: string, school_id: string, student_id: string, value: number | null) => ({
      period, exam_id: "E", subject: "math", student_id, school_id, score: value, is_absent: value === null
    });
    const db = await build({
      schools: [
        // A moved county and locality between the two periods its scores came in: the later row wins
        school({period: "2025Q1", school_id: "A", school_name: "甲校", county: "X", locality: "rural"}),
        school({period: "2025Q3", school_id: "A", school_name: "甲校新址", county: "Y", locality: "urban"}),
        // B has scores in both periods but no roster row in 2025Q3: 2025Q1's row, not nothing
        school({period: "2025Q1", school_id: "B", school_name: "乙校", county: "X", locality: "town"}),
        // C's scores are all of 2025Q1: the roster's later row is not the one its scores were reported under
        school({period: "2025Q1", school_id: "C", school_name: "丙校", county: "X", locality: "rural"}),
        school({period: "2025Q3", school_id: "C", school_name: "丙校改名", county: "Z", locality: "urban"}),
        // D's 2025Q3 row leaves the locality empty: the locality comes from 2025Q1, the name from 2025Q3
        school({period: "2025Q1", school_id: "D", school_name: "丁校", county: "X", locality: "rural"}),
        school({period: "2025Q3", school_id: "D", school_name: "丁校新名", county: "X", locality: null}),
        // F's students of 2025Q3 were all absent: its labels are still 2025Q3's (one rule for present and absent)
        school({period: "2025Q1", school_id: "F", school_name: "戊校", county: "X", locality: "rural"}),
        school({period: "2025Q3", school_id: "F", school_name: "戊校", county: "X", locality: "urban"})
      ],
      exams: [
        {exam_id: "E", subject: "math", exam_name: "期末", exam_date: "2025-07-01", grade: 5, full_marks: 100,
          scope: "district"}
      ],
      scores: [
        score("2025Q1", "A", "a1", 70), score("2025Q3", "A", "a2", 80),
        score("2025Q1", "B", "b1", 60), score("2025Q3", "B", "b2", 65),
        score("2025Q1", "C", "c1", 50), score("2025Q1", "C", "c2", 55),
        score("2025Q1", "D", "d1", 40), score("2025Q3", "D", "d2", 45),
        score("2025Q1", "F", "f1", 90), score("2025Q3", "F", "f2", null)
      ]
    }, {min_n: 1});
    const expected = [
      {school_id: "A", school_name: "甲校新址", county: "Y", locality: "urban"},
      {school_id: "B", school_name: "乙校", county: "X", locality: "town"},
      {school_id: "C", school_name: "丙校", county: "X", locality: "rural"},
      {school_id: "D", school_name: "丁校新名", county: "X", locality: "rural"},
      {school_id: "F", school_name: "戊校", county: "X", locality: "urban"}
    ];
    const labels = "school_id, school_name, county, locality";
    expect(await db.all(`select ${labels} from int_exam_schools order by school_id`)).toEqual(expected);
    // the published exam figures carry the same labels, and the exam's own from stg_exams
    expect(await db.all(`select ${labels} from exam_school order by school_id`)).toEqual(expected);
    const [first] = await rows<Record<string, unknown>>(db, "exam_school", "school_id = 'A'");
    expect(first).toMatchObject({exam_name: "期末", grade: 5, full_marks: 100, exam_scope: "district", n_students: 2});
    // the pooled moments (urban–rural gap, score variance) place each school alike
    expect(await db.all("select school_id, county, locality from int_school_score_moments order by school_id")).toEqual(
      expected.map(({school_id, county, locality}) => ({school_id, county, locality}))
    );
    expect(await db.all("select exam_id, subject, exam_name, grade, exam_scope from exam_list")).toEqual([
      {exam_id: "E", subject: "math", exam_name: "期末", grade: 5, exam_scope: "district"}
    ]);
    db.close();
  });
});
