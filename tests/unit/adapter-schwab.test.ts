/**
 * The Schwab adapter against its two fixture pages (the real dashboard's
 * words and structure; b.html the same words in other markup), through the
 * real extractor on a linkedom DOM, with the values checked by hand in
 * tests/fixtures/capture/schwab/expected.ts.
 */
import { describe, expect, it } from 'vitest';
import { schwabAdapter } from '@/utils/capture/adapters/schwab';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { expectedA, expectedB } from '@/tests/fixtures/capture/schwab/expected';
import { loadCaptureFixture, expectItemsWellFormed, FOUNDATION_ADAPTERS, asFoundationExpected, byFigureAndAccount } from './capture-adapter-suite';

const PAGE_URL = 'https://client.schwab.com/clientapps/accounts/summary/';

/** Figures that only sum the accounts beside them. */
const TOTAL_KEYS: string[] = ['total-accounts-value'];

describe('schwab adapter', () => {
  for (const [name, expected] of [['a', expectedA], ['b', expectedB]] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const document = loadCaptureFixture('schwab', `${name}.html`);
      const result = extract(document, schwabAdapter, { url: PAGE_URL });

      expect(result.site).toBe('schwab');
      expect(result.adapterVersion).toBe(schwabAdapter.version);
      expect(result.items.map(asFoundationExpected).sort(byFigureAndAccount)).toEqual([...expected].sort(byFigureAndAccount));
      for (const item of result.items) {
        expect(item.total ?? false, item.figureKey).toBe(TOTAL_KEYS.includes(item.figureKey));
      }
      expectItemsWellFormed(document, result.items);
    });
  }

  it('is the adapter matched for its real dashboard URLs', () => {
    for (const url of [
      'https://client.schwab.com/clientapps/accounts/summary/',
      'https://client.schwab.com/clientapps/accounts/summary',
    ]) {
      expect(matchAdapter(url, FOUNDATION_ADAPTERS)?.id, url).toBe('schwab');
    }
  });

  it('is not matched for other paths or hosts', () => {
    for (const [url, why] of [
      ['https://client.schwab.com/clientapps/accounts/positions/', 'the positions page'],
      ['https://client.schwab.com/clientapps/accounts/summary/history', 'a deeper path'],
      ['https://www.schwab.com/clientapps/accounts/summary/', 'the public site'],
      ['https://client.schwab.com.evil.example/clientapps/accounts/summary/', 'a look-alike host'],
      ['http://client.schwab.com/clientapps/accounts/summary/', 'plain http'],
    ] as const) {
      expect(matchAdapter(url, FOUNDATION_ADAPTERS), why).toBeNull();
    }
  });

  it('declares the Foundation layer, its account kind and USD', () => {
    expect(schwabAdapter.layer).toBe('foundation');
    expect(schwabAdapter.accountKind).toBe('brokerage');
    expect(schwabAdapter.currency).toBe('USD');
  });
});
