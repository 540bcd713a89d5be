/**
 * A hostile page at a supported site's address, in real Chromium with the
 * end-to-end build: tests/fixtures/capture/hostile/fidelity-summary.html
 * served at https://digital.fidelity.com/ftgw/digital/portfolio/summary (see
 * the comment at its top for what it does). Proved here:
 * - the overlay shows the page's markup-looking account names as text, and
 *   the masked and compact-only balances as problems with their reasons —
 *   never as $0.00 — while the page's DOM clobbering is in force;
 * - no script hidden in the labels runs, in the page, the overlay or later
 *   on the options page (the canary window.__strataPwned stays unset);
 * - the page's forged window messages, DOM events, synthetic clicks and keys,
 *   shadow-root theft and its own frame of capture-overlay.html write
 *   nothing to the database (read straight from IndexedDB), and its frame
 *   shows nothing;
 * - the person can still save from Strata's own overlay, and exactly what
 *   they chose is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { readStoredRows, waitUntil } from './harness';
import { assertOnlyFixturePagesFetched, launchWithFixtures, overlayValues, waitForOverlay, type CaptureHarness } from './https-fixtures';

const HOSTILE = { host: 'digital.fidelity.com', path: '/ftgw/digital/portfolio/summary', file: 'hostile/fidelity-summary.html' };
/** The key the page guesses for its own overlay frame. */
const FORGED_KEY = 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa';
const IMG_NAME = `<img src=x onerror="window.__strataPwned='label-img'">`;
const SCRIPT_NAME = `<script>window.__strataPwned='label-script'</script>Joint`;
const DATA_STORES = ['accounts', 'balanceSnapshots', 'streams', 'incomeEvents', 'metricSnapshots', 'captureMappings', 'captureRules'];

let capture: CaptureHarness;
let page: Page;
let overlay: Frame;

beforeAll(async () => {
  capture = await launchWithFixtures([HOSTILE], { locale: 'en-US' });
  page = await capture.harness.context.newPage();
  await page.goto(capture.fixtures.url(HOSTILE.host, HOSTILE.path));
  overlay = await waitForOverlay(page, { not: (f) => f.url().includes(`k=${FORGED_KEY}`) });
});

afterAll(async () => {
  await capture?.close();
});

interface AttackLog {
  posted: number;
  clicked: string[];
  keys: number;
  stolenRoots: number;
  framesReachable: number;
  forgedFrame: string | null;
  errors: string[];
  extensionIdSeen: string | null;
}

async function shownFigures(frame: Frame): Promise<string[]> {
  const values = await overlayValues(frame);
  const names = await frame
    .locator('li.item .what > span:first-child')
    .evaluateAll((nodes) => nodes.map((n) => (n.textContent ?? '').replace(/^Figure \d+: /, '')));
  return names.map((name, i) => `${name} = ${values[i]}`).sort();
}

async function storedData(): Promise<Record<string, unknown[]>> {
  const options = await capture.harness.openOptions();
  try {
    return await readStoredRows(options, DATA_STORES);
  } finally {
    await options.close();
  }
}

const canary = (where: Page | Frame) => where.evaluate(() => (window as unknown as { __strataPwned?: string }).__strataPwned ?? null);

