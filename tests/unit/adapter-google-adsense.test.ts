/**
 * The Google AdSense adapter against its two fixture pages (same words,
 * different markup), through the real extractor on a linkedom DOM, with
 * the values checked by hand in tests/fixtures/capture/google-adsense/expected.ts.
 */
import { describe, expect, it } from 'vitest';
import { googleAdsenseAdapter } from '@/utils/capture/adapters/google-adsense';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { googleAdsenseFixtures } from '@/tests/fixtures/capture/google-adsense/expected';
import { loadCaptureFixture, expectItemsWellFormed, SEVERAL_ADAPTERS, asPaperExpected, byFigureKey } from './capture-adapter-suite';

describe('google-adsense adapter', () => {
  for (const name of ['a', 'b'] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const { url, items: expected } = googleAdsenseFixtures[name];
      const document = loadCaptureFixture('google-adsense', `${name}.html`);
      const result = extract(document, googleAdsenseAdapter, { url });

      expect(result.site).toBe('google-adsense');
      expect(result.adapterVersion).toBe(googleAdsenseAdapter.version);
      expect(result.items.map(asPaperExpected).sort(byFigureKey)).toEqual([...expected].sort(byFigureKey));
      expect(result.problems).toEqual([]);
      expectItemsWellFormed(document, result.items);
    });
  }

  it('is the adapter matched for its real dashboard URLs', () => {
    for (const url of [
      'https://adsense.google.com/adsense/u/0/pub-4829137756102938/home',
      'https://adsense.google.com/adsense/u/3/pub-1111111111111111/home?hl=en',
    ]) {
      expect(matchAdapter(url, SEVERAL_ADAPTERS)?.id, url).toBe('google-adsense');
    }
  });

  it('is not matched for other paths or hosts', () => {
    for (const [url, why] of [
      ['https://adsense.google.com/adsense/u/0/pub-4829137756102938/payments', 'the payments page'],
      ['https://adsense.google.com/adsense/u/0/home', 'a path without the publisher'],
      ['https://adsense.google.com/start/', 'the start page'],
      ['https://www.google.com/adsense/u/0/pub-4829137756102938/home', 'another host'],
      ['https://adsense.google.com.evil.example/adsense/u/0/pub-4829137756102938/home', 'a look-alike host'],
    ] as const) {
      expect(matchAdapter(url, SEVERAL_ADAPTERS), `${url} (${why})`).toBeNull();
    }
  });
});
