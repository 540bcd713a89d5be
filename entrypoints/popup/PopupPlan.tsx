import { usePlan } from '@/components/usePlan';
import { formatMoney } from '@/utils/money';

/** The popup asks for no Monte Carlo: the deterministic projection is enough here. */
const POPUP_PLAN_OPTIONS = { paths: 0 } as const;

/**
 * The plan in brief: passive income against expenses, and the one next
 * action that matters most (the coach's top "do"), or "All set".
 */
export function PopupPlan(props: { locale: string }) {
  const { plan, error, computing } = usePlan(POPUP_PLAN_OPTIONS);
  const money = (minor: number) => formatMoney({ minor: Math.round(minor), currency: plan!.baseCurrency }, props.locale);
  const percent = new Intl.NumberFormat(props.locale, { style: 'percent', maximumFractionDigits: 0 });
  const top = plan?.coach.top ?? null;
  // This month's passive income so far: the streams' income less their costs this month.
  const thisMonth = plan ? (plan.series.totalNet[plan.series.totalNet.length - 1] ?? 0) : 0;
  const thisMonthRatio = plan && plan.coverage.expensesMonthly > 0 ? thisMonth / plan.coverage.expensesMonthly : null;
  return (
    <section aria-labelledby="popup-plan-heading" style="margin-top:0.75rem" aria-busy={computing ? 'true' : 'false'}>
      <h2 id="popup-plan-heading" class="muted" style="font-size:0.85em;margin:0">
        Plan
      </h2>
      {error ? (
        <p role="alert" class="form-error">
          {error}
        </p>
      ) : !plan ? (
        <p aria-busy="true" style="margin:0.1rem 0">
          …
        </p>
      ) : (
        <>
          <p data-testid="popup-coverage" style="margin:0.1rem 0">
            {plan.coverage.expensesMonthly > 0 ? (
              <>
                This month <strong style="font-variant-numeric:tabular-nums">{money(thisMonth)}</strong> of{' '}
                {money(plan.coverage.expensesMonthly)} expenses covered
                {thisMonthRatio !== null && <span class="muted"> ({percent.format(thisMonthRatio)})</span>}
              </>
            ) : (
              <>
                This month <strong style="font-variant-numeric:tabular-nums">{money(thisMonth)}</strong> passive income;{' '}
                <span class="muted">set your expenses in Strata to see the coverage</span>
              </>
            )}
          </p>
          <p data-testid="popup-coverage-average" class="muted" style="margin:0;font-size:0.85em">
            3-month average: {money(plan.coverage.passiveMonthly)} a month
          </p>
          <div data-testid="popup-next-action" style="margin-top:0.35rem">
            {top ? (
              <>
                <p style="margin:0;font-weight:700">Next: {top.title}</p>
                <p style="margin:0;font-size:0.9em">{top.reason}</p>
              </>
            ) : (
              <p style="margin:0;font-weight:700">All set</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
