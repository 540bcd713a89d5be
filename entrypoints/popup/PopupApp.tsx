import { useMemo } from 'preact/hooks';
import { summarizeNetWorth } from '@/utils/analytics/netWorth';
import { formatMoney } from '@/utils/money';
import { Sparkline } from '@/components/Sparkline';
import { resolveLocale, useAppSettings, useApplyTheme } from '@/components/useAppSettings';
import { useNetWorth } from '@/components/useNetWorth';
import { useIncomeMonth } from '@/components/useIncomeMonth';
import { CaptureActions } from './CaptureActions';
import { PopupPlan } from './PopupPlan';
import { PopupLeaks } from './PopupLeaks';

const CHANGE_DAYS = 30;

export function PopupApp() {
  const settings = useAppSettings();
  useApplyTheme(settings);
  const locale = resolveLocale(settings);
  const { series, error, computing } = useNetWorth(settings);
  const { income, error: incomeError } = useIncomeMonth(settings);
  const summary = useMemo(() => (series ? summarizeNetWorth(series, CHANGE_DAYS) : undefined), [series]);
  const recent = useMemo(() => {
    if (!series) return undefined;
    const start = Math.max(0, series.days.length - (CHANGE_DAYS + 1));
    return { days: series.days.slice(start), values: series.total.slice(start) };
  }, [series]);

  const currency = series?.baseCurrency ?? settings?.baseCurrency ?? 'USD';
  const money = (minor: number, signed = false) =>
    formatMoney({ minor, currency }, locale, signed ? { signDisplay: 'exceptZero' } : undefined);

  return (
    <main style="width:320px;padding:0.75rem 1rem" aria-busy={computing ? 'true' : 'false'}>
      <h1 style="font-size:1rem;margin:0 0 0.5rem">Strata</h1>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      <section aria-labelledby="nw-heading">
        <h2 id="nw-heading" class="muted" style="font-size:0.85rem;margin:0">
          Net worth
        </h2>
        <p data-testid="net-worth" style="font-size:1.8rem;font-weight:700;margin:0.1rem 0;font-variant-numeric:tabular-nums">
          {summary ? money(summary.now) : computing ? '…' : money(0)}
        </p>
        <p data-testid="net-worth-change" style="margin:0">
          {summary?.change === undefined ? (
            <span class="muted">No balance from {CHANGE_DAYS} days ago yet</span>
          ) : (
            <>
              <span class={summary.change < 0 ? 'negative' : 'positive'}>{money(summary.change, true)}</span>
              {summary.changeRatio !== undefined && (
                <span class="muted">
                  {' '}
                  ({new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(summary.changeRatio)})
                </span>
              )}{' '}
              over {CHANGE_DAYS} days
            </>
          )}
        </p>
      </section>
      {recent && recent.days.length > 1 && (
        <Sparkline days={recent.days} values={recent.values} label={`Net worth over the last ${CHANGE_DAYS} days`} />
      )}
      {series && series.excluded.length > 0 && (
        <p role="note" class="form-error">
          Not counted: {series.excluded.length} account{series.excluded.length > 1 ? 's' : ''} in{' '}
          {[...new Set(series.excluded.map((e) => e.currency))].join(', ')} — set an exchange rate in Settings.
        </p>
      )}
      {series && series.days.length === 0 && <p class="muted">No balances yet. Add your accounts in Strata.</p>}
      <section aria-labelledby="income-heading" style="margin-top:0.75rem">
        <h2 id="income-heading" class="muted" style="font-size:0.85rem;margin:0">
          Income this month
        </h2>
        {incomeError ? (
          <p role="alert" class="form-error">
            {incomeError}
          </p>
        ) : (
          <>
            <p data-testid="income-month" style="font-size:1.3rem;font-weight:700;margin:0.1rem 0;font-variant-numeric:tabular-nums">
              {income ? formatMoney({ minor: income.total, currency: income.baseCurrency }, locale) : '…'}
            </p>
            {income && Object.keys(income.byStream).length === 0 && (
              <p class="muted" data-testid="income-month-note" style="margin:0">
                No income recorded this month
              </p>
            )}
            {income && income.excluded.length > 0 && (
              <p role="note" class="form-error" style="margin:0">
                Not counted: income in {[...new Set(income.excluded.map((e) => e.currency))].join(', ')} — set an exchange rate in Settings.
              </p>
            )}
          </>
        )}
      </section>
      <PopupPlan locale={locale} />
      {settings && <PopupLeaks settings={settings} locale={locale} />}
      <CaptureActions />
      <p style="margin-bottom:0">
        <a href="/options.html" target="_blank">
          Open Strata
        </a>
      </p>
    </main>
  );
}
