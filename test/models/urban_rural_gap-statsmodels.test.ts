// An independent reference for urban_rural_gap's intervals (issue 14, item 2): the demo's student rows are
// exported and statsmodels fits, for every published comparison, OLS of z on the first side's indicator with
// standard errors clustered by school (cov_type='cluster': CR1, G/(G − 1)·(N − 1)/(N − 2)), and scipy gives
// t(0.975, G − 1). The published gap must equal the slope, its se be within 10% of statsmodels' (issue 14's "done
// when"; the formula is the same, so it agrees to rounding), and its interval use that t quantile.
// A lead school is one cluster, whose residual sum is 0: statsmodels' clustered se then holds only the members'
// part, and the lead's between-school variance is added here from pandas (its own s²/n plus the members'
// ANOVA τ²), computed from the student rows, not from the mart's per-school moments.
// python3 with statsmodels, pandas and scipy is required (.ci/run installs python3-statsmodels): without them
// the test fails and says so; it is never skipped.
import {execFileSync, spawnSync} from "node:child_process";
import {writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {describe, expect, it} from "vitest";
import {demoWarehouse} from "../demo-run.js";
import {TIMEOUT, tempDir} from "../helpers.js";

const REFERENCE = String.raw`
import json, sys
import numpy as np, pandas as pd, statsmodels.api as sm
from scipy import stats
rows = pd.read_csv(sys.argv[1], dtype={"key": str, "school_id": str})
out = []
for key, g in rows.groupby("key", sort=True):
    X = sm.add_constant(g["x"].astype(float).to_numpy())
    fit = sm.OLS(g["z"].to_numpy(), X).fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(g["school_id"])[0]})
    var = float(fit.bse[1]) ** 2
    schools = g.groupby(["school_id", "x"])["z"].agg(["count", "mean", "var"]).reset_index()
    n_first = int((schools["x"] == 1).sum())
    n_second = int((schools["x"] == 0).sum())
    if n_first == 1 or n_second == 1:
        one, other = (1, 0) if n_first == 1 else (0, 1)
        lone = g[g["x"] == one]["z"]
        rest = schools[schools["x"] == other]
        sides = g[g["x"] == other]
        n, J = len(sides), len(rest)
        grand = sides["z"].mean()
        msb = float((rest["count"] * (rest["mean"] - grand) ** 2).sum()) / (J - 1)
        msw = float(sides.groupby("school_id")["z"].apply(lambda v: ((v - v.mean()) ** 2).sum()).sum()) / (n - J)
        n0 = (n - float((rest["count"] ** 2).sum()) / n) / (J - 1)
        var += max(0.0, (msb - msw) / n0) + float(lone.var(ddof=1)) / len(lone)
    G = len(schools)
    out.append({"key": key, "gap": float(fit.params[1]), "se": var ** 0.5, "df": G - 1, "t": float(stats.t.ppf(0.975, G - 1))})
print(json.dumps(out))
`;

/** a python3 with statsmodels, pandas and scipy, or an error saying how to get one */
function python(): string {
  const tried: string[] = [];
  for (const candidate of ["python3", "/usr/bin/python3"]) {
    const probe = spawnSync(candidate, ["-c", "import statsmodels, pandas, scipy"], {encoding: "utf8"});
    if (probe.status === 0) return candidate;
    tried.push(`${candidate}: ${(probe.error?.message ?? probe.stderr).trim().split("\n").at(-1)}`);
  }
  throw new Error(
    `urban_rural_gap's reference needs python3 with statsmodels, pandas and scipy (apt-get install python3-statsmodels, as .ci/run does); tried ${tried.join("; ")}`
  );
}

const demo = demoWarehouse();

interface Published {
  key: string;
  comparison: string;
  gap: number;
  se: number;
  ci_low: number;
  df: number;
  n_schools_first: number;
  n_schools_second: number;
}

describe("urban_rural_gap against statsmodels (demo)", () => {
  it(
    "gives statsmodels' cluster-robust gap and se (within 10%) and t(0.975, G − 1) intervals for every published comparison",
    async () => {
      const exe = python();
      const parquet = join(demo.out, "published", "internal", "urban_rural_gap.parquet").replaceAll("'", "''");
      const key = "exam_id || '|' || subject || '|' || scope || '|' || scope_id || '|' || comparison";
      const published = await demo.db.all<Published>(`
        select ${key} as key, comparison, gap, se, ci_low, df, n_schools_first, n_schools_second
        from read_parquet('${parquet}') where se is not null order by key`);
      // each student with the side of every comparison it is in: localities from the roster at each score's
      // period, groups from the memberships on the exam's date; x = 1 on the first-named side
      const csv = join(tempDir("junheng-statsmodels-"), "students.csv");
      await demo.db.run(`
        copy (
          with students as (
            select z.exam_id, z.subject, z.school_id, s.county, s.locality, z.z
            from int_scores_z as z left join stg_schools as s on z.period = s.period and z.school_id = s.school_id
            where z.has_score and z.z is not null
          ),
          locality_sides as (
            select *, 'urban_rural' as comparison, case locality when 'urban' then 1 when 'rural' then 0 end as x from students
            union all
            select *, 'urban_town' as comparison, case locality when 'urban' then 1 when 'town' then 0 end as x from students
          ),
          sided as (
            select exam_id, subject, 'all' as scope, 'all' as scope_id, comparison, school_id, z, x from locality_sides where x is not null
            union all
            select exam_id, subject, 'county', county, comparison, school_id, z, x from locality_sides where x is not null
            union all
            select s.exam_id, s.subject, 'group', m.group_id, s.comparison, s.school_id, s.z, s.x
            from locality_sides as s
            inner join int_exam_memberships as m on s.exam_id = m.exam_id and s.subject = m.subject and s.school_id = m.school_id
            where s.x is not null
            union all
            select s.exam_id, s.subject, 'group', m.group_id, 'lead_member', s.school_id, s.z, case when m.is_lead then 1 else 0 end
            from students as s
            inner join int_exam_memberships as m on s.exam_id = m.exam_id and s.subject = m.subject and s.school_id = m.school_id
          )
          select ${key} as key, school_id, x, z from sided
          where ${key} in (select ${key} from read_parquet('${parquet}') where se is not null)
          order by key, school_id, z
        ) to '${csv.replaceAll("'", "''")}' (header, delimiter ',')`);
      const script = join(dirname(csv), "reference.py");
      writeFileSync(script, REFERENCE);
      const reference = new Map(
        (JSON.parse(execFileSync(exe, [script, csv], {encoding: "utf8", maxBuffer: 64 * 1024 * 1024})) as {key: string; gap: number; se: number; df: number; t: number}[]).map(
          (row) => [row.key, row]
        )
      );
      expect(published.length).toBeGreaterThan(100);
      let worst = 0;
      for (const row of published) {
        const ref = reference.get(row.key);
        expect(ref, row.key).toBeDefined();
        expect(row.gap, row.key).toBeCloseTo(ref!.gap, 9);
        const ratio = row.se / ref!.se;
        worst = Math.max(worst, Math.abs(ratio - 1));
        expect(Math.abs(ratio - 1), `${row.key}: se ${row.se} against statsmodels ${ref!.se}`).toBeLessThan(0.1);
        expect(row.df, row.key).toBe(ref!.df);
        expect((row.gap - row.ci_low) / row.se, row.key).toBeCloseTo(ref!.t, 5);
      }
      const county = published.find((row) => row.key === "QK000-202606-A|数学|county|甘州区|urban_rural");
      console.log(
        `urban_rural_gap: ${published.length} comparisons, largest |se / statsmodels − 1| = ${worst.toExponential(2)}; ` +
          `county 数学 QK000-202606-A: se ${county?.se.toFixed(4)} (${county?.n_schools_first} urban, ${county?.n_schools_second} rural schools)`
      );
    },
    TIMEOUT.test
  );
});
