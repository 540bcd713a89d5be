import type { AvailableToInvest, NextDollarAllocation } from '@/utils/analytics/plan-types';
import { BUCKET_COLOURS, BUCKET_LABELS, type PlanFormat } from './PlanFormat';

/**
 * Where this month's money goes (the coach's next-dollar allocation): the
 * total, a line per bucket with its amount and reason, and a stacked bar of
 * the same shares (its text equivalent is the list and the bar's name).
 */
export function PlanAllocation(props: { allocation: NextDollarAllocation; format: PlanFormat }) {
  const { allocation, format } = props;
  const lines = allocation.lines.filter((l) => l.minor !== 0);
  const share = (minor: number) => (allocation.total > 0 ? minor / allocation.total : 0);
  const barLabel = `Split of ${format.money(allocation.total)}: ${lines
    .map((l) => `${BUCKET_LABELS[l.bucket]} ${format.money(l.minor)} (${format.percent(share(l.minor))})`)
    .join(', ')}`;
  return (
    <div data-testid="allocation">
      <h3 style="margin-bottom:0.25rem">Where the next dollar goes</h3>
      <p style="margin:0.25rem 0">
        This month's money to place: <strong data-testid="allocation-total" style="font-variant-numeric:tabular-nums">{format.money(allocation.total)}</strong>
      </p>
      {allocation.total <= 0 || lines.length === 0 ? (
        <p class="muted">Nothing to place this month: income does not exceed expenses and cash needs.</p>
      ) : (
        <>
          <div
            role="img"
            aria-label={barLabel}
            style="display:flex;height:1.1rem;border-radius:6px;overflow:hidden;border:1px solid var(--border);margin-block:0.5rem"
          >
            {lines.map((l) => (
              <div title={`${BUCKET_LABELS[l.bucket]}: ${format.money(l.minor)}`} style={`flex:${share(l.minor)} 0 0;background:${BUCKET_COLOURS[l.bucket]}`} />
            ))}
          </div>
          <ul style="list-style:none;padding:0;margin:0">
            {lines.map((l) => (
              <li data-testid="allocation-line" data-bucket={l.bucket} style="display:flex;gap:0.5rem;align-items:baseline;margin-block:0.35rem">
                <span aria-hidden="true" style={`flex:none;width:0.8rem;height:0.8rem;border-radius:2px;background:${BUCKET_COLOURS[l.bucket]}`} />
                <span style="flex:1">
                  <strong>
                    {BUCKET_LABELS[l.bucket]}
                    {l.targetName ? ` — ${l.targetName}` : ''}
                  </strong>
                  : <span data-testid="allocation-amount" style="font-variant-numeric:tabular-nums">{format.money(l.minor)}</span>{' '}
                  <span class="muted">({format.percent(share(l.minor))})</span>
                  <br />
                  <span style="font-size:0.9em">{l.reason}</span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * Available to invest this month, term by term: income, expenses, each cash
 * need's share, the emergency fund's top-up, and what is left.
 */
export function PlanAvailable(props: { available: AvailableToInvest; format: PlanFormat; locale: string }) {
  const { available: a, format, locale } = props;
  const date = (at: number) => new Date(at).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
  const minus = (minor: number) => (minor === 0 ? format.money(0) : `−${format.money(minor)}`);
  const row = (label: string, value: string, opts: { total?: boolean; testid?: string } = {}) => (
    <tr data-testid={opts.testid} style={opts.total ? 'font-weight:700' : undefined}>
      <th scope="row" style={opts.total ? undefined : 'font-weight:400'}>
        {label}
      </th>
      <td class="num" style="white-space:nowrap;vertical-align:top">
        {value}
      </td>
    </tr>
  );
  return (
    <div>
      <h3 style="margin-bottom:0.25rem">Available to invest this month</h3>
      <div class="scroll-box" tabIndex={0}>
        <table data-testid="available-to-invest" aria-label="Available to invest this month">
          <tbody>
            {row('Income from your streams', format.money(a.income.streams))}
            {row('Other income', format.money(a.income.other))}
            {row('Total income', format.money(a.income.total), { total: true })}
            {row('Living expenses', minus(a.expenses.living))}
            {row('Stream costs', minus(a.expenses.streamCosts))}
            {a.cashNeeds.map((need) =>
              row(
                `Set aside for ${need.name} (${format.money(need.amount)} due ${date(need.dueAt)}, ${need.monthsLeft} month${need.monthsLeft === 1 ? '' : 's'} left)`,
                minus(need.thisMonth),
              ),
            )}
            {row('Surplus', format.money(a.surplus), { total: true, testid: 'available-surplus' })}
            {row(
              `Emergency fund top-up (${format.money(a.emergency.balance)} of ${format.money(a.emergency.target)}, ${format.money(a.emergency.gap)} to go)`,
              minus(a.emergency.topUp),
            )}
            {row('Available to invest', format.money(a.available), { total: true, testid: 'available-total' })}
          </tbody>
        </table>
      </div>
      {a.foundationStarter > 0 && (
        <p class="muted" style="font-size:0.85em">
          {format.money(a.foundationStarter)} a month goes to Foundation from the start, even while the emergency fund fills.
        </p>
      )}
    </div>
  );
}
