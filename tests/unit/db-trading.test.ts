/**
 * The trading lab's write API (schema v5): bars imported all or nothing and
 * only once, lab accounts whose results are Acceleration income only when
 * marked real, the options log's premium as income, deletes that cascade,
 * and the backup format reading the new tables.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackup } from '@/utils/backup/format';
import type { StrataDB } from '@/utils/db/database';
import { TRADING_IMPORT_ID, tradingStreamId, type LabAccount } from '@/utils/db/schema-trading';
import { listSymbols, loadBars } from '@/utils/db/trading';
import type { ImportBar } from '@/utils/db/trading-writes';
import { createStore, ValidationError, type Store } from '@/utils/db/write';
import { labLedger } from '@/utils/trading/paper-ledger';
import { freshDb } from '../fixtures/db/records';

const NOW = Date.UTC(2026, 10, 24, 12);
const usd = (minor: number) => ({ minor, currency: 'USD' });

let db: StrataDB;
let store: Store;

beforeEach(() => {
  db = freshDb();
  let n = 0;
  store = createStore(db, { now: () => NOW, newId: () => `id-${++n}` });
});
afterEach(async () => {
  await db.delete();
});

const bar = (date: string, close: number, over: Partial<ImportBar> = {}): ImportBar => ({
  date,
  open: close,
  high: close + 1_000_000,
  low: close - 1_000_000,
  close,
  adjClose: null,
  volume: 1000,
  ...over,
});
const threeDays = [bar('2024-03-01', 100_000_000), bar('2024-03-04', 101_500_000), bar('2024-03-05', 99_250_000)];

describe('importing bars', () => {
  it('stores them once: the same file twice adds nothing the second time', async () => {
    const first = await store.importBars({ symbol: 'spy', fileName: 'SPY.csv', layout: 'ohlcv', bars: threeDays, notes: [] });
    expect(first).toMatchObject({ added: 3, unchanged: 0, replaced: 0 });
    const again = await store.importBars({ symbol: 'SPY', fileName: 'SPY.csv', layout: 'ohlcv', bars: threeDays, notes: [] });
    expect(again).toEqual({ priceImport: null, added: 0, unchanged: 3, replaced: 0 });
    expect(await db.bars.count()).toBe(3);
    const bars = await loadBars(db, 'SPY');
    expect(bars.map((b) => b.close)).toEqual([100_000_000, 101_500_000, 99_250_000]);
    expect(await listSymbols(db)).toEqual([{ symbol: 'SPY', bars: 3, first: '2024-03-01', last: '2024-03-05', adjusted: false, closeOnly: false }]);
  });

  it('refuses other prices for a stored day, naming it, unless asked to replace', async () => {
    await store.importBars({ symbol: 'SPY', fileName: 'SPY.csv', layout: 'ohlcv', bars: threeDays, notes: [] });
    const corrected = [bar('2024-03-04', 101_600_000), bar('2024-03-06', 98_000_000)];
    const refused = store.importBars({ symbol: 'SPY', fileName: 'fix.csv', layout: 'ohlcv', bars: corrected, notes: [] });
    await expect(refused).rejects.toThrow(ValidationError);
    await expect(refused).rejects.toThrow('1 day of SPY already stored with other prices (2024-03-04)');
    expect(await db.bars.count()).toBe(3);
    const replaced = await store.importBars({ symbol: 'SPY', fileName: 'fix.csv', layout: 'ohlcv', bars: corrected, notes: [], replace: true });
    expect(replaced).toMatchObject({ added: 1, replaced: 1 });
    expect((await loadBars(db, 'SPY')).map((b) => b.close)).toEqual([100_000_000, 101_600_000, 99_250_000, 98_000_000]);
  });

  it('takes an index symbol as Yahoo names it (^GSPC)', async () => {
    await store.importBars({ symbol: '^gspc', fileName: '^GSPC.csv', layout: 'ohlcv', bars: threeDays, notes: [] });
    expect((await loadBars(db, '^GSPC')).length).toBe(3);
    expect((await db.bars.toCollection().first())!.id).toBe('^GSPC|2024-03-01');
  });

  it('refuses a bar whose close is above its high and writes nothing', async () => {
    const broken = [bar('2024-03-01', 100_000_000), bar('2024-03-04', 100_000_000, { high: 99_000_000 })];
    await expect(store.importBars({ symbol: 'SPY', fileName: 'x.csv', layout: 'ohlcv', bars: broken, notes: [] })).rejects.toThrow(
      /bars\[1\] \(2024-03-04\)/,
    );
    expect(await db.bars.count()).toBe(0);
    expect(await db.priceImports.count()).toBe(0);
  });
});

describe('lab accounts and their income', () => {
  async function accountWithRoundTrip(mode: LabAccount['mode']) {
    const account = await store.addLabAccount({ name: 'RSI on SPY', mode, currency: 'USD', capital: usd(1_000_000), startDate: '2024-03-01' });
    // Buy 10 at 100.00 + 1.00 fee = 1,001.00; sell 10 at 110.50 − 1.00 fee = 1,104.00: realized 103.00.
    await store.recordLabFills(
      account.id,
      [
        { symbol: 'SPY', side: 'buy', date: '2024-03-04', signalDate: '2024-03-01', quantity: '10', priceMicros: 100_000_000, fee: usd(100), reason: 'rsi(14) < 30' },
        { symbol: 'SPY', side: 'sell', date: '2024-03-06', signalDate: '2024-03-05', quantity: '10', priceMicros: 110_500_000, fee: usd(100), reason: 'rsi(14) > 70' },
      ],
      '2024-03-06',
    );
    return account;
  }

  it('a real account books the realized gain of each sell as Acceleration income', async () => {
    const account = await accountWithRoundTrip('real');
    const stream = await db.streams.get(tradingStreamId(account.id));
    expect(stream).toMatchObject({ name: 'Trading — RSI on SPY', layer: 'acceleration', capital: usd(1_000_000) });
    const events = await db.incomeEvents.toArray();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'trading-gain', amount: usd(10_300), streamId: stream!.id, at: Date.UTC(2024, 2, 6) });
    expect(events[0]!.provenance.importId).toBe(TRADING_IMPORT_ID);
    expect((await db.labAccounts.get(account.id))!.processedThrough).toBe('2024-03-06');
  });

  it('a paper account writes no income, and switching it to real and back rewrites it', async () => {
    const account = await accountWithRoundTrip('paper');
    expect(await db.incomeEvents.count()).toBe(0);
    await store.updateLabAccount(account.id, { mode: 'real' });
    expect((await db.incomeEvents.toArray()).map((e) => e.amount.minor)).toEqual([10_300]);
    await store.updateLabAccount(account.id, { mode: 'paper' });
    expect(await db.incomeEvents.count()).toBe(0);
  });

  it('never rewrites recorded fills: a fill dated before the last one is refused', async () => {
    const account = await accountWithRoundTrip('paper');
    const early = store.recordLabFills(
      account.id,
      [{ symbol: 'SPY', side: 'buy', date: '2024-03-05', signalDate: '2024-03-04', quantity: '1', priceMicros: 100_000_000, fee: usd(0), reason: 'x' }],
      '2024-03-06',
    );
    await expect(early).rejects.toThrow('before the account\'s last recorded fill (2024-03-06)');
    expect(await db.labFills.count()).toBe(2);
  });

  it('the ledger of the recorded fills: cash, realized result and equity at each close', async () => {
    const account = await accountWithRoundTrip('paper');
    const fills = await db.labFills.where('labAccountId').equals(account.id).toArray();
    const ledger = labLedger(1_000_000, fills, [], 0);
    // 10,000.00 − 1,001.00 + 1,104.00 = 10,103.00
    expect(ledger).toMatchObject({ cashMinor: 1_010_300, realizedMinor: 10_300, positions: [], equityMinor: 1_010_300, sells: 1 });
  });

  it('options premium of a real account is income when opened, and a buy-back a negative entry when closed', async () => {
    const account = await store.addLabAccount({ name: 'Wheel', mode: 'real', currency: 'USD', capital: usd(500_000), startDate: '2026-01-01' });
    const put = await store.addOptionPosition({
      accountId: account.id,
      kind: 'cash-secured-put',
      symbol: 'KO',
      openedOn: '2026-01-05',
      expiry: '2026-02-20',
      strike: usd(5_000),
      contracts: 1,
      premium: usd(12_000),
    });
    await store.updateOptionPosition(put.id, { outcome: { kind: 'closed', on: '2026-02-02', cost: usd(3_000) } });
    const events = (await db.incomeEvents.toArray()).sort((a, b) => a.at - b.at);
    expect(events.map((e) => [e.kind, e.amount.minor, new Date(e.at).toISOString().slice(0, 10)])).toEqual([
      ['options-premium', 12_000, '2026-01-05'],
      ['options-premium', -3_000, '2026-02-02'],
    ]);
    const deleted = await store.deleteLabAccount(account.id);
    expect(deleted).toEqual({ fills: 0, options: 1 });
    expect(await db.incomeEvents.count()).toBe(0);
    expect(await db.optionPositions.count()).toBe(0);
  });

  it('refuses an option in another currency than its account', async () => {
    const account = await store.addLabAccount({ name: 'Wheel', mode: 'paper', currency: 'USD', capital: usd(500_000), startDate: '2026-01-01' });
    const euro = { minor: 5_000, currency: 'EUR' };
    await expect(
      store.addOptionPosition({ accountId: account.id, kind: 'cash-secured-put', symbol: 'KO', openedOn: '2026-01-05', expiry: '2026-02-20', strike: euro, contracts: 1, premium: euro }),
    ).rejects.toThrow("strike: must be in USD, the account's currency");
  });

  it('a strategy followed by an account cannot be deleted', async () => {
    const strategy = await store.saveStrategy({ name: 'RSI', text: 'buy when rsi(14) < 30; sell when rsi(14) > 70', symbols: ['SPY'] });
    await store.addLabAccount({ name: 'Paper RSI', mode: 'paper', currency: 'USD', capital: usd(1_000_000), startDate: '2026-01-01', strategyId: strategy.id });
    await expect(store.deleteStrategy(strategy.id)).rejects.toThrow('the strategy is followed by "Paper RSI"');
  });
});

describe('backup of the lab', () => {
  it('reads the new tables and refuses a fill whose account is missing', async () => {
    const account = await accountRecord();
    const fill = { id: 'a#000000', labAccountId: 'missing', symbol: 'SPY', side: 'buy', date: '2024-03-04', signalDate: '2024-03-01', quantity: '1', priceMicros: 1_000_000, fee: usd(0), reason: 'x' };
    const text = JSON.stringify({ format: 'strata-backup', schemaVersion: 5, exportedAt: '2026-11-24T00:00:00.000Z', tables: { labAccounts: [account], labFills: [fill] } });
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.message)).toEqual(['tables.labFills[0].labAccountId: no lab account with id "missing" in the backup']);
  });

  async function accountRecord() {
    return store.addLabAccount({ name: 'Paper', mode: 'paper', currency: 'USD', capital: usd(100), startDate: '2026-01-01' });
  }
});
