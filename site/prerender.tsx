/**
 * A Vite plugin that renders each page's content at build time: the
 * `<!--page-->` outlet of site/<page>.html is replaced by the page's Preact
 * tree rendered to HTML, and `<!--title-->` by its title. The landing and
 * privacy pages are then complete without JavaScript; the assessment and
 * demo pages mount their interactive part into an element of that HTML.
 */
import { basename } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import type { Plugin } from 'vite';
import { SITE_PAGES, type SitePageFile } from './pages/registry';
import { Layout } from './pages/Layout';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The full HTML of a page's body content (what replaces `<!--page-->`). */
export function renderPage(file: SitePageFile): string {
  const page = SITE_PAGES[file];
  return renderToString(
    <Layout current={file} title={page.title}>
      {page.render()}
    </Layout>,
  );
}

export function prerenderPages(): Plugin {
  return {
    name: 'strata-prerender',
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
          .replace('<!--page-->', renderPage(file));
      },
    },
  };
}
