/**
 * Conformance: the real Interactive Brokers, Betterment and OFX/QFX exports
 * in /work/shared/data/real-exports (see its SOURCES.md) import with no
 * errors, through the whole reader (detection included), and give the
 * figures read off the files by hand. Skipped when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImport } from '@/utils/importers';
import { toDecimalString } from '@/utils/money';
import type { ImportedRecord, ImportReading } from '@/utils/importers/types';
import { parseOfx } from '@/utils/importers/formats/ofx';

const dir = path.resolve(__dirname, '../../../shared/data/real-exports');
const load = (name: string): ImportReading => readImport(new Uint8Array(readFileSync(path.join(dir, name))));
const m = (money?: { minor: number; currency: string }) => (money ? `${toDecimalString(money)}${money.currency === 'USD' ? '' : ` ${money.currency}`}` : '-');
const count = (records: ImportedRecord[]) => records.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.kind]: (acc[r.kind] ?? 0) + 1 }), {});
const total = (records: ImportedRecord[], pick: (r: ImportedRecord) => number) => records.reduce((sum, r) => sum + pick(r), 0);

describe.skipIf(!existsSync(dir))('real Interactive Brokers, Betterment and OFX exports', () => {
  it('gf-vti-buy-on-ibkr.csv (Flex trades, full column set): the VTI buy', () => {
    const r = load('gf-vti-buy-on-ibkr.csv');
    expect([r.format, r.errors, r.institution]).toEqual(['ibkr-flex-trades', [], 'Interactive Brokers']);
    expect(r.records).toHaveLength(1);
    // 17 × 204.3473 = 3473.9041 + 1 commission = NetCash −3474.9041 → −3474.90; the price 204.3473 → 204.35
    expect(r.records[0]).toMatchObject({
      kind: 'trade', line: 2, account: 'U1234567', date: '2023-04-03', side: 'buy', symbol: 'VTI', quantity: '17',
      price: { minor: 20435, currency: 'USD' }, fees: { minor: 100, currency: 'USD' }, amount: { minor: -347490, currency: 'USD' },
      description: 'VANGUARD TOTAL STOCK MKT ETF',
    });
  });

  it('etg-ibkr-trades-export.csv (Flex trades, custom columns): 8 buys by ISIN, 3 forex lines noted', () => {
    const r = load('etg-ibkr-trades-export.csv');
    expect([r.format, r.errors]).toEqual(['ibkr-flex-trades', []]);
    expect(count(r.records)).toEqual({ trade: 8 });
    const trades = r.records.filter((x) => x.kind === 'trade');
    // 7 × 282.7 = 1978.9 CHF + 5 CHF commission
    expect(trades[0]).toMatchObject({ date: '2023-05-22', side: 'buy', symbol: 'CH0111762537', quantity: '7', price: { minor: 28270, currency: 'CHF' }, fees: { minor: 500, currency: 'CHF' }, amount: { minor: -198390, currency: 'CHF' } });
    // 1 × 97.84 + 0.979 = 98.819 → 98.82; the commission 0.979 → 0.98
    expect(trades[4]).toMatchObject({ line: 6, date: '2023-08-03', quantity: '1', price: { minor: 9784, currency: 'USD' }, fees: { minor: 98, currency: 'USD' }, amount: { minor: -9882, currency: 'USD' } });
    // 95 + 105 + 11 + 1 + 2 + 97 + 12 = 323 shares of US9220427424
    expect(total(trades.filter((t) => t.kind === 'trade' && t.symbol === 'US9220427424'), (t) => (t.kind === 'trade' ? Number(t.quantity) : 0))).toBe(323);
    expect(r.notes).toContain('3 lines are currency conversions (forex: no ISIN or symbol, or asset class CASH) and were not imported as trades.');
  });

  it('etg-ibkr-dividends-export.csv (Flex cash transactions): dividends and tax withheld per currency', () => {
    const r = load('etg-ibkr-dividends-export.csv');
    expect([r.format, r.errors]).toEqual(['ibkr-flex-cash', []]);
    expect(count(r.records)).toEqual({ income: 11 });
    const vt = r.records.filter((x) => x.kind === 'income' && x.symbol === 'VT');
    // dividends 137.23 + 85.97 + 169.77 = 392.97; tax −20.58 − 12.90 − 25.47 = −58.95
    expect(total(vt, (x) => (x.kind === 'income' && x.amount.minor > 0 ? x.amount.minor : 0))).toBe(39297);
    expect(total(vt, (x) => (x.kind === 'income' && x.amount.minor < 0 ? x.amount.minor : 0))).toBe(-5895);
    expect(r.records[1]).toMatchObject({ line: 3, date: '2023-09-13', amount: { minor: -1468, currency: 'CHF' }, incomeKind: 'dividend', symbol: 'SMMCHA' });
    // a payment in lieu in yen, symbol read from "4543.T(JP3546800008) …"
    expect(r.records[9]).toMatchObject({ line: 11, date: '2025-06-25', amount: { minor: 455, currency: 'JPY' }, incomeKind: 'dividend', symbol: '4543.T' });
  });

  it('cgt-ibkr-transaction-history-test_basic.csv (Transaction History): every kind of line, in GBP', () => {
    const r = load('cgt-ibkr-transaction-history-test_basic.csv');
    expect([r.format, r.errors]).toEqual(['ibkr-activity-statement', []]);
    expect(count(r.records)).toEqual({ income: 7, trade: 2, transaction: 1 });
    const line = (n: number) => r.records.find((x) => x.line === n)!;
    expect(line(11)).toMatchObject({ kind: 'income', date: '2025-11-03', amount: { minor: 2000, currency: 'GBP' }, incomeKind: 'dividend', symbol: 'VT' });
    expect(line(12)).toMatchObject({ kind: 'income', amount: { minor: -300, currency: 'GBP' }, incomeKind: 'dividend' });
    // 2 × 1001.00 = 2002.0 − 3.0 = 1999.0
    expect(line(17)).toMatchObject({ kind: 'trade', date: '2025-08-15', side: 'sell', symbol: 'CNX1', quantity: '2', price: { minor: 100100, currency: 'GBP' }, fees: { minor: 300, currency: 'GBP' }, amount: { minor: 199900, currency: 'GBP' } });
    expect(line(18)).toMatchObject({ kind: 'trade', side: 'buy', quantity: '4', amount: { minor: -400300, currency: 'GBP' } });
    // withholding on credit interest, then its cancellation
    expect([line(19), line(20)].map((x) => (x.kind === 'income' ? `${x.incomeKind} ${m(x.amount)}` : ''))).toEqual(['interest 3.90 GBP', 'interest -3.90 GBP']);
    expect(line(22)).toMatchObject({ kind: 'transaction', date: '2025-01-01', amount: { minor: 500000, currency: 'GBP' }, account: 'U***00000' });
    expect(r.notes).toEqual([
      '1 FX translation adjustment was not imported: it is a change in value in the base currency, not money moved.',
      '1 currency conversion (forex) line was not imported as a trade.',
    ]);
  });

  it('hmb-betterment-good-test.csv (open tax lots): 9 lots', () => {
    const r = load('hmb-betterment-good-test.csv');
    expect([r.format, r.errors, r.institution]).toEqual(['betterment-lots', [], 'Betterment']);
    expect(count(r.records)).toEqual({ lot: 9 });
    expect(r.records[0]).toMatchObject({ kind: 'lot', account: 'My Betterment Account (test-account-number)', symbol: 'VEA', acquired: '1999-01-01', quantity: '15.968728', costBasis: { minor: 66893 }, marketValue: { minor: 73232 } });
    // cost 668.93 + 205.74 + 141.74 + 350.48 + 366.03 + 162.85 + 82.25 + 99.28 + 3.91 = 2081.21
    expect(total(r.records, (x) => (x.kind === 'lot' ? x.costBasis.minor : 0))).toBe(208121);
    // value 732.32 + 228.07 + 159.62 + 386.13 + 373.78 + 169.74 + 85.54 + 100.79 + 4.13 = 2240.12
    expect(total(r.records, (x) => (x.kind === 'lot' ? x.marketValue!.minor : 0))).toBe(224012);
  });

  it('cmb-betterment-transactions_11_2015.csv: one dividend, market changes noted, a balance per day', () => {
    const r = load('cmb-betterment-transactions_11_2015.csv');
    expect([r.format, r.errors]).toEqual(['betterment-transactions', []]);
    expect(count(r.records)).toEqual({ income: 1, balance: 10 });
    // created 2015-11-09, completed 2015-11-10
    expect(r.records[0]).toMatchObject({ kind: 'income', line: 4, date: '2015-11-10', amount: { minor: 9838 }, incomeKind: 'dividend', account: "House Fund (Some Random Dude's Account)" });
    const balances = r.records.filter((x) => x.kind === 'balance').map((x) => `${x.kind === 'balance' ? x.date : ''} ${x.kind === 'balance' ? m(x.amount) : ''}`);
    // 2015-11-10: the latest line that day is the 19:40:02 market change (1240.33), not the 11:31:59 dividend (1118.44)
    expect(balances.slice(0, 3)).toEqual(['2015-11-11 1254.43', '2015-11-10 1240.33', '2015-11-09 1051.42']);
    expect(balances.at(-1)).toBe('2015-10-29 1615.27');
    expect(r.notes[0]).toMatch(/^11 "Market Change" lines were not imported/);
  });

  it('reds-vanguard_OfxDownload-401k.qfx (SGML, closed tags): 2 buys, 1 position, transfers noted, no stated total', () => {
    const r = load('reds-vanguard_OfxDownload-401k.qfx');
    expect([r.format, r.errors]).toEqual(['ofx', []]);
    expect(count(r.records)).toEqual({ trade: 2, position: 1 });
    // 10.16089 × 111.75 = 1135.479… → TOTAL −1135.48; no TICKER in SECLIST: the UNIQUEID
    expect(r.records[0]).toMatchObject({ line: 50, account: '444555', date: '2023-01-06', side: 'buy', symbol: 'VGI007743', quantity: '10.16089', price: { minor: 11175 }, amount: { minor: -113548 } });
    expect(r.records[2]).toMatchObject({ kind: 'position', date: '2023-05-26', quantity: '113.718', price: { minor: 11771 }, marketValue: { minor: 1338575 }, description: 'Vanguard Target Retirement 2050 Trust' });
    expect(r.notes).toHaveLength(2);
    expect(r.notes[0]).toMatch(/^3 security transfers \(<TRANSFER>, lines 94, 112, 131\)/);
    expect(parseOfx(readFileSync(path.join(dir, 'reds-vanguard_OfxDownload-401k.qfx'), 'utf8')).institution).toBe('Vanguard');
  });

  it('reds-etrade_09092023.QFX (SGML, unclosed leaves): buys, dividend, the foreign tax row, positions, the total', () => {
    const r = load('reds-etrade_09092023.QFX');
    expect([r.format, r.errors]).toEqual(['ofx', []]);
    expect(count(r.records)).toEqual({ trade: 2, income: 2, position: 2, balance: 1 });
    const line = (n: number) => r.records.find((x) => x.line === n)!;
    // 0.76817 × 107.1895 = 82.339… → TOTAL −82.34; CUSIP 874039100 → TSM
    expect(line(48)).toMatchObject({ kind: 'trade', date: '2023-07-14', side: 'buy', symbol: 'TSM', quantity: '0.76817', price: { minor: 10719 }, amount: { minor: -8234 } });
    // the INVEXPENSE "Foreign Stk W/H" is tax withheld: negative dividend income
    expect(line(68)).toMatchObject({ kind: 'income', date: '2023-07-14', amount: { minor: -2189, currency: 'USD' }, incomeKind: 'dividend', symbol: 'TSM', account: '555555555' });
    expect(line(83)).toMatchObject({ kind: 'income', amount: { minor: 10423 }, incomeKind: 'dividend', symbol: 'TSM' });
    // 5.55 × 242.21 = 1344.2655 → −1344.27
    expect(line(99)).toMatchObject({ kind: 'trade', date: '2023-07-12', symbol: 'V', quantity: '5.55', amount: { minor: -134427 } });
    // "Total Account Value" 19272.01 = cash 555.55 + securities 18716.46 (4979.50 + 13736.96)
    expect(line(159)).toMatchObject({ kind: 'balance', date: '2023-09-09', amount: { minor: 1927201 } });
    expect(parseOfx(readFileSync(path.join(dir, 'reds-etrade_09092023.QFX'), 'utf8')).institution).toBe('E*TRADE');
  });
});
