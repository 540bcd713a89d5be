import { useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import { listAccounts, snapshotsForAccount } from '@/utils/db/queries';
import type { Account, BalanceSnapshot } from '@/utils/db/schema';
import { formatMoney, toDecimalString } from '@/utils/money';
import { toDateInput } from '@/utils/forms/dates';
import { toFieldErrors } from '@/utils/forms/errors';
import { readSnapshotForm } from '@/utils/forms/snapshot';
import { accountLabel } from '@/utils/labels';
import { ConfirmButton } from '@/components/ConfirmButton';
import { Field, FormOutcome } from '@/components/Field';
import { localTzOffsetMinutes } from '@/components/useAppSettings';
import { useLiveQuery } from '@/components/useLiveQuery';

const SOURCE_LABELS: Record<BalanceSnapshot['source'], string> = {
  manual: 'Entered by hand',
  capture: 'Captured',
  import: 'Imported',
};

function today(): string {
  return toDateInput(Date.now(), localTzOffsetMinutes());
}

export function BalancesSection(props: { locale: string }) {
  const { value: accounts } = useLiveQuery(() => listAccounts(db, { includeArchived: false }));
  const [shown, setShown] = useState<string | undefined>(undefined);
  const active = accounts ?? [];
  const shownAccount = active.find((a) => a.id === shown) ?? active[0];

  return (
    <section aria-labelledby="balances-heading" class="card">
      <h2 id="balances-heading">Balances</h2>
      {active.length === 0 ? (
        <p class="muted">Add an account first; then record its balance here.</p>
      ) : (
        <>
          <AddBalanceForm accounts={active} locale={props.locale} onSaved={(id) => setShown(id)} />
          <div class="form-row" style="margin-top:1rem">
            <Field id="history-account" label="Show balances of">
              {(aria) => (
                <select {...aria} value={shownAccount?.id} onChange={(e) => setShown(e.currentTarget.value)}>
                  {active.map((a) => (
                    <option value={a.id}>{accountLabel(a)}</option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {shownAccount && <BalanceHistory account={shownAccount} locale={props.locale} />}
        </>
      )}
    </section>
  );
}

function AddBalanceForm(props: { accounts: Account[]; locale: string; onSaved: (accountId: string) => void }) {
  const [accountId, setAccountId] = useState(props.accounts[0]!.id);
  const [amountText, setAmountText] = useState('');
  const [dateText, setDateText] = useState(today());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const account = props.accounts.find((a) => a.id === accountId) ?? props.accounts[0]!;

  async function submit(event: Event) {
    event.preventDefault();
    setStatus('');
    const now = Date.now();
    const tzOffsetMinutes = localTzOffsetMinutes(now);
    const read = readSnapshotForm({ amountText, dateText, currency: account.currency, locale: props.locale, now, tzOffsetMinutes });
    if (!read.ok) {
      setErrors(read.errors as Record<string, string>);
      setGeneral(undefined);
      return;
    }
    try {
      // One manual balance per account and day: a second entry for the same
      // day corrects the first instead of sitting beside it.
      const sameDay = (await snapshotsForAccount(db, account.id)).find(
        (s) => s.source === 'manual' && toDateInput(s.at, tzOffsetMinutes) === dateText.trim(),
      );
      if (sameDay) {
        await store.updateSnapshot(sameDay.id, { amount: read.amount, at: read.at });
      } else {
        await store.addSnapshot({
          accountId: account.id,
          at: read.at,
          amount: read.amount,
          source: 'manual',
          provenance: { description: 'Entered by hand', rawText: amountText.trim() },
        });
      }
      setErrors({});
      setGeneral(undefined);
      setAmountText('');
      setStatus(
        `${sameDay ? 'Replaced' : 'Saved'} ${formatMoney(read.amount, props.locale)} for ${accountLabel(account)} on ${dateText.trim()}.`,
      );
      props.onSaved(account.id);
    } catch (error) {
      const mapped = toFieldErrors(error, ['amount', 'at', 'accountId']);
      setErrors({ amount: mapped.fields.amount ?? '', date: mapped.fields.at ?? '', account: mapped.fields.accountId ?? '' });
      setGeneral(mapped.general);
    }
  }

  return (
    <form aria-label="Add balance" onSubmit={submit} noValidate>
      <div class="form-row">
        <Field id="balance-account" label="Account" error={errors.account || undefined}>
          {(aria) => (
            <select {...aria} value={accountId} onChange={(e) => setAccountId(e.currentTarget.value)}>
              {props.accounts.map((a) => (
                <option value={a.id}>{accountLabel(a)}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="balance-amount" label="Amount" error={errors.amount || undefined} hint={`In ${account.currency}`}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="decimal"
              autocomplete="off"
              value={amountText}
              placeholder={formatMoney({ minor: 1234567, currency: account.currency }, props.locale)}
              onInput={(e) => setAmountText(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="balance-date" label="Date" error={errors.date || undefined}>
          {(aria) => (
            <input {...aria} type="date" value={dateText} max={today()} onInput={(e) => setDateText(e.currentTarget.value)} />
          )}
        </Field>
        <button type="submit" class="primary">
          Add balance
        </button>
      </div>
      <FormOutcome error={general} status={status} />
    </form>
  );
}

function BalanceHistory(props: { account: Account; locale: string }) {
  const { value: snapshots } = useLiveQuery(() => snapshotsForAccount(db, props.account.id), [props.account.id]);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const label = accountLabel(props.account);
  if (!snapshots) return null;
  if (snapshots.length === 0) return <p class="muted">No balances for {label} yet.</p>;
  const tz = localTzOffsetMinutes();
  return (
    <div class="scroll-box" tabIndex={0}>
      <table>
        <caption style="text-align:left;font-weight:600;padding:0.5rem 0">Balances of {label}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col" class="num">
              Balance
            </th>
            <th scope="col">Where from</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {snapshots.map((s) =>
            editing === s.id ? (
              <EditBalanceRow key={s.id} snapshot={s} account={props.account} locale={props.locale} onDone={() => setEditing(undefined)} />
            ) : (
              <tr key={s.id}>
                <td>{toDateInput(s.at, tz)}</td>
                <td class="num">{formatMoney(s.amount, props.locale)}</td>
                <td title={s.provenance.url ?? ''}>
                  {SOURCE_LABELS[s.source]}
                  {s.provenance.description && s.provenance.description !== SOURCE_LABELS[s.source] ? `: ${s.provenance.description}` : ''}
                </td>
                <td style="display:flex;gap:0.4rem;flex-wrap:wrap">
                  <button type="button" aria-label={`Edit balance of ${toDateInput(s.at, tz)}`} onClick={() => setEditing(s.id)}>
                    Edit
                  </button>
                  <ConfirmButton
                    label="Delete"
                    question={`Delete the balance of ${toDateInput(s.at, tz)} (${formatMoney(s.amount, props.locale)})?`}
                    confirmLabel="Delete balance"
                    onConfirm={() => store.deleteSnapshot(s.id)}
                  />
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function EditBalanceRow(props: { snapshot: BalanceSnapshot; account: Account; locale: string; onDone: () => void }) {
  const tz = localTzOffsetMinutes();
  const [amountText, setAmountText] = useState(toDecimalString(props.snapshot.amount));
  const [dateText, setDateText] = useState(toDateInput(props.snapshot.at, tz));
  const [errors, setErrors] = useState<{ amount?: string; date?: string }>({});

  async function save(event: Event) {
    event.preventDefault();
    // Plain decimals ("1234.56") are what the edit box starts with; read them in a
    // locale that uses a point, and anything else the person types in theirs.
    const locale = /^-?\d+(\.\d+)?$/.test(amountText.trim()) ? 'en-US' : props.locale;
    const now = Date.now();
    const read = readSnapshotForm({ amountText, dateText, currency: props.account.currency, locale, now, tzOffsetMinutes: tz });
    if (!read.ok) return setErrors(read.errors);
    const unchangedDay = dateText.trim() === toDateInput(props.snapshot.at, tz);
    try {
      await store.updateSnapshot(props.snapshot.id, { amount: read.amount, at: unchangedDay ? props.snapshot.at : read.at });
      props.onDone();
    } catch (error) {
      const mapped = toFieldErrors(error, ['amount', 'at']);
      setErrors({ amount: mapped.fields.amount ?? mapped.general, date: mapped.fields.at });
    }
  }

  return (
    <tr>
      <td colSpan={4}>
        <form aria-label="Edit balance" onSubmit={save} noValidate class="form-row">
          <Field id={`edit-${props.snapshot.id}-date`} label="Date" error={errors.date}>
            {(aria) => <input {...aria} type="date" value={dateText} onInput={(e) => setDateText(e.currentTarget.value)} />}
          </Field>
          <Field id={`edit-${props.snapshot.id}-amount`} label="Amount" error={errors.amount}>
            {(aria) => <input {...aria} type="text" inputMode="decimal" value={amountText} onInput={(e) => setAmountText(e.currentTarget.value)} />}
          </Field>
          <button type="submit" class="primary">
            Save balance
          </button>
          <button type="button" onClick={props.onDone}>
            Cancel
          </button>
        </form>
      </td>
    </tr>
  );
}
