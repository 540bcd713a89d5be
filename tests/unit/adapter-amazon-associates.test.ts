/**
 * The Amazon Associates adapter against its two fixture pages (same words,
 * different markup), through the real extractor on a linkedom DOM, with
 * the values checked by hand in tests/fixtures/capture/amazon-associates/expected.ts.
 */
import { describe, expect, it } from 'vitest';
import { amazonAssociatesAdapter } from '@/utils/capture/adapters/amazon-associates';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { amazonAssociatesFixtures } from '@/tests/fixtures/capture/amazon-associates/expected';
import { loadCaptureFixture, expectItemsWellFormed, SEVERAL_ADAPTERS, asPaperExpected, byFigureKey } from './capture-adapter-suite';

describe('amazon-associates adapter', () => {
  for (const name of ['a', 'b'] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const { url, items: expected } = amazonAssociatesFixtures[name];
      const document = loadCaptureFixture('amazon-associates', `${name}.html`);
      const result = extract(document, amazonAssociatesAdapter, { url });

      expect(result.site).toBe('amazon-associates');
      expect(result.adapterVersion).toBe(amazonAssociatesAdapter.version);
      expect(result.items.map(asPaperExpected).sort(byFigureKey)).toEqual([...expected].sort(byFigureKey));
      expect(result.problems).toEqual([]);
      expectItemsWellFormed(document, result.items);
    });
  }

  it('is the adapter matched for its real dashboard URLs', () => {
    for (const url of [
      'https://affiliate-program.amazon.com/home',
      'https://affiliate-program.amazon.com/home/',
      'https://affiliate-program.amazon.com/home?ref_=ac_nav_home',
    ]) {
      expect(matchAdapter(url, SEVERAL_ADAPTERS)?.id, url).toBe('amazon-associates');
    }
  });

  it('is not matched for other paths or hosts', () => {
    for (const [url, why] of [
      ['https://affiliate-program.amazon.com/home/reports', 'the reports page'],
      ['https://affiliate-program.amazon.com/', 'the landing page'],
      ['https://affiliate-program.amazon.co.uk/home', 'another marketplace'],
      ['https://www.amazon.com/home', 'the store'],
      ['https://affiliate-program.amazon.com.evil.example/home', 'a look-alike host'],
    ] as const) {
      expect(matchAdapter(url, SEVERAL_ADAPTERS), `${url} (${why})`).toBeNull();
    }
  });
});

describe('Amazon Associates period picker as a browser renders it', () => {
  it('reads the period from the transparent native <select> laid over the styled label', () => {
    // In Chromium the select is opacity:0 (only "visually" hidden) and the
    // label over it is aria-hidden; the select's choice is still in effect.
    const document = loadCaptureFixture('amazon-associates', 'a.html');
    const result = extract(document, amazonAssociatesAdapter, {
      url: 'https://affiliate-program.amazon.com/home',
      isHidden: (el) => (el.tagName.toLowerCase() === 'select' ? 'visually' : false),
    });
    const earnings = result.items.find((i) => i.kind === 'earnings');
    expect(earnings).toMatchObject({ label: 'Total Earnings', amount: { minor: 128437, currency: 'USD' }, period: 'This Month' });
  });
});
