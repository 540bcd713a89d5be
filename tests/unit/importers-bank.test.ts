import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '@/utils/importers/csv';
import { bankDebitCredit, bankSignedAmount } from '@/utils/importers/formats/bank';
import type { CsvTable, TransactionRecord } from '@/utils/importers/types';

const FIXTURES = path.resolve(__dirname, '../fixtures/imports');
const load = (name: string): CsvTable => readCsv(readFileSync(path.join(FIXTURES, name), 'utf8'));
const usd = (minor: number) => ({ minor, currency: 'USD' });

describe('bank formats: detection', () => {
  it('scores each bank layout low, and only the layout the header has', () => {
    // Chase card: date + description + amount, + Category → 2.
    expect(bankSignedAmount.detect(load('bank-us-card-signed.csv').rows)).toBe(2);
    expect(bankDebitCredit.detect(load('bank-us-card-signed.csv').rows)).toBe(0);
    // Capital One: debit + credit, + Category, + Card No. (account) → 3.
    expect(bankDebitCredit.detect(load('bank-debit-credit.csv').rows)).toBe(3);
    expect(bankSignedAmount.detect(load('bank-debit-credit.csv').rows)).toBe(0);
    // German: Buchungstag / Verwendungszweck / Betrag + Währung (currency) → 2.
    expect(bankSignedAmount.detect(load('bank-de-semicolon.csv').rows)).toBe(2);
    expect(bankDebitCredit.detect(load('bank-ddmm-resolved.csv').rows)).toBe(1);
    expect(bankSignedAmount.detect(load('bank-ddmm-assumed.csv').rows)).toBe(1);
  });

  it('gives 0 to a brokerage header (symbol and quantity) and to a file without a description', () => {
    const schwab = readCsv('"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"\n"01/02/2026","Buy","VTI","VANGUARD","1","$250.00","","-$250.00"\n');
    expect(bankSignedAmount.detect(schwab.rows)).toBe(0);
    expect(bankSignedAmount.detect(readCsv('Date,Amount\n2026-01-02,5.00\n').rows)).toBe(0);
    expect(bankSignedAmount.detect([])).toBe(0);
  });

  it('finds the header after a title and within the first 40 rows only', () => {
    const title = 'Account activity for Everyday Checking ...1234\n';
    expect(bankSignedAmount.detect(readCsv(`${title}Date,Description,Amount\n2026-01-02,X,1.00\n`).rows)).toBe(1);
    const preamble = Array.from({ length: 40 }, (_, i) => `note ${i}`).join('\n');
    expect(bankSignedAmount.detect(readCsv(`${preamble}\nDate,Description,Amount\n2026-01-02,X,1.00\n`).rows)).toBe(0);
  });
});

