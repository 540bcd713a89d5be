/**
 * The demo household's spending part (utils/demo/spending.ts,
 * spending-merchants.ts): the merged demo restores as a backup; the part is
 * deterministic; the checking and card snapshots are their transactions'
 * sums; the checking account carries the shared money plan to the cent; and
 * the Leaks page's analysis (leakInputFrom → findLeaks, with and without
 * the classifier's categories, as components/useLeaks.ts runs it) finds
 * exactly the leaks planted, with figures checked by hand.
 */
import { describe, expect, it } from 'vitest';
import { categorizeAll } from '@/utils/analytics/categories';
import { leakInputFrom } from '@/utils/analytics/leak-input';
import { findLeaks } from '@/utils/analytics/leaks';
import { normalizeMerchant } from '@/utils/analytics/merchants';
import { parseBackup } from '@/utils/backup/format';
import { serializeBackup } from '@/utils/backup/serialize';
import { noonOf } from '@/utils/demo/calendar';
import { CHECKING_OPENING_MINOR, MONTHLY_EXPENSES_MINOR } from '@/utils/demo/foundation-household';
import { DEMO_IDS, DEMO_SEED, demoContext, generateDemo } from '@/utils/demo/index';
import { CARD_OPENING_MINOR, spendingPart } from '@/utils/demo/spending';
import { CHECKING_LINES } from '@/utils/demo/spending-merchants';

const TODAY = '2026-11-24';
const OTHER_TODAY = '2027-02-28';
const part = (seed = DEMO_SEED, today = TODAY) => spendingPart(demoContext({ seed, asOf: noonOf(today) }, 'spending'));
const SETTINGS = { baseCurrency: 'USD', rates: {} };
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

describe('the merged demo as a backup', () => {
  it.each([TODAY, OTHER_TODAY])('passes parseBackup as of %s', (today) => {
    const { tables } = generateDemo({ seed: DEMO_SEED, asOf: noonOf(today) });
    const parsed = parseBackup(serializeBackup(tables, `${today}T12:00:00.000Z`));
    expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
  });

  it('keeps the demo rules: a few thousand records, ids, provenance, noon instants up to today', () => {
    const tables = part();
    expect(tables.transactions!.length).toBeGreaterThan(1500);
    expect(tables.transactions!.length).toBeLessThan(4000);
    for (const row of [...tables.transactions!, ...tables.balanceSnapshots!]) {
      expect(row.id).toMatch(/^demo-/);
      expect(row.id.length).toBeLessThanOrEqual(64);
      expect(row.provenance.description).toBe('Demo household (sample data)');
      expect(row.at % 86_400_000).toBe(43_200_000);
      expect(row.at).toBeLessThanOrEqual(noonOf(TODAY));
    }
    expect(tables.accounts).toEqual([expect.objectContaining({ id: DEMO_IDS.card, kind: 'cash', layer: 'foundation', currency: 'USD', taxType: 'none' })]);
  });
});

describe('determinism', () => {
  it('gives the same records for the same seed and day, other spending for another seed', () => {
    expect(JSON.stringify(part())).toBe(JSON.stringify(part()));
    const a = part(DEMO_SEED).transactions!.filter((t) => t.accountId === DEMO_IDS.card);
    const b = part(DEMO_SEED + 1).transactions!.filter((t) => t.accountId === DEMO_IDS.card);
    expect(a.map((t) => t.amount.minor)).not.toEqual(b.map((t) => t.amount.minor));
  });
});

