/**
 * The Stripe adapter against its fixture pages: the real extractor reads
 * exactly the expected items (checked by hand, see the fixtures' expected.ts)
 * and the adapter applies to the real addresses only.
 */
import { describe, expect, it } from 'vitest';
import { stripeAdapter as adapter } from '@/utils/capture/adapters/stripe';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { STRIPE_FIXTURES } from '../fixtures/capture/stripe/expected';
import { loadCaptureFixture, expectItemsWellFormed, summarize, byKeyAndPeriod } from './capture-adapter-suite';

describe('Stripe adapter', () => {
  it('describes the site: layer, account kind, currency and what each figure means', () => {
    expect(adapter.id).toBe('stripe');
    expect(adapter.layer).toBe('compounding');
    expect(adapter.accountKind).toBe('business');
    expect(adapter.currency).toBe('USD');
    expect(adapter.figures.map((f) => [f.key, f.kind, f.incomeKind ?? f.metric ?? null])).toEqual([
      ['gross-volume', 'earnings', 'product-sale'],
      ['net-volume', 'earnings', 'product-sale'],
      ['usd-balance', 'balance', null],
      ['available-to-pay-out', 'cash', null],
      ['mrr', 'mrr', 'mrr'],
    ]);
  });

  for (const fixture of STRIPE_FIXTURES) {
    it(`reads exactly the expected figures from ${fixture.file}`, () => {
      const document = loadCaptureFixture('stripe', fixture.file);
      const result = extract(document, adapter, { url: fixture.url });

      expect(result.site).toBe('stripe');
      expect(result.adapterVersion).toBe(adapter.version);
      expect(result.items.map(summarize).sort(byKeyAndPeriod)).toEqual([...fixture.items].sort(byKeyAndPeriod));
      expect(result.problems).toEqual([]);
      expectItemsWellFormed(document, result.items);
    });
  }

  it('applies to the real dashboard addresses', () => {
    for (const url of [
      'https://dashboard.stripe.com/',
      'https://dashboard.stripe.com/balance/overview',
    ]) {
      expect(matchAdapter(url, [adapter])?.id, url).toBe('stripe');
    }
  });

  it('does not apply to another page or a look-alike host', () => {
    for (const url of [
      'https://dashboard.stripe.com/payments',
      'https://dashboard.stripe.com/balance/overview/extra',
      'https://stripe.com/',
      'https://dashboard.stripe.com.evil.example/',
    ]) {
      expect(matchAdapter(url, [adapter]), url).toBeNull();
    }
  });
});
