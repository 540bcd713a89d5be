/**
 * Conformance: the real Charles Schwab, Fidelity, Vanguard and TD Ameritrade
 * exports in ../shared/data/real-exports (read there, never copied; see its
 * SOURCES.md). Each file must be recognised by its own layout (and by no
 * other of these), import with no refusal, and give the record counts and
 * figures worked out by reading the file. The Fidelity all-accounts file is
 * also checked against the expected ledger published with it (the .extract
 * beancount file): every entry's day, symbol, quantity, price and cash.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '@/utils/importers/csv';
import type { FormatOutput, ImportedRecord, ImportFormat } from '@/utils/importers/types';
import { schwabLots, schwabPositions, schwabTransactions } from '@/utils/importers/formats/schwab';
import { fidelityActivity, fidelityPositions } from '@/utils/importers/formats/fidelity';
import { vanguardCsv } from '@/utils/importers/formats/vanguard';
import { robinhoodActivity } from '@/utils/importers/formats/robinhood';
import { tdameritradeTransactions } from '@/utils/importers/formats/tdameritrade';

const dir = path.resolve(__dirname, '../../../shared/data/real-exports');
const MINE: ImportFormat[] = [schwabTransactions, schwabPositions, schwabLots, fidelityActivity, fidelityPositions, vanguardCsv, robinhoodActivity, tdameritradeTransactions];

function load(name: string, format: ImportFormat): FormatOutput {
  const table = readCsv(readFileSync(path.join(dir, name), 'utf8'));
  const claimed = MINE.filter((f) => f.detect(table.rows) > 0).map((f) => f.id);
  expect(claimed).toEqual([format.id]);
  return format.parse(table, {});
}

function counts(records: readonly ImportedRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
}

/** The cash every record moved, in cents (trades: their amount). */
function cash(records: readonly ImportedRecord[]): number {
  let sum = 0;
  for (const r of records) if ((r.kind === 'trade' || r.kind === 'income' || r.kind === 'transaction') && r.amount) sum += r.amount.minor;
  return sum;
}

const at = (records: readonly ImportedRecord[], line: number) => records.filter((r) => r.line === line);
const usd = (minor: number) => ({ minor, currency: 'USD' });

