/** The plan's input from a backup (`strata plan BACKUP.json`): the same records the extension reads from IndexedDB. */
import type { PlanInput } from '@/utils/analytics/plan-types';
import { DEFAULT_SETTINGS } from '@/utils/db/schema';
import { defaultPlanSettings } from '@/utils/db/schema-plan';
import type { Backup } from './format';

export function planInputFromBackup(backup: Backup, now: number, tzOffsetMinutes: number): PlanInput {
  const { tables } = backup;
  const stored = tables.settings.find((s) => s.key === 'app');
  const settings = { ...DEFAULT_SETTINGS, ...stored, rates: { ...(stored?.rates ?? {}) } };
  const storedPlan = tables.planSettings.find((p) => p.key === 'plan');
  const planSettings = { ...defaultPlanSettings(settings.baseCurrency), ...storedPlan, key: 'plan' as const };
  return {
    now,
    tzOffsetMinutes,
    settings,
    planSettings,
    accounts: tables.accounts,
    balanceSnapshots: tables.balanceSnapshots,
    streams: tables.streams,
    incomeEvents: tables.incomeEvents,
    streamCosts: tables.streamCosts,
    cashNeeds: tables.cashNeeds,
    debts: tables.debts,
  };
}
