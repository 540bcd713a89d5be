import { useMemo } from 'preact/hooks';
import type { AppSettings } from '@/utils/db/schema';
import { usePlan } from '@/components/usePlan';
import { IncomeBarsChart } from '@/components/IncomeBarsChart';
import { FanChart } from '@/components/FanChart';
import { planFormat } from './PlanFormat';
import { PlanProgress } from './PlanSection';
import { IncomeCoverage, IncomeStreamTable } from './IncomeStreams';

/**
 * Income: a month's income by layer as stacked bars, the table by stream,
 * coverage of expenses, and the projection to financial independence. Shares
 * the plan computation with the Plan section (usePlan). The net-worth chart
 * is its own section after this one.
 */
export function IncomeSection(props: { settings: AppSettings; locale: string }) {
  const { plan, error, computing, progress } = usePlan();
  const currency = plan?.baseCurrency ?? props.settings.baseCurrency;
  const format = useMemo(() => planFormat(currency, props.locale), [currency, props.locale]);
  const years = plan ? Math.round(plan.projection.months / 12) : 0;
  return (
    <section aria-labelledby="income-heading" class="card" aria-busy={computing ? 'true' : 'false'} data-testid="income-section">
      <h2 id="income-heading">Income</h2>
      <PlanProgress computing={computing} progress={progress} what="Projecting your income" />
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {plan && (
        <>
          <IncomeCoverage coverage={plan.coverage} format={format} />
          <h3 style="margin-bottom:0.25rem">Income a month by layer</h3>
          <IncomeBarsChart series={plan.series} locale={props.locale} />
          <h3 style="margin-bottom:0.25rem">By stream</h3>
          <IncomeStreamTable streams={plan.streams} format={format} />
          <h3 style="margin-bottom:0.25rem">Projection: when passive income covers expenses</h3>
          <p class="muted" style="margin-top:0;font-size:0.9em">
            {plan.projection.monteCarlo
              ? `${plan.projection.monteCarlo.paths.toLocaleString(props.locale)} simulated paths over ${years} years, from your Foundation balance, what is available to invest each month and your streams, with the assumptions below.`
              : `One projection over ${years} years.`}
          </p>
          <FanChart projection={plan.projection} month={plan.month} currency={currency} locale={props.locale} />
          <details>
            <summary>Assumptions</summary>
            <div class="scroll-box" tabIndex={0}>
              <table aria-label="Projection assumptions">
                <thead>
                  <tr>
                    <th scope="col">What</th>
                    <th scope="col" class="num">Return / growth a year</th>
                    <th scope="col" class="num">Volatility</th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.assumptions.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        {a.label}
                        {a.overridden && <span class="muted"> (yours)</span>}
                      </th>
                      <td class="num">{format.percent(a.annualReturn)}</td>
                      <td class="num">{format.percent(a.annualVolatility)}</td>
                      <td style="font-size:0.85em">{a.source}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
