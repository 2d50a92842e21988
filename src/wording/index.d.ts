// Types for index.js, which observablehq.config.ts, the build scripts and tests import.
type Entry = {zh: string; en: string};
export declare const AREAS: Record<string, Record<string, Entry>>;
export declare const CATALOGUE: Record<string, Entry>;
export declare const LOCALES: {zh: string; en: string};
export declare function t(lang: string, key: string, params?: Record<string, unknown>): string;
export declare function has(key: string): boolean;
export declare function label(lang: string, kind: string, code: unknown): string;
export declare function column(lang: string, name: string): string;
export declare function formats(lang?: string): Record<string, any>;
