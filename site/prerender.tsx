/**
 * A Vite plugin that renders each page's content at build time: the
 * `<!--page-->` outlet of site/<page>.html is replaced by the page's Preact
 * tree rendered to HTML, and `<!--title-->` by its title. The landing and
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
        if (!html.includes('<!--page-->')) throw new Error(`site/${file} has no <!--page--> outlet`);
        return html
          .replace('<!--title-->', escapeHtml(page.title))
          .replace('<!--description-->', escapeHtml(page.description))
          .replace('<!--page-->', renderPage(file, build));
      },
    },
  };
}
