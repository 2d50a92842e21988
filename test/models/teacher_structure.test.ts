import {describe, expect, it} from "vitest";
import {build, rows, school} from "./fixture.js";

describe("teacher_structure", () => {
  it("counts full-time teachers and their titles, degrees and backbone share", async () => {
    const db = await build({
      schools: [school({school_id: "S", students: 100}), school({school_id: "E", students: 50})],
      teachers: [
        {teacher_id: "t1", school_id: "S", title: "senior", degree: "bachelor"},
        {teacher_id: "t2", school_id: "S", title: "senior_professor", degree: "master", backbone_level: "provincial"},
        {teacher_id: "t3", school_id: "S", title: "first", degree: "doctorate"},
        {teacher_id: "t4", school_id: "S", title: "second", degree: "associate"},
        {teacher_id: "t5", school_id: "S", degree: "secondary"},
        {teacher_id: "t6", school_id: "S", title: "senior", degree: "master", is_full_time: false, backbone_level: "county"}
      ]
    });
    const [empty, full] = await rows<Record<string, number | null>>(db, "teacher_structure", "true", "school_id");
    // S: 5 full-time (t6 is part-time); students per teacher 100/5 = 20; senior titles t1, t2 → 2/5 = 0.4;
    // bachelor+ t1, t2, t3 → 3/5 = 0.6; backbone (full-time teachers, county level or higher) t2 → 1 ×100/100 = 1.0
    // (t6, part-time, is not counted: 督导评估办法 counts 骨干教师 among 专任教师)
    expect(full).toMatchObject({school_id: "S", n_teachers: 5, students_per_teacher: 20, share_senior_title: 0.4, share_bachelor_plus: 0.6, backbone_per_100: 1});
    // E: no teachers → ratios undefined, backbone 0
    expect(empty).toMatchObject({school_id: "E", n_teachers: 0, students_per_teacher: null, share_senior_title: null, backbone_per_100: 0});
    db.close();
  });
});
