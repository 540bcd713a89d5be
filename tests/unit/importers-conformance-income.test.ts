/**
 * Conformance of the income layouts with the real export files kept in
 * /work/shared/data/real-exports (see SOURCES.md there): the legacy AdSense
 * export (gitpan/Data-Adsense t/test-file.txt — genuine layout, random
 * numbers) and Stripe's itemized balance report (simonmichael/hledger
 * examples/csv/other/stripe.csv). Each imports with no error, to the figures
 * read by hand from the files; no other real file is taken for one of these
 * layouts. Skipped when the folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvBytes } from '../../utils/importers/csv';
import { adsense } from '../../utils/importers/formats/adsense';
import { amazonAssociatesEarnings } from '../../utils/importers/formats/amazon';
import { gumroadSales } from '../../utils/importers/formats/gumroad';
import { lemonsqueezyOrders } from '../../utils/importers/formats/lemonsqueezy';
import { stripeBalance, stripePayouts } from '../../utils/importers/formats/stripe';
import { youtubeRevenue } from '../../utils/importers/formats/youtube';
import type { ImportFormat, IncomeRecord } from '../../utils/importers/types';

const dir = path.resolve(__dirname, '../../../shared/data/real-exports');
const FORMATS: ImportFormat[] = [amazonAssociatesEarnings, adsense, youtubeRevenue, stripeBalance, stripePayouts, gumroadSales, lemonsqueezyOrders];
const read = (name: string) => readCsvBytes(new Uint8Array(readFileSync(path.join(dir, name))));

describe.skipIf(!existsSync(dir))('income layouts on real exports', () => {
  it('dataadsense-test-file.txt: 16 days of JPY earnings', () => {
    const table = read('dataadsense-test-file.txt');
    expect([table.encoding, table.delimiter]).toEqual(['utf-16le', '\t']);
    // The header line ends "\r\r\n": the reader keeps a stray "\r" in its last cell.
    expect(table.rows[0]!.cells.at(-1)).toBe('Estimated earnings (JPY)\r');
    for (const f of FORMATS) expect(f.detect(table.rows), f.id).toBe(f.id === 'adsense' ? 7 : 0);

    const out = adsense.parse(table, {});
    expect(out.errors).toEqual([]);
    expect(out.notes).toEqual([]);
    const records = out.records as IncomeRecord[];
    // Line 2 is blank; the days run 2009-11-04 … 2009-11-19 on lines 3 … 18.
    expect(records.map((r) => [r.line, r.date, r.amount.minor])).toEqual([
      [3, '2009-11-04', 114], [4, '2009-11-05', 198], [5, '2009-11-06', 974], [6, '2009-11-07', 89],
      [7, '2009-11-08', 928], [8, '2009-11-09', 600], [9, '2009-11-10', 817], [10, '2009-11-11', 122],
      [11, '2009-11-12', 613], [12, '2009-11-13', 308], [13, '2009-11-14', 536], [14, '2009-11-15', 336],
      [15, '2009-11-16', 744], [16, '2009-11-17', 202], [17, '2009-11-18', 632], [18, '2009-11-19', 336],
    ]);
    expect(new Set(records.map((r) => `${r.amount.currency}/${r.incomeKind}/${r.source}`))).toEqual(new Set(['JPY/ad-revenue/Google AdSense']));
    // 114+198+974+89+928+600+817+122+613+308+536+336+744+202+632+336 = 7549 yen
    expect(records.reduce((s, r) => s + r.amount.minor, 0)).toBe(7549);
  });

  it('hledger-stripe.csv: a 12.00 charge and a 0.77 refund', () => {
    const table = read('hledger-stripe.csv');
    for (const f of FORMATS) expect(f.detect(table.rows), f.id).toBe(f.id === 'stripe-balance' ? 9 : 0);
    const out = stripeBalance.parse(table, {});
    expect(out.errors).toEqual([]);
    expect(out.notes).toEqual([]);
    expect(out.records).toEqual([
      {
        kind: 'income', line: 2, date: '2020-01-23', amount: { minor: 1200, currency: 'USD' }, gross: { minor: 1200, currency: 'USD' },
        incomeKind: 'product-sale', source: 'Stripe', description: 'Charge (txn_14G11HjubSIHf9IKrvJdwN)',
      },
      {
        kind: 'income', line: 3, date: '2020-01-23', amount: { minor: -77, currency: 'USD' }, gross: { minor: -77, currency: 'USD' },
        incomeKind: 'product-sale', source: 'Stripe', description: 'REFUND FOR PAYMENT (txn_14G11HjHgubIH9ZvbPgYO7)',
      },
    ]);
  });

  it('takes no other real export for an income layout', () => {
    const others = readdirSync(dir).filter((n) => n !== 'dataadsense-test-file.txt' && n !== 'hledger-stripe.csv' && n !== 'SOURCES.md');
    expect(others.length).toBeGreaterThan(20);
    for (const name of others) {
      const rows = read(name).rows;
      for (const f of FORMATS) expect(f.detect(rows), `${f.id} on ${name}`).toBe(0);
    }
  });
});