describe('a hostile page at a supported address', () => {
  it("is read while its DOM clobbering is in force: the page's own document methods are its elements", async () => {
    const clobbered = await page.evaluate(() => ({
      getElementById: (document.getElementById as unknown as Element).localName,
      querySelector: (document.querySelector as unknown as Element).localName,
      documentElement: (document.documentElement as Element).localName,
    }));
    expect(clobbered).toEqual({ getElementById: 'form', querySelector: 'form', documentElement: 'form' });
  });

  it('lists the markup-looking account names as text, with the exact figures', async () => {
    expect(await shownFigures(overlay)).toEqual([`${IMG_NAME} = $1,000.00`, `${SCRIPT_NAME} = $2,500.50`, 'Total balance = $3,500.50'].sort());
    // Text, not elements: no <img> or <script> came out of the names.
    await expect(overlay.locator('main img, main script').count()).resolves.toBe(0);
    expect(await canary(page)).toBeNull();
    expect(await canary(overlay)).toBeNull();
  });

  it('reports the masked and the compact-only balances as problems with reasons, never as $0.00', async () => {
    const problems = (await overlay.locator('ul.problems li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(problems.sort()).toEqual([
      'Compact IRA (Balance): only a rounded figure ($1.2K) is shown',
      'Masked Savings (Balance): the amount is masked (••••)',
    ]);
    expect(await overlayValues(overlay)).not.toContain('$0.00');
  });

  it("writes nothing through forged messages, synthetic clicks and keys, or its own overlay frame", async () => {
    const before = await storedData();
    expect(Object.values(before).every((rows) => rows.length === 0)).toBe(true);

    const log = await page.evaluate(
      ([id]) => (window as unknown as { __strataHostileAttack(id: string, rounds: number): Promise<AttackLog> }).__strataHostileAttack(id!, 15),
      [capture.harness.extensionId],
    );
    // The attack really ran, on Strata's own host elements too.
    expect(log.posted).toBeGreaterThan(100);
    expect(log.clicked).toEqual(expect.arrayContaining(['strata-capture-overlay', 'iframe', 'button', 'a']));
    expect(log.keys).toBeGreaterThan(100);
    // Strata's shadow roots are not the page's to take (its patched attachShadow never ran for them).
    expect(log.stolenRoots).toBe(0);
    expect(await page.evaluate(() => document.body.querySelector('strata-capture-overlay')?.shadowRoot ?? null)).toBeNull();

    // The page's own frame of the overlay loaded, and its script could not reach inside it.
    await waitUntil(() => page.evaluate(() => (window as unknown as { __strataHostile: AttackLog }).__strataHostile.forgedFrame !== 'created'), 'the forged frame loads');
    const after = await page.evaluate(() => (window as unknown as { __strataHostile: AttackLog }).__strataHostile);
    expect(after.forgedFrame).toBe('loaded');
    expect(after.errors).toContain('forged frame: SecurityError');

    // It shows nothing: no figures, no Save.
    const forged = page.frames().find((f) => f.url().includes(`k=${FORGED_KEY}`));
    expect(forged, 'the forged overlay frame').toBeDefined();
    await forged!.locator('main.overlay[aria-busy="false"]').waitFor({ state: 'attached' });
    await expect(forged!.getByRole('alert').textContent()).resolves.toBe('This panel was not opened by Strata on this page, so it shows nothing.');
    await expect(forged!.locator('[data-testid^="overlay-value-"]').count()).resolves.toBe(0);
    await expect(forged!.getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);

    // Give any forged write time to land, then read the database directly.
    await new Promise((r) => setTimeout(r, 750));
    expect(await storedData()).toEqual(before);

    // Strata's overlay is still there, unsaved, as it was; and no label script ran anywhere.
    expect(await shownFigures(overlay)).toHaveLength(3);
    await expect(overlay.getByTestId('overlay-result').count()).resolves.toBe(0);
    await expect(overlay.getByRole('button', { name: 'Save', exact: true }).isEnabled()).resolves.toBe(true);
    expect(await canary(page)).toBeNull();
    expect(await canary(overlay)).toBeNull();
  });

  it('still lets the person save from Strata\'s overlay: exactly the two accounts, names kept as text', async () => {
    await overlay.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(overlay.getByTestId('overlay-result').textContent()).resolves.toBe('Saved 2, ignored 1 (new: 2 accounts)');

    const rows = await storedData();
    const accounts = rows['accounts'] as { id: string; institution: string; name: string }[];
    expect(accounts.map((a) => `${a.institution} — ${a.name}`).sort()).toEqual([`Fidelity — ${IMG_NAME}`, `Fidelity — ${SCRIPT_NAME}`].sort());
    const snapshots = rows['balanceSnapshots'] as { amount: { minor: number; currency: string }; source: string }[];
    expect(snapshots.map((s) => [s.amount.minor, s.amount.currency, s.source]).sort()).toEqual([
      [100_000, 'USD', 'capture'],
      [250_050, 'USD', 'capture'],
    ]);

    const options = await capture.harness.openOptions();
    try {
      await options.getByLabel('Show balances of').locator('option').nth(1).waitFor({ state: 'attached' });
      const choices = await options.getByLabel('Show balances of').locator('option').allTextContents();
      expect(choices.sort()).toEqual([`Fidelity — ${IMG_NAME}`, `Fidelity — ${SCRIPT_NAME}`].sort());
      await options.getByLabel('Show balances of').selectOption({ label: `Fidelity — ${IMG_NAME}` });
      await options.locator('caption').filter({ hasText: IMG_NAME }).waitFor();
      await expect(options.locator('img[src="x"], script:not([src])').count()).resolves.toBe(0);
      expect(await canary(options)).toBeNull();
    } finally {
      await options.close();
    }
  });

  it('made no request but the page\'s own navigation, and no page error outside the attack', () => {
    assertOnlyFixturePagesFetched(capture.harness, capture.fixtures);
    expect(capture.harness.pageErrors).toEqual([]);
  });
});
