// Types for pages.js (plain JavaScript so that observablehq.config.ts can import it as it is).
export declare const PAGES: string[];
export declare const PAGE_TITLES: Record<string, {zh: string; en: string}>;
export declare const SCHOOL_TEMPLATE: string;
export declare const GROUP_TEMPLATE: string;