describe('bank formats: the fixtures', () => {
  it('reads a US card export with a signed Amount (Chase layout)', () => {
    const out = bankSignedAmount.parse(load('bank-us-card-signed.csv'), {});
    expect(out.errors).toEqual([]);
    expect(out.notes).toEqual([]);
    expect(out.records).toEqual([
      { kind: 'transaction', line: 2, date: '2026-01-28', amount: usd(-1549), description: 'NETFLIX.COM', category: 'Entertainment' },
      { kind: 'transaction', line: 3, date: '2026-01-27', amount: usd(-8417), description: 'WHOLEFDS MKT 10234', category: 'Groceries' },
      { kind: 'transaction', line: 4, date: '2026-01-25', amount: usd(125000), description: 'AUTOMATIC PAYMENT - THANK' },
      { kind: 'transaction', line: 5, date: '2026-01-20', amount: usd(2399), description: 'AMAZON MKTPL*2K4T71', category: 'Shopping' },
      { kind: 'transaction', line: 6, date: '2026-01-15', amount: usd(-1199), description: 'SPOTIFY USA', category: 'Entertainment' },
    ]);
    // 01/28/2026: 28 can only be a day → month first, from the file.
    expect(out.dateOrder).toMatchObject({ order: 'MDY', assumed: false });
    expect(out.dateOrder?.explanation).toBe('Dates read as month/day/year: 01/28/2026 can only be read that way.');
  });

  it('reads a debit/credit export (Capital One layout): debits are money out', () => {
    const out = bankDebitCredit.parse(load('bank-debit-credit.csv'), { currency: 'USD' });
    expect(out.errors).toEqual([]);
    expect(out.records).toEqual([
      { kind: 'transaction', line: 2, account: '1234', date: '2026-02-03', amount: usd(-4512), description: 'SHELL OIL 57444', category: 'Gas/Automotive' },
      { kind: 'transaction', line: 3, account: '1234', date: '2026-02-05', amount: usd(50000), description: 'CAPITAL ONE MOBILE PYMT', category: 'Payment/Credit' },
      { kind: 'transaction', line: 4, account: '1234', date: '2026-02-10', amount: usd(-5499), description: 'ADOBE *CREATIVE CLD, SAN JOSE', category: 'Other Services' },
      { kind: 'transaction', line: 5, account: '1234', date: '2026-02-12', amount: usd(108950), description: 'REI #21 REFUND', category: 'Merchandise' },
    ]);
    expect(out.dateOrder).toMatchObject({ order: 'YMD', assumed: false });
  });

  it('reads a German ";" export: DD.MM.YYYY dates, 1.234,56 amounts, the Währung column', () => {
    const table = load('bank-de-semicolon.csv');
    expect(table.delimiter).toBe(';');
    const out = bankSignedAmount.parse(table, { currency: 'USD' });
    expect(out.errors).toEqual([]);
    const eur = (minor: number) => ({ minor, currency: 'EUR' });
    // -1.250,00 → -125000 cents; 3.456,78 → 345678; -87,35 → -8735.
    expect(out.records).toEqual([
      { kind: 'transaction', line: 2, date: '2026-01-02', amount: eur(-125000), description: 'Miete Januar' },
      { kind: 'transaction', line: 3, date: '2026-01-05', amount: eur(345678), description: 'Gehalt Dezember' },
      { kind: 'transaction', line: 4, date: '2026-01-15', amount: eur(-8735), description: 'REWE Markt sagt Danke' },
    ]);
    expect(out.dateOrder).toMatchObject({ order: 'DMY', assumed: false });
  });

  it('reads DD/MM/YYYY when a day above 12 says so (14/02/2026), Paid out / Paid in', () => {
    const out = bankDebitCredit.parse(load('bank-ddmm-resolved.csv'), { currency: 'GBP' });
    expect(out.errors).toEqual([]);
    expect(out.notes).toEqual([]);
    const gbp = (minor: number) => ({ minor, currency: 'GBP' });
    expect(out.records).toEqual([
      { kind: 'transaction', line: 2, date: '2026-02-03', amount: gbp(-3250), description: 'THAMES WATER' },
      { kind: 'transaction', line: 3, date: '2026-02-14', amount: gbp(210000), description: 'ACME LTD SALARY' },
      { kind: 'transaction', line: 4, date: '2026-02-20', amount: gbp(-5620), description: 'TESCO STORES 3021' },
    ]);
    expect(out.dateOrder).toEqual({ order: 'DMY', assumed: false, explanation: 'Dates read as day/month/year: 14/02/2026 can only be read that way.' });
  });

  it('assumes month first for "/" dates that never say, with a note, and reads day first when told', () => {
    const table = load('bank-ddmm-assumed.csv');
    const out = bankSignedAmount.parse(table, {});
    const note = 'Dates read as month/day/year: no date in the file has a day above 12, so this is an assumption. Switch the date order if it is wrong.';
    expect(out.notes).toEqual([note]);
    expect(out.dateOrder).toMatchObject({ order: 'MDY', assumed: true, explanation: note });
    expect(out.records.map((r) => (r as TransactionRecord).date)).toEqual(['2026-03-02', '2026-05-02', '2026-10-02']);
    const dmy = bankSignedAmount.parse(table, { dateOrder: 'DMY' });
    expect(dmy.notes).toEqual([]);
    expect(dmy.dateOrder).toMatchObject({ order: 'DMY', assumed: false });
    expect(dmy.records.map((r) => [(r as TransactionRecord).date, (r as TransactionRecord).amount.minor])).toEqual([
      ['2026-02-03', -3250],
      ['2026-02-05', 210000],
      ['2026-02-10', -5620],
    ]);
  });

  it('reads an American Express export (charges positive) with charges as money out', () => {
    const out = bankSignedAmount.parse(load('bank-amex-positive-charges.csv'), {});
    expect(out.errors).toEqual([]);
    expect(out.notes[0]).toMatch(/writes charges as positive amounts/);
    expect(out.records).toEqual([
      { kind: 'transaction', line: 2, account: '-61005', date: '2026-03-04', amount: usd(-1549), description: 'NETFLIX.COM' },
      { kind: 'transaction', line: 3, account: '-61005', date: '2026-03-05', amount: usd(25000), description: 'AUTOPAY PAYMENT - THANK YOU' },
      { kind: 'transaction', line: 4, account: '-61005', date: '2026-03-18', amount: usd(-3210), description: 'UBER EATS' },
    ]);
  });

  it('reads an Apple Card export: Type says Purchase on positive amounts; currency from "Amount (USD)"', () => {
    const table = readCsv(
      'Transaction Date,Clearing Date,Description,Merchant,Category,Type,Amount (USD),Purchased By\n' +
        '03/02/2026,03/03/2026,"APPLE.COM/BILL ONE APPLE PARK WAY",Apple Services,Other,Purchase,9.99,Jane Doe\n' +
        '03/15/2026,03/15/2026,"ACH DEPOSIT INTERNET TRANSFER",Ach Deposit,Payment,Payment,-500.00,Jane Doe\n',
    );
    const out = bankSignedAmount.parse(table, { currency: 'EUR' });
    expect(out.errors).toEqual([]);
    expect(out.records.map((r) => [(r as TransactionRecord).date, (r as TransactionRecord).amount])).toEqual([
      ['2026-03-02', usd(-999)],
      ['2026-03-15', usd(50000)],
    ]);
  });
});

