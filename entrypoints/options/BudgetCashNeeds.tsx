/**
 * Upcoming cash needs (insurance, a car, tuition): the list by due date, the
 * form to add one, delete with confirmation.
 */
import { useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import { formatMoney } from '@/utils/money';
import { issuesByField, readCashNeedForm, type CashNeedFormInput } from '@/utils/forms/plan';
import { ConfirmButton } from '@/components/ConfirmButton';
import { Field, FormOutcome } from '@/components/Field';
import { useLiveQuery } from '@/components/useLiveQuery';
import { dayOf, formContext, refusal, today } from './StreamsFormContext';

const CASH_NEED_FIELDS = ['name', 'amount', 'dueAt', 'currency'];

export function BudgetCashNeeds(props: { baseCurrency: string; locale: string }) {
  const { value: needs } = useLiveQuery(() => db.cashNeeds.orderBy('dueAt').toArray());
  const empty = (): CashNeedFormInput => ({ name: '', amount: '', due: '', currency: props.baseCurrency, setAside: '' });
  const [input, setInput] = useState<CashNeedFormInput>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const set = (key: keyof CashNeedFormInput, value: string) => setInput((i) => ({ ...i, [key]: value }));

  async function submit(event: Event) {
    event.preventDefault();
    setStatus('');
    const read = readCashNeedForm(input, formContext(props.locale));
    if (!read.ok) {
      setErrors(issuesByField(read.issues));
      setGeneral(undefined);
      return;
    }
    try {
      const saved = await store.addCashNeed(read.value);
      setErrors({});
      setGeneral(undefined);
      setInput((i) => ({ ...empty(), currency: i.currency }));
      setStatus(`Added ${saved.name}: ${formatMoney(saved.amount, props.locale)} due ${input.due.trim()}.`);
    } catch (error) {
      const refused = refusal(error, CASH_NEED_FIELDS);
      setErrors(refused.errors);
      setGeneral(refused.general);
    }
  }

  return (
    <div style="margin-top:1.5rem">
      <h3 id="budget-cash-needs-heading">Upcoming cash needs</h3>
      <p class="muted">Money you know you will need on a date; the plan sets it aside before investing.</p>
      <form aria-label="Add cash need" onSubmit={submit} noValidate>
        <div class="form-row">
          <Field id="cash-need-name" label="Name" error={errors.name}>
            {(aria) => <input {...aria} type="text" value={input.name} placeholder="Car insurance" onInput={(e) => set('name', e.currentTarget.value)} />}
          </Field>
          <Field id="cash-need-amount" label="Amount" error={errors.amount} hint={`In ${input.currency || '…'}`}>
            {(aria) => <input {...aria} type="text" inputMode="decimal" autocomplete="off" value={input.amount} onInput={(e) => set('amount', e.currentTarget.value)} />}
          </Field>
          <Field id="cash-need-set-aside" label="Already set aside" error={errors.setAside} hint="Optional; the plan saves only the rest">
            {(aria) => <input {...aria} type="text" inputMode="decimal" autocomplete="off" value={input.setAside ?? ''} onInput={(e) => set('setAside', e.currentTarget.value)} />}
          </Field>
          <Field id="cash-need-due" label="Due date" error={errors.dueAt}>
            {(aria) => <input {...aria} type="date" value={input.due} min={today()} onInput={(e) => set('due', e.currentTarget.value)} />}
          </Field>
          <Field id="cash-need-currency" label="Currency" error={errors.currency}>
            {(aria) => <input {...aria} type="text" maxLength={3} size={5} autocomplete="off" value={input.currency} onInput={(e) => set('currency', e.currentTarget.value)} />}
          </Field>
          <button type="submit" class="primary">
            Add cash need
          </button>
        </div>
        <FormOutcome error={general} status={status} />
      </form>
      {needs && needs.length === 0 && <p class="muted">No cash needs.</p>}
      {needs && needs.length > 0 && (
        <div class="scroll-box" tabIndex={0}>
          <table aria-labelledby="budget-cash-needs-heading">
            <thead>
              <tr>
                <th scope="col">Need</th>
                <th scope="col" class="num">
                  Amount
                </th>
                <th scope="col" class="num">
                  Set aside
                </th>
                <th scope="col">Due</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {needs.map((need) => (
                <tr key={need.id}>
                  <th scope="row">{need.name}</th>
                  <td class="num">{formatMoney(need.amount, props.locale)}</td>
                  <td class="num">{need.setAside ? formatMoney(need.setAside, props.locale) : '—'}</td>
                  <td>{dayOf(need.dueAt)}</td>
                  <td>
                    <ConfirmButton
                      label="Delete"
                      question={`Delete ${need.name} (${formatMoney(need.amount, props.locale)} due ${dayOf(need.dueAt)})?`}
                      confirmLabel="Delete cash need"
                      onConfirm={() => store.deleteCashNeed(need.id)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
