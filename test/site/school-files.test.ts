// The site step's school files and pages (pipelines/site/school-*.ts, stamp-pages.ts, which also writes the group pages): the file-name guard, the rows each
// school's file picks (and `null` for a table the edition does not publish), and the pages written from
// the one template page Framework builds. No browser: test/site/school-page.test.ts loads the built pages.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {UsageError} from "../../pipelines/errors.js";
import {GROUP_TEMPLATE, SCHOOL_TEMPLATE} from "../../pipelines/site/pages.js";
import {schoolFile} from "../../pipelines/site/school-files.js";
import {writeGroupPages, writeSchoolPages} from "../../pipelines/site/stamp-pages.js";
import {schoolList, schoolSlices} from "../../pipelines/site/school-slice.js";
import {encodeTable} from "../../pipelines/site/encode-table.js";
import {tempDir} from "../helpers.js";

const dir = join(tempDir(), "schools");

describe("the school file guard", () => {
  it("gives a file directly inside the data folder for real codes", () => {
    for (const id of ["2162000001", "6207020001", "甘州区南关学校", "S_01-b", "学".repeat(64)]) expect(schoolFile(dir, id)).toBe(join(dir, `${id}.json`));
  });

  it("refuses, Chinese then English, a code that would leave the folder, break a URL or take the template's name", () => {
    for (const id of ["../../../../../tmp/x", "../x", "a/b", "/tmp/x", "x?y#z", "%2e%2e", "..", ".hidden", "v1.2", "<img src=x>", "a\\b", "", "学".repeat(65), SCHOOL_TEMPLATE]) {
      let error: unknown;
      try {
        schoolFile(dir, id);
      } catch (caught) {
        error = caught;
      }
      expect(error, id).toBeInstanceOf(UsageError);
      const [zh, en] = (error as UsageError).bilingual().split("\n");
      expect(zh, id).toContain(`学校代码 ${JSON.stringify(id)} 不能用作数据目录`);
      expect(en, id).toContain(`school_id ${JSON.stringify(id)} cannot be a file name in the data folder`);
    }
  });
});

// three rural primary schools (A, B, C) and an urban one (U); A and U in group G (the latest period), C in G
// in an earlier period only; an exchange A → U and B → A
const tables = {
  group_profile: [{period: "2025Q2", group_id: "G", group_name: "旧名"}, {period: "2025Q3", group_id: "G", group_name: "甲集团"}],
  group_members: [
    {period: "2025Q2", group_id: "G", school_id: "C", school_name: "丙", county: "甲县", stage: "primary", locality: "rural", role: "member", is_lead: false, n_students: 90},
    {period: "2025Q3", group_id: "G", school_id: "A", school_name: "甲", county: "甲县", stage: "primary", locality: "rural", role: "member", is_lead: false, n_students: 100},
    {period: "2025Q3", group_id: "G", school_id: "U", school_name: "城", county: "甲县", stage: "primary", locality: "urban", role: "lead", is_lead: true, n_students: 900}
  ],
  uncovered_schools: [
    {period: "2025Q3", school_id: "B", school_name: "乙", county: "乙县", stage: "primary", locality: "rural", ownership: "public", n_students: 80},
    {period: "2025Q3", school_id: "C", school_name: "丙新名", county: "甲县", stage: "primary", locality: "rural", ownership: "public", n_students: 95}
  ],
  school_resources: [{period: "2025Q3", school_id: "A", section: "primary", school_name: "甲", county: "甲县", stage: "primary", locality: "rural", n_met: 7}],
  exchange_flows: [
    // a row per sending and receiving section (学部): both of A's go to its file
    {school_year: "2024-2025", from_school_id: "A", from_section: "primary", to_school_id: "U", to_section: "primary", n_teachers: 2},
    {school_year: "2024-2025", from_school_id: "A", from_section: "junior", to_school_id: "U", to_section: "junior", n_teachers: 1},
    {school_year: "2024-2025", from_school_id: "B", to_school_id: "A", n_teachers: 1},
    {school_year: "2024-2025", from_school_id: "B", to_school_id: "C", n_teachers: 5}
  ],
  exam_school: ["A", "B", "C", "U"].map((school_id) => ({exam_id: "E", subject: "数学", school_id, n_students: 50, is_suppressed: false, pass_rate: 0.5, mean_z: 0.1, sd_score: 9})),
  value_added_school: ["A", "B", "U"].map((school_id) => ({prior_exam_id: "E0", exam_id: "E", subject: "数学", school_id, is_suppressed: false, va: 0.1, se: 0.02, band: "average"})),
  value_added_group: [{prior_exam_id: "E0", exam_id: "E", subject: "数学", group_id: "G", va: 0, lead_minus_members: 0.1}]
};

