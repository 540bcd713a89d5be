/**
 * Trading risk against the plan: the capital the plan lets the Acceleration
 * layer hold (its gate and monthly cap × the lab's risk months), what is at
 * risk now (open options and strategies in REAL lab accounts; paper risks
 * nothing) and the warning when it is over. Money in the plan's base
 * currency; accounts in another currency are named as not counted.
 */
import { optionOfRecord } from '@/utils/db/trading';
import type { Plan } from '@/utils/analytics/plan-types';
import { optionsReport } from '@/utils/trading/options';
import { accelerationRisk } from '@/utils/trading/risk';
import type { Day, RiskReport } from '@/utils/trading/types';
import type { TradingData } from '@/components/useTradingLab';
import { tradingFormat } from './tradingText';

export interface TradingRiskState {
  report: RiskReport | undefined;
  /** Real accounts left out because their currency is not the base currency. */
  notCounted: string[];
  error: string | undefined;
}

/** The risk report from the plan's gate and the lab's real accounts; undefined report while the plan is computed. */
export function tradingRisk(plan: Plan | undefined, data: TradingData, today: Day): TradingRiskState {
  if (!plan) return { report: undefined, notCounted: [], error: undefined };
  const currency = plan.baseCurrency;
  const real = data.accounts.filter((a) => a.mode === 'real');
  const counted = real.filter((a) => a.currency === currency);
  const notCounted = real.filter((a) => a.currency !== currency).map((a) => `${a.name} (${a.currency})`);
  const countedIds = new Set(counted.map((a) => a.id));
  try {
    const positions = data.options.filter((o) => countedIds.has(o.accountId)).map(optionOfRecord);
    const openOptions = positions.length > 0 ? optionsReport(positions, today, data.settings.reminderDays).openCapitalMinor : 0;
    const gate = plan.accelerationGate;
    const report = accelerationRisk({
      currency,
      capMonthlyMinor: gate.capMonthly,
      gateMet: gate.met,
      gateBlockers: gate.blockers,
      months: data.settings.riskMonths,
      openOptionsCapitalMinor: openOptions,
      strategies: counted
        .filter((a) => a.strategyId !== undefined)
        .map((a) => ({ label: `${a.name} (strategy)`, capitalMinor: a.capital.minor, real: true })),
    });
    return { report, notCounted, error: undefined };
  } catch (error) {
    return { report: undefined, notCounted, error: `The risk against the plan could not be worked out: ${(error as Error).message}` };
  }
}

export function TradingRisk(props: { risk: TradingRiskState; computing: boolean; locale: string }) {
  const { report, notCounted, error } = props.risk;
  return (
    <div data-testid="trading-risk">
      <h3>Risk against the plan</h3>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {!report && !error && <p aria-busy={props.computing ? 'true' : 'false'}>{props.computing ? 'Working out the plan’s cap…' : 'The plan is not available yet.'}</p>}
      {report && <RiskView report={report} locale={props.locale} />}
      {notCounted.length > 0 && (
        <p class="muted">
          Not counted here (another currency than the plan’s {report?.currency ?? ''}): {notCounted.join(', ')}.
        </p>
      )}
    </div>
  );
}

function RiskView(props: { report: RiskReport; locale: string }) {
  const { report } = props;
  const f = tradingFormat(report.currency, props.locale);
  return (
    <>
      <p>{report.capReason}</p>
      <p>
        Capital at risk: <strong data-testid="trading-risk-at">{f.money(report.atRiskMinor)}</strong> of a cap of{' '}
        <strong data-testid="trading-risk-cap">{f.money(report.capMinor)}</strong>.
      </p>
      {report.items.length > 0 ? (
        <ul>
          {report.items.map((item) => (
            <li key={item.label}>
              {item.label}: {f.money(item.minor)}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">Nothing at risk: no open options and no strategy in a real account. Paper accounts risk nothing.</p>
      )}
      {report.over && report.warning && (
        <p role="alert" class="form-error trading-warning" data-testid="trading-risk-warning">
          {report.warning}
        </p>
      )}
    </>
  );
}
