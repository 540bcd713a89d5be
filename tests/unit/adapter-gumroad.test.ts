/**
 * The Gumroad adapter against its fixture pages: the real extractor reads
 * exactly the expected items (checked by hand, see the fixtures' expected.ts)
 * and the adapter applies to the real addresses only.
 */
import { describe, expect, it } from 'vitest';
import { gumroadAdapter as adapter } from '@/utils/capture/adapters/gumroad';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { GUMROAD_FIXTURES } from '../fixtures/capture/gumroad/expected';
import { loadCaptureFixture, expectItemsWellFormed, summarize, byKeyAndPeriod } from './capture-adapter-suite';

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
      const document = loadCaptureFixture('gumroad', fixture.file);
      const result = extract(document, adapter, { url: fixture.url });

      expect(result.site).toBe('gumroad');
      expect(result.adapterVersion).toBe(adapter.version);
      expect(result.items.map(summarize).sort(byKeyAndPeriod)).toEqual([...fixture.items].sort(byKeyAndPeriod));
      expect(result.problems).toEqual([]);
      expectItemsWellFormed(document, result.items);
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
