/**
 * Reads everything the plan is computed from (utils/analytics/plan.ts) out of
 * the database, in one read transaction so the figures are consistent.
 */
import type { PlanInput } from '@/utils/analytics/plan-types';
import type { StrataDB } from './database';
import { createStore } from './write';

/** The tables loadPlanInput reads (pages watch these with liveQuery). */
export function planTables(db: StrataDB) {
  return [
    db.settings,
    db.planSettings,
    db.accounts,
    db.balanceSnapshots,
    db.streams,
    db.incomeEvents,
    db.streamCosts,
    db.cashNeeds,
    db.debts,
  ];
}

export async function loadPlanInput(db: StrataDB, now: number, tzOffsetMinutes: number): Promise<PlanInput> {
  const store = createStore(db);
  return db.transaction('r', planTables(db), async () => {
    const [settings, planSettings, accounts, snapshots, streams, events, streamCosts, cashNeeds, debts] = await Promise.all([
      store.getSettings(),
      store.getPlanSettings(),
      db.accounts.toArray(),
      db.balanceSnapshots.toArray(),
      db.streams.toArray(),
      db.incomeEvents.toArray(),
      db.streamCosts.toArray(),
      db.cashNeeds.toArray(),
      db.debts.toArray(),
    ]);
    return {
      now,
      tzOffsetMinutes,
      settings,
      planSettings,
      accounts,
      balanceSnapshots: snapshots.map(({ accountId, at, amount }) => ({ accountId, at, amount })),
      streams,
      incomeEvents: events.map(({ streamId, at, amount, period, periodKey }) => ({ streamId, at, amount, period, periodKey })),
      streamCosts,
      cashNeeds,
      debts,
    };
  });
}