describe("school slices", () => {
  const schools = schoolList(tables);
  const slices = schoolSlices(tables, schools);

  it("lists every school once with its latest name, county first", () => {
    expect(schools.map((s) => [s.school_id, s.school_name, s.county])).toEqual([["A", "甲", "甲县"], ["C", "丙新名", "甲县"], ["U", "城", "甲县"], ["B", "乙", "乙县"]]);
  });

  it("picks the school's memberships with the group's latest name, and the flows it sent or received", () => {
    const a = slices.get("A")!;
    expect(a.members).toEqual([{period: "2025Q3", group_id: "G", role: "member", is_lead: false, group_name: "甲集团"}]);
    expect(a.flows.map((r) => `${r.from_school_id}→${r.to_school_id}`)).toEqual(["A→U", "A→U", "B→A"]);
    expect(slices.get("B")!.members).toEqual([]);
  });

  it("marks the schools it is compared with: the latest group's members and the same stage and locality", () => {
    // A's group in 2025Q3 holds U (urban: group only); B and C are rural primary (similar); C left the group
    expect(slices.get("A")!.exams!.map((r) => [r.school_id, r.peer])).toEqual([["A", "self"], ["B", "similar"], ["C", "similar"], ["U", "group"]]);
    // the compared schools carry only the columns the page reads
    expect(Object.keys(slices.get("A")!.exams![1]!)).not.toContain("mean_z");
    expect(slices.get("A")!.va!.map((r) => [r.school_id, r.peer])).toEqual([["A", "self"], ["B", "similar"], ["U", "group"]]);
    expect(slices.get("A")!.va_group).toEqual([{prior_exam_id: "E0", exam_id: "E", subject: "数学", group_id: "G", va: 0}]);
    // B is in no group: its group rows are empty, not missing
    expect(slices.get("B")!.va_group).toEqual([]);
  });

  it("compares a split school's exam with the group holding the exam grade's section, and only that section's members", () => {
    // N (九年一贯制): 小学部 in GZ, 初中部 in ZX; K (九年一贯制): 小学部 in GZ only; P a primary school in GZ, J a
    // junior school in ZX. E6 is grade 6, E8 grade 8; every school sat both (all alike: similar schools are left out below)
    const member = (group_id: string, school_id: string, section: string) =>
      ({period: "2025Q3", group_id, school_id, section, school_name: school_id, county: "甲县", stage: "x", locality: "urban", role: "member", is_lead: false});
    const split = {
      group_profile: [{period: "2025Q3", group_id: "GZ", group_name: "甘州中学教育集团"}, {period: "2025Q3", group_id: "ZX", group_name: "中学教育集团"}],
      group_members: [member("GZ", "N", "primary"), member("GZ", "K", "primary"), member("GZ", "P", "all"), member("ZX", "N", "junior"), member("ZX", "J", "all")],
      exam_list: [{exam_id: "E6", subject: "数学", grade: 6}, {exam_id: "E8", subject: "数学", grade: 8}],
      exam_school: ["E6", "E8"].flatMap((exam_id) => ["N", "K", "P", "J"].map((school_id) => ({exam_id, subject: "数学", school_id, n_students: 50, is_suppressed: false, pass_rate: 0.5}))),
      value_added_school: ["E6", "E8"].flatMap((exam_id) => ["N", "K", "J"].map((school_id) => ({prior_exam_id: "E0", exam_id, subject: "数学", school_id, is_suppressed: false, va: 0.1}))),
      value_added_group: [
        {prior_exam_id: "E0", exam_id: "E6", subject: "数学", group_id: "GZ", va: 0.2},
        {prior_exam_id: "E0", exam_id: "E8", subject: "数学", group_id: "GZ", va: 0.3}, // GZ's grade-8 pupils: not N's 初中部 group
        {prior_exam_id: "E0", exam_id: "E8", subject: "数学", group_id: "ZX", va: 0.4}
      ]
    };
    const n = schoolSlices(split, schoolList(split)).get("N")!;
    expect(n.comparison_groups).toEqual([
      {section: "primary", group_id: "GZ", group_name: "甘州中学教育集团"},
      {section: "junior", group_id: "ZX", group_name: "中学教育集团"}
    ]);
    const inGroup = (r: Record<string, unknown>) => r.peer === "group" || r.peer === "both";
    const peers = (exam: string) => n.exams!.filter((r) => r.exam_id === exam && inGroup(r)).map((r) => r.school_id).sort();
    // grade 6 → GZ: K (its 小学部) and P; grade 8 → ZX: J only (K's 初中部 is in no group, P is not in ZX)
    expect(peers("E6")).toEqual(["K", "P"]);
    expect(peers("E8")).toEqual(["J"]);
    expect(n.va!.filter((r) => r.exam_id === "E8" && inGroup(r)).map((r) => r.school_id)).toEqual(["J"]);
    expect(n.va_group!.map((r) => [r.exam_id, r.group_id, r.va])).toEqual([["E6", "GZ", 0.2], ["E8", "ZX", 0.4]]);
  });

  it("gives null, not [], for the results of an edition without per-school exam tables", () => {
    const {exam_school, value_added_school, value_added_group, ...publicTables} = tables;
    void exam_school, void value_added_school, void value_added_group;
    const a = schoolSlices(publicTables, schoolList(publicTables)).get("A")!;
    expect(a.exams).toBeNull();
    expect(a.va).toBeNull();
    expect(a.va_group).toBeNull();
    expect(a.resources).toHaveLength(1);
  });
});

