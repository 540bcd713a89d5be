/**
 * The site build's install links: the store zips `wxt zip` leaves in .output
 * (strata-<version>-<browser>.zip), never the sources zip or a test build's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findZips } from '@/site/prerender';

describe('findZips', () => {
  it('finds the Chrome and Firefox store zips and nothing else', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'strata-zips-'));
    try {
      for (const name of ['strata-0.1.0-chrome.zip', 'strata-0.1.0-firefox.zip', 'strata-0.1.0-sources.zip', 'strata-0.1.0-e2e-chrome.zip', 'notes.txt']) {
        writeFileSync(path.join(dir, name), 'x');
      }
      expect(findZips(dir)).toEqual({ chrome: 'strata-0.1.0-chrome.zip', firefox: 'strata-0.1.0-firefox.zip' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds nothing in a folder without zips, or no folder at all', () => {
    expect(findZips(path.join(os.tmpdir(), 'strata-no-such-folder'))).toEqual({});
  });
});
