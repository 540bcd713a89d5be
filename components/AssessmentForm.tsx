/**
 * The layer assessment's form, shared by the extension's options page and the
 * static site: the eight questions, their labels and hints, how the typed
 * text becomes answers (numbers in the person's locale, money through
 * parseMoney in one chosen currency), and the form itself.
 *
 * Rules: the form is controlled (the page keeps its state and decides what
 * submitting does: save, or compute in the page); it never stores anything.
 * Errors are shown next to their field (components/Field) and, when a new set
 * of errors arrives, focus moves to the first invalid field in question order.
 * Labels are the contract of the end-to-end tests: change them in one place.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { GOALS, RISK_TOLERANCES, SKILLS, type AssessmentAnswers, type Goal, type RiskTolerance, type Skill } from '@/utils/db/schema-plan';
import { formatMoney, parseMoney } from '@/utils/money';
import { Field, FormOutcome } from '@/components/Field';

export const SKILL_LABELS: Record<Skill, string> = {
  writing: 'Writing',
  video: 'Video',
  coding: 'Coding',
  design: 'Design',
  marketing: 'Marketing',
  teaching: 'Teaching',
  finance: 'Finance',
  sales: 'Sales',
};
export const RISK_LABELS: Record<RiskTolerance, string> = { low: 'Low', medium: 'Medium', high: 'High' };
export const GOAL_LABELS: Record<Goal, string> = {
  security: 'Financial security',
  'retire-early': 'Retire early',
  'side-income': 'Side income',
  'build-business': 'Build a business',
  'learn-trading': 'Learn trading',
};

type NumberField = 'emergencyMonths' | 'hoursPerWeek';
type MoneyField = 'highInterestDebt' | 'monthlySurplus' | 'investableCapital';
/** The five questions answered by typing (the other three are checkboxes and radios). */
export type AssessmentTextField = NumberField | MoneyField;

export const ASSESSMENT_TEXT_FIELDS: readonly { field: AssessmentTextField; label: string; kind: 'number' | 'money'; hint: string }[] = [
  { field: 'emergencyMonths', label: 'Emergency fund (months of expenses)', kind: 'number', hint: 'How many months of expenses your emergency savings cover.' },
  { field: 'highInterestDebt', label: 'High-interest debt', kind: 'money', hint: 'Credit cards and other debt at a high rate; 0 for none.' },
  { field: 'monthlySurplus', label: 'Monthly surplus', kind: 'money', hint: 'What is left each month after expenses (negative when short).' },
  { field: 'investableCapital', label: 'Investable capital', kind: 'money', hint: 'Money you could invest now, beyond the emergency fund.' },
  { field: 'hoursPerWeek', label: 'Hours a week', kind: 'number', hint: 'Time you can give to building income each week.' },
];

/** The id of a question's input (its label points at it; focus goes to it on an error). */
export const assessmentFieldId = (field: AssessmentTextField) => `assess-${field}`;

/** What the form holds while the person answers: the typed text, the choices, and where prefilled text came from. */
export interface AssessmentFormState {
  text: Record<AssessmentTextField, string>;
  skills: Skill[];
  riskTolerance: RiskTolerance;
  goals: Goal[];
  /** Where each prefilled field's starting value came from (shown instead of the hint until edited). */
  sources: Partial<Record<AssessmentTextField, string>>;
}

/** An error per question, keyed by field name. */
export type AssessmentFormErrors = Partial<Record<string, string>>;

/** The answers without the time they were given (the page adds it when it keeps them). */
export type AssessmentAnswersInput = Omit<AssessmentAnswers, 'answeredAt'>;

/** A fresh form: every typed answer "0" (read in any currency and locale), medium risk, nothing ticked. */
export function blankAssessmentForm(): AssessmentFormState {
  return {
    text: { emergencyMonths: '0', highInterestDebt: '0', monthlySurplus: '0', investableCapital: '0', hoursPerWeek: '0' },
    skills: [],
    riskTolerance: 'medium',
    goals: [],
    sources: {},
  };
}

/** A count as the form shows it in the locale: at most one decimal, no grouping ("4.5", "4,5"). */
export function formatAssessmentNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, useGrouping: false }).format(value);
}

/** A count typed in the person's locale ("4,5" or "4.5"); NaN when it is not one. */
export function readAssessmentNumber(text: string): number {
  const clean = text.trim().replace(/\s/g, '');
  if (!/^\d+(?:[.,]\d+)?$/.test(clean)) return NaN;
  return Number(clean.replace(',', '.'));
}

/** Saved answers back into the form, money in its own currency as the locale writes it. */
export function assessmentFormFromAnswers(answers: AssessmentAnswersInput, locale: string): AssessmentFormState {
  const text = {} as Record<AssessmentTextField, string>;
  for (const { field } of ASSESSMENT_TEXT_FIELDS) {
    const value = answers[field];
    text[field] = typeof value === 'number' ? formatAssessmentNumber(value, locale) : formatMoney(value, locale);
  }
  return { text, skills: [...answers.skills], riskTolerance: answers.riskTolerance, goals: [...answers.goals], sources: {} };
}

export type AssessmentFormReading = { ok: true; answers: AssessmentAnswersInput } | { ok: false; errors: AssessmentFormErrors };