describe('bank formats: refusals', () => {
  const parse = (text: string) => bankSignedAmount.parse(readCsv(text), {});

  it('names a cut-off last line and an unterminated quote, keeping the other rows', () => {
    const cut = parse('Date,Description,Amount\n2026-01-05,Coffee,-4.50\n2026-01-06,Groc');
    expect(cut.records).toHaveLength(1);
    expect(cut.errors).toEqual([{ line: 3, column: '', reason: 'the line has 2 cells where the header has 3: it may be cut off or use another delimiter' }]);
    const quote = parse('Date,Description,Amount\n2026-01-05,Coffee,-4.50\n2026-01-06,"Tea,-3.00\n');
    expect(quote.records).toHaveLength(1);
    expect(quote.errors).toEqual([
      { line: 3, column: '', reason: 'the line opens a quote that is never closed, so the rest of the file ran into one cell: the file may be cut off here' },
    ]);
  });

  it('refuses dates that are not real days, naming line and column', () => {
    const out = parse('Posted Date,Payee,Amount\n2026-02-30,Rent,-900.00\n13/13/2026,Gym,-30.00\n2026-03-01,Pay,100.00\n');
    expect(out.records).toHaveLength(1);
    expect(out.errors).toEqual([
      { line: 2, column: 'Posted Date', reason: '"2026-02-30" is not a real date (2026-02 has 28 days)' },
      { line: 3, column: 'Posted Date', reason: '"13/13/2026" has no month 13' },
    ]);
  });

  it('refuses amounts with text in them', () => {
    const out = parse('Date,Description,Amount\n2026-01-05,Coffee,12.50 approx\n2026-01-06,Tea,abc\n2026-01-07,Cake,1.2K\n2026-01-08,Pie,-3.10\n');
    expect(out.records).toEqual([{ kind: 'transaction', line: 5, date: '2026-01-08', amount: usd(-310), description: 'Pie' }]);
    expect(out.errors).toEqual([
      { line: 2, column: 'Amount', reason: '"12.50 approx" is not an amount: unknown currency "approx" in "12.50 approx"' },
      { line: 3, column: 'Amount', reason: '"abc" is not an amount: no digits in "abc"' },
      { line: 4, column: 'Amount', reason: '"1.2K" is a rounded figure, not an exact amount' },
    ]);
  });

  it('names both dates when the file contradicts itself on date order', () => {
    const out = parse('Date,Description,Amount\n02/13/2026,A,-1.00\n13/02/2026,B,-2.00\n03/04/2026,C,-3.00\n');
    expect(out.records.map((r) => (r as TransactionRecord).date)).toEqual(['2026-02-13', '2026-03-04']);
    expect(out.errors).toEqual([
      {
        line: 3,
        column: 'Date',
        reason: "The file's dates disagree: 02/13/2026 can only be month/day/year, 13/02/2026 can only be day/month/year. Choose the date order to read them.",
      },
    ]);
    expect(out.dateOrder?.conflict).toBeDefined();
  });

  it('refuses a debit/credit row with neither, and skips totals and text lines with notes', () => {
    const out = bankDebitCredit.parse(
      readCsv('Date,Description,Debit,Credit\n2026-01-05,Coffee,4.50,\n2026-01-06,Nothing,,\nTotal,,4.50,0.00\nThis statement is not a tax document.\n'),
      {},
    );
    expect(out.records).toEqual([{ kind: 'transaction', line: 2, date: '2026-01-05', amount: usd(-450), description: 'Coffee' }]);
    expect(out.errors).toEqual([{ line: 3, column: '', reason: 'neither "Debit" nor "Credit" has an amount' }]);
    expect(out.notes).toEqual([
      '1 line of text outside the table was skipped.',
      '1 total or balance line was skipped: they are not transactions.',
    ]);
  });

  it('says what is missing when the file has no bank header, and the delimiter seen', () => {
    const out = bankSignedAmount.parse(readCsv('Datum;Text;Betrag\n01.02.2026;Miete;-850,00;\n03.02.2026;Lohn;2500,00;;\n05.02.2026;Strom;-45,10;\n'), {});
    expect(out.records).toEqual([]);
    expect(out.errors).toEqual([
      {
        line: 1,
        column: '',
        reason:
          "The file does not have a bank export's header (a date, a description and an amount column) in its first 40 lines. Its first line reads: Datum;Text;Betrag. Its lines were split at commas, but they contain semicolons: the file may use semicolons between columns.",
      },
    ]);
  });
});

