/**
 * planSave, the pure rules of saving a capture, with hand-written readings
 * and the exact records each decision must produce.
 */
import { describe, expect, it } from 'vitest';
import { parseRate } from '@/utils/analytics/convert';
import { isJump, planSave, type CaptureDecision, type PlanInput, type PlanResult } from '@/utils/capture/ingest';
import type { ExtractedItem } from '@/utils/capture/types';
import type { Account, Stream } from '@/utils/db/schema';

const t = (iso: string) => Date.parse(iso);
const NOW = t('2026-11-24T09:00:00Z'); // 10:00 in Berlin
const CET = 60;
const usd = (minor: number) => ({ minor, currency: 'USD' });

function item(fields: Partial<ExtractedItem> & Pick<ExtractedItem, 'figureKey' | 'kind' | 'label'>): ExtractedItem {
  return { account: null, period: null, rawText: '', confidence: 0.9, path: 'main > div > span', ...fields };
}

const FIDELITY = {
  siteId: 'fidelity',
  site: 'fidelity',
  adapterVersion: 1,
  layer: 'foundation' as const,
  accountKind: 'brokerage' as const,
  host: 'digital.fidelity.com',
  path: '/ftgw/digital/portfolio/summary',
  origin: 'https://digital.fidelity.com',
  items: [
    item({ figureKey: 'total-balance', kind: 'balance', label: 'Total balance', amount: usd(184_802_12), rawText: '$184,802.12', total: true }),
    item({ figureKey: 'account-balance', kind: 'balance', label: 'Balance', account: 'Individual - TOD', amount: usd(122_687_77), rawText: '$122,687.77' }),
    item({ figureKey: 'account-balance', kind: 'balance', label: 'Balance', account: 'ROTH IRA', amount: usd(62_114_35), rawText: '$62,114.35' }),
  ],
};

const account = (id: string, name: string, extra: Partial<Account> = {}) => ({ id, name, currency: 'USD', ...extra });
const ROTH = account('roth', 'Roth IRA');

function plan(overrides: Partial<PlanInput> & Pick<PlanInput, 'decisions'>): PlanResult {
  let next = 0;
  return planSave({
    readings: FIDELITY,
    accounts: [ROTH],
    streams: [],
    lastBalances: new Map(),
    settings: { captureJumpFactor: '3', baseCurrency: 'USD' },
    now: NOW,
    tzOffsetMinutes: CET,
    acceptJumps: false,
    always: false,
    newId: () => `new-${++next}`,
    ...overrides,
  });
}

function ready(result: PlanResult) {
  expect(result.status).toBe('ready');
  if (result.status !== 'ready') throw new Error('not ready');
  return result;
}

const provenance = (label: string, rawText: string) => ({
  description: 'Captured from digital.fidelity.com',
  url: 'https://digital.fidelity.com/ftgw/digital/portfolio/summary',
  label,
  rawText,
  adapter: 'fidelity',
  adapterVersion: 1,
  host: 'digital.fidelity.com',
  path: '/ftgw/digital/portfolio/summary',
});

