// `junheng run` and `junheng validate` on Node: the pipeline's sequence (orchestrate.ts) over the input folder
// and a DuckDB file, inside what only a run on disk needs — the lock, the temporary build, publishing, the
// manifest and the swap into <out>.
import {mkdirSync, readFileSync, rmSync, mkdtempSync, statSync} from "node:fs";
import {randomBytes} from "node:crypto";
import {tmpdir} from "node:os";
import {basename, join} from "node:path";
import {Db} from "./db.js";
import {InputError} from "./errors.js";
import {configText, discoverInput, InputProblems, nodeSource, type IngestResult, type ProgressEvent} from "./ingest/ingest.js";
import {rejectsCsvQuery, rejectsExportQuery} from "./ingest/checks-sql.js";
import {rejectsByFile as rejectsByFile_, type RejectsByFile} from "./ingest/summary.js";
import {Pseudonymiser, resolveKey} from "./ingest/pseudonym.js";
import {loadModels} from "./models/load.js";
import type {ModelTiming} from "./models/runner.js";
import {DEFAULT_MAX_REJECT_RATE, orchestrate, readConfig, readRejects, type RejectExport} from "./orchestrate.js";
import {publishRelations, writeJson, writeRejects, describe, type PublishedFile, type PublishedTable, type WrittenTable} from "./publish.js";
import {citationText, DeflatedMembers, writeRelease} from "./release.js";
import {checkEditionConfig, createEditionRelations, EDITIONS, type Edition, type EditionPlan} from "./editions.js";
import {protectEdition, PROTECTED_TABLES, type Report as DisclosureReport} from "./disclosure/protect.js";
import {BUNDLED_TABLES, protectBundled} from "./disclosure/bundled.js";
import {createRevisions, inputChanges, readPreviousRelease, REVISIONS_GRAIN, REVISIONS_KEY, REVISIONS_TABLE, type RevisionsSummary} from "./revisions.js";
import type {JunhengConfig} from "./models/config.js";
import type {Model} from "./models/runner.js";
import {acquireLock, checkOut, discardBuild, prepareBuild, recover, swapIn} from "./safe-write.js";
import {periodEnd} from "./contract.js";
import {ident} from "./sql.js";
import {TOOL_VERSION} from "./version.js";
import {collectGarbage, garbageBound} from "./memory.js";
import {PARALLEL_MIN_BYTES} from "./ingest/stage-pool.js";

export {TOOL_VERSION};

export interface EngineOptions {
  threads?: number;
  memoryLimit?: string;
}

export interface RunOptions extends EngineOptions {
  input: string;
  out: string;
  demoKey?: boolean;
  keyFile?: string;
  maxRejectRate?: number;
  env?: NodeJS.ProcessEnv;
  onProgress?: (event: ProgressEvent | {stage: "models" | "publish" | "swap"; detail?: string}) => void;
  /** awaited after every stage, for tests that kill a run at a chosen moment */
  onStage?: (stage: string) => Promise<void> | void;
}

export interface Manifest {
  tool: {name: "junheng"; version: string; duckdb: string};
  run: {
    started_at: string;
    finished_at: string;
    input: string;
    max_reject_rate: number;
    pseudonym_key: {source: string; fingerprint: string};
    threads: number | null;
    memory_limit: string | null;
  };
  periods: string[];
  as_of_date: string;
  files: IngestResult["files"];
  carried_forward: IngestResult["carried"];
  rejects: {total_rows: number; total_problems: number; by_reason: Record<string, number>; file: string};
  models: ModelTiming[];
  /** the two editions, each a complete folder under published/ (docs/editions.md) */
  editions: Record<Edition, EditionManifest>;
  stages_ms: Record<string, number>;
  warnings: IngestResult["warnings"];
}

/** One edition as the manifests describe it: its folder, its tables, what it leaves out and why, and the
 * disclosure step's report. */
export interface EditionManifest {
  edition: Edition;
  dir: string;
  published: PublishedTable[];
  left_out: EditionPlan["left_out"];
  disclosure: DisclosureReport;
  /** the release beside the tables: datapackage.json, methodology.md, CITATION.cff and the zip (docs/release.md) */
  release: PublishedFile[];
  /** how to cite the edition (CITATION.cff says the same) and under which licence: the downloads page shows it */
  citation: {zh: string; en: string; licence: string};
  /** what changed since the last good output's same edition (pipelines/revisions.ts; the table `revisions`) */
  revisions: RevisionsSummary;
}

export {DEFAULT_MAX_REJECT_RATE};

