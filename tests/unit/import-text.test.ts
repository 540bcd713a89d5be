import { describe, expect, it } from 'vitest';
import { BACKUP_TABLES } from '@/utils/backup/format';
import type { ImportedRecord } from '@/utils/importers/types';
import {
  commitButtonText,
  countText,
  dayText,
  duplicatesText,
  fileMetaText,
  formatLabel,
  groupFormats,
  kindCountsText,
  lineText,
  moreText,
  newAccountName,
  outcomeText,
  pastImportText,
  plural,
  progressText,
  readingSummaryText,
  recordSummary,
  restoreText,
  savedMappingText,
  TABLE_LABELS,
  tableCountsText,
  undoText,
} from '@/entrypoints/options/importText';

const usd = (minor: number) => ({ minor, currency: 'USD' });

describe('counts and plural forms', () => {
  it('groups digits in the locale and picks the singular only for one', () => {
    expect(countText(1234)).toBe('1,234');
    expect(countText(1234, 'de-DE')).toBe('1.234');
    expect(plural(1, 'trade', 'trades')).toBe('1 trade');
    expect(plural(0, 'trade', 'trades')).toBe('0 trades');
    expect(plural(2500, 'trade', 'trades')).toBe('2,500 trades');
  });

  it('says how many more a capped list leaves out', () => {
    expect(moreText(1, 'refused row', 'refused rows')).toBe('and 1 more refused row');
    expect(moreText(1300, 'refused row', 'refused rows')).toBe('and 1,300 more refused rows');
  });

  it('names the whole file for line 0', () => {
    expect(lineText(0)).toBe('Whole file');
    expect(lineText(1042)).toBe('1,042');
  });
});

describe('the commit button', () => {
  it('counts the records to add', () => {
    expect(commitButtonText(120, 0)).toBe('Import 120 records');
    expect(commitButtonText(1, 0)).toBe('Import 1 record');
    expect(commitButtonText(0, 0)).toBe('Import 0 records');
  });

  it('says refused rows are left out', () => {
    expect(commitButtonText(1234, 2)).toBe('Import 1,234 records (2 refused rows left out)');
    expect(commitButtonText(5, 1)).toBe('Import 5 records (1 refused row left out)');
    expect(commitButtonText(1234, 3, 'de-DE')).toBe('Import 1.234 records (3 refused rows left out)');
  });
});

describe('the outcome of an import', () => {
  it('lists what was added, known tables first, then the duplicates skipped', () => {
    expect(outcomeText({ add: { transactions: 120, trades: 3 }, duplicates: 4, refused: 0 })).toBe('Added 120 transactions, 3 trades; skipped 4 already imported.');
    // incomeEvents comes after trades in the table order, whatever order the counts arrive in; zeros are left out.
    expect(outcomeText({ add: { incomeEvents: 1, holdings: 0, trades: 3, transactions: 120 }, duplicates: 0, refused: 0 })).toBe(
      'Added 120 transactions, 3 trades, 1 income event.',
    );
  });

  it('says when nothing was new, and the refused rows', () => {
    expect(outcomeText({ add: { transactions: 0 }, duplicates: 7, refused: 2 })).toBe('Nothing new was added; skipped 7 already imported; left out 2 refused rows.');
    expect(outcomeText({ add: { balanceSnapshots: 1 }, duplicates: 0, refused: 1 })).toBe('Added 1 balance snapshot; left out 1 refused row.');
  });

  it('summarises a past import and an undo', () => {
    expect(pastImportText({ added: { transactions: 2 }, duplicates: 1, refused: 3 })).toBe('Added 2 transactions; 1 duplicate skipped; 3 rows refused.');
    expect(pastImportText({ added: {}, duplicates: 0, refused: 0 })).toBe('Added nothing.');
    expect(undoText({ transactions: 120, trades: 3 }, 'bank.csv')).toBe('Removed 120 transactions, 3 trades that bank.csv added.');
    expect(undoText({ transactions: 0 }, 'bank.csv')).toBe('bank.csv had added nothing that is still stored; nothing was removed.');
  });

  it('names a table without a noun by its key', () => {
    expect(tableCountsText({ taxLots: 2, leakMarks: 1 })).toBe('2 tax lots, 1 leakMarks');
    expect(tableCountsText({})).toBe('');
  });
});

describe('restore', () => {
  it('counts records and the tables that hold them', () => {
    // 4 + 1,200 + 30 = 1,234 records in 3 tables (leakMarks holds none).
    expect(restoreText({ accounts: 4, transactions: 1200, trades: 30, leakMarks: 0 })).toBe('Restored 1,234 records in 3 tables.');
    expect(restoreText({ accounts: 1 })).toBe('Restored 1 record in 1 table.');
    expect(restoreText({ accounts: 0 })).toBe('Restored an empty backup: no records are stored now.');
  });

  it('has a readable name for every table a backup holds', () => {
    for (const name of Object.keys(BACKUP_TABLES)) expect(TABLE_LABELS[name as keyof typeof TABLE_LABELS]).toMatch(/^[A-Z]/);
    expect(Object.keys(TABLE_LABELS).sort()).toEqual(Object.keys(BACKUP_TABLES).sort());
  });
});

