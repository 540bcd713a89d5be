import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: pure core in Node, IndexedDB faked by fake-indexeddb,
// browser APIs by wxt's fakeBrowser. End-to-end tests have their own config.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/site/**/*.test.{ts,tsx}', 'tests/demo/**/*.test.{ts,tsx}', 'utils/**/*.test.ts', 'entrypoints/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
  },
});
