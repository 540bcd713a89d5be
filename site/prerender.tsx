/**
 * A Vite plugin that renders each page's content at build time: the
 * `<!--page-->` outlet of site/<page>.html is replaced by the page's Preact
 * tree rendered to HTML, and `<!--head-->` by the head every page shares
 * (its title, description and the Content-Security-Policy). The landing and
 * privacy pages are then complete without JavaScript; the assessment and
 * demo pages mount their interactive part into an element of that HTML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import type { Plugin } from 'vite';
import { SITE_PAGES, type SiteBuildInfo, type SitePageFile } from './pages/registry';
import { Layout } from './pages/Layout';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The full HTML of a page's body content (what replaces `<!--page-->`). */
export function renderPage(file: SitePageFile, build: SiteBuildInfo): string {
  const page = SITE_PAGES[file];
  return renderToString(
    <Layout current={file} title={page.title}>
      {page.render(build)}
    </Layout>,
  );
}

/** The store zips in `outputDir` (.output: `wxt zip` writes strata-<version>-<browser>.zip there). */
export function findZips(outputDir: string): { chrome?: string; firefox?: string } {
  let files: string[] = [];
  try {
    files = readdirSync(outputDir);
  } catch {
    return {};
  }
  const zips: { chrome?: string; firefox?: string } = {};
  for (const file of files.sort()) {
    if (file.includes('e2e') || !file.endsWith('.zip')) continue;
    if (file.endsWith('-chrome.zip')) zips.chrome = file;
    if (file.endsWith('-firefox.zip')) zips.firefox = file;
  }
  return zips;
}

/**
 * Renders every page; copies the extension's store zips found in
 * `extensionOutputDir` into the site's downloads/ folder, so its install
 * links are files of the site itself (no other server involved).
 */
/**
 * The head every page shares (replaces `<!--head-->`): the viewport, both
 * colour schemes, no referrer, and a Content-Security-Policy that lets the
 * page load and connect to nothing but its own origin.
 */
export function sharedHead(page: { title: string; description: string }): string {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // Pre-rendered components carry style attributes; uPlot sets styles from script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
  return [
    '<meta name="viewport" content="width=device-width, initial-scale=1.0" />',
    '<meta name="color-scheme" content="light dark" />',
    '<meta name="referrer" content="no-referrer" />',
    '<!-- Nothing is loaded from, or sent to, anywhere but this site itself. -->',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}" />`,
    `<title>${escapeHtml(page.title)}</title>`,
    `<meta name="description" content="${escapeHtml(page.description)}" />`,
  ]
    .map((line) => `    ${line}`)
    .join('\n')
    .trimStart();
}

export function prerenderPages(options: { extensionOutputDir: string; version: string }): Plugin {
  const zips = findZips(options.extensionOutputDir);
  const build: SiteBuildInfo = {
    version: options.version,
    downloads: Object.fromEntries(Object.entries(zips).map(([browser, file]) => [browser, `./downloads/${file}`])),
  };
  return {
    name: 'strata-prerender',
    generateBundle() {
      for (const file of Object.values(zips)) {
        this.emitFile({ type: 'asset', fileName: `downloads/${file}`, source: readFileSync(resolve(options.extensionOutputDir, file)) });
      }
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const file = basename(ctx.filename) as SitePageFile;
        const page = SITE_PAGES[file];
        if (!page) throw new Error(`site/${file} is not in site/pages/registry.tsx`);
        for (const outlet of ['<!--head-->', '<!--page-->']) {
          if (!html.includes(outlet)) throw new Error(`site/${file} has no ${outlet} outlet`);
        }
        return html.replace('<!--head-->', sharedHead(page)).replace('<!--page-->', renderPage(file, build));
      },
    },
  };
}
