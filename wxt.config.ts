import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Strata',
    description:
      'Local-first passive-income tracker: balances, income and a layered plan, kept on your own machine.',
    permissions: ['storage'],
    // Host access is asked for per site at run time; nothing at install.
    optional_host_permissions: ['https://*/*'],
  },
});
