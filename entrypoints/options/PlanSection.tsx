import { useMemo } from 'preact/hooks';
import type { AppSettings } from '@/utils/db/schema';
import { usePlan } from '@/components/usePlan';
import { PlanActions } from './PlanActions';
import { PlanAssessment } from './PlanAssessment';
import { PlanCards } from './PlanCards';
import { planFormat } from './PlanFormat';
import { PlanAllocation, PlanAvailable } from './PlanMoney';

/**
 * The plan: the four layers, the coach's next actions, where this month's
 * money goes, what is available to invest, and the layer assessment. Every
 * figure comes from the analytics worker (components/usePlan.ts); the page
 * only lays it out, so it stays responsive while the worker computes.
 */
export function PlanSection(props: { settings: AppSettings; locale: string }) {
  const { plan, planSettings, error, computing, progress } = usePlan();
  const currency = plan?.baseCurrency ?? props.settings.baseCurrency;
  const format = useMemo(() => planFormat(currency, props.locale), [currency, props.locale]);
  return (
    <section aria-labelledby="plan-heading" class="card" aria-busy={computing ? 'true' : 'false'} data-testid="plan-section">
      <h2 id="plan-heading">Plan</h2>
      <PlanProgress computing={computing} progress={progress} what="Working out your plan" />
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {plan && (
        <>
          {plan.warnings.length > 0 && (
            <ul aria-label="Notes about your plan" class="muted" style="padding-left:1.25rem;font-size:0.9em">
              {plan.warnings.map((w) => (
                <li data-testid="plan-warning">{w}</li>
              ))}
            </ul>
          )}
          <PlanCards layers={plan.layers} format={format} />
          <div style="display:grid;gap:0 1.5rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,22rem),1fr))">
            <PlanActions actions={plan.coach.actions} format={format} phrasing={planSettings?.phrasing ?? false} />
            <PlanAllocation allocation={plan.coach.allocation} format={format} />
          </div>
          <PlanAvailable available={plan.available} format={format} locale={props.locale} />
          <PlanAssessment plan={plan} locale={props.locale} computing={computing} />
        </>
      )}
    </section>
  );
}

/**
 * A progress bar while the worker computes, named for assistive technology.
 * Hidden when idle; indeterminate until the first progress report.
 */
export function PlanProgress(props: { computing: boolean; progress: number; what: string }) {
  if (!props.computing) return null;
  const percent = Math.round(props.progress * 100);
  return (
    <p style="margin:0.25rem 0" class="muted">
      <label>
        {props.what}…{' '}
        {props.progress > 0 ? (
          <progress data-testid="plan-progress" max={100} value={percent} aria-valuetext={`${percent}%`} />
        ) : (
          <progress data-testid="plan-progress" />
        )}
      </label>
    </p>
  );
}
