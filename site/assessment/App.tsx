/**
 * The site's interactive assessment: the extension's own form and result
 * (components/AssessmentForm, components/AssessmentResult) computed in the
 * page by assessSiteForm. Mounted into #assessment-app by main.tsx.
 *
 * Rules: answers live only in this component's state (page memory): no
 * IndexedDB, no Web Storage, no cookies, no URL parameters, no network.
 * Keyboard: submitting moves focus to the result's heading; a failed submit
 * shows field errors and focuses the first invalid field (the form does);
 * "Start again" clears everything and returns focus to the first question.
 */
import { useState } from 'preact/hooks';
import type { AssessmentResult } from '@/utils/analytics/plan-types';
import { Field } from '@/components/Field';
import {
  AssessmentForm,
  assessmentFieldId,
  blankAssessmentForm,
  type AssessmentFormErrors,
  type AssessmentFormState,
} from '@/components/AssessmentForm';
import { AssessmentResultView } from '@/components/AssessmentResult';
import { LAYERS, type Layer } from '@/utils/db/schema';
import { assessSiteForm, currencyOptionLabel, DEFAULT_SITE_CURRENCY, SITE_CURRENCIES, UNDERWAY_LABELS } from './assess';

export function AssessmentApp(props: { locale: string }) {
  const { locale } = props;
  const [currency, setCurrency] = useState<string>(DEFAULT_SITE_CURRENCY);
  const [form, setForm] = useState<AssessmentFormState>(blankAssessmentForm);
  const [errors, setErrors] = useState<AssessmentFormErrors>({});
  const [outcome, setOutcome] = useState<{ error?: string }>({});
  const [result, setResult] = useState<AssessmentResult | null>(null);
  const [underway, setUnderway] = useState<Layer[]>([]);

  function submit() {
    const assessed = assessSiteForm(form, { currency, locale }, underway);
    if (!assessed.ok) {
      // A result from earlier answers would no longer match the form: take it away with the errors.
      setResult(null);
      setErrors(assessed.errors);
      setOutcome({ error: 'Some answers need a look (see the fields).' });
      return;
    }
    setErrors({});
    setOutcome({});
    setResult(assessed.result);
  }

  function startAgain() {
    // The currency is a setting, not an answer: it stays as chosen.
    setForm(blankAssessmentForm());
    setUnderway([]);
    setErrors({});
    setOutcome({});
    setResult(null);
    document.getElementById(assessmentFieldId('emergencyMonths'))?.focus();
  }

  const currencyField = (
    <div class="form-row">
      <Field id="assess-currency" label="Currency of your amounts" hint="Amounts are read in this currency; nothing is converted.">
        {(aria) => (
          <select {...aria} value={currency} onChange={(e) => setCurrency((e.target as HTMLSelectElement).value)} style="max-width:100%">
            {SITE_CURRENCIES.map((code) => (
              <option value={code} selected={code === currency}>
                {currencyOptionLabel(code, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
  // Site only: the extension knows this from the person's data.
  const underwayField = (
    <fieldset style="border:1px solid var(--border);border-radius:6px;margin-top:0.75rem">
      <legend>Already under way</legend>
      <p class="muted" style="margin:0 0 0.25rem">Tick what you already do; a layer under way is finished before the next one starts.</p>
      <div class="form-row">
        {LAYERS.map((layer) => (
          <label>
            <input
              type="checkbox"
              checked={underway.includes(layer)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                setUnderway((list) => (on ? [...new Set([...list, layer])] : list.filter((l) => l !== layer)));
              }}
            />{' '}
            {UNDERWAY_LABELS[layer]}
          </label>
        ))}
      </div>
    </fieldset>
  );
  const firstStep = result?.firstSteps[0];

  return (
    <>
      <AssessmentForm
        state={form}
        onChange={setForm}
        onSubmit={submit}
        errors={errors}
        outcome={outcome}
        before={
          <>
            {currencyField}
            {underwayField}
          </>
        }
        actions={
          <button type="button" onClick={startAgain}>
            Start again
          </button>
        }
      />
      {result && (
        <AssessmentResultView result={result} headingLevel={2} focusOnShow>
          <h3 style="margin-bottom:0.25rem">What to do first</h3>
          {firstStep && <p style="margin-top:0">{firstStep}</p>}
          <ul style="margin:0.25rem 0">
            <li>
              See how Strata tracks it on a made-up household’s data in the <a href="./demo.html">live demo</a>: it runs entirely in your
              browser.
            </li>
            <li>
              <a href="./index.html#install">Install Strata</a> to keep your real figures on your own machine and have the plan follow them.
            </li>
          </ul>
        </AssessmentResultView>
      )}
    </>
  );
}
