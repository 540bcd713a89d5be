/**
 * The demo household (see types.ts): generateDemo merges the five parts into
 * one backup's tables; demoBackupText writes them as a Strata backup file.
 */
import { Random } from '@/utils/analytics/random';
import { serializeBackup } from '@/utils/backup/serialize';
import { fingerprint } from '@/utils/importers/fingerprint';
import { firstOfMonthBefore, monthsFrom, noonOf, utcDay } from './calendar';
import { foundationPart } from './foundation';
import { spendingPart } from './spending';
import { leveragePart } from './leverage';
import { accelerationPart } from './acceleration';
import { compoundingPart } from './compounding';
import type { DemoContext, DemoOptions, DemoPart, DemoTables } from './types';

export type { DemoOptions, DemoTables } from './types';
export { DEMO_IDS } from './types';

/**
 * The demo's "today" for a visitor at `now`: the UTC day of twelve hours
 * earlier. Every record sits at a UTC noon, so none of the household's
 * history is later than `now` (a plan skips what is still to come).
 */
export function demoAsOf(now: number): number {
  return noonOf(utcDay(now - 12 * 3_600_000));
}

/** The site's seed: every visitor sees the same household. */
export const DEMO_SEED = 20261124;

const PARTS: readonly [name: string, part: DemoPart][] = [
  ['foundation', foundationPart],
  ['spending', spendingPart],
  ['leverage', leveragePart],
  ['acceleration', accelerationPart],
  ['compounding', compoundingPart],
];

/** The context a part gets: its own Random, forked from the seed by its name. */
export function demoContext(options: DemoOptions, partName: string): DemoContext {
  const today = utcDay(options.asOf);
  const firstDay = firstOfMonthBefore(today, 36);
  return {
    // The part's seed: the fingerprint of seed and name (the first 13 hex digits: a safe integer).
    random: new Random(parseInt(fingerprint(`${options.seed}:${partName}`).slice(0, 13), 16)),
    asOf: options.asOf,
    today,
    firstDay,
    months: monthsFrom(firstDay, today),
    currency: 'USD',
  };
}

/** Every record of the demo household, by table. */
export function generateDemo(options: DemoOptions): { tables: DemoTables } {
  const tables: Record<string, unknown[]> = {};
  for (const [name, part] of PARTS) {
    const partTables = part(demoContext(options, name));
    for (const [table, records] of Object.entries(partTables)) (tables[table] ??= []).push(...(records as unknown[]));
  }
  return { tables: tables as DemoTables };
}

/** The demo household as a Strata backup file's text (exportedAt = asOf). */
export function demoBackupText(options: DemoOptions): string {
  return serializeBackup(generateDemo(options).tables, new Date(options.asOf).toISOString());
}
