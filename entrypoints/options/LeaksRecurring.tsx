/**
 * The recurring charges table: one row per merchant that charges at a steady
 * interval, dearest first, with its charge history on demand; the person
 * marks a charge unused (it counts as a saving) or "not a subscription" (it
 * leaves every list and waits under "Not subscriptions" to be restored).
 */
import { useState } from 'preact/hooks';
import { store } from '@/utils/db';
import type { LeakMark } from '@/utils/db/schema-import';
import type { LeakReport, RecurringCharge } from '@/utils/analytics/leak-types';
import { formatMoney } from '@/utils/money';
import { accountsText, chargeCountText, dayText, nextExpectedText, PERIOD_LABELS } from './leaksText';

/** Rows shown before "Show all". */
const FIRST_ROWS = 100;
/** Charges shown in one row's history (newest first). */
const HISTORY_ROWS = 60;

export function LeaksRecurring(props: {
  report: LeakReport;
  marks: readonly LeakMark[];
  accountNames: Readonly<Record<string, string>>;
  locale: string;
  onError: (message: string | undefined) => void;
}) {
  const { report, locale } = props;
  const [showAll, setShowAll] = useState(false);
  const ignored = props.marks.filter((m) => m.mark === 'ignored').sort((a, b) => a.id.localeCompare(b.id));
  const rows = showAll ? report.recurring : report.recurring.slice(0, FIRST_ROWS);

  const mark = async (key: string, value: 'unused' | 'ignored' | undefined) => {
    try {
      await store.setLeakMark(key, value);
      props.onError(undefined);
      return true;
    } catch (error) {
      props.onError(`Could not save that mark: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };

  return (
    <div>
      <h3>Recurring charges</h3>
      {report.recurring.length === 0 ? (
        <p class="muted" data-testid="leaks-recurring">
          No charges that repeat at a steady interval were found in your transactions.
        </p>
      ) : (
        <div class="scroll-box" tabIndex={0}>
          <table data-testid="leaks-recurring">
            <caption class="visually-hidden">Recurring charges, dearest first</caption>
            <thead>
              <tr>
                <th scope="col">Merchant</th>
                <th scope="col">Every</th>
                <th scope="col" class="num">
                  Latest
                </th>
                <th scope="col" class="num">
                  A year
                </th>
                <th scope="col">Last charge</th>
                <th scope="col">Next expected</th>
                <th scope="col">Accounts</th>
                <th scope="col">Category</th>
                <th scope="col">Yours to decide</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <RecurringRow key={r.key} charge={r} asOf={report.asOf} accountNames={props.accountNames} locale={locale} onMark={mark} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.recurring.length > FIRST_ROWS && (
        <button type="button" onClick={() => setShowAll((s) => !s)} aria-expanded={showAll ? 'true' : 'false'}>
          {showAll ? `Show the first ${FIRST_ROWS}` : `Show all ${report.recurring.length}`}
        </button>
      )}
      {ignored.length > 0 && (
        <details data-testid="leaks-ignored" style="margin-top:0.5rem">
          <summary>Not subscriptions ({ignored.length})</summary>
          <p class="muted">You said these are not subscriptions; they are left out of every list and total.</p>
          <ul>
            {ignored.map((m) => (
              <li key={m.id} data-testid={`leak-ignored-${m.id}`}>
                {m.id}{' '}
                <button type="button" data-testid={`leak-restore-${m.id}`} onClick={() => void mark(m.id, undefined)}>
                  Restore<span class="visually-hidden"> {m.id}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function RecurringRow(props: {
  charge: RecurringCharge;
  asOf: string;
  accountNames: Readonly<Record<string, string>>;
  locale: string;
  onMark: (key: string, value: 'unused' | 'ignored' | undefined) => Promise<boolean>;
}) {
  const { charge: r, locale } = props;
  const [open, setOpen] = useState(false);
  const historyId = `leak-history-${r.key.replace(/[^a-z0-9-]/g, '_')}`;
  const history = [...r.charges].reverse().slice(0, HISTORY_ROWS);
  return (
    <>
      <tr data-testid={`leak-row-${r.key}`} class={r.active ? undefined : 'muted'}>
        <th scope="row">
          {r.merchant}
          <br />
          <button
            type="button"
            aria-expanded={open ? 'true' : 'false'}
            aria-controls={historyId}
            data-testid={`leak-history-toggle-${r.key}`}
            style="font-size:0.8rem;padding:0.1rem 0.4rem;margin-top:0.2rem"
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Hide' : 'Show'} {chargeCountText(r.charges.length)}
            <span class="visually-hidden"> of {r.merchant}</span>
          </button>
        </th>
        <td>{PERIOD_LABELS[r.period]}</td>
        <td class="num">{formatMoney(r.amount, locale)}</td>
        <td class="num">{formatMoney(r.yearlyCost, locale)}</td>
        <td>{dayText(r.lastDate, locale)}</td>
        <td data-testid={`leak-next-${r.key}`}>{nextExpectedText(r, props.asOf, locale)}</td>
        <td>{accountsText(r.accounts, props.accountNames)}</td>
        <td>{r.category ?? <span class="muted">—</span>}</td>
        <td>
          <label style="display:inline-flex;gap:0.3rem;align-items:center;margin-right:0.5rem">
            <input
              type="checkbox"
              data-testid={`leak-unused-${r.key}`}
              checked={r.unused}
              onChange={(e) => {
                const box = e.currentTarget;
                // A refused write puts the box back to what is stored.
                void props.onMark(r.key, box.checked ? 'unused' : undefined).then((saved) => {
                  if (!saved) box.checked = r.unused;
                });
              }}
            />
            Unused<span class="visually-hidden"> ({r.merchant})</span>
          </label>
          <button type="button" data-testid={`leak-ignore-${r.key}`} onClick={() => void props.onMark(r.key, 'ignored')}>
            Not a subscription<span class="visually-hidden"> ({r.merchant})</span>
          </button>
        </td>
      </tr>
      <tr id={historyId} hidden={!open}>
        {open && (
          <td colSpan={9}>
            <div class="scroll-box" tabIndex={0}>
              <table data-testid={`leak-charges-${r.key}`} style="width:auto">
                <caption style="text-align:left" class="muted">
                  {r.merchant}: charges from {dayText(r.firstDate, locale)} to {dayText(r.lastDate, locale)}
                  {r.charges.length > HISTORY_ROWS ? ` (the latest ${HISTORY_ROWS} of ${r.charges.length})` : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col" class="num">
                      Amount
                    </th>
                    <th scope="col">Account</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((c) => (
                    <tr key={c.id}>
                      <td>{dayText(c.date, locale)}</td>
                      <td class="num">{formatMoney(c.amount, locale)}</td>
                      <td>{c.accountId ? (props.accountNames[c.accountId] ?? c.accountId) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </td>
        )}
      </tr>
    </>
  );
}
