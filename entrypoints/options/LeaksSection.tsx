/**
 * Leaks: the charges that repeat (subscriptions and the like) found in the
 * imported bank and card transactions — what they cost a year, what could be
 * saved by cancelling the unused ones and the duplicates, the price rises —
 * and the transaction categories with the person's rules and the classifier
 * that learns from their labels. Everything is worked out in this browser's
 * analytics worker (components/useLeaks.ts); nothing leaves the machine.
 */
import { useMemo, useState } from 'preact/hooks';
import { db } from '@/utils/db';
import type { AppSettings } from '@/utils/db/schema';
import type { LeakReport } from '@/utils/analytics/leak-types';
import { formatMoney } from '@/utils/money';
import { accountLabel } from '@/utils/labels';
import { useLeaks } from '@/components/useLeaks';
import { useLiveQuery } from '@/components/useLiveQuery';
import { LeaksCategories } from './LeaksCategories';
import { LeaksRecurring } from './LeaksRecurring';
import { dayText, duplicateText, excludedText, priceRiseText, savingsText } from './leaksText';

/** How many merchants the bar chart shows. */
const CHART_TOP = 10;

export function LeaksSection(props: { settings: AppSettings; locale: string }) {
  const { locale } = props;
  const leaks = useLeaks(props.settings);
  const { report, transactions } = leaks;
  const accounts = useLiveQuery(() => db.accounts.toArray());
  const accountNames = useMemo(() => Object.fromEntries((accounts.value ?? []).map((a) => [a.id, accountLabel(a)])), [accounts.value]);
  const [actionError, setActionError] = useState<string | undefined>(undefined);
  const empty = transactions !== undefined && transactions.length === 0;

  return (
    <section aria-labelledby="leaks-heading" class="card" aria-busy={leaks.computing ? 'true' : 'false'}>
      <h2 id="leaks-heading">Leaks</h2>
      <p class="muted">
        Charges that repeat — subscriptions, memberships, plans — found in your imported bank and card transactions: what they cost a year,
        which ones you could cancel, and which got dearer. Worked out in this browser; nothing is sent anywhere.
      </p>
      <p aria-live="polite" class="muted" data-testid="leaks-status">
        {leaks.computing && !empty ? 'Looking for recurring charges…' : ''}
      </p>
      {leaks.error && (
        <p role="alert" class="form-error" data-testid="leaks-error">
          {leaks.error}
        </p>
      )}
      {actionError && (
        <p role="alert" class="form-error">
          {actionError}
        </p>
      )}
      {empty && (
        <p class="muted" data-testid="leaks-empty">
          No transactions yet. <a href="#import-heading">Import the transactions of your bank or card</a> (the CSV file their website lets you
          download) and Strata finds the charges that repeat.
        </p>
      )}
      {report && !empty && (
        <>
          <LeaksHeadline report={report} locale={locale} />
          <LeaksRecurring report={report} marks={leaks.marks ?? []} accountNames={accountNames} locale={locale} onError={setActionError} />
          <LeaksBars report={report} locale={locale} />
          <LeaksDuplicates report={report} locale={locale} />
          <LeaksPriceRises report={report} locale={locale} />
        </>
      )}
      {transactions && !empty && (
        <LeaksCategories
          transactions={transactions}
          rules={leaks.rules ?? []}
          guesses={leaks.guesses}
          trainedOn={leaks.trainedOn}
          categories={leaks.categories ?? []}
          accountNames={accountNames}
          locale={locale}
        />
      )}
    </section>
  );
}

function LeaksHeadline(props: { report: LeakReport; locale: string }) {
  const { report, locale } = props;
  const excluded = excludedText(report.excludedCurrencies);
  return (
    <>
      <dl class="trading-figures">
        <div>
          <dt>Recurring charges a year</dt>
          <dd data-testid="leaks-yearly-total" style="font-size:1.4rem">
            {formatMoney(report.yearlyTotal, locale)}
          </dd>
        </div>
        <div>
          <dt>Could be saved a year</dt>
          <dd data-testid="leaks-savings" style="font-size:1.4rem">
            {formatMoney(report.yearlySavings, locale)}
          </dd>
        </div>
      </dl>
      <p class="muted" style="margin-top:0">
        {savingsText(report, locale)}
      </p>
      {excluded && (
        <p role="note" class="form-error" data-testid="leaks-excluded">
          {excluded} <a href="#settings-heading">Go to Settings</a>
        </p>
      )}
    </>
  );
}

