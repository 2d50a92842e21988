// The Chinese pages read as Chinese: their visible text — tables opened, chart labels included — holds no
// English identifiers (snake_case column names, code words such as primary/urban/tight, SQL such as
// "with rollups", NaN/undefined). The rule and its allow-list (STILL_LEAKING) are in english-text.ts; the
// pages are read in test/site/site.test.ts, in its one load of each Chinese page (every page and every group
// page; the explorer's in explorer.test.ts, on the page it starts anyway), where this file used to load the
// thirteen pages a second time. (Text that appears only after a
// reader acts, such as the upload page's rejects table, is not seen there.) To check the Chinese pages alone:
//   npx vitest run test/site/site.test.ts -t "no English identifiers"
// (JUNHENG_PAGES=a,b narrows that to those pages; SHOW_LEAKS=1 prints what each page shows.)
import {describe, expect, it} from "vitest";
import {englishIdentifiers, leaks, STILL_LEAKING} from "./english-text.js";

describe("the Chinese pages' visible text", () => {
  it("finds the identifiers it looks for", () => {
    expect(englishIdentifiers("角色取自 exchange_flows")).toHaveLength(1);
    expect(englishIdentifiers("学段：primary、urban；with rollups；NaN")).toHaveLength(4);
    expect(englishIdentifiers("下载 CSV、Parquet；均衡（Junheng）；English；2025年第3季度 44.3%")).toEqual([]);
  });

  it("names the page and its first hits; an allowed page that comes out clean must leave the list", () => {
    expect(leaks("teachers", englishIdentifiers("角色取自 exchange_flows"))).toEqual([`teachers: "exchange_flows" in …角色取自 exchange_flows…`]);
    expect(leaks("teachers", [])).toEqual([]);
    STILL_LEAKING.add("teachers");
    try {
      expect(leaks("teachers", englishIdentifiers("exchange_flows"))).toEqual([]);
      expect(leaks("teachers", [])).toEqual(["teachers: clean now: take it out of STILL_LEAKING"]);
    } finally {
      STILL_LEAKING.delete("teachers");
    }
  });
});
