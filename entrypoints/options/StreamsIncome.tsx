/**
 * One stream's income entered by hand: the form, and its latest twelve income
 * events (whatever their source) with delete.
 */
import { Dexie } from 'dexie';
import { useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import { INCOME_KINDS, type IncomeEvent, type IncomeKind, type Layer, type Stream } from '@/utils/db/schema';
import { formatMoney } from '@/utils/money';
import { issuesByField, readIncomeForm, type IncomeFormInput } from '@/utils/forms/plan';
import { INCOME_KIND_LABELS } from '@/utils/labels';
import { ConfirmButton } from '@/components/ConfirmButton';
import { Field, FormOutcome } from '@/components/Field';
import { useLiveQuery } from '@/components/useLiveQuery';
import { dayOf, formContext, idFrom, refusal, today } from './StreamsFormContext';

const LATEST = 12;
const INCOME_FIELDS = ['amount', 'at', 'kind', 'currency'];
const SOURCE_LABELS: Record<IncomeEvent['source'], string> = { manual: 'Entered by hand', capture: 'Captured', import: 'Imported' };
/** The kind a layer's income usually is, to pre-fill the form. */
const DEFAULT_KIND: Record<Layer, IncomeKind> = {
  foundation: 'dividend',
  leverage: 'ad-revenue',
  acceleration: 'trading-gain',
  compounding: 'subscription-revenue',
};

export function StreamsIncome(props: { stream: Stream; currency: string; locale: string }) {
  const { stream } = props;
  const { value: events } = useLiveQuery(
    () =>
      db.incomeEvents
        .where('[streamId+at]')
        .between([stream.id, Dexie.minKey], [stream.id, Dexie.maxKey])
        .reverse()
        .limit(LATEST)
        .toArray(),
    [stream.id],
  );
  return (
    <div style="margin-top:0.75rem">
      <h3 style="font-size:1rem;margin:0.5rem 0">Income</h3>
      {events && events.length === 0 && <p class="muted">No income for {stream.name} yet.</p>}
      {events && events.length > 0 && (
        <div class="scroll-box" tabIndex={0}>
          <table>
            <caption style="text-align:left;padding:0.25rem 0" class="muted">
              Latest income of {stream.name}
              {events.length === LATEST ? ` (the last ${LATEST})` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col" class="num">
                  Amount
                </th>
                <th scope="col">Kind</th>
                <th scope="col">Where from</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <IncomeRow key={event.id} event={event} locale={props.locale} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddIncomeForm stream={stream} currency={props.currency} locale={props.locale} />
    </div>
  );
}

function IncomeRow(props: { event: IncomeEvent; locale: string }) {
  const { event } = props;
  const amount = formatMoney(event.amount, props.locale);
  const day = dayOf(event.at);
  const source = SOURCE_LABELS[event.source];
  const description = event.provenance.description;
  return (
    <tr>
      <td>
        {day}
        {event.period && <span class="muted"> ({event.period.label})</span>}
      </td>
      <td class="num">{amount}</td>
      <td>{INCOME_KIND_LABELS[event.kind]}</td>
      <td>{description && description !== source ? `${source}: ${description}` : source}</td>
      <td>
        <ConfirmButton
          label="Delete"
          question={`Delete the income of ${day} (${amount})?`}
          confirmLabel="Delete income"
          onConfirm={() => store.deleteIncomeEvent(event.id)}
        />
      </td>
    </tr>
  );
}

function AddIncomeForm(props: { stream: Stream; currency: string; locale: string }) {
  const empty = (): IncomeFormInput => ({ amount: '', date: today(), kind: DEFAULT_KIND[props.stream.layer], currency: props.currency });
  const [input, setInput] = useState<IncomeFormInput>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const formLabel = `Add income for ${props.stream.name}`;
  const idPrefix = `${idFrom(formLabel)}-${props.stream.id}`;
  const set = (key: keyof IncomeFormInput, value: string) => setInput((i) => ({ ...i, [key]: value }));

  async function submit(event: Event) {
    event.preventDefault();
    setStatus('');
    const read = readIncomeForm(input, formContext(props.locale));
    if (!read.ok) {
      setErrors(issuesByField(read.issues));
      setGeneral(undefined);
      return;
    }
    try {
      await store.addIncomeEvent({
        ...read.value,
        streamId: props.stream.id,
        source: 'manual',
        provenance: { description: 'Entered by hand', rawText: input.amount.trim() },
      });
      setErrors({});
      setGeneral(undefined);
      setInput((i) => ({ ...empty(), kind: i.kind, currency: i.currency }));
      setStatus(`Saved ${formatMoney(read.value.amount, props.locale)} for ${props.stream.name} on ${input.date.trim()}.`);
    } catch (error) {
      const refused = refusal(error, INCOME_FIELDS);
      setErrors(refused.errors);
      setGeneral(refused.general);
    }
  }

  return (
    <form aria-label={formLabel} onSubmit={submit} noValidate style="margin-top:0.5rem">
      <div class="form-row">
        <Field id={`${idPrefix}-amount`} label="Amount" error={errors.amount} hint={`In ${input.currency || '…'}; below zero for a loss`}>
          {(aria) => (
            <input {...aria} type="text" inputMode="decimal" autocomplete="off" value={input.amount} onInput={(e) => set('amount', e.currentTarget.value)} />
          )}
        </Field>
        <Field id={`${idPrefix}-currency`} label="Currency" error={errors.currency}>
          {(aria) => (
            <input {...aria} type="text" maxLength={3} size={5} autocomplete="off" value={input.currency} onInput={(e) => set('currency', e.currentTarget.value)} />
          )}
        </Field>
        <Field id={`${idPrefix}-date`} label="Date" error={errors.at}>
          {(aria) => <input {...aria} type="date" value={input.date} max={today()} onInput={(e) => set('date', e.currentTarget.value)} />}
        </Field>
        <Field id={`${idPrefix}-kind`} label="Kind" error={errors.kind}>
          {(aria) => (
            <select {...aria} value={input.kind} onChange={(e) => set('kind', e.currentTarget.value)}>
              {INCOME_KINDS.map((k) => (
                <option value={k}>{INCOME_KIND_LABELS[k]}</option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" class="primary">
          Add income
        </button>
      </div>
      <FormOutcome error={general} status={status} />
    </form>
  );
}
