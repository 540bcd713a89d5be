/**
 * Income-report layouts (content and payment dashboards): Amazon Associates,
 * Google AdSense, YouTube Studio, Stripe (balance, payouts), Gumroad and
 * Lemon Squeezy, read from hand-made fixtures in the real layouts. Every
 * total below is worked out by hand from the fixture lines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, readCsvBytes } from '../../utils/importers/csv';
import { adsense } from '../../utils/importers/formats/adsense';
import { amazonAssociatesEarnings } from '../../utils/importers/formats/amazon';
import { gumroadSales } from '../../utils/importers/formats/gumroad';
import { lemonsqueezyOrders } from '../../utils/importers/formats/lemonsqueezy';
import { stripeBalance, stripePayouts } from '../../utils/importers/formats/stripe';
import { youtubeRevenue } from '../../utils/importers/formats/youtube';
import type { CsvTable, ImportedRecord, ImportFormat, IncomeRecord } from '../../utils/importers/types';

const DIR = path.resolve(__dirname, '../fixtures/imports');
const FORMATS: ImportFormat[] = [amazonAssociatesEarnings, adsense, youtubeRevenue, stripeBalance, stripePayouts, gumroadSales, lemonsqueezyOrders];

const load = (name: string): CsvTable => readCsvBytes(new Uint8Array(readFileSync(path.join(DIR, name))));
const income = (records: ImportedRecord[]) => records as IncomeRecord[];
/** Sum of amounts in minor units, per currency. */
function totals(records: ImportedRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of income(records)) out[r.amount.currency] = (out[r.amount.currency] ?? 0) + r.amount.minor;
  return out;
}
/** A copy of the table with one cell replaced (column named as in the header). */
function edit(t: CsvTable, line: number, column: string, value: string): CsvTable {
  const header = t.rows.find((r) => r.cells.some((c) => c.trim() === column))!;
  const at = header.cells.findIndex((c) => c.trim() === column);
  return { ...t, rows: t.rows.map((r) => (r.line === line ? { ...r, cells: r.cells.map((c, i) => (i === at ? value : c)) } : r)) };
}
/** A copy of the table whose line `line` keeps only its first `keep` cells (a file cut off mid-line). */
function cut(t: CsvTable, line: number, keep: number): CsvTable {
  return { ...t, rows: t.rows.map((r) => (r.line === line ? { ...r, cells: r.cells.slice(0, keep) } : r)) };
}
const cutOff = (cells: number, header: number) => ({ line: 0, column: '', reason: `the line has ${cells} cell${cells === 1 ? '' : 's'} where the header has ${header}: it may be cut off or use another delimiter` });

describe('detection: each fixture is its own layout and no other', () => {
  const cases: [string, string][] = [
    ['amazon-fee-earnings.csv', 'amazon-associates-earnings'],
    ['amazon-fee-earnings-monthnames.csv', 'amazon-associates-earnings'],
    ['adsense-legacy-utf16.txt', 'adsense'],
    ['adsense-sites.csv', 'adsense'],
    ['youtube-table-data-date.csv', 'youtube-revenue'],
    ['youtube-chart-data.csv', 'youtube-revenue'],
    ['youtube-table-data-videos.csv', 'youtube-revenue'],
    ['stripe-balance-itemized.csv', 'stripe-balance'],
    ['stripe-balance-history.csv', 'stripe-balance'],
    ['stripe-payouts.csv', 'stripe-payouts'],
    ['gumroad-sales.csv', 'gumroad-sales'],
    ['lemonsqueezy-orders.csv', 'lemonsqueezy-orders'],
  ];
  it.each(cases)('%s → %s', (file, id) => {
    const rows = load(file).rows;
    for (const f of FORMATS) {
      if (f.id === id) expect(f.detect(rows), f.id).toBeGreaterThan(0);
      else expect(f.detect(rows), f.id).toBe(0);
    }
  });
  it('all are income formats naming their service', () => {
    expect(FORMATS.map((f) => [f.id, f.group, f.institution])).toEqual([
      ['amazon-associates-earnings', 'income', 'Amazon Associates'],
      ['adsense', 'income', 'Google AdSense'],
      ['youtube-revenue', 'income', 'YouTube'],
      ['stripe-balance', 'income', 'Stripe'],
      ['stripe-payouts', 'income', 'Stripe'],
      ['gumroad-sales', 'income', 'Gumroad'],
      ['lemonsqueezy-orders', 'income', 'Lemon Squeezy'],
    ]);
  });
});