/**
 * The DuckDB threads a run or a validation uses: what --threads asks; else, for an input under 16 MB in all (the
 * size below which the files are also staged in one thread, stage-pool.ts), one; else DuckDB's default, one per core.
 * On a small input a second thread only spins while it waits for work: the county benchmark input (8 MB) took
 * 6.6–6.9 s and 7.5–7.7 s of CPU at one thread against 6.6–7.5 s and 8.5–9.8 s at two; 33 runs of the fuzz test
 * 58 against 72 s of CPU (issue 12). The published files are the same at any thread count (docs/architecture.md).
 * A folder that cannot be listed is left to the ingest to report.
 */
export function engineThreads(asked: number | undefined, input: string): number | undefined {
  if (asked !== undefined) return asked;
  let files: {path: string}[];
  try {
    files = discoverInput(input).files;
  } catch {
    return undefined;
  }
  let bytes = 0;
  for (const file of files) {
    bytes += statSync(file.path, {throwIfNoEntry: false})?.size ?? 0;
    if (bytes >= PARALLEL_MIN_BYTES) return undefined;
  }
  return 1;
}

/** below this size of the write-ahead log, the last checkpoint runs on one thread (runPipeline) */
const SMALL_WAL_BYTES = 64 * 1024 * 1024;

export async function runPipeline(options: RunOptions): Promise<{manifest: Manifest; out: string; rejectsByFile: RejectsByFile}> {
  const started = new Date();
  const paths = checkOut(options.out, options.input);
  // what the folder holds is checked before the key: a folder with no schools.csv (or no period at all) is
  // the problem to report, not the key it would need (discovery only lists names; nothing is read)
  discoverInput(options.input);
  const key = resolveKey({demoKey: options.demoKey, input: options.input, keyFile: options.keyFile, forbiddenDirs: [options.input, paths.out], env: options.env});
  const config = readConfig(configText(options.input));
  const maxRejectRate = options.maxRejectRate ?? DEFAULT_MAX_REJECT_RATE;
  const models = loadModels();
  checkEditionConfig(config, models.filter((model) => model.layer === "marts").map((model) => model.name));
  const release = acquireLock(paths);
  const stage = async (name: string) => options.onStage?.(name);
  try {
    recover(paths);
    const build = prepareBuild(paths);
    const work = join(build, "_work");
    mkdirSync(work);
    const stages: Record<string, number> = {};
    const warehouse = join(build, "warehouse.duckdb");
    let db: Db | undefined;
    try {
      db = await Db.open(warehouse, {threads: engineThreads(options.threads, options.input), memoryLimit: options.memoryLimit, tempDirectory: join(build, "_spill")});
      const source = nodeSource({input: options.input, workDir: work, pseudonymiser: new Pseudonymiser(key.key), onProgress: options.onProgress});
      const {ingested, models: timings, models_ms} = await orchestrate(db, source, {
        config,
        models,
        maxRejectRate,
        onCheck: (file, rows) => options.onProgress?.({stage: "check", file, rows}),
        afterIngest: async () => {
          rmSync(work, {recursive: true, force: true});
          await stage("ingest");
          options.onProgress?.({stage: "models"});
        }
      });
      Object.assign(stages, ingested.timings);
      stages.models_ms = models_ms;
      await stage("models");

      const t = performance.now();
      options.onProgress?.({stage: "publish"});
      const editions = {} as Record<Edition, EditionManifest>;
      stages.revisions_ms = 0;
      let before: WrittenEdition | undefined;
      const deflated = new DeflatedMembers();
      for (const edition of EDITIONS) {
        // the last good output is still in <out> until the swap: each edition is compared with its own
        const previous = {release: readPreviousRelease(paths.out, edition), inputs: ingested.files};
        const written = await publishEdition(db, edition, models.filter((model) => model.layer === "marts"), config, join(build, "published"), previous, stages, ingested.periods, before, deflated);
        editions[edition] = written.manifest;
        before = written;
      }
      await writeRejects(db, rejectsCsvQuery(), join(build, "rejects.csv"));
      const rejectSummary = await db.all<{reason: string; n: number}>("select reason, count(*)::integer as n from rejects group by reason order by reason");
      const [problemCount] = await db.all<{n: number}>("select count(*)::integer as n from rejects");
      const rejectsByFile = rejectsByFile_(
        await db.all<{period: string; file: string; reason: string; n: number}>(`select period, file, reason, count(*)::integer as n from (${rejectsExportQuery()}) group by all`)
      );
      const [version] = await db.all<{v: string}>("select version() as v");
      // The warehouse's last checkpoint. DuckDB writes a table's row groups on as many threads as it has, while
      // the calling thread waits on them spinning; for a small write-ahead log (tables written since the last
      // checkpoint; a large table is written into the file as it is created) one thread does the same work in
      // half the CPU time (57 tables of a few rows: 0.35 s against 0.7 s). The warehouse holds the same tables
      // either way, and the database is closed after.
      if ((statSync(`${warehouse}.wal`, {throwIfNoEntry: false})?.size ?? 0) < SMALL_WAL_BYTES) await db.run("set threads = 1");
      await db.run("checkpoint");
      db.close();
      db = undefined;
      // DuckDB spills to _spill under a memory limit until the database is closed
      rmSync(join(build, "_spill"), {recursive: true, force: true});
      stages.publish_ms = Math.round(performance.now() - t);
      stages.total_ms = Date.now() - started.getTime();
      const manifest: Manifest = {
        tool: {name: "junheng", version: TOOL_VERSION, duckdb: version?.v ?? ""},
        run: {
          started_at: started.toISOString(),
          finished_at: new Date().toISOString(),
          input: basename(options.input.replace(/[\\/]+$/, "")),
          max_reject_rate: maxRejectRate,
          pseudonym_key: {source: key.source, fingerprint: key.fingerprint},
          threads: options.threads ?? null,
          memory_limit: options.memoryLimit ?? null
        },
        periods: ingested.periods,
        as_of_date: periodEnd(ingested.periods.at(-1)!),
        files: ingested.files,
        carried_forward: ingested.carried,
        rejects: {
          total_rows: ingested.files.reduce((sum, file) => sum + file.rows_rejected, 0),
          total_problems: problemCount?.n ?? 0,
          by_reason: Object.fromEntries(rejectSummary.map((row) => [row.reason, row.n])),
          file: "rejects.csv"
        },
        models: timings.map((timing) => ({...timing, ms: Math.round(timing.ms)})),
        editions,
        stages_ms: stages,
        warnings: ingested.warnings
      };
      writeJson(join(build, "manifest.json"), manifest);
      for (const edition of EDITIONS) writeJson(join(build, editions[edition].dir, "manifest.json"), editionManifest(manifest, edition));
      await stage("written");
      options.onProgress?.({stage: "swap"});
      swapIn(paths);
      await stage("swapped");
      return {manifest, out: paths.out, rejectsByFile};
    } catch (error) {
      db?.close();
      discardBuild(paths);
      throw error;
    }
  } finally {
    release();
  }
}

