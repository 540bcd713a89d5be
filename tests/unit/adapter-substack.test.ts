/**
 * The Substack adapter against its fixture pages: the real extractor reads
 * exactly the expected items (checked by hand, see the fixtures' expected.ts)
 * and the adapter applies to the real addresses only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { substackAdapter as adapter } from '@/utils/capture/adapters/substack';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import type { ExtractedItem } from '@/utils/capture/types';
import { SUBSTACK_FIXTURES, type ExpectedCaptureItem } from '../fixtures/capture/substack/expected';

function loadFixture(file: string): Document {
  const url = new URL(`../fixtures/capture/substack/${file}`, import.meta.url);
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
      const document = loadFixture(fixture.file);
      const result = extract(document, adapter, { url: fixture.url });

      expect(result.site).toBe('substack');
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
