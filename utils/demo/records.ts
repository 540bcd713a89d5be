/** What every part of the demo household writes the same way. */
import type { BalanceSnapshot } from '@/utils/db/schema';
import { noonOf } from './calendar';

/** The provenance of every demo record: a person can always tell sample data from theirs. */
export const DEMO_PROVENANCE = { description: 'Demo household (sample data)' } as const;

/** US dollars (the household's currency), in cents. */
export const usd = (minor: number) => ({ minor, currency: 'USD' });

/** A balance snapshot of a demo account at a day's UTC noon, as an import would have stored it. */
export function demoSnapshot(id: string, accountId: string, day: string, minor: number): BalanceSnapshot {
  return { id, accountId, at: noonOf(day), amount: usd(minor), source: 'import', provenance: { ...DEMO_PROVENANCE } };
}
