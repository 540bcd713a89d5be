/**
 * One stream's costs (tools, hosting, fees): the list, the form to add one,
 * delete with confirmation.
 */
import { useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import type { Stream } from '@/utils/db/schema';
import { COST_CADENCES, type CostCadence, type StreamCost } from '@/utils/db/schema-plan';
import { formatMoney } from '@/utils/money';
import { issuesByField, readCostForm, type CostFormInput } from '@/utils/forms/plan';
import { ConfirmButton } from '@/components/ConfirmButton';
import { Field, FormOutcome } from '@/components/Field';
import { useLiveQuery } from '@/components/useLiveQuery';
import { dayOf, formContext, idFrom, refusal, today } from './StreamsFormContext';

const CADENCE_LABELS: Record<CostCadence, string> = { month: 'Every month', year: 'Every year', once: 'Once' };
const COST_FIELDS = ['name', 'amount', 'every', 'startsAt', 'endsAt', 'currency'];

export function StreamsCosts(props: { stream: Stream; currency: string; locale: string }) {
  const { stream } = props;
  const { value: costs } = useLiveQuery(
    async () => (await db.streamCosts.where('streamId').equals(stream.id).toArray()).sort((a, b) => a.startsAt - b.startsAt || a.name.localeCompare(b.name)),
    [stream.id],
  );
  return (
    <div style="margin-top:0.75rem">
      <h3 style="font-size:1rem;margin:0.5rem 0">Costs</h3>
      {costs && costs.length === 0 && <p class="muted">No costs for {stream.name}.</p>}
      {costs && costs.length > 0 && (
        <div class="scroll-box" tabIndex={0}>
          <table>
            <caption class="visually-hidden">Costs of {stream.name}</caption>
            <thead>
              <tr>
                <th scope="col">Cost</th>
                <th scope="col" class="num">
                  Amount
                </th>
                <th scope="col">Every</th>
                <th scope="col">Starts</th>
                <th scope="col">Ends</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {costs.map((cost) => (
                <CostRow key={cost.id} cost={cost} locale={props.locale} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddCostForm stream={stream} currency={props.currency} locale={props.locale} />
    </div>
  );
}

function CostRow(props: { cost: StreamCost; locale: string }) {
  const { cost } = props;
  const amount = formatMoney(cost.amount, props.locale);
  return (
    <tr>
      <th scope="row">{cost.name}</th>
      <td class="num">{amount}</td>
      <td>{CADENCE_LABELS[cost.every]}</td>
      <td>{dayOf(cost.startsAt)}</td>
      <td>{cost.endsAt === undefined ? '—' : dayOf(cost.endsAt)}</td>
      <td>
        <ConfirmButton
          label="Delete"
          question={`Delete the cost ${cost.name} (${amount} ${CADENCE_LABELS[cost.every].toLowerCase()})?`}
          confirmLabel="Delete cost"
          onConfirm={() => store.deleteStreamCost(cost.id)}
        />
      </td>
    </tr>
  );
}

function AddCostForm(props: { stream: Stream; currency: string; locale: string }) {
  const empty = (): CostFormInput => ({ name: '', amount: '', every: 'month', starts: today(), ends: '', currency: props.currency });
  const [input, setInput] = useState<CostFormInput>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const formLabel = `Add cost for ${props.stream.name}`;
  const idPrefix = `${idFrom(formLabel)}-${props.stream.id}`;
  const set = (key: keyof CostFormInput, value: string) => setInput((i) => ({ ...i, [key]: value }));

  async function submit(event: Event) {
    event.preventDefault();
    setStatus('');
    const read = readCostForm(input, formContext(props.locale));
    if (!read.ok) {
      setErrors(issuesByField(read.issues));
      setGeneral(undefined);
      return;
    }
    try {
      const saved = await store.addStreamCost({ ...read.value, streamId: props.stream.id });
      setErrors({});
      setGeneral(undefined);
      setInput(empty());
      setStatus(`Added ${saved.name}: ${formatMoney(saved.amount, props.locale)} ${CADENCE_LABELS[saved.every].toLowerCase()}.`);
    } catch (error) {
      const refused = refusal(error, COST_FIELDS);
      setErrors(refused.errors);
      setGeneral(refused.general);
    }
  }

  return (
    <form aria-label={formLabel} onSubmit={submit} noValidate style="margin-top:0.5rem">
      <div class="form-row">
        <Field id={`${idPrefix}-name`} label="Name" error={errors.name}>
          {(aria) => <input {...aria} type="text" value={input.name} placeholder="Hosting" onInput={(e) => set('name', e.currentTarget.value)} />}
        </Field>
        <Field id={`${idPrefix}-amount`} label="Amount" error={errors.amount} hint={`In ${input.currency || '…'}`}>
          {(aria) => (
            <input {...aria} type="text" inputMode="decimal" autocomplete="off" value={input.amount} onInput={(e) => set('amount', e.currentTarget.value)} />
          )}
        </Field>
        <Field id={`${idPrefix}-currency`} label="Currency" error={errors.currency}>
          {(aria) => (
            <input {...aria} type="text" maxLength={3} size={5} autocomplete="off" value={input.currency} onInput={(e) => set('currency', e.currentTarget.value)} />
          )}
        </Field>
        <Field id={`${idPrefix}-every`} label="Every" error={errors.every}>
          {(aria) => (
            <select {...aria} value={input.every} onChange={(e) => set('every', e.currentTarget.value)}>
              {COST_CADENCES.map((c) => (
                <option value={c}>{CADENCE_LABELS[c]}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${idPrefix}-starts`} label="Starts" error={errors.startsAt}>
          {(aria) => <input {...aria} type="date" value={input.starts} onInput={(e) => set('starts', e.currentTarget.value)} />}
        </Field>
        <Field id={`${idPrefix}-ends`} label="Ends" error={errors.endsAt} hint="Optional: not charged from this day on">
          {(aria) => <input {...aria} type="date" value={input.ends} onInput={(e) => set('ends', e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="primary">
          Add cost
        </button>
      </div>
      <FormOutcome error={general} status={status} />
    </form>
  );
}
