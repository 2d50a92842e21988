// Types for csv.js, which the pipeline (publish.ts) and the tests import.
export declare const FORMULA_START: string;
export declare const PLAIN_NUMBER: string;
export declare function neutralise(text: string): string;
export declare function csvField(value: unknown): string;
export declare function neutraliseSql(expr: string): string;
