import { useEffect, useState } from 'preact/hooks';
import { store } from '@/utils/db';
import { GOALS, RISK_TOLERANCES, SKILLS, type AssessmentAnswers, type Goal, type RiskTolerance, type Skill } from '@/utils/db/schema-plan';
import { LAYERS } from '@/utils/db/schema';
import type { Plan, PrefilledAnswer } from '@/utils/analytics/plan-types';
import { formatMoney, parseMoney } from '@/utils/money';
import { LAYER_LABELS } from '@/utils/labels';
import { Field, FormOutcome } from '@/components/Field';
import { STAGE_LABELS } from './PlanFormat';

const SKILL_LABELS: Record<Skill, string> = {
  writing: 'Writing',
  video: 'Video',
  coding: 'Coding',
  design: 'Design',
  marketing: 'Marketing',
  teaching: 'Teaching',
  finance: 'Finance',
  sales: 'Sales',
};
const RISK_LABELS: Record<RiskTolerance, string> = { low: 'Low', medium: 'Medium', high: 'High' };
const GOAL_LABELS: Record<Goal, string> = {
  security: 'Financial security',
  'retire-early': 'Retire early',
  'side-income': 'Side income',
  'build-business': 'Build a business',
  'learn-trading': 'Learn trading',
};

type NumberField = 'emergencyMonths' | 'hoursPerWeek';
type MoneyField = 'highInterestDebt' | 'monthlySurplus' | 'investableCapital';
type TextField = NumberField | MoneyField;

const TEXT_FIELDS: readonly { field: TextField; label: string; kind: 'number' | 'money'; hint: string }[] = [
  { field: 'emergencyMonths', label: 'Emergency fund (months of expenses)', kind: 'number', hint: 'How many months of expenses your emergency savings cover.' },
  { field: 'highInterestDebt', label: 'High-interest debt', kind: 'money', hint: 'Credit cards and other debt at a high rate; 0 for none.' },
  { field: 'monthlySurplus', label: 'Monthly surplus', kind: 'money', hint: 'What is left each month after expenses (negative when short).' },
  { field: 'investableCapital', label: 'Investable capital', kind: 'money', hint: 'Money you could invest now, beyond the emergency fund.' },
  { field: 'hoursPerWeek', label: 'Hours a week', kind: 'number', hint: 'Time you can give to building income each week.' },
];

interface FormState {
  text: Record<TextField, string>;
  skills: Skill[];
  riskTolerance: RiskTolerance;
  goals: Goal[];
  /** Where each prefilled field's starting value came from. */
  sources: Partial<Record<TextField, string>>;
}

/** Starting values: the saved answers, else what the data says, else empty. */
function initialState(plan: Plan, locale: string): FormState {
  const saved = plan.assessment.answers;
  const prefilled = new Map<PrefilledAnswer['field'], PrefilledAnswer>(plan.assessment.prefilled.map((p) => [p.field, p]));
  const number = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1, useGrouping: false }).format(n);
  const money = (minor: number, currency = plan.baseCurrency) => formatMoney({ minor, currency }, locale);
  const text = {} as Record<TextField, string>;
  const sources: FormState['sources'] = {};
  for (const { field, kind } of TEXT_FIELDS) {
    const fromData = prefilled.get(field);
    if (saved) {
      const value = saved[field];
      text[field] = typeof value === 'number' ? number(value) : money(value.minor, value.currency);
    } else if (fromData) {
      text[field] = kind === 'number' ? number(fromData.value) : money(fromData.value);
      sources[field] = fromData.source;
    } else {
      text[field] = kind === 'number' ? '0' : money(0);
    }
  }
  return {
    text,
    skills: saved?.skills ?? [],
    riskTolerance: saved?.riskTolerance ?? 'medium',
    goals: saved?.goals ?? [],
    sources,
  };
}

/** "From your debts…" → "your debts…", to follow "from your data:". */
const sourceText = (source: string) => source.replace(/^from\s+/i, '');

/** A number typed in the person's locale ("4,5" or "4.5"); NaN when it is not one. */
function readNumber(text: string): number {
  const clean = text.trim().replace(/\s/g, '');
  if (!/^\d+(?:[.,]\d+)?$/.test(clean)) return NaN;
  return Number(clean.replace(',', '.'));
}

/**
 * The layer assessment: eight questions, prefilled from the person's data
 * (saying where from) or from their saved answers. Submitting saves the
 * answers in the plan settings; the worker then places each layer and the
 * result appears below the form.
 */