// the same step writes the group pages (GROUP_TEMPLATE) and the school pages (SCHOOL_TEMPLATE)
describe.each([
  {folder: "groups", template: GROUP_TEMPLATE, write: writeGroupPages, index: (ids: string[]) => ids.map((group_id) => ({group_id, group_name: `集团 ${group_id}`}))},
  {folder: "schools", template: SCHOOL_TEMPLATE, write: writeSchoolPages, index: (ids: string[]) => encodeTable(ids.map((school_id) => ({school_id})))}
])("$folder pages from the template", ({folder, template: T, write, index}) => {
  const template = (up: string) =>
    `<html><head><script type="module">registerFile("${up}data/${folder}/${T}.json", {"name":"${up}data/${folder}/${T}.json","mimeType":"application/json","path":"${up}_file/data/${folder}/${T}.0123abcd.json","lastModified":1,"size":2});\n` +
    `FileAttachment("${up}data/${folder}/${T}.json")</script></head><body><a href="${up}en/${folder}/${T}.html">English</a></body></html>`;

  it("writes each page in both languages, with its own hashed data file, and removes the template", () => {
    const root = tempDir();
    const dist = join(root, "dist");
    const data = join(root, "data");
    mkdirSync(join(dist, folder), {recursive: true});
    mkdirSync(join(dist, "en", folder), {recursive: true});
    mkdirSync(join(dist, "_file", "data", folder), {recursive: true});
    mkdirSync(join(data, folder), {recursive: true});
    writeFileSync(join(dist, folder, `${T}.html`), template("../"));
    writeFileSync(join(dist, "en", folder, `${T}.html`), template("../../"));
    writeFileSync(join(dist, "_file", "data", folder, `${T}.0123abcd.json`), "{}");
    const ids = ["2162000001", "甘州区南关学校"];
    writeFileSync(join(data, `${folder}.json`), JSON.stringify(index(ids)));
    for (const id of ids) writeFileSync(join(data, folder, `${id}.json`), JSON.stringify({id}));

    expect(write(dist, data)).toBe(4);
    for (const id of ids) {
      const bytes = readFileSync(join(data, folder, `${id}.json`));
      const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 8);
      const mtime = Math.floor(statSync(join(data, folder, `${id}.json`)).mtimeMs);
      expect(readFileSync(join(dist, "_file", "data", folder, `${id}.${hash}.json`))).toEqual(bytes);
      const zh = readFileSync(join(dist, folder, `${id}.html`), "utf8");
      expect(zh).toContain(`"path":"../_file/data/${folder}/${id}.${hash}.json","lastModified":${mtime},"size":${bytes.length}`);
      expect(zh).toContain(`FileAttachment("../data/${folder}/${id}.json")`);
      expect(zh).toContain(`href="../en/${folder}/${id}.html"`);
      expect(zh).not.toContain(T);
      const en = readFileSync(join(dist, "en", folder, `${id}.html`), "utf8");
      expect(en).toContain(`"path":"../../_file/data/${folder}/${id}.${hash}.json"`);
    }
    expect(existsSync(join(dist, folder, `${T}.html`))).toBe(false);
    expect(readdirSync(join(dist, "_file", "data", folder)).some((f) => f.startsWith(T))).toBe(false);
  });

  it("refuses to write pages without the template Framework builds", () => {
    const root = tempDir();
    const data = join(root, "data");
    mkdirSync(join(data, folder), {recursive: true});
    writeFileSync(join(data, `${folder}.json`), JSON.stringify(index(["A1"])));
    writeFileSync(join(data, folder, "A1.json"), "{}");
    expect(() => write(join(root, "dist"), data)).toThrow(UsageError);
  });
});
