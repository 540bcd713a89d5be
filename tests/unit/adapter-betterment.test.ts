/**
 * The Betterment adapter against its two fixture pages (the real dashboard's
 * words and structure; b.html the same words in other markup), through the
 * real extractor on a linkedom DOM, with the values checked by hand in
 * tests/fixtures/capture/betterment/expected.ts.
 */
import { describe, expect, it } from 'vitest';
import { bettermentAdapter } from '@/utils/capture/adapters/betterment';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { expectedA, expectedB, maskedAccount } from '@/tests/fixtures/capture/betterment/expected';
import { loadCaptureFixture, expectItemsWellFormed, FOUNDATION_ADAPTERS, asFoundationExpected, byFigureAndAccount } from './capture-adapter-suite';

const PAGE_URL = 'https://app.betterment.com/summary';

/** Figures that only sum the accounts beside them. */
const TOTAL_KEYS: string[] = ['total-balance'];

describe('betterment adapter', () => {
  for (const [name, expected] of [['a', expectedA], ['b', expectedB]] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const document = loadCaptureFixture('betterment', `${name}.html`);
      const result = extract(document, bettermentAdapter, { url: PAGE_URL });

      expect(result.site).toBe('betterment');
      expect(result.adapterVersion).toBe(bettermentAdapter.version);
      expect(result.items.map(asFoundationExpected).sort(byFigureAndAccount)).toEqual([...expected].sort(byFigureAndAccount));
      for (const item of result.items) {
        expect(item.total ?? false, item.figureKey).toBe(TOTAL_KEYS.includes(item.figureKey));
      }
      expectItemsWellFormed(document, result.items);
      // The account is listed but shows no figure: a problem naming it, never an item or a zero.
      expect(result.problems.some((p) => p.account === maskedAccount), JSON.stringify(result.problems)).toBe(true);
      expect(result.items.some((i) => i.account === maskedAccount)).toBe(false);
    });
  }

  it('is the adapter matched for its real dashboard URLs', () => {
    for (const url of [
      'https://app.betterment.com/summary',
      'https://app.betterment.com/summary/',
    ]) {
      expect(matchAdapter(url, FOUNDATION_ADAPTERS)?.id, url).toBe('betterment');
    }
  });

  it('is not matched for other paths or hosts', () => {
    for (const [url, why] of [
      ['https://app.betterment.com/activity', 'the activity page'],
      ['https://app.betterment.com/goals/1001', 'a goal page'],
      ['https://www.betterment.com/summary', 'the public site'],
      ['https://app.betterment.com.evil.example/summary', 'a look-alike host'],
      ['http://app.betterment.com/summary', 'plain http'],
    ] as const) {
      expect(matchAdapter(url, FOUNDATION_ADAPTERS), why).toBeNull();
    }
  });

  it('declares the Foundation layer, its account kind and USD', () => {
    expect(bettermentAdapter.layer).toBe('foundation');
    expect(bettermentAdapter.accountKind).toBe('robo');
    expect(bettermentAdapter.currency).toBe('USD');
  });
});
