// The CLI compiled into one ES module, kept between runs. Through tsx, every start resolved and loaded
// some sixty TypeScript modules through its loader thread: about 1 s of CPU before the command did
// anything (measured in RELIABILITY.md, "Test suite time"), paid by every spawn in the tests and by every
// `junheng validate` a user types. The bundle is rebuilt whenever one of its source files changes
// (checked by content, not by date: a checkout or a copy can keep old dates), and written atomically, so
// concurrent starts never load half a file. Anything unusual (no esbuild, a read-only node_modules, a build
// error) returns undefined and the caller runs the sources through tsx as before.
//
// The only change bundling could make to the code's meaning is import.meta.url, which would become the
// bundle's own address; each module's import.meta.url is therefore replaced by its source file's URL, so
// paths next to the sources (the SQL models, data/demo, package.json, the stage worker) resolve as before.
// Packages stay external and load from node_modules as they would from the sources.
//
// The bundle is split where the sources import a module only when a command needs it (the report, the
// template, the demo generator, the server: `await import(...)` in cli.ts): those modules, and the packages
// only they use (pdfkit, fontkit, resvg, docx, exceljs, iconv-lite), load when their command runs, not at
// every start (~0.9 s of CPU per `junheng run` or `validate` before it; RELIABILITY.md, "Test suite time").
// The chunks are written to a folder named by the digest, next to cli.mjs, and cli.mjs (written last)
// re-exports the entry from it.
import {closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {createHash} from "node:crypto";
import {join, relative} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ENTRY = join(ROOT, "pipelines", "cli.ts");
const CACHE = join(ROOT, "node_modules", ".cache", "junheng-cli");
const BUNDLE = join(CACHE, "cli.mjs");
const TAG = "// junheng-cli ";
/** files besides the sources whose change must rebuild the bundle */
const ALSO = ["package.json", "tsconfig.json", "pipelines/bin/compiled.mjs"];

/** The path of an up-to-date compiled CLI, or undefined to run the sources through tsx. */
export async function compiledCli() {
  if (process.env.JUNHENG_CLI_TSX) return undefined;
  try {
    const header = readHeader();
    if (header && digest(header.inputs) === header.hash && existsSync(join(CACHE, chunksDir(header.hash), "cli.mjs"))) return BUNDLE;
    return await compile();
  } catch {
    return undefined;
  }
}

function readHeader() {
  let fd;
  try {
    fd = openSync(BUNDLE, "r");
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const line = buffer.subarray(0, length).toString("utf8").split("\n", 1)[0];
    if (!line?.startsWith(TAG)) return undefined;
    const header = JSON.parse(line.slice(TAG.length));
    return Array.isArray(header.inputs) && typeof header.hash === "string" ? header : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** sha256 over the checkout's folder and the inputs' names and contents; a missing file gives a digest no
 * header holds. The folder is part of it because the bundle holds the sources' absolute URLs: a
 * node_modules copied or hard-linked from another checkout (`cp -al`) carried a bundle that read that
 * checkout's SQL models and data, though its sources' contents matched */
function digest(inputs, read = (file) => readFileSync(join(ROOT, file))) {
  const hash = createHash("sha256");
  hash.update(ROOT).update("\0");
  for (const file of inputs) {
    hash.update(file).update("\0");
    try {
      hash.update(read(file));
    } catch {
      return "missing";
    }
    hash.update("\0");
  }
  return hash.digest("hex");
}

async function compile() {
  const {build} = await import("esbuild");
  // the sources as compiled, so that a file saved during the build cannot be recorded as built
  const read = new Map();
  const sourceUrls = {
    name: "source-urls",
    setup(context) {
      context.onLoad({filter: /\.ts$/}, (args) => {
        const text = readFileSync(args.path);
        read.set(relative(ROOT, args.path), text);
        return {contents: text.toString("utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)), loader: "ts"};
      });
    }
  };
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "esm",
    splitting: true,
    outdir: join(CACHE, "out"),
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    outExtension: {".js": ".mjs"},
    target: "node20",
    packages: "external",
    sourcemap: "inline",
    metafile: true,
    write: false,
    logLevel: "silent",
    plugins: [sourceUrls]
  });
  const inputs = [...new Set([...Object.keys(result.metafile.inputs).map((file) => relative(ROOT, join(ROOT, file))), ...ALSO])].sort();
  const hash = digest(inputs, (file) => read.get(file) ?? readFileSync(join(ROOT, file)));
  mkdirSync(CACHE, {recursive: true});
  // the chunks, whole, under their folder's final name (a concurrent start may have put the same ones there)
  const chunks = join(CACHE, chunksDir(hash));
  if (!existsSync(join(chunks, "cli.mjs"))) {
    const staging = `${chunks}.${process.pid}.tmp`;
    try {
      mkdirSync(staging);
      for (const file of result.outputFiles) writeFileSync(join(staging, relative(join(CACHE, "out"), file.path)), file.text);
      try {
        renameSync(staging, chunks);
      } catch (error) {
        if (!existsSync(join(chunks, "cli.mjs"))) throw error;
      }
    } finally {
      rmSync(staging, {recursive: true, force: true});
    }
  }
  const header = TAG + JSON.stringify({hash, inputs}) + "\n";
  const temporary = `${BUNDLE}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, header + `export * from ${JSON.stringify(`./${chunksDir(hash)}/cli.mjs`)};\n`);
    renameSync(temporary, BUNDLE);
  } finally {
    rmSync(temporary, {force: true});
  }
  prune(chunksDir(hash));
  return BUNDLE;
}

function chunksDir(hash) {
  return `cli-${hash.slice(0, 24)}`;
}

/** Folders of earlier builds, an hour after they were written: a command started before the rebuild may still
 * load its chunks for a while. */
function prune(keep) {
  for (const name of readdirSync(CACHE)) {
    if (name === keep || !name.startsWith("cli-")) continue;
    try {
      if (Date.now() - statSync(join(CACHE, name)).mtimeMs > 3_600_000) rmSync(join(CACHE, name), {recursive: true, force: true});
    } catch {
      // another start pruned it
    }
  }
}
