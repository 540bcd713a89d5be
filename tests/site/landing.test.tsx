/**
 * The landing page and the shared layout, rendered to static HTML as the
 * build does (preact-render-to-string) and read back with linkedom: the
 * layout's frame, the four layers' facts, the supported sites and import
 * formats generated from their registries (every adapter must appear), the
 * install section with and without the store zips, and the rules every page
 * keeps — no script, every link relative.
 */
import { parseHTML } from 'linkedom';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { LAYER_FACTS } from '@/utils/analytics/layers';
import { ALL_ADAPTERS } from '@/utils/capture/adapters';
import type { SiteAdapter } from '@/utils/capture/types';
import { LAYERS } from '@/utils/db/schema';
import { FORMATS } from '@/utils/importers/formats';
import { LAYER_LABELS, LAYER_METHODS } from '@/utils/labels';
import { LandingPage } from '@/site/pages/Landing';
import { Layout, NAV_ENTRIES } from '@/site/pages/Layout';
import { figureGroups, figureKindsText, importFormatGroups, supportedSitesByLayer } from '@/site/pages/landing-sites';
import { fileNameOf } from '@/site/pages/landing-install';
import { SITE_PAGE_FILES, SITE_PAGES, type SiteBuildInfo, type SitePageFile } from '@/site/pages/registry';

const NO_ZIPS: SiteBuildInfo = { version: '0.1.0', downloads: {} };
const BOTH_ZIPS: SiteBuildInfo = {
  version: '0.1.0',
  downloads: { chrome: './downloads/strata-0.1.0-chrome.zip', firefox: './downloads/strata-0.1.0-firefox.zip' },
};

/** The page as prerender.tsx renders it: Layout around the page's content. */
function renderSitePage(file: SitePageFile, build: SiteBuildInfo): string {
  const page = SITE_PAGES[file];
  return renderToString(
    <Layout current={file} title={page.title}>
      {page.render(build)}
    </Layout>,
  );
}

