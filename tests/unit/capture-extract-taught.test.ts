/**
 * Which adapter a URL selects (hosts, paths, https only), and rules a person
 * taught on a page no adapter covers: label first, then the stored path.
 */
import { describe, expect, it } from 'vitest';
import { extractForUrl, rulesForUrl, ruleFallbackPath, taughtAdapter } from '@/utils/capture/extract';
import { hostMatches, isPaperUrl, matchAdapter, originPatterns, pathMatches } from '@/utils/capture/match';
import type { CaptureRule } from '@/utils/db/schema';
import { loadFixture, testAdapter } from '@/tests/fixtures/capture/synthetic/load';

describe('hostMatches / pathMatches', () => {
  it.each<[string, string, boolean]>([
    ['digital.fidelity.com', 'digital.fidelity.com', true],
    ['digital.fidelity.com', 'DIGITAL.Fidelity.com', true],
    ['digital.fidelity.com', 'fidelity.com', false],
    ['digital.fidelity.com', 'evil-digital.fidelity.com', false],
    ['*.substack.com', 'money.substack.com', true],
    ['*.substack.com', 'substack.com', false],
    ['*.substack.com', 'a.b.substack.com', false],
    ['*.substack.com', 'money.substack.com.evil.net', false],
  ])('host pattern %s vs %s → %s', (pattern, host, expected) => {
    expect(hostMatches(pattern, host)).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ['/', '/', true],
    ['/', '/home', false],
    ['/summary', '/summary', true],
    ['/summary', '/summary/', true],
    ['/summary/', '/summary', true],
    ['/summary', '/summary/more', false],
    ['/adsense/u/*/*/home', '/adsense/u/0/pub-123/home', true],
    ['/adsense/u/*/*/home', '/adsense/u/0/home', false],
    ['/channel/*/analytics', '/channel/UC1/x/analytics', false],
    ['/paper/**', '/paper', true],
    ['/paper/**', '/paper/dashboard/overview', true],
    ['/paper/**', '/paperwork', false],
    ['/a.b', '/aXb', false],
  ])('path pattern %s vs %s → %s', (pattern, path, expected) => {
    expect(pathMatches(pattern, path)).toBe(expected);
  });
});

describe('matchAdapter', () => {
  const fidelity = testAdapter([], { id: 'fidelity', hosts: ['digital.fidelity.com'], paths: ['/ftgw/digital/portfolio/summary'] });
  const substack = testAdapter([], { id: 'substack', hosts: ['*.substack.com'], paths: ['/publish/stats'] });
  const adapters = [fidelity, substack];

  it('selects by host and path, https only', () => {
    expect(matchAdapter('https://digital.fidelity.com/ftgw/digital/portfolio/summary?x=1#y', adapters)?.id).toBe('fidelity');
    expect(matchAdapter('https://money.substack.com/publish/stats', adapters)?.id).toBe('substack');
    expect(matchAdapter('http://digital.fidelity.com/ftgw/digital/portfolio/summary', adapters)).toBeNull();
    expect(matchAdapter('https://digital.fidelity.com/ftgw/digital/portfolio/positions', adapters)).toBeNull();
    expect(matchAdapter('not a url', adapters)).toBeNull();
  });

  it('gives match patterns for permissions', () => {
    expect(originPatterns(fidelity)).toEqual(['https://digital.fidelity.com/*']);
    expect(originPatterns(substack)).toEqual(['https://*.substack.com/*']);
  });

  it('tells paper pages', () => {
    const alpaca = testAdapter([], { paperPaths: ['/paper/**'] });
    expect(isPaperUrl('https://app.alpaca.markets/paper/dashboard/overview', alpaca)).toBe(true);
    expect(isPaperUrl('https://app.alpaca.markets/dashboard/overview', alpaca)).toBe(false);
    expect(isPaperUrl('https://app.alpaca.markets/paper', testAdapter([]))).toBe(false);
  });
});

