/**
 * The static site's Vite configuration: four pages (landing, assessment,
 * demo, privacy) built into .output/site with relative paths only, so the
 * folder can be served from any static host and any sub-path.
 *
 * Built by site/build.ts (tsx), not by `vite --config`: the pages are
 * pre-rendered with Preact at build time from components and utils that
 * import through the "@/" alias, which Vite's config loader cannot resolve.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { InlineConfig } from 'vite';
import { prerenderPages } from './prerender';
import { SITE_PAGE_FILES } from './pages/registry';

const siteDir = fileURLToPath(new URL('.', import.meta.url));
const rootDir = resolve(siteDir, '..');

export const SITE_OUT_DIR = resolve(rootDir, '.output/site');

function packageVersion(): string {
  return (JSON.parse(readFileSync(resolve(rootDir, 'package.json'), 'utf8')) as { version: string }).version;
}

export function siteConfig(): InlineConfig {
  return {
    configFile: false,
    root: siteDir,
    base: './',
    logLevel: 'warn',
    publicDir: false,
    resolve: {
      alias: [
        // The extension's browser API does not exist on a web page: the site gets a stand-in (site/shims/browser.ts).
        { find: /^wxt\/browser$/, replacement: resolve(siteDir, 'shims/browser.ts') },
        { find: /^@\//, replacement: rootDir + '/' },
      ],
    },
    plugins: [preact(), prerenderPages({ extensionOutputDir: resolve(rootDir, '.output'), version: packageVersion() })],
    worker: { format: 'es' },
    build: {
      outDir: SITE_OUT_DIR,
      emptyOutDir: true,
      target: 'es2022',
      // Every file under its own name; nothing inlined as a data: URL the privacy check would have to explain.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      // The demo's dashboard (every section, uPlot, Dexie) is one page's code, loaded only on demo.html.
      chunkSizeWarningLimit: 1024,
      rollupOptions: {
        input: Object.fromEntries(SITE_PAGE_FILES.map((file) => [file.replace(/\.html$/, ''), resolve(siteDir, file)])),
      },
    },
  };
}
