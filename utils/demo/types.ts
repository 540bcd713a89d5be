/**
 * The demo household's contract: a seeded, deterministic three-year history
 * of one made-up household across all four layers, as the records of a
 * Strata backup. The site's demo page restores it into the visitor's own
 * IndexedDB (store.restoreBackup: every record validated, all or nothing);
 * `strata demo` prints it as a backup file.
 *
 * Each part (foundation.ts, spending.ts, leverage.ts, acceleration.ts,
 * compounding.ts) is a pure function of the context: same seed and asOf,
 * same records, byte for byte, on every machine. Parts draw from their own
 * Random (forked by name), so a change in one part never shifts another's
 * numbers. Record ids are fixed strings starting "demo-" (see DEMO_IDS).
 */
import type { BackupTableName, BackupTables } from '@/utils/backup/format';
import type { Random } from '@/utils/analytics/random';

/** Some of a backup's tables; the parts' tables are concatenated. */
export type DemoTables = Partial<{ [K in BackupTableName]: BackupTables[K] }>;

export interface DemoOptions {
  /** The random seed (DEMO_SEED for the site). */
  seed: number;
  /** "Today" for the household, epoch ms: the history ends on this day (UTC date) and starts three years earlier. */
  asOf: number;
}

export interface DemoMonth {
  /** "2025-03" */
  key: string;
  year: number;
  /** 1–12 */
  month: number;
  /** Days in the month. */
  days: number;
  /** True for the month holding asOf (only its days up to asOf have happened). */
  current: boolean;
}

export interface DemoContext {
  /** This part's own random numbers (forked from the seed by the part's name). */
  random: Random;
  /** asOf, as given. */
  asOf: number;
  /** asOf's UTC day, "2026-11-24". */
  today: string;
  /** The first day of the history: the first of the month three years before today's month, "2023-11-01". */
  firstDay: string;
  /** Every month from firstDay's month to today's month, oldest first (37 months). */
  months: readonly DemoMonth[];
  /** The household's currency. */
  currency: 'USD';
}

export type DemoPart = (ctx: DemoContext) => DemoTables;

/**
 * The ids every part may rely on. Each part creates only its own; the
 * shared ones (checking) are created by the part named beside them.
 */
export const DEMO_IDS = {
  // foundation.ts
  checking: 'demo-checking',
  hysa: 'demo-hysa',
  brokerage: 'demo-brokerage',
  roth: 'demo-roth',
  k401: 'demo-401k',
  dividendStream: 'demo-stream-dividends',
  interestStream: 'demo-stream-interest',
  // spending.ts
  card: 'demo-card',
  // leverage.ts
  blogStream: 'demo-stream-blog',
  youtubeStream: 'demo-stream-youtube',
  // acceleration.ts (its income stream is the trading lab's own, lab-<lab account id>, as the lab writes it)
  trading: 'demo-trading',
  // compounding.ts
  business: 'demo-business',
  saasStream: 'demo-stream-saas',
} as const;
