/**
 * Builds the static site into .output/site (npm run site:build).
 */
import { build } from 'vite';
import { siteConfig, SITE_OUT_DIR } from './config';

const started = performance.now();
await build(siteConfig());
console.log(`Site built into ${SITE_OUT_DIR} in ${Math.round(performance.now() - started)} ms`);