describe('formats', () => {
  const formats = [
    { id: 'bank-signed-amount', label: 'Bank — one amount column', group: 'bank' as const },
    { id: 'schwab-transactions', label: 'Charles Schwab — transactions', group: 'brokerage' as const },
    { id: 'adsense', label: 'Google AdSense', group: 'income' as const },
    { id: 'fidelity-activity', label: 'Fidelity — activity', group: 'brokerage' as const },
  ];

  it('looks up a label by id; the mapping and no format have their own words', () => {
    expect(formatLabel('schwab-transactions', formats)).toBe('Charles Schwab — transactions');
    expect(formatLabel('mapping', formats)).toBe('Your column mapping');
    expect(formatLabel(null, formats)).toBe('Not recognised');
    expect(formatLabel('no-such-format', formats)).toBe('no-such-format');
  });

  it('groups formats Brokerage, Income, Bank, keeping their order within a group', () => {
    const groups = groupFormats(formats);
    expect(groups.map((g) => g.label)).toEqual(['Brokerage', 'Income', 'Bank']);
    expect(groups[0]!.formats.map((f) => f.id)).toEqual(['schwab-transactions', 'fidelity-activity']);
    expect(groupFormats(formats.filter((f) => f.group === 'bank')).map((g) => g.group)).toEqual(['bank']);
  });

  it('describes how the file was read', () => {
    expect(fileMetaText('utf-16le', '\t')).toBe('UTF-16LE text, tab-separated');
    expect(fileMetaText('utf-8', ';')).toBe('UTF-8 text, semicolon-separated');
    expect(fileMetaText('utf-8', '')).toBe('UTF-8 text');
  });
});

describe('the reading', () => {
  const records: ImportedRecord[] = [
    { kind: 'transaction', line: 2, date: '2026-11-02', amount: usd(-450), description: 'Coffee', category: 'Dining' },
    { kind: 'transaction', line: 3, date: '2026-11-03', amount: usd(250000), description: 'Payroll' },
    {
      kind: 'trade',
      line: 4,
      date: '2026-11-04',
      side: 'buy',
      symbol: 'VTI',
      quantity: '10',
      price: usd(23456),
      fees: usd(100),
      // 10 × $234.56 = $2,345.60, plus the $1.00 fee = $2,346.60 out.
      amount: usd(-234660),
    },
    { kind: 'income', line: 5, date: '2026-11-05', amount: usd(1234), incomeKind: 'affiliate-commission', source: 'Amazon Associates' },
  ];

  it('counts records per kind, and rows refused', () => {
    expect(kindCountsText(records)).toBe('2 transactions, 1 trade, 1 income record');
    expect(kindCountsText([])).toBe('no records');
    expect(readingSummaryText({ rowsRead: 5, records, errors: [{ line: 6, column: 'Amount', reason: 'not a number' }] })).toBe(
      'Read 5 rows: 2 transactions, 1 trade, 1 income record; 1 row refused.',
    );
    expect(readingSummaryText({ rowsRead: 1, records: records.slice(0, 1), errors: [] })).toBe('Read 1 row: 1 transaction.');
  });

  it('puts each record in a line, amounts in the locale', () => {
    expect(recordSummary(records[0]!, 'en-US')).toEqual({ date: '2026-11-02', what: 'Coffee (Dining)', amount: '-$4.50' });
    expect(recordSummary(records[2]!, 'en-US')).toEqual({ date: '2026-11-04', what: 'Buy 10 VTI at $234.56, fees $1.00', amount: '-$2,346.60' });
    expect(recordSummary(records[3]!, 'en-US')).toEqual({ date: '2026-11-05', what: 'Amazon Associates: Affiliate commission', amount: '$12.34' });
    expect(recordSummary({ kind: 'balance', line: 9, amount: usd(100000000) }, 'en-US')).toEqual({ date: '', what: 'Account balance', amount: '$1,000,000.00' });
  });

  it('lists the duplicate lines, with how many more there are', () => {
    expect(duplicatesText(4, [4, 5, 9, 12])).toBe('4 rows were imported before and will be skipped (lines 4, 5, 9 and 12).');
    expect(duplicatesText(1, [7])).toBe('1 row was imported before and will be skipped (line 7).');
    // 60 duplicates, the store lists the first 50 lines: 60 − 50 = 10 more.
    const fifty = Array.from({ length: 50 }, (_, i) => i + 2);
    expect(duplicatesText(60, fifty)).toBe(`60 rows were imported before and will be skipped (lines ${fifty.join(', ')} and 10 more).`);
    expect(duplicatesText(0, [])).toBe('None of these rows were imported before.');
  });

  it('reports reading progress as a whole percentage', () => {
    expect(progressText('bank.csv', 0.42)).toBe('Reading bank.csv… 42%');
    expect(progressText('bank.csv', 1)).toBe('Reading bank.csv… 100%');
    expect(progressText('bank.csv', 1.7)).toBe('Reading bank.csv… 100%');
  });
});

describe('mappings and accounts', () => {
  it('says when the mapping in use was saved', () => {
    const noon = Date.UTC(2026, 10, 24, 12);
    expect(savedMappingText(noon, 'en-US', 'UTC')).toBe('Using the mapping you saved for this header on Nov 24, 2026.');
    expect(dayText(noon, 'en-US', 'UTC')).toBe('Nov 24, 2026');
  });

  it('names a new account after the institution and the file label', () => {
    expect(newAccountName('Charles Schwab', 'Individual ...876')).toBe('Charles Schwab Individual ...876');
    expect(newAccountName('Charles Schwab', '')).toBe('Charles Schwab');
  });
});
