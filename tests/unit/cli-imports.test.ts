/**
 * `strata import` and `strata leaks`: the JSON the README documents, on
 * files checked by hand. Nothing is stored.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '@/cli/run';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/imports');
const dir = mkdtempSync(path.join(tmpdir(), 'strata-cli-imports-'));
const file = (name: string, text: string) => {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
};
const json = (argv: string[]) => {
  const result = runCli(argv);
  return { ...result, value: JSON.parse(result.stdout) };
};

describe('strata import', () => {
  it('prints the format, the records and the refused rows of a card export', () => {
    const { value, exitCode } = json(['import', path.join(FIXTURES, 'bank-us-card-signed.csv')]);
    expect(exitCode).toBe(0);
    expect(Object.keys(value)).toEqual(['format', 'records', 'errors', 'notes']);
    expect(value.format).toBe('bank-signed-amount');
    expect(value.errors).toEqual([]);
    expect(value.records[0]).toEqual({ kind: 'transaction', line: 2, date: '2026-01-28', amount: { minor: -1549, currency: 'USD' }, description: 'NETFLIX.COM', category: 'Entertainment' });
    // -15.49 - 84.17 + 1250.00 + 23.99 - 11.99 = 1162.34
    expect(value.records.reduce((sum: number, r: { amount: { minor: number } }) => sum + r.amount.minor, 0)).toBe(116234);
  });

  it('names a refused row by line, column and reason, and still prints the others', () => {
    const { value, exitCode } = json(['import', file('card.csv', 'Date,Description,Amount\n2026-03-01,HULU,-7.99\n2026-03-02,SHOP,12.50 approx\n')]);
    expect(exitCode).toBe(0);
    expect(value.records).toHaveLength(1);
    expect(value.errors).toHaveLength(1);
    expect(value.errors[0]).toMatchObject({ line: 3, column: 'Amount' });
    expect(value.errors[0].reason).toContain('"12.50 approx"');
  });

  it('exits 2 with format null for a layout it does not know, and for an empty file', () => {
    const unknown = json(['import', file('odd.csv', 'Foo,Bar\n1,2\n')]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.value).toMatchObject({ format: null, records: [] });
    expect(unknown.value.errors[0].reason).toContain('Strata does not know this layout (its header is: Foo, Bar)');
    const empty = json(['import', file('empty.csv', '')]);
    expect(empty.exitCode).toBe(2);
    expect(empty.value.errors).toEqual([{ line: 0, column: '', reason: 'The file is empty.' }]);
  });

  it('reads a file as the format it is told, and refuses an unknown format id', () => {
    const forced = json(['import', path.join(FIXTURES, 'bank-us-card-signed.csv'), '--format', 'schwab-transactions']);
    expect(forced.exitCode).toBe(2);
    expect(forced.value.format).toBe('schwab-transactions');
    expect(forced.value.records).toEqual([]);
    const bad = runCli(['import', 'x.csv', '--format', 'nope']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('unknown format "nope"');
  });
});

describe('strata leaks', () => {
  // Netflix monthly on the 3rd, 15.49 then 17.99 from April; a one-off purchase.
  const rows = ['Date,Description,Amount'];
  for (const [month, price] of [['01', '15.49'], ['02', '15.49'], ['03', '15.49'], ['04', '17.99'], ['05', '17.99']]) rows.push(`2026-${month}-03,NETFLIX.COM 866-579-7172 CA,-${price}`);
  rows.push('2026-02-14,FLORIST #12 OAKLAND CA,-60.00');

  it('finds the monthly charge, its price rise and its yearly cost, as of the file’s last day', () => {
    const { value, exitCode } = json(['leaks', file('netflix.csv', rows.join('\n') + '\n')]);
    expect(exitCode).toBe(0);
    expect(value).toMatchObject({ format: 'bank-signed-amount', transactions: 6, asOf: '2026-05-03', baseCurrency: 'USD', errors: [] });
    expect(value.recurring).toHaveLength(1);
    expect(value.recurring[0]).toMatchObject({ key: 'netflix', period: 'monthly', amount: { minor: 1799, currency: 'USD' }, nextExpected: '2026-06-03', active: true });
    expect(value.recurring[0].yearlyCost).toEqual({ minor: 21588, currency: 'USD' }); // 17.99 × 12
    // 17.99 − 15.49 = 2.50 a month, 30.00 a year, 2.50 / 15.49 = 16.1 %
    expect(value.priceRises).toEqual([
      { key: 'netflix', merchant: 'Netflix', date: '2026-04-03', from: { minor: 1549, currency: 'USD' }, to: { minor: 1799, currency: 'USD' }, increase: { minor: 250, currency: 'USD' }, yearlyIncrease: { minor: 3000, currency: 'USD' }, percent: 16.1 },
    ]);
    expect(value.yearlyTotal).toEqual({ minor: 21588, currency: 'USD' });
  });

  it('says so when the file holds no bank or card transactions, and refuses a date that is not one', () => {
    const { value, exitCode } = json(['leaks', path.join(FIXTURES, 'schwab-lots.csv')]);
    expect(exitCode).toBe(2);
    expect(value).toMatchObject({ error: 'the file holds no bank or card transactions', format: 'schwab-lots' });
    const bad = runCli(['leaks', path.join(FIXTURES, 'bank-us-card-signed.csv'), '--as-of', 'yesterday']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--as-of must be a date written YYYY-MM-DD');
  });
});
