import { formatMoney } from '@/utils/money';
import { NetWorthChart } from '@/components/NetWorthChart';
import type { AppSettings } from '@/utils/db/schema';
import { useNetWorth } from '@/components/useNetWorth';

/** Net worth: the latest total in the heading and the chart stacked by layer (options page and the site's demo). */
export function NetWorthSection(props: { settings: AppSettings; locale: string }) {
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
