/**
 * The Budget: the plan settings (expenses, other income, the emergency fund,
 * the coach's thresholds, the Leverage play), debts, upcoming cash needs and
 * the projection assumptions.
 */
import { useEffect, useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import { listAccounts } from '@/utils/db/queries';
import type { AppSettings } from '@/utils/db/schema';
import type { PlanSettings } from '@/utils/db/schema-plan';
import { formatMoney } from '@/utils/money';
import {
  basisPointsToPercentText,
  decimalToPercentText,
  issuesByField,
  readBudgetForm,
  toAmountInput,
  type BudgetFormInput,
} from '@/utils/forms/plan';
import { accountLabel } from '@/utils/labels';
import { Field, FormOutcome } from '@/components/Field';
import { useLiveQuery } from '@/components/useLiveQuery';
import { BudgetAssumptions } from './BudgetAssumptions';
import { BudgetCashNeeds } from './BudgetCashNeeds';
import { BudgetDebts } from './BudgetDebts';
import { dayOf, formContext, refusal, today } from './StreamsFormContext';

const BUDGET_FIELDS = [
  'monthlyExpenses',
  'otherMonthlyIncome',
  'emergencyMonths',
  'emergencyAccountIds',
  'highInterestAprBasisPoints',
  'foundationStarterMonthly',
  'stableSurplusMonths',
  'accelerationCapBasisPoints',
  'withdrawalRate',
  'expensesGrowth',
  'phrasing',
  'leveragePlay',
  'currency',
] as const;

function toInput(plan: PlanSettings, currency: string, locale: string): BudgetFormInput {
  return {
    monthlyExpenses: toAmountInput(plan.monthlyExpenses, locale),
    otherMonthlyIncome: toAmountInput(plan.otherMonthlyIncome, locale),
    emergencyMonths: String(plan.emergencyMonths),
    emergencyAccountIds: plan.emergencyAccountIds,
    highInterestApr: basisPointsToPercentText(plan.highInterestAprBasisPoints, locale),
    foundationStarterMonthly: toAmountInput(plan.foundationStarterMonthly, locale),
    stableSurplusMonths: String(plan.stableSurplusMonths),
    accelerationCap: basisPointsToPercentText(plan.accelerationCapBasisPoints, locale),
    withdrawalRate: decimalToPercentText(plan.withdrawalRate, locale),
    expensesGrowth: decimalToPercentText(plan.expensesGrowth, locale),
    phrasing: plan.phrasing,
    leveragePlayStreamId: plan.leveragePlay?.streamId ?? '',
    leverageCommitted: plan.leveragePlay ? dayOf(plan.leveragePlay.committedAt) : today(),
    leverageBudget: plan.leveragePlay?.monthlyBudget ? toAmountInput(plan.leveragePlay.monthlyBudget, locale) : '',
    currency,
  };
}

export function BudgetSection(props: { settings: AppSettings; locale: string }) {
  const { value: plan, error } = useLiveQuery(() => store.getPlanSettings());
  return (
    <section aria-labelledby="budget-heading" class="card">
      <h2 id="budget-heading">Budget</h2>
      {error && (
        <p role="alert" class="form-error">
          Could not read the plan settings: {error.message}
        </p>
      )}
      {plan && <BudgetForm plan={plan} baseCurrency={props.settings.baseCurrency} locale={props.locale} />}
      <BudgetDebts baseCurrency={props.settings.baseCurrency} locale={props.locale} />
      <BudgetCashNeeds baseCurrency={props.settings.baseCurrency} locale={props.locale} />
      {plan && <BudgetAssumptions plan={plan} locale={props.locale} />}
    </section>
  );
}

function BudgetForm(props: { plan: PlanSettings; baseCurrency: string; locale: string }) {
  const { plan, baseCurrency, locale } = props;
  const [input, setInput] = useState<BudgetFormInput>(() => toInput(plan, baseCurrency, locale));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const { value: accounts } = useLiveQuery(() => listAccounts(db, { includeArchived: false }));
  const { value: leverageStreams } = useLiveQuery(() => db.streams.where('layer').equals('leverage').toArray());

  // Follow the stored settings this form owns (not the assumptions, saved apart),
  // so a save elsewhere does not wipe what is being typed here.
  const { assumptionOverrides: _overrides, assessment: _assessment, ...owned } = plan;
  const ownedKey = JSON.stringify(owned) + baseCurrency + locale;
  useEffect(() => setInput(toInput(plan, baseCurrency, locale)), [ownedKey]);

  const set = <K extends keyof BudgetFormInput>(key: K, value: BudgetFormInput[K]) => setInput((i) => ({ ...i, [key]: value }));
  const text = (key: keyof BudgetFormInput) => (e: { currentTarget: HTMLInputElement }) => set(key, e.currentTarget.value as never);
  /** A stored amount in another currency than the base one is shown, so it is not silently re-read as base money. */
  const savedIn = (money: PlanSettings['monthlyExpenses']) =>
    money.currency === baseCurrency ? `In ${baseCurrency}` : `Saved as ${formatMoney(money, locale)}; enter it in ${baseCurrency}`;
  const plays = (leverageStreams ?? []).filter((s) => s.archivedAt === undefined || s.id === input.leveragePlayStreamId);

  async function submit(event: Event) {
    event.preventDefault();
    setStatus('');
    const read = readBudgetForm(input, formContext(locale));
    if (!read.ok) {
      setErrors(issuesByField(read.issues));
      setGeneral(undefined);
      return;
    }
    const draft = read.value;
    // An unchanged commitment day keeps its stored instant.
    if (draft.leveragePlay && plan.leveragePlay && draft.leveragePlay.streamId === plan.leveragePlay.streamId && input.leverageCommitted.trim() === dayOf(plan.leveragePlay.committedAt)) {
      draft.leveragePlay = { ...draft.leveragePlay, committedAt: plan.leveragePlay.committedAt };
    }
    try {
      await store.savePlanSettings(draft);
      setErrors({});
      setGeneral(undefined);
      setStatus('Budget saved.');
    } catch (error) {
      const refused = refusal(error, BUDGET_FIELDS);
      setErrors(refused.errors);
      setGeneral(refused.general);
    }
  }

  const checked = new Set(input.emergencyAccountIds);
  return (
    <form aria-label="Budget" onSubmit={submit} noValidate>
      <div class="form-row">
        <Field id="budget-expenses" label="Monthly expenses" error={errors.monthlyExpenses} hint={`${savedIn(plan.monthlyExpenses)}; streams' costs are entered with each stream`}>
          {(aria) => <input {...aria} type="text" inputMode="decimal" autocomplete="off" value={input.monthlyExpenses} onInput={text('monthlyExpenses')} />}
        </Field>
        <Field id="budget-other-income" label="Other income a month" error={errors.otherMonthlyIncome} hint={`Take-home pay and other income outside your streams. ${savedIn(plan.otherMonthlyIncome)}`}>
          {(aria) => <input {...aria} type="text" inputMode="decimal" autocomplete="off" value={input.otherMonthlyIncome} onInput={text('otherMonthlyIncome')} />}
        </Field>
        <Field id="budget-foundation-starter" label="Foundation starter a month" error={errors.foundationStarterMonthly} hint={`Invested every month from the start, even while the emergency fund fills. ${savedIn(plan.foundationStarterMonthly)}`}>
          {(aria) => <input {...aria} type="text" inputMode="decimal" autocomplete="off" value={input.foundationStarterMonthly} onInput={text('foundationStarterMonthly')} />}
        </Field>
      </div>
      <div class="form-row" style="margin-top:0.75rem">
        <Field id="budget-emergency-months" label="Emergency fund target (months)" error={errors.emergencyMonths} hint="Months of expenses, 0 to 24">
          {(aria) => <input {...aria} type="text" inputMode="numeric" size={4} value={input.emergencyMonths} onInput={text('emergencyMonths')} />}
        </Field>
        <Field id="budget-high-apr" label="High-interest APR threshold (%)" error={errors.highInterestAprBasisPoints} hint="Debt at or above it is paid off first">
          {(aria) => <input {...aria} type="text" inputMode="decimal" size={6} value={input.highInterestApr} onInput={text('highInterestApr')} />}
        </Field>
        <Field id="budget-stable-months" label="Months of stable surplus before Acceleration" error={errors.stableSurplusMonths} hint="1 to 24">
          {(aria) => <input {...aria} type="text" inputMode="numeric" size={4} value={input.stableSurplusMonths} onInput={text('stableSurplusMonths')} />}
        </Field>
        <Field id="budget-acceleration-cap" label="Acceleration cap (% of surplus)" error={errors.accelerationCapBasisPoints} hint="Trading gets at most this share of the surplus">
          {(aria) => <input {...aria} type="text" inputMode="decimal" size={6} value={input.accelerationCap} onInput={text('accelerationCap')} />}
        </Field>
        <Field id="budget-withdrawal" label="Withdrawal rate (%)" error={errors.withdrawalRate} hint="The share of your portfolio counted as income a year">
          {(aria) => <input {...aria} type="text" inputMode="decimal" size={6} value={input.withdrawalRate} onInput={text('withdrawalRate')} />}
        </Field>
        <Field id="budget-expense-growth" label="Expense growth (% a year)" error={errors.expensesGrowth} hint="Used by projections">
          {(aria) => <input {...aria} type="text" inputMode="decimal" size={6} value={input.expensesGrowth} onInput={text('expensesGrowth')} />}
        </Field>
      </div>
      <fieldset style="margin-top:0.75rem;border:1px solid var(--border);border-radius:8px" aria-describedby="budget-emergency-accounts-hint">
        <legend>Emergency fund accounts</legend>
        <p id="budget-emergency-accounts-hint" class="muted" style="margin:0 0 0.4rem;font-size:0.85rem">
          None checked: every high-yield savings and cash account holds the emergency fund.
        </p>
        {accounts && accounts.length === 0 && <p class="muted">No accounts yet.</p>}
        <div class="form-row">
          {(accounts ?? []).map((a) => (
            <label key={a.id} style="display:inline-flex;gap:0.35rem;align-items:center">
              <input
                type="checkbox"
                checked={checked.has(a.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  set('emergencyAccountIds', on ? [...input.emergencyAccountIds, a.id] : input.emergencyAccountIds.filter((id) => id !== a.id));
                }}
              />
              {accountLabel(a)}
            </label>
          ))}
        </div>
        {errors.emergencyAccountIds && (
          <span class="field-error" role="alert">
            {errors.emergencyAccountIds}
          </span>
        )}
      </fieldset>
      <div class="form-row" style="margin-top:0.75rem">
        <Field id="budget-leverage-play" label="Leverage play" error={errors.leveragePlay && input.leveragePlayStreamId === '' ? errors.leveragePlay : undefined} hint="The one content stream you committed to; reviewed at day 90">
          {(aria) => (
            <select {...aria} value={input.leveragePlayStreamId} onChange={(e) => set('leveragePlayStreamId', e.currentTarget.value)}>
              <option value="">None</option>
              {plays.map((s) => (
                <option value={s.id}>{s.name}</option>
              ))}
            </select>
          )}
        </Field>
        {input.leveragePlayStreamId !== '' && (
          <Field id="budget-leverage-committed" label="Committed on" error={errors.leveragePlay}>
            {(aria) => <input {...aria} type="date" value={input.leverageCommitted} max={today()} onInput={text('leverageCommitted')} />}
          </Field>
        )}
        {input.leveragePlayStreamId !== '' && (
          <Field id="budget-leverage-budget" label="Growth budget a month" error={errors.leverageBudget} hint="Optional: what you put into growing it beyond its running costs">
            {(aria) => <input {...aria} type="text" inputMode="decimal" autocomplete="off" value={input.leverageBudget ?? ''} onInput={text('leverageBudget')} />}
          </Field>
        )}
        {plays.length === 0 && <p class="muted">Add a Leverage stream under Streams to choose it here.</p>}
      </div>
      <div class="field" style="margin-top:0.75rem">
        <label style="display:inline-flex;gap:0.4rem;align-items:center;font-size:1rem;color:var(--text);font-weight:normal">
          <input type="checkbox" checked={input.phrasing} aria-describedby="budget-phrasing-hint" onChange={(e) => set('phrasing', e.currentTarget.checked)} />
          Phrase advice with the browser's on-device language model
        </label>
        <span id="budget-phrasing-hint" class="muted" style="font-size:0.8rem">
          Off by default. The model runs inside this browser and never sends anything; it is used only where the browser has one, and the advice is the same
          without it.
        </span>
      </div>
      <p>
        <button type="submit" class="primary">
          Save budget
        </button>
      </p>
      <FormOutcome error={general ?? errors.currency} status={status} />
    </form>
  );
}