describe('Amazon Associates Fee-Earnings', () => {
  it('reads one commission per line, a return negative', () => {
    const out = amazonAssociatesEarnings.parse(load('amazon-fee-earnings.csv'), {});
    expect(out.errors).toEqual([]);
    expect(income(out.records).map((r) => [r.line, r.date, r.amount.minor, r.description])).toEqual([
      [3, '2026-11-03', 160, 'USB-C Hub, 7-in-1 (B0ABCDEF12) via myblog-20'],
      [4, '2026-11-05', 180, 'The Simple Path to Wealth (B01MXDOKIR) via myblog-20'],
      [5, '2026-11-12', 243, "Chef's Knife 8 inch (B07XYZ1234) via myvideo-21"],
      [6, '2026-11-20', -160, 'USB-C Hub, 7-in-1 (B0ABCDEF12) via myblog-20 — return'],
    ]);
    // 1.60 + 1.80 + 2.43 − 1.60 = 4.23
    expect(totals(out.records)).toEqual({ USD: 423 });
    expect(new Set(income(out.records).map((r) => `${r.incomeKind}/${r.source}/${r.gross}`))).toEqual(new Set(['affiliate-commission/Amazon Associates/undefined']));
    expect(out.notes).toEqual(['Fee-Earnings reports from 2026-11-01 to 2026-11-30.']);
    expect(out.dateOrder).toBeUndefined();
  });
  it('reads dates written with month names', () => {
    const out = amazonAssociatesEarnings.parse(load('amazon-fee-earnings-monthnames.csv'), {});
    expect(income(out.records).map((r) => [r.date, r.amount.minor])).toEqual([['2026-10-02', 75], ['2026-10-15', 157]]);
    expect(totals(out.records)).toEqual({ USD: 232 }); // 0.75 + 1.57
  });
  it('reads US numeric dates month first, from the file itself', () => {
    let t = load('amazon-fee-earnings.csv');
    for (const [line, d] of [[3, '11/03/2026'], [4, '11/05/2026'], [5, '11/12/2026'], [6, '11/20/2026']] as const) t = edit(t, line, 'Date Shipped', d);
    const out = amazonAssociatesEarnings.parse(t, {});
    expect(income(out.records).map((r) => r.date)).toEqual(['2026-11-03', '2026-11-05', '2026-11-12', '2026-11-20']);
    expect(out.dateOrder).toMatchObject({ order: 'MDY', assumed: false });
  });
  it('takes the currency from the fee column', () => {
    const t = readCsv(readFileSync(path.join(DIR, 'amazon-fee-earnings.csv'), 'utf8').replace(/\(\$\)/g, '(£)'));
    expect(totals(amazonAssociatesEarnings.parse(t, {}).records)).toEqual({ GBP: 423 });
  });
  it('refuses a bad date, text in an amount and a cut-off line, and reads the rest', () => {
    let t = edit(load('amazon-fee-earnings.csv'), 4, 'Date Shipped', '2026-13-05');
    t = edit(t, 5, 'Ad Fees($)', 'two');
    t = cut(t, 6, 7);
    const out = amazonAssociatesEarnings.parse(t, {});
    expect(out.records.map((r) => r.line)).toEqual([3]);
    expect(out.errors).toEqual([
      { line: 4, column: 'Date Shipped', reason: '"2026-13-05" has no month 13' },
      { line: 5, column: 'Ad Fees($)', reason: '"two" is not an amount: no digits in "two"' },
      { ...cutOff(7, 13), line: 6 },
    ]);
  });
});

