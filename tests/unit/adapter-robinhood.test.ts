/**
 * The Robinhood adapter against its two fixture pages (same words,
 * different markup), through the real extractor on a linkedom DOM, with
 * the values checked by hand in tests/fixtures/capture/robinhood/expected.ts.
 */
import { describe, expect, it } from 'vitest';
import { robinhoodAdapter } from '@/utils/capture/adapters/robinhood';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { robinhoodFixtures } from '@/tests/fixtures/capture/robinhood/expected';
import { loadCaptureFixture, expectItemsWellFormed, SEVERAL_ADAPTERS, asPaperExpected, byFigureKey } from './capture-adapter-suite';

describe('robinhood adapter', () => {
  for (const name of ['a', 'b'] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const { url, items: expected } = robinhoodFixtures[name];
      const document = loadCaptureFixture('robinhood', `${name}.html`);
      const result = extract(document, robinhoodAdapter, { url });

      expect(result.site).toBe('robinhood');
      expect(result.adapterVersion).toBe(robinhoodAdapter.version);
      expect(result.items.map(asPaperExpected).sort(byFigureKey)).toEqual([...expected].sort(byFigureKey));
      expect(result.problems).toEqual([]);
      expectItemsWellFormed(document, result.items);
    });
  }

  it('is the adapter matched for its real dashboard URLs', () => {
    for (const url of [
      'https://robinhood.com/',
      'https://robinhood.com',
      'https://ROBINHOOD.com/?classic=1',
    ]) {
      expect(matchAdapter(url, SEVERAL_ADAPTERS)?.id, url).toBe('robinhood');
    }
  });

  it('is not matched for other paths or hosts', () => {
    for (const [url, why] of [
      ['https://robinhood.com/crypto', 'the crypto page'],
      ['https://robinhood.com/stocks/AAPL', 'a stock page'],
      ['https://robinhood.com/account', 'the account page'],
      ['https://www.robinhood.com/', 'another host'],
      ['https://robinhood.com.evil.example/', 'a look-alike host'],
      ['http://robinhood.com/', 'plain http'],
    ] as const) {
      expect(matchAdapter(url, SEVERAL_ADAPTERS), `${url} (${why})`).toBeNull();
    }
  });
});
