/**
 * The next-dollar allocation: where this month's surplus goes, in order.
 * The total is `available.surplus` (0 when it is zero or negative); each line
 * takes at most what is left, so the lines are integers that sum to the total
 * exactly. Lines of 0 are left out.
 *
 * | # | bucket       | takes                                                                          |
 * |---|--------------|--------------------------------------------------------------------------------|
 * | 1 | foundation   | available.foundationStarter (the starter, kept back before anything else)      |
 * | 2 | emergency    | available.emergency.topUp                                                      |
 * | 3 | debt         | each high-interest debt, highest APR first, up to its balance                  |
 * | 4 | leverage     | the chosen play, while in build phase: up to its monthly growth budget         |
 * | 5 | acceleration | only when the gate is met: min(cap % of what is left, the gate's cap a month)   |
 * | 6 | foundation   | everything left, as a second foundation line                                  |
 *
 * The gate's cap a month is cap % of the average surplus of the stable months
 * (coach-rules.ts), so a windfall month never lifts Acceleration above what
 * the stable surplus supports. Debt minimum payments are part of expenses and
 * are not allocated again here.
 *
 * A surplus of zero or less gives total 0 and one explanatory line of 0 (the
 * only line that can be 0), in the emergency bucket: the shortfall comes out
 * of cash.
 */
import type { AllocationLine, CoachFacts, NextDollarAllocation } from './plan-types';
import { accelerationGate, fmt, highInterestDebts, percent } from './coach-rules';

export function allocateNextDollar(facts: CoachFacts): NextDollarAllocation {
  const cur = facts.baseCurrency;
  const { available } = facts;
  if (available.surplus <= 0) {
    const short = -available.surplus;
    const reason =
      short === 0
        ? 'Nothing to place this month: income exactly covers expenses and cash needs.'
        : `Nothing to place this month: income is ${fmt(short, cur)} short of expenses and cash needs. ` +
          'The shortfall comes out of cash; close it before investing.';
    return { total: 0, lines: [{ bucket: 'emergency', minor: 0, reason }] };
  }

  const total = available.surplus;
  let left = total;
  const lines: AllocationLine[] = [];
  const take = (wanted: number, line: (minor: number) => AllocationLine): number => {
    const minor = Math.max(0, Math.min(Math.floor(wanted), left));
    if (minor > 0) {
      lines.push(line(minor));
      left -= minor;
    }
    return minor;
  };

  take(available.foundationStarter, (minor) => ({
    bucket: 'foundation',
    minor,
    reason: `${fmt(minor, cur)} into Foundation first: the automatic starter (${fmt(facts.foundationStarterMonthly, cur)} a month) keeps investing going while the rest is fixed.`,
  }));

  const target = available.emergency.target;
  const gap = Math.max(0, target - available.emergency.balance);
  take(available.emergency.topUp, (minor) => ({
    bucket: 'emergency',
    minor,
    reason: `${fmt(minor, cur)} to the emergency fund: it is ${fmt(gap, cur)} short of its ${facts.emergencyMonthsTarget}-month target (${fmt(target, cur)}).`,
  }));

  for (const debt of highInterestDebts(facts)) {
    take(debt.balance, (minor) => ({
      bucket: 'debt',
      minor,
      targetId: debt.id,
      targetName: debt.name,
      reason:
        `${fmt(minor, cur)} to ${debt.name} (${percent(debt.aprBasisPoints)} APR), highest interest first: ` +
        (minor === debt.balance ? 'that pays it off.' : `${fmt(debt.balance - minor, cur)} is left after this.`),
    }));
  }

  const play = facts.leverage.play;
  const playStream = play === null ? undefined : facts.leverage.streams.find((s) => s.id === play.streamId);
  // Its running costs are already in this month's expenses; the line funds the growth budget the person set.
  const budget = play?.monthlyBudget ?? 0;
  if (playStream !== undefined && !playStream.buildPhase?.selfSustaining && budget > 0) {
    take(budget, (minor) => ({
      bucket: 'leverage',
      minor,
      targetId: playStream.id,
      targetName: playStream.name,
      reason: `${fmt(minor, cur)} to ${playStream.name}, your Leverage play: its growth budget of ${fmt(budget, cur)} a month (running costs are already counted in expenses), so the 90-day commitment is funded.`,
    }));
  }

  const gate = accelerationGate(facts);
  if (gate.met) {
    const share = Math.floor((left * facts.accelerationCapBasisPoints) / 10_000);
    const remainder = left;
    take(Math.min(share, gate.capMonthly), (minor) => ({
      bucket: 'acceleration',
      minor,
      reason:
        `${fmt(minor, cur)} to Acceleration: at most ${percent(facts.accelerationCapBasisPoints)} of the ${fmt(remainder, cur)} left ` +
        `and of the ${fmt(gate.stableAverage, cur)} average surplus of the last ${gate.required} months (a cap of ${fmt(gate.capMonthly, cur)}).`,
    }));
  }

  take(left, (minor) => ({
    bucket: 'foundation',
    minor,
    reason: `The remaining ${fmt(minor, cur)} into Foundation, the long-term base: index funds, high-yield savings or eREITs.`,
  }));

  return { total, lines };
}