describe('Google AdSense', () => {
  it('reads the legacy UTF-16LE, TAB-separated, CRLF export', () => {
    const bytes = readFileSync(path.join(DIR, 'adsense-legacy-utf16.txt'));
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const raw = bytes.subarray(2).toString('utf16le');
    expect(raw.startsWith('Date\tPage views\t')).toBe(true);
    expect(raw).toContain('(JPY)\r\r\n\r\n2026-11-01\t');
    const t = load('adsense-legacy-utf16.txt');
    expect([t.encoding, t.delimiter]).toEqual(['utf-16le', '\t']);
    const out = adsense.parse(t, {});
    expect(out.errors).toEqual([]);
    expect(out.notes).toEqual([]);
    expect(income(out.records).map((r) => [r.line, r.date, r.amount.minor, r.amount.currency, r.incomeKind, r.source])).toEqual([
      [3, '2026-11-01', 350, 'JPY', 'ad-revenue', 'Google AdSense'],
      [4, '2026-11-02', 200, 'JPY', 'ad-revenue', 'Google AdSense'],
      [5, '2026-11-03', 630, 'JPY', 'ad-revenue', 'Google AdSense'],
    ]);
    expect(totals(out.records)).toEqual({ JPY: 1180 }); // 350 + 200 + 630 yen
  });
  it('reads the current CSV per day and site, skipping the summary lines and an empty day', () => {
    const out = adsense.parse(load('adsense-sites.csv'), {});
    expect(out.errors).toEqual([]);
    expect(income(out.records).map((r) => [r.line, r.date, r.amount.minor, r.description])).toEqual([
      [2, '2026-11-01', 420, 'example.com'],
      [3, '2026-11-01', 105, 'recipes.example.org'],
      [4, '2026-11-02', 390, 'example.com'],
    ]);
    expect(totals(out.records)).toEqual({ USD: 915 }); // 4.20 + 1.05 + 3.90 = 9.15, the file's Totals line
    expect(out.notes).toEqual([
      '2 summary lines ("Totals" and "Averages") at the end were skipped: they are not a day\'s earnings.',
      '1 line with no earnings was skipped.',
    ]);
  });
  it('reads a country breakdown in the currency of the earnings header', () => {
    const out = adsense.parse(readCsv('Date,Country,Estimated earnings (EUR),Page views,Clicks\n2026-11-01,Germany,1.25,400,2\n'), {});
    expect(income(out.records).map((r) => [r.amount, r.description])).toEqual([[{ minor: 125, currency: 'EUR' }, 'Germany']]);
  });
  it('refuses a bad date, text in an amount and a cut-off line', () => {
    let t = edit(load('adsense-sites.csv'), 2, 'Date', '2026-02-30');
    t = edit(t, 3, 'Estimated earnings (USD)', 'n.a.');
    t = cut(t, 4, 2);
    const out = adsense.parse(t, {});
    expect(out.records).toEqual([]);
    expect(out.errors).toEqual([
      { line: 2, column: 'Date', reason: '"2026-02-30" is not a real date (2026-02 has 28 days)' },
      { line: 3, column: 'Estimated earnings (USD)', reason: '"n.a." is not an amount: no digits in "n.a."' },
      { ...cutOff(2, 9), line: 4 },
    ]);
  });
  it('names the legacy header cell without its stray carriage return', () => {
    const out = adsense.parse(edit(load('adsense-legacy-utf16.txt'), 4, 'Date', '2026-1l-02'), {});
    expect(out.errors).toEqual([{ line: 4, column: 'Date', reason: '"2026-1l-02" is not a date Strata reads (such as 2026-11-24, 11/24/2026 or 24.11.2026)' }]);
    // the header cell is "Estimated earnings (JPY)\r" in the file (its line ends "\r\r\n")
    const bad = adsense.parse(edit(load('adsense-legacy-utf16.txt'), 5, 'Estimated earnings (JPY)', '63O'), {});
    expect(bad.errors).toEqual([{ line: 5, column: 'Estimated earnings (JPY)', reason: '"63O" is not an amount: "63O" has letters mixed into the digits' }]);
  });
});