describe('balances', () => {
  it('new accounts get the adapter layer and kind, the page currency, and a snapshot with full provenance', () => {
    const result = ready(
      plan({
        always: true,
        decisions: [
          { index: 0, action: 'ignore' },
          { index: 1, action: 'save', newAccount: { institution: 'Fidelity', name: 'Individual - TOD' } },
          { index: 2, action: 'save', newAccount: { institution: 'Fidelity', name: ' ROTH IRA ' } },
        ],
      }),
    );
    const newAccount = (id: string, name: string) => ({
      id,
      institution: 'Fidelity',
      name,
      kind: 'brokerage',
      layer: 'foundation',
      currency: 'USD',
      taxType: 'taxable',
      createdAt: NOW,
    });
    expect(result.writes).toEqual({
      accounts: [newAccount('new-1', 'Individual - TOD'), newAccount('new-2', 'ROTH IRA')],
      streams: [],
      snapshots: [
        { accountId: 'new-1', at: NOW, amount: usd(122_687_77), source: 'capture', provenance: provenance('Balance', '$122,687.77') },
        { accountId: 'new-2', at: NOW, amount: usd(62_114_35), source: 'capture', provenance: provenance('Balance', '$62,114.35') },
      ],
      income: [],
      metrics: [],
      mappings: [
        { siteId: 'fidelity', host: 'digital.fidelity.com', figureKey: 'total-balance', accountName: '', always: true },
        { siteId: 'fidelity', host: 'digital.fidelity.com', figureKey: 'account-balance', accountName: 'Individual - TOD', accountId: 'new-1', always: true },
        { siteId: 'fidelity', host: 'digital.fidelity.com', figureKey: 'account-balance', accountName: 'ROTH IRA', accountId: 'new-2', always: true },
      ],
    });
    expect([result.ignored, result.refused]).toEqual([1, []]);
  });

  it('nothing is saved without a decision: a page total only when mapped', () => {
    const none = ready(plan({ decisions: [] }));
    expect(none.writes).toEqual({ accounts: [], streams: [], snapshots: [], income: [], metrics: [], mappings: [] });
    expect(none.ignored).toBe(3);
    const total = ready(plan({ decisions: [{ index: 0, action: 'save', accountId: 'roth' }] }));
    expect(total.writes.snapshots.map((s) => [s.accountId, s.amount.minor])).toEqual([['roth', 184_802_12]]);
    expect(total.ignored).toBe(2);
  });

  it('amounts come from the readings, never from the decision', () => {
    const forged = { index: 2, action: 'save', accountId: 'roth', amount: usd(1) } as CaptureDecision;
    expect(ready(plan({ decisions: [forged] })).writes.snapshots[0]!.amount).toEqual(usd(62_114_35));
  });

  it('refuses, with a reason, what cannot be this account\'s balance', () => {
    const eurItem = { ...FIDELITY, items: [...FIDELITY.items, item({ figureKey: 'account-balance', kind: 'balance', label: 'Balance', account: 'Depot', amount: { minor: 5_00, currency: 'EUR' } })] };
    const result = ready(
      plan({
        readings: eurItem,
        accounts: [ROTH, account('old', 'Old IRA', { archivedAt: 1 })],
        streams: [{ id: 'blog', name: 'Blog' }],
        decisions: [
          { index: 0, action: 'save', accountId: 'old' },
          { index: 1, action: 'save', accountId: 'gone' },
          { index: 2, action: 'save', streamId: 'blog' },
          { index: 3, action: 'save', accountId: 'roth' },
        ],
      }),
    );
    expect(result.refused).toEqual([
      { index: 0, reason: 'Account "Old IRA" is archived' },
      { index: 1, reason: 'There is no account with id "gone"' },
      { index: 2, reason: 'A balance belongs to an account: choose an account, not an income stream' },
      { index: 3, reason: 'The page shows EUR but the account is in USD' },
    ]);
    expect(result.writes.snapshots).toEqual([]);
    expect(result.writes.mappings).toEqual([]);
  });

  it('two figures cannot both be one account\'s balance: the later one is refused', () => {
    const result = ready(
      plan({
        decisions: [
          { index: 1, action: 'save', newAccount: { institution: 'Fidelity', name: 'Main' } },
          { index: 2, action: 'save', newAccount: { institution: 'fidelity', name: 'MAIN' } },
        ],
      }),
    );
    expect(result.refused).toEqual([{ index: 2, reason: 'Another figure on this page ("Balance" of Individual - TOD) already goes there' }]);
    expect(result.writes.accounts.map((a) => a.name)).toEqual(['Main']);
  });
});

