/**
 * The Substack adapter against its fixture pages: the real extractor reads
 * exactly the expected items (checked by hand, see the fixtures' expected.ts)
 * and the adapter applies to the real addresses only.
 */
import { describe, expect, it } from 'vitest';
import { substackAdapter as adapter } from '@/utils/capture/adapters/substack';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { SUBSTACK_FIXTURES } from '../fixtures/capture/substack/expected';
import { loadCaptureFixture, expectItemsWellFormed, summarize, byKeyAndPeriod } from './capture-adapter-suite';

describe('Substack adapter', () => {
  it('describes the site: layer, account kind, currency and what each figure means', () => {
    expect(adapter.id).toBe('substack');
    expect(adapter.layer).toBe('leverage');
    expect(adapter.accountKind).toBe('content');
    expect(adapter.currency).toBe('USD');
    expect(adapter.figures.map((f) => [f.key, f.kind, f.metric])).toEqual([
      ['gross-annualized-revenue', 'mrr', 'gross-annualized-revenue'],
      ['paid-subscriptions', 'count', 'paid-subscriptions'],
    ]);
  });

  for (const fixture of SUBSTACK_FIXTURES) {
    it(`reads exactly the expected figures from ${fixture.file}`, () => {
      const document = loadCaptureFixture('substack', fixture.file);
      const result = extract(document, adapter, { url: fixture.url });

      expect(result.site).toBe('substack');
      expect(result.adapterVersion).toBe(adapter.version);
      expect(result.items.map(summarize).sort(byKeyAndPeriod)).toEqual([...fixture.items].sort(byKeyAndPeriod));
      expect(result.problems).toEqual([]);
      expectItemsWellFormed(document, result.items);
    });
  }

  it('applies to the real dashboard addresses', () => {
    for (const url of [
      'https://myletter.substack.com/publish/stats',
      'https://myletter.substack.com/publish/stats?range=90',
    ]) {
      expect(matchAdapter(url, [adapter])?.id, url).toBe('substack');
    }
  });

  it('does not apply to another page or a look-alike host', () => {
    for (const url of [
      'https://myletter.substack.com/publish/home',
      'https://myletter.substack.com/p/the-boring-portfolio',
      'https://myletter.substack.com.evil.example/publish/stats',
      'https://substack.evil.example/publish/stats',
    ]) {
      expect(matchAdapter(url, [adapter]), url).toBeNull();
    }
  });
});
