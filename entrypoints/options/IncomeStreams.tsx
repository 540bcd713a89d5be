import type { Coverage, StreamReport } from '@/utils/analytics/plan-types';
import { LAYER_LABELS } from '@/utils/labels';
import type { PlanFormat } from './PlanFormat';

/**
 * Every income stream with its figures: income this month and on average,
 * costs, net over the last 12 months, capital, the real return per dollar
 * (annualised) and per hour. Scrolls sideways on a narrow screen.
 */
export function IncomeStreamTable(props: { streams: readonly StreamReport[]; format: PlanFormat }) {
  const { streams, format } = props;
  if (streams.length === 0) return <p class="muted">No income streams yet. Add one under Streams.</p>;
  const num = (content: string) => <td class="num">{content}</td>;
  return (
    <div class="scroll-box" tabIndex={0}>
      <table data-testid="stream-table" aria-label="Income by stream">
        <thead>
          <tr>
            <th scope="col">Stream</th>
            <th scope="col">Layer</th>
            <th scope="col" class="num">This month</th>
            <th scope="col" class="num">3-month avg</th>
            <th scope="col" class="num">12-month avg</th>
            <th scope="col" class="num">Costs / month</th>
            <th scope="col" class="num">Net, 12 months</th>
            <th scope="col" class="num">Capital</th>
            <th scope="col" class="num" title="Net income a year ÷ capital">
              Return / dollar (a year)
            </th>
            <th scope="col" class="num">Per hour</th>
          </tr>
        </thead>
        <tbody>
          {streams.map((s) => (
            <tr key={s.streamId} data-stream-id={s.streamId}>
              <th scope="row">{s.name}</th>
              <td>{LAYER_LABELS[s.layer]}</td>
              {num(format.money(s.thisMonth))}
              {num(format.money(s.trailing3))}
              {num(format.money(s.trailing12))}
              {num(format.money(s.costsMonthly))}
              <td class={`num ${s.net12 < 0 ? 'negative' : ''}`}>
                {format.money(s.net12)}
                {s.netMonths < 12 && <span class="muted"> ({s.netMonths} mo)</span>}
              </td>
              {num(s.capital === null ? '—' : format.money(s.capital))}
              {num(format.percent(s.annualizedReturn))}
              {num(s.perHour === null ? '—' : format.money(s.perHour))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Passive income a month against expenses: the share covered and both amounts. */
export function IncomeCoverage(props: { coverage: Coverage; format: PlanFormat }) {
  const { coverage: c, format } = props;
  const ratio = c.ratio === null ? null : Math.max(0, c.ratio);
  return (
    <div data-testid="coverage">
      <p style="margin:0.25rem 0">
        {c.ratio === null ? (
          <>
            Passive income: <strong>{format.money(c.passiveMonthly)}</strong> a month (3-month average). Set your monthly expenses under Budget to
            see how much of them it covers.
          </>
        ) : (
          <>
            Passive income covers <strong data-testid="coverage-percent">{format.percent(c.ratio)}</strong> of your expenses:{' '}
            <strong>{format.money(c.passiveMonthly)}</strong> of {format.money(c.expensesMonthly)} a month (3-month average).
          </>
        )}
      </p>
      {ratio !== null && (
        <div
          aria-hidden="true"
          style="height:0.6rem;border-radius:6px;background:var(--bg);border:1px solid var(--border);overflow:hidden;max-width:28rem"
        >
          <div style={`height:100%;width:${Math.min(100, ratio * 100)}%;background:var(--ok)`} />
        </div>
      )}
    </div>
  );
}
