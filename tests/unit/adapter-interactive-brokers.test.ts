/**
 * The Interactive Brokers adapter against its two fixture pages (same words,
 * different markup), through the real extractor on a linkedom DOM, with
 * the values checked by hand in tests/fixtures/capture/interactive-brokers/expected.ts.
 */
import { describe, expect, it } from 'vitest';
import { interactiveBrokersAdapter } from '@/utils/capture/adapters/interactive-brokers';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { interactiveBrokersFixtures } from '@/tests/fixtures/capture/interactive-brokers/expected';
import { loadCaptureFixture, expectItemsWellFormed, SEVERAL_ADAPTERS, asPaperExpected, byFigureKey } from './capture-adapter-suite';

describe('interactive-brokers adapter', () => {
  for (const name of ['a', 'b'] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const { url, items: expected } = interactiveBrokersFixtures[name];
      const document = loadCaptureFixture('interactive-brokers', `${name}.html`);
      const result = extract(document, interactiveBrokersAdapter, { url });

      expect(result.site).toBe('interactive-brokers');
      expect(result.adapterVersion).toBe(interactiveBrokersAdapter.version);
      expect(result.items.map(asPaperExpected).sort(byFigureKey)).toEqual([...expected].sort(byFigureKey));
      expect(result.problems).toEqual([]);
      expectItemsWellFormed(document, result.items);
    });
  }

  it('is the adapter matched for its real dashboard URLs', () => {
    for (const url of [
      'https://portal.interactivebrokers.com/portal/#/portfolio',
      'https://portal.interactivebrokers.com/portal',
      'https://portal.interactivebrokers.com/portal/?loginType=1',
    ]) {
      expect(matchAdapter(url, SEVERAL_ADAPTERS)?.id, url).toBe('interactive-brokers');
    }
  });

  it('is not matched for other paths or hosts', () => {
    for (const [url, why] of [
      ['https://portal.interactivebrokers.com/sso/Login', 'the login page'],
      ['https://portal.interactivebrokers.com/portal/trade', 'a sub-path'],
      ['https://www.interactivebrokers.com/portal/', 'the public site'],
      ['https://ndcdyn.interactivebrokers.com/portal/', 'another host'],
      ['https://portal.interactivebrokers.com.evil.example/portal/', 'a look-alike host'],
    ] as const) {
      expect(matchAdapter(url, SEVERAL_ADAPTERS), `${url} (${why})`).toBeNull();
    }
  });
});
