/**
 * Builds the Chrome extension before the end-to-end run, so the tests never
 * exercise a stale build:
 * - the shipped build (`npx wxt build` → .output/chrome-mv3), skipped when
 *   STRATA_EXTENSION_DIR points at another build;
 * - the end-to-end capture build (`STRATA_E2E_GRANT_HOSTS=1 npx wxt build` →
 *   .output/e2e-chrome-mv3: the supported hosts granted at install, for
 *   tests/e2e/capture*.e2e.ts), skipped when STRATA_E2E_CAPTURE_EXTENSION_DIR
 *   points at another build.
 * - the static site (`npx tsx site/build.ts` → .output/site, for
 *   tests/e2e/site.e2e.ts), after the extension so its install links find
 *   the store zips when they exist.
 * All are skipped when STRATA_E2E_SKIP_BUILD=1 (scripts/test.sh has just
 * built them).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function buildExtensionOnce(): void {
  if (process.env['STRATA_E2E_SKIP_BUILD'] === '1') return;
  if (!process.env['STRATA_EXTENSION_DIR']) {
    console.log('[e2e] building the Chrome extension: npx wxt build');
    execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  if (!process.env['STRATA_E2E_CAPTURE_EXTENSION_DIR']) {
    console.log('[e2e] building the end-to-end capture build: STRATA_E2E_GRANT_HOSTS=1 npx wxt build (.output/e2e-chrome-mv3)');
    execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, STRATA_E2E_GRANT_HOSTS: '1' } });
  }
  console.log('[e2e] building the static site: npx tsx site/build.ts (.output/site)');
  execFileSync('npx', ['tsx', 'site/build.ts'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
