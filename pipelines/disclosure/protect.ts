// Disclosure control of one edition's tables before they are published (issue 13): primary and
// complementary suppression across every relation of the edition, and the audit that no suppressed value
// can be recovered. run.ts calls protectEdition once per edition (docs/editions.md, "From one run").
// replaced by h13d's implementation at merge
import type {Db} from "../db.js";
import type {Edition} from "../editions.js";
import type {JunhengConfig} from "../models/config.js";

export interface ProtectOptions {
  edition: Edition;
  /** mart name → the DuckDB relation holding the edition's rows of it, updated in place */
  tables: Record<string, string>;
  settings: JunhengConfig;
}

/** The report written into the edition's manifest as `disclosure` (JSON-able). */
export interface DisclosureReport {
  edition: Edition;
  cells_checked: number;
  [detail: string]: unknown;
}

export async function protectEdition(_db: Db, options: ProtectOptions): Promise<DisclosureReport> {
  return {edition: options.edition, cells_checked: 0};
}
