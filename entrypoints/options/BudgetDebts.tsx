/**
 * Debts: the list, the form to add one, edit in place, delete with confirmation.
 * The APR is typed as a percentage and stored in basis points (24.99% → 2499).
 */
import { useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import type { Debt } from '@/utils/db/schema-plan';
import { formatMoney } from '@/utils/money';
import { basisPointsToPercentText, issuesByField, readDebtForm, toAmountInput, type DebtDraft, type DebtFormInput } from '@/utils/forms/plan';
import { ConfirmButton } from '@/components/ConfirmButton';
import { Field, FormOutcome } from '@/components/Field';
import { useLiveQuery } from '@/components/useLiveQuery';
import { idFrom, refusal } from './StreamsFormContext';

const DEBT_FIELDS = ['name', 'balance', 'aprBasisPoints', 'minimumMonthly', 'currency'];
const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function BudgetDebts(props: { baseCurrency: string; locale: string }) {
  const { value: debts } = useLiveQuery(async () => (await db.debts.toArray()).sort((a, b) => byName.compare(a.name, b.name)));
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const percent = (bp: number) => `${basisPointsToPercentText(bp, props.locale)}%`;

  return (
    <div style="margin-top:1.5rem">
      <h3 id="budget-debts-heading">Debts</h3>
      <DebtForm
        key={`add-${props.baseCurrency}`}
        formLabel="Add debt"
        submitLabel="Add debt"
        currency={props.baseCurrency}
        locale={props.locale}
        onSave={async (draft) => {
          const saved = await store.addDebt(draft);
          setStatus(`Added ${saved.name}.`);
        }}
      />
      <p role="status" class="form-status">
        {status}
      </p>
      {debts && debts.length === 0 && <p class="muted">No debts.</p>}
      {debts && debts.length > 0 && (
        <div class="scroll-box" tabIndex={0}>
          <table aria-labelledby="budget-debts-heading">
            <thead>
              <tr>
                <th scope="col">Debt</th>
                <th scope="col" class="num">
                  Balance
                </th>
                <th scope="col" class="num">
                  APR
                </th>
                <th scope="col" class="num">
                  Minimum a month
                </th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {debts.map((debt) =>
                editing === debt.id ? (
                  <tr key={debt.id}>
                    <td colSpan={5}>
                      <DebtForm
                        formLabel={`Edit ${debt.name}`}
                        submitLabel="Save debt"
                        debt={debt}
                        currency={debt.balance.currency}
                        locale={props.locale}
                        onCancel={() => setEditing(undefined)}
                        onSave={async (draft) => {
                          await store.updateDebt(debt.id, draft);
                          setEditing(undefined);
                          setStatus(`Saved ${draft.name}.`);
                        }}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={debt.id}>
                    <th scope="row">{debt.name}</th>
                    <td class="num">{formatMoney(debt.balance, props.locale)}</td>
                    <td class="num">{percent(debt.aprBasisPoints)}</td>
                    <td class="num">{debt.minimumMonthly ? formatMoney(debt.minimumMonthly, props.locale) : '—'}</td>
                    <td style="display:flex;gap:0.4rem;flex-wrap:wrap">
                      <button type="button" aria-label={`Edit ${debt.name}`} onClick={() => setEditing(debt.id)}>
                        Edit
                      </button>
                      <ConfirmButton
                        label="Delete"
                        question={`Delete the debt ${debt.name} (${formatMoney(debt.balance, props.locale)} at ${percent(debt.aprBasisPoints)})?`}
                        confirmLabel="Delete debt"
                        onConfirm={async () => {
                          await store.deleteDebt(debt.id);
                          setStatus(`Deleted ${debt.name}.`);
                        }}
                      />
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function DebtForm(props: {
  formLabel: string;
  submitLabel: string;
  debt?: Debt;
  currency: string;
  locale: string;
  onSave: (draft: DebtDraft) => Promise<void>;
  onCancel?: () => void;
}) {
  const { debt, locale } = props;
  const start = (): DebtFormInput => ({
    name: debt?.name ?? '',
    balance: debt ? toAmountInput(debt.balance, locale) : '',
    apr: debt ? basisPointsToPercentText(debt.aprBasisPoints, locale) : '',
    minimumMonthly: debt?.minimumMonthly ? toAmountInput(debt.minimumMonthly, locale) : '',
    currency: props.currency,
  });
  const [input, setInput] = useState<DebtFormInput>(start);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const idPrefix = idFrom(props.formLabel) + (debt ? `-${debt.id}` : '');
  const set = (key: keyof DebtFormInput, value: string) => setInput((i) => ({ ...i, [key]: value }));

  async function submit(event: Event) {
    event.preventDefault();
    const read = readDebtForm(input, { locale });
    if (!read.ok) {
      setErrors(issuesByField(read.issues));
      setGeneral(undefined);
      return;
    }
    try {
      await props.onSave(read.value);
      setErrors({});
      setGeneral(undefined);
      if (!debt) setInput(start());
    } catch (error) {
      const refused = refusal(error, DEBT_FIELDS);
      setErrors(refused.errors);
      setGeneral(refused.general);
    }
  }

  return (
    <form aria-label={props.formLabel} onSubmit={submit} noValidate>
      <div class="form-row">
        <Field id={`${idPrefix}-name`} label="Name" error={errors.name}>
          {(aria) => <input {...aria} type="text" value={input.name} placeholder="Credit card" onInput={(e) => set('name', e.currentTarget.value)} />}
        </Field>
        <Field id={`${idPrefix}-balance`} label="Balance" error={errors.balance} hint={`In ${input.currency || '…'}`}>
          {(aria) => <input {...aria} type="text" inputMode="decimal" autocomplete="off" value={input.balance} onInput={(e) => set('balance', e.currentTarget.value)} />}
        </Field>
        <Field id={`${idPrefix}-apr`} label="APR (%)" error={errors.aprBasisPoints}>
          {(aria) => <input {...aria} type="text" inputMode="decimal" size={6} value={input.apr} placeholder={basisPointsToPercentText(2499, locale)} onInput={(e) => set('apr', e.currentTarget.value)} />}
        </Field>
        <Field id={`${idPrefix}-minimum`} label="Minimum a month" error={errors.minimumMonthly} hint="Optional">
          {(aria) => (
            <input {...aria} type="text" inputMode="decimal" autocomplete="off" value={input.minimumMonthly} onInput={(e) => set('minimumMonthly', e.currentTarget.value)} />
          )}
        </Field>
        <Field id={`${idPrefix}-currency`} label="Currency" error={errors.currency}>
          {(aria) => <input {...aria} type="text" maxLength={3} size={5} autocomplete="off" value={input.currency} onInput={(e) => set('currency', e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="primary">
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
      <FormOutcome error={general} />
    </form>
  );
}
