import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { OVERLAY_PAGE, SUPPORTED_ORIGINS, TAUGHT_SITES_ORIGIN } from './utils/capture/host-permissions';

/**
 * TEST-ONLY: STRATA_E2E_GRANT_HOSTS=1 builds an end-to-end extension that is
 * granted the supported sites at install (host_permissions) and runs the
 * capture content script on them from the manifest (a static content_scripts
 * entry), because a browser under test cannot answer a permission prompt.
 * A comma-separated list of hosts ("digital.fidelity.com,app.gumroad.com")
 * grants only those. That build goes to .output/e2e-<browser>-mv3, never
 * to the shipped .output/<browser>-mv3 or its zips; the shipped build asks for
 * no host access at install (scripts/test.sh checks its manifest).
 */
const E2E_GRANT = process.env['STRATA_E2E_GRANT_HOSTS']?.trim() ?? '';
const E2E_ORIGINS =
  E2E_GRANT === ''
    ? []
    : E2E_GRANT === '1'
      ? [...SUPPORTED_ORIGINS]
      : E2E_GRANT.split(',').map((host) => `https://${host.trim().toLowerCase()}/*`);

// See https://wxt.dev/api/config.html
export default defineConfig({
  ...(E2E_ORIGINS.length > 0 ? { outDirTemplate: 'e2e-{{browser}}-mv{{manifestVersion}}{{modeSuffix}}' } : {}),
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Strata',
    description:
      'Local-first passive-income tracker: balances, income and a layered plan, kept on your own machine.',
    // scripting: register the capture script on the sites the person allows,
    // and inject it (or teach mode) into the current tab from the popup;
    // activeTab: that one-off access to the current tab, no host permission.
    // alarms: the daily allocation-drift check (toolbar badge).
    permissions: ['scripting', 'activeTab', 'alarms'],
    // notifications: only when the person turns drift notifications on.
    optional_permissions: ['notifications'],
    // Host access is asked for per site at run time (options → Sources);
    // nothing at install. Written by hand: WXT turns a runtime-registered
    // content script's `matches` into required host_permissions.
    optional_host_permissions: [...SUPPORTED_ORIGINS, TAUGHT_SITES_ORIGIN],
    // The capture overlay is an extension page framed in the page it reads.
    web_accessible_resources: [{ resources: [OVERLAY_PAGE], matches: [TAUGHT_SITES_ORIGIN] }],
    ...(E2E_ORIGINS.length > 0 ? { host_permissions: E2E_ORIGINS } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'strata@strata-tracker.local',
              strict_min_version: '128.0',
              // Strata collects nothing: everything stays on the machine.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated'(_wxt, manifest) {
      if (E2E_ORIGINS.length === 0) return;
      // TEST-ONLY (see above): the capture script on the granted test hosts from the manifest.
      manifest.content_scripts ??= [];
      manifest.content_scripts.push({ matches: E2E_ORIGINS, js: ['content-scripts/capture.js'], run_at: 'document_idle' });
    },
  },
});