/**
 * The typed text → answers. Counts are read by readAssessmentNumber; money by
 * parseMoney with the currency and locale as hints (a different currency in
 * the text is refused, naming both). Every problem is reported, one per field.
 */
export function readAssessmentForm(state: AssessmentFormState, hints: { currency: string; locale: string }): AssessmentFormReading {
  const errors: Record<string, string> = {};
  const answers: Partial<AssessmentAnswersInput> = { skills: [...state.skills], riskTolerance: state.riskTolerance, goals: [...state.goals] };
  for (const { field, label, kind } of ASSESSMENT_TEXT_FIELDS) {
    const text = state.text[field];
    if (kind === 'number') {
      const value = readAssessmentNumber(text);
      if (Number.isNaN(value)) errors[field] = `${label}: enter a number, such as 4 or 4.5`;
      else (answers as Record<string, unknown>)[field] = value;
    } else {
      const parsed = parseMoney(text, hints);
      if (!parsed.ok) errors[field] = `${label}: ${parsed.reason}`;
      else (answers as Record<string, unknown>)[field] = { minor: parsed.value.minor, currency: parsed.value.currency };
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, answers: answers as AssessmentAnswersInput };
}

/** "From your debts…" → "your debts…", to follow "from your data:". */
const sourceText = (source: string) => source.replace(/^from\s+/i, '');

const FIELDSET_STYLE = 'border:1px solid var(--border);border-radius:6px;margin-top:0.75rem;min-width:0';

/**
 * The eight questions in a form named "Layer assessment". The page passes the
 * state and gets every change back; `onSubmit` runs on submit (Enter or the
 * button) and decides what to do with readAssessmentForm's reading.
 */
export function AssessmentForm(props: {
  state: AssessmentFormState;
  onChange: (update: (state: AssessmentFormState) => AssessmentFormState) => void;
  onSubmit: () => void;
  errors: AssessmentFormErrors;
  outcome?: { error?: string; status?: string };
  /** Disables the submit button while the page works (saving). */
  busy?: boolean;
  /** Controls shown before the questions (the site's currency choice). */
  before?: ComponentChildren;
  /** Buttons shown after the submit button (the site's "Start again"). */
  actions?: ComponentChildren;
}) {
  const { state, onChange, errors } = props;
  const formRef = useRef<HTMLFormElement>(null);

  // A new set of errors (a submit that failed): keyboard and screen-reader users land on the first field to fix.
  useEffect(() => {
    const first = ASSESSMENT_TEXT_FIELDS.find(({ field }) => errors[field]);
    if (first) formRef.current?.querySelector<HTMLInputElement>(`#${assessmentFieldId(first.field)}`)?.focus();
  }, [errors]);

  const setText = (field: AssessmentTextField, value: string) =>
    onChange((s) => ({ ...s, text: { ...s.text, [field]: value }, sources: { ...s.sources, [field]: undefined } }));
  function toggle<K extends 'skills' | 'goals'>(key: K, value: AssessmentFormState[K][number], on: boolean) {
    onChange((s) => {
      const list = s[key] as string[];
      const next = on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
      return { ...s, [key]: next };
    });
  }

  return (
    <form
      ref={formRef}
      aria-label="Layer assessment"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      {props.before}
      <div class="form-row" style="align-items:flex-start">
        {ASSESSMENT_TEXT_FIELDS.map(({ field, label, kind, hint }) => {
          const source = state.sources[field];
          return (
            <Field id={assessmentFieldId(field)} label={label} error={errors[field]} hint={source ? `from your data: ${sourceText(source)}` : hint}>
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  inputMode={kind === 'number' ? 'decimal' : undefined}
                  value={state.text[field]}
                  onInput={(e) => setText(field, (e.target as HTMLInputElement).value)}
                  style="width:11rem;max-width:100%;box-sizing:border-box"
                />
              )}
            </Field>
          );
        })}
      </div>
      <fieldset style={FIELDSET_STYLE}>
        <legend>Skills</legend>
        <div class="form-row">
          {SKILLS.map((skill) => (
            <label>
              <input type="checkbox" checked={state.skills.includes(skill)} onChange={(e) => toggle('skills', skill, (e.target as HTMLInputElement).checked)} />{' '}
              {SKILL_LABELS[skill]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset style={FIELDSET_STYLE}>
        <legend>Risk tolerance</legend>
        <div class="form-row">
          {RISK_TOLERANCES.map((risk) => (
            <label>
              <input
                type="radio"
                name="assess-risk"
                value={risk}
                checked={state.riskTolerance === risk}
                onChange={() => onChange((s) => ({ ...s, riskTolerance: risk }))}
              />{' '}
              {RISK_LABELS[risk]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset style={FIELDSET_STYLE}>
        <legend>Goals</legend>
        <div class="form-row">
          {GOALS.map((goal) => (
            <label>
              <input type="checkbox" checked={state.goals.includes(goal)} onChange={(e) => toggle('goals', goal, (e.target as HTMLInputElement).checked)} />{' '}
              {GOAL_LABELS[goal]}
            </label>
          ))}
        </div>
      </fieldset>
      <p class="form-row" style="align-items:center">
        <button type="submit" class="primary" disabled={props.busy}>
          Assess my layers
        </button>
        {props.actions}
      </p>
      <FormOutcome error={props.outcome?.error} {...(props.outcome?.status !== undefined ? { status: props.outcome.status } : {})} />
    </form>
  );
}
