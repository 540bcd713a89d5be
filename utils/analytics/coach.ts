/**
 * The coach: an explainable rules engine (coach-rules.ts) and the next-dollar
 * allocation (coach-allocation.ts). Pure: the same facts give the same advice.
 *
 * `actions` holds one action per rule, sorted by priority (lower first; see
 * the table in coach-rules.ts); `top` is the 'do' action with the lowest
 * priority, or null when nothing needs doing.
 */
import type { CoachFacts, CoachResult } from './plan-types';
import { COACH_RULES } from './coach-rules';
import { allocateNextDollar } from './coach-allocation';

export { COACH_PRIORITY, accelerationGate, highInterestDebts, type AccelerationGate } from './coach-rules';
export { allocateNextDollar } from './coach-allocation';

export function runCoach(facts: CoachFacts): CoachResult {
  const actions = COACH_RULES.map((rule) => rule(facts)).sort((a, b) => a.priority - b.priority);
  const top = actions.find((a) => a.status === 'do') ?? null;
  return { actions, allocation: allocateNextDollar(facts), top };
}