describe.skipIf(!existsSync(dir))('real brokerage exports (layouts A)', () => {
  it('Schwab transactions, title row + quoted header (reds): 11 records whose cash is the "Transactions Total" -1,574.04', () => {
    const out = load('reds-schwab_csv_brokerage_XX876_Transactions_20220731.csv', schwabTransactions);
    expect(out.errors).toEqual([]);
    expect(counts(out.records)).toEqual({ trade: 3, transaction: 4, income: 4 });
    expect(cash(out.records)).toBe(-157404);
    expect(at(out.records, 3)).toEqual([
      // "$73.7789" → 73.78
      { kind: 'trade', line: 3, account: 'General Investing ...XXX', date: '2023-04-27', side: 'buy', symbol: 'BND', quantity: '45', price: usd(7378), amount: usd(-332005), description: 'VANGUARD TOTAL BOND MARKET ETF' },
    ]);
    expect(at(out.records, 6)[0]).toMatchObject({ side: 'sell', quantity: '10.065', price: usd(7340), fees: usd(1), amount: usd(73881) });
    // "04/17/2023 as of 04/15/2023" → the first day
    expect(at(out.records, 7)[0]).toMatchObject({ kind: 'income', incomeKind: 'interest', date: '2023-04-17', amount: usd(3) });
    expect(at(out.records, 8)[0]).toMatchObject({ kind: 'trade', side: 'buy', quantity: '0.0249', price: usd(7390), amount: usd(-184) });
    expect(at(out.records, 9)[0]).toMatchObject({ kind: 'income', incomeKind: 'dividend', symbol: 'BND', amount: usd(184) });
    expect(out.notes).toEqual([
      '3 per-share prices had more than 2 decimals and were rounded half to even to the cent.',
      'The "Transactions Total" line is a total, not a transaction.',
    ]);
  });

  it('Schwab transactions (wealthfolio sample): options, tax withheld, split and share transfer', () => {
    const out = load('wf-schwab_with_header_row.csv', schwabTransactions);
    expect(out.errors).toEqual([]);
    expect(counts(out.records)).toEqual({ trade: 5, income: 8, transaction: 5 });
    // Sum of every Amount cell in the file (its own "Transactions Total" line says 10963.71, which the rows do not add up to).
    expect(cash(out.records)).toBe(694296);
    expect(at(out.records, 4)[0]).toMatchObject({ side: 'buy', symbol: 'SPY   250321C00500000', quantity: '1', price: usd(1250), fees: usd(65), amount: usd(-125065) });
    expect(at(out.records, 5)[0]).toMatchObject({ side: 'sell', symbol: 'SPY   250321C00500000', price: usd(1520), amount: usd(151935) });
    expect(at(out.records, 12)[0]).toMatchObject({ kind: 'income', incomeKind: 'dividend', symbol: 'BNDX', amount: usd(-14), description: 'Tax withheld: NRA Withholding: VANGUARD TOTAL INTERNATIONAL BND ETF' });
    expect(at(out.records, 13)[0]).toMatchObject({ kind: 'income', amount: usd(-523), symbol: 'VXUS' });
    expect(at(out.records, 6)).toEqual([]); // Stock Split
    expect(at(out.records, 22)).toEqual([]); // Security Transfer
    expect(out.notes).toContain('1 corporate action (splits, mergers) was not imported: they change shares, not cash.');
    expect(out.notes).toContain('1 share transfer was not imported: they move shares, not cash.');
  });

  it('Schwab transactions, 2020 header with trailing comma (beancount-import): expired options, mergers, cap gains', () => {
    const out = load('jbi-schwab-Brokerage_Transactions_20201115-180021.CSV', schwabTransactions);
    expect(out.errors).toEqual([]);
    expect(counts(out.records)).toEqual({ income: 10, transaction: 3, trade: 3 });
    expect(cash(out.records)).toBe(2686596); // the rows' Amount cells add up to 26865.96
    // An expiry with a price is a trade: -1 contract, $1.1, $5 fees, +$1095 → a sale
    expect(at(out.records, 10)[0]).toMatchObject({ side: 'sell', symbol: 'SMAL 03/31/2020 84.00 P', quantity: '1', price: usd(110), fees: usd(500), amount: usd(109500) });
    expect(at(out.records, 12)[0]).toMatchObject({ side: 'buy', quantity: '1', price: usd(2300), fees: usd(1000), amount: usd(-229000) });
    expect(at(out.records, 14)[0]).toMatchObject({ kind: 'income', incomeKind: 'dividend', symbol: 'ARKK', amount: usd(100000) });
    expect(at(out.records, 18)[0]).toMatchObject({ kind: 'income', incomeKind: 'interest', symbol: '912810SP4', date: '2021-02-16', amount: usd(687) });
    expect(out.notes).toEqual([
      'The "Transactions Total" line is a total, not a transaction.',
      '3 corporate actions (splits, mergers) were not imported: they change shares, not cash.',
      '2 options expired with no price or cash and were not imported.',
    ]);
  });

  it('Schwab transactions, bare unquoted header (Export-To-Ghostfolio): 119 rows, 107 records, no cash lost', () => {
    const out = load('etg-schwab-export.csv', schwabTransactions);
    expect(out.errors).toEqual([]);
    // 40 Reinvest Shares + 1 Buy + 2 Sell; 29 Reinvest Dividend + 6 Cash Dividend + 5 Credit Interest + 2 Non-Qualified Div
    // + 2 Qual Div Reinvest + LT Cap Gain Reinvest + Pr Yr Div Reinvest + Special Non Qual Div + Pr Yr Cash Div + Foreign Tax Paid;
    // 10 Advisor Fee + Wire Sent + MoneyLink Transfer + Internal Transfer + ADR Mgmt Fee + Cash In Lieu
    expect(counts(out.records)).toEqual({ trade: 43, income: 49, transaction: 15 });
    expect(cash(out.records)).toBe(40007419); // every Amount cell adds up to 400,074.19
    expect(at(out.records, 13)[0]).toMatchObject({ symbol: 'SNSXX', quantity: '1259.59', price: usd(100), amount: usd(-125959) });
    expect(at(out.records, 100)[0]).toMatchObject({ side: 'sell', symbol: 'SNAXX', quantity: '500135', amount: usd(50013500) });
    expect(out.notes).toEqual([
      'The "Transactions Total" line is a total, not a transaction.',
      '11 corporate actions (splits, mergers) were not imported: they change shares, not cash.',
      '1 share transfer was not imported: they move shares, not cash.',
    ]);
  });

  it('Schwab All-Accounts positions: positions (option included) and each "Account Total" on 2020-11-15', () => {
    const out = load('jbi-schwab-All-Accounts-Positions-2020-11-15.CSV', schwabPositions);
    expect(out.errors).toEqual([]);
    expect(counts(out.records)).toEqual({ balance: 2, position: 3 });
    expect(out.records[0]).toEqual({ kind: 'balance', line: 6, account: 'Brokerage XXXX-1234', date: '2020-11-15', amount: usd(0) });
    expect(at(out.records, 12)[0]).toEqual({
      kind: 'position', line: 12, account: 'Intelligent XXXX-4321', date: '2020-11-15', symbol: 'SCHA', quantity: '100',
      price: usd(7897), marketValue: usd(789700), costBasis: usd(700000), description: 'SCHWAB US SMALL CAP ETF',
    });
    expect(at(out.records, 13)[0]).toMatchObject({ symbol: 'SMAL 04/01/2020 32.00 P', quantity: '1', marketValue: usd(125300) });
    expect(at(out.records, 15)[0]).toMatchObject({ kind: 'balance', account: 'Intelligent XXXX-4321', amount: usd(1372700) });
  });

  it('Schwab lot details: the SCHA lot of the title', () => {
    const out = load('jbi-schwab-SCHA-lot-details-2020-10-25.csv', schwabLots);
    expect(out.errors).toEqual([]);
    // 10.5 × 72.56 = 761.88 cost; 10.5 × 70.50 = 740.25 value
    expect(out.records).toEqual([
      { kind: 'lot', line: 4, account: 'XXXX-4321', symbol: 'SCHA', acquired: '2020-09-24', quantity: '10.5', costBasis: usd(76188), marketValue: usd(74025) },
    ]);
  });

  it('Fidelity all-accounts activity (2025): 20 records over five accounts; the merger and the footer are notes', () => {
    const out = load('reds-fidelity_csv_all_accounts_transactions_20251204.csv', fidelityActivity);
    expect(out.errors).toEqual([]);
    expect(counts(out.records)).toEqual({ income: 9, trade: 6, transaction: 5 });
    expect(new Set(out.records.map((r) => r.account))).toEqual(new Set(['IRA Account 111111111', 'HSA 222222222', 'Brokerage 333333333', 'CMA 444444444', '529 555555555']));
    expect(at(out.records, 3)[0]).toMatchObject({ side: 'buy', symbol: 'BND', quantity: '9.598', price: usd(7429), amount: usd(-71308) });
    expect(at(out.records, 10)[0]).toMatchObject({ kind: 'transaction', account: '529 555555555', amount: usd(-3759263) });
    expect(at(out.records, 17)).toEqual([]); // MERGER ... (LSEGY): shares exchanged
    expect(out.notes).toEqual([
      '1 corporate action (splits, mergers) was not imported: they change shares, not cash.',
      'The "Date downloaded" line is not a transaction.',
    ]);
  });

  it('Fidelity all-accounts activity matches every entry of the expected ledger published with it', () => {
    const out = load('reds-fidelity_csv_all_accounts_transactions_20251204.csv', fidelityActivity);
    const ledger = readFileSync(path.join(dir, 'reds-fidelity_csv_all_accounts_transactions_20251204.csv.extract'), 'utf8');
    const entries = ledger.split(/\n\s*\n/).map((e) => e.trim()).filter((e) => /^\d{4}-\d{2}-\d{2} \*/.test(e));
    expect(entries).toHaveLength(12);
    const cents = (n: string) => Math.round(Number(n) * 100);
    let trades = 0;
    for (const entry of entries) {
      const [head, ...postings] = entry.split('\n');
      const [, date, narration] = /^(\d{4}-\d{2}-\d{2}) \* "([^"]*)"/.exec(head!)!;
      const matches = out.records.filter((r) => r.kind !== 'position' && r.kind !== 'balance' && r.kind !== 'lot' && r.date === date && r.description?.endsWith(narration!));
      expect(matches, narration).toHaveLength(1);
      const record = matches[0]!;
      expect(record.account).toBe('Brokerage 333333333');
      const usdPosting = postings.map((p) => /:USD\s+(-?[\d.]+) USD/.exec(p)).find(Boolean)!;
      expect('amount' in record && record.amount?.minor, narration).toBe(cents(usdPosting[1]!));
      const security = postings.map((p) => /\s(-?[\d.]+) ([A-Z0-9]+)\s+(?:\{\}\s*@\s*|\{)([\d.]+) USD/.exec(p)).find(Boolean);
      if (security) {
        trades++;
        expect(record).toMatchObject({
          kind: 'trade',
          side: Number(security[1]) > 0 ? 'buy' : 'sell',
          quantity: security[1]!.replace('-', ''),
          symbol: security[2]!.replace(/^CUSIP/, ''),
          price: usd(cents(security[3]!)),
        });
      } else expect(record.kind, narration).not.toBe('trade');
    }
    // WM, VVV, VTEB reinvestment, the HARDIN bond bought and the HOUSTON bond redeemed
    expect(trades).toBe(5);
  });

  it('Fidelity History_for_Account (2023): 11 cash movements adding up to -7,671.75, no account, 8 disclaimer lines', () => {
    const out = load('reds-History_for_Account_X8YYYYYYY.csv', fidelityActivity);
    expect(out.errors).toEqual([]);
    expect(counts(out.records)).toEqual({ transaction: 11 });
    // -10000 - 135.60 + 200.99 + 3085.92 + 1001.10 - 449.24 - 24.98 - 221.39 - 200 - 2970.67 + 2042.12 = -7671.75
    expect(cash(out.records)).toBe(-767175);
    expect(out.records.every((r) => r.account === undefined)).toBe(true);
    expect(out.records[0]).toEqual({ kind: 'transaction', line: 7, date: '2023-01-27', amount: usd(-1000000), description: 'DIRECT DEBIT TREASURY DIRECTREAS DRCT (Cash)' });
    expect(out.notes).toEqual(['8 lines of disclaimer text after the table were skipped.', 'The "Date downloaded" line is not a transaction.']);
  });

  it('TD Ameritrade: 15 records; a price of 490.045 rounds half to even to 490.04', () => {
    const out = load('reds-tdameritrade_transactions.csv', tdameritradeTransactions);
    expect(out.errors).toEqual([]);
    expect(counts(out.records)).toEqual({ transaction: 2, trade: 7, income: 6 });
    expect(at(out.records, 10)[0]).toEqual({
      kind: 'trade', line: 10, date: '2021-10-25', side: 'sell', symbol: 'COST', quantity: '5', price: usd(49004), fees: usd(1), amount: usd(245022), description: 'Sold 5 COST @ 490.045',
    });
    expect(at(out.records, 8)[0]).toMatchObject({ kind: 'transaction', amount: usd(-15), description: 'ADR FEE (BP)' });
    expect(at(out.records, 16)[0]).toMatchObject({ kind: 'income', incomeKind: 'dividend', symbol: 'BP', amount: usd(-15) });
    // 6000 - 831.30 - 2872.00 - 1919.30 + 3.95 + 9.83 - 0.15 - 346.85 + 2450.22 + 404.95 - 2898.64 + 37.24 + 9.68 + 0.15 - 0.15 = 47.63
    expect(cash(out.records)).toBe(4763);
    expect(out.notes).toEqual([
      '1 per-share price had more than 2 decimals and was rounded half to even to the cent.',
      'The "***END OF FILE***" line marks the end of the file, not a transaction.',
    ]);
  });

  it('Vanguard 529 (two tables): the holding, its balance, and 8 contributions read as a deposit and a purchase', () => {
    const out = load('reds-vanguard_529_ofxdownload_09102023.csv', vanguardCsv);
    expect(out.errors).toEqual([]);
    expect(counts(out.records)).toEqual({ position: 1, transaction: 8, trade: 8, balance: 1 });
    const fund = 'Vanguard Target Enrollment 2040/2041 Portfolio';
    expect(out.records[0]).toEqual({ kind: 'position', line: 2, account: '535672845-01', symbol: fund, quantity: '348.5265', price: usd(945), marketValue: usd(329358) });
    expect(at(out.records, 10)).toEqual([
      { kind: 'transaction', line: 10, account: '535672845-01', date: '2023-02-17', amount: usd(20000), description: 'Contribution EBT' },
      { kind: 'trade', line: 10, account: '535672845-01', date: '2023-02-17', side: 'buy', symbol: fund, quantity: '22.2469', price: usd(899), amount: usd(-20000), description: 'Contribution EBT' },
    ]);
    // 7 × 250 + 200 = 1950.00 deposited, all of it invested
    expect(out.records.filter((r) => r.kind === 'transaction').reduce((s, r) => s + (r.kind === 'transaction' ? r.amount.minor : 0), 0)).toBe(195000);
    expect(cash(out.records)).toBe(0);
    expect(out.records.at(-1)).toEqual({ kind: 'balance', line: 2, account: '535672845-01', amount: usd(329358) });
  });
});
