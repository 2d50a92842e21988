#!/usr/bin/env node
// Entry point for `npx junheng`: TypeScript sources run through tsx, so there is no build step.
import {register} from "tsx/esm/api";

register();
const {main} = await import("../cli.ts");
process.exitCode = await main(process.argv.slice(2));
