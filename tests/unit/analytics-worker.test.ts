/**
 * The worker code path for real: the API the worker exposes, served by Comlink
 * over a MessageChannel, so every argument and result goes through structured
 * clone (and, for series, buffer transfer) exactly as between page and worker.
 */
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalyticsApi } from '@/utils/analytics/api';
import { netWorthSeries, type NetWorthInput } from '@/utils/analytics/netWorth';
import { transferringSeries, workerAnalyticsApi } from '@/utils/analytics/transfer';

const at = (iso: string) => Date.parse(iso);
const openPorts: MessagePort[] = [];

function serve<T extends object>(api: T): Comlink.Remote<T> {
  const { port1, port2 } = new MessageChannel();
  openPorts.push(port1, port2);
  Comlink.expose(api, port1);
  return Comlink.wrap<T>(port2);
}

afterEach(() => {
  for (const port of openPorts.splice(0)) port.close();
});

const input: NetWorthInput = {
  accounts: [
    { id: 'broker', layer: 'foundation', currency: 'USD' },
    { id: 'saas', layer: 'compounding', currency: 'EUR' },
    { id: 'isa', layer: 'foundation', currency: 'GBP' },
  ],
  snapshots: [
    { accountId: 'broker', at: at('2026-05-01T09:00:00Z'), amount: { minor: 250000, currency: 'USD' } },
    // 199.99 EUR × 1.10 = 219.989 USD → 21999 cents
    { accountId: 'saas', at: at('2026-05-02T09:00:00Z'), amount: { minor: 19999, currency: 'EUR' } },
    { accountId: 'isa', at: at('2026-05-01T09:00:00Z'), amount: { minor: 100, currency: 'GBP' } },
  ],
  baseCurrency: 'USD',
  rates: { EUR: '1.10' },
  to: at('2026-05-03T12:00:00Z'),
};

describe('analytics worker API over Comlink', () => {
  it('computes the net-worth series on the far side and returns real typed arrays', async () => {
    const remote = serve<AnalyticsApi>(workerAnalyticsApi);
    const series = await remote.netWorthSeries(input);
    expect(series.days).toBeInstanceOf(Float64Array);
    expect(Array.from(series.days)).toEqual([
      at('2026-05-01T00:00:00Z') / 1000,
      at('2026-05-02T00:00:00Z') / 1000,
      at('2026-05-03T00:00:00Z') / 1000,
    ]);
    expect(Array.from(series.total)).toEqual([250000, 271999, 271999]);
    expect(Array.from(series.byLayer.foundation)).toEqual([250000, 250000, 250000]);
    expect(Array.from(series.byLayer.compounding)).toEqual([0, 21999, 21999]);
    expect(series.excluded).toEqual([
      {
        accountId: 'isa',
        currency: 'GBP',
        reason: 'No exchange rate for GBP to USD; set one in the settings to count this account.',
      },
    ]);

    const summary = await remote.summarizeNetWorth(series, 1);
    expect(summary).toEqual({ now: 271999, before: 271999, change: 0, changeRatio: 0 });
    remote[Comlink.releaseProxy]();
  });

  it('passes errors back with their message', async () => {
    const remote = serve<AnalyticsApi>(workerAnalyticsApi);
    await expect(remote.netWorthSeries({ ...input, rates: { EUR: '1,10' } })).rejects.toThrow(
      'Rate for EUR: Exchange rate "1,10" is not a plain positive decimal number such as 1.08',
    );
    remote[Comlink.releaseProxy]();
  });

  it('transfers the result buffers instead of copying them', async () => {
    const produced = netWorthSeries(input);
    const remote = serve({ make: transferringSeries(() => produced) });
    const received = await remote.make();
    expect(Array.from(received.total)).toEqual([250000, 271999, 271999]);
    expect(Array.from(received.byLayer.compounding)).toEqual([0, 21999, 21999]);
    // The sender's arrays were moved: their buffers are detached (length 0).
    expect(produced.total.length).toBe(0);
    expect(produced.days.length).toBe(0);
    expect(produced.byLayer.leverage.length).toBe(0);
    remote[Comlink.releaseProxy]();
  });
});