describe('balances and the money plan', () => {
  const tables = part();
  const txs = tables.transactions!;

  it('has each statement equal the opening balance plus every transaction up to its day', () => {
    for (const [account, opening] of [
      [DEMO_IDS.checking, CHECKING_OPENING_MINOR],
      [DEMO_IDS.card, CARD_OPENING_MINOR],
    ] as const) {
      const snapshots = tables.balanceSnapshots!.filter((s) => s.accountId === account);
      expect(snapshots).toHaveLength(37);
      for (const s of snapshots) {
        const sum = txs.filter((t) => t.accountId === account && t.at <= s.at).reduce<number>((total, t) => total + t.amount.minor, opening);
        expect(s.amount.minor, s.id).toBe(sum);
      }
    }
    // Never overdrawn: the running checking balance stays above zero.
    let balance = CHECKING_OPENING_MINOR;
    for (const t of txs.filter((x) => x.accountId === DEMO_IDS.checking)) {
      balance += t.amount.minor;
      expect(balance, t.id).toBeGreaterThan(0);
    }
  });

  it('carries the plan on checking: pay, rent, loans, transfers; the autopay clears last month\'s card', () => {
    const october = txs.filter((t) => t.accountId === DEMO_IDS.checking && dayOf(t.at).startsWith('2026-10'));
    const sum = (line: string) => october.filter((t) => t.description === line).reduce((total, t) => total + t.amount.minor, 0);
    // Two earners, two cheques each: 2 × ($2,819.47 + $1,880.53) = $9,400.00.
    expect(sum(CHECKING_LINES.payA) + sum(CHECKING_LINES.payB)).toBe(940_000);
    expect(sum(CHECKING_LINES.rent)).toBe(-245_000);
    expect(sum(CHECKING_LINES.carLoan)).toBe(-45_000);
    expect(sum(CHECKING_LINES.studentLoan)).toBe(-21_000);
    // HYSA full: $9,400 − $7,400 + $700 to the brokerage, $500 to the Roth IRA, nothing to the HYSA.
    expect(sum(CHECKING_LINES.brokerage)).toBe(-270_000);
    expect(sum(CHECKING_LINES.roth)).toBe(-50_000);
    expect(sum(CHECKING_LINES.hysa)).toBe(0);
    const septemberCharges = txs
      .filter((t) => t.accountId === DEMO_IDS.card && t.amount.minor < 0 && dayOf(t.at).startsWith('2026-09'))
      .reduce((total, t) => total + t.amount.minor, 0);
    expect(sum(CHECKING_LINES.cardPayment)).toBe(septemberCharges);
  });

  it('spends about the $6,100 a month the plan says, over the last twelve complete months', () => {
    const savings = new Set<string>([CHECKING_LINES.hysa, CHECKING_LINES.roth, CHECKING_LINES.brokerage, CHECKING_LINES.cardPayment]);
    const spent = txs
      .filter((t) => t.amount.minor < 0 && !savings.has(t.description) && dayOf(t.at) >= '2025-11-01' && dayOf(t.at) < '2026-11-01')
      .reduce((total, t) => total - t.amount.minor, 0);
    const monthly = spent / 12;
    expect(monthly).toBeGreaterThan(MONTHLY_EXPENSES_MINOR * 0.95);
    expect(monthly).toBeLessThan(MONTHLY_EXPENSES_MINOR * 1.05);
  });

  it('reads like an import: merchant names, the bank category kept as provenance, the person\'s label on each merchant\'s first charge', () => {
    const labelled = txs.filter((t) => t.category !== undefined);
    const keys = labelled.map((t) => normalizeMerchant(t.merchant!).key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(labelled.length).toBeGreaterThan(30);
    for (const t of txs) expect(t.merchant).toBe(normalizeMerchant(t.description).name);
    for (const t of txs.filter((x) => x.accountId === DEMO_IDS.card && x.amount.minor < 0)) expect(t.provenance.label).toMatch(/^Bank category: /);
  });
});

describe.each([TODAY, OTHER_TODAY])('the Leaks page, as of %s', (today) => {
  const tables = part(DEMO_SEED, today);
  const withoutCategories = findLeaks(leakInputFrom(tables.transactions!, tables.leakMarks!, SETTINGS, today));
  const guesses = categorizeAll({
    transactions: tables.transactions!.map((t) => ({ id: t.id, description: t.description, merchant: t.merchant, ...(t.category ? { category: t.category } : {}) })),
    rules: [],
  }).guesses;
  const categories = Object.fromEntries(Object.entries(guesses).map(([id, g]) => [id, g.category]));
  const withCategories = findLeaks(leakInputFrom(tables.transactions!, tables.leakMarks!, SETTINGS, today, categories));

  it.each([
    ['without categories', withoutCategories],
    ['with the classifier\'s categories', withCategories],
  ])('finds exactly the planted leaks (%s)', (_, report) => {
    const active = report.recurring.filter((r) => r.active).map((r) => r.key).sort();
    expect(active).toEqual(['1password', 'apple', 'netflix', 'openai', 'planet fitness', 'spotify', 't-mobile', 'xfinity', 'youtube premium']);
    // Stopped a year ago: Hulu, last charged thirteen months before today's month.
    expect(report.recurring.filter((r) => !r.active).map((r) => r.key)).toEqual(['hulu']);
    // The yearly renewal: 1Password Families, $59.88 a year.
    const renewal = report.recurring.find((r) => r.key === '1password')!;
    expect(renewal.period).toBe('yearly');
    expect(renewal.yearlyCost.minor).toBe(5_988);
    // Two music services: keeping Spotify ($11.99 × 12 = $143.88) saves YouTube Premium's $13.99 × 12 = $167.88.
    expect(report.duplicates).toEqual([
      expect.objectContaining({ kind: 'same-category', keys: ['youtube premium', 'spotify'], yearlySaving: { minor: 16_788, currency: 'USD' } }),
    ]);
    // Netflix: $15.49 → $17.99, +$2.50 a month, +$30.00 a year, 250 / 1549 = 16.1 %.
    expect(report.priceRises).toEqual([
      expect.objectContaining({
        key: 'netflix',
        from: { minor: 1_549, currency: 'USD' },
        to: { minor: 1_799, currency: 'USD' },
        increase: { minor: 250, currency: 'USD' },
        yearlyIncrease: { minor: 3_000, currency: 'USD' },
        percent: 16.1,
      }),
    ]);
    // The first charge at the new price: the 7th, nine months before today's month.
    const nine = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - 9, 7)).toISOString().slice(0, 10);
    expect(report.priceRises[0]!.date).toBe(nine);
    // The forgotten gym, marked unused: $24.99 × 12 = $299.88.
    expect(report.unused).toEqual([{ key: 'planet fitness', merchant: 'Planet Fitness', yearlySaving: { minor: 29_988, currency: 'USD' } }]);
    // A year of the active charges: T-Mobile 1,680.00 + Xfinity 960.00 + gym 299.88 + ChatGPT 240.00 + Netflix 215.88
    // + YouTube Premium 167.88 + Spotify 143.88 + 1Password 59.88 + iCloud 35.88 = $3,803.28.
    expect(report.yearlyTotal).toEqual({ minor: 380_328, currency: 'USD' });
    // Cancelling the gym and the second music service: $299.88 + $167.88 = $467.76.
    expect(report.yearlySavings).toEqual({ minor: 46_776, currency: 'USD' });
  });

  it('marks only merchants the transactions hold', () => {
    const keys = new Set(tables.transactions!.map((t) => normalizeMerchant(t.merchant!).key));
    for (const mark of tables.leakMarks!) expect(keys.has(mark.id), mark.id).toBe(true);
  });
});
