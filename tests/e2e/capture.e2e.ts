/**
 * Capture, end to end, in real Chromium with the end-to-end build (supported
 * hosts granted at install): three supported dashboards from three layers —
 * Fidelity (Foundation), Google AdSense (Leverage), Stripe (Compounding) —
 * served over HTTPS at their real hosts and paths (https-fixtures.ts), so the
 * content script's real `matches` fire. In each, the overlay lists the
 * figures checked by hand in tests/fixtures/capture/<site>/expected.ts; the
 * person maps them to new accounts and streams and saves; the popup's net
 * worth and this month's income change to the exact sums; the options page
 * shows where each balance came from. A second visit the same day replaces
 * instead of adding. Nothing leaves the browser.
 *
 * Sums checked by hand:
 * - Fidelity a.html: accounts 62,114.35 + 98,760.12 + 41,207.66 + 26,545.10
 *   = 228,627.23 (= the page's "Total balance", which is not saved: it only
 *   sums the accounts, so it defaults to Ignore).
 * - Google AdSense a.html: estimated earnings "Today so far" 3.17,
 *   "Yesterday" 11.84, "Last 7 days" 86.40, "This month" 284.92, all into one
 *   stream: the month's income is the "This month" figure alone, 284.92 (a
 *   stream with a whole-month figure is counted by it, not by its days);
 *   "Balance" 412.06 → net worth 228,627.23 + 412.06 = 229,039.29.
 * - Stripe a.html: USD balance 18,342.07 → net worth 229,039.29 + 18,342.07
 *   = 247,381.36; Gross volume "Today" 4,218.90 (a single day, counted in the
 *   month) → income 284.92 + 4,218.90 = 4,503.82; Gross volume "Last 7
 *   days" 27,604.18 is kept but a rolling window is not counted in a month;
 *   Net volume (same stream and period as gross) defaults to Ignore; MRR
 *   12,480.00 is a metric, not income.
 *
 * Also here: Amazon Associates a.html, whose period selector is Amazon's
 * native <select> made transparent under an aria-hidden prompt ("This
 * Month"): the overlay must name the period the page shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { readStoredRows } from './harness';
import {
  assertOnlyFixturePagesFetched,
  EMPTY_SVG,
  launchWithFixtures,
  overlayValues,
  waitForOverlay,
  type CaptureHarness,
} from './https-fixtures';
import { expectedA as fidelityExpected, maskedAccount as fidelityMasked } from '../fixtures/capture/fidelity/expected';
import { googleAdsenseFixtures } from '../fixtures/capture/google-adsense/expected';
import { amazonAssociatesFixtures } from '../fixtures/capture/amazon-associates/expected';
import { STRIPE_FIXTURES } from '../fixtures/capture/stripe/expected';

const FIDELITY = { host: 'digital.fidelity.com', path: '/ftgw/digital/portfolio/summary', file: 'fidelity/a.html' };
const ADSENSE = { host: 'adsense.google.com', path: new URL(googleAdsenseFixtures.a.url).pathname, file: 'google-adsense/a.html' };
const STRIPE = { host: 'dashboard.stripe.com', path: '/', file: 'stripe/a.html' };
const AMAZON = { host: 'affiliate-program.amazon.com', path: '/home', file: 'amazon-associates/a.html' };
/** Images the saved pages load from the sites' CDNs, as the real pages do. */
const PAGE_ASSETS = [
  { host: 'lh3.googleusercontent.com', path: '/a/default-user=s32', ...EMPTY_SVG },
  { host: 'm.media-amazon.com', path: '/images/G/01/associates/logo.svg', ...EMPTY_SVG },
];

let capture: CaptureHarness;
let page: Page;

beforeAll(async () => {
  capture = await launchWithFixtures([FIDELITY, ADSENSE, STRIPE, AMAZON, ...PAGE_ASSETS], { locale: 'en-US' });
  page = await capture.harness.context.newPage();
});

afterAll(async () => {
  await capture?.close();
});

const usd = (minor: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);

interface ShownFigure {
  name: string;
  value: string;
}

