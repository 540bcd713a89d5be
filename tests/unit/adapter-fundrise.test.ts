/**
 * The Fundrise adapter against its two fixture pages (the real dashboard's
 * words and structure; b.html the same words in other markup), through the
 * real extractor on a linkedom DOM, with the values checked by hand in
 * tests/fixtures/capture/fundrise/expected.ts.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { fidelityAdapter } from '@/utils/capture/adapters/fidelity';
import { vanguardAdapter } from '@/utils/capture/adapters/vanguard';
import { schwabAdapter } from '@/utils/capture/adapters/schwab';
import { bettermentAdapter } from '@/utils/capture/adapters/betterment';
import { wealthfrontAdapter } from '@/utils/capture/adapters/wealthfront';
import { fundriseAdapter } from '@/utils/capture/adapters/fundrise';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import type { ExtractedItem, SiteAdapter } from '@/utils/capture/types';
import { expectedA, expectedB, type ExpectedItem } from '@/tests/fixtures/capture/fundrise/expected';

const PAGE_URL = 'https://fundrise.com/dashboard';

function loadFixture(name: 'a' | 'b'): Document {
  const html = readFileSync(new URL(`../fixtures/capture/fundrise/${name}.html`, import.meta.url), 'utf8');
  return parseHTML(html).document as unknown as Document;
}

function asExpected(item: ExtractedItem): ExpectedItem {
  return {
    figureKey: item.figureKey,
    kind: item.kind,
    label: item.label,
    account: item.account,
    amountMinor: item.amount?.minor ?? Number.NaN,
    currency: item.amount?.currency ?? '',
    period: item.period,
  };
}

const byFigureAndAccount = (x: ExpectedItem, y: ExpectedItem) =>
  x.figureKey.localeCompare(y.figureKey) || (x.account ?? '').localeCompare(y.account ?? '');

/** Every Foundation adapter, so matching picks this one among others, not merely accepts it. */
const FOUNDATION_ADAPTERS: SiteAdapter[] = [fidelityAdapter, vanguardAdapter, schwabAdapter, bettermentAdapter, wealthfrontAdapter, fundriseAdapter];

/** Figures that only sum the accounts beside them. */
const TOTAL_KEYS: string[] = [];

describe('fundrise adapter', () => {
  for (const [name, expected] of [['a', expectedA], ['b', expectedB]] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const document = loadFixture(name);
      const result = extract(document, fundriseAdapter, { url: PAGE_URL });

      expect(result.site).toBe('fundrise');
      expect(result.adapterVersion).toBe(fundriseAdapter.version);
      expect(result.items.map(asExpected).sort(byFigureAndAccount)).toEqual([...expected].sort(byFigureAndAccount));
      for (const item of result.items) {
        expect(item.total ?? false, item.figureKey).toBe(TOTAL_KEYS.includes(item.figureKey));
        expect(document.querySelector(item.path), item.path).not.toBeNull();
        expect(item.confidence).toBeGreaterThan(0);
        expect(item.confidence).toBeLessThanOrEqual(1);
      }
      // Dividends are income, stored as dividends for the period the card shows.
      expect(result.items.find((i) => i.figureKey === 'dividends')?.incomeKind).toBe('dividend');
    });
  }

  it('reads the dividends of the period tab the person chose (YTD)', () => {
    // What the page shows after a click on "YTD": that tab selected, its panel shown, "All time" hidden.
    const document = loadFixture('a');
    document.getElementById('tab-ytd')?.setAttribute('aria-selected', 'true');
    document.getElementById('tab-all')?.setAttribute('aria-selected', 'false');
    document.getElementById('panel-ytd')?.removeAttribute('hidden');
    document.getElementById('panel-all')?.setAttribute('hidden', '');

    const result = extract(document, fundriseAdapter, { url: PAGE_URL });
    const dividends = result.items.filter((i) => i.figureKey === 'dividends').map(asExpected);
    expect(dividends).toEqual([
      { figureKey: 'dividends', kind: 'earnings', label: 'Dividends', account: null, amountMinor: 41_287, currency: 'USD', period: 'YTD' },
    ]);
  });

  it('is the adapter matched for its real dashboard URLs', () => {
    for (const url of [
      'https://fundrise.com/dashboard',
      'https://fundrise.com/dashboard/',
    ]) {
      expect(matchAdapter(url, FOUNDATION_ADAPTERS)?.id, url).toBe('fundrise');
    }
  });

  it('is not matched for other paths or hosts', () => {
    for (const [url, why] of [
      ['https://fundrise.com/portfolio', 'the portfolio page'],
      ['https://fundrise.com/', 'the home page'],
      ['https://help.fundrise.com/dashboard', 'the help host'],
      ['https://fundrise.com.evil.example/dashboard', 'a look-alike host'],
      ['http://fundrise.com/dashboard', 'plain http'],
    ] as const) {
      expect(matchAdapter(url, FOUNDATION_ADAPTERS), why).toBeNull();
    }
  });

  it('declares the Foundation layer, its account kind and USD', () => {
    expect(fundriseAdapter.layer).toBe('foundation');
    expect(fundriseAdapter.accountKind).toBe('real-estate');
    expect(fundriseAdapter.currency).toBe('USD');
  });
});
