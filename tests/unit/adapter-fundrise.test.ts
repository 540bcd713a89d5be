/**
 * The Fundrise adapter against its two fixture pages (the real dashboard's
 * words and structure; b.html the same words in other markup), through the
 * real extractor on a linkedom DOM, with the values checked by hand in
 * tests/fixtures/capture/fundrise/expected.ts.
 */
import { describe, expect, it } from 'vitest';
import { fundriseAdapter } from '@/utils/capture/adapters/fundrise';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { expectedA, expectedB } from '@/tests/fixtures/capture/fundrise/expected';
import { loadCaptureFixture, expectItemsWellFormed, FOUNDATION_ADAPTERS, asFoundationExpected, byFigureAndAccount } from './capture-adapter-suite';

const PAGE_URL = 'https://fundrise.com/dashboard';

/** Figures that only sum the accounts beside them. */
const TOTAL_KEYS: string[] = [];

describe('fundrise adapter', () => {
  for (const [name, expected] of [['a', expectedA], ['b', expectedB]] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const document = loadCaptureFixture('fundrise', `${name}.html`);
      const result = extract(document, fundriseAdapter, { url: PAGE_URL });

      expect(result.site).toBe('fundrise');
      expect(result.adapterVersion).toBe(fundriseAdapter.version);
      expect(result.items.map(asFoundationExpected).sort(byFigureAndAccount)).toEqual([...expected].sort(byFigureAndAccount));
      for (const item of result.items) {
        expect(item.total ?? false, item.figureKey).toBe(TOTAL_KEYS.includes(item.figureKey));
      }
      expectItemsWellFormed(document, result.items);
      // Dividends are income, stored as dividends for the period the card shows.
      expect(result.items.find((i) => i.figureKey === 'dividends')?.incomeKind).toBe('dividend');
    });
  }

  it('reads the dividends of the period tab the person chose (YTD)', () => {
    // What the page shows after a click on "YTD": that tab selected, its panel shown, "All time" hidden.
    const document = loadCaptureFixture('fundrise', 'a.html');
    document.getElementById('tab-ytd')?.setAttribute('aria-selected', 'true');
    document.getElementById('tab-all')?.setAttribute('aria-selected', 'false');
    document.getElementById('panel-ytd')?.removeAttribute('hidden');
    document.getElementById('panel-all')?.setAttribute('hidden', '');

    const result = extract(document, fundriseAdapter, { url: PAGE_URL });
    const dividends = result.items.filter((i) => i.figureKey === 'dividends').map(asFoundationExpected);
    expect(dividends).toEqual([
      { figureKey: 'dividends', kind: 'earnings', label: 'Dividends', account: null, amountMinor: 41_287, currency: 'USD', period: 'YTD' },
    ]);
  });

  it('is the adapter matched for its real dashboard URLs', () => {
    for (const url of [
      'https://fundrise.com/dashboard',
      'https://fundrise.com/dashboard/',
    ]) {
      expect(matchAdapter(url, FOUNDATION_ADAPTERS)?.id, url).toBe('fundrise');
    }
  });

  it('is not matched for other paths or hosts', () => {
    for (const [url, why] of [
      ['https://fundrise.com/portfolio', 'the portfolio page'],
      ['https://fundrise.com/', 'the home page'],
      ['https://help.fundrise.com/dashboard', 'the help host'],
      ['https://fundrise.com.evil.example/dashboard', 'a look-alike host'],
      ['http://fundrise.com/dashboard', 'plain http'],
    ] as const) {
      expect(matchAdapter(url, FOUNDATION_ADAPTERS), why).toBeNull();
    }
  });

  it('declares the Foundation layer, its account kind and USD', () => {
    expect(fundriseAdapter.layer).toBe('foundation');
    expect(fundriseAdapter.accountKind).toBe('real-estate');
    expect(fundriseAdapter.currency).toBe('USD');
  });
});
