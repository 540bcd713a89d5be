/**
 * Serves the built site (npm run site:serve; npm start runs it last) until
 * stopped with Ctrl-C. PORT picks the port (default 4173, or the next free one).
 */
import { existsSync } from 'node:fs';
import { SITE_OUT_DIR } from './config';
import { startSiteServer } from './server';

if (!existsSync(`${SITE_OUT_DIR}/index.html`)) {
  console.error(`No built site in ${SITE_OUT_DIR}: run npm run site:build first.`);
  process.exit(1);
}
const server = await startSiteServer(SITE_OUT_DIR, Number(process.env['PORT'] ?? 4173));
console.log(`
The Strata site is served at  ${server.url}
  landing page      ${server.url}index.html
  layer assessment  ${server.url}assessment.html
  live demo         ${server.url}demo.html
  privacy policy    ${server.url}privacy.html
Everything it shows runs in your browser; stop the server with Ctrl-C.`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