/** An edition as written: its manifest, folder and plan, for the next edition to copy the tables they share. */
interface WrittenEdition {
  manifest: EditionManifest;
  dir: string;
  plan: EditionPlan;
}

/** relations the disclosure step changes in place: an edition's rows of these are never taken as another's */
const DISCLOSED = new Set([...PROTECTED_TABLES, ...BUNDLED_TABLES]);

/**
 * The tables `edition` shares with an edition written before it: the same columns and rows of the same mart
 * (editions.ts) and changed by neither edition's disclosure step, so the same relation and the same files.
 */
function sharedTables(plan: EditionPlan, before: WrittenEdition | undefined): Map<string, WrittenTable> {
  const shared = new Map<string, WrittenTable>();
  if (!before) return shared;
  for (const entry of plan.tables) {
    if (DISCLOSED.has(entry.table)) continue;
    const other = before.plan.tables.find((candidate) => candidate.table === entry.table);
    const table = before.manifest.published.find((candidate) => candidate.table === entry.table);
    if (!other || !table || other.keep !== entry.keep || other.columns.join("\u0000") !== entry.columns.join("\u0000")) continue;
    shared.set(entry.table, {dir: before.dir, table});
  }
  return shared;
}

/**
 * One edition: its rows of each mart as temporary tables (editions.ts), protected in place by the disclosure
 * step, then written to published/<edition>/ with the config; a table the edition written `before` it holds
 * alike is copied from there, and so are the compressed bytes of its zip's members (`deflated`). The temporary
 * tables are dropped after.
 */
