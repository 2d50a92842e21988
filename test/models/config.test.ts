import {describe, expect, it} from "vitest";
import {InputError} from "../../pipelines/errors.js";
import {configStatements, DEFAULT_CONFIG, parseConfig} from "../../pipelines/models/config.js";
import {Db} from "../../pipelines/db.js";

describe("config", () => {
  it("merges a partial file over the defaults", () => {
    const config = parseConfig({region_name: "甘州区", min_n: 20, targets: {exchange_rate: 0.05}, indicator_thresholds: {junior: {equipment_per_student: 3000}}});
    expect(config.min_n).toBe(20);
    expect(config.targets).toMatchObject({exchange_rate: 0.05, exchange_backbone_share: 0.2, cv_primary: 0.5, cv_junior: 0.45});
    expect(config.indicator_thresholds.junior.equipment_per_student).toBe(3000);
    expect(config.indicator_thresholds.primary.equipment_per_student).toBe(2000);
    expect(DEFAULT_CONFIG.indicator_thresholds.junior.equipment_per_student).toBe(2500); // defaults untouched
    // the exchange basis defaults to the national rule
    expect(config.exchange).toEqual({denominator: "eligible", scope: "any", include_shadow: false, schools: "compulsory_public", urban_rural_denominator: "eligible"});
    expect(config.targets.exchange_urban_rural).toBe(0.15);
    expect(parseConfig({exchange: {denominator: "full_time", scope: "within_group"}}).exchange).toMatchObject({denominator: "full_time", scope: "within_group", include_shadow: false});
  });

  it("names the bad key", () => {
    const attempt = (json: unknown) => () => parseConfig(json);
    expect(attempt({min_n: 0})).toThrow(/min_n/);
    expect(attempt({targets: {exchange_rate: 1.5}})).toThrow(/targets\.exchange_rate/);
    expect(attempt({targets: {coverage_deadline: "2025-02-30"}})).toThrow(/coverage_deadline/);
    expect(attempt({indicator_thresholds: {primary: {books: 1}}})).toThrow(/indicator_thresholds\.primary\.books/);
    expect(attempt({score_bands: {excellent: 0.5}})).toThrow(/score_bands/);
    expect(attempt({va_pairs: [{exam_id: "E2"}]})).toThrow(/va_pairs\[0\]\.prior_exam_id/);
    expect(attempt({exchange: {denominator: "all_teachers"}})).toThrow(/exchange\.denominator/);
    expect(attempt({exchange: {include_shadow: "no"}})).toThrow(/exchange\.include_shadow/);
    expect(attempt({exchange: {basis: "any"}})).toThrow(/exchange\.basis/);
    try {
      parseConfig({mn_n: 5});
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).code).toBe("bad_config");
      expect((error as InputError).bilingual()).toMatch(/mn_n/);
    }
  });

  it("creates the cfg_* tables, quoting text safely", async () => {
    const db = await Db.open();
    for (const sql of configStatements(parseConfig({region_name: "O'Brien 区", va_pairs: [{prior_exam_id: "E1", exam_id: "E2", subject: "数学"}]}))) await db.run(sql);
    expect(await db.all("select region_name, min_n, cv_junior from cfg_settings")).toEqual([{region_name: "O'Brien 区", min_n: 10, cv_junior: 0.45}]);
    expect(await db.all("select count(*)::integer as n from cfg_indicator_thresholds")).toEqual([{n: 14}]);
    expect(await db.all("select * from cfg_va_pairs")).toEqual([{prior_exam_id: "E1", exam_id: "E2", subject: "数学"}]);
    db.close();
  });
});

describe("config placement", () => {
  it("accepts indicator_thresholds, score_bands and va_pairs inside targets as well as at the top level", () => {
    const nested = parseConfig({targets: {exchange_rate: 0.05, indicator_thresholds: {primary: {backbone_per_100: 1.5}}, score_bands: {excellent: 0.9}}});
    expect(nested.targets.exchange_rate).toBe(0.05);
    expect(nested.indicator_thresholds.primary.backbone_per_100).toBe(1.5);
    expect(nested.indicator_thresholds.junior.backbone_per_100).toBe(1.0);
    expect(nested.score_bands.excellent).toBe(0.9);
    expect(() => parseConfig({score_bands: {}, targets: {score_bands: {}}})).toThrow(/targets\.score_bands/);
  });
});
