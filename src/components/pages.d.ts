// Types for pages.js, which the TypeScript build scripts and tests import.
export declare const PAGES: string[];
export declare const PAGE_TITLES: Record<string, {zh: string; en: string}>;
