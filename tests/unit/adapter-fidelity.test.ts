/**
 * The Fidelity adapter against its two fixture pages (the real dashboard's
 * words and structure; b.html the same words in other markup), through the
 * real extractor on a linkedom DOM, with the values checked by hand in
 * tests/fixtures/capture/fidelity/expected.ts.
 */
import { describe, expect, it } from 'vitest';
import { fidelityAdapter } from '@/utils/capture/adapters/fidelity';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { expectedA, expectedB, maskedAccount } from '@/tests/fixtures/capture/fidelity/expected';
import { loadCaptureFixture, expectItemsWellFormed, FOUNDATION_ADAPTERS, asFoundationExpected, byFigureAndAccount } from './capture-adapter-suite';

const PAGE_URL = 'https://digital.fidelity.com/ftgw/digital/portfolio/summary';

/** Figures that only sum the accounts beside them. */
const TOTAL_KEYS: string[] = ['total-balance'];

describe('fidelity adapter', () => {
  for (const [name, expected] of [['a', expectedA], ['b', expectedB]] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const document = loadCaptureFixture('fidelity', `${name}.html`);
      const result = extract(document, fidelityAdapter, { url: PAGE_URL });

      expect(result.site).toBe('fidelity');
      expect(result.adapterVersion).toBe(fidelityAdapter.version);
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
      'https://digital.fidelity.com/ftgw/digital/portfolio/summary',
      'https://digital.fidelity.com/ftgw/digital/portfolio/summary/',
      'https://digital.fidelity.com/ftgw/digital/portfolio/summary?account=X12345678',
    ]) {
      expect(matchAdapter(url, FOUNDATION_ADAPTERS)?.id, url).toBe('fidelity');
    }
  });

  it('is not matched for other paths or hosts', () => {
    for (const [url, why] of [
      ['https://digital.fidelity.com/ftgw/digital/portfolio/positions', 'the positions page'],
      ['https://digital.fidelity.com/ftgw/digital/portfolio/summary/details', 'a deeper path'],
      ['https://www.fidelity.com/ftgw/digital/portfolio/summary', 'the marketing host'],
      ['https://digital.fidelity.com.evil.example/ftgw/digital/portfolio/summary', 'a look-alike host'],
      ['http://digital.fidelity.com/ftgw/digital/portfolio/summary', 'plain http'],
    ] as const) {
      expect(matchAdapter(url, FOUNDATION_ADAPTERS), why).toBeNull();
    }
  });

  it('declares the Foundation layer, its account kind and USD', () => {
    expect(fidelityAdapter.layer).toBe('foundation');
    expect(fidelityAdapter.accountKind).toBe('brokerage');
    expect(fidelityAdapter.currency).toBe('USD');
  });
});
