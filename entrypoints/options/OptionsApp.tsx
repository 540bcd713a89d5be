import { formatMoney } from '@/utils/money';
import { NetWorthChart } from '@/components/NetWorthChart';
import { resolveLocale, useAppSettings, useApplyTheme } from '@/components/useAppSettings';
import { useNetWorth } from '@/components/useNetWorth';
import { AccountsSection } from './AccountsSection';
import { BudgetSection } from './BudgetSection';
import { IncomeSection } from './IncomeSection';
import { PlanSection } from './PlanSection';
import { PortfolioSection } from './PortfolioSection';
import { StreamsSection } from './StreamsSection';
import { TradingSection } from './TradingSection';
import { BalancesSection } from './BalancesSection';
import { SettingsSection } from './SettingsSection';
import { SourcesSection } from './SourcesSection';
import { ImportSection } from './ImportSection';
import { BackupSection } from './BackupSection';
import { LeaksSection } from './LeaksSection';

export function OptionsApp() {
  const settings = useAppSettings();
  useApplyTheme(settings);
  if (!settings) return <p aria-busy="true">Loading…</p>;
  const locale = resolveLocale(settings);
  return (
    <main style="max-width:1100px;margin:0 auto;padding:1rem 1.5rem">
      <h1>Strata</h1>
      <p class="muted">Everything here stays in this browser. Nothing is sent anywhere.</p>
      <nav aria-label="Sections" class="section-nav">
        <a href="#plan-heading">Plan</a>
        <a href="#income-heading">Income</a>
        <a href="#portfolio-heading">Portfolio</a>
        <a href="#trading-heading">Trading lab</a>
        <a href="#leaks-heading">Leaks</a>
        <a href="#import-heading">Import</a>
        <a href="#networth-heading">Net worth</a>
        <a href="#streams-heading">Streams</a>
        <a href="#budget-heading">Budget</a>
        <a href="#accounts-heading">Accounts</a>
        <a href="#sources-heading">Sources</a>
        <a href="#backup-heading">Backup</a>
        <a href="#settings-heading">Settings</a>
      </nav>
      <PlanSection settings={settings} locale={locale} />
      <IncomeSection settings={settings} locale={locale} />
      <PortfolioSection settings={settings} locale={locale} />
      <TradingSection settings={settings} locale={locale} />
      <LeaksSection settings={settings} locale={locale} />
      <ImportSection settings={settings} locale={locale} />
      <NetWorthSection settings={settings} locale={locale} />
      <StreamsSection settings={settings} locale={locale} />
      <BudgetSection settings={settings} locale={locale} />
      <AccountsSection baseCurrency={settings.baseCurrency} />
      <BalancesSection locale={locale} />
      <SourcesSection />
      <BackupSection locale={locale} />
      <SettingsSection settings={settings} />
    </main>
  );
}

function NetWorthSection(props: { settings: NonNullable<ReturnType<typeof useAppSettings>>; locale: string }) {
  const { series, error, computing } = useNetWorth(props.settings);
  const last = series && series.total.length ? series.total[series.total.length - 1]! : undefined;
  return (
    <section aria-labelledby="networth-heading" class="card" aria-busy={computing ? 'true' : 'false'}>
      <h2 id="networth-heading">
        Net worth
        {last !== undefined && (
          <span data-testid="options-net-worth" style="margin-left:0.75rem;font-variant-numeric:tabular-nums">
            {formatMoney({ minor: last, currency: series!.baseCurrency }, props.locale)}
          </span>
        )}
      </h2>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {series && series.excluded.length > 0 && (
        <p role="note" class="form-error">
          Not counted, for want of an exchange rate: {series.excluded.map((e) => `${e.currency} (${e.reason})`).join('; ')}. Set the rate under
          Settings.
        </p>
      )}
      {series && series.days.length > 0 ? (
        <NetWorthChart series={series} locale={props.locale} />
      ) : (
        !computing && <p class="muted">Add an account and a balance to see your net worth over time.</p>
      )}
    </section>
  );
}
