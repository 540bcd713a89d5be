import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readImport, readImportText, toParsedImport } from '@/utils/importers/index';
import { headerKey } from '@/utils/importers/index';
import type { FormatId, TransactionRecord } from '@/utils/importers/types';

// A small registry: a strict brokerage layout, an OFX-like text layout, a
// layout that ties with the bank one, and the two bank layouts (registry order).
vi.mock('@/utils/importers/formats', async () => {
  const bank = await import('@/utils/importers/formats/bank');
  const { detectByHeader, findHeader } = await import('@/utils/importers/table');
  type F = import('@/utils/importers/types').ImportFormat;
  const SCHWAB = ['Date', 'Action', 'Symbol', 'Description', 'Quantity', 'Price', 'Fees & Comm', 'Amount'];
  const schwab: F = {
    id: 'schwab-transactions', label: 'Charles Schwab — transactions', group: 'brokerage', institution: 'Charles Schwab',
    detect: (rows) => detectByHeader(rows, SCHWAB),
    parse: (table) => {
      const at = findHeader(table.rows, SCHWAB);
      if (at < 0) return { records: [], errors: [], notes: [] };
      return {
        records: table.rows.slice(at + 1).map((r) => ({ kind: 'transaction' as const, line: r.line, date: '2026-01-02', amount: { minor: 1, currency: 'USD' }, description: r.cells[3]! })),
        errors: [], notes: [],
      };
    },
  };
  const ofx: F = {
    id: 'ofx', label: 'OFX / QFX statement', group: 'brokerage', institution: 'OFX', detect: () => 0, parse: () => ({ records: [], errors: [], notes: [] }),
    text: {
      detect: (text) => (text.includes('<OFX>') ? 50 : 0),
      parse: () => ({ records: [{ kind: 'balance', line: 3, amount: { minor: 100, currency: 'USD' } }], errors: [], notes: [] }),
    },
  };
  const gumroad: F = {
    id: 'gumroad-sales', label: 'Gumroad — sales', group: 'income', institution: 'Gumroad',
    detect: (rows) => (findHeader(rows, ['Sale ID']) >= 0 ? 1 : 0),
    parse: () => ({ records: [], errors: [{ line: 1, column: '', reason: 'fake gumroad' }], notes: [] }),
  };
  const FORMATS = [schwab, ofx, gumroad, bank.bankDebitCredit, bank.bankSignedAmount];
  return { FORMATS, formatById: (id: string) => FORMATS.find((f) => f.id === id) };
});

const FIXTURES = path.resolve(__dirname, '../fixtures/imports');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('readImport: files refused as a whole', () => {
  it('refuses a 50 MB file by its size', () => {
    const reading = readImport(new Uint8Array(50 * 1024 * 1024));
    expect(reading.format).toBeNull();
    expect(reading.records).toEqual([]);
    expect(reading.errors).toEqual([
      { line: 0, column: '', reason: 'The file is 50.0 MB; Strata reads files up to 25.0 MB. Export a shorter date range and import each part.' },
    ]);
  });

  it('says an empty or whitespace-only file is empty', () => {
    const empty = { line: 0, column: '', reason: 'The file is empty.' };
    expect(readImport(new Uint8Array(0)).errors).toEqual([empty]);
    expect(readImportText(' \r\n\n\t\n').errors).toEqual([empty]);
  });

  it('says a file with only a header has no rows', () => {
    const reading = readImportText('Date,Description,Amount\n');
    expect(reading.format).toBe('bank-signed-amount');
    expect(reading.errors).toEqual([{ line: 0, column: '', reason: 'The file has a header but no rows.' }]);
    expect(reading.rowsRead).toBe(0);
    expect(readImportText('Foo,Bar,Baz\n').errors).toEqual([{ line: 0, column: '', reason: 'The file has a header but no rows.' }]);
  });
});

