/**
 * The form that adds an income stream or edits one in place. Amounts are read
 * in the person's locale and the chosen currency (utils/forms/plan.ts).
 */
import { useState } from 'preact/hooks';
import { LAYERS, type Account, type Layer, type Stream } from '@/utils/db/schema';
import { ASSUMPTION_IDS, DEFAULT_ASSUMPTIONS, DEFAULT_STREAM_ASSUMPTION } from '@/utils/analytics/assumptions';
import { issuesByField, readStreamForm, toAmountInput, type StreamDraft, type StreamFormInput } from '@/utils/forms/plan';
import { LAYER_LABELS, LAYER_METHODS, accountLabel } from '@/utils/labels';
import { Field, FormOutcome } from '@/components/Field';
import { dayOf, formContext, idFrom, refusal, today } from './StreamsFormContext';

const STREAM_FIELDS = ['name', 'layer', 'accountId', 'startedAt', 'hoursPerMonth', 'selfSustainingMonthly', 'capital', 'assumptionId', 'currency'];

/** The currency a stream's amounts are in: its stated ones', else its account's, else the base currency. */
export function streamCurrency(stream: Stream | undefined, accounts: readonly Account[], baseCurrency: string): string {
  return (
    stream?.selfSustainingMonthly?.currency ??
    stream?.capital?.currency ??
    accounts.find((a) => a.id === stream?.accountId)?.currency ??
    baseCurrency
  );
}

function initialInput(stream: Stream | undefined, accounts: readonly Account[], baseCurrency: string, locale: string): StreamFormInput {
  return {
    name: stream?.name ?? '',
    layer: stream?.layer ?? 'leverage',
    accountId: stream?.accountId ?? '',
    started: stream ? dayOf(stream.startedAt) : today(),
    hoursPerMonth: stream ? String(stream.hoursPerMonth) : '0',
    selfSustainingMonthly: stream?.selfSustainingMonthly ? toAmountInput(stream.selfSustainingMonthly, locale) : '',
    capital: stream?.capital ? toAmountInput(stream.capital, locale) : '',
    assumptionId: stream?.assumptionId ?? '',
    currency: streamCurrency(stream, accounts, baseCurrency),
  };
}

export function StreamsForm(props: {
  formLabel: string;
  submitLabel: string;
  /** The stream being edited; none to add one. */
  stream?: Stream;
  accounts: readonly Account[];
  baseCurrency: string;
  locale: string;
  onSave: (draft: StreamDraft) => Promise<void>;
  onCancel?: () => void;
}) {
  const start = () => initialInput(props.stream, props.accounts, props.baseCurrency, props.locale);
  const [input, setInput] = useState<StreamFormInput>(start);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const idPrefix = idFrom(props.formLabel);
  const set = (key: keyof StreamFormInput, value: string) => setInput((i) => ({ ...i, [key]: value }));
  // An archived account stays selectable for the stream already linked to it.
  const accountChoices = props.accounts.filter((a) => a.archivedAt === undefined || a.id === props.stream?.accountId);
  const byLayer = DEFAULT_ASSUMPTIONS[DEFAULT_STREAM_ASSUMPTION[input.layer as Layer] ?? 'content'];

  async function submit(event: Event) {
    event.preventDefault();
    const read = readStreamForm(input, formContext(props.locale));
    if (!read.ok) {
      setErrors(issuesByField(read.issues));
      setGeneral(undefined);
      return;
    }
    // An unchanged day keeps the stored instant (it may not be local noon).
    const draft = props.stream && input.started.trim() === dayOf(props.stream.startedAt) ? { ...read.value, startedAt: props.stream.startedAt } : read.value;
    setSaving(true);
    try {
      await props.onSave(draft);
      setErrors({});
      setGeneral(undefined);
      if (!props.stream) setInput(start());
    } catch (error) {
      const refused = refusal(error, STREAM_FIELDS);
      setErrors(refused.errors);
      setGeneral(refused.general);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form aria-label={props.formLabel} onSubmit={submit} noValidate>
      <div class="form-row">
        <Field id={`${idPrefix}-name`} label="Name" error={errors.name}>
          {(aria) => <input {...aria} type="text" value={input.name} placeholder="Niche site" onInput={(e) => set('name', e.currentTarget.value)} />}
        </Field>
        <Field id={`${idPrefix}-layer`} label="Layer" error={errors.layer}>
          {(aria) => (
            <select {...aria} value={input.layer} onChange={(e) => set('layer', e.currentTarget.value)}>
              {LAYERS.map((l) => (
                <option value={l}>
                  {LAYER_LABELS[l]} ({LAYER_METHODS[l]})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${idPrefix}-account`} label="Account" error={errors.accountId} hint="Optional">
          {(aria) => (
            <select
              {...aria}
              value={input.accountId}
              onChange={(e) => {
                const accountId = e.currentTarget.value;
                const account = props.accounts.find((a) => a.id === accountId);
                setInput((i) => ({ ...i, accountId, currency: account?.currency ?? i.currency }));
              }}
            >
              <option value="">None</option>
              {accountChoices.map((a) => (
                <option value={a.id}>{accountLabel(a)}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${idPrefix}-started`} label="Started" error={errors.startedAt}>
          {(aria) => <input {...aria} type="date" value={input.started} max={today()} onInput={(e) => set('started', e.currentTarget.value)} />}
        </Field>
        <Field id={`${idPrefix}-hours`} label="Hours a month" error={errors.hoursPerMonth}>
          {(aria) => (
            <input {...aria} type="text" inputMode="decimal" size={6} value={input.hoursPerMonth} onInput={(e) => set('hoursPerMonth', e.currentTarget.value)} />
          )}
        </Field>
        <Field
          id={`${idPrefix}-target`}
          label="Self-sustaining at"
          error={errors.selfSustainingMonthly}
          hint={`Optional: the income a month, in ${input.currency || '…'}, at which it pays for itself`}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="decimal"
              autocomplete="off"
              value={input.selfSustainingMonthly}
              onInput={(e) => set('selfSustainingMonthly', e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id={`${idPrefix}-capital`} label="Capital" error={errors.capital} hint="Optional: empty uses the account's latest balance">
          {(aria) => (
            <input {...aria} type="text" inputMode="decimal" autocomplete="off" value={input.capital} onInput={(e) => set('capital', e.currentTarget.value)} />
          )}
        </Field>
        <Field id={`${idPrefix}-profile`} label="Projection profile" error={errors.assumptionId}>
          {(aria) => (
            <select {...aria} value={input.assumptionId} onChange={(e) => set('assumptionId', e.currentTarget.value)}>
              <option value="">By layer ({byLayer.label})</option>
              {LAYERS.map((layer) => (
                <optgroup label={LAYER_LABELS[layer]}>
                  {ASSUMPTION_IDS.filter((id) => DEFAULT_ASSUMPTIONS[id].layer === layer).map((id) => (
                    <option value={id}>{DEFAULT_ASSUMPTIONS[id].label}</option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${idPrefix}-currency`} label="Currency for the amounts" error={errors.currency}>
          {(aria) => (
            <input {...aria} type="text" maxLength={3} size={5} autocomplete="off" value={input.currency} onInput={(e) => set('currency', e.currentTarget.value)} />
          )}
        </Field>
        <button type="submit" class="primary" disabled={saving}>
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
