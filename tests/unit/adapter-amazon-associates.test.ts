/**
 * The Amazon Associates adapter against its two fixture pages (same words,
 * different markup), through the real extractor on a linkedom DOM, with
 * the values checked by hand in tests/fixtures/capture/amazon-associates/expected.ts.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { alpacaAdapter } from '@/utils/capture/adapters/alpaca';
import { amazonAssociatesAdapter } from '@/utils/capture/adapters/amazon-associates';
import { googleAdsenseAdapter } from '@/utils/capture/adapters/google-adsense';
import { interactiveBrokersAdapter } from '@/utils/capture/adapters/interactive-brokers';
import { robinhoodAdapter } from '@/utils/capture/adapters/robinhood';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import type { ExtractedItem, SiteAdapter } from '@/utils/capture/types';
import { amazonAssociatesFixtures } from '@/tests/fixtures/capture/amazon-associates/expected';
import type { ExpectedCaptureItem } from '@/tests/fixtures/capture/robinhood/expected';

function loadFixture(name: 'a' | 'b'): Document {
  const html = readFileSync(new URL(`../fixtures/capture/amazon-associates/${name}.html`, import.meta.url), 'utf8');
  return parseHTML(html).document as unknown as Document;
}

function asExpected(item: ExtractedItem): ExpectedCaptureItem {
  return {
    figureKey: item.figureKey,
    kind: item.kind,
    label: item.label,
    account: item.account,
    amountMinor: item.amount?.minor ?? Number.NaN,
    currency: item.amount?.currency ?? '',
    period: item.period,
    paper: item.paper ?? false,
  };
}

const byKey = (a: { figureKey: string }, b: { figureKey: string }) => a.figureKey.localeCompare(b.figureKey);

/** Several sites' adapters, so matching picks this one among others, not merely accepts it. */
const SEVERAL_ADAPTERS: SiteAdapter[] = [
  robinhoodAdapter,
  interactiveBrokersAdapter,
  alpacaAdapter,
  amazonAssociatesAdapter,
  googleAdsenseAdapter,
];

describe('amazon-associates adapter', () => {
  for (const name of ['a', 'b'] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const { url, items: expected } = amazonAssociatesFixtures[name];
      const document = loadFixture(name);
      const result = extract(document, amazonAssociatesAdapter, { url });

      expect(result.site).toBe('amazon-associates');
      expect(result.adapterVersion).toBe(amazonAssociatesAdapter.version);
      expect(result.items.map(asExpected).sort(byKey)).toEqual([...expected].sort(byKey));
      expect(result.problems).toEqual([]);
      for (const item of result.items) {
        expect(document.querySelector(item.path), item.path).not.toBeNull();
        expect(item.confidence).toBeGreaterThan(0);
        expect(item.confidence).toBeLessThanOrEqual(1);
      }
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
    const document = loadFixture('a');
    const result = extract(document, amazonAssociatesAdapter, {
      url: 'https://affiliate-program.amazon.com/home',
      isHidden: (el) => (el.tagName.toLowerCase() === 'select' ? 'visually' : false),
    });
    const earnings = result.items.find((i) => i.kind === 'earnings');
    expect(earnings).toMatchObject({ label: 'Total Earnings', amount: { minor: 128437, currency: 'USD' }, period: 'This Month' });
  });
});
