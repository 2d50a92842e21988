#!/usr/bin/env node
// Entry point for `npx junheng`: the TypeScript sources, compiled once into one module that is kept until a
// source changes (compiled.mjs); where that cannot be done, the sources run through tsx. No build step.
import {pathToFileURL} from "node:url";
import {compiledCli} from "./compiled.mjs";

const bundle = await compiledCli();
let main;
if (bundle) {
  // stack traces of an internal error name the TypeScript sources (the bundle carries a source map)
  process.setSourceMapsEnabled(true);
  ({main} = await import(pathToFileURL(bundle).href));
} else {
  const {register} = await import("tsx/esm/api");
  register();
  ({main} = await import("../cli.ts"));
}
process.exitCode = await main(process.argv.slice(2));
