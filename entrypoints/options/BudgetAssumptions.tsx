/**
 * The projection assumptions: every figure each kind of money or stream is
 * assumed to follow, editable as percentages (saved as decimal strings in the
 * plan settings' assumptionOverrides), with its range and its source always
 * shown, and a Reset per row.
 */
import { useEffect, useState } from 'preact/hooks';
import { store } from '@/utils/db';
import type { AssumptionOverride, PlanSettings } from '@/utils/db/schema-plan';
import { ASSUMPTION_IDS, DEFAULT_ASSUMPTIONS, isAssumptionId, type AssumptionId } from '@/utils/analytics/assumptions';
import {
  ASSUMPTION_FIELDS,
  decimalToPercentText,
  numberToDecimalString,
  readAssumptionRow,
  type AssumptionField,
} from '@/utils/forms/plan';
import { LAYER_LABELS } from '@/utils/labels';
import { FormOutcome } from '@/components/Field';
import { refusal } from './StreamsFormContext';

type RowTexts = Record<AssumptionField, string>;

const COLUMN_NAMES: Record<AssumptionField, string> = {
  annualReturn: 'Return or growth a year (%)',
  annualVolatility: 'Volatility a year (%)',
  monthlyChurn: 'Churn a month (%)',
  monthlyCollapse: 'Chance of collapse a month (%)',
};

function textsFor(overrides: PlanSettings['assumptionOverrides'], locale: string): Record<AssumptionId, RowTexts> {
  const out = {} as Record<AssumptionId, RowTexts>;
  for (const id of ASSUMPTION_IDS) {
    const override = overrides[id] ?? {};
    const row = {} as RowTexts;
    for (const field of ASSUMPTION_FIELDS) {
      row[field] = decimalToPercentText(override[field] ?? numberToDecimalString(DEFAULT_ASSUMPTIONS[id][field]), locale);
    }
    out[id] = row;
  }
  return out;
}

const isChanged = (override: AssumptionOverride | undefined) => override !== undefined && Object.keys(override).length > 0;

export function BudgetAssumptions(props: { plan: PlanSettings; locale: string }) {
  const { locale } = props;
  const stored = props.plan.assumptionOverrides;
  const [texts, setTexts] = useState(() => textsFor(stored, locale));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const storedKey = JSON.stringify(stored) + locale;
  useEffect(() => setTexts(textsFor(stored, locale)), [storedKey]);

  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  /** Overrides of profiles this version does not know are kept as they are. */
  const unknown = () => Object.fromEntries(Object.entries(stored).filter(([id]) => !isAssumptionId(id)));

  async function save(overrides: PlanSettings['assumptionOverrides'], done: string) {
    try {
      await store.savePlanSettings({ assumptionOverrides: overrides });
      setErrors({});
      setGeneral(undefined);
      setStatus(done);
    } catch (error) {
      const refused = refusal(error, []);
      setGeneral(refused.general);
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    setStatus('');
    const overrides: PlanSettings['assumptionOverrides'] = unknown();
    const found: Record<string, string> = {};
    for (const id of ASSUMPTION_IDS) {
      const read = readAssumptionRow(texts[id], DEFAULT_ASSUMPTIONS[id], { locale });
      if (!read.ok) for (const issue of read.issues) found[`${id}.${issue.field}`] ??= issue.message;
      else if (isChanged(read.value)) overrides[id] = read.value;
    }
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setGeneral(undefined);
      return;
    }
    await save(overrides, 'Assumptions saved.');
  }

  async function reset(id: AssumptionId) {
    setStatus('');
    const overrides = { ...stored };
    delete overrides[id];
    setTexts((t) => ({ ...t, [id]: textsFor({}, locale)[id] }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => !key.startsWith(`${id}.`))));
    await save(overrides, `${DEFAULT_ASSUMPTIONS[id].label}: back to the defaults.`);
  }

  return (
    <div style="margin-top:1.5rem">
      <h3 id="budget-assumptions-heading">Projection assumptions</h3>
      <p class="muted">What projections assume each kind of money or stream does. Change a figure to your own view; its source stays shown.</p>
      <form aria-label="Projection assumptions" onSubmit={submit} noValidate>
        <div class="scroll-box" tabIndex={0}>
          <table aria-labelledby="budget-assumptions-heading">
            <thead>
              <tr>
                <th scope="col">Assumption</th>
                <th scope="col">Layer</th>
                <th scope="col">{COLUMN_NAMES.annualReturn}</th>
                <th scope="col">Range</th>
                <th scope="col">{COLUMN_NAMES.annualVolatility}</th>
                <th scope="col">{COLUMN_NAMES.monthlyChurn}</th>
                <th scope="col">{COLUMN_NAMES.monthlyCollapse}</th>
                <th scope="col">Source</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {ASSUMPTION_IDS.map((id) => {
                const assumption = DEFAULT_ASSUMPTIONS[id];
                const cell = (field: AssumptionField) => {
                  const inputId = `assumption-${id}-${field}`;
                  const error = errors[`${id}.${field}`];
                  return (
                    <td>
                      <input
                        id={inputId}
                        type="text"
                        inputMode="decimal"
                        size={5}
                        aria-label={`${assumption.label}: ${COLUMN_NAMES[field]}`}
                        aria-invalid={error ? 'true' : 'false'}
                        {...(error ? { 'aria-describedby': `${inputId}-error` } : {})}
                        value={texts[id][field]}
                        onInput={(e) => {
                          const value = e.currentTarget.value;
                          setTexts((t) => ({ ...t, [id]: { ...t[id], [field]: value } }));
                        }}
                      />
                      {error && (
                        <span id={`${inputId}-error`} class="field-error" role="alert" style="display:block">
                          {error}
                        </span>
                      )}
                    </td>
                  );
                };
                return (
                  <tr key={id}>
                    <th scope="row">
                      {assumption.label}
                      {isChanged(stored[id]) && <span class="muted"> (changed)</span>}
                    </th>
                    <td>{LAYER_LABELS[assumption.layer]}</td>
                    {cell('annualReturn')}
                    <td style="white-space:nowrap">
                      {percent.format(assumption.range[0])} to {percent.format(assumption.range[1])}
                    </td>
                    {cell('annualVolatility')}
                    {cell('monthlyChurn')}
                    {cell('monthlyCollapse')}
                    <td style="min-width:16rem;font-size:0.85rem">{assumption.source}</td>
                    <td>
                      <button type="button" aria-label={`Reset ${assumption.label}`} disabled={!isChanged(stored[id])} onClick={() => reset(id)}>
                        Reset
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p>
          <button type="submit" class="primary">
            Save assumptions
          </button>
        </p>
        <FormOutcome error={general} status={status} />
      </form>
    </div>
  );
}
