/**
 * The capture overlay as a guest in the page, in real Chromium with the
 * end-to-end build: it never moves the page's layout, and it is usable with
 * the keyboard alone.
 *
 * Layout: the same fixture (Fidelity a.html) is served twice by the same
 * server — at a host no capture script matches (layout-baseline.strata.test),
 * where Strata never runs, and at Fidelity's real address, where the overlay
 * and the figures' outlines appear. Every landmark, account link and figure
 * has the same box in both, and the document the same scroll size, with the
 * overlay shown, scrolled, and after it is closed.
 *
 * Keyboard: from the page's last link, Tab enters the overlay; Tab reaches
 * Save without leaving it; Escape closes it without saving; on a second
 * visit Enter on Save saves, and Escape then closes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { readStoredRows } from './harness';
import { assertOnlyFixturePagesFetched, launchWithFixtures, waitForOverlay, waitForOverlayGone, type CaptureHarness } from './https-fixtures';

const PATH = '/ftgw/digital/portfolio/summary';
const FIDELITY = { host: 'digital.fidelity.com', path: PATH, file: 'fidelity/a.html' };
const BASELINE = { host: 'layout-baseline.strata.test', path: PATH, file: 'fidelity/a.html' };

/** Page elements whose boxes must not move: landmarks, every account link, every figure. */
const MEASURED = [
  'header',
  'main',
  'aside.acct-selector',
  'section.summary-panel',
  'footer',
  '.acct-selector__acct-name',
  '.acct-selector__acct-balance span:not(.sr-only)',
  '.total-balance__value',
  '.watchlist li',
];

let capture: CaptureHarness;
let page: Page;

beforeAll(async () => {
  capture = await launchWithFixtures([FIDELITY, BASELINE], { locale: 'en-US' });
  page = await capture.harness.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
});

afterAll(async () => {
  await capture?.close();
});

interface Layout {
  scroll: { width: number; height: number };
  boxes: string[];
}

/** Document-relative boxes of every MEASURED element, and the document's scroll size. */
function measure(target: Page): Promise<Layout> {
  return target.evaluate((selectors) => {
    const boxes: string[] = [];
    for (const selector of selectors) {
      document.querySelectorAll(selector).forEach((el, i) => {
        const r = el.getBoundingClientRect();
        boxes.push(`${selector}[${i}] ${r.left + scrollX},${r.top + scrollY} ${r.width}x${r.height}`);
      });
    }
    const root = document.documentElement;
    return { scroll: { width: root.scrollWidth, height: root.scrollHeight }, boxes };
  }, MEASURED);
}

/** What has focus inside the overlay frame: "<tag> <accessible-ish name>", or null when the frame's document has none. */
function focusedInOverlay(frame: Frame): Promise<string | null> {
  return frame.evaluate(() => {
    const el = document.activeElement;
    if (!document.hasFocus() || el === null || el === document.body) return null;
    const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim();
    return `${el.localName} ${name}`.trim();
  });
}

/**
 * Presses Escape in the overlay, which closes it. Not awaited: the key goes
 * to the overlay's frame, which the content script removes while Chromium is
 * still delivering the key, and Chromium then now and then never confirms
 * the key to Playwright (the press would hang forever). What the key did is
 * checked by its effect instead.
 */
function pressEscapeToClose(target: Page): void {
  target.keyboard.press('Escape').catch(() => undefined);
}

/** Tabs from the page's last link into the overlay, then on to Save; returns the stops on the way. */
async function tabToSave(frame: Frame): Promise<string[]> {
  await page.getByRole('link', { name: 'Site Map' }).focus();
  const stops: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedInOverlay(frame);
    expect(focused, `Tab press ${i + 1} left the overlay (stops so far: ${stops.join(' | ')})`).not.toBeNull();
    stops.push(focused!);
    if (focused === 'button Save') return stops;
  }
  throw new Error(`Save was not reached with Tab: ${stops.join(' | ')}`);
}

