/**
 * The options page's layer assessment: the shared form and result
 * (components/AssessmentForm, components/AssessmentResult) wired to the
 * person's data. The form starts from the saved answers, else from what the
 * data says (saying where from), and follows the data until the person
 * changes an answer. Submitting saves the answers in the plan settings
 * (store.savePlanSettings); the worker then places each layer and the result
 * appears below the form.
 */
import { useEffect, useState } from 'preact/hooks';
import { store } from '@/utils/db';
import type { Plan, PrefilledAnswer } from '@/utils/analytics/plan-types';
import { formatMoney } from '@/utils/money';
import {
  ASSESSMENT_TEXT_FIELDS,
  AssessmentForm,
  assessmentFormFromAnswers,
  formatAssessmentNumber,
  readAssessmentForm,
  type AssessmentFormErrors,
  type AssessmentFormState,
  type AssessmentTextField,
} from '@/components/AssessmentForm';
import { AssessmentResultView } from '@/components/AssessmentResult';

/** Starting values: the saved answers, else what the data says, else zero. */
function initialState(plan: Plan, locale: string): AssessmentFormState {
  const saved = plan.assessment.answers;
  if (saved) return assessmentFormFromAnswers(saved, locale);
  const prefilled = new Map<PrefilledAnswer['field'], PrefilledAnswer>(plan.assessment.prefilled.map((p) => [p.field, p]));
  const money = (minor: number) => formatMoney({ minor, currency: plan.baseCurrency }, locale);
  const text = {} as Record<AssessmentTextField, string>;
  const sources: AssessmentFormState['sources'] = {};
  for (const { field, kind } of ASSESSMENT_TEXT_FIELDS) {
    const fromData = prefilled.get(field);
    if (fromData) {
      text[field] = kind === 'number' ? formatAssessmentNumber(fromData.value, locale) : money(fromData.value);
      sources[field] = fromData.source;
    } else {
      text[field] = kind === 'number' ? '0' : money(0);
    }
  }
  return { text, skills: [], riskTolerance: 'medium', goals: [], sources };
}

/** The store's validation issues ("assessment.monthlySurplus.minor") → an error per question, and the rest. */
function issuesByField(error: unknown): { byField: AssessmentFormErrors; rest: string[]; any: boolean } {
  const issues = (error as { issues?: { field: string; message: string }[] }).issues ?? [];
  const byField: AssessmentFormErrors = {};
  const rest: string[] = [];
  for (const issue of issues) {
    const field = issue.field.replace(/^assessment\./, '').split('.')[0]!;
    if (ASSESSMENT_TEXT_FIELDS.some((f) => f.field === field)) byField[field] ??= issue.message;
    else rest.push(issue.message);
  }
  return { byField, rest, any: issues.length > 0 };
}

export function PlanAssessment(props: { plan: Plan; locale: string; computing: boolean }) {
  const { plan, locale } = props;
  const [form, setForm] = useState<AssessmentFormState>(() => initialState(plan, locale));
  const [errors, setErrors] = useState<AssessmentFormErrors>({});
  const [outcome, setOutcome] = useState<{ error?: string; status?: string }>({});
  const [saving, setSaving] = useState(false);
  // Until the person changes an answer, the form follows the data (a balance or expense entered elsewhere on the page).
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!touched) setForm(initialState(plan, locale));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan.assessment, locale]);

  function change(update: (state: AssessmentFormState) => AssessmentFormState) {
    setTouched(true);
    setForm(update);
  }

  async function submit() {
    const reading = readAssessmentForm(form, { currency: plan.baseCurrency, locale });
    if (!reading.ok) {
      setErrors(reading.errors);
      setOutcome({ error: 'Some answers need a look (see the fields).' });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await store.savePlanSettings({ assessment: { ...reading.answers, answeredAt: Date.now() } });
      setOutcome({ status: 'Answers saved. Your result is below.' });
    } catch (error) {
      const { byField, rest, any } = issuesByField(error);
      setErrors(byField);
      setOutcome({ error: rest.length ? rest.join('; ') : any ? 'Some answers need a look (see the fields).' : String(error) });
    } finally {
      setSaving(false);
    }
  }

  const result = plan.assessment.result;
  return (
    <div>
      <h3 id="assessment-heading" style="margin-bottom:0.25rem">
        Layer assessment
      </h3>
      <p class="muted" style="margin-top:0">Eight questions place you on each layer and say which one to build next.</p>
      <AssessmentForm state={form} onChange={change} onSubmit={() => void submit()} errors={errors} outcome={outcome} busy={saving} />
      {result ? (
        <AssessmentResultView result={result} headingLevel={4} live busy={props.computing}>
          {plan.assessment.answers && (
            <p class="muted" style="font-size:0.85em">
              From your answers of {new Date(plan.assessment.answers.answeredAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}.
            </p>
          )}
        </AssessmentResultView>
      ) : saving || (outcome.status && props.computing) ? (
        <p aria-busy="true">Working out your result…</p>
      ) : null}
    </div>
  );
}
