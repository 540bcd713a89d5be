import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real headless Chromium (tests/e2e/harness.ts).
// No fake-indexeddb and no fake browser here: everything is the real thing.
// Files run one after another (each launches a browser; two cores are enough).
export default defineConfig({
  // The engine code the tests compare against imports through "@/", as in the app.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