// The real registry: runs once every format file the registry imports exists (other parts are written in parallel).
const FORMAT_FILES = ['schwab', 'fidelity', 'vanguard', 'robinhood', 'tdameritrade', 'betterment', 'ibkr', 'ofx', 'amazon', 'adsense', 'youtube', 'stripe', 'gumroad', 'lemonsqueezy'];
const registryReady = FORMAT_FILES.every((f) => existsSync(path.resolve(__dirname, `../../utils/importers/formats/${f}.ts`)));

describe.skipIf(!registryReady)('bank fixtures through the real registry', () => {
  it.each([
    ['bank-us-card-signed.csv', 'bank-signed-amount', 5],
    ['bank-debit-credit.csv', 'bank-debit-credit', 4],
    ['bank-de-semicolon.csv', 'bank-signed-amount', 3],
    ['bank-ddmm-resolved.csv', 'bank-debit-credit', 3],
    ['bank-ddmm-assumed.csv', 'bank-signed-amount', 3],
    ['bank-amex-positive-charges.csv', 'bank-signed-amount', 3],
  ])('%s reads as %s', async (file, format, count) => {
    const { readImport } = await import('@/utils/importers/index');
    const reading = readImport(new Uint8Array(readFileSync(path.join(FIXTURES, file))));
    expect(reading.format).toBe(format);
    expect(reading.errors).toEqual([]);
    expect(reading.records).toHaveLength(count);
    expect(reading.group).toBe('bank');
  });

  it('a Schwab transactions file is not offered as a bank layout', async () => {
    const { readImportText } = await import('@/utils/importers/index');
    const reading = readImportText('"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"\n"01/02/2026","Buy","VTI","VANGUARD TOTAL","1","$250.00","","-$250.00"\n');
    expect(reading.candidates.map((c) => c.id)).not.toContain('bank-signed-amount');
    expect(reading.format).toBe('schwab-transactions');
  });
});
