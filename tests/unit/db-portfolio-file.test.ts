/**
 * The portfolio interchange file in and out of the database: an import
 * replaces the stored portfolio all or nothing, its dividends and interest
 * become Foundation income exactly once however often it is imported, and
 * export → import → export gives the same bytes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StrataDB } from '@/utils/db/database';
import { exportPortfolio, importPortfolio, loadPortfolio } from '@/utils/db/portfolio';
import { createStore, ValidationError, type Store } from '@/utils/db/write';
import { parseDay } from '@/utils/portfolio/dates';
import { parsePortfolio } from '@/utils/portfolio/interchange';
import { fidelityBrokerage, freshDb } from '../fixtures/db/records';

const NOW = Date.UTC(2026, 10, 24, 12);
const HAND = { source: 'manual' as const, provenance: { description: 'Entered by hand' } };
const usd = (minor: number) => ({ minor, currency: 'USD' });
const day = (iso: string) => parseDay(iso)!;

const FILE = {
  format: 'strata-portfolio',
  version: 1,
  accounts: [
    { id: 'taxable', taxType: 'taxable', name: 'Fidelity brokerage' },
    { id: 'roth', taxType: 'tax-free', name: 'Vanguard Roth IRA' },
  ],
  lots: [
    { account: 'taxable', symbol: 'VTI', quantity: 100, costBasisMinor: 2000000, acquired: '2023-03-01' },
    { account: 'taxable', symbol: 'VEA', quantity: 12.5, costBasisMinor: 62500, acquired: '2022-03-01' },
    { account: 'roth', symbol: 'BND', quantity: 300, costBasisMinor: 2400000, acquired: '2022-01-10' },
  ],
  trades: [
    { account: 'taxable', symbol: 'ITOT', side: 'buy', quantity: 20, date: '2026-01-05', priceMinor: 14000 },
    { account: 'taxable', symbol: 'ITOT', side: 'sell', quantity: 20, date: '2026-01-05', priceMinor: 14100 },
    { account: 'taxable', symbol: 'VTI', side: 'sell', quantity: 10, date: '2026-04-01', priceMinor: 30000, lots: [{ acquired: '2023-03-01', quantity: 10 }] },
    { account: 'roth', symbol: 'VXUS', side: 'reinvest', quantity: 5, date: '2026-11-10', priceMinor: 6000 },
  ],
  income: [
    { account: 'taxable', symbol: 'VTI', kind: 'dividend', date: '2026-09-30', amountMinor: 31250 },
    { account: 'taxable', kind: 'interest', date: '2026-10-31', amountMinor: 412 },
  ],
  prices: { VTI: { priceMinor: 30000, date: '2026-11-23' }, VXUS: 6000 },
  cash: { taxable: 100000 },
  targets: { 'us-total-market': 0.6, 'us-bonds': 0.4 },
  classes: { FSKAX: 'us-total-market' },
  identical: [['VTI', 'ITOT']],
  settings: {
    currency: 'USD',
    bands: { absolute: 0.04, relative: 0.25 },
    harvest: { minLossMinor: 50000, minLossShare: 0.05 },
    taxRates: { shortTerm: 0.32, longTerm: 0.15 },
    allowShortTermGains: false,
    lotMethod: 'fifo',
  },
};
const TEXT = JSON.stringify(FILE, null, 2);
const edited = (change: (file: any) => void) => {
  const file = structuredClone(FILE) as any;
  change(file);
  return JSON.stringify(file, null, 2);
};

const dbs: StrataDB[] = [];
let db: StrataDB;
let store: Store;
function newDb(): StrataDB {
  const fresh = freshDb();
  dbs.push(fresh);
  return fresh;
}
beforeEach(() => {
  db = newDb();
  store = createStore(db, { now: () => NOW });
});
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

/** Every table, sorted by id: a full picture to compare before/after. */
async function everything(of: StrataDB = db) {
  const picture: Record<string, unknown[]> = {};
  for (const table of of.tables) picture[table.name] = await table.orderBy(':id').toArray();
  return picture;
}
/** Income events as (stream name, kind, amount, day), without ids. */
async function incomeRows(of: StrataDB = db) {
  const streams = new Map((await of.streams.toArray()).map((s) => [s.id, s.name]));
  return (await of.incomeEvents.orderBy('at').toArray()).map((e) => [streams.get(e.streamId), e.kind, e.amount.minor, new Date(e.at).toISOString().slice(0, 10)]);
}

