import { useEffect, useRef, useState } from 'preact/hooks';
import { db } from '@/utils/db';
import type { AppSettings } from '@/utils/db/schema';
import { startAnalytics } from '@/utils/analytics/client';
import type { NetWorthSeries } from '@/utils/analytics/netWorth';
import { useLiveQuery } from './useLiveQuery';
import { localTzOffsetMinutes } from './useAppSettings';

export interface NetWorthState {
  series: NetWorthSeries | undefined;
  error: string | undefined;
  /** True while the worker recomputes after a change. */
  computing: boolean;
}

/**
 * The net-worth series, recomputed in the analytics worker whenever accounts,
 * snapshots or settings change. Answers that arrive out of order are dropped.
 */
export function useNetWorth(settings: AppSettings | undefined): NetWorthState {
  const { value: data, error: readError } = useLiveQuery(async () => {
    const [accounts, snapshots] = await Promise.all([db.accounts.toArray(), db.balanceSnapshots.toArray()]);
    return { accounts, snapshots };
  });
  const [state, setState] = useState<NetWorthState>({ series: undefined, error: undefined, computing: true });
  const analytics = useRef<ReturnType<typeof startAnalytics> | undefined>(undefined);
  const generation = useRef(0);

  useEffect(() => {
    analytics.current = startAnalytics();
    return () => analytics.current?.terminate();
  }, []);

  useEffect(() => {
    if (readError) {
      setState({ series: undefined, error: `Could not read your data: ${readError.message}`, computing: false });
      return;
    }
    if (!data || !settings || !analytics.current) return;
    const mine = ++generation.current;
    setState((s) => ({ ...s, computing: true }));
    const now = Date.now();
    analytics.current.api
      .netWorthSeries({
        accounts: data.accounts.map(({ id, layer, currency, archivedAt }) => ({ id, layer, currency, archivedAt })),
        snapshots: data.snapshots.map(({ accountId, at, amount }) => ({ accountId, at, amount })),
        baseCurrency: settings.baseCurrency,
        rates: settings.rates,
        now,
        tzOffsetMinutes: localTzOffsetMinutes(now),
      })
      .then(
        (series) => {
          if (mine === generation.current) setState({ series, error: undefined, computing: false });
        },
        (error: unknown) => {
          if (mine === generation.current)
            setState({ series: undefined, error: `Net worth could not be computed: ${String(error)}`, computing: false });
        },
      );
  }, [data, settings, readError]);

  return state;
}
