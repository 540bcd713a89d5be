/**
 * The YouTube Studio adapter against its fixture pages: the real extractor reads
 * exactly the expected items (checked by hand, see the fixtures' expected.ts)
 * and the adapter applies to the real addresses only.
 */
import { describe, expect, it } from 'vitest';
import { youtubeStudioAdapter as adapter } from '@/utils/capture/adapters/youtube-studio';
import { extract } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { YOUTUBE_STUDIO_FIXTURES } from '../fixtures/capture/youtube-studio/expected';
import { loadCaptureFixture, readCaptureFixtureHtml, parseCaptureHtml, expectItemsWellFormed, summarize, byKeyAndPeriod } from './capture-adapter-suite';

describe('YouTube Studio adapter', () => {
  it('describes the site: layer, account kind, currency and what each figure means', () => {
    expect(adapter.id).toBe('youtube-studio');
    expect(adapter.layer).toBe('leverage');
    expect(adapter.accountKind).toBe('content');
    expect(adapter.currency).toBe('USD');
    const revenue = adapter.figures.find((f) => f.key === 'estimated-revenue');
    expect(revenue?.incomeKind).toBe('ad-revenue');
    expect(revenue?.periods).toEqual(expect.arrayContaining(['Last 28 days', 'Last 90 days', 'Lifetime', '2026', 'November']));
  });

  for (const fixture of YOUTUBE_STUDIO_FIXTURES) {
    it(`reads exactly the expected figures from ${fixture.file}`, () => {
      const document = loadCaptureFixture('youtube-studio', fixture.file);
      const result = extract(document, adapter, { url: fixture.url });

      expect(result.site).toBe('youtube-studio');
      expect(result.adapterVersion).toBe(adapter.version);
      expect(result.items.map(summarize).sort(byKeyAndPeriod)).toEqual([...fixture.items].sort(byKeyAndPeriod));
      expect(result.problems).toEqual([]);
      expectItemsWellFormed(document, result.items);
    });
  }

  it('gives a reason, never the comparison figure beside it, when only a rounded revenue is shown', () => {
    const fixture = YOUTUBE_STUDIO_FIXTURES.find((f) => f.file === 'b.html')!;
    const html = readCaptureFixtureHtml('youtube-studio', 'b.html');
    const withoutExact = html.replace('<span title="$2,487.31">$2.5K</span>', '<span>$2.5K</span>');
    expect(withoutExact).not.toBe(html);
    const result = extract(parseCaptureHtml(withoutExact), adapter, { url: fixture.url });

    expect(result.items).toEqual([]);
    expect(result.problems.map((p) => [p.figureKey, p.label])).toEqual([['estimated-revenue', 'Estimated revenue']]);
  });

  it('applies to the real dashboard addresses', () => {
    for (const url of [
      'https://studio.youtube.com/channel/UCq8Lz2pK0v4mYbT1nN3xR7w/analytics',
      'https://studio.youtube.com/channel/UCq8Lz2pK0v4mYbT1nN3xR7w/analytics/tab-overview/period-default',
      'https://studio.youtube.com/channel/UCq8Lz2pK0v4mYbT1nN3xR7w/analytics/tab-earn_revenue/period-default?rpr=1',
    ]) {
      expect(matchAdapter(url, [adapter])?.id, url).toBe('youtube-studio');
    }
  });

  it('does not apply to another page or a look-alike host', () => {
    for (const url of [
      'https://studio.youtube.com/channel/UCq8Lz2pK0v4mYbT1nN3xR7w/videos/upload',
      'https://studio.youtube.com/channel/UCq8Lz2pK0v4mYbT1nN3xR7w',
      'https://www.youtube.com/channel/UCq8Lz2pK0v4mYbT1nN3xR7w/analytics',
      'https://studio.youtube.com.evil.example/channel/UCq8Lz2pK0v4mYbT1nN3xR7w/analytics',
    ]) {
      expect(matchAdapter(url, [adapter]), url).toBeNull();
    }
  });
});
