/**
 * The capture flow through the real handlers and a real database:
 * submitReadings (content script) → getTabReadings (overlay in the same tab)
 * → confirmReadings → records, with every value written out by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { incomeForMonth } from '@/utils/analytics/income';
import { ReadingsStore } from '@/utils/capture/readings-store';
import { removeAllListeners } from '@/utils/messaging/protocol';
import { registerHandlers } from '@/utils/messaging/register';
import {
  AMAZON_URL,
  amazonReadings,
  contentScriptAt,
  EXT_ID,
  EXT_ORIGIN,
  FIDELITY_URL,
  fidelityReadings,
  harness,
  item,
  overlayIn,
  t,
  usd,
  type Harness,
} from './ingest-setup';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(async () => {
  await h.db.delete();
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const SUMMARY_PATH = '/ftgw/digital/portfolio/summary';
const fidelityProvenance = (rawText: string) => ({
  description: 'Captured from digital.fidelity.com',
  url: FIDELITY_URL,
  label: 'Balance',
  rawText,
  adapter: 'fidelity',
  adapterVersion: 1,
  host: 'digital.fidelity.com',
  path: SUMMARY_PATH,
});

describe('Fidelity: submit, review, save; again the same day; again the next day', () => {
  it('creates the accounts with snapshots and provenance, replaces the same day, auto-saves with "always"', async () => {
    const submitted = await h.handlers.submitReadings({ result: fidelityReadings(), title: 'Portfolio Summary | Fidelity' }, contentScriptAt(`${FIDELITY_URL}?view=all`, 42));
    expect(submitted).toEqual({ ok: true, value: { readingsId: 'readings-1' } });

    const view = value(await h.handlers.getTabReadings(undefined, overlayIn(42)));
    expect(view).toEqual({
      readingsId: 'readings-1',
      site: 'fidelity',
      siteName: 'Fidelity',
      layer: 'foundation',
      host: 'digital.fidelity.com',
      path: SUMMARY_PATH,
      title: 'Portfolio Summary | Fidelity',
      items: fidelityReadings().items.map((i, index) => ({ ...i, index })),
      problems: fidelityReadings().problems,
      accounts: [],
      streams: [],
      suggestions: [null, null, null],
      saved: null,
    });

    const confirm = {
      readingsId: 'readings-1',
      decisions: [
        { index: 0, action: 'ignore' },
        { index: 1, action: 'save', newAccount: { institution: 'Fidelity', name: 'Individual - TOD' } },
        { index: 2, action: 'save', newAccount: { institution: 'Fidelity', name: 'ROTH IRA' } },
      ],
      always: false,
    };
    expect(await h.handlers.confirmReadings(confirm, overlayIn(42))).toEqual({
      ok: true,
      value: { status: 'saved', report: { saved: 2, replaced: 0, ignored: 1, created: { accounts: 2, streams: 0 }, refused: [] } },
    });
    const accounts = await h.db.accounts.toArray();
    expect(accounts.map((a) => [a.id, a.institution, a.name, a.kind, a.layer, a.currency, a.taxType])).toEqual([
      ['id-1', 'Fidelity', 'Individual - TOD', 'brokerage', 'foundation', 'USD', 'taxable'],
      ['id-2', 'Fidelity', 'ROTH IRA', 'brokerage', 'foundation', 'USD', 'taxable'],
    ]);
    const firstSnapshots = await h.db.balanceSnapshots.orderBy('accountId').toArray();
    expect(firstSnapshots.map(({ id: _id, ...s }) => s)).toEqual([
      { accountId: 'id-1', at: t('2026-11-24T09:00:00Z'), amount: usd(122_687_77), source: 'capture', provenance: fidelityProvenance('$122,687.77') },
      { accountId: 'id-2', at: t('2026-11-24T09:00:00Z'), amount: usd(62_114_35), source: 'capture', provenance: fidelityProvenance('$62,114.35') },
    ]);
    // The same readings are never saved twice.
    expect(await h.handlers.confirmReadings(confirm, overlayIn(42))).toEqual({
      ok: false,
      error: 'confirmReadings refused: these readings were already saved',
    });
    expect(value(await h.handlers.getTabReadings(undefined, overlayIn(42))).saved).toMatchObject({ saved: 2 });

    // Three hours later, the same day in Berlin: the overlay suggests the earlier choices; saving replaces.
    h.clock.now = t('2026-11-24T12:00:00Z');
    expect(value(await h.handlers.submitReadings({ result: fidelityReadings(62_500_00), title: '' }, contentScriptAt(FIDELITY_URL, 42)))).toEqual({
      readingsId: 'readings-2',
    });
    const again = value(await h.handlers.getTabReadings(undefined, overlayIn(42)));
    expect(again.suggestions).toEqual([
      { ignore: true, always: false, from: 'mapping' },
      { accountId: 'id-1', always: false, from: 'mapping' },
      { accountId: 'id-2', always: false, from: 'mapping' },
    ]);
    expect(again.accounts.map((a) => a.name)).toEqual(['Individual - TOD', 'ROTH IRA']);
    const replaced = await h.handlers.confirmReadings(
      {
        readingsId: 'readings-2',
        decisions: [
          { index: 0, action: 'ignore' },
          { index: 1, action: 'save', accountId: 'id-1' },
          { index: 2, action: 'save', accountId: 'id-2' },
        ],
        always: true,
      },
      overlayIn(42),
    );
    expect(value(replaced)).toEqual({ status: 'saved', report: { saved: 2, replaced: 2, ignored: 1, created: { accounts: 0, streams: 0 }, refused: [] } });
    const sameDay = await h.db.balanceSnapshots.orderBy('accountId').toArray();
    expect(sameDay.map((s) => [s.id, s.amount.minor, s.at])).toEqual([
      [firstSnapshots[0]!.id, 122_687_77, t('2026-11-24T12:00:00Z')],
      [firstSnapshots[1]!.id, 62_500_00, t('2026-11-24T12:00:00Z')],
    ]);

    // The next day, "Always save from this page" saves at once.
    h.clock.now = t('2026-11-25T09:00:00Z');
    const auto = await h.handlers.submitReadings({ result: fidelityReadings(63_000_00), title: '' }, contentScriptAt(FIDELITY_URL, 42));
    expect(auto).toEqual({
      ok: true,
      value: { readingsId: 'readings-3', autoSaved: { saved: 2, replaced: 0, ignored: 1, created: { accounts: 0, streams: 0 }, refused: [] } },
    });
    expect((await h.db.balanceSnapshots.where('accountId').equals('id-2').sortBy('at')).map((s) => s.amount.minor)).toEqual([62_500_00, 63_000_00]);
    expect(value(await h.handlers.getTabReadings(undefined, overlayIn(42))).saved).toEqual(auto.ok ? auto.value.autoSaved : null);
  });

  it('a jump ×5 waits for confirmation, then acceptJumps saves it', async () => {
    const roth = await h.store.addAccount({ institution: 'Fidelity', name: 'ROTH IRA', kind: 'retirement', layer: 'foundation', currency: 'USD', taxType: 'tax-free' });
    await h.store.addSnapshot({ accountId: roth.id, at: t('2026-10-31T12:00:00Z'), amount: usd(12_422_87), source: 'manual', provenance: { description: 'Entered by hand' } });
    value(await h.handlers.submitReadings({ result: fidelityReadings(), title: '' }, contentScriptAt(FIDELITY_URL, 42)));
    // The account the page names is suggested.
    expect(value(await h.handlers.getTabReadings(undefined, overlayIn(42))).suggestions[2]).toEqual({ accountId: roth.id, always: false, from: 'name' });

    const input = { readingsId: 'readings-1', decisions: [{ index: 2, action: 'save', accountId: roth.id }], always: false };
    expect(await h.handlers.confirmReadings(input, overlayIn(42))).toEqual({
      ok: true,
      value: { status: 'needs-confirmation', needsConfirmation: [{ index: 2, previous: usd(12_422_87), next: usd(62_114_35) }] },
    });
    expect(await h.db.balanceSnapshots.count()).toBe(1);
    expect(await h.db.captureMappings.count()).toBe(0);
    expect(value(await h.handlers.confirmReadings({ ...input, acceptJumps: true }, overlayIn(42)))).toEqual({
      status: 'saved',
      report: { saved: 1, replaced: 0, ignored: 2, created: { accounts: 0, streams: 0 }, refused: [] },
    });
    expect((await h.db.balanceSnapshots.where('accountId').equals(roth.id).sortBy('at')).map((s) => [s.source, s.amount.minor])).toEqual([
      ['manual', 12_422_87],
      ['capture', 62_114_35],
    ]);
  });
});

describe('earnings for a period', () => {
  it('"This Month" captured twice is one income event, updated', async () => {
    value(await h.handlers.submitReadings({ result: amazonReadings(41_17), title: '' }, contentScriptAt(AMAZON_URL, 50)));
    const first = value(
      await h.handlers.confirmReadings(
        { readingsId: 'readings-1', decisions: [{ index: 0, action: 'save', newStream: { name: 'Amazon Associates' } }], always: false },
        overlayIn(50, AMAZON_URL),
      ),
    );
    expect(first).toEqual({ status: 'saved', report: { saved: 1, replaced: 0, ignored: 0, created: { accounts: 0, streams: 1 }, refused: [] } });

    h.clock.now = t('2026-11-26T18:30:00Z');
    value(await h.handlers.submitReadings({ result: amazonReadings(63_50), title: '' }, contentScriptAt(AMAZON_URL, 50)));
    const suggested = value(await h.handlers.getTabReadings(undefined, overlayIn(50, AMAZON_URL))).suggestions[0];
    expect(suggested).toEqual({ streamId: 'id-1', always: false, from: 'mapping' });
    const second = value(
      await h.handlers.confirmReadings({ readingsId: 'readings-2', decisions: [{ index: 0, action: 'save', streamId: 'id-1' }], always: false }, overlayIn(50, AMAZON_URL)),
    );
    expect(second).toEqual({ status: 'saved', report: { saved: 1, replaced: 1, ignored: 0, created: { accounts: 0, streams: 0 }, refused: [] } });

    const events = await h.db.incomeEvents.toArray();
    expect(events.map(({ id: _id, ...e }) => e)).toEqual([
      {
        streamId: 'id-1',
        at: t('2026-11-26T18:30:00Z'),
        amount: usd(63_50),
        // From the adapter, not from the page's payload.
        kind: 'affiliate-commission',
        source: 'capture',
        provenance: {
          description: 'Captured from affiliate-program.amazon.com',
          url: AMAZON_URL,
          label: 'Total Earnings',
          rawText: '$63.5',
          adapter: 'amazon-associates',
          adapterVersion: 1,
          host: 'affiliate-program.amazon.com',
          path: '/home',
        },
        period: { start: t('2026-10-31T23:00:00Z'), end: t('2026-11-30T23:00:00Z'), label: 'This Month' },
        periodKey: '2026-11',
      },
    ]);
    const streams = await h.db.streams.toArray();
    expect(incomeForMonth(events, '2026-11', 'USD', {}, 60, streams).byLayer.leverage).toBe(63_50);
  });

  it('a period the page words in a way Strata cannot resolve is refused with the reason, nothing else written', async () => {
    value(await h.handlers.submitReadings({ result: amazonReadings(9_99, 'Custom date range'), title: '' }, contentScriptAt(AMAZON_URL, 50)));
    const result = value(
      await h.handlers.confirmReadings(
        { readingsId: 'readings-1', decisions: [{ index: 0, action: 'save', newStream: { name: 'Amazon' } }], always: false },
        overlayIn(50, AMAZON_URL),
      ),
    );
    expect(result).toEqual({
      status: 'saved',
      report: {
        saved: 0,
        replaced: 0,
        ignored: 0,
        created: { accounts: 0, streams: 0 },
        refused: [{ index: 0, reason: '"Custom date range" is not a period Strata understands, so these earnings were not saved' }],
      },
    });
    expect([await h.db.streams.count(), await h.db.incomeEvents.count(), await h.db.captureMappings.count()]).toEqual([0, 0, 0]);
  });
});

describe('what an item means comes from the adapter and the URL', () => {
  it('paper follows the path, not the payload; totals follow the adapter', async () => {
    const alpaca = (paper?: boolean) => ({
      site: 'alpaca',
      adapterVersion: 1,
      items: [item({ figureKey: 'portfolio-value', kind: 'balance', label: 'Portfolio Value', amount: usd(100_000_00), ...(paper ? { paper } : {}) })],
      problems: [],
    });
    value(await h.handlers.submitReadings({ result: alpaca(), title: '' }, contentScriptAt('https://app.alpaca.markets/paper/dashboard/overview', 60)));
    value(await h.handlers.submitReadings({ result: alpaca(true), title: '' }, contentScriptAt('https://app.alpaca.markets/brokerage/dashboard/overview', 61)));
    expect(h.readings.get(60)?.items[0]?.paper).toBe(true);
    expect(h.readings.get(61)?.items[0]).not.toHaveProperty('paper');

    const forged = fidelityReadings();
    delete forged.items[0]!.total;
    forged.items[1]!.total = true;
    value(await h.handlers.submitReadings({ result: forged, title: '' }, contentScriptAt(FIDELITY_URL, 62)));
    expect(h.readings.get(62)?.items.map((i) => i.total === true)).toEqual([true, false, false]);
  });
});

describe('taught pages', () => {
  it('items of a taught rule are suggested the rule\'s stream and saved with provenance "taught"', async () => {
    const stream = await h.store.addStream({ name: 'Partner program', layer: 'leverage', startedAt: 0, hoursPerMonth: 2 });
    const page = 'https://partners.example.com/reports';
    const ruleId = value(
      await h.handlers.saveTaughtRule(
        { label: 'Commission this month', fallbackPath: 'main > span', meaning: 'earnings', streamId: stream.id },
        contentScriptAt(page, 70),
      ),
    ).id;
    const result = {
      site: null,
      adapterVersion: null,
      items: [item({ figureKey: ruleId, kind: 'earnings', label: 'Commission this month', period: 'This month', amount: usd(12_00), rawText: '$12.00' })],
      problems: [],
    };
    value(await h.handlers.submitReadings({ result, title: 'Reports' }, contentScriptAt(page, 70)));
    const view = value(await h.handlers.getTabReadings(undefined, overlayIn(70, page)));
    expect([view.site, view.siteName, view.layer, view.suggestions]).toEqual([
      null,
      'partners.example.com',
      null,
      [{ streamId: stream.id, always: false, from: 'rule' }],
    ]);
    value(await h.handlers.confirmReadings({ readingsId: view.readingsId, decisions: [{ index: 0, action: 'save', streamId: stream.id }], always: false }, overlayIn(70, page)));
    const [event] = await h.db.incomeEvents.toArray();
    expect(event?.provenance).toEqual({
      description: 'Captured from partners.example.com',
      url: page,
      label: 'Commission this month',
      rawText: '$12.00',
      adapter: 'taught',
      host: 'partners.example.com',
      path: '/reports',
    });
    expect((await h.db.captureMappings.toArray()).map((m) => [m.siteId, m.figureKey, m.streamId])).toEqual([[`taught:partners.example.com`, ruleId, stream.id]]);
  });
});

describe('registerHandlers: readings end with the tab or its page', () => {
  it('forgets a tab\'s readings when it closes or loads another page, not when a frame in it loads', async () => {
    type Listener = (...args: never[]) => void;
    const listeners = { removed: new Set<Listener>(), updated: new Set<Listener>() };
    const event = (set: Set<Listener>) => ({ addListener: (l: Listener) => void set.add(l), removeListener: (l: Listener) => void set.delete(l) });
    const readings = new ReadingsStore(() => 'r');
    const stop = registerHandlers({
      db: h.db,
      store: h.store,
      extensionId: EXT_ID,
      extensionOrigin: EXT_ORIGIN,
      readings,
      tabs: { onRemoved: event(listeners.removed), onUpdated: event(listeners.updated) },
    });
    const put = (tabId: number) =>
      readings.put({ ...fidelityReadings(), tabId, siteId: 'fidelity', siteName: 'Fidelity', layer: null, accountKind: null, host: 'digital.fidelity.com', path: SUMMARY_PATH, origin: 'https://digital.fidelity.com', title: '', submittedAt: 0 });
    const updated = (tabId: number, change: { status?: string; url?: string }) => {
      for (const l of listeners.updated) (l as (id: number, c: typeof change) => void)(tabId, change);
    };
    put(1);
    put(2);
    for (const l of listeners.removed) (l as (id: number) => void)(1);
    expect([readings.get(1), readings.get(2)?.tabId]).toEqual([undefined, 2]);
    updated(2, { status: 'loading' });
    updated(2, { status: 'loading', url: `${FIDELITY_URL}?refresh=1#top` });
    expect(readings.get(2)?.tabId).toBe(2);
    updated(2, { status: 'loading', url: 'https://digital.fidelity.com/ftgw/digital/portfolio/positions' });
    expect(readings.size).toBe(0);
    stop();
    removeAllListeners();
    expect([listeners.removed.size, listeners.updated.size]).toEqual([0, 0]);
  });
});
