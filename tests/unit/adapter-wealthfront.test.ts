/**
 * The Wealthfront adapter against its two fixture pages (the real dashboard's
 * words and structure; b.html the same words in other markup), through the
 * real extractor on a linkedom DOM, with the values checked by hand in
 * tests/fixtures/capture/wealthfront/expected.ts.
 */
import { describe, expect, it } from 'vitest';
import { wealthfrontAdapter } from '@/utils/capture/adapters/wealthfront';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { expectedA, expectedB } from '@/tests/fixtures/capture/wealthfront/expected';
import { loadCaptureFixture, expectItemsWellFormed, FOUNDATION_ADAPTERS, asFoundationExpected, byFigureAndAccount } from './capture-adapter-suite';

const PAGE_URL = 'https://www.wealthfront.com/overview';

/** Figures that only sum the accounts beside them. */
const TOTAL_KEYS: string[] = ['total-balance'];

describe('wealthfront adapter', () => {
  for (const [name, expected] of [['a', expectedA], ['b', expectedB]] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const document = loadCaptureFixture('wealthfront', `${name}.html`);
      const result = extract(document, wealthfrontAdapter, { url: PAGE_URL });

      expect(result.site).toBe('wealthfront');
      expect(result.adapterVersion).toBe(wealthfrontAdapter.version);
      expect(result.items.map(asFoundationExpected).sort(byFigureAndAccount)).toEqual([...expected].sort(byFigureAndAccount));
      for (const item of result.items) {
        expect(item.total ?? false, item.figureKey).toBe(TOTAL_KEYS.includes(item.figureKey));
      }
      expectItemsWellFormed(document, result.items);
    });
  }

  it('is the adapter matched for its real dashboard URLs', () => {
    for (const url of [
      'https://www.wealthfront.com/overview',
      'https://www.wealthfront.com/overview/',
    ]) {
      expect(matchAdapter(url, FOUNDATION_ADAPTERS)?.id, url).toBe('wealthfront');
    }
  });

  it('is not matched for other paths or hosts', () => {
    for (const [url, why] of [
      ['https://www.wealthfront.com/transfers', 'the transfers page'],
      ['https://www.wealthfront.com/overview/accounts', 'a deeper path'],
      ['https://wealthfront.com/overview', 'the bare host'],
      ['https://www.wealthfront.com.evil.example/overview', 'a look-alike host'],
      ['http://www.wealthfront.com/overview', 'plain http'],
    ] as const) {
      expect(matchAdapter(url, FOUNDATION_ADAPTERS), why).toBeNull();
    }
  });

  it('declares the Foundation layer, its account kind and USD', () => {
    expect(wealthfrontAdapter.layer).toBe('foundation');
    expect(wealthfrontAdapter.accountKind).toBe('robo');
    expect(wealthfrontAdapter.currency).toBe('USD');
  });
});
