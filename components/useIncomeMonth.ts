import { useMemo } from 'preact/hooks';
import { db } from '@/utils/db';
import type { AppSettings } from '@/utils/db/schema';
import { incomeForMonth, type MonthIncome } from '@/utils/analytics/income';
import { useLiveQuery } from './useLiveQuery';
import { localTzOffsetMinutes } from './useAppSettings';

/** "2026-11": the calendar month of `at` in the local time zone. */
export function localMonthKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export interface IncomeMonthState {
  income: MonthIncome | undefined;
  error: string | undefined;
}

/**
 * This month's income in the base currency, live: recomputed whenever income
 * events, streams or settings change (utils/analytics/income.ts decides what
 * counts; the sums are small, so they run on the page itself).
 */
export function useIncomeMonth(settings: AppSettings | undefined, now = Date.now()): IncomeMonthState {
  const { value: data, error: readError } = useLiveQuery(async () => {
    const [events, streams] = await Promise.all([db.incomeEvents.toArray(), db.streams.toArray()]);
    return { events, streams };
  });
  const month = localMonthKey(now);
  return useMemo((): IncomeMonthState => {
    if (readError) return { income: undefined, error: `Could not read your income: ${readError.message}` };
    if (!data || !settings) return { income: undefined, error: undefined };
    try {
      const income = incomeForMonth(
        data.events.map(({ streamId, at, amount, period, periodKey }) => ({ streamId, at, amount, period, periodKey })),
        month,
        settings.baseCurrency,
        settings.rates,
        localTzOffsetMinutes(now),
        data.streams.map(({ id, layer }) => ({ id, layer })),
      );
      return { income, error: undefined };
    } catch (error) {
      return { income: undefined, error: `This month's income could not be computed: ${String(error)}` };
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, settings, readError, month]);
}