describe('the overlay in the page', () => {
  let baseline: Layout;

  it('the baseline: the same page where no Strata script runs', async () => {
    await page.goto(capture.fixtures.url(BASELINE.host, BASELINE.path));
    baseline = await measure(page);
    expect(baseline.boxes.length).toBeGreaterThan(15);
    // Strata is not in this page.
    await page.waitForTimeout(500);
    await expect(page.locator('strata-capture-overlay, strata-capture-highlights').count()).resolves.toBe(0);
  });

  it('does not move the page: same boxes and scroll size with the overlay and outlines shown, and when scrolled', async () => {
    await page.goto(capture.fixtures.url(FIDELITY.host, FIDELITY.path));
    const frame = await waitForOverlay(page);
    await expect(page.locator('strata-capture-overlay').count()).resolves.toBe(1);
    await expect(page.locator('strata-capture-highlights').count()).resolves.toBe(1);
    // The overlay is on top of the page, in its bottom-right corner, not in the flow.
    const host = await page.locator('strata-capture-overlay').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { position: getComputedStyle(el).position, right: innerWidth - r.right, bottom: innerHeight - r.bottom, height: r.height };
    });
    expect(host).toMatchObject({ position: 'fixed', right: 16, bottom: 16 });
    expect(host.height).toBeGreaterThan(100);
    expect(await frame.locator('[data-testid^="overlay-value-"]').count()).toBe(5);

    expect(await measure(page)).toEqual(baseline);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => scrollY > 0);
    expect(await measure(page)).toEqual(baseline);
  });

  it('Tab enters the overlay from the page and reaches Save; Escape closes it without saving', async () => {
    const frame = await waitForOverlay(page);
    const stops = await tabToSave(frame);
    expect(stops[0]).toBe("button Close Strata's panel");
    expect(stops.length).toBeLessThan(40);

    pressEscapeToClose(page);
    await waitForOverlayGone(page);
    await expect(page.locator('strata-capture-highlights').count()).resolves.toBe(0);
    expect(await measure(page)).toEqual(baseline);

    const options = await capture.harness.openOptions();
    try {
      const rows = await readStoredRows(options, ['accounts', 'balanceSnapshots']);
      expect(rows).toEqual({ accounts: [], balanceSnapshots: [] });
    } finally {
      await options.close();
    }
  });

  it('Enter on Save saves; Escape then closes', async () => {
    await page.reload();
    const frame = await waitForOverlay(page);
    await tabToSave(frame);
    await page.keyboard.press('Enter');
    await expect(frame.getByTestId('overlay-result').textContent()).resolves.toBe('Saved 4, ignored 1 (new: 4 accounts)');

    pressEscapeToClose(page);
    await waitForOverlayGone(page);
    const popup = await capture.harness.openPopup();
    try {
      await popup.getByTestId('net-worth').filter({ hasText: '$228,627.23' }).waitFor();
    } finally {
      await popup.close();
    }
  });

  it('made no request but the pages\' own navigations', () => {
    assertOnlyFixturePagesFetched(capture.harness, capture.fixtures);
    expect(capture.harness.pageErrors).toEqual([]);
  });

  // Last: it makes the requests the check must refuse.
  it('(the network check itself) refuses a fixture host fetched by the service worker, or by fetch() in the page', async () => {
    const url = capture.fixtures.url(FIDELITY.host, FIDELITY.path);
    const fromWorker = await capture.harness.serviceWorker.evaluate(async (u) => (await fetch(u)).status, url);
    expect(fromWorker).toBe(200);
    expect(() => assertOnlyFixturePagesFetched(capture.harness, capture.fixtures)).toThrow(/seen by (playwright|cdp) from service_worker chrome-extension:/);

    capture.harness.requests.length = 0;
    const fromPage = await page.evaluate(async (u) => (await fetch(u)).status, url);
    expect(fromPage).toBe(200);
    expect(() => assertOnlyFixturePagesFetched(capture.harness, capture.fixtures)).toThrow(/fixture server got GET https:\/\/digital\.fidelity\.com\S+ \(mode cors, dest empty, 200\)/);
  });
});
