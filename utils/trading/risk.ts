/**
 * Trading risk against the plan: how much capital the plan lets the
 * Acceleration layer (trading) hold, how much is in it now, and the warning
 * when it is more.
 *
 * Conventions: money is integer minor units of one currency; messages format
 * it with `formatMoneyPlain` ("12,000.00 USD"). Only capital that is really
 * at risk counts: open options positions and strategies marked real. Paper
 * strategies are left out of `items` and of the total (they risk nothing).
 * Pure: no browser globals.
 */
import { listAnd } from '../labels';
import { formatMoneyPlain } from '../money/format';
import type { RiskReport } from './types';

export interface AccelerationRiskInput {
  currency: string;
  /** The most the plan lets Acceleration take a month. */
  capMonthlyMinor: number;
  gateMet: boolean;
  /** Why the gate is closed, as clauses ("the emergency fund is 500.00 USD short of its target"). */
  gateBlockers: string[];
  /** Months of the monthly cap that add up to the layer's cap. */
  months: number;
  /** OptionsReport.openCapitalMinor. */
  openOptionsCapitalMinor: number;
  /** Backtested/traded strategies with their starting capital; `real` = real money, not paper. */
  strategies: { label: string; capitalMinor: number; real: boolean }[];
}

/** The item label for the open options positions. */
export const OPEN_OPTIONS_LABEL = 'Open options positions';

function assertAmount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number of minor units, 0 or more (got ${n})`);
}

/**
 * The cap, what counts against it and the warning when it is over.
 * cap = monthly cap × months while the gate is met, 0 while it is closed.
 * `items`: the open options (when any) and each real strategy, in input order.
 */
export function accelerationRisk(input: AccelerationRiskInput): RiskReport {
  const { currency } = input;
  assertAmount('capMonthlyMinor', input.capMonthlyMinor);
  assertAmount('openOptionsCapitalMinor', input.openOptionsCapitalMinor);
  if (!Number.isSafeInteger(input.months) || input.months < 1) throw new RangeError(`months must be a whole number, 1 or more (got ${input.months})`);
  const money = (minor: number) => formatMoneyPlain({ minor, currency });

  const capMinor = input.gateMet ? input.capMonthlyMinor * input.months : 0;
  const capReason = input.gateMet
    ? `The plan lets Acceleration take up to ${money(input.capMonthlyMinor)} a month; over ${input.months} month${input.months === 1 ? '' : 's'} that is ${money(capMinor)}.`
    : `The plan's gate is closed${input.gateBlockers.length > 0 ? ` (${listAnd(input.gateBlockers)})` : ''}, so no capital belongs in trading yet.`;

  const items: RiskReport['items'] = [];
  if (input.openOptionsCapitalMinor > 0) items.push({ label: OPEN_OPTIONS_LABEL, minor: input.openOptionsCapitalMinor });
  for (const s of input.strategies) {
    assertAmount(`capital of ${s.label}`, s.capitalMinor);
    if (s.real) items.push({ label: s.label, minor: s.capitalMinor });
  }
  const atRiskMinor = items.reduce((sum, item) => sum + item.minor, 0);
  const over = atRiskMinor > capMinor;

  let warning: string | null = null;
  if (over) {
    warning = `Capital at risk in trading, ${money(atRiskMinor)}, is over the plan's cap of ${money(capMinor)} by ${money(atRiskMinor - capMinor)}.`;
    // With a closed gate (cap 0) every item is over on its own: naming them adds nothing.
    const alone = capMinor > 0 ? items.filter((item) => item.minor > capMinor) : [];
    if (alone.length === 1) {
      warning += ` ${alone[0]!.label} alone, ${money(alone[0]!.minor)}, is over the cap.`;
    } else if (alone.length > 1) {
      warning += ` ${listAnd(alone.map((item) => `${item.label} (${money(item.minor)})`))} are each over the cap on their own.`;
    }
  }
  return { currency, capMinor, capReason, atRiskMinor, items, over, warning };
}

/**
 * The warning shown next to a backtest whose starting capital is more than
 * the plan's cap; null when it fits. Without `currency` the amounts print
 * with 2 decimals and no code ("12,000.00").
 */
export function strategyOverCap(capitalMinor: number, capMinor: number, currency?: string): string | null {
  if (capitalMinor <= capMinor) return null;
  const money = (minor: number) =>
    currency === undefined ? formatMoneyPlain({ minor, currency: 'USD' }).slice(0, -' USD'.length) : formatMoneyPlain({ minor, currency });
  if (capMinor <= 0) {
    return `This strategy starts with ${money(capitalMinor)}, and the plan has no capital for trading yet: keep it on paper.`;
  }
  return `This strategy starts with ${money(capitalMinor)}, over the plan's cap of ${money(capMinor)} by ${money(capitalMinor - capMinor)}: with real money it would break the plan.`;
}
