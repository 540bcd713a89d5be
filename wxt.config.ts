import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Strata',
    description:
      'Local-first passive-income tracker: balances, income and a layered plan, kept on your own machine.',
    // No permissions at install: data lives in the extension's own IndexedDB.
    permissions: [],
    // Host access is asked for per site at run time; nothing at install.
    optional_host_permissions: ['https://*/*'],
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
});
