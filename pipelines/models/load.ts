// Reads the model files from disk (Node only; the browser gets them bundled by a data loader).
import {readdirSync, readFileSync} from "node:fs";
import {join, dirname} from "node:path";
import {fileURLToPath} from "node:url";
import {LAYERS, parseModel, type Model} from "./runner.js";

export const MODELS_DIR = dirname(fileURLToPath(import.meta.url));

export function loadModels(dir = MODELS_DIR): Model[] {
  const models: Model[] = [];
  for (const layer of LAYERS) {
    let files: string[];
    try {
      files = readdirSync(join(dir, layer));
    } catch {
      continue;
    }
    for (const file of files.filter((name) => name.endsWith(".sql")).sort()) {
      models.push(parseModel(file.replace(/\.sql$/, ""), layer, readFileSync(join(dir, layer, file), "utf8")));
    }
  }
  return models;
}
