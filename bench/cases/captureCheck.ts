/**
 * Checks for the capture benches: ours and the baseline must find the same
 * figures on the generated dashboard, and those must be the figures the
 * generator printed (checked before anything is timed).
 */
import type { ExtractionResult } from '@/utils/capture/types';
import type { Dashboard } from '@/tests/fixtures/capture/synthetic/dashboard';
import type { BaselineItem } from './captureBaseline';

const key = (i: BaselineItem) => `${i.figureKey}|${i.account ?? ''}|${i.minor}`;

export function summarizeOurs(result: ExtractionResult): BaselineItem[] {
  return result.items.map((i) => ({ figureKey: i.figureKey, account: i.account, minor: i.amount?.minor ?? i.count ?? Number.NaN }));
}

/** Throws when they differ; returns the note to print. */
export function compareWithBaseline(ours: BaselineItem[], baseline: BaselineItem[], dashboard: Pick<Dashboard, 'accounts' | 'totalMinor' | 'buyingPowerMinor' | 'dividendsMinor'>): string {
  const expected: BaselineItem[] = [
    { figureKey: 'total-balance', account: null, minor: dashboard.totalMinor },
    { figureKey: 'buying-power', account: null, minor: dashboard.buyingPowerMinor },
    ...dashboard.accounts.map((a) => ({ figureKey: 'account-balance', account: a.name, minor: a.balanceMinor })),
    { figureKey: 'dividends', account: null, minor: dashboard.dividendsMinor },
  ];
  const want = expected.map(key).sort();
  for (const [name, got] of [['ours', ours], ['baseline', baseline]] as const) {
    const have = got.map(key).sort();
    if (have.length !== want.length || have.some((k, i) => k !== want[i])) {
      throw new Error(`${name} found ${JSON.stringify(have)}, expected ${JSON.stringify(want)}`);
    }
  }
  return `both find the ${expected.length} figures the page prints (total, buying power, ${dashboard.accounts.length} accounts, dividends)`;
}