/** What the overlay lists: each figure's name (account, else label) and value, as shown. */
async function shownFigures(frame: Frame): Promise<ShownFigure[]> {
  const values = await overlayValues(frame);
  const names = await frame
    .locator('li.item .what > span:first-child')
    .evaluateAll((nodes) => nodes.map((n) => (n.textContent ?? '').replace(/^Figure \d+: /, '').trim()));
  return names.map((name, i) => ({ name, value: values[i] ?? '' }));
}

const byNameValue = (a: ShownFigure, b: ShownFigure) => a.name.localeCompare(b.name) || a.value.localeCompare(b.value);

async function visit(route: { host: string; path: string }): Promise<Frame> {
  await page.goto(capture.fixtures.url(route.host, route.path));
  return waitForOverlay(page);
}

/** The overlay's row for the figure named `name` (account, else label). */
function row(frame: Frame, name: string) {
  return frame.locator('li.item').filter({ has: frame.locator('.what > span:first-child', { hasText: name }) });
}

async function saveAndReport(frame: Frame): Promise<string> {
  await frame.getByRole('button', { name: 'Save', exact: true }).click();
  const result = frame.getByTestId('overlay-result');
  await result.waitFor();
  return (await result.textContent())?.trim() ?? '';
}

/** Opens the popup and waits until it shows both figures (a write may land just after it opened); fails with what it showed. */
async function popupShows(netWorth: string, income: string): Promise<void> {
  const popup = await capture.harness.openPopup();
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const shown = {
        netWorth: (await popup.getByTestId('net-worth').textContent())?.trim(),
        income: (await popup.getByTestId('income-month').textContent())?.trim(),
      };
      if (shown.netWorth === netWorth && shown.income === income) return;
      if (Date.now() > deadline) expect(shown).toEqual({ netWorth, income });
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await popup.close();
  }
}

async function storedCounts(): Promise<Record<string, number>> {
  const options = await capture.harness.openOptions();
  try {
    const rows = await readStoredRows(options, ['accounts', 'balanceSnapshots', 'streams', 'incomeEvents', 'metricSnapshots']);
    return Object.fromEntries(Object.entries(rows).map(([name, list]) => [name, list.length]));
  } finally {
    await options.close();
  }
}