function parse(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

function byTestId(doc: Document, id: string): Element {
  const found = doc.querySelector(`[data-testid="${id}"]`);
  if (!found) throw new Error(`no element with data-testid="${id}"`);
  return found;
}

/** Text with white space collapsed, as a person reads it. */
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('Layout', () => {
  it('starts with a skip link to #main and wraps the page in <main id="main">', () => {
    const doc = parse(renderToString(<Layout current="privacy.html" title="t"><p>Body</p></Layout>));
    const first = doc.querySelector('a')!;
    expect(first.getAttribute('href')).toBe('#main');
    expect(text(first)).toBe('Skip to content');
    expect(text(doc.querySelector('main#main'))).toBe('Body');
    expect(text(doc.querySelector('header'))).toContain('Strata');
  });

  it('marks exactly the current page in the navigation, for every page', () => {
    for (const file of SITE_PAGE_FILES) {
      const doc = parse(renderToString(<Layout current={file} title="t">x</Layout>));
      const current = [...doc.querySelectorAll('[aria-current]')];
      expect(current.map((a) => a.getAttribute('href')), file).toEqual([`./${file}`]);
      expect(current[0]!.getAttribute('aria-current')).toBe('page');
      expect(current[0]!.closest('nav')).not.toBeNull();
    }
  });

  it('lists the four pages in order with relative links, named as the registry names them', () => {
    const doc = parse(renderToString(<Layout current="index.html" title="t">x</Layout>));
    const links = [...doc.querySelectorAll('nav a')].map((a) => [a.getAttribute('href'), text(a)]);
    expect(links).toEqual([
      ['./index.html', 'Home'],
      ['./assessment.html', 'Assessment'],
      ['./demo.html', 'Demo'],
      ['./privacy.html', 'Privacy'],
    ]);
    expect(NAV_ENTRIES.map((e) => e.file)).toEqual([...SITE_PAGE_FILES]);
    expect(NAV_ENTRIES.map((e) => e.label)).toEqual(SITE_PAGE_FILES.map((f) => SITE_PAGES[f].navLabel));
  });

  it('has a footer with the privacy policy and the no-cookies line', () => {
    const doc = parse(renderToString(<Layout current="demo.html" title="t">x</Layout>));
    const footer = doc.querySelector('footer')!;
    expect(footer.querySelector('a')!.getAttribute('href')).toBe('./privacy.html');
    expect(text(footer)).toContain('No cookies, no analytics, no server: this site only serves files.');
  });
});

describe('every page', () => {
  for (const build of [NO_ZIPS, BOTH_ZIPS]) {
    for (const file of SITE_PAGE_FILES) {
      it(`${file} (${build.downloads.chrome ? 'with' : 'without'} zips): no script, links relative or in-page only`, () => {
        const html = renderSitePage(file, build);
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/\son[a-z]+=/i);
        const doc = parse(html);
        for (const el of doc.querySelectorAll('[href], [src]')) {
          const link = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
          expect(link, `${file}: ${el.outerHTML}`).toMatch(/^(\.\/|#)/);
        }
        // Browser addresses may be shown as text to type, never as links; no other origin is linked at all.
        expect(html).not.toMatch(/href="(https?:|\/\/|chrome:|about:)/i);
      });
    }
  }
});

describe('LandingPage', () => {
  const doc = parse(renderSitePage('index.html', NO_ZIPS));
  const landing = byTestId(doc, 'landing');

  it('says what Strata is and links the assessment and the demo', () => {
    const intro = landing.querySelector('section')!;
    expect(text(intro.querySelector('h1'))).toContain('Strata');
    const hrefs = [...intro.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('./assessment.html');
    expect(hrefs).toContain('./demo.html');
  });

  it('shows each layer with its facts from LAYER_FACTS, risk in words', () => {
    for (const layer of LAYERS) {
      const card = byTestId(doc, `layer-${layer}`);
      const facts = LAYER_FACTS[layer];
      const cardText = text(card);
      expect(cardText).toContain(LAYER_LABELS[layer]);
      expect(cardText).toContain(LAYER_METHODS[layer]);
      expect(cardText).toContain(facts.timeToPassive);
      expect(cardText).toContain(facts.startupCapital);
      expect(cardText).toContain(facts.summary.replace(/\s+/g, ' '));
      expect(text(card.querySelector('.risk'))).toBe(facts.risk);
    }
    // Hand-read from layers.ts: acceleration is the one "very high" risk, foundation the one "low".
    expect(text(byTestId(doc, 'layer-acceleration').querySelector('.risk'))).toBe('very high');
    expect(text(byTestId(doc, 'layer-foundation').querySelector('.risk'))).toBe('low');
    expect(text(byTestId(doc, 'layer-leverage'))).toContain('Typically 6–24 months of work before meaningful income');
  });

  it('is honest about the odds', () => {
    const honest = text(byTestId(doc, 'layers-honest'));
    expect(honest).toContain('Most content sites never earn meaningful income');
    expect(honest).toContain('most retail traders lose money');
    expect(honest).toContain('not promises');
  });

  it('explains capture: grant per site, labels, confirm, CSV, teach, IndexedDB, Web Worker', () => {
    const all = text(landing);
    for (const phrase of ['one site at a time', 'Options → Sources', '“Total balance”', 'saves only when you confirm', 'CSV export', 'Teach this page', 'IndexedDB', 'Web Worker']) {
      expect(all).toContain(phrase);
    }
  });

  it('states the privacy promise and links the policy', () => {
    const promise = byTestId(doc, 'privacy-promise');
    const promiseText = text(promise);
    for (const phrase of ['Accounts and balances', 'Imported transactions', 'assessment answers', 'browser profile, on this device', 'no request to any server', 'No bank credentials', 'No remote code', 'no cookies', 'one site at a time']) {
      expect(promiseText).toContain(phrase);
    }
    expect([...promise.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toContain('./privacy.html');
  });
});

describe('supported sites', () => {
  const doc = parse(renderSitePage('index.html', NO_ZIPS));
  const section = byTestId(doc, 'supported-sites');

  it('lists every adapter of ALL_ADAPTERS, with its name and every host, once', () => {
    const rows = section.querySelectorAll('[data-testid^="supported-site-"]');
    expect(rows.length).toBe(ALL_ADAPTERS.length);
    for (const adapter of ALL_ADAPTERS) {
      const row = byTestId(section as unknown as Document, `supported-site-${adapter.id}`);
      expect(text(row.querySelector('th')), adapter.id).toBe(adapter.name);
      const codes = [...row.querySelectorAll('code')].map((c) => text(c));
      for (const host of adapter.hosts) expect(codes, adapter.id).toContain(host);
      for (const path of adapter.paths) expect(codes, adapter.id).toContain(path);
      // Under the heading of its own layer.
      expect(row.closest(`[data-testid="supported-layer-${adapter.layer}"]`), adapter.id).not.toBeNull();
    }
  });

  it('says what Fidelity reads, in its own words (hand-read from fidelity.ts)', () => {
    const row = byTestId(section as unknown as Document, 'supported-site-fidelity');
    expect(text(row)).toContain('balance: “Total balance (total of the accounts listed)”, “Balance (each account)”');
    expect(text(row)).toContain('/ftgw/digital/portfolio/summary');
  });

  it('notes the wildcard host and the paper pages where an adapter has them', () => {
    expect(text(byTestId(section as unknown as Document, 'supported-site-substack'))).toContain('* is your own name there');
    expect(text(byTestId(section as unknown as Document, 'supported-site-alpaca'))).toContain('Paper-trading pages are kept apart');
    expect(text(byTestId(section as unknown as Document, 'supported-site-fidelity'))).not.toContain('Paper-trading');
  });

  it('lists every import format by its human name, and how to cover anything else', () => {
    const formats = byTestId(section as unknown as Document, 'import-formats');
    const names = [...formats.querySelectorAll('li')].map((li) => text(li));
    expect(names.sort()).toEqual(FORMATS.map((f) => f.label).sort());
    expect(text(section)).toContain('any other page can be taught');
  });

  it('scrolls each layer’s table inside a focusable, labelled box', () => {
    for (const box of section.querySelectorAll('.table-scroll')) {
      expect(box.getAttribute('tabindex')).toBe('0');
      expect(box.getAttribute('role')).toBe('region');
      expect(doc.getElementById(box.getAttribute('aria-labelledby')!)).not.toBeNull();
    }
  });
});

describe('landing-sites data', () => {
  it('groups figures by kind, in first-seen order, with scope notes', () => {
    const adapter: Pick<SiteAdapter, 'figures'> = {
      figures: [
        { key: 'total', kind: 'balance', labels: ['Total balance'], scope: 'page', total: true },
        { key: 'mrr', kind: 'mrr', labels: ['MRR'], scope: 'page', metric: 'mrr' },
        { key: 'acct', kind: 'balance', labels: ['Balance'], scope: 'account' },
        { key: 'net', kind: 'earnings', labels: ['Net volume', 'Net volume from sales'], scope: 'page' },
      ],
    };
    const groups = figureGroups(adapter);
    expect(groups).toEqual([
      { kind: 'balance', words: 'balance', labels: ['Total balance (total of the accounts listed)', 'Balance (each account)'] },
      { kind: 'mrr', words: 'recurring revenue (MRR)', labels: ['MRR'] },
      { kind: 'earnings', words: 'earnings', labels: ['Net volume', 'Net volume from sales'] },
    ]);
    expect(figureKindsText(groups)).toBe('balance, recurring revenue (MRR) and earnings');
  });

  it('groups the registries by layer and by format group (counts hand-counted from the registries)', () => {
    const byLayer = Object.fromEntries(supportedSitesByLayer().map((g) => [g.layer, g.sites.map((s) => s.name)]));
    // adapters/index.ts: 6 foundation, 4 leverage, 3 acceleration, 3 compounding = 16.
    expect(byLayer['foundation']).toEqual(['Betterment', 'Charles Schwab', 'Fidelity', 'Fundrise', 'Vanguard', 'Wealthfront']);
    expect(byLayer['leverage']).toEqual(['Amazon Associates', 'Google AdSense', 'Substack', 'YouTube Studio']);
    expect(byLayer['acceleration']).toEqual(['Alpaca', 'Interactive Brokers', 'Robinhood']);
    expect(byLayer['compounding']).toEqual(['Gumroad', 'Lemon Squeezy', 'Stripe']);
    // formats/index.ts: 14 brokerage (Schwab 3, Fidelity 2, Vanguard, Robinhood, TD Ameritrade, Betterment 2, IBKR 3, OFX),
    // 7 income (Amazon, AdSense, YouTube, Stripe 2, Gumroad, Lemon Squeezy), 2 bank = 23.
    expect(importFormatGroups().map((g) => [g.group, g.names.length])).toEqual([
      ['brokerage', 14],
      ['income', 7],
      ['bank', 2],
    ]);
  });
});

describe('install', () => {
  it('links the store zips by file name when the build has them', () => {
    const install = byTestId(parse(renderSitePage('index.html', BOTH_ZIPS)), 'install');
    expect(install.id).toBe('install');
    const links = [...install.querySelectorAll('a')].map((a) => [a.getAttribute('href'), text(a), text(a.closest('li'))]);
    expect(links).toEqual([
      ['./downloads/strata-0.1.0-chrome.zip', 'strata-0.1.0-chrome.zip', 'strata-0.1.0-chrome.zip for Chrome, Edge, Brave'],
      ['./downloads/strata-0.1.0-firefox.zip', 'strata-0.1.0-firefox.zip', 'strata-0.1.0-firefox.zip for Firefox 128+'],
    ]);
    expect(install.querySelector('[data-testid="install-build"]')).toBeNull();
  });

  it('says how to build them when the build has none', () => {
    const install = byTestId(parse(renderSitePage('index.html', NO_ZIPS)), 'install');
    expect(install.querySelectorAll('a')).toHaveLength(0);
    expect(text(install.querySelector('[data-testid="install-build"]'))).toContain('npm start');
  });

  it('notes the missing one when only one zip was built', () => {
    const build: SiteBuildInfo = { version: '0.1.0', downloads: { chrome: './downloads/strata-0.1.0-chrome.zip' } };
    const install = byTestId(parse(renderSitePage('index.html', build)), 'install');
    expect([...install.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['./downloads/strata-0.1.0-chrome.zip']);
    expect(text(install)).toContain('The other package was not built');
  });

  it('explains loading the unpacked build in both browsers, and that there is no store listing yet', () => {
    const all = text(byTestId(parse(renderSitePage('index.html', NO_ZIPS)), 'install'));
    for (const phrase of ['chrome://extensions', 'Developer mode', 'Load unpacked', '.output/chrome-mv3', 'about:debugging#/runtime/this-firefox', 'Load Temporary Add-on', 'manifest.json', '.output/firefox-mv3', 'not in the Chrome Web Store or on Firefox Add-ons yet']) {
      expect(all).toContain(phrase);
    }
  });

  it('names a download by its file', () => {
    expect(fileNameOf('./downloads/strata-0.1.0-firefox.zip')).toBe('strata-0.1.0-firefox.zip');
  });
});
