/**
 * The Gumroad adapter against its fixture pages: the real extractor reads
 * exactly the expected items (checked by hand, see the fixtures' expected.ts)
 * and the adapter applies to the real addresses only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { gumroadAdapter as adapter } from '@/utils/capture/adapters/gumroad';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import type { ExtractedItem } from '@/utils/capture/types';
import { GUMROAD_FIXTURES, type ExpectedCaptureItem } from '../fixtures/capture/gumroad/expected';

function loadFixture(file: string): Document {
  const url = new URL(`../fixtures/capture/gumroad/${file}`, import.meta.url);
  return parseHTML(readFileSync(fileURLToPath(url), 'utf8')).document as unknown as Document;
}

/** The fields a person checks, in the expected file's shape. */
function summarize(item: ExtractedItem): ExpectedCaptureItem {
  const summary: ExpectedCaptureItem = {
    figureKey: item.figureKey,
    kind: item.kind,
    label: item.label,
    account: item.account,
    period: item.period,
  };
  if (item.amount) {
    summary.amountMinor = item.amount.minor;
    summary.currency = item.amount.currency;
  }
  if (item.count !== undefined) summary.count = item.count;
  if (item.metric !== undefined) summary.metric = item.metric;
  return summary;
}

function byKeyAndPeriod(a: ExpectedCaptureItem, b: ExpectedCaptureItem): number {
  return (a.figureKey + '|' + (a.period ?? '')).localeCompare(b.figureKey + '|' + (b.period ?? ''));
}

describe('Gumroad adapter', () => {
  it('describes the site: layer, account kind, currency and what each figure means', () => {
    expect(adapter.id).toBe('gumroad');
    expect(adapter.layer).toBe('compounding');
    expect(adapter.accountKind).toBe('business');
    expect(adapter.currency).toBe('USD');
    expect(adapter.figures.map((f) => [f.key, f.kind, f.fixedPeriod ?? null, f.incomeKind ?? null])).toEqual([
      ['balance', 'balance', null, null],
      ['last-7-days', 'earnings', 'Last 7 days', 'product-sale'],
      ['last-30-days', 'earnings', 'Last 30 days', 'product-sale'],
    ]);
  });

  for (const fixture of GUMROAD_FIXTURES) {
    it(`reads exactly the expected figures from ${fixture.file}`, () => {
      const document = loadFixture(fixture.file);
      const result = extract(document, adapter, { url: fixture.url });

      expect(result.site).toBe('gumroad');
      expect(result.adapterVersion).toBe(adapter.version);
      expect(result.items.map(summarize).sort(byKeyAndPeriod)).toEqual([...fixture.items].sort(byKeyAndPeriod));
      expect(result.problems).toEqual([]);
      for (const item of result.items) {
        expect(item.confidence).toBeGreaterThan(0);
        expect(item.confidence).toBeLessThanOrEqual(1);
        expect(document.querySelector(item.path), `path ${item.path}`).not.toBeNull();
      }
    });
  }

  it('applies to the real dashboard addresses', () => {
    for (const url of [
      'https://app.gumroad.com/dashboard',
    ]) {
      expect(matchAdapter(url, [adapter])?.id, url).toBe('gumroad');
    }
  });

  it('does not apply to another page or a look-alike host', () => {
    for (const url of [
      'https://app.gumroad.com/products',
      'https://gumroad.com/dashboard',
      'https://app.gumroad.com.evil.example/dashboard',
    ]) {
      expect(matchAdapter(url, [adapter]), url).toBeNull();
    }
  });
});
