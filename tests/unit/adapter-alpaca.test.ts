/**
 * The Alpaca adapter against its two fixture pages (same words,
 * different markup), through the real extractor on a linkedom DOM, with
 * the values checked by hand in tests/fixtures/capture/alpaca/expected.ts.
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
import { isPaperUrl, matchAdapter } from '@/utils/capture/match';
import type { ExtractedItem, SiteAdapter } from '@/utils/capture/types';
import { alpacaFixtures } from '@/tests/fixtures/capture/alpaca/expected';
import type { ExpectedCaptureItem } from '@/tests/fixtures/capture/robinhood/expected';

function loadFixture(name: 'a' | 'b'): Document {
  const html = readFileSync(new URL(`../fixtures/capture/alpaca/${name}.html`, import.meta.url), 'utf8');
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

describe('alpaca adapter', () => {
  for (const name of ['a', 'b'] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const { url, items: expected } = alpacaFixtures[name];
      const document = loadFixture(name);
      const result = extract(document, alpacaAdapter, { url });

      expect(result.site).toBe('alpaca');
      expect(result.adapterVersion).toBe(alpacaAdapter.version);
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
