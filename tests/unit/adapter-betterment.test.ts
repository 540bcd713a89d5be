/**
 * The Betterment adapter against its two fixture pages (the real dashboard's
 * words and structure; b.html the same words in other markup), through the
 * real extractor on a linkedom DOM, with the values checked by hand in
 * tests/fixtures/capture/betterment/expected.ts.
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
import { expectedA, expectedB, maskedAccount, type ExpectedItem } from '@/tests/fixtures/capture/betterment/expected';

const PAGE_URL = 'https://app.betterment.com/summary';

function loadFixture(name: 'a' | 'b'): Document {
  const html = readFileSync(new URL(`../fixtures/capture/betterment/${name}.html`, import.meta.url), 'utf8');
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
const TOTAL_KEYS: string[] = ['total-balance'];

describe('betterment adapter', () => {
  for (const [name, expected] of [['a', expectedA], ['b', expectedB]] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const document = loadFixture(name);
      const result = extract(document, bettermentAdapter, { url: PAGE_URL });

      expect(result.site).toBe('betterment');
      expect(result.adapterVersion).toBe(bettermentAdapter.version);
      expect(result.items.map(asExpected).sort(byFigureAndAccount)).toEqual([...expected].sort(byFigureAndAccount));
      for (const item of result.items) {
        expect(item.total ?? false, item.figureKey).toBe(TOTAL_KEYS.includes(item.figureKey));
        expect(document.querySelector(item.path), item.path).not.toBeNull();
        expect(item.confidence).toBeGreaterThan(0);
        expect(item.confidence).toBeLessThanOrEqual(1);
      }
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
