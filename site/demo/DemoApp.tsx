/**
 * The live demo: the options page's sections, unchanged, on the demo
 * household in this site's IndexedDB. The analytics run in the same Web
 * Worker as in the extension (components/use*.ts start it). Sections that
 * only make sense inside the extension — site access, backups and imports of
 * the visitor's own files — are left out.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { resolveLocale, useAppSettings, useApplyTheme } from '@/components/useAppSettings';
import { ConfirmButton } from '@/components/ConfirmButton';
import { AccountsSection } from '@/entrypoints/options/AccountsSection';
import { BalancesSection } from '@/entrypoints/options/BalancesSection';
import { BudgetSection } from '@/entrypoints/options/BudgetSection';
import { IncomeSection } from '@/entrypoints/options/IncomeSection';
import { LeaksSection } from '@/entrypoints/options/LeaksSection';
import { NetWorthSection } from '@/entrypoints/options/NetWorthSection';
import { PlanSection } from '@/entrypoints/options/PlanSection';
import { PortfolioSection } from '@/entrypoints/options/PortfolioSection';
import { SettingsSection } from '@/entrypoints/options/SettingsSection';
import { StreamsSection } from '@/entrypoints/options/StreamsSection';
import { TradingSection } from '@/entrypoints/options/TradingSection';
import { ensureDemo, resetDemo, type DemoLoadStep } from './load';

const STEP_TEXT: Record<DemoLoadStep, string> = {
  checking: 'Opening this browser’s demo data…',
  generating: 'Generating three years of the sample household…',
  saving: 'Saving the sample records into this browser’s IndexedDB…',
  ready: 'Ready.',
};
const STEP_VALUE: Record<DemoLoadStep, number> = { checking: 0.1, generating: 0.3, saving: 0.7, ready: 1 };

export function DemoApp() {
  const [step, setStep] = useState<DemoLoadStep>('checking');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [resetting, setResetting] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  // After a reset the banner is drawn again: focus its outcome once it is there.
  const [focusStatus, setFocusStatus] = useState(false);
  useEffect(() => {
    if (focusStatus && statusRef.current) {
      statusRef.current.focus();
      setFocusStatus(false);
    }
  });

  useEffect(() => {
    ensureDemo(Date.now(), setStep).then(
      (outcome) => setStatus(outcome.loaded ? `Sample household loaded: ${countRecords(outcome.restored)} records.` : 'Your demo household from an earlier visit, as you left it.'),
      (e: unknown) => setError(`The demo could not be loaded: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, []);

  async function reset() {
    setResetting(true);
    setError(undefined);
    try {
      const outcome = await resetDemo(Date.now(), setStep);
      setStatus(`Demo reset: the sample household is back (${countRecords(outcome.restored)} records, up to today).`);
    } catch (e) {
      setError(`The demo could not be reset: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setResetting(false);
      setFocusStatus(true);
    }
  }

  if (error) {
    return (
      <p role="alert" class="form-error" data-testid="demo-error">
        {error}
      </p>
    );
  }
  if (step !== 'ready' || resetting) {
    return (
      <div role="status" aria-live="polite" data-testid="demo-loading" class="card">
        <label for="demo-progress">{STEP_TEXT[step]}</label>
        <progress id="demo-progress" max={1} value={STEP_VALUE[step]} style="display:block;width:100%;max-width:28rem" />
      </div>
    );
  }
  return (
    <>
      <div class="card demo-banner" data-testid="demo-banner">
        <p ref={statusRef} tabIndex={-1} role="status" data-testid="demo-status" style="margin:0 0 0.5rem">
          {status}
        </p>
        <ConfirmButton
          label="Reset demo"
          question="Put the sample household back, losing your changes?"
          confirmLabel="Reset demo"
          onConfirm={reset}
        />
      </div>
      <Dashboard />
    </>
  );
}

function countRecords(restored: Record<string, number>): string {
  return new Intl.NumberFormat().format(Object.values(restored).reduce((sum, n) => sum + n, 0));
}

/** The sections, in the options page's order. */
function Dashboard() {
  const settings = useAppSettings();
  useApplyTheme(settings);
  if (!settings) return <p aria-busy="true">Loading…</p>;
  const locale = resolveLocale(settings);
  return (
    <div class="demo-dashboard">
      <nav aria-label="Demo sections" class="section-nav">
        <a href="#plan-heading">Plan</a>
        <a href="#networth-heading">Net worth</a>
        <a href="#income-heading">Income</a>
        <a href="#portfolio-heading">Portfolio</a>
        <a href="#trading-heading">Trading lab</a>
        <a href="#leaks-heading">Leaks</a>
        <a href="#streams-heading">Streams</a>
        <a href="#budget-heading">Budget</a>
        <a href="#accounts-heading">Accounts</a>
        <a href="#settings-heading">Settings</a>
      </nav>
      <PlanSection settings={settings} locale={locale} />
      <NetWorthSection settings={settings} locale={locale} />
      <IncomeSection settings={settings} locale={locale} />
      <PortfolioSection settings={settings} locale={locale} />
      <TradingSection settings={settings} locale={locale} />
      <LeaksSection settings={settings} locale={locale} />
      <StreamsSection settings={settings} locale={locale} />
      <BudgetSection settings={settings} locale={locale} />
      <AccountsSection baseCurrency={settings.baseCurrency} />
      <BalancesSection locale={locale} />
      <SettingsSection settings={settings} />
    </div>
  );
}
