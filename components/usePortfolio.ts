import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { db } from '@/utils/db';
import { loadPortfolio } from '@/utils/db/portfolio';
import { startAnalytics } from '@/utils/analytics/client';
import { dayOfTimestamp } from '@/utils/portfolio/dates';
import type { Portfolio, PortfolioReport } from '@/utils/portfolio/types';

/** Today in the person's own calendar, as a Day. */
export function localToday(now = new Date()): number {
  return dayOfTimestamp(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

export interface PortfolioState {
  portfolio: Portfolio | undefined;
  /** The database ids of the portfolio's accounts. */
  accountIds: string[];
  report: PortfolioReport | undefined;
  /** Why the report could not be computed (a sell of more than is held, …), in words. */
  error: string | undefined;
  computing: boolean;
}

/**
 * The stored portfolio, live, and its report from the analytics worker for
 * today (the person's calendar day). A newer change supersedes a computation still
 * running: only the latest answer is shown.
 */
export function usePortfolio(): PortfolioState {
  const [state, setState] = useState<PortfolioState>({ portfolio: undefined, accountIds: [], report: undefined, error: undefined, computing: true });
  useEffect(() => {
    const analytics = startAnalytics();
    let generation = 0;
    const subscription = liveQuery(() => loadPortfolio(db)).subscribe({
      next: ({ portfolio, accountIds }) => {
        const mine = ++generation;
        setState((s) => ({ ...s, portfolio, accountIds, computing: true }));
        analytics.api.portfolioReport(portfolio, localToday()).then(
          (report) => {
            if (mine === generation) setState((s) => ({ ...s, report, error: undefined, computing: false }));
          },
          (error: unknown) => {
            if (mine === generation) setState((s) => ({ ...s, report: undefined, error: error instanceof Error ? error.message : String(error), computing: false }));
          },
        );
      },
      error: (error: unknown) =>
        setState((s) => ({ ...s, error: `Could not read your portfolio: ${error instanceof Error ? error.message : String(error)}`, computing: false })),
    });
    return () => {
      subscription.unsubscribe();
      analytics.terminate();
    };
  }, []);
  return state;
}