const HOST = 'tips.example.org';
const SECOND_TILE = 'html > body:nth-of-type(1) > div:nth-of-type(1) > div:nth-of-type(1) > div:nth-of-type(2) > div:nth-of-type(2)';
const rule = (id: string, label: string, meaning: CaptureRule['meaning'], fallbackPath = '', extra: Partial<CaptureRule> = {}): CaptureRule => ({
  id,
  host: HOST,
  pathPattern: '/hub',
  label,
  fallbackPath,
  meaning,
  streamId: 'stream-1',
  createdAt: 1_700_000_000_000,
  ...extra,
});

describe('taught rules', () => {
  const rules = [
    rule('r-found', 'Lifetime tips', 'earnings'),
    rule('r-moved', 'Active supporters', 'balance', SECOND_TILE),
    rule('r-gone', 'Payout balance', 'balance', 'html > body:nth-of-type(1) > div:nth-of-type(9)'),
    rule('r-other-host', 'Lifetime tips', 'balance', '', { host: 'other.example.org' }),
    rule('r-other-path', 'Lifetime tips', 'balance', '', { pathPattern: '/settings' }),
  ];

  it('become an adapter: one page figure per rule, keyed by the rule id, with its stored path', () => {
    const adapter = taughtAdapter(HOST, rules.slice(0, 2));
    expect(adapter.id).toBe('taught:tips.example.org');
    expect(adapter.hosts).toEqual([HOST]);
    expect(adapter.figures.map((f) => [f.key, f.kind, f.labels, f.scope, f.fallbackPath])).toEqual([
      ['r-found', 'earnings', ['Lifetime tips'], 'page', undefined],
      ['r-moved', 'balance', ['Active supporters'], 'page', SECOND_TILE],
    ]);
    expect(ruleFallbackPath(rules[0]!)).toBeUndefined();
    expect(ruleFallbackPath(rules[1]!)).toBe(SECOND_TILE);
  });

  it('apply only on their host and path', () => {
    expect(rulesForUrl(`https://${HOST}/hub`, rules).map((r) => r.id)).toEqual(['r-found', 'r-moved', 'r-gone']);
    expect(rulesForUrl(`https://${HOST}/elsewhere`, rules)).toEqual([]);
  });

  it('on a page no adapter covers: site null, the label found, else the stored path (lower confidence), else a problem', () => {
    const result = extractForUrl(loadFixture('taught'), `https://${HOST}/hub`, [], rules);
    expect(result.site).toBeNull();
    expect(result.adapterVersion).toBeNull();
    expect(result.items.map((i) => [i.figureKey, i.kind, i.label, i.amount?.minor, i.confidence, i.path])).toEqual([
      ['r-found', 'earnings', 'Lifetime tips', 271_828, 0.8, 'html > body:nth-of-type(1) > div:nth-of-type(1) > div:nth-of-type(1) > div:nth-of-type(1) > div:nth-of-type(2)'],
      ['r-moved', 'balance', 'Active supporters', 141_421, 0.5, SECOND_TILE],
    ]);
    expect(result.problems).toEqual([
      { figureKey: 'r-gone', label: 'Payout balance', account: null, reason: 'neither the label nor the remembered place of the amount is on this page' },
    ]);
  });

  it('without rules an unsupported page gives nothing', () => {
    expect(extractForUrl(loadFixture('taught'), `https://${HOST}/hub`, [])).toEqual({ site: null, adapterVersion: null, items: [], problems: [] });
  });

  it('on a supported page add what the adapter does not already read', () => {
    const adapter = testAdapter([{ key: 'tips', kind: 'earnings', labels: ['Lifetime tips'], scope: 'page' }], { hosts: [HOST], paths: ['/hub'] });
    const result = extractForUrl(loadFixture('taught'), `https://${HOST}/hub`, [adapter], rules);
    expect(result.site).toBe('test-site');
    expect(result.items.map((i) => [i.figureKey, i.amount?.minor])).toEqual([
      ['tips', 271_828],
      ['r-moved', 141_421],
    ]);
  });
});
