/**
 * Where the figure for a label is: table rows and columns, cards and list
 * items, flat runs of siblings, aria-labelledby groups; whose it is (the
 * account's name); for which period; paper accounts. Values read off the
 * synthetic fixtures by hand.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '@/utils/capture/extract';
import type { ExtractedItem, FigureSpec, ItemKind } from '@/utils/capture/types';
import { loadFixture, parsePage, testAdapter } from '@/tests/fixtures/capture/synthetic/load';

const figure = (key: string, labels: string[], extra: Partial<FigureSpec> = {}, kind: ItemKind = 'balance'): FigureSpec => ({
  key,
  kind,
  labels,
  scope: 'page',
  ...extra,
});

const summary = (i: ExtractedItem) => [i.figureKey, i.account, i.amount?.minor ?? i.count ?? null, i.period, i.confidence];

describe('tables (tables.html)', () => {
  const document = loadFixture('tables');

  it('reads a "Balance" column for each account row, names the account by its link, and reports a masked row as a problem', () => {
    const adapter = testAdapter(
      [
        figure('account-balance', ['Balance'], { scope: 'account' }),
        figure('total', ['Total'], { total: true }),
        figure('trade', ['Cash available to trade'], {}, 'cash'),
        figure('withdraw', ['Cash available to withdraw'], {}, 'cash'),
      ],
      { accounts: { nameFrom: 'link' } },
    );
    const result = extract(document, adapter);
    expect(result.items.map(summary)).toEqual([
      ['account-balance', 'Individual Brokerage', 4_821_055, null, 0.95],
      ['account-balance', 'Roth IRA', 3_100_000, null, 0.95],
      // The Total row holds another figure's label: it is that figure (its row holds two figures: 0.9), not an account.
      ['total', null, 7_921_055, null, 0.9],
      ['trade', null, 150_025, null, 1],
      ['withdraw', null, 120_000, null, 1],
    ]);
    expect(result.items.find((i) => i.figureKey === 'total')!.total).toBe(true);
    expect(result.items.find((i) => i.figureKey === 'account-balance')!.total).toBeUndefined();
    expect(result.problems).toEqual([
      { figureKey: 'account-balance', label: 'Balance', account: 'Joint Account', reason: 'the amount is masked (••••)' },
    ]);
  });

  it('reads an ARIA grid (role=row / cell / columnheader), naming accounts by their first cell', () => {
    const adapter = testAdapter([figure('value', ['Market value'], { scope: 'account' })], { accounts: { nameFrom: 'first-cell' } });
    expect(extract(document, adapter).items.map(summary)).toEqual([
      ['value', 'Brokerage Link', 910_000, null, 0.95],
      ['value', 'HSA', 245_010, null, 0.95],
    ]);
  });

  it('names by first cell the whole visible cell text; without a "Total" figure the Total row is just another row', () => {
    const balance = figure('account-balance', ['Balance'], { scope: 'account' });
    const withTotal = testAdapter([balance, figure('total', ['Total'], { total: true })], { accounts: { nameFrom: 'first-cell' } });
    expect(extract(document, withTotal).items.filter((i) => i.figureKey === 'account-balance').map((i) => i.account)).toEqual([
      'Individual Brokerage …4821',
      'Roth IRA …1177',
    ]);
    const alone = testAdapter([balance], { accounts: { nameFrom: 'first-cell' } });
    expect(extract(document, alone).items.map((i) => i.account)).toEqual(['Individual Brokerage …4821', 'Roth IRA …1177', 'Total']);
  });
});

describe('cards, list items, flat runs (cards.html)', () => {
  const document = loadFixture('cards');
  const adapter = testAdapter(
    [
      figure('account-balance', ['Balance'], { scope: 'account' }),
      figure('checking', ['Checking balance']),
      figure('savings', ['Savings balance']),
      figure('total-value', ['Total value'], { total: true }),
      figure('pending', ['Pending transfers']),
    ],
    { accounts: { nameFrom: 'heading' } },
  );
  const result = extract(document, adapter);

  it('reads one figure per account card, after or before its label, named by the card heading or aria-label', () => {
    expect(result.items.filter((i) => i.figureKey === 'account-balance').map(summary)).toEqual([
      ['account-balance', 'Retirement Goal', 1_532_000, null, 0.8],
      ['account-balance', 'Safety Net', 401_075, null, 0.8],
      ['account-balance', 'House down payment', 2_200_000, null, 0.8],
    ]);
  });

  it('pairs each label in a flat run of siblings with the figure after it', () => {
    expect(result.items.filter((i) => i.figureKey === 'checking' || i.figureKey === 'savings').map(summary)).toEqual([
      ['checking', null, 70_000, null, 0.8],
      ['savings', null, 530_000, null, 0.8],
    ]);
  });

  it('matches "TOTAL\\n Value:" and not a promotion whose sentence mentions the words', () => {
    const total = result.items.filter((i) => i.figureKey === 'total-value');
    expect(total.map(summary)).toEqual([['total-value', null, 4_133_075, null, 0.8]]);
    expect(total[0]!.label).toBe('TOTAL Value');
  });

  it('reads a group named by aria-labelledby (one referenced part hidden)', () => {
    expect(result.items.filter((i) => i.figureKey === 'pending').map(summary)).toEqual([['pending', null, 25_000, null, 0.9]]);
  });

  it('gives nothing for the page-level heading and the navigation', () => {
    expect(result.problems).toEqual([]);
    expect(result.items).toHaveLength(7);
  });

  it('skips an account-scoped figure with no account name (an "All accounts" summary is no account)', () => {
    const noHeading = parsePage('<main><div class="all"><span>Balance</span><span>$9.00</span></div></main>');
    expect(extract(noHeading, adapter).items).toEqual([]);
  });
});

describe('periods (periods.html)', () => {
  const words = ['Today', 'This month', 'Last 30 days', 'Last month', 'Last 90 days', 'Year to date'];
  const earnings = (key: string, labels: string[], extra: Partial<FigureSpec> = {}) =>
    figure(key, labels, { periods: words, incomeKind: 'ad-revenue', ...extra }, 'earnings');
  const adapter = testAdapter([
    earnings('estimated', ['Estimated earnings']),
    earnings('total', ['Total Earnings']),
    earnings('revenue', ['Revenue']),
    earnings('payouts', ['Payouts']),
    figure('week', ['Last 7 days'], { fixedPeriod: 'Last 7 days' }, 'earnings'),
  ]);
  const result = extract(loadFixture('periods'), adapter);
  const period = (key: string) => result.items.find((i) => i.figureKey === key);

  it('reports the selected tab', () => {
    expect(period('estimated')).toMatchObject({ period: 'Last 30 days', amount: { minor: 187_640, currency: 'USD' }, incomeKind: 'ad-revenue' });
  });

  it("reports a select's chosen option, as the page words it", () => {
    expect(period('total')).toMatchObject({ period: 'Last Month', amount: { minor: 31_209, currency: 'USD' } });
  });

  it('reports the one period word in the same card', () => {
    expect(period('revenue')).toMatchObject({ period: 'Year to date', amount: { minor: 900_250, currency: 'USD' } });
  });

  it('does not guess between several period words none of which is marked selected', () => {
    expect(period('payouts')).toMatchObject({ period: null, amount: { minor: 7700, currency: 'USD' } });
  });

  it('reports a fixed period directly', () => {
    expect(period('week')).toMatchObject({ period: 'Last 7 days', amount: { minor: 14_000, currency: 'USD' } });
  });

  it('reads one item per period when the page shows the same figure for several', () => {
    const twice = parsePage(
      '<main><section><h2>Today</h2><dl><dt>Gross volume</dt><dd>$10.00</dd></dl></section>' +
        '<section><h2>This month</h2><dl><dt>Gross volume</dt><dd>$300.00</dd></dl></section></main>',
    );
    const r = extract(twice, testAdapter([earnings('gross', ['Gross volume'])]));
    expect(r.items.map((i) => [i.period, i.amount!.minor])).toEqual([
      ['Today', 1000],
      ['This month', 30_000],
    ]);
  });
});

describe('paper accounts', () => {
  const adapter = testAdapter([figure('value', ['Portfolio value'])], { paperPaths: ['/paper/**'] });
  const document = parsePage('<dl><dt>Portfolio value</dt><dd>$100,000.00</dd></dl>');

  it('flags items on a paper path', () => {
    const [item] = extract(document, adapter, { url: 'https://dash.example.com/paper/dashboard/overview' }).items;
    expect(item).toMatchObject({ paper: true, amount: { minor: 10_000_000, currency: 'USD' } });
  });

  it('leaves live pages (and calls without a URL) unflagged', () => {
    expect(extract(document, adapter, { url: 'https://dash.example.com/dashboard/overview' }).items[0]!.paper).toBeUndefined();
    expect(extract(document, adapter).items[0]!.paper).toBeUndefined();
  });
});
