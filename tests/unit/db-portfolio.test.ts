/**
 * The portfolio's write API (schema v4): trades with their reinvested
 * dividends as Foundation income, prices one per symbol and day, the
 * portfolio settings, the targets as a whole, deleting an account; and
 * loadPortfolio reading it all back for the engine.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackup } from '@/utils/backup/format';
import type { StrataDB } from '@/utils/db/database';
import { loadPortfolio } from '@/utils/db/portfolio';
import type { Account } from '@/utils/db/schema';
import { defaultPortfolioSettings, REINVEST_IMPORT_ID } from '@/utils/db/schema-portfolio';
import { createStore, ValidationError, type NewTrade, type Store } from '@/utils/db/write';
import { parseDay } from '@/utils/portfolio/dates';
import { fidelityBrokerage, freshDb, taxLotOf } from '../fixtures/db/records';

const NOW = Date.UTC(2026, 10, 24, 12);
const HAND = { source: 'manual' as const, provenance: { description: 'Entered by hand' } };
const usd = (minor: number) => ({ minor, currency: 'USD' });
const day = (iso: string) => parseDay(iso)!;

let db: StrataDB;
let store: Store;
let fidelity: Account;
let ira: Account;

beforeEach(async () => {
  db = freshDb();
  let n = 0;
  // Ids that sort backwards: trade order must not come from newId.
  store = createStore(db, { now: () => NOW, newId: () => `id-${String(999 - ++n)}` });
  fidelity = await store.addAccount(fidelityBrokerage);
  ira = await store.addAccount({ ...fidelityBrokerage, institution: 'Vanguard', name: 'IRA', kind: 'retirement', taxType: 'tax-deferred' });
});
afterEach(async () => {
  await db.delete();
});

const trade = (over: Partial<NewTrade> = {}): NewTrade => ({
  accountId: fidelity.id,
  symbol: 'VTI',
  side: 'buy',
  quantity: '10',
  price: usd(250_00),
  date: '2026-03-02',
  ...HAND,
  ...over,
});

async function refusal(write: () => Promise<unknown>): Promise<string[]> {
  const error = await write().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => i.message);
}

describe('trades', () => {
  it('stores a trade with its symbol upper case and loads it for the engine', async () => {
    const stored = await store.addTrade(trade({ symbol: ' vti ', quantity: '12.5' }));
    expect(stored.symbol).toBe('VTI');
    expect(await db.trades.get(stored.id)).toEqual(stored);
    const { portfolio } = await loadPortfolio(db);
    // 12.5 shares = 12_500_000 micro-shares; 2026-03-02 is day 20514 (56 years × 365 + 14 leap days + 60).
    expect(portfolio.trades).toEqual([{ account: fidelity.id, symbol: 'VTI', side: 'buy', quantity: 12_500_000, date: 20514, priceMinor: 25000 }]);
  });

  it('refuses a date that is not on the calendar, fractions of a micro-share, zero shares and a negative price', async () => {
    const messages = await refusal(() => store.addTrade(trade({ date: '2026-02-30', quantity: '1.1234567', price: usd(-1) })));
    expect(messages).toEqual([
      'quantity must be a number of shares more than zero, with at most 6 decimals',
      'price cannot be negative',
      'date must be a real date written YYYY-MM-DD',
    ]);
    expect(await refusal(() => store.addTrade(trade({ quantity: '0' })))).toEqual(['quantity must be a number of shares more than zero, with at most 6 decimals']);
    expect(await db.trades.count()).toBe(0);
  });

  it('takes chosen lots on sells only, adding up to the quantity sold', async () => {
    const lots = [{ acquired: '2024-01-05', quantity: '4' }, { acquired: '2025-01-06', quantity: '6' }];
    expect(await refusal(() => store.addTrade(trade({ lots })))).toEqual(['lots are only for sells (the lots a sale closes)']);
    expect(await refusal(() => store.addTrade(trade({ side: 'sell', quantity: '9', lots })))).toEqual(['lots must add up to the quantity sold']);
    const sell = await store.addTrade(trade({ side: 'sell', quantity: '10', lots }));
    const { portfolio } = await loadPortfolio(db);
    // 2024-01-05 is day 19727, 2025-01-06 day 20094 (19727 + 366 + 1).
    expect(portfolio.trades[0]!.lots).toEqual([{ acquired: 19727, quantity: 4_000_000 }, { acquired: 20094, quantity: 6_000_000 }]);
    expect(sell.lots).toHaveLength(2);
  });

  it('refuses an unknown account, an account without a tax type and a price in another currency', async () => {
    const checking = await store.addAccount({ ...fidelityBrokerage, name: 'Checking', kind: 'cash', taxType: 'none' });
    expect(await refusal(() => store.addTrade(trade({ accountId: 'ghost', price: { minor: 100, currency: 'EUR' } })))).toEqual([
      'accountId: no account with id "ghost"',
      'price.currency is EUR but the portfolio is in USD',
    ]);
    expect(await refusal(() => store.addTrade(trade({ accountId: checking.id })))).toEqual([
      'accountId: account "Checking" has no tax type; set it to taxable, tax-deferred or tax-free to record trades in it',
    ]);
  });

  it('replays trades of one day in the order they were added, whatever their ids', async () => {
    await store.addTrade(trade({ side: 'buy', quantity: '5' }));
    await store.addTrade(trade({ side: 'sell', quantity: '5' }));
    await store.addTrade(trade({ side: 'buy', quantity: '1', date: '2026-03-01' }));
    const { portfolio } = await loadPortfolio(db);
    expect(portfolio.trades.map((t) => [t.date, t.side, t.quantity])).toEqual([
      [day('2026-03-01'), 'buy', 1_000_000],
      [day('2026-03-02'), 'buy', 5_000_000],
      [day('2026-03-02'), 'sell', 5_000_000],
    ]);
  });
});

describe('reinvested dividends are Foundation income', () => {
  const reinvest = () => trade({ accountId: ira.id, side: 'reinvest', symbol: 'VXUS', quantity: '5.5', price: usd(6001), date: '2026-11-10' });

  it('a reinvest trade keeps one dividend event on the account\'s Foundation stream, and the portfolio does not count it twice', async () => {
    const t = await store.addTrade(reinvest());
    const streams = await db.streams.toArray();
    expect(streams.map((s) => [s.name, s.layer, s.accountId, s.startedAt])).toEqual([
      ['Dividends and interest — Vanguard IRA', 'foundation', ira.id, Date.UTC(2026, 10, 10)],
    ]);
    const event = (await db.incomeEvents.get(t.id))!;
    // 5.5 × 60.01 = 330.055 → 33005.5 cents, a tie: half to even gives 33006 (33005 is odd).
    expect([event.kind, event.amount, event.at, event.provenance.importId]).toEqual(['dividend', usd(33006), Date.UTC(2026, 10, 10), REINVEST_IMPORT_ID]);

    // A second reinvestment uses the same stream: 2.5 × 1.01 = 2.525 → 252.5 cents → 252 (252 is even).
    const second = await store.addTrade({ ...reinvest(), quantity: '2.5', price: usd(101) });
    expect(await db.streams.count()).toBe(1);
    expect((await db.incomeEvents.get(second.id))!.amount).toEqual(usd(252));

    // A dividend paid in cash, entered on the stream, is portfolio income; the reinvested ones are already trades.
    await store.addIncomeEvent({ streamId: streams[0]!.id, at: Date.UTC(2026, 8, 30), amount: usd(1234), kind: 'dividend', ...HAND });
    const { portfolio } = await loadPortfolio(db);
    expect(portfolio.income).toEqual([{ account: ira.id, kind: 'dividend', date: day('2026-09-30'), amountMinor: 1234 }]);
    expect(portfolio.trades.filter((x) => x.side === 'reinvest')).toHaveLength(2);
  });

  it('follows the trade: a changed amount, a change of side, a deletion', async () => {
    const t = await store.addTrade(reinvest());
    await store.updateTrade(t.id, { quantity: '10' });
    // 10 × 60.01 = 600.10
    expect((await db.incomeEvents.get(t.id))!.amount).toEqual(usd(60010));
    await store.updateTrade(t.id, { side: 'buy' });
    expect(await db.incomeEvents.get(t.id)).toBeUndefined();
    await store.updateTrade(t.id, { side: 'reinvest' });
    expect(await db.incomeEvents.count()).toBe(1);
    await store.deleteTrade(t.id);
    expect([await db.trades.count(), await db.incomeEvents.count()]).toEqual([0, 0]);
    // The stream stays: it is the account's place for dividends.
    expect(await db.streams.count()).toBe(1);
  });
});

describe('prices', () => {
  it('keeps one price per symbol and day, and the portfolio takes the latest day', async () => {
    const first = await store.setPrice({ symbol: 'vti', price: usd(280_00), date: '2026-11-20', ...HAND });
    const replaced = await store.setPrice({ symbol: 'VTI', price: usd(285_00), date: '2026-11-20', ...HAND });
    expect(replaced.id).toBe(first.id);
    await store.setPrice({ symbol: 'VTI', price: usd(290_00), date: '2026-11-21', ...HAND });
    await store.setPrice({ symbol: 'VTI', price: usd(270_00), date: '2026-11-19', ...HAND });
    expect(await db.prices.count()).toBe(3);
    const { portfolio } = await loadPortfolio(db);
    expect(portfolio.prices).toEqual({ VTI: { priceMinor: 29000, date: day('2026-11-21') } });
    await store.deletePrice(first.id);
    expect(await db.prices.count()).toBe(2);
  });

  it('refuses a price in another currency and a date that is not a day', async () => {
    expect(await refusal(() => store.setPrice({ symbol: 'VTI', price: { minor: 1, currency: 'EUR' }, date: '2026-11-20', ...HAND }))).toEqual([
      'price.currency is EUR but the portfolio is in USD',
    ]);
    expect(await refusal(() => store.setPrice({ symbol: 'VTI', price: usd(1), date: '20.11.2026', ...HAND }))).toEqual([
      'date must be a real date written YYYY-MM-DD',
    ]);
  });
});

describe('portfolio settings and targets', () => {
  it('default to the 5/25 bands in the base currency, with notifications off', async () => {
    await store.saveSettings({ baseCurrency: 'EUR' });
    const settings = await store.getPortfolioSettings();
    expect(settings).toMatchObject({ key: 'portfolio', currency: 'EUR', absoluteBandBasisPoints: 500, relativeBandBasisPoints: 2500, driftNotifications: false, cash: {} });
    expect(await db.portfolioSettings.count()).toBe(0);
  });

  it('merges a patch, checks the cash accounts and the bands, and clears lastDriftCheck', async () => {
    await store.savePortfolioSettings({ cash: { [fidelity.id]: 50_000 }, lastDriftCheck: { at: NOW, outside: ['us-bonds'] } });
    const messages = await refusal(() => store.savePortfolioSettings({ cash: { ghost: 1 }, absoluteBandBasisPoints: 12_000 }));
    expect(messages).toEqual(['absoluteBandBasisPoints is more than 100%']);
    expect(await refusal(() => store.savePortfolioSettings({ cash: { ghost: 1 } }))).toEqual(['cash.ghost: no account with id "ghost"']);
    const saved = await store.savePortfolioSettings({ driftNotifications: true, lastDriftCheck: undefined });
    expect(saved.cash).toEqual({ [fidelity.id]: 50_000 });
    expect(saved.driftNotifications).toBe(true);
    expect('lastDriftCheck' in saved).toBe(false);
  });

  it('refuses a currency change while trades are in the old currency', async () => {
    await store.addTrade(trade());
    expect(await refusal(() => store.savePortfolioSettings({ currency: 'EUR' }))).toEqual([
      'currency cannot be EUR: the portfolio has 1 trade in another currency; delete or correct them first',
    ]);
  });

  it('setTargets replaces every target at once, at the absolute band, and refuses a sum other than 100%', async () => {
    await store.putAllocationTarget({ assetClass: 'reits', targetBasisPoints: 1000, bandBasisPoints: 300 });
    await store.setTargets({ 'us-total-market': 6000, 'us-bonds': 4000 });
    const rows = (await db.allocationTargets.toArray()).map((t) => [t.assetClass, t.targetBasisPoints, t.bandBasisPoints]).sort();
    expect(rows).toEqual([['us-bonds', 4000, 500], ['us-total-market', 6000, 500]]);
    // 6000 + 3500 = 9500: 95%.
    expect(await refusal(() => store.setTargets({ 'us-total-market': 6000, 'us-bonds': 3500 }))).toEqual([
      'targets must add up to 10000 basis points (100%); they add up to 9500 (95%)',
    ]);
    expect(await refusal(() => store.setTargets({ 'US Bonds': 10000 }))).toEqual([
      'targets.US Bonds: "US Bonds" is not an asset class id in lower case such as us-bonds',
    ]);
    expect(await db.allocationTargets.count()).toBe(2);
    // The bands follow the absolute band.
    await store.savePortfolioSettings({ absoluteBandBasisPoints: 400 });
    expect((await db.allocationTargets.toArray()).map((t) => t.bandBasisPoints)).toEqual([400, 400]);
    expect((await loadPortfolio(db)).portfolio.targets).toEqual({ 'us-bonds': 4000, 'us-total-market': 6000 });
    await store.setTargets({});
    expect(await db.allocationTargets.count()).toBe(0);
  });
});

describe('deleteAccount', () => {
  it('removes the account\'s trades with their reinvested dividends, and its cash', async () => {
    await store.addTrade(trade({ accountId: ira.id }));
    await store.addTrade(trade({ accountId: ira.id, side: 'reinvest', quantity: '1', price: usd(100_00) }));
    await store.addTrade(trade());
    await store.savePortfolioSettings({ cash: { [ira.id]: 100, [fidelity.id]: 200 } });
    const deleted = await store.deleteAccount(ira.id);
    expect([deleted.trades, deleted.reinvestIncomeEvents]).toEqual([2, 1]);
    expect((await db.trades.toArray()).map((t) => t.accountId)).toEqual([fidelity.id]);
    expect(await db.incomeEvents.count()).toBe(0);
    expect((await store.getPortfolioSettings()).cash).toEqual({ [fidelity.id]: 200 });
  });
});

describe('loadPortfolio', () => {
  it('reads open lots of accounts with a tax type, leaving out closed lots, archived accounts and other layers', async () => {
    const checking = await store.addAccount({ ...fidelityBrokerage, name: 'Checking', kind: 'cash', taxType: 'none' });
    const old = await store.addAccount({ ...fidelityBrokerage, name: 'Old 401k', taxType: 'tax-deferred' });
    await store.archiveAccount(old.id);
    await store.addTaxLot(taxLotOf(fidelity.id));
    await store.addTaxLot({ ...taxLotOf(fidelity.id), soldAt: Date.UTC(2025, 0, 2), proceeds: usd(1) });
    await store.addTaxLot(taxLotOf(checking.id));
    await store.addTaxLot(taxLotOf(old.id));
    const { portfolio, accountIds } = await loadPortfolio(db);
    // By name: "Fidelity Brokerage" (already holds its institution) before "Vanguard IRA".
    expect(portfolio.accounts).toEqual([
      { id: fidelity.id, name: 'Fidelity Brokerage', taxType: 'taxable' },
      { id: ira.id, name: 'Vanguard IRA', taxType: 'tax-deferred' },
    ]);
    expect(accountIds).toEqual([fidelity.id, ira.id]);
    // taxLotOf: 12.5 VTI for $2,812.37 acquired 2022-01-14 (day 19006).
    expect(portfolio.lots).toEqual([{ account: fidelity.id, symbol: 'VTI', quantity: 12_500_000, costBasisMinor: 281_237, acquired: 19006 }]);
    expect(portfolio.currency).toBe('USD');
  });

  it('names a lot in another currency instead of converting it', async () => {
    const lot = await store.addTaxLot({ ...taxLotOf(fidelity.id), costBasis: { minor: 100, currency: 'EUR' } });
    await expect(loadPortfolio(db)).rejects.toThrow(
      `taxLots.${lot.id}.costBasis.currency: the VTI lot in "Fidelity Brokerage" is in EUR but the portfolio is in USD; correct it or change the portfolio currency`,
    );
  });
});

describe('backups hold the portfolio tables', () => {
  it('reads trades, prices and the settings row, and names a trade or cash of an account the backup does not hold', async () => {
    const stored = await store.addTrade(trade());
    const price = await store.setPrice({ symbol: 'VTI', price: usd(1), date: '2026-11-20', ...HAND });
    const backup = (trades: unknown[], cash: Record<string, number>) =>
      JSON.stringify({
        format: 'strata-backup',
        schemaVersion: 4,
        exportedAt: '2026-11-24T12:00:00.000Z',
        tables: { accounts: [fidelity], trades, prices: [price], portfolioSettings: [{ ...defaultPortfolioSettings('USD'), cash }] },
      });
    const good = parseBackup(backup([stored], { [fidelity.id]: 100 }));
    if (!good.ok) throw new Error(good.error);
    expect(good.backup.tables.trades).toEqual([stored]);
    expect(good.backup.tables.portfolioSettings[0]!.cash).toEqual({ [fidelity.id]: 100 });
    const bad = parseBackup(backup([stored, { ...stored, id: 'other', accountId: ira.id }, { ...stored, id: 'odd', date: '2026-13-01' }], { ghost: 1 }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.message)).toEqual([
      'tables.trades[2].date must be a real date written YYYY-MM-DD',
      `tables.trades[1].accountId: no account with id "${ira.id}" in the backup`,
      'tables.portfolioSettings[0].cash.ghost: no account with id "ghost" in the backup',
    ]);
  });
});
