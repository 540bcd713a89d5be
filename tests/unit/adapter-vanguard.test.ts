/**
 * The Vanguard adapter against its two fixture pages (the real dashboard's
 * words and structure; b.html the same words in other markup), through the
 * real extractor on a linkedom DOM, with the values checked by hand in
 * tests/fixtures/capture/vanguard/expected.ts.
 */
import { describe, expect, it } from 'vitest';
import { vanguardAdapter } from '@/utils/capture/adapters/vanguard';
import { extract, resolvePath } from '@/utils/capture/extract';
import { matchAdapter } from '@/utils/capture/match';
import { expectedA, expectedB, maskedAccount } from '@/tests/fixtures/capture/vanguard/expected';
import { loadCaptureFixture, expectItemsWellFormed, FOUNDATION_ADAPTERS, asFoundationExpected, byFigureAndAccount } from './capture-adapter-suite';

const PAGE_URL = 'https://dashboard.web.vanguard.com/';

/** Figures that only sum the accounts beside them. */
const TOTAL_KEYS: string[] = ['total-balance'];

describe('vanguard adapter', () => {
  for (const [name, expected] of [['a', expectedA], ['b', expectedB]] as const) {
    it(`reads exactly the hand-checked figures from ${name}.html`, () => {
      const document = loadCaptureFixture('vanguard', `${name}.html`);
      const result = extract(document, vanguardAdapter, { url: PAGE_URL });

      expect(result.site).toBe('vanguard');
      expect(result.adapterVersion).toBe(vanguardAdapter.version);
      expect(result.items.map(asFoundationExpected).sort(byFigureAndAccount)).toEqual([...expected].sort(byFigureAndAccount));
      for (const item of result.items) {
        expect(item.total ?? false, item.figureKey).toBe(TOTAL_KEYS.includes(item.figureKey));
      }
      expectItemsWellFormed(document, result.items);
      // The account is listed but shows no figure: a problem naming it, never an item or a zero.
      expect(result.problems.some((p) => p.account === maskedAccount), JSON.stringify(result.problems)).toBe(true);
      expect(result.items.some((i) => i.account === maskedAccount)).toBe(false);
    });
  }

  it('reads the widgets inside their open shadow roots, as the real dashboard renders them', () => {
    // dashboard.web.vanguard.com renders each widget (gyd-greetings-widget,
    // gyd-accounts-widget …) into an open shadow root: the same markup, but
    // not in the document's light tree.
    const document = loadCaptureFixture('vanguard', 'a.html');
    for (const tag of ['gyd-greetings-widget', 'gyd-accounts-widget', 'gyd-activity-widget']) {
      const host = document.querySelector(tag);
      if (host === null) throw new Error(`fixture lacks <${tag}>`);
      const shadow = host.attachShadow({ mode: 'open' });
      while (host.firstChild !== null) shadow.appendChild(host.firstChild);
    }
    expect(document.querySelector('.individual-account-container')).toBeNull();

    const result = extract(document, vanguardAdapter, { url: PAGE_URL });
    expect(result.items.map(asFoundationExpected).sort(byFigureAndAccount)).toEqual([...expectedA].sort(byFigureAndAccount));
  });

  it('gives each figure read inside a shadow root a path that finds that figure again', () => {
    // The path is how the overlay highlights a figure and a taught rule's
    // fallback: from the document it must lead to the amount shown, even
    // when the amount lives in a widget's shadow root.
    const document = loadCaptureFixture('vanguard', 'a.html');
    for (const tag of ['gyd-greetings-widget', 'gyd-accounts-widget', 'gyd-activity-widget']) {
      const host = document.querySelector(tag);
      if (host === null) throw new Error(`fixture lacks <${tag}>`);
      const shadow = host.attachShadow({ mode: 'open' });
      while (host.firstChild !== null) shadow.appendChild(host.firstChild);
    }
    const result = extract(document, vanguardAdapter, { url: PAGE_URL });
    expect(result.items.length).toBe(expectedA.length);
    for (const item of result.items) {
      const found = resolvePath(document, item.path);
      expect(found, `${item.account ?? item.label}: ${item.path}`).not.toBeNull();
      expect(found?.textContent?.replace(/\s+/g, ''), item.path).toContain(item.rawText.replace(/\s+/g, ''));
    }
  });

  it('is the adapter matched for its real dashboard URLs', () => {
    for (const url of [
      'https://dashboard.web.vanguard.com/',
      'https://dashboard.web.vanguard.com',
      'https://dashboard.web.vanguard.com/?sign-in=true',
    ]) {
      expect(matchAdapter(url, FOUNDATION_ADAPTERS)?.id, url).toBe('vanguard');
    }
  });

  it('is not matched for other paths or hosts', () => {
    for (const [url, why] of [
      ['https://dashboard.web.vanguard.com/profile', 'another page on the host'],
      ['https://holdings.web.vanguard.com/', 'the holdings host'],
      ['https://investor.vanguard.com/', 'the public site'],
      ['https://dashboard.web.vanguard.com.evil.example/', 'a look-alike host'],
      ['http://dashboard.web.vanguard.com/', 'plain http'],
    ] as const) {
      expect(matchAdapter(url, FOUNDATION_ADAPTERS), why).toBeNull();
    }
  });

  it('declares the Foundation layer, its account kind and USD', () => {
    expect(vanguardAdapter.layer).toBe('foundation');
    expect(vanguardAdapter.accountKind).toBe('brokerage');
    expect(vanguardAdapter.currency).toBe('USD');
  });
});
