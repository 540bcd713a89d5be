/**
 * The Lemon Squeezy adapter against its fixture pages: the real extractor reads
 * exactly the expected items (checked by hand, see the fixtures' expected.ts)
 * and the adapter applies to the real addresses only.
 */
import { describe, expect, it } from 'vitest';
import { lemonSqueezyAdapter as adapter } from '@/utils/capture/adapters/lemon-squeezy';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { LEMON_SQUEEZY_FIXTURES } from '../fixtures/capture/lemon-squeezy/expected';
import { loadCaptureFixture, expectItemsWellFormed, summarize, byKeyAndPeriod } from './capture-adapter-suite';

describe('Lemon Squeezy adapter', () => {
  it('describes the site: layer, account kind, currency and what each figure means', () => {
    expect(adapter.id).toBe('lemon-squeezy');
    expect(adapter.layer).toBe('compounding');
    expect(adapter.accountKind).toBe('business');
    expect(adapter.currency).toBe('USD');
    expect(adapter.figures.map((f) => [f.key, f.kind, f.incomeKind ?? f.metric ?? null])).toEqual([
      ['mrr', 'mrr', 'mrr'],
      ['revenue', 'earnings', 'product-sale'],
    ]);
  });

  for (const fixture of LEMON_SQUEEZY_FIXTURES) {
    it(`reads exactly the expected figures from ${fixture.file}`, () => {
      const document = loadCaptureFixture('lemon-squeezy', fixture.file);
      const result = extract(document, adapter, { url: fixture.url });

      expect(result.site).toBe('lemon-squeezy');
      expect(result.adapterVersion).toBe(adapter.version);
      expect(result.items.map(summarize).sort(byKeyAndPeriod)).toEqual([...fixture.items].sort(byKeyAndPeriod));
      expect(result.problems).toEqual([]);
      expectItemsWellFormed(document, result.items);
    });
  }

  it('applies to the real dashboard addresses', () => {
    for (const url of [
      'https://app.lemonsqueezy.com/dashboard',
    ]) {
      expect(matchAdapter(url, [adapter])?.id, url).toBe('lemon-squeezy');
    }
  });

  it('does not apply to another page or a look-alike host', () => {
    for (const url of [
      'https://app.lemonsqueezy.com/orders',
      'https://lemonsqueezy.com/dashboard',
      'https://app.lemonsqueezy.com.evil.example/dashboard',
    ]) {
      expect(matchAdapter(url, [adapter]), url).toBeNull();
    }
  });
});