describe('readImport: detection and the reading', () => {
  it('reads a bank fixture with everything the preview needs', () => {
    const reading = readImport(fixture('bank-us-card-signed.csv'));
    expect(reading.format).toBe('bank-signed-amount');
    expect(reading.candidates).toEqual([{ id: 'bank-signed-amount', label: 'Bank or card — one amount column', score: 2 }]);
    expect(reading.header).toEqual(['Transaction Date', 'Post Date', 'Description', 'Category', 'Type', 'Amount', 'Memo']);
    expect(reading.sample).toHaveLength(5);
    expect(reading.sample![0]).toEqual(['01/28/2026', '01/29/2026', 'NETFLIX.COM', 'Entertainment', 'Sale', '-15.49', '']);
    expect(reading).toMatchObject({ encoding: 'utf-8', delimiter: ',', rowsRead: 5, group: 'bank', institution: 'Bank' });
    expect(reading.dateOrder).toMatchObject({ order: 'MDY', assumed: false });
    // -15.49 - 84.17 + 1250.00 + 23.99 - 11.99 = 1162.34
    expect(reading.records.reduce((s, r) => s + (r as TransactionRecord).amount.minor, 0)).toBe(116234);
  });

  it('gives toParsedImport exactly format, records, errors and notes', () => {
    const reading = readImport(fixture('bank-ddmm-assumed.csv'));
    const parsed = toParsedImport(reading);
    expect(Object.keys(parsed).sort()).toEqual(['errors', 'format', 'notes', 'records']);
    expect(parsed.format).toBe('bank-signed-amount');
    expect(parsed.notes).toEqual([
      'Dates read as month/day/year: no date in the file has a day above 12, so this is an assumption. Switch the date order if it is wrong.',
    ]);
    expect(reading.dateOrder).toMatchObject({ order: 'MDY', assumed: true });
    // The person switches the order.
    const dmy = readImport(fixture('bank-ddmm-assumed.csv'), { dateOrder: 'DMY' });
    expect(dmy.records.map((r) => (r as TransactionRecord).date)).toEqual(['2026-02-03', '2026-02-05', '2026-02-10']);
  });

  it('puts the more specific layout first, ties in registry order', () => {
    const schwab = readImportText('"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"\n"01/02/2026","Buy","VTI","VANGUARD","1","$250.00","","-$250.00"\n');
    expect(schwab.format).toBe('schwab-transactions');
    expect(schwab.candidates.map((c) => [c.id, c.score])).toEqual([['schwab-transactions', 8]]);
    expect(schwab).toMatchObject({ group: 'brokerage', institution: 'Charles Schwab', rowsRead: 1 });
    // Gumroad's fake and the signed bank layout both score 1: the registry's order decides.
    const tie = readImportText('Date,Description,Amount,Sale ID\n2026-01-02,Sticker,5.00,abc\n');
    expect(tie.candidates.map((c) => [c.id, c.score])).toEqual([['gumroad-sales', 1], ['bank-signed-amount', 1]]);
    expect(tie.format).toBe('gumroad-sales');
    const forced = readImportText('Date,Description,Amount,Sale ID\n2026-01-02,Sticker,5.00,abc\n', { format: 'bank-signed-amount' });
    expect(forced.records).toEqual([{ kind: 'transaction', line: 2, date: '2026-01-02', amount: { minor: 500, currency: 'USD' }, description: 'Sticker' }]);
  });

  it('tries text layouts (OFX) before CSV', () => {
    const reading = readImportText('OFXHEADER:100\nDATA:OFXSGML\n<OFX>\n<BANKMSGSRSV1>\n');
    expect(reading.format).toBe('ofx');
    expect(reading.records).toEqual([{ kind: 'balance', line: 3, amount: { minor: 100, currency: 'USD' } }]);
    expect(reading.candidates).toEqual([{ id: 'ofx', label: 'OFX / QFX statement', score: 50 }]);
    expect(reading.delimiter).toBe('');
  });

  it('reads a UTF-16LE tab-separated file', () => {
    const text = 'Date\tDescription\tAmount\r\n2026-03-01\tCafé Central\t-4.20\r\n2026-03-02\tBäckerei\t-2.10\r\n';
    const reading = readImport(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    expect(reading).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', format: 'bank-signed-amount', errors: [] });
    expect(reading.records.map((r) => [(r as TransactionRecord).description, (r as TransactionRecord).amount.minor])).toEqual([
      ['Café Central', -420],
      ['Bäckerei', -210],
    ]);
  });

  it('reads a Windows-1252 file with "é"', () => {
    const reading = readImport(new Uint8Array(Buffer.from('Date,Description,Amount\n2026-03-01,Caf\xe9 de Flore,-6.40\n', 'latin1')));
    expect(reading.encoding).toBe('windows-1252');
    expect(reading.records).toEqual([{ kind: 'transaction', line: 2, date: '2026-03-01', amount: { minor: -640, currency: 'USD' }, description: 'Café de Flore' }]);
  });

  it('finds the header after a title line and blank lines, keeping physical line numbers', () => {
    const reading = readImportText('Account activity for Everyday Checking ...1234\n\n,,\n\nDate,Description,Amount\n2026-03-02,Coffee,-4.50\n\n2026-03-03,Salary,1500.00\n', { currency: 'CAD' });
    expect(reading.header).toEqual(['Date', 'Description', 'Amount']);
    expect(reading.rowsRead).toBe(2);
    expect(reading.records.map((r) => [r.line, (r as TransactionRecord).amount])).toEqual([
      [6, { minor: -450, currency: 'CAD' }],
      [8, { minor: 150000, currency: 'CAD' }],
    ]);
  });

  it('reads the German ";" fixture with its own currency', () => {
    const reading = readImport(fixture('bank-de-semicolon.csv'), { currency: 'USD' });
    expect(reading.delimiter).toBe(';');
    expect(reading.records.map((r) => (r as TransactionRecord).amount)).toEqual([
      { minor: -125000, currency: 'EUR' },
      { minor: 345678, currency: 'EUR' },
      { minor: -8735, currency: 'EUR' },
    ]);
  });

  it('reports progress that increases and ends with exactly one 1', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `2026-01-${String((i % 28) + 1).padStart(2, '0')},Shop ${i},-${i + 1}.00`);
    const calls: number[] = [];
    const reading = readImportText(`Date,Description,Amount\n${lines.join('\n')}\n`, { onProgress: (s) => calls.push(s) });
    expect(reading.records).toHaveLength(400);
    expect(calls.length).toBeGreaterThan(5);
    for (let i = 1; i < calls.length; i++) expect(calls[i]!).toBeGreaterThan(calls[i - 1]!);
    expect(calls.filter((c) => c === 1)).toHaveLength(1);
    expect(calls[calls.length - 1]).toBe(1);
    const refused: number[] = [];
    readImport(new Uint8Array(0), { onProgress: (s) => refused.push(s) });
    expect(refused).toEqual([1]);
  });
});

