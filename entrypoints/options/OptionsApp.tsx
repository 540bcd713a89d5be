import { resolveLocale, useAppSettings, useApplyTheme } from '@/components/useAppSettings';
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
import { NetWorthSection } from './NetWorthSection';

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
