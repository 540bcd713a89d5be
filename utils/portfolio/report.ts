/**
 * Everything the Portfolio view shows, from one replay: drift against the
 * targets, the rebalance plan, harvest candidates, realized gains per year
 * and dividends and interest per year. Runs in the analytics worker.
 */
import { harvest } from './harvest';
import { buildLedger } from './ledger';
import { rebalance } from './rebalance';
import { incomeByYear, realizedByYear } from './realized';
import type { Day, Portfolio, PortfolioReport } from './types';

export function portfolioReport(p: Portfolio, date: Day): PortfolioReport {
  const ledger = buildLedger(p);
  const plan = rebalance(p, ledger, date);
  return {
    currency: p.currency,
    date,
    drift: plan.before,
    rebalance: plan,
    harvest: harvest(p, ledger, date),
    realized: realizedByYear(ledger),
    open: ledger.open,
    incomeByYear: incomeByYear(p),
  };
}
