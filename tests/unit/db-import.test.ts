/**
 * Committing an import (utils/db/import-plan.ts, import-writes.ts): where
 * records go, that the same rows are never stored twice, that a commit is
 * all or nothing, and that sells the account could not have made are left
 * out with their reason instead of breaking the portfolio.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StrataDB } from '@/utils/db/database';
import type { ImportCommitInput } from '@/utils/db/import-types';
import { createStore, type Store } from '@/utils/db/write';
import type { ImportedRecord, ParsedImport } from '@/utils/importers/types';
import { fidelityBrokerage, freshDb } from '../fixtures/db/records';

const NOW = Date.UTC(2026, 10, 24, 15);
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

const reading = (records: ImportedRecord[], errors: ParsedImport['errors'] = []): ParsedImport => ({ format: 'bank-signed-amount', records, errors, notes: [] });
const card = (line: number, date: string, minor: number, description: string): ImportedRecord => ({ kind: 'transaction', line, date, amount: usd(minor), description });
const input = (r: ParsedImport, more: Partial<ImportCommitInput> = {}): ImportCommitInput => ({ reading: r, fileName: 'card.csv', format: 'bank-signed-amount', institution: 'Chase', now: NOW, ...more });

describe('bank transactions', () => {
  const january = reading([
    card(2, '2026-01-03', -1549, 'NETFLIX.COM 866-579-7172 CA'),
    card(3, '2026-01-05', -450, 'SQ *BLUE BOTTLE #0421 OAKLAND CA'),
    card(4, '2026-01-05', -450, 'SQ *BLUE BOTTLE #0421 OAKLAND CA'), // a second coffee: a real, identical row
    card(5, '2026-01-09', 250000, 'PAYROLL ACME'),
  ]);

  it('stores every row once, on the day the file says, in an account created for the file', async () => {
    const preview = await store.previewImport(input(january));
    expect(preview).toMatchObject({ add: { transactions: 4 }, duplicates: 0, refused: 0 });
    expect(preview.accounts).toEqual([{ label: '', name: 'Imported transactions', create: true, records: 4 }]);
    expect(await db.transactions.count()).toBe(0); // the preview writes nothing

    const outcome = await store.commitImport(input(january));
    expect(outcome.add).toEqual({ transactions: 4 });
    const [account] = await db.accounts.toArray();
    expect(account).toMatchObject({ institution: 'Chase', name: 'Imported transactions', kind: 'cash', taxType: 'none', currency: 'USD' });
    const stored = (await db.transactions.toArray()).sort((a, b) => a.provenance.row! - b.provenance.row!);
    expect(stored.map((t) => [new Date(t.at).toISOString(), t.amount.minor, t.accountId])).toEqual([
      ['2026-01-03T12:00:00.000Z', -1549, account!.id],
      ['2026-01-05T12:00:00.000Z', -450, account!.id],
      ['2026-01-05T12:00:00.000Z', -450, account!.id],
      ['2026-01-09T12:00:00.000Z', 250000, account!.id],
    ]);
    expect(stored[0]!.merchant).toBe('Netflix');
    expect(stored[0]!.provenance).toEqual({ description: 'Imported from card.csv line 2', importId: outcome.importId, row: 2 });
    const [row] = await db.imports.toArray();
    expect(row).toMatchObject({ id: outcome.importId, fileName: 'card.csv', format: 'bank-signed-amount', importedAt: NOW, added: { transactions: 4 }, duplicates: 0, refused: 0 });
  });

  it('adds nothing when the same file comes again, and only the new rows of an overlapping export', async () => {
    await store.commitImport(input(january));
    const again = await store.commitImport(input(january));
    expect(again).toMatchObject({ add: {}, duplicates: 4, duplicateLines: [2, 3, 4, 5] });
    expect(again.importId).toBeUndefined();
    expect(await db.transactions.count()).toBe(4);
    expect(await db.imports.count()).toBe(1);
    expect(await db.accounts.count()).toBe(1); // matched, not created again

    // January's second half and February, exported later with other line numbers.
    const overlap = reading([
      card(2, '2026-01-05', -450, 'SQ *BLUE BOTTLE #0421 OAKLAND CA'),
      card(3, '2026-01-05', -450, 'SQ *BLUE BOTTLE #0421 OAKLAND CA'),
      card(4, '2026-01-09', 250000, 'PAYROLL ACME'),
      card(5, '2026-02-03', -1549, 'NETFLIX.COM 866-579-7172 CA'),
    ]);
    const outcome = await store.commitImport(input(overlap, { fileName: 'card-feb.csv' }));
    expect(outcome).toMatchObject({ add: { transactions: 1 }, duplicates: 3 });
    expect(await db.transactions.count()).toBe(5);
  });

  it('counts refused rows and never writes them', async () => {
    const outcome = await store.commitImport(input(reading(january.records.slice(0, 1), [{ line: 3, column: 'Amount', reason: '"abc" is not an amount' }])));
    expect(outcome).toMatchObject({ add: { transactions: 1 }, refused: 1 });
    expect((await db.imports.toArray())[0]!.refused).toBe(1);
  });

  it('is all or nothing: a failure while writing leaves the database as it was', async () => {
    const many = reading(Array.from({ length: 4500 }, (_, i) => card(i + 2, '2026-01-03', -(i + 1), `SHOP ${i}`)));
    // The last write of the commit (the imports row) fails, after every chunk of records was written.
    const spy = vi.spyOn(db.imports, 'add').mockImplementation(() => Promise.reject(new Error('disk full')) as never);
    await expect(store.commitImport(input(many))).rejects.toThrow('disk full');
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(await db.transactions.count()).toBe(0);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
  });

  it('puts the rows into the account the person chose', async () => {
    const account = await store.addAccount(fidelityBrokerage);
    const outcome = await store.commitImport(input(january, { accounts: { '': { accountId: account.id } } }));
    expect(outcome.accounts).toEqual([{ label: '', accountId: account.id, name: account.name, create: false, records: 4 }]);
    expect(new Set((await db.transactions.toArray()).map((t) => t.accountId))).toEqual(new Set([account.id]));
  });

  it('undoes an import: its records go, the rest stays', async () => {
    const first = await store.commitImport(input(january));
    const later = await store.commitImport(input(reading([card(2, '2026-03-01', -999, 'HULU')]), { fileName: 'march.csv' }));
    expect(await store.undoImport(first.importId!)).toEqual({ transactions: 4 });
    expect((await db.transactions.toArray()).map((t) => t.description)).toEqual(['HULU']);
    expect((await db.imports.toArray()).map((i) => i.id)).toEqual([later.importId]);
  });
});

describe('brokerage records', () => {
  const brokerage = (records: ImportedRecord[]): ImportCommitInput => ({
    reading: { format: 'schwab-transactions', records, errors: [], notes: [] },
    fileName: 'schwab.csv',
    format: 'schwab-transactions',
    institution: 'Charles Schwab',
    now: NOW,
  });
  const trade = (line: number, date: string, side: 'buy' | 'sell', quantity: string, priceMinor: number): ImportedRecord => ({
    kind: 'trade', line, date, side, symbol: 'VTI', quantity, price: usd(priceMinor), account: 'Individual ...876',
  });

  it('keeps buys and sells it can replay; a sale of shares not held is left out with its reason', async () => {
    const outcome = await store.commitImport(
      brokerage([
        trade(3, '2026-03-02', 'buy', '10', 25000),
        trade(4, '2026-03-02', 'sell', '4', 25500), // same day: the buy counts first
        trade(5, '2026-03-05', 'sell', '7', 26000), // only 6 left
        trade(6, '2026-03-06', 'sell', '6', 26100),
      ]),
    );
    expect(outcome.add).toEqual({ trades: 3 });
    expect(outcome.unstorable).toEqual([
      { line: 5, column: '', reason: 'sells 7 VTI on 2026-03-05, but the account holds only 6 then: import its positions or tax lots, or the earlier activity, first' },
    ]);
    expect(outcome.accounts).toEqual([{ label: 'Individual ...876', name: 'Individual ...876', create: true, records: 4 }]);
    const ids = (await db.trades.toArray()).map((t) => t.id).sort();
    // A day's buys sort before its sells, so the portfolio replays them in that order.
    expect(ids.filter((id) => id.startsWith('imp-b-'))).toHaveLength(1);
    expect(ids.filter((id) => id.startsWith('imp-s-'))).toHaveLength(2);
  });

  it('writes dividends to the account’s dividend stream, positions as holdings and the stated total as a balance', async () => {
    const outcome = await store.commitImport(
      brokerage([
        { kind: 'income', line: 2, date: '2026-03-31', amount: usd(12345), incomeKind: 'dividend', source: 'Dividends and interest', symbol: 'VTI', account: 'IRA' },
        { kind: 'income', line: 3, date: '2026-03-31', amount: usd(-1852), incomeKind: 'dividend', source: 'Dividends and interest', symbol: 'VXUS', description: 'Foreign tax withheld', account: 'IRA' },
        { kind: 'position', line: 4, date: '2026-03-31', symbol: 'VTI', quantity: '10.5', marketValue: usd(262500), account: 'IRA' },
        { kind: 'balance', line: 5, date: '2026-03-31', amount: usd(300000), account: 'IRA' },
      ]),
    );
    expect(outcome.add).toEqual({ incomeEvents: 2, holdings: 1, balanceSnapshots: 1 });
    expect(outcome.streams).toEqual([{ name: 'Dividends and interest — Charles Schwab IRA', create: true, records: 2 }]);
    const [account] = await db.accounts.toArray();
    const [stream] = await db.streams.toArray();
    expect(stream).toMatchObject({ layer: 'foundation', accountId: account!.id, startedAt: Date.UTC(2026, 2, 31, 12) });
    const events = await db.incomeEvents.toArray();
    expect(events.map((e) => e.amount.minor).sort((a, b) => a - b)).toEqual([-1852, 12345]);
    expect((await db.holdings.toArray())[0]).toMatchObject({ symbol: 'VTI', quantity: '10.5', marketValue: usd(262500), asOf: Date.UTC(2026, 2, 31, 12) });
    expect((await db.balanceSnapshots.toArray())[0]).toMatchObject({ accountId: account!.id, amount: usd(300000), source: 'import' });
  });

  it('names ad and affiliate income streams after their source, in the Leverage layer', async () => {
    await store.commitImport({
      reading: {
        format: 'amazon-associates-earnings',
        records: [
          { kind: 'income', line: 3, date: '2026-11-02', amount: usd(412), incomeKind: 'affiliate-commission', source: 'Amazon Associates' },
          { kind: 'income', line: 4, date: '2026-11-01', amount: usd(-120), incomeKind: 'affiliate-commission', source: 'Amazon Associates' },
        ],
        errors: [],
        notes: [],
      },
      fileName: 'Fee-Earnings.csv',
      format: 'amazon-associates-earnings',
      institution: 'Amazon Associates',
      now: NOW,
    });
    expect(await db.accounts.count()).toBe(0);
    const streams = await db.streams.toArray();
    expect(streams).toEqual([{ id: streams[0]!.id, name: 'Amazon Associates', layer: 'leverage', startedAt: Date.UTC(2026, 10, 1, 12), hoursPerMonth: 0 }]);
  });
});

describe('marks, rules and mappings', () => {
  it('saves a mapping per header and replaces it on a second save', async () => {
    const header = ['Posted', 'Payee', 'Out', 'In'];
    const mapping = { kind: 'transaction' as const, columns: { date: 'Posted', description: 'Payee', debit: 'Out', credit: 'In' } };
    const saved = await store.saveImportMapping(header, mapping);
    const again = await store.saveImportMapping([' posted', 'PAYEE', 'Out', 'In', ''], { ...mapping, dateOrder: 'DMY' });
    expect(again.id).toBe(saved.id);
    expect(await db.importMappings.count()).toBe(1);
    expect((await db.importMappings.get(saved.id))!.dateOrder).toBe('DMY');
  });

  it('refuses a second rule for the same pattern, and sets and clears a leak mark', async () => {
    await store.addCategoryRule({ pattern: 'Netflix', category: 'Streaming' });
    await expect(store.addCategoryRule({ pattern: 'NETFLIX', category: 'Fun' })).rejects.toThrow('A rule for "Netflix" already exists (→ Streaming).');
    await store.setLeakMark('netflix', 'unused');
    expect(await db.leakMarks.get('netflix')).toEqual({ id: 'netflix', mark: 'unused', createdAt: NOW });
    await store.setLeakMark('netflix', undefined);
    expect(await db.leakMarks.count()).toBe(0);
  });
});