describe('YouTube Studio revenue', () => {
  it('reads the Date view, rounding three-decimal revenue half to even', () => {
    const out = youtubeRevenue.parse(load('youtube-table-data-date.csv'), {});
    expect(out.errors).toEqual([]);
    // 4.123 → 4.12, 3.005 → 3.00 (half to even), 5.217 → 5.22; the 0.000 day is skipped
    expect(income(out.records).map((r) => [r.line, r.date, r.amount.minor, r.incomeKind, r.source])).toEqual([
      [3, '2026-11-01', 412, 'ad-revenue', 'YouTube'],
      [4, '2026-11-02', 300, 'ad-revenue', 'YouTube'],
      [6, '2026-11-04', 522, 'ad-revenue', 'YouTube'],
    ]);
    expect(totals(out.records)).toEqual({ USD: 1234 });
    expect(out.notes).toEqual([
      "YouTube Studio's revenue is an estimate: the amount finally paid through AdSense can differ a little.",
      '1 line labelled "Total" was skipped: a total is not a day\'s revenue.',
      '1 line with no revenue was skipped.',
      '3 revenue figures had more than 2 decimals and were rounded half to even.',
    ]);
  });
  it('reads per-video daily chart data with the video title', () => {
    const out = youtubeRevenue.parse(load('youtube-chart-data.csv'), {});
    expect(income(out.records).map((r) => [r.date, r.amount.minor, r.description])).toEqual([
      ['2026-11-01', 150, 'How I track my passive income'],
      ['2026-11-01', 75, 'Index funds in 10 minutes'],
      ['2026-11-02', 225, 'How I track my passive income'],
    ]);
    expect(totals(out.records)).toEqual({ USD: 450 }); // 1.50 + 0.75 + 2.25
  });
  it('reads the older "Your estimated revenue" header in its currency', () => {
    const out = youtubeRevenue.parse(readCsv('Date,Your estimated revenue (EUR)\n2026-11-01,1.5\n'), {});
    expect(income(out.records).map((r) => r.amount)).toEqual([{ minor: 150, currency: 'EUR' }]);
  });
  it('refuses the per-video table, which has no dates, saying what to export', () => {
    const out = youtubeRevenue.parse(load('youtube-table-data-videos.csv'), {});
    expect(out.records).toEqual([]);
    expect(out.errors).toEqual([
      {
        line: 1,
        column: '',
        reason:
          'this is YouTube Studio\'s per-video table: it has no Date column, so the revenue cannot be placed on a day. ' +
          'In YouTube Studio open Analytics → Advanced mode, choose the "Date" tab, and export that view (Table data.csv then has one line per day).',
      },
    ]);
  });
  it('refuses a bad date, text in an amount and a cut-off line', () => {
    let t = edit(load('youtube-table-data-date.csv'), 3, 'Date', 'Nov 31, 2026');
    t = edit(t, 4, 'Estimated revenue (USD)', '$3.OO');
    t = cut(t, 6, 1);
    const out = youtubeRevenue.parse(t, {});
    expect(out.records).toEqual([]);
    expect(out.errors).toEqual([
      { line: 3, column: 'Date', reason: '"Nov 31, 2026" is not a real date (2026-11 has 30 days)' },
      { line: 4, column: 'Estimated revenue (USD)', reason: '"$3.OO" is not an amount: "$3.OO" has letters mixed into the digits' },
      { ...cutOff(1, 4), line: 6 },
    ]);
  });
});

