// The site step writes one src/data/groups/<group_id>.json per group: whatever output it is given, it
// never writes outside that folder, and refuses a code outside the contract's ID_RULE (issue 11).
import {describe, expect, it} from "vitest";
import {join} from "node:path";
import {groupFile} from "../../pipelines/site/group-files.js";
import {GROUP_TEMPLATE} from "../../pipelines/site/pages.js";
import {UsageError} from "../../pipelines/errors.js";
import {tempDir} from "../helpers.js";

const dir = join(tempDir(), "groups");

describe("the site step's group file guard", () => {
  it("gives a file directly inside the data folder for real codes", () => {
    for (const id of ["JT6200002", "6207020001", "甘州区第一教育集团", "G_01-b", "集".repeat(64)]) {
      expect(groupFile(dir, id)).toBe(join(dir, `${id}.json`));
    }
  });

  it("refuses, with a Chinese then English message naming the code, any code that would leave the folder or break a URL", () => {
    const hostile = ["../../../../../tmp/x", "../x", "a/b c", "a/b", "/tmp/x", "x?y#z", "%2e%2e", "..", ".hidden", "v1.2", "<img src=x>", "a\\b", "", "集".repeat(65), GROUP_TEMPLATE];
    for (const id of hostile) {
      let error: unknown;
      try {
        groupFile(dir, id);
      } catch (caught) {
        error = caught;
      }
      expect(error, id).toBeInstanceOf(UsageError);
      const [zh, en] = (error as UsageError).bilingual().split("\n");
      expect(zh, id).toContain(`集团代码 ${JSON.stringify(id)} 不能用作数据目录`);
      expect(en, id).toContain(`group_id ${JSON.stringify(id)} cannot be a file name in the data folder`);
    }
  });
});
