/**
 * The Alpaca adapter against its two fixture pages (same words,
 * different markup), through the real extractor on a linkedom DOM, with
 * the values checked by hand in tests/fixtures/capture/alpaca/expected.ts.
 */
import { describe, expect, it } from 'vitest';
import { alpacaAdapter } from '@/utils/capture/adapters/alpaca';
import { extract } from '@/utils/capture/extract';
import { isPaperUrl, matchAdapter } from '@/utils/capture/match';
import { alpacaFixtures } from '@/tests/fixtures/capture/alpaca/expected';
import { loadCaptureFixture, expectItemsWellFormed, SEVERAL_ADAPTERS, asPaperExpected, byFigureKey } from './capture-adapter-suite';

describe('alpaca adapter', () => {
  for (const name of ['a', 'b'] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const { url, items: expected } = alpacaFixtures[name];
      const document = loadCaptureFixture('alpaca', `${name}.html`);
      const result = extract(document, alpacaAdapter, { url });

      expect(result.site).toBe('alpaca');
      expect(result.adapterVersion).toBe(alpacaAdapter.version);
      expect(result.items.map(asPaperExpected).sort(byFigureKey)).toEqual([...expected].sort(byFigureKey));
      expect(result.problems).toEqual([]);
      expectItemsWellFormed(document, result.items);
    });
  }

  it('is the adapter matched for its real dashboard URLs', () => {
    for (const url of [
      'https://app.alpaca.markets/paper/dashboard/overview',
      'https://app.alpaca.markets/brokerage/dashboard/overview',
      'https://app.alpaca.markets/paper/dashboard/overview/',
    ]) {
      expect(matchAdapter(url, SEVERAL_ADAPTERS)?.id, url).toBe('alpaca');
    }
  });

  it('is not matched for other paths or hosts', () => {
    for (const [url, why] of [
      ['https://app.alpaca.markets/paper/dashboard/positions', 'the positions page'],
      ['https://app.alpaca.markets/brokerage/banking', 'the banking page'],
      ['https://app.alpaca.markets/dashboard/overview', 'an unknown dashboard path'],
      ['https://alpaca.markets/paper/dashboard/overview', 'the marketing host'],
      ['https://app.alpaca.markets.evil.example/paper/dashboard/overview', 'a look-alike host'],
    ] as const) {
      expect(matchAdapter(url, SEVERAL_ADAPTERS), `${url} (${why})`).toBeNull();
    }
  });

  it('marks only the /paper/ pages as paper', () => {
    expect(isPaperUrl('https://app.alpaca.markets/paper/dashboard/overview', alpacaAdapter)).toBe(true);
    expect(isPaperUrl('https://app.alpaca.markets/brokerage/dashboard/overview', alpacaAdapter)).toBe(false);
  });
});