describe('Stripe balance', () => {
  it('reads the itemized report: sales net of fees, a refund, a Stripe fee; the payout skipped', () => {
    const out = stripeBalance.parse(load('stripe-balance-itemized.csv'), {});
    expect(out.errors).toEqual([]);
    expect(income(out.records).map((r) => [r.line, r.date, r.amount.minor, r.gross?.minor, r.incomeKind, r.description])).toEqual([
      [2, '2026-11-02', 4728, 4900, 'product-sale', 'Ebook: Budget templates (txn_1A)'],
      [3, '2026-11-03', 1815, 1900, 'subscription-revenue', 'Subscription update (txn_1B)'],
      [4, '2026-11-05', -4900, -4900, 'product-sale', 'REFUND FOR PAYMENT (txn_1C)'],
      [5, '2026-11-06', -200, -200, 'other', 'Stripe fee: Billing - Usage Fee (2026-10-01 - 2026-10-31) (txn_1D)'],
    ]);
    // 47.28 + 18.15 − 49.00 − 2.00 = 14.43, the amount the skipped payout took to the bank
    expect(totals(out.records)).toEqual({ USD: 1443 });
    expect(new Set(income(out.records).map((r) => r.source))).toEqual(new Set(['Stripe']));
    expect(out.notes).toEqual(['1 payout to the bank was skipped: moving your own money in or out of Stripe is not income.']);
  });
  it('reads the Dashboard balance history export', () => {
    const out = stripeBalance.parse(load('stripe-balance-history.csv'), {});
    expect(out.errors).toEqual([]);
    expect(income(out.records).map((r) => [r.date, r.amount.minor, r.gross?.minor, r.incomeKind])).toEqual([
      ['2026-11-01', 11622, 12000, 'product-sale'],
      ['2026-11-02', -2000, -2000, 'product-sale'],
      ['2026-11-03', -200, -200, 'other'],
    ]);
    expect(totals(out.records)).toEqual({ USD: 9422 }); // 116.22 − 20.00 − 2.00 = 94.22, the payout
    expect(out.notes).toEqual(['1 payout to the bank was skipped: moving your own money in or out of Stripe is not income.']);
  });
  it('reads other kinds of line as other income, and says so', () => {
    const out = stripeBalance.parse(readCsv('balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category,description\ntxn_9,2026-11-08 10:00:00,gbp,5.00,0.00,5.00,adjustment,Goodwill credit\n'), {});
    expect(income(out.records).map((r) => [r.amount, r.incomeKind])).toEqual([[{ minor: 500, currency: 'GBP' }, 'other']]);
    expect(out.notes).toEqual(['Lines of the kinds "adjustment" were read as other income, with the file\'s sign.']);
  });
  it('refuses a bad date, text in an amount, a bad currency and a cut-off line', () => {
    let t = edit(load('stripe-balance-itemized.csv'), 2, 'created_utc', '2026-11-31 10:00:00');
    t = edit(t, 3, 'net', 'eighteen');
    t = edit(t, 4, 'currency', 'us dollars');
    t = cut(t, 5, 5);
    const out = stripeBalance.parse(t, {});
    expect(out.records).toEqual([]);
    expect(out.errors).toEqual([
      { line: 2, column: 'created_utc', reason: '"2026-11-31 10:00:00" is not a real date (2026-11 has 30 days)' },
      { line: 3, column: 'net', reason: '"eighteen" is not an amount: no digits in "eighteen"' },
      { line: 4, column: 'currency', reason: '"us dollars" is not a currency code such as usd' },
      { ...cutOff(5, 9), line: 5 },
    ]);
  });
});

