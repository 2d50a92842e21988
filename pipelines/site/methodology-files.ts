// What the methodology page reads: each mart's text beside its SQL (pipelines/models/marts/<table>.md) and
// the input contract as data.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {CONTRACT, DOMAINS, FILE_PROBLEMS, ID_RULE, REASONS, REJECT_COLUMNS} from "../contract.js";
import {DATA, ROOT, writeJson} from "./paths.js";

export function writeMethodologyFiles(): void {
  const marts = join(ROOT, "pipelines", "models", "marts");
  const methodology: Record<string, string> = {};
  for (const file of readdirSync(marts).filter((name) => name.endsWith(".md")).sort()) {
    methodology[file.replace(/\.md$/, "")] = readFileSync(join(marts, file), "utf8");
  }
  writeJson(join(DATA, "methodology.json"), methodology);
  // reject_columns: rejects.csv's bilingual headers, for the upload page's download of its own rejects
  writeJson(join(DATA, "contract.json"), {files: CONTRACT, domains: DOMAINS, reasons: REASONS, file_problems: FILE_PROBLEMS, id_rule: ID_RULE, reject_columns: REJECT_COLUMNS});
}
