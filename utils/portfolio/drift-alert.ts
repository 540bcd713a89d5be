/**
 * What the daily drift check says (pure): the toolbar badge and its tooltip,
 * and a notification only when a class has newly left its band since the
 * last check, so the person hears about a drift once, not every day.
 */
import { classLabel } from './classes';
import type { DriftReport } from './types';

export interface DriftAlert {
  /** "" when every class is inside its band; "±2" when two are outside. */
  badgeText: string;
  title: string;
  /** Set when a class left its band since the previous check. */
  notification: { title: string; message: string } | null;
  /** The classes outside now: the next check's `previousOutside`. */
  outside: string[];
}

const points = (bp: number) => `${bp > 0 ? '+' : bp < 0 ? '−' : ''}${(Math.abs(bp) / 100).toFixed(2)}`;

export function driftAlert(report: DriftReport, previousOutside: readonly string[]): DriftAlert {
  const outside = report.classes.filter((c) => c.outside);
  if (outside.length === 0) {
    return { badgeText: '', title: 'Strata: every asset class is inside its band', notification: null, outside: [] };
  }
  const described = outside.map((c) => `${classLabel(c.assetClass)} ${points(c.driftBasisPoints)} points (band ±${(c.bandBasisPoints / 100).toFixed(2)})`);
  const noun = outside.length === 1 ? 'asset class is' : 'asset classes are';
  const title = `Strata: ${outside.length} ${noun} outside their band: ${described.join('; ')}`;
  const fresh = outside.filter((c) => !previousOutside.includes(c.assetClass));
  return {
    badgeText: `±${outside.length}`,
    title,
    notification:
      fresh.length === 0
        ? null
        : {
            title: 'Time to rebalance',
            message: `${fresh.map((c) => `${classLabel(c.assetClass)} is ${points(c.driftBasisPoints)} points from its target`).join('; ')}. Strata's Portfolio page has the trades that bring it back.`,
          },
    outside: outside.map((c) => c.assetClass),
  };
}

/** The badge and tooltip when the portfolio cannot be read at all. */
export function driftFailure(error: string): DriftAlert {
  return { badgeText: '!', title: `Strata: the drift check failed: ${error}`, notification: null, outside: [] };
}
