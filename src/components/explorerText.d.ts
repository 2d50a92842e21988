// Types for explorerText.js, which the explorer's browser test imports (its example queries).
export declare const EXAMPLES: {id: string; label: {zh: string; en: string}; sql: string}[];
export declare function explorerText(lang?: string): Record<string, string | ((...args: unknown[]) => string)>;
