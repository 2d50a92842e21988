// A group's slice with a member that is a section (学部) of its school: only that section's resources, exams
// and value-added go into the group's file (pure: no site build).
import {describe, expect, it} from "vitest";
import {groupSlice} from "../../pipelines/site/group-slice.js";

describe("groupSlice with sections", () => {
  it("keeps a split school's rows of its member section only, and a whole school's rows of every section", () => {
    const P = "2025Q3";
    const tables = {
      group_members: [
        {period: P, group_id: "GP", school_id: "N", section: "primary"},
        {period: P, group_id: "GP", school_id: "P", section: "all"},
        {period: P, group_id: "GJ", school_id: "N", section: "junior"}
      ],
      school_resources: [
        {period: P, school_id: "N", section: "primary"},
        {period: P, school_id: "N", section: "junior"},
        {period: P, school_id: "P", section: "primary"}
      ],
      exam_school: [
        {exam_id: "E5", subject: "数学", school_id: "N", grade: 5},
        {exam_id: "E8", subject: "数学", school_id: "N", grade: 8},
        {exam_id: "E5", subject: "数学", school_id: "P", grade: 5}
      ],
      value_added_school: [
        {prior_exam_id: "E4", exam_id: "E5", subject: "数学", school_id: "N"},
        {prior_exam_id: "E7", exam_id: "E8", subject: "数学", school_id: "N"},
        // an exam whose grade the slice cannot see: kept for a school in the group by any section
        {prior_exam_id: "X0", exam_id: "X1", subject: "数学", school_id: "N"}
      ]
    };
    const gp = groupSlice(tables, "GP");
    expect(gp.resources.map((r) => `${r.school_id}:${r.section}`)).toEqual(["N:primary", "P:primary"]);
    expect(gp.exams.map((r) => `${r.school_id}:${r.exam_id}`)).toEqual(["N:E5", "P:E5"]);
    expect(gp.va_schools.map((r) => `${r.school_id}:${r.exam_id}`)).toEqual(["N:E5", "N:X1"]);
    const gj = groupSlice(tables, "GJ");
    expect(gj.resources.map((r) => `${r.school_id}:${r.section}`)).toEqual(["N:junior"]);
    expect(gj.exams.map((r) => `${r.school_id}:${r.exam_id}`)).toEqual(["N:E8"]);
    expect(gj.va_schools.map((r) => `${r.school_id}:${r.exam_id}`)).toEqual(["N:E8", "N:X1"]);
  });
});
