/**
 * The label-anchored extractor on synthetic pages: how a figure is written
 * (split across spans, only in an aria-label, compact with or without an
 * exact copy, masked, a dash), what is hidden, how labels are matched.
 * Every expected value is read off the fixture by hand.
 */
import { describe, expect, it } from 'vitest';
import { extract, resolvePath } from '@/utils/capture/extract';
import type { ExtractionResult, FigureSpec, ItemKind } from '@/utils/capture/types';
import { loadFixture, parsePage, testAdapter } from '@/tests/fixtures/capture/synthetic/load';

const page = (key: string, labels: string[], kind: ItemKind = 'balance', extra: Partial<FigureSpec> = {}): FigureSpec => ({
  key,
  kind,
  labels,
  scope: 'page',
  ...extra,
});

function byKey(result: ExtractionResult) {
  return Object.fromEntries(result.items.map((i) => [i.figureKey, i]));
}

describe('amounts as pages write them (amounts.html)', () => {
  const document = loadFixture('amounts');
  const adapter = testAdapter([
    page('total', ['Total balance']),
    page('buying-power', ['Buying power'], 'cash'),
    page('portfolio', ['Portfolio value']),
    page('deposits', ['Net deposits']),
    page('cash', ['Cash'], 'cash'),
    page('margin', ['Margin balance']),
    page('pending', ['Pending deposits']),
    page('settled', ['Settled cash'], 'cash'),
    page('short', ['Short proceeds']),
    page('invested', ['Invested']),
    page('euro', ['Euro cash'], 'cash'),
    page('subscribers', ['Paid subscribers'], 'count', { metric: 'paid-subscriptions' }),
    page('interest', ['Interest earned'], 'earnings', { incomeKind: 'interest' }),
  ]);
  const result = extract(document, adapter);
  const items = byKey(result);

  it('reports the adapter and its version', () => {
    expect(result.site).toBe('test-site');
    expect(result.adapterVersion).toBe(3);
  });

  it('joins an amount split across spans ($ 12,345 .67) in a definition pair, with full confidence', () => {
    expect(items.total).toMatchObject({ amount: { minor: 1_234_567, currency: 'USD' }, rawText: '$12,345.67', confidence: 1, label: 'Total balance' });
    expect(items.total!.path).toBe('html > body:nth-of-type(1) > main:nth-of-type(1) > dl:nth-of-type(1) > dd:nth-of-type(1)');
  });

  it('reads an amount given only in an aria-label, and an odometer by its aria-label rather than its digit reels', () => {
    expect(items['buying-power']).toMatchObject({ kind: 'cash', amount: { minor: 876_543, currency: 'USD' }, rawText: '$8,765.43' });
    expect(items.portfolio).toMatchObject({ amount: { minor: 5_290_703, currency: 'USD' }, rawText: '$52,907.03' });
  });

  it('uses the exact figure a title gives behind a compact "$1.2K"', () => {
    expect(items.deposits).toMatchObject({ amount: { minor: 123_456, currency: 'USD' }, rawText: '$1,234.56' });
  });

  it('gives no item but a reason for a rounded figure, a masked one, a dash, N/A and an empty place — never a zero', () => {
    for (const key of ['cash', 'margin', 'pending', 'settled', 'short']) expect(items[key], key).toBeUndefined();
    expect(result.problems).toEqual([
      { figureKey: 'cash', label: 'Cash', account: null, reason: 'only a rounded figure ($3.4K) is shown' },
      { figureKey: 'margin', label: 'Margin balance', account: null, reason: 'the amount is masked (••••)' },
      { figureKey: 'pending', label: 'Pending deposits', account: null, reason: 'no amount is shown (—)' },
      { figureKey: 'settled', label: 'Settled cash', account: null, reason: 'no amount is shown (N/A)' },
      { figureKey: 'short', label: 'Short proceeds', account: null, reason: 'no amount is shown next to the label' },
    ]);
    expect(result.items.some((i) => i.amount?.minor === 0)).toBe(false);
  });

  it('reads the aria-hidden figure once and never the screen-reader words beside it', () => {
    const invested = result.items.filter((i) => i.figureKey === 'invested');
    expect(invested).toHaveLength(1);
    expect(invested[0]).toMatchObject({ amount: { minor: 1_234_567, currency: 'USD' }, rawText: '$12,345.67' });
  });

  it('takes the currency the text names over the site\'s "$" hint', () => {
    expect(items.euro).toMatchObject({ amount: { minor: 123_456, currency: 'EUR' }, rawText: '€1.234,56' });
  });

  it('reads a count as a number, with its metric', () => {
    expect(items.subscribers).toMatchObject({ kind: 'count', count: 1234, rawText: '1,234', metric: 'paid-subscriptions' });
    expect(items.subscribers!.amount).toBeUndefined();
  });

  it('splits "Interest earned: $45.10" written in one text', () => {
    expect(items.interest).toMatchObject({ kind: 'earnings', amount: { minor: 4510, currency: 'USD' }, incomeKind: 'interest', confidence: 0.9 });
  });

  it('gives each item a tag-and-position path that finds the figure again', () => {
    for (const item of result.items) {
      expect(item.path, item.figureKey).not.toMatch(/[.#[]/);
      const el = resolvePath(document, item.path);
      expect(el, item.path).not.toBeNull();
      expect(document.querySelector(item.path), item.path).toBe(el);
    }
  });
});

describe('hidden copies never double or replace a figure (hidden.html)', () => {
  const document = loadFixture('hidden');
  const adapter = testAdapter([
    page('available', ['Available balance']),
    page('savings', ['Savings balance']),
    page('loan', ['Loan balance']),
    page('row', ['Balance']),
    page('payoff', ['Loan payoff']),
  ]);

  it('ignores hidden, display:none, visibility:hidden and visually-hidden copies', () => {
    const result = extract(document, adapter);
    const available = result.items.filter((i) => i.figureKey === 'available');
    expect(available).toHaveLength(1);
    expect(available[0]).toMatchObject({ amount: { minor: 250_000, currency: 'USD' }, rawText: '$2,500.00' });
    // A copy hidden only by a stylesheet class (css-q1w2) is still a candidate in Node: lower confidence.
    expect(available[0]!.confidence).toBe(0.65);
  });

  it('finds no label that exists only hidden', () => {
    const result = extract(document, adapter);
    expect(result.items.map((i) => i.figureKey)).not.toContain('savings');
    expect(result.items.map((i) => i.figureKey)).not.toContain('loan');
    expect(result.problems).toEqual([]);
  });

  it('takes screen-reader text as a label (", balance:") but never as a figure', () => {
    const result = extract(document, adapter);
    expect(byKey(result).row).toMatchObject({ label: 'balance', amount: { minor: 64_000, currency: 'USD' } });
  });

  it('lets the browser\'s isHidden rule out what only a stylesheet hides', () => {
    const plain = byKey(extract(document, adapter));
    expect(plain.payoff!.amount!.minor).toBe(444_444); // the decoy, as Node cannot see the stylesheet
    const isHidden = (el: Element) => {
      const cls = el.getAttribute('class');
      return cls === 'css-hide' ? true : cls === 'css-q1w2' ? ('visually' as const) : false;
    };
    const browser = byKey(extract(document, adapter, { isHidden }));
    expect(browser.payoff).toMatchObject({ amount: { minor: 321_000, currency: 'USD' }, rawText: '$3,210.00' });
    expect(browser.available).toMatchObject({ amount: { minor: 250_000, currency: 'USD' }, confidence: 0.8 });
  });
});

describe('labels', () => {
  it('match case-insensitively, with white space collapsed and a trailing colon ignored', () => {
    const document = parsePage('<main><section><h2>  NET\n   worth : </h2><p>$5.00</p></section></main>');
    const result = extract(document, testAdapter([page('nw', ['Net worth'])]));
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({ label: 'NET worth', amount: { minor: 500, currency: 'USD' } });
  });

  it("are the label element's own text, not a big ancestor's that contains it", () => {
    const document = parsePage(
      '<main><p>Move your Net worth here and earn up to $500.00</p><div><div>Net worth</div><div>$42.00</div></div></main>',
    );
    const result = extract(document, testAdapter([page('nw', ['Net worth'])]));
    expect(result.items.map((i) => i.amount?.minor)).toEqual([4200]);
  });

  it('can be an aria-label on the figure itself, or on its container', () => {
    const document = parsePage(
      '<main><span aria-label="Net worth">$1,000.00</span><section aria-label="Cash"><p>Updated now</p><p>$20.00</p></section></main>',
    );
    const result = byKey(extract(document, testAdapter([page('nw', ['Net worth']), page('cash', ['Cash'], 'cash')])));
    expect(result.nw).toMatchObject({ amount: { minor: 100_000, currency: 'USD' }, confidence: 0.95 });
    expect(result.cash).toMatchObject({ amount: { minor: 2000, currency: 'USD' }, confidence: 0.9 });
  });

  it('can sit beside other content in its element (an info button) and still be the label', () => {
    const document = parsePage('<main><div class="c"><div>Net worth <button>What is this?</button></div><div>$3.00</div></div></main>');
    const result = extract(document, testAdapter([page('nw', ['Net worth'])]));
    expect(result.items[0]).toMatchObject({ label: 'Net worth', amount: { minor: 300, currency: 'USD' } });
  });

  it('with no figure anywhere near gives one problem, not an item', () => {
    const document = parsePage('<main><nav><a href="/nw">Net worth</a></nav><footer>Copyright 2026</footer></main>');
    const result = extract(document, testAdapter([page('nw', ['Net worth'])]));
    expect(result.items).toEqual([]);
    expect(result.problems).toEqual([{ figureKey: 'nw', label: 'Net worth', account: null, reason: 'no amount was found next to the label' }]);
  });

  it('not found at all: no item and no problem', () => {
    const result = extract(parsePage('<main><p>$12.00</p></main>'), testAdapter([page('nw', ['Net worth'])]));
    expect(result).toEqual({ site: 'test-site', adapterVersion: 3, items: [], problems: [] });
  });
});

describe('confidence', () => {
  const adapter = testAdapter([page('nw', ['Net worth'])]);
  const confidenceOf = (html: string) => extract(parsePage(html), adapter).items[0]?.confidence;

  it('is 1 for a definition pair and for the same table row', () => {
    expect(confidenceOf('<dl><dt>Net worth</dt><dd>$1.00</dd></dl>')).toBe(1);
    expect(confidenceOf('<table><tr><th>Net worth</th><td>$1.00</td></tr></table>')).toBe(1);
  });

  it('is lower for a card, and lower still when the card holds several figures', () => {
    const card = confidenceOf('<section><h2>Net worth</h2><p>$1.00</p></section>');
    const several = confidenceOf('<section><h2>Net worth</h2><p>$1.00</p><p><span>+$0.10</span> today</p></section>');
    expect(card).toBe(0.8);
    expect(several).toBe(0.65);
  });

  it('in a card, takes the closest figure after the label', () => {
    const result = extract(parsePage('<section><h2>Net worth</h2><p>$1.00</p><p><span>+$0.10</span> today</p></section>'), adapter);
    expect(result.items[0]!.amount!.minor).toBe(100);
  });
});
