/**
 * Portfolio: allocation against target with drift per class, the rebalance
 * plan, harvest candidates with their wash-sale verdicts, realized gains,
 * and the holdings, trades, prices, targets and settings they come from.
 * The figures come from the analytics worker (utils/portfolio/report.ts).
 */
import { useMemo } from 'preact/hooks';
import type { AppSettings } from '@/utils/db/schema';
import { usePortfolio } from '@/components/usePortfolio';
import { PortfolioFile } from './PortfolioFile';
import { PortfolioHoldings } from './PortfolioHoldings';
import { PortfolioReportView } from './PortfolioReportView';
import { PortfolioTargets } from './PortfolioTargets';

export function PortfolioSection(props: { settings: AppSettings; locale: string }) {
  const state = usePortfolio();
  const { portfolio, report } = state;
  const accountNames = useMemo(() => Object.fromEntries((portfolio?.accounts ?? []).map((a) => [a.id, a.name])), [portfolio]);
  return (
    <section aria-labelledby="portfolio-heading" class="card" aria-busy={state.computing ? 'true' : 'false'}>
      <h2 id="portfolio-heading">Portfolio</h2>
      <p class="muted">
        Holdings across every account you hold, drift against your targets (checked daily; the toolbar badge shows a class outside its band),
        the trades that bring it back, and losses worth harvesting without tripping the wash-sale rule. Estimates, not tax advice.
      </p>
      {state.error && (
        <p role="alert" class="form-error" data-testid="portfolio-error">
          {state.error}
        </p>
      )}
      {state.computing && !report && <p aria-busy="true">Computing…</p>}
      {portfolio && portfolio.accounts.length === 0 && (
        <p class="muted">Add an account with a tax type (taxable, tax-deferred or tax-free) under Accounts, or import a portfolio file below.</p>
      )}
      {report && portfolio && (portfolio.lots.length > 0 || portfolio.trades.length > 0) && <PortfolioReportView report={report} locale={props.locale} accountNames={accountNames} />}
      {portfolio && (
        <>
          <PortfolioHoldings portfolio={portfolio} report={report} locale={props.locale} />
          <PortfolioTargets portfolio={portfolio} locale={props.locale} />
        </>
      )}
      <PortfolioFile />
    </section>
  );
}
