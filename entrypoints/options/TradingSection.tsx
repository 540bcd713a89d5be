/**
 * The Trading lab (issue 6): a plain statement of what backtests are, the
 * capital at risk against the plan's cap, daily price files, the backtest
 * with its walk-forward check and the learned signal, lab accounts that
 * follow a strategy forward on paper or with real money, and the options
 * income log with its settings. Everything runs in this browser: files are
 * read in the page, the analysis in the analytics worker; no request leaves
 * the machine. The plan comes from the shared computation (usePlan), so the
 * section does not compute it again.
 */
import { useMemo } from 'preact/hooks';
import type { AppSettings } from '@/utils/db/schema';
import { usePlan } from '@/components/usePlan';
import { localToday } from '@/components/usePortfolio';
import { useTradingLab } from '@/components/useTradingLab';
import { TradingAccounts } from './TradingAccounts';
import { TradingBacktest } from './TradingBacktest';
import { TradingOptions } from './TradingOptions';
import { TradingPrices } from './TradingPrices';
import { TradingRisk, tradingRisk } from './TradingRisk';
import { DISCLAIMER } from './tradingText';

export function TradingSection(props: { settings: AppSettings; locale: string }) {
  const { locale } = props;
  const lab = useTradingLab();
  const { data } = lab;
  const plan = usePlan();
  const risk = useMemo(() => (data ? tradingRisk(plan.plan, data, localToday()) : undefined), [plan.plan, data]);
  const currency = plan.plan?.baseCurrency ?? props.settings.baseCurrency;
  // The cap applies to backtests in the plan's currency only.
  const capMinor = risk?.report && risk.report.currency === currency ? risk.report.capMinor : undefined;

  return (
    <section aria-labelledby="trading-heading" class="card" aria-busy={data ? 'false' : 'true'}>
      <h2 id="trading-heading">Trading lab</h2>
      <p class="trading-disclaimer" data-testid="trading-disclaimer">
        {DISCLAIMER}
      </p>
      {lab.error && (
        <p role="alert" class="form-error" data-testid="trading-error">
          {lab.error}
        </p>
      )}
      {plan.error && <p class="muted">The plan is not available ({plan.error}), so the risk cap cannot be shown.</p>}
      {!data && !lab.error && <p aria-busy="true">Loading the lab…</p>}
      {data && risk && (
        <>
          <TradingRisk risk={risk} computing={plan.computing} locale={locale} />
          <TradingPrices symbols={data.symbols} locale={locale} currency={currency} />
          <TradingBacktest lab={lab} symbols={data.symbols} useAdjusted={data.settings.useAdjusted} capMinor={capMinor} currency={currency} locale={locale} />
          <TradingAccounts lab={lab} data={data} baseCurrency={props.settings.baseCurrency} locale={locale} />
          <TradingOptions data={data} locale={locale} />
        </>
      )}
    </section>
  );
}