export function PlanAssessment(props: { plan: Plan; locale: string; computing: boolean }) {
  const { plan, locale } = props;
  const [form, setForm] = useState<FormState>(() => initialState(plan, locale));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [outcome, setOutcome] = useState<{ error?: string; status?: string }>({});
  const [saving, setSaving] = useState(false);
  // Until the person changes an answer, the form follows the data (a balance or expense entered elsewhere on the page).
  const [touched, setTouched] = useState(false);
  const currency = plan.baseCurrency;
  useEffect(() => {
    if (!touched) setForm(initialState(plan, locale));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan.assessment, locale]);

  function setText(field: TextField, value: string) {
    setTouched(true);
    setForm((f) => ({ ...f, text: { ...f.text, [field]: value }, sources: { ...f.sources, [field]: undefined } }));
  }
  function toggle<K extends 'skills' | 'goals'>(key: K, value: FormState[K][number], on: boolean) {
    setTouched(true);
    setForm((f) => {
      const list = f[key] as string[];
      const next = on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
      return { ...f, [key]: next };
    });
  }

  async function submit(event: Event) {
    event.preventDefault();
    const fieldErrors: Record<string, string> = {};
    const answers: Partial<AssessmentAnswers> = { skills: form.skills, riskTolerance: form.riskTolerance, goals: form.goals };
    for (const { field, label, kind } of TEXT_FIELDS) {
      const text = form.text[field];
      if (kind === 'number') {
        const value = readNumber(text);
        if (Number.isNaN(value)) fieldErrors[field] = `${label}: enter a number, such as 4 or 4.5`;
        else (answers as Record<string, unknown>)[field] = value;
      } else {
        const parsed = parseMoney(text, { currency, locale });
        if (!parsed.ok) fieldErrors[field] = `${label}: ${parsed.reason}`;
        else (answers as Record<string, unknown>)[field] = { minor: parsed.value.minor, currency: parsed.value.currency };
      }
    }
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length > 0) {
      setOutcome({ error: 'Some answers need a look (see the fields).' });
      return;
    }
    setSaving(true);
    try {
      await store.savePlanSettings({ assessment: { ...(answers as Omit<AssessmentAnswers, 'answeredAt'>), answeredAt: Date.now() } });
      setOutcome({ status: 'Answers saved. Your result is below.' });
    } catch (error) {
      const issues = (error as { issues?: { field: string; message: string }[] }).issues ?? [];
      const byField: Record<string, string> = {};
      const rest: string[] = [];
      for (const issue of issues) {
        const field = issue.field.replace(/^assessment\./, '').split('.')[0]!;
        if (TEXT_FIELDS.some((f) => f.field === field)) byField[field] ??= issue.message;
        else rest.push(issue.message);
      }
      setErrors(byField);
      setOutcome({ error: rest.length ? rest.join('; ') : issues.length ? 'Some answers need a look (see the fields).' : String(error) });
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
      <form aria-label="Layer assessment" onSubmit={(e) => void submit(e)} noValidate>
        <div class="form-row" style="align-items:flex-start">
          {TEXT_FIELDS.map(({ field, label, kind, hint }) => {
            const source = form.sources[field];
            return (
              <Field id={`assess-${field}`} label={label} error={errors[field]} hint={source ? `from your data: ${sourceText(source)}` : hint}>
                {(aria) => (
                  <input
                    {...aria}
                    type="text"
                    inputMode={kind === 'number' ? 'decimal' : undefined}
                    value={form.text[field]}
                    onInput={(e) => setText(field, (e.target as HTMLInputElement).value)}
                    style="width:11rem"
                  />
                )}
              </Field>
            );
          })}
        </div>
        <fieldset style="border:1px solid var(--border);border-radius:6px;margin-top:0.75rem">
          <legend>Skills</legend>
          <div class="form-row">
            {SKILLS.map((skill) => (
              <label>
                <input type="checkbox" checked={form.skills.includes(skill)} onChange={(e) => toggle('skills', skill, (e.target as HTMLInputElement).checked)} />{' '}
                {SKILL_LABELS[skill]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset style="border:1px solid var(--border);border-radius:6px;margin-top:0.75rem">
          <legend>Risk tolerance</legend>
          <div class="form-row">
            {RISK_TOLERANCES.map((risk) => (
              <label>
                <input
                  type="radio"
                  name="assess-risk"
                  value={risk}
                  checked={form.riskTolerance === risk}
                  onChange={() => {
                    setTouched(true);
                    setForm((f) => ({ ...f, riskTolerance: risk }));
                  }}
                />{' '}
                {RISK_LABELS[risk]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset style="border:1px solid var(--border);border-radius:6px;margin-top:0.75rem">
          <legend>Goals</legend>
          <div class="form-row">
            {GOALS.map((goal) => (
              <label>
                <input type="checkbox" checked={form.goals.includes(goal)} onChange={(e) => toggle('goals', goal, (e.target as HTMLInputElement).checked)} />{' '}
                {GOAL_LABELS[goal]}
              </label>
            ))}
          </div>
        </fieldset>
        <p>
          <button type="submit" class="primary" disabled={saving}>
            Assess my layers
          </button>
        </p>
        <FormOutcome error={outcome.error} {...(outcome.status !== undefined ? { status: outcome.status } : {})} />
      </form>
      {result ? (
        <div data-testid="assessment-result" aria-live="polite" aria-busy={props.computing ? 'true' : 'false'}>
          <h4 style="margin-bottom:0.25rem">
            Next: build <span data-testid="assessment-next">{LAYER_LABELS[result.next]}</span>
          </h4>
          {result.reasons.length > 0 && (
            <ul style="margin:0.25rem 0">
              {result.reasons.map((r) => (
                <li>{r}</li>
              ))}
            </ul>
          )}
          {result.firstSteps.length > 0 && (
            <>
              <p style="margin:0.5rem 0 0.25rem;font-weight:600">First steps</p>
              <ol style="margin:0">
                {result.firstSteps.map((s) => (
                  <li>{s}</li>
                ))}
              </ol>
            </>
          )}
          <div style="overflow-x:auto">
            <table aria-label="Where you stand on each layer" style="margin-top:0.5rem">
              <thead>
                <tr>
                  <th scope="col">Layer</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {LAYERS.map((layer) => {
                  const placement = result.placements[layer];
                  return (
                    <tr data-testid={`assessment-stage-${layer}`}>
                      <th scope="row">{LAYER_LABELS[layer]}</th>
                      <td data-stage={placement.stage}>{STAGE_LABELS[placement.stage]}</td>
                      <td>{placement.reasons.join(' ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {plan.assessment.answers && (
            <p class="muted" style="font-size:0.85em">
              From your answers of {new Date(plan.assessment.answers.answeredAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}.
            </p>
          )}
        </div>
      ) : (
        saving || (outcome.status && props.computing) ? <p aria-busy="true">Working out your result…</p> : null
      )}
    </div>
  );
}