describe('Stripe payouts', () => {
  it('reads paid payouts on their arrival day; failed and in-transit ones skipped', () => {
    const out = stripePayouts.parse(load('stripe-payouts.csv'), {});
    expect(out.errors).toEqual([]);
    expect(income(out.records).map((r) => [r.line, r.date, r.amount.minor, r.incomeKind, r.source, r.description])).toEqual([
      [2, '2026-11-07', 9422, 'other', 'Stripe payouts', 'STRIPE PAYOUT (po_1Q1)'],
      [3, '2026-11-14', 21050, 'other', 'Stripe payouts', 'STRIPE PAYOUT (po_1Q2)'],
    ]);
    expect(totals(out.records)).toEqual({ USD: 30472 }); // 94.22 + 210.50
    expect(out.notes).toEqual([
      'A payout is money your Stripe sales already earned: importing a Stripe balance report and these payouts for the same period counts the same money twice.',
      '1 failed or canceled payout was skipped: the money stayed in Stripe.',
      '1 payout not yet paid (pending or in transit) was skipped: import again once it has arrived.',
    ]);
  });
  it('refuses a status it does not know, a bad date, text in an amount and a cut-off line', () => {
    let t = edit(load('stripe-payouts.csv'), 2, 'Status', 'bounced');
    t = edit(t, 3, 'Arrival Date (UTC)', 'soon');
    t = edit(t, 5, 'Status', 'paid');
    t = edit(t, 5, 'Amount', '75.2.5');
    const out = stripePayouts.parse(cut(t, 4, 3), {});
    expect(out.records).toEqual([]);
    expect(out.errors).toEqual([
      { line: 2, column: 'Status', reason: '"bounced" is not a payout status Strata knows (paid, pending, in_transit, failed, canceled)' },
      { line: 3, column: 'Arrival Date (UTC)', reason: '"soon" is not a date Strata reads (such as 2026-11-24, 11/24/2026 or 24.11.2026)' },
      { ...cutOff(3, 22), line: 4 },
      { line: 5, column: 'Amount', reason: '"75.2.5" is not an amount: "75.2.5" has more than one decimal point' },
    ]);
  });
});

describe('Gumroad sales', () => {
  it('reads each sale net of fees and partial refunds; full refunds, free sales and Totals skipped', () => {
    const out = gumroadSales.parse(load('gumroad-sales.csv'), {});
    expect(out.errors).toEqual([]);
    expect(income(out.records).map((r) => [r.line, r.date, r.amount.minor, r.gross?.minor, r.incomeKind, r.description])).toEqual([
      [2, '2026-11-02', 1300, 1500, 'product-sale', 'Budget Spreadsheet'],
      [3, '2026-11-03', 400, 500, 'subscription-revenue', 'Passive Income Newsletter'], // first charge: Recurrence "monthly"
      [4, '2026-11-10', 400, 500, 'subscription-revenue', 'Passive Income Newsletter'], // renewal: Recurring Charge? 1
      [5, '2026-11-12', 1200, 1500, 'product-sale', 'Budget Spreadsheet (Pro) — partly refunded 10.00 USD'], // 22.00 − 10.00
    ]);
    // 13.00 + 4.00 + 4.00 + 12.00 = 33.00 net; 15 + 5 + 5 + 15 = 40.00 gross
    expect(totals(out.records)).toEqual({ USD: 3300 });
    expect(income(out.records).reduce((s, r) => s + r.gross!.minor, 0)).toBe(4000);
    expect(new Set(income(out.records).map((r) => r.source))).toEqual(new Set(['Gumroad']));
    expect(out.notes).toEqual([
      '1 fully refunded sale was skipped.',
      '1 sale of 0.00 (free products or free-trial sign-ups) was skipped.',
      'The "Totals" line is a total, not a sale.',
    ]);
  });
  it('skips lost chargebacks and pre-order authorizations', () => {
    const t = edit(edit(load('gumroad-sales.csv'), 2, 'Disputed?', '1'), 3, 'Pre-order authorization?', '1');
    const out = gumroadSales.parse(t, {});
    expect(out.records.map((r) => r.line)).toEqual([4, 5]);
    expect(out.notes.slice(1, 3)).toEqual([
      '1 disputed sale not won was skipped: the buyer got the money back.',
      '1 pre-order authorization was skipped: the card is charged on release, in a sale of its own.',
    ]);
  });
  it('refuses a bad date, text in an amount and a cut-off line', () => {
    let t = edit(load('gumroad-sales.csv'), 2, 'Purchase Date', '2026-11-00');
    t = edit(t, 3, 'Net Total ($)', 'four');
    const out = gumroadSales.parse(cut(t, 4, 8), {});
    expect(out.records.map((r) => r.line)).toEqual([5]);
    expect(out.errors).toEqual([
      { line: 2, column: 'Purchase Date', reason: '"2026-11-00" is not a real date (2026-11 has 30 days)' },
      { line: 3, column: 'Net Total ($)', reason: '"four" is not an amount: no digits in "four"' },
      { ...cutOff(8, 73), line: 4 },
    ]);
  });
});

