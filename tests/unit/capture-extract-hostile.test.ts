/**
 * A page is untrusted input: scripts, templates and styles never supply a
 * label or a figure, markup in text stays text, DOM clobbering (names that
 * shadow document and element properties) does not fool the extractor, and
 * a 5,000-element dashboard reads exactly what it prints.
 */
import { describe, expect, it } from 'vitest';
import { computedHidden, cssPath, extract, resolvePath } from '@/utils/capture/extract';
import type { ExtractionResult, FigureSpec } from '@/utils/capture/types';
import { DASHBOARD_ADAPTER, generateDashboard } from '@/tests/fixtures/capture/synthetic/dashboard';
import { loadFixture, parsePage, testAdapter } from '@/tests/fixtures/capture/synthetic/load';

const adapter = testAdapter(
  [
    { key: 'total', kind: 'balance', labels: ['Total balance'], scope: 'page' },
    { key: 'account-balance', kind: 'balance', labels: ['Balance'], scope: 'account' },
  ] satisfies FigureSpec[],
  { accounts: { nameFrom: 'link' } },
);

const summary = (r: ExtractionResult) => r.items.map((i) => [i.figureKey, i.label, i.account, i.amount?.minor, i.rawText]);

const EXPECTED = [
  ['total', 'Total balance', null, 314_159, '$3,141.59'],
  ['account-balance', 'Balance', '<img src=x onerror=alert(1)> Brokerage', 100_000, '$1,000.00'],
  ['account-balance', 'Balance', 'Savings & More', 214_159, '$2,141.59'],
];

describe('hostile markup (hostile.html)', () => {
  it('never reads a label or figure from <script>, <style>, <template> or <noscript>', () => {
    const result = extract(loadFixture('hostile'), adapter);
    expect(summary(result)).toEqual(EXPECTED);
    expect(result.problems).toEqual([]);
    for (const decoy of [999_999_99, 888_888_88, 777_777_77, 666_666_66, 555_555_55]) {
      expect(result.items.some((i) => i.amount?.minor === decoy)).toBe(false);
    }
  });

  it('returns scraped text as plain strings: an <img onerror> in a label is dropped, markup written as text stays text', () => {
    const result = extract(loadFixture('hostile'), adapter);
    const [total, first] = result.items;
    expect(total!.label).toBe('Total balance');
    expect(first!.account).toBe('<img src=x onerror=alert(1)> Brokerage');
    // Only data comes back: no element, no node, no HTML fragment.
    const allowed = ['figureKey', 'kind', 'label', 'account', 'period', 'amount', 'count', 'rawText', 'confidence', 'total', 'paper', 'metric', 'incomeKind', 'path'];
    for (const item of result.items) {
      for (const key of Object.keys(item)) expect(allowed, key).toContain(key);
      expect(JSON.parse(JSON.stringify(item))).toEqual(item);
    }
  });

  it('is not fooled by DOM clobbering: document and element properties shadowed by the page', () => {
    const document = loadFixture('hostile');
    const decoy = document.createElement('p');
    decoy.textContent = 'Total balance $123.00';
    // What <form name="getElementById">, <img name="querySelectorAll"> and
    // <form><input name="attributes"> do in a browser: own properties that
    // shadow the prototype's.
    for (const name of ['getElementById', 'querySelectorAll', 'querySelector', 'createTreeWalker', 'documentElement', 'body', 'getElementsByTagName']) {
      Object.defineProperty(document, name, { value: decoy, configurable: true });
    }
    const shadowed = ['firstChild', 'nextSibling', 'attributes', 'getAttribute', 'hasAttributes', 'textContent', 'className', 'shadowRoot', 'querySelectorAll', 'children', 'contains'];
    for (const el of Array.from(Object.getPrototypeOf(document).querySelectorAll.call(document, 'form, main, section, table, tr, td, a') as ArrayLike<Element>)) {
      for (const name of shadowed) Object.defineProperty(el, name, { value: decoy, configurable: true });
    }
    expect(document.querySelectorAll).toBe(decoy);
    const result = extract(document, adapter);
    expect(summary(result)).toEqual(EXPECTED);
    for (const item of result.items) expect(resolvePath(document, item.path), item.path).not.toBeNull();
  });
});

describe('a generated 5,000-element dashboard', () => {
  const dashboard = generateDashboard();
  const document = parsePage(dashboard.html);

  it('has about 5,000 elements', () => {
    expect(document.querySelectorAll('*').length).toBeGreaterThanOrEqual(5000);
  });

  it('reads exactly the figures it prints, and none of the hundreds of activity amounts', () => {
    const result = extract(document, DASHBOARD_ADAPTER);
    expect(result.problems).toEqual([]);
    expect(result.items.map((i) => [i.figureKey, i.account, i.amount?.minor, i.period])).toEqual([
      ['total-balance', null, dashboard.totalMinor, null],
      ['buying-power', null, dashboard.buyingPowerMinor, null],
      ...dashboard.accounts.map((a) => ['account-balance', a.name, a.balanceMinor, null]),
      ['dividends', null, dashboard.dividendsMinor, dashboard.dividendsPeriod],
    ]);
    expect(result.items.find((i) => i.figureKey === 'total-balance')!.total).toBe(true);
    expect(result.items.find((i) => i.figureKey === 'dividends')!.incomeKind).toBe('dividend');
  });

  it('reads the same again (nothing is left over between runs)', () => {
    expect(extract(document, DASHBOARD_ADAPTER)).toEqual(extract(document, DASHBOARD_ADAPTER));
  });
});

describe('paths', () => {
  it('round-trip through cssPath and resolvePath, and agree with querySelector', () => {
    const document = loadFixture('cards');
    for (const el of Array.from(document.querySelectorAll('strong, h3, b, span'))) {
      const path = cssPath(el);
      expect(path).toMatch(/^html > body:nth-of-type\(1\)( > [a-z0-9]+:nth-of-type\(\d+\))+$/);
      expect(resolvePath(document, path)).toBe(el);
      expect(document.querySelector(path)).toBe(el);
    }
  });

  it('reach into an open shadow root with " >>> "', () => {
    const document = parsePage('<!DOCTYPE html><html><body><main><x-card></x-card></main></body></html>');
    const host = document.querySelector('x-card')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<section><h3>Total balance</h3><p>$70.00</p></section>';
    const result = extract(document, adapter);
    expect(result.items.map((i) => [i.figureKey, i.amount?.minor])).toEqual([['total', 7000]]);
    const path = result.items[0]!.path;
    expect(path).toBe('html > body:nth-of-type(1) > main:nth-of-type(1) > x-card:nth-of-type(1) >>> section:nth-of-type(1) > p:nth-of-type(1)');
    expect(resolvePath(document, path)?.textContent).toBe('$70.00');
  });

  it('refuse anything that is not a tag-and-position path, without throwing', () => {
    const document = loadFixture('cards');
    for (const bad of ['', 'div.figure', '#pv-h', 'a[href]', '*', 'html > body:nth-of-type(1) > script:nth-of-type(1)', 'html > body:nth-of-type(99)', 'html >', ':scope']) {
      expect(resolvePath(document, bad), bad).toBeNull();
    }
  });
});

describe('computedHidden', () => {
  it('says "not hidden" where there is no browser to ask (linkedom has no styles)', () => {
    const document = parsePage('<p style="display:none">x</p>');
    expect(computedHidden(document.querySelector('p')!)).toBe(false);
  });
});