describe('capture on three supported dashboards, one layer each', () => {
  it('starts with nothing: net worth $0.00 and no income this month', async () => {
    await popupShows('$0.00', '$0.00');
  });

  it('Fidelity (Foundation): lists the hand-checked balances, saves four new accounts, net worth $228,627.23', async () => {
    const frame = await visit(FIDELITY);
    const expected = fidelityExpected.map((e) => ({ name: e.account ?? e.label, value: usd(e.amountMinor) }));
    expect((await shownFigures(frame)).sort(byNameValue)).toEqual(expected.sort(byNameValue));
    // The outside account's "--" is a problem with a reason, never a $0.00 figure.
    await expect(frame.locator('ul.problems li', { hasText: fidelityMasked }).textContent()).resolves.toMatch(/no amount/i);
    expect(await overlayValues(frame)).not.toContain('$0.00');

    // The page total defaults to Ignore; each account to a new Fidelity account named as on the page.
    await expect(row(frame, 'Total balance').getByLabel('Save to').inputValue()).resolves.toBe('ignore');
    const roth = row(frame, 'ROTH IRA');
    await expect(roth.getByLabel('Save to').inputValue()).resolves.toBe('new-account');
    await expect(roth.getByLabel('Institution').inputValue()).resolves.toBe('Fidelity');
    await expect(roth.getByLabel('Account name').inputValue()).resolves.toBe('ROTH IRA');
    // The person renames one.
    await row(frame, 'Individual - TOD').getByLabel('Account name').fill('Individual brokerage');

    expect(await saveAndReport(frame)).toBe('Saved 4, ignored 1 (new: 4 accounts)');
    await popupShows('$228,627.23', '$0.00');
  });

  it('Google AdSense (Leverage): four estimated earnings and the balance; income $284.92, net worth $229,039.29', async () => {
    const frame = await visit(ADSENSE);
    const expected = googleAdsenseFixtures.a.items.map((e) => ({ name: e.label, value: usd(e.amountMinor!) }));
    expect((await shownFigures(frame)).sort(byNameValue)).toEqual(expected.sort(byNameValue));
    for (const period of ['Today so far', 'Yesterday', 'Last 7 days', 'This month']) {
      const earnings = row(frame, period);
      await expect(earnings.locator('.meta').textContent()).resolves.toBe(`Earnings · ${period}`);
      await expect(earnings.getByLabel('Save to').inputValue()).resolves.toBe('new-stream');
      await earnings.getByLabel('Stream name').fill('AdSense');
    }
    const balance = row(frame, 'Balance');
    await expect(balance.getByLabel('Save to').inputValue()).resolves.toBe('new-account');
    await expect(balance.getByLabel('Institution').inputValue()).resolves.toBe('Google AdSense');
    await balance.getByLabel('Account name').fill('AdSense balance');

    expect(await saveAndReport(frame)).toBe('Saved 5 (new: 1 account, 1 income stream)');
    await popupShows('$229,039.29', '$284.92');
  });

  it('Stripe (Compounding): balance, volumes and MRR; net worth $247,381.36, income $4,503.82', async () => {
    const frame = await visit(STRIPE);
    const stripe = STRIPE_FIXTURES.find((f) => f.file === 'a.html')!;
    const expected = stripe.items.map((e) => ({ name: e.label, value: usd(e.amountMinor!) }));
    expect((await shownFigures(frame)).sort(byNameValue)).toEqual(expected.sort(byNameValue));

    // Net volume would fill the same stream and period as gross volume: it defaults to Ignore.
    await expect(row(frame, 'Net volume').getByLabel('Save to').inputValue()).resolves.toBe('ignore');
    const balance = row(frame, 'USD balance');
    await expect(balance.getByLabel('Save to').inputValue()).resolves.toBe('new-account');
    await balance.getByLabel('Account name').fill('Stripe balance');

    expect(await saveAndReport(frame)).toBe('Saved 4, ignored 1 (new: 1 account, 1 income stream)');
    await popupShows('$247,381.36', '$4,503.82');
  });

  it('records what was saved with its provenance, read straight from IndexedDB', async () => {
    const options = await capture.harness.openOptions();
    try {
      type Row = Record<string, unknown> & { provenance: Record<string, unknown>; amount?: { minor: number; currency: string } };
      const rows = await readStoredRows<Row>(options, ['accounts', 'balanceSnapshots', 'streams', 'incomeEvents', 'metricSnapshots']);
      expect(rows['accounts']!.map((a) => `${String(a['institution'])} — ${String(a['name'])} (${String(a['layer'])})`).sort()).toEqual([
        'Fidelity — Health Savings Account (foundation)',
        'Fidelity — Individual brokerage (foundation)',
        'Fidelity — ROTH IRA (foundation)',
        'Fidelity — Rollover IRA (foundation)',
        'Google AdSense — AdSense balance (leverage)',
        'Stripe — Stripe balance (compounding)',
      ]);
      const snapshots = rows['balanceSnapshots']!.map((s) => [s.amount!.minor, s['source'], s.provenance['description'], s.provenance['url']]);
      expect(snapshots.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
        [41_206, 'capture', 'Captured from adsense.google.com', 'https://adsense.google.com/adsense/u/0/pub-4829137756102938/home'],
        [1_834_207, 'capture', 'Captured from dashboard.stripe.com', 'https://dashboard.stripe.com/'],
        [2_654_510, 'capture', 'Captured from digital.fidelity.com', 'https://digital.fidelity.com/ftgw/digital/portfolio/summary'],
        [4_120_766, 'capture', 'Captured from digital.fidelity.com', 'https://digital.fidelity.com/ftgw/digital/portfolio/summary'],
        [6_211_435, 'capture', 'Captured from digital.fidelity.com', 'https://digital.fidelity.com/ftgw/digital/portfolio/summary'],
        [9_876_012, 'capture', 'Captured from digital.fidelity.com', 'https://digital.fidelity.com/ftgw/digital/portfolio/summary'],
      ]);
      expect(rows['streams']!.map((s) => `${String(s['name'])} (${String(s['layer'])})`).sort()).toEqual([
        'AdSense (leverage)',
        'Stripe (compounding)',
      ]);
      const income = rows['incomeEvents']!.map((e) => [
        e.amount!.minor,
        (e['period'] as { label?: string } | undefined)?.label,
        e.provenance['description'],
      ]);
      expect(income.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
        [317, 'Today so far', 'Captured from adsense.google.com'],
        [1_184, 'Yesterday', 'Captured from adsense.google.com'],
        [8_640, 'Last 7 days', 'Captured from adsense.google.com'],
        [28_492, 'This month', 'Captured from adsense.google.com'],
        [421_890, 'Today', 'Captured from dashboard.stripe.com'],
        [2_760_418, 'Last 7 days', 'Captured from dashboard.stripe.com'],
      ]);
      expect(rows['metricSnapshots']!.map((m) => [m.amount?.minor, m['metric'], m.provenance['description']])).toEqual([
        [1_248_000, 'mrr', 'Captured from dashboard.stripe.com'],
      ]);
    } finally {
      await options.close();
    }
  });

  it('the options page lists the new balances as "Captured" from their host, and the sites as allowed', async () => {
    const options = await capture.harness.openOptions();
    try {
      await options.getByLabel('Show balances of').selectOption({ label: 'Fidelity — ROTH IRA' });
      const rothRow = options.getByRole('row').filter({ hasText: '$98,760.12' });
      await expect(rothRow.getByRole('cell').nth(2).textContent()).resolves.toBe('Captured: Captured from digital.fidelity.com');
      await expect(rothRow.getByRole('cell').nth(2).getAttribute('title')).resolves.toBe(
        'https://digital.fidelity.com/ftgw/digital/portfolio/summary',
      );
      await options.getByLabel('Show balances of').selectOption({ label: 'Stripe — Stripe balance' });
      const stripeRow = options.getByRole('row').filter({ hasText: '$18,342.07' });
      await expect(stripeRow.getByRole('cell').nth(2).textContent()).resolves.toBe('Captured: Captured from dashboard.stripe.com');
      for (const site of ['fidelity', 'google-adsense', 'stripe']) {
        await expect(options.getByTestId(`source-status-${site}`).textContent()).resolves.toBe('Allowed');
      }
    } finally {
      await options.close();
    }
  });

  it('a second visit the same day replaces instead of adding; "Always save" then saves without asking', async () => {
    const before = await storedCounts();
    expect(before).toEqual({ accounts: 6, balanceSnapshots: 6, streams: 2, incomeEvents: 6, metricSnapshots: 1 });

    let frame = await visit(FIDELITY);
    // Each figure now goes where it went last time.
    const roth = row(frame, 'ROTH IRA').getByLabel('Save to');
    await expect(roth.inputValue()).resolves.toMatch(/^account:/);
    await expect(roth.locator('option:checked').textContent()).resolves.toBe('Fidelity — ROTH IRA');
    await frame.getByLabel('Always save from this page').check();
    expect(await saveAndReport(frame)).toBe('Saved 4, replaced 4, ignored 1');

    frame = await visit(ADSENSE);
    expect(await saveAndReport(frame)).toBe('Saved 5, replaced 5');

    // Third visit: saved on arrival (the overlay reports it; no Save pressed).
    frame = await visit(FIDELITY);
    await expect(frame.getByTestId('overlay-result').textContent()).resolves.toBe('Saved 4, replaced 4, ignored 1');
    await expect(frame.getByRole('button', { name: 'Save', exact: true }).count()).resolves.toBe(0);

    expect(await storedCounts()).toEqual(before);
    await popupShows('$247,381.36', '$4,503.82');
  });

  it('Amazon Associates a.html: names the period its native (transparent) <select> shows, "This Month"', async () => {
    const frame = await visit(AMAZON);
    const [item] = amazonAssociatesFixtures.a.items;
    expect(await shownFigures(frame)).toEqual([{ name: item!.label, value: usd(item!.amountMinor!) }]);
    await expect(frame.locator('li.item .meta').textContent()).resolves.toBe(`Earnings · ${item!.period}`);
  });

  it('made no request but the fixture pages\' own navigations, and no page error', () => {
    assertOnlyFixturePagesFetched(capture.harness, capture.fixtures);
    expect(capture.harness.pageErrors).toEqual([]);
  });
});