/**
 * Yearly cost per merchant, the dearest ten, as a list of bars: the names and
 * amounts are text, the bars only draw them. Charges in another currency than
 * the base one are left out (their bars would not compare).
 */
function LeaksBars(props: { report: LeakReport; locale: string }) {
  const { report, locale } = props;
  const inBase = report.recurring.filter((r) => r.active && r.yearlyCost.currency === report.baseCurrency);
  const top = inBase.slice(0, CHART_TOP);
  if (top.length === 0) return null;
  const largest = Math.max(...top.map((r) => r.yearlyCost.minor), 1);
  const others = report.recurring.some((r) => r.active && r.yearlyCost.currency !== report.baseCurrency);
  return (
    <figure data-testid="leaks-chart" style="margin:1rem 0">
      <figcaption>
        <h3 style="margin:0 0 0.4rem">What each costs a year{inBase.length > CHART_TOP ? ` (the ${CHART_TOP} dearest)` : ''}</h3>
      </figcaption>
      <ol style="list-style:none;padding:0;margin:0">
        {top.map((r) => (
          <li key={r.key} style="display:grid;grid-template-columns:minmax(6rem,12rem) 1fr auto;gap:0.5rem;align-items:center;margin:0.2rem 0">
            <span style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap">{r.merchant}</span>
            <span aria-hidden="true" class="trading-bar" style={`width:${Math.max(0.5, (r.yearlyCost.minor / largest) * 100)}%`} />
            <span class="num" style="font-variant-numeric:tabular-nums">
              {formatMoney(r.yearlyCost, locale)}
              <span class="visually-hidden"> a year</span>
            </span>
          </li>
        ))}
      </ol>
      {others && <p class="muted">Charges in other currencies are in the table above, not in this chart.</p>}
    </figure>
  );
}

function LeaksDuplicates(props: { report: LeakReport; locale: string }) {
  const { report, locale } = props;
  const merchantOf = (key: string) => report.recurring.find((r) => r.key === key)?.merchant;
  return (
    <div data-testid="leaks-duplicates">
      <h3>Paying twice?</h3>
      {report.duplicates.length === 0 ? (
        <p class="muted">No duplicate subscriptions found.</p>
      ) : (
        <ul>
          {report.duplicates.map((d) => {
            const text = duplicateText(d, merchantOf);
            return (
              <li key={`${d.kind}:${d.keys.join('+')}`} data-testid={`leak-duplicate-${d.keys.join('+')}`}>
                <strong>{text.title}</strong> — {text.reason}{' '}
                {d.yearlySaving.minor > 0 && <span>Keeping only the cheapest saves {formatMoney(d.yearlySaving, locale)} a year.</span>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function LeaksPriceRises(props: { report: LeakReport; locale: string }) {
  const { report, locale } = props;
  return (
    <div data-testid="leaks-price-rises">
      <h3>Price rises</h3>
      {report.priceRises.length === 0 ? (
        <p class="muted">No recurring charge got dearer.</p>
      ) : (
        <div class="scroll-box" tabIndex={0}>
          <table>
            <caption class="visually-hidden">Recurring charges that got dearer</caption>
            <thead>
              <tr>
                <th scope="col">Merchant</th>
                <th scope="col">Since</th>
                <th scope="col" class="num">
                  Price
                </th>
                <th scope="col" class="num">
                  Increase
                </th>
                <th scope="col" class="num">
                  A year
                </th>
              </tr>
            </thead>
            <tbody>
              {report.priceRises.map((rise) => {
                const text = priceRiseText(rise, locale);
                return (
                  <tr key={`${rise.key}:${rise.date}`} data-testid={`leak-price-rise-${rise.key}`}>
                    <th scope="row">{rise.merchant}</th>
                    <td>{dayText(rise.date, locale)}</td>
                    <td class="num">{text.change}</td>
                    <td class="num negative">{text.increase}</td>
                    <td class="num negative">{text.yearly}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