async function publishEdition(
  db: Db,
  edition: Edition,
  marts: readonly Model[],
  config: JunhengConfig,
  published: string,
  previous: {release: ReturnType<typeof readPreviousRelease>; inputs: IngestResult["files"]},
  stages: Record<string, number>,
  periods: string[],
  before: WrittenEdition | undefined,
  deflated: DeflatedMembers
): Promise<WrittenEdition> {
  const {plan, relations} = await createEditionRelations(db, edition, marts.map((mart) => mart.name), config);
  const disclosure = await protectEdition(db, {
    edition,
    tables: relations,
    settings: {min_n: config.min_n, min_schools: config.editions.public.min_schools},
    betweenComponents: garbageBound()
  });
  // the audit's cells and terms are garbage now: collected before DuckDB's cache fills again (pipelines/memory.ts)
  collectGarbage();
  // the bundled scores only where the edition's school means already give them (pipelines/disclosure/bundled.ts)
  await protectBundled(db, relations);
  const dir = join(published, edition);
  const byName = new Map(marts.map((mart) => [mart.name, mart]));
  // after protection: the revisions compare what this edition publishes, suppressed cells empty
  const revisionsRelation = `edition_${edition}_${REVISIONS_TABLE}`;
  const t = performance.now();
  const revisions = await createRevisions(db, {
    relation: revisionsRelation,
    tables: plan.tables.map(({table}) => ({name: table, relation: relations[table]!, key: byName.get(table)!.key})),
    previous: previous.release,
    inputs: inputChanges(previous.release, previous.inputs)
  });
  stages.revisions_ms = (stages.revisions_ms ?? 0) + Math.round(performance.now() - t);
  const tables = await publishRelations(
    db,
    [
      ...plan.tables.map(({table}) => ({name: table, relation: ident(relations[table]!), grain: byName.get(table)!.grain, key: byName.get(table)!.key})),
      {name: REVISIONS_TABLE, relation: ident(revisionsRelation), grain: REVISIONS_GRAIN, key: REVISIONS_KEY}
    ],
    dir,
    sharedTables(plan, before)
  );
  await db.run([...Object.values(relations), revisionsRelation].map((relation) => `drop table if exists ${ident(relation)}`).join(";\n"));
  writeJson(join(dir, "config.json"), config);
  tables.push({table: "config", rows: 1, grain: "", key: [], files: [describe(join(dir, "config.json"), "config.json")]});
  const release = await writeRelease(db, dir, tables, {edition, periods, toolVersion: TOOL_VERSION, config, leftOut: plan.left_out}, deflated);
  const citation = {...citationText({edition, periods, config}), licence: config.release.licence};
  return {manifest: {edition, dir: `published/${edition}`, published: tables, left_out: plan.left_out, disclosure, revisions, release, citation}, dir, plan};
}

/** An edition's manifest, as the site shows it: no input hashes (they fingerprint the bureau's files), no
 * key fingerprint; that edition's tables, what it leaves out and why, and its disclosure report. */
function editionManifest(manifest: Manifest, edition: Edition): unknown {
  const {published, left_out, disclosure, revisions, release, citation} = manifest.editions[edition];
  return {
    edition,
    tool: manifest.tool,
    run: {started_at: manifest.run.started_at, finished_at: manifest.run.finished_at, pseudonym_key: manifest.run.pseudonym_key.source},
    periods: manifest.periods,
    as_of_date: manifest.as_of_date,
    files: manifest.files.map(({sha256: _sha, ...file}) => file),
    carried_forward: manifest.carried_forward,
    rejects: manifest.rejects,
    published,
    left_out,
    disclosure,
    revisions,
    release,
    citation,
    stages_ms: manifest.stages_ms,
    warnings: manifest.warnings
  };
}

export interface ValidateReport {
  ok: boolean;
  periods: string[];
  files: IngestResult["files"];
  warnings: IngestResult["warnings"];
  problems: InputError[];
  rejects: RejectExport[];
}

/** The same checks as a run, in memory, with a throwaway key; writes nothing. */
export async function validateInput(options: {input: string; maxRejectRate?: number} & EngineOptions & Pick<RunOptions, "onProgress">): Promise<ValidateReport> {
  const work = mkdtempSync(join(tmpdir(), "junheng-validate-"));
  const db = await Db.open(":memory:", {threads: engineThreads(options.threads, options.input), memoryLimit: options.memoryLimit});
  try {
    const config = readConfig(configText(options.input));
    const source = nodeSource({input: options.input, workDir: work, pseudonymiser: new Pseudonymiser(randomBytes(32)), onProgress: options.onProgress});
    const {ingested} = await orchestrate(db, source, {
      config,
      maxRejectRate: options.maxRejectRate,
      onCheck: (file, rows) => options.onProgress?.({stage: "check", file, rows})
    });
    const rejects = await readRejects(db);
    return {ok: true, periods: ingested.periods, files: ingested.files, warnings: ingested.warnings, problems: [], rejects};
  } catch (error) {
    if (error instanceof InputProblems) return {ok: false, periods: [], files: [], warnings: [], problems: error.problems, rejects: []};
    if (error instanceof InputError) return {ok: false, periods: [], files: [], warnings: [], problems: [error], rejects: []};
    throw error;
  } finally {
    db.close();
    rmSync(work, {recursive: true, force: true});
  }
}
