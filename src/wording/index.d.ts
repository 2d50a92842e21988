// Types for index.js, which the build scripts and tests import.
export type Entry = {zh: string; en: string};
export type Area = Record<string, Entry>;
export type Wording = {
  t(lang: string, key: string, params?: Record<string, unknown>): string;
  has(key: string): boolean;
  label(lang: string, kind: string, code: unknown): string;
  column(lang: string, name: string): string;
};
export declare const SHARED: Record<string, Area>;
export declare const LOCALES: {zh: string; en: string};
export declare function wording(...areas: Area[]): Wording;
export declare const t: Wording["t"];
export declare const has: Wording["has"];
export declare const label: Wording["label"];
export declare const column: Wording["column"];
export declare function formats(lang?: string): Record<string, any>;