describe('Lemon Squeezy orders', () => {
  it('reads paid orders as Total less Tax; refunded and pending ones skipped', () => {
    const out = lemonsqueezyOrders.parse(load('lemonsqueezy-orders.csv'), {});
    expect(out.errors).toEqual([]);
    expect(income(out.records).map((r) => [r.line, r.date, r.amount.minor, r.amount.currency, r.description])).toEqual([
      [2, '2026-11-02', 2900, 'USD', 'Notion Budget Template'],
      [3, '2026-11-04', 4900, 'EUR', 'Notion Budget Template (Team license)'], // 58.31 − 9.31 VAT
      [4, '2026-11-07', 7920, 'USD', 'Indie Hacker Course'], // after its 19.80 discount
      [6, '2026-11-11', 1900, 'USD', 'Notion Budget Template — partly refunded 10.00 USD'], // 31.32 − 2.32 − 10.00
    ]);
    expect(totals(out.records)).toEqual({ USD: 12720, EUR: 4900 }); // 29.00 + 79.20 + 19.00 = 127.20
    expect(new Set(income(out.records).map((r) => `${r.incomeKind}/${r.source}/${r.gross}`))).toEqual(new Set(['product-sale/Lemon Squeezy/undefined']));
    expect(out.notes).toEqual([
      "Amounts are each order's Total less its Tax: the tax Lemon Squeezy collects as merchant of record is not your revenue.",
      'The export lists no Lemon Squeezy fees: amounts are before them.',
      '1 refunded order was skipped.',
      '1 pending or failed order was skipped: no money was received.',
    ]);
  });
  it('takes a fee column off too, keeping the revenue as gross', () => {
    const csv = 'Order Number,Product,Status,Currency,Tax,Total,Fee,Created At\n1001,Template,paid,USD,2.00,27.00,1.75,2026-11-02 10:00:00\n';
    const out = lemonsqueezyOrders.parse(readCsv(csv), {});
    expect(income(out.records).map((r) => [r.amount.minor, r.gross?.minor])).toEqual([[2325, 2500]]); // 27.00 − 2.00 = 25.00; − 1.75 = 23.25
    expect(out.notes).toHaveLength(1);
  });
  it('refuses a status it does not know, a bad date, text in an amount and a cut-off line', () => {
    let t = edit(load('lemonsqueezy-orders.csv'), 2, 'Status', 'on_hold');
    t = edit(t, 3, 'Created At', '04/31/2026');
    t = edit(t, 4, 'Total', '79.2O');
    const out = lemonsqueezyOrders.parse(cut(t, 6, 6), {});
    expect(out.records).toEqual([]);
    expect(out.errors).toEqual([
      { line: 2, column: 'Status', reason: '"on_hold" is not an order status Strata knows (paid, partial refund, refunded, pending, failed)' },
      { line: 3, column: 'Created At', reason: '"04/31/2026" is not a real date (2026-04 has 30 days)' },
      { line: 4, column: 'Total', reason: '"79.2O" is not an amount: "79.2O" has letters mixed into the digits' },
      { ...cutOff(6, 15), line: 6 },
    ]);
  });
  it('refuses a partial refund when the file does not say how much', () => {
    const csv = 'Order Number,Product,Status,Tax,Total,Created At\n1005,Template,partial_refund,0.00,29.00,2026-11-11\n';
    expect(lemonsqueezyOrders.parse(readCsv(csv), {}).errors).toEqual([
      { line: 2, column: 'Status', reason: 'the order is partly refunded but the file has no "Refunded Amount" column to say how much' },
    ]);
  });
});
