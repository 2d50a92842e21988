// Types for all.js, which observablehq.config.ts, pipelines/site/pages.js and the tests import.
import type {Area, Entry, Wording} from "./index.js";
export type {Area, Entry, Wording};
export declare const SHARED: Record<string, Area>;
export declare const AREAS: Record<string, Area>;
export declare const CATALOGUE: Record<string, Entry>;
export declare const LOCALES: {zh: string; en: string};
export declare const t: Wording["t"];
export declare const has: Wording["has"];
export declare const label: Wording["label"];
export declare const column: Wording["column"];
export declare function formats(lang?: string): Record<string, any>;