async function refusal(text: string): Promise<ValidationError> {
  const error = await importPortfolio(db, text, NOW).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('importPortfolio', () => {
  it('writes the file into an empty database and reads back the same portfolio', async () => {
    const summary = await importPortfolio(db, TEXT, NOW);
    expect(summary).toEqual({
      accountsMatched: 0,
      accountsCreated: 2,
      taxLots: 3,
      trades: 4,
      prices: 2,
      allocationTargets: 2,
      // Two income entries and the reinvested dividend.
      incomeEvents: 3,
      streamsCreated: 2,
      incomeAlreadyRecorded: 0,
    });
    const accounts = await db.accounts.orderBy('id').toArray();
    expect(accounts.map((a) => [a.id, a.institution, a.name, a.kind, a.layer, a.taxType])).toEqual([
      ['roth', 'Imported', 'Vanguard Roth IRA', 'retirement', 'foundation', 'tax-free'],
      ['taxable', 'Imported', 'Fidelity brokerage', 'brokerage', 'foundation', 'taxable'],
    ]);
    // The reinvestment: 5 × $60.00 = $300.00 of dividends.
    expect(await incomeRows()).toEqual([
      ['Dividends and interest — Fidelity brokerage', 'dividend', 31250, '2026-09-30'],
      ['Dividends and interest — Fidelity brokerage', 'interest', 412, '2026-10-31'],
      ['Dividends and interest — Vanguard Roth IRA', 'dividend', 30000, '2026-11-10'],
    ]);
    expect((await db.streams.toArray()).every((s) => s.layer === 'foundation')).toBe(true);
    expect((await db.allocationTargets.toArray()).map((t) => t.bandBasisPoints)).toEqual([400, 400]);

    const parsed = parsePortfolio(TEXT);
    if (!parsed.ok) throw new Error(parsed.error);
    const { portfolio } = await loadPortfolio(db);
    const [vti, vea, bnd] = parsed.portfolio.lots;
    expect(portfolio).toEqual({
      ...parsed.portfolio,
      // Lots by acquisition day: BND 2022-01-10, VEA 2022-03-01, VTI 2023-03-01.
      lots: [bnd, vea, vti],
      // A price without a date is dated the import day.
      prices: { VTI: { priceMinor: 30000, date: day('2026-11-23') }, VXUS: { priceMinor: 6000, date: day('2026-11-24') } },
    });
  });

  it('importing the same file twice adds nothing the second time', async () => {
    await importPortfolio(db, TEXT, NOW);
    const counts = async () => Promise.all(db.tables.map(async (t) => [t.name, await t.count()]));
    const [before, incomeBefore] = [await counts(), await incomeRows()];
    const again = await importPortfolio(db, TEXT, NOW + 3_600_000);
    expect([again.accountsMatched, again.accountsCreated, again.streamsCreated, again.incomeEvents]).toEqual([2, 0, 0, 3]);
    expect(await counts()).toEqual(before);
    expect(await incomeRows()).toEqual(incomeBefore);
  });

  it('replaces the stored portfolio, keeping closed lots, archived accounts\' records and income recorded another way', async () => {
    await importPortfolio(db, TEXT, NOW);
    const old = await store.addAccount({ ...fidelityBrokerage, name: 'Old 401k', taxType: 'tax-deferred' });
    const oldLot = await store.addTaxLot({ accountId: old.id, symbol: 'VFIAX', acquiredAt: Date.UTC(2015, 0, 2), quantity: '3', costBasis: usd(60000), ...HAND });
    const oldTrade = await store.addTrade({ accountId: old.id, symbol: 'VFIAX', side: 'buy', quantity: '1', price: usd(20000), date: '2016-01-04', ...HAND });
    await store.archiveAccount(old.id);
    const closed = await store.addTaxLot({
      accountId: 'taxable', symbol: 'SCHB', acquiredAt: Date.UTC(2021, 4, 1), quantity: '100', costBasis: usd(400000),
      soldAt: Date.UTC(2026, 3, 1), proceeds: usd(600000), ...HAND,
    });
    const stream = (await db.streams.where('accountId').equals('taxable').first())!;
    await store.addIncomeEvent({ streamId: stream.id, at: Date.UTC(2026, 5, 30), amount: usd(999), kind: 'dividend', ...HAND });
    const smaller = edited((f) => {
      f.lots = [f.lots[0]];
      f.trades = [];
      f.income = [];
      f.prices = { VTI: 31000 };
      f.targets = { 'us-total-market': 1 };
    });
    const summary = await importPortfolio(db, smaller, NOW);
    expect([summary.taxLots, summary.trades, summary.prices, summary.allocationTargets, summary.incomeEvents]).toEqual([1, 0, 1, 1, 0]);
    expect((await db.taxLots.toArray()).map((l) => l.symbol).sort()).toEqual(['SCHB', 'VFIAX', 'VTI']);
    expect(await db.taxLots.get(closed.id)).toEqual(closed);
    expect(await db.taxLots.get(oldLot.id)).toEqual(oldLot);
    expect(await db.trades.toArray()).toEqual([oldTrade]);
    expect(await incomeRows()).toEqual([['Dividends and interest — Fidelity brokerage', 'dividend', 999, '2026-06-30']]);
    expect((await loadPortfolio(db)).portfolio.targets).toEqual({ 'us-total-market': 10000 });
  });

  it('matches accounts by id or name, takes the file\'s tax type, reuses their stream and does not record a dividend twice', async () => {
    const fidelity = await store.addAccount(fidelityBrokerage);
    const roth = await store.addAccount({ ...fidelityBrokerage, institution: 'Vanguard', name: 'Roth IRA', kind: 'retirement', taxType: 'none' });
    const rothStream = await store.addStream({ name: 'Roth dividends', layer: 'foundation', accountId: roth.id, startedAt: Date.UTC(2020, 0, 1), hoursPerMonth: 0 });
    const fidelityStream = await store.addStream({ name: 'Fidelity payouts', layer: 'foundation', accountId: fidelity.id, startedAt: Date.UTC(2020, 0, 1), hoursPerMonth: 0 });
    // Captured before the import: the same dividend as income[0].
    await store.addIncomeEvent({ streamId: fidelityStream.id, at: Date.UTC(2026, 8, 30), amount: usd(31250), kind: 'dividend', source: 'capture', provenance: { description: 'Captured' } });
    const file = edited((f) => {
      f.accounts[0].id = fidelity.id;
      f.accounts[0].name = 'Whatever';
      for (const part of [f.lots, f.trades, f.income]) for (const x of part) if (x.account === 'taxable') x.account = fidelity.id;
      f.cash = { [fidelity.id]: 100000 };
    });
    const summary = await importPortfolio(db, file, NOW);
    expect([summary.accountsMatched, summary.accountsCreated, summary.streamsCreated, summary.incomeAlreadyRecorded, summary.incomeEvents]).toEqual([2, 0, 0, 1, 2]);
    expect(await db.accounts.count()).toBe(2);
    expect((await db.accounts.get(roth.id))!.taxType).toBe('tax-free');
    expect(await incomeRows()).toEqual([
      ['Fidelity payouts', 'dividend', 31250, '2026-09-30'],
      ['Fidelity payouts', 'interest', 412, '2026-10-31'],
      [rothStream.name, 'dividend', 30000, '2026-11-10'],
    ]);
    expect((await store.getPortfolioSettings()).cash).toEqual({ [fidelity.id]: 100000 });
  });
});

describe('refusals change nothing', () => {
  beforeEach(async () => {
    await importPortfolio(db, TEXT, NOW);
  });

  it('a file with an error on its last line', async () => {
    const before = await everything();
    const error = await refusal(edited((f) => (f.settings.lotMethod = 'lifo')));
    expect(error.issues.map((i) => i.field)).toEqual(['settings.lotMethod']);
    expect(error.message).toBe('settings.lotMethod must be one of: fifo, chosen');
    expect(await everything()).toEqual(before);
  });

  it('a forged file: an unknown field, a date not on the calendar, an unknown account — each named by path', async () => {
    const before = await everything();
    const error = await refusal(
      edited((f) => {
        f.lots[0].colour = 'red';
        f.trades[1].date = '2026-02-30';
        f.income[0].account = 'ghost';
      }),
    );
    expect(error.issues.map((i) => i.field)).toEqual(['lots[0].colour', 'trades[1].date', 'income[0].account']);
    expect(error.message).toMatch(/income\[0\]\.account names the account "ghost", which is not in accounts/);
    expect((await refusal('{"format": "strata-portfolio",')).message).toMatch(/^This is not a portfolio file: it is not valid JSON/);
    expect(await everything()).toEqual(before);
  });

  it('a failure in the middle of the writes', async () => {
    const before = await everything();
    let n = 0;
    db.trades.hook('creating', () => {
      if (++n === 3) throw new Error('disk full');
    });
    await expect(importPortfolio(db, edited((f) => f.lots.pop()), NOW + 1)).rejects.toThrow('disk full');
    expect(await everything()).toEqual(before);
  });
});

describe('exportPortfolio', () => {
  async function roundTrip(from: StrataDB): Promise<[string, string]> {
    const first = await exportPortfolio(from);
    expect(parsePortfolio(first).ok).toBe(true);
    const empty = newDb();
    await importPortfolio(empty, first, NOW + 86_400_000);
    return [first, await exportPortfolio(empty)];
  }

  it('export → import into an empty database → export gives the same bytes (an imported file)', async () => {
    await importPortfolio(db, TEXT, NOW);
    const [first, second] = await roundTrip(db);
    expect(second).toBe(first);
    expect(first).toContain('"name": "Fidelity brokerage"');
  });

  it('… and a portfolio entered by hand, with a captured dividend and a reinvestment', async () => {
    const fidelity = await store.addAccount(fidelityBrokerage);
    const ira = await store.addAccount({ ...fidelityBrokerage, institution: 'Vanguard', name: 'IRA', kind: 'retirement', taxType: 'tax-deferred' });
    await store.addTaxLot({ accountId: ira.id, symbol: 'BND', acquiredAt: Date.UTC(2022, 0, 10, 15), quantity: '300', costBasis: usd(2400000), ...HAND });
    await store.addTaxLot({ accountId: fidelity.id, symbol: 'VTI', acquiredAt: Date.UTC(2022, 0, 10), quantity: '0.123456', costBasis: usd(3000), ...HAND });
    await store.addTrade({ accountId: fidelity.id, symbol: 'VTI', side: 'buy', quantity: '2', price: usd(29000), date: '2026-11-02', ...HAND });
    await store.addTrade({ accountId: fidelity.id, symbol: 'VTI', side: 'sell', quantity: '1', price: usd(29100), date: '2026-11-02', ...HAND });
    await store.addTrade({ accountId: ira.id, symbol: 'BND', side: 'reinvest', quantity: '1.5', price: usd(7001), date: '2026-10-01', ...HAND });
    await store.setPrice({ symbol: 'VTI', price: usd(30000), date: '2026-11-23', ...HAND });
    await store.setPrice({ symbol: 'BND', price: usd(7200), date: '2026-11-20', ...HAND });
    await store.setTargets({ 'us-total-market': 6000, 'us-bonds': 4000 });
    await store.savePortfolioSettings({ cash: { [ira.id]: 5000 }, classOverrides: { FSKAX: 'us-total-market' }, identical: [['VTI', 'ITOT']], allowShortTermGains: true });
    const stream = await store.addStream({ name: 'Fidelity dividends', layer: 'foundation', accountId: fidelity.id, startedAt: Date.UTC(2024, 0, 1), hoursPerMonth: 0 });
    await store.addIncomeEvent({ streamId: stream.id, at: Date.UTC(2026, 8, 30, 16), amount: usd(1234), kind: 'dividend', source: 'capture', provenance: { description: 'Captured' } });

    const [first, second] = await roundTrip(db);
    expect(second).toBe(first);
    const file = JSON.parse(first);
    expect(file.accounts.map((a: { name: string }) => a.name)).toEqual(['Fidelity Brokerage', 'Vanguard IRA']);
    expect(file.trades.map((t: { side: string }) => t.side)).toEqual(['reinvest', 'buy', 'sell']);
    expect(file.income).toEqual([{ account: fidelity.id, kind: 'dividend', date: '2026-09-30', amountMinor: 1234 }]);
  });
});

describe('deleting an imported account', () => {
  it('removes its trades and its cash; the rest of the portfolio stays readable', async () => {
    await importPortfolio(db, TEXT, NOW);
    const deleted = await store.deleteAccount('taxable');
    expect([deleted.trades, deleted.taxLots, deleted.reinvestIncomeEvents]).toEqual([3, 2, 0]);
    expect((await db.trades.toArray()).map((t) => t.symbol)).toEqual(['VXUS']);
    const { portfolio } = await loadPortfolio(db);
    expect(portfolio.cash).toEqual({});
    expect(portfolio.accounts.map((a) => a.id)).toEqual(['roth']);
  });
});