describe('jumps', () => {
  it('a balance 6.2× the last one waits for confirmation; acceptJumps writes it', () => {
    const input = {
      decisions: [{ index: 2, action: 'save', accountId: 'roth' }] as CaptureDecision[],
      lastBalances: new Map([['roth', usd(10_000_00)]]),
    };
    expect(plan(input)).toEqual({
      status: 'needs-confirmation',
      needsConfirmation: [{ index: 2, previous: usd(10_000_00), next: usd(62_114_35) }],
    });
    expect(ready(plan({ ...input, acceptJumps: true })).writes.snapshots.map((s) => s.amount.minor)).toEqual([62_114_35]);
    // With a factor of 7 the same change is not a jump.
    expect(plan({ ...input, settings: { captureJumpFactor: '7', baseCurrency: 'USD' } }).status).toBe('ready');
  });

  it('isJump: more than factor× or less than 1/factor, exactly; a sign change or a zero always asks', () => {
    const three = parseRate('3');
    expect([isJump(100_00, 300_00, three), isJump(100_00, 300_01, three)]).toEqual([false, true]);
    // 33.34 × 3 = 100.02 ≥ 100: fine; 33.33 × 3 = 99.99 < 100: a jump.
    expect([isJump(100_00, 33_34, three), isJump(100_00, 33_33, three)]).toEqual([false, true]);
    const oneAndHalf = parseRate('1.5');
    expect([isJump(200, 300, oneAndHalf), isJump(200, 301, oneAndHalf), isJump(300, 200, oneAndHalf), isJump(301, 200, oneAndHalf)]).toEqual([
      false,
      true,
      false,
      true,
    ]);
    expect([isJump(-100, 100, three), isJump(0, 0, three), isJump(0, 5, three), isJump(5, 0, three), isJump(-100, -250, three)]).toEqual([
      true,
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('paper accounts', () => {
  const ALPACA_PAPER = {
    ...FIDELITY,
    siteId: 'alpaca',
    site: 'alpaca',
    layer: 'acceleration' as const,
    accountKind: 'trading' as const,
    host: 'app.alpaca.markets',
    path: '/paper/dashboard/overview',
    origin: 'https://app.alpaca.markets',
    items: [
      item({ figureKey: 'portfolio-value', kind: 'balance', label: 'Portfolio Value', amount: usd(100_000_00), paper: true }),
      item({ figureKey: 'buying-power', kind: 'cash', label: 'Buying Power', amount: usd(200_000_00), paper: true }),
    ],
  };
  const accounts = [account('live', 'Alpaca Live'), account('paper', 'Alpaca Paper')];

  it('paper figures go only to accounts whose name says paper; a new one gets " (paper)"', () => {
    const result = ready(
      plan({
        readings: ALPACA_PAPER,
        accounts,
        decisions: [
          { index: 0, action: 'save', newAccount: { institution: 'Alpaca', name: 'Trading' } },
          { index: 1, action: 'save', accountId: 'live' },
        ],
      }),
    );
    expect(result.writes.accounts).toEqual([
      { id: 'new-1', institution: 'Alpaca', name: 'Trading (paper)', kind: 'trading', layer: 'acceleration', currency: 'USD', taxType: 'taxable', createdAt: NOW },
    ]);
    expect(result.refused).toEqual([{ index: 1, reason: 'This is a paper (simulated) figure; account "Alpaca Live" is not a paper account' }]);
    const toPaper = ready(plan({ readings: ALPACA_PAPER, accounts, decisions: [{ index: 1, action: 'save', accountId: 'paper' }] }));
    expect(toPaper.writes.snapshots.map((s) => [s.accountId, s.amount.minor])).toEqual([['paper', 200_000_00]]);
  });

  it('live figures never go into a paper account, and paper figures never into income', () => {
    const live = ready(
      plan({
        accounts,
        decisions: [
          { index: 1, action: 'save', accountId: 'paper' },
          { index: 2, action: 'save', newAccount: { institution: 'Fidelity', name: 'Paper trading' } },
        ],
      }),
    );
    expect(live.refused).toEqual([
      { index: 1, reason: 'Account "Alpaca Paper" is a paper account; live figures never go into it' },
      { index: 2, reason: '"Paper trading" says paper; live figures never go into a paper account' },
    ]);
    const realized = { ...ALPACA_PAPER, items: [item({ figureKey: 'pnl', kind: 'realized', label: 'Realized P&L', period: 'Today', amount: usd(5_00), paper: true })] };
    expect(ready(plan({ readings: realized, decisions: [{ index: 0, action: 'save', newStream: { name: 'Bot' } }] })).refused).toEqual([
      { index: 0, reason: 'Paper (simulated) figures never go into income streams' },
    ]);
  });
});

describe('earnings and metrics', () => {
  const AMAZON = {
    ...FIDELITY,
    siteId: 'amazon-associates',
    site: 'amazon-associates',
    layer: 'leverage' as const,
    accountKind: 'content' as const,
    host: 'affiliate-program.amazon.com',
    path: '/home',
    origin: 'https://affiliate-program.amazon.com',
    items: [
      item({ figureKey: 'total-earnings', kind: 'earnings', label: 'Total Earnings', period: 'This Month', amount: usd(41_17), rawText: '$41.17', incomeKind: 'affiliate-commission' }),
      item({ figureKey: 'total-earnings', kind: 'earnings', label: 'Total Earnings', period: 'Yesterday', amount: usd(3_05), rawText: '$3.05' }),
      item({ figureKey: 'total-earnings', kind: 'earnings', label: 'Total Earnings', period: 'Custom range', amount: usd(9_99) }),
      item({ figureKey: 'total-earnings', kind: 'earnings', label: 'Total Earnings', period: null, amount: usd(8_88) }),
      item({ figureKey: 'realized', kind: 'realized', label: 'Realized P&L', period: 'Today', amount: usd(-12_50) }),
    ],
  };

  it('earnings become income for the resolved period; unknown periods are refused with the reason', () => {
    const result = ready(
      plan({
        readings: AMAZON,
        accounts: [ROTH],
        decisions: [0, 1, 2, 3, 4].map((index) => ({ index, action: 'save', newStream: { name: 'Amazon Associates' } }) as CaptureDecision),
      }),
    );
    expect(result.writes.streams).toEqual([{ id: 'new-1', name: 'Amazon Associates', layer: 'leverage', startedAt: NOW, hoursPerMonth: 0 }]);
    const amazon = (label: string, rawText: string) => ({
      ...provenance(label, rawText),
      description: 'Captured from affiliate-program.amazon.com',
      url: 'https://affiliate-program.amazon.com/home',
      adapter: 'amazon-associates',
      host: 'affiliate-program.amazon.com',
      path: '/home',
    });
    expect(result.writes.income).toEqual([
      {
        streamId: 'new-1',
        at: NOW,
        amount: usd(41_17),
        kind: 'affiliate-commission',
        source: 'capture',
        provenance: amazon('Total Earnings', '$41.17'),
        period: { start: t('2026-10-31T23:00:00Z'), end: t('2026-11-30T23:00:00Z'), label: 'This Month' },
        periodKey: '2026-11',
      },
      {
        streamId: 'new-1',
        // Yesterday ended at 00:00 Berlin today; the event sits on its last millisecond.
        at: t('2026-11-23T23:00:00Z') - 1,
        amount: usd(3_05),
        kind: 'other',
        source: 'capture',
        provenance: amazon('Total Earnings', '$3.05'),
        period: { start: t('2026-11-22T23:00:00Z'), end: t('2026-11-23T23:00:00Z'), label: 'Yesterday' },
        periodKey: '2026-11-23',
      },
      {
        streamId: 'new-1',
        at: NOW,
        amount: usd(-12_50),
        kind: 'trading-gain',
        source: 'capture',
        provenance: amazon('Realized P&L', ''),
        period: { start: t('2026-11-23T23:00:00Z'), end: t('2026-11-24T23:00:00Z'), label: 'Today' },
        periodKey: '2026-11-24',
      },
    ]);
    expect(result.refused).toEqual([
      { index: 2, reason: '"Custom range" is not a period Strata understands, so these earnings were not saved' },
      { index: 3, reason: 'The page shows no period for these earnings, so Strata cannot tell which days they cover' },
    ]);
  });

  it('earnings go to a stream, not an account', () => {
    expect(ready(plan({ readings: AMAZON, decisions: [{ index: 0, action: 'save', accountId: 'roth' }] })).refused).toEqual([
      { index: 0, reason: 'Earnings are income: choose an income stream, not an account' },
    ]);
  });

  it('MRR and counts become metric snapshots; one new stream serves both', () => {
    const SAAS = {
      ...AMAZON,
      siteId: 'lemon-squeezy',
      site: 'lemon-squeezy',
      layer: 'compounding' as const,
      items: [
        item({ figureKey: 'mrr', kind: 'mrr', label: 'MRR', amount: usd(4_990_00), metric: 'mrr' }),
        item({ figureKey: 'paid', kind: 'count', label: 'Paid subscriptions', count: 412, metric: 'Paid Subscriptions' }),
      ],
    };
    const result = ready(plan({ readings: SAAS, decisions: [0, 1].map((index) => ({ index, action: 'save', newStream: { name: 'Invoicer' } }) as CaptureDecision) }));
    expect(result.writes.streams.map((s) => [s.id, s.layer])).toEqual([['new-1', 'compounding']]);
    expect(result.writes.metrics.map(({ provenance: _p, ...m }) => m)).toEqual([
      { streamId: 'new-1', at: NOW, metric: 'mrr', kind: 'mrr', amount: usd(4_990_00), source: 'capture' },
      { streamId: 'new-1', at: NOW, metric: 'paid-subscriptions', kind: 'count', count: 412, source: 'capture' },
    ]);
  });
});

describe('decisions that make no sense refuse the whole save', () => {
  it.each<[string, CaptureDecision[], { field: string; message: string }]>([
    ['an index past the items', [{ index: 3, action: 'ignore' }], { field: 'decisions[0].index', message: 'decisions[0].index: there is no figure 3 (the page has 3)' }],
    [
      'two decisions for one item',
      [{ index: 1, action: 'ignore' }, { index: 1, action: 'save', accountId: 'roth' }],
      { field: 'decisions[1].index', message: 'decisions[1].index: figure 1 has two decisions' },
    ],
    [
      'two targets at once',
      [{ index: 1, action: 'save', accountId: 'roth', newStream: { name: 'x' } }],
      { field: 'decisions[0]', message: 'decisions[0] must name exactly one of accountId, streamId, newAccount, newStream' },
    ],
  ])('%s', (_name, decisions, issue) => {
    expect(plan({ decisions })).toEqual({ status: 'refused', issues: [issue] });
  });
});
