// Runs `junheng demo` without the CLI: npx tsx pipelines/demo/run.ts --scale county --out data/demo
import {runDemoCommand} from "./command.js";

process.exitCode = await runDemoCommand(process.argv.slice(2));