describe('readImport: layouts it cannot read', () => {
  it('names an unknown layout with its header and a sample for the mapping step', () => {
    const reading = readImportText('Report\nWhen,What,Value,A,B,C,D,E,F\n2026-03-01,Tea,3.00,1,2,3,4,5,6\n');
    expect(reading.format).toBeNull();
    expect(reading.records).toEqual([]);
    expect(reading.errors).toEqual([
      { line: 2, column: '', reason: 'Strata does not know this layout (its header is: When, What, Value, A, B, C, D, E, …). Map its columns, or choose a format.' },
    ]);
    expect(reading.header).toEqual(['When', 'What', 'Value', 'A', 'B', 'C', 'D', 'E', 'F']);
    expect(reading.sample).toEqual([['2026-03-01', 'Tea', '3.00', '1', '2', '3', '4', '5', '6']]);
    expect(reading.rowsRead).toBe(1);
    expect(headerKey(reading.header!)).toBe(headerKey(['when', 'what', 'value', 'a', 'b', 'c', 'd', 'e', 'f']));
  });

  it('reads it with the person’s mapping (format null)', () => {
    const reading = readImportText('Report\nWhen,What,Value\n2026-03-01,Tea,3.00\n', {
      mapping: { kind: 'transaction', columns: { date: 'When', description: 'What', amount: 'Value' }, invertSign: true, currency: 'EUR' },
    });
    expect(reading.format).toBeNull();
    expect(reading.errors).toEqual([]);
    expect(reading.records).toEqual([{ kind: 'transaction', line: 3, date: '2026-03-01', amount: { minor: -300, currency: 'EUR' }, description: 'Tea' }]);
    expect(reading.header).toEqual(['When', 'What', 'Value']);
  });

  it('mentions the delimiter when a ";" file was split at commas', () => {
    // Ragged ";" lines with one decimal comma each: the comma splits more lines the same way.
    const text = 'Datum;Text;Betrag\n01.02.2026;Miete;-850,00;\n03.02.2026;Lohn;2500,00;;\n05.02.2026;Strom;-45,10;\n';
    const reading = readImportText(text);
    expect(reading.delimiter).toBe(',');
    expect(reading.format).toBeNull();
    expect(reading.errors).toEqual([
      {
        line: 1,
        column: '',
        reason:
          'Strata does not know this layout (its header is: Datum;Text;Betrag). Map its columns, or choose a format. Its lines were split at commas, but they contain semicolons: the file may use semicolons between columns.',
      },
    ]);
    const forced = readImportText(text, { format: 'schwab-transactions' });
    expect(forced.errors).toEqual([
      {
        line: 1,
        column: '',
        reason:
          "The file does not have Charles Schwab — transactions's header in its first 40 lines. Its first line reads: Datum;Text;Betrag. Its lines were split at commas, but they contain semicolons: the file may use semicolons between columns.",
      },
    ]);
  });

  it('with a forced format that does not fit, says so once (the bank format names what is missing itself)', () => {
    const reading = readImport(fixture('bank-us-card-signed.csv'), { format: 'bank-debit-credit' });
    expect(reading.format).toBe('bank-debit-credit');
    expect(reading.errors).toEqual([
      {
        line: 1,
        column: '',
        reason:
          "The file does not have a bank export's header (a date, a description, and money out and money in columns (such as Debit and Credit)) in its first 40 lines. Its first line reads: Transaction Date,Post Date,Description,Category,Type,Amount,Memo.",
      },
    ]);
    expect(readImportText('a,b\n1,2\n', { format: 'nope' as FormatId }).errors).toEqual([{ line: 0, column: '', reason: 'Strata has no format called "nope".' }]);
  });

  it('refuses bad rows by line and column and keeps the others', () => {
    const reading = readImportText('Date,Description,Amount\n2026-02-30,Rent,-900.00\n2026-03-01,Tea,abc\n2026-03-02,Cake,-3.10\n2026-03-03,Pie');
    expect(reading.rowsRead).toBe(4);
    expect(reading.records.map((r) => r.line)).toEqual([4]);
    expect(reading.errors).toEqual([
      { line: 2, column: 'Date', reason: '"2026-02-30" is not a real date (2026-02 has 28 days)' },
      { line: 3, column: 'Amount', reason: '"abc" is not an amount: no digits in "abc"' },
      { line: 5, column: '', reason: 'the line has 2 cells where the header has 3: it may be cut off or use another delimiter' },
    ]);
  });

  it('names both dates when the order conflicts', () => {
    const reading = readImportText('Date,Description,Amount\n02/13/2026,A,-1.00\n13/02/2026,B,-2.00\n');
    expect(reading.errors).toEqual([
      {
        line: 3,
        column: 'Date',
        reason: "The file's dates disagree: 02/13/2026 can only be month/day/year, 13/02/2026 can only be day/month/year. Choose the date order to read them.",
      },
    ]);
    expect(reading.dateOrder?.conflict).toContain('13/02/2026');
  });
});
