/**
 * Builds the Chrome extension before the end-to-end run, so the tests never
 * exercise a stale build. Skipped when STRATA_E2E_SKIP_BUILD=1 (scripts/test.sh
 * has just built it) or when STRATA_EXTENSION_DIR points at another build.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function buildExtensionOnce(): void {
  if (process.env['STRATA_E2E_SKIP_BUILD'] === '1' || process.env['STRATA_EXTENSION_DIR']) return;
  console.log('[e2e] building the Chrome extension: npx wxt build');
  execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
