/**
 * The real message path: the background's main registers its listeners on
 * the fake runtime, and `sendMessage` from utils/messaging/protocol goes
 * through @webext-core/messaging to them and back.
 *
 * How the sender is faked: @webext-core/messaging 4 calls
 * `chrome.runtime.sendMessage(message, callback)` (callback form) and waits
 * for the listener's `sendResponse`, while fakeBrowser 1.5's
 * `runtime.sendMessage` is promise-only: it takes the callback for the
 * message, triggers listeners with an empty sender `{}` and no
 * `sendResponse`, so the call never resolves. `routeMessagesFrom(sender)`
 * therefore replaces `fakeBrowser.runtime.sendMessage` for the test with what
 * Chrome does: JSON-serialise the message, call every runtime.onMessage
 * listener with (message, sender, sendResponse), and hand the first response,
 * JSON-serialised too, to the callback, with `runtime.lastError` unset
 * (fakeBrowser's is a permanent `{ message: "" }`, which the library reads as
 * a failure). The sender is the one the browser would report for a popup, a
 * content script or another extension.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { db, store } from '@/utils/db';
import { removeAllListeners, sendMessage, type SaveSnapshotInput } from '@/utils/messaging/protocol';
import type { SenderLike } from '@/utils/messaging/validate';

// fakeBrowser's own identity. Setting fakeBrowser.runtime.id would not move
// getURL, which reads the fake's internal copy, so the test keeps both as is.
const EXT_ID = 'test-extension-id';
const EXT_ORIGIN = `chrome-extension://${EXT_ID}/`;
const FIDELITY = 'https://digital.fidelity.com/ftgw/digital/portfolio/summary';

const popup: SenderLike = { id: EXT_ID, url: `${EXT_ORIGIN}popup.html` };
const contentScript: SenderLike = { id: EXT_ID, url: FIDELITY, tab: { id: 42, url: FIDELITY }, frameId: 0 };
const otherExtension: SenderLike = {
  id: 'ponmlkjihgfedcbaponmlkjihgfedcba',
  url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/popup.html',
};

type Listener = (message: unknown, sender: SenderLike, sendResponse: (response: unknown) => void) => unknown;
const originalSendMessage = fakeBrowser.runtime.sendMessage;

function routeMessagesFrom(sender: SenderLike): void {
  const deliver = (message: unknown, callback: (response: unknown) => void): void => {
    let answered = false;
    const answer = (response: unknown, lastError: { message: string } | undefined) => {
      if (answered) return;
      answered = true;
      // Chrome sets runtime.lastError only while the callback runs, and only on failure.
      const runtime = fakeBrowser.runtime as { lastError?: { message: string } };
      const saved = runtime.lastError;
      runtime.lastError = lastError;
      try {
        callback(response === undefined ? undefined : JSON.parse(JSON.stringify(response)));
      } finally {
        runtime.lastError = saved;
      }
    };
    const sendResponse = (response: unknown) => answer(response, undefined);
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: Parameters<Listener>) => Promise<unknown[]>;
    void trigger(JSON.parse(JSON.stringify(message)), sender, sendResponse).then((returned) => {
      // No listener kept the channel open (returned true): Chrome closes the port.
      if (!returned.includes(true)) {
        answer(undefined, { message: 'The message port closed before a response was received.' });
      }
    });
  };
  fakeBrowser.runtime.sendMessage = deliver as unknown as typeof fakeBrowser.runtime.sendMessage;
}

let fidelityId: string;

beforeEach(async () => {
  fakeBrowser.reset();
  // What the background reads as its own identity.
  expect([fakeBrowser.runtime.id, fakeBrowser.runtime.getURL('/')]).toEqual([EXT_ID, EXT_ORIGIN]);
  await Promise.all(db.tables.map((table) => table.clear()));
  fidelityId = (
    await store.addAccount({
      institution: 'Fidelity',
      name: 'Brokerage',
      kind: 'brokerage',
      layer: 'foundation',
      currency: 'USD',
      taxType: 'taxable',
    })
  ).id;
  // fakeBrowser has no permissions API nor script registrations: the background
  // gets inert ones here (the registration sync is tested in capture-registration.test.ts).
  const noEvent = { addListener() {}, removeListener() {}, hasListener: () => false };
  Object.assign(fakeBrowser, {
    permissions: { getAll: async () => ({ origins: [] }), onAdded: noEvent, onRemoved: noEvent },
    scripting: {
      getRegisteredContentScripts: async () => [],
      registerContentScripts: async () => undefined,
      unregisterContentScripts: async () => undefined,
    },
  });
  background.main();
});

afterEach(() => {
  removeAllListeners();
  fakeBrowser.runtime.sendMessage = originalSendMessage;
});

const capture = (): SaveSnapshotInput => ({
  accountId: fidelityId,
  amount: { minor: 1234567, currency: 'USD' },
  at: Date.UTC(2025, 2, 14, 15, 30),
  provenance: { description: 'Captured from digital.fidelity.com', url: FIDELITY, label: 'Total account value', rawText: '$12,345.67' },
});

describe('background over the real message path', () => {
  it('answers listAccounts from a content script', async () => {
    routeMessagesFrom(contentScript);
    expect(await sendMessage('listAccounts')).toEqual({
      ok: true,
      value: [{ id: fidelityId, institution: 'Fidelity', name: 'Brokerage', kind: 'brokerage', layer: 'foundation', currency: 'USD' }],
    });
  });

  it('saves a capture from a content script and a manual entry from the popup', async () => {
    routeMessagesFrom(contentScript);
    const captured = await sendMessage('saveSnapshot', capture());
    routeMessagesFrom(popup);
    const manual = await sendMessage('saveSnapshot', {
      accountId: fidelityId,
      amount: { minor: 1250000, currency: 'USD' },
      at: Date.UTC(2025, 0, 31),
      provenance: { description: 'Entered by hand' },
    });
    expect(captured.ok && manual.ok).toBe(true);
    if (!captured.ok || !manual.ok) return;
    const byId = new Map((await db.balanceSnapshots.toArray()).map((s) => [s.id, s]));
    expect(byId.size).toBe(2);
    expect(byId.get(captured.value.id)).toEqual({ id: captured.value.id, ...capture(), source: 'capture' });
    expect(byId.get(manual.value.id)).toMatchObject({ source: 'manual', amount: { minor: 1250000, currency: 'USD' } });
  });

  it('returns the settings', async () => {
    routeMessagesFrom(popup);
    expect(await sendMessage('getSettings')).toEqual({
      ok: true,
      value: { key: 'app', baseCurrency: 'USD', rates: {}, locale: '', theme: 'system', captureJumpFactor: '3' },
    });
  });

  it('refuses another extension, writing nothing', async () => {
    routeMessagesFrom(otherExtension);
    expect(await sendMessage('saveSnapshot', capture())).toEqual({
      ok: false,
      error: 'saveSnapshot refused: the sender is another extension (ponmlkjihgfedcbaponmlkjihgfedcba)',
    });
    expect(await db.balanceSnapshots.count()).toBe(0);
  });

  it("a refusal's field issues survive the serialised message boundary", async () => {
    routeMessagesFrom(contentScript);
    const result = await sendMessage('saveSnapshot', { ...capture(), amount: { minor: 12.5, currency: 'usd' } });
    expect(result).toEqual({
      ok: false,
      error:
        'saveSnapshot refused: amount.minor must be a whole number of minor units (cents), not a fraction; ' +
        'amount.currency must be a three-letter ISO 4217 code such as USD',
      issues: [
        { field: 'amount.minor', message: 'amount.minor must be a whole number of minor units (cents), not a fraction' },
        { field: 'amount.currency', message: 'amount.currency must be a three-letter ISO 4217 code such as USD' },
      ],
    });
    expect(await db.balanceSnapshots.count()).toBe(0);
  });

  it('carries the capture messages: readings from the content script, read back by the overlay in its tab', async () => {
    const balance = {
      figureKey: 'account-balance',
      kind: 'balance' as const,
      label: 'Balance',
      account: 'ROTH IRA',
      period: null,
      amount: { minor: 6_211_435, currency: 'USD' },
      rawText: '$62,114.35',
      confidence: 0.9,
      path: 'main > a > span',
    };
    routeMessagesFrom(contentScript);
    const submitted = await sendMessage('submitReadings', {
      result: { site: 'fidelity', adapterVersion: 1, items: [balance], problems: [] },
      title: 'Portfolio Summary',
    });
    expect(submitted.ok).toBe(true);
    routeMessagesFrom({ id: EXT_ID, url: `${EXT_ORIGIN}capture-overlay.html`, tab: { id: 42, url: FIDELITY }, frameId: 4 });
    const view = await sendMessage('getTabReadings', undefined);
    expect(view.ok && [view.value.siteName, view.value.items]).toEqual(['Fidelity', [{ ...balance, index: 0 }]]);
    routeMessagesFrom({ id: EXT_ID, url: `${EXT_ORIGIN}capture-overlay.html`, tab: { id: 7, url: FIDELITY }, frameId: 4 });
    expect(await sendMessage('getTabReadings', undefined)).toEqual({
      ok: false,
      error: 'getTabReadings refused: there are no readings for this tab',
    });
  });

  it("the store's own refusal (unknown account) also arrives with its field", async () => {
    routeMessagesFrom(popup);
    const result = await sendMessage('saveSnapshot', { ...capture(), accountId: 'gone' });
    expect(result).toEqual({
      ok: false,
      error: 'saveSnapshot refused: accountId: no account with id "gone"',
      issues: [{ field: 'accountId', message: 'accountId: no account with id "gone"' }],
    });
  });
});

describe('the daily drift check', () => {
  it('keeps one daily alarm, and checks the portfolio when it rings', async () => {
    await expect.poll(() => fakeBrowser.alarms.get('strata-drift-check')).toMatchObject({ name: 'strata-drift-check', periodInMinutes: 1440 });
    // No targets yet: the check runs, clears the badge and records nothing outside.
    await store.setTargets({ 'us-bonds': 10000 });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'strata-drift-check', scheduledTime: Date.now(), periodInMinutes: 1440 });
    await expect.poll(async () => (await store.getPortfolioSettings()).lastDriftCheck?.outside).toEqual([]);
  });
});
