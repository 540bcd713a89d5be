/**
 * The real message path in Chromium: an extension page sends messages to the
 * background service worker with chrome.runtime.sendMessage, in the wire
 * format of @webext-core/messaging (utils/messaging/protocol.ts), and the
 * background checks the sender and the payload before it touches the
 * database. Unit tests can only fake this path; here the browser reports the
 * sender and carries the message (JSON) between real processes.
 *
 * Wire format (node_modules/@webext-core/messaging/dist/generic-*.mjs):
 *   request  { id: number, type: string, data: unknown, timestamp: number }
 *   response { res: <handler result> } or { err: <serialized error> }
 * A message without a string `type` and a numeric `timestamp` is not for the
 * library: no listener answers it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectPopupNetWorth, launchExtension, readStoredRows, type ExtensionHarness } from './harness';
import { startProbeServer, type ProbeServer } from './local-servers';

let harness: ExtensionHarness;
let probe: ProbeServer;
let options: Page;

beforeAll(async () => {
  probe = await startProbeServer();
  harness = await launchExtension({ locale: 'en-US' });
  harness.context.setDefaultTimeout(5_000);
  options = await harness.openOptions();
});

afterAll(async () => {
  await harness?.close();
  await probe?.close();
});

/** The part of the extension API a page's `chrome` global has (its types are not loaded here). */
interface ChromeRuntimeGlobal {
  chrome?: {
    runtime?: {
      sendMessage(message: unknown, callback: (response: unknown) => void): void;
      lastError?: { message?: string };
    };
  };
}

interface Delivery {
  /** What the background answered; undefined when nothing answered. */
  response: unknown;
  /** chrome.runtime.lastError after the call, if any. */
  lastError: string | null;
}

let nextId = 1;

/** A message as @webext-core/messaging's sendMessage puts it on the wire. */
function wire(type: string, data?: unknown): Record<string, unknown> {
  return { id: nextId++, type, data, timestamp: Date.now() };
}

/** Sends `message` with chrome.runtime.sendMessage from `page`, as that page. */
function send(page: Page, message: unknown): Promise<Delivery> {
  return page.evaluate(
    (msg) =>
      new Promise<Delivery>((resolve) => {
        const runtime = (globalThis as unknown as ChromeRuntimeGlobal).chrome!.runtime!;
        runtime.sendMessage(msg, (response) => resolve({ response, lastError: runtime.lastError?.message ?? null }));
      }),
    message,
  );
}

const FIDELITY = 'Fidelity — Brokerage';
const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 5_000, interval: 50 });

async function addAccount(institution: string, name: string, kind: string): Promise<string> {
  const form = options.getByRole('form', { name: 'Add account', exact: true });
  await form.getByRole('textbox', { name: 'Institution', exact: true }).fill(institution);
  await form.getByRole('textbox', { name: 'Account name', exact: true }).fill(name);
  await form.getByRole('combobox', { name: 'Kind', exact: true }).selectOption({ label: kind });
  await form.getByRole('button', { name: 'Add account', exact: true }).click();
  const option = options
    .getByRole('form', { name: 'Add balance', exact: true })
    .getByRole('combobox', { name: 'Account', exact: true })
    .locator('option', { hasText: `${institution} — ${name}` });
  await option.waitFor({ state: 'attached' });
  return (await option.getAttribute('value')) ?? '';
}

/** Date, balance and "where from" of each row of Fidelity's balance table. */
async function fidelityBalanceRows(): Promise<string[][]> {
  await options.getByRole('combobox', { name: 'Show balances of', exact: true }).selectOption({ label: FIDELITY });
  const table = options.getByRole('table', { name: `Balances of ${FIDELITY}`, exact: true });
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...(row as HTMLTableRowElement).cells].slice(0, 3).map((cell) => cell.textContent?.trim() ?? '')),
  );
}

/** Every row of the balanceSnapshots store, read straight from IndexedDB. */
async function storedSnapshots(): Promise<Record<string, unknown>[]> {
  return (await readStoredRows(options, ['balanceSnapshots']))['balanceSnapshots'] ?? [];
}

let fidelityId = '';
let savedAt = 0;

describe('messages from an extension page to the background, in Chromium', () => {
  it('listAccounts answers with the accounts added in the UI, archived ones left out', async () => {
    fidelityId = await addAccount('Fidelity', 'Brokerage', 'Brokerage');
    await addAccount('Old Bank', 'Savings', 'High-yield savings');
    await options.getByRole('button', { name: 'Archive Old Bank — Savings', exact: true }).click();
    await options.getByRole('button', { name: 'Unarchive Old Bank — Savings', exact: true }).waitFor();

    expect(await send(options, wire('listAccounts'))).toEqual({
      response: {
        res: {
          ok: true,
          value: [{ id: fidelityId, institution: 'Fidelity', name: 'Brokerage', kind: 'brokerage', layer: 'foundation', currency: 'USD' }],
        },
      },
      lastError: null,
    });
  });

  it('saveSnapshot from an extension page stores a balance "Entered by hand" that the table and popup show', async () => {
    savedAt = Date.now();
    const delivery = await send(
      options,
      wire('saveSnapshot', {
        accountId: fidelityId,
        amount: { minor: 1_234_567, currency: 'USD' },
        at: savedAt,
        provenance: { description: 'Sent by the messaging test' },
      }),
    );
    const response = delivery.response as { res: { ok: boolean; value: { id: string } } };
    expect(delivery.lastError).toBeNull();
    expect(response.res.ok).toBe(true);
    expect(response.res.value.id).toMatch(/^[0-9a-f-]{36}$/);

    expect(await storedSnapshots()).toEqual([
      {
        id: response.res.value.id,
        accountId: fidelityId,
        at: savedAt,
        amount: { minor: 1_234_567, currency: 'USD' },
        source: 'manual',
        provenance: { description: 'Sent by the messaging test' },
      },
    ]);
    const today = await options.evaluate(() => new Date().toLocaleDateString('en-CA'));
    await poll(fidelityBalanceRows).toEqual([[today, '$12,345.67', 'Entered by hand: Sent by the messaging test']]);
    await expectPopupNetWorth(harness, '$12,345.67');
    await poll(() => text(options, 'options-net-worth')).toBe('$12,345.67');
  });

  it('refuses forged payloads with { ok: false, error, issues } naming the field, and stores nothing', async () => {
    const valid = {
      accountId: fidelityId,
      amount: { minor: 500_000, currency: 'USD' },
      at: savedAt - 86_400_000,
      provenance: { description: 'Forged' },
    };
    const forgeries: [string, unknown, { field: string; message: string }[]][] = [
      [
        'a fraction of a cent',
        { ...valid, amount: { minor: 12.5, currency: 'USD' } },
        [{ field: 'amount.minor', message: 'amount.minor must be a whole number of minor units (cents), not a fraction' }],
      ],
      [
        'a lower-case currency',
        { ...valid, amount: { minor: 500_000, currency: 'usd' } },
        [{ field: 'amount.currency', message: 'amount.currency must be a three-letter ISO 4217 code such as USD' }],
      ],
      [
        'an account that does not exist',
        { ...valid, accountId: 'no-such-account' },
        [{ field: 'accountId', message: 'accountId: no account with id "no-such-account"' }],
      ],
      [
        'a source of its own',
        { ...valid, source: 'capture' },
        [{ field: 'source', message: 'source is not a field of this message' }],
      ],
    ];
    for (const [what, data, issues] of forgeries) {
      const { response, lastError } = await send(options, wire('saveSnapshot', data));
      expect(lastError, what).toBeNull();
      expect(response, what).toEqual({
        res: { ok: false, error: `saveSnapshot refused: ${issues.map((i) => i.message).join('; ')}`, issues },
      });
    }

    // Nothing was stored: one snapshot, the table and the totals as before.
    expect((await storedSnapshots()).map((s) => s['amount'])).toEqual([{ minor: 1_234_567, currency: 'USD' }]);
    expect(await fidelityBalanceRows()).toHaveLength(1);
    await expectPopupNetWorth(harness, '$12,345.67');
    expect(await text(options, 'options-net-worth')).toBe('$12,345.67');
  });

  it('answers nothing to a message outside the protocol', async () => {
    // No timestamp: not the library's format; and a type no handler has.
    for (const message of [{ type: 'listAccounts' }, wire('deleteEverything')]) {
      const delivery = await send(options, message);
      expect(delivery.response, JSON.stringify(message)).toBeUndefined();
      expect(delivery.lastError, JSON.stringify(message)).toBe('The message port closed before a response was received.');
    }
    expect(await storedSnapshots()).toHaveLength(1);
  });

  it('cannot be reached from a web page: no chrome.runtime there, and the extension pages do not load', async () => {
    const page = await harness.context.newPage();
    await page.goto(`${probe.origin}/an-ordinary-web-page`);
    expect(await page.locator('body').textContent()).toBe('probe /an-ordinary-web-page');
    // Without externally_connectable in the manifest Chromium gives web pages no runtime to message with.
    expect(await page.evaluate(() => typeof (globalThis as unknown as ChromeRuntimeGlobal).chrome?.runtime)).toBe('undefined');
    // Nor can the page read the extension's pages: none is web-accessible.
    const fetched = await page.evaluate(async (url) => {
      try {
        const response = await fetch(url);
        return `loaded ${response.status}`;
      } catch (error) {
        return `refused: ${(error as Error).name}`;
      }
    }, `${harness.extensionOrigin}/options.html`);
    expect(fetched).toBe('refused: TypeError');
    await page.close();
    // Chromium turns a web page's request for a resource that is not
    // web-accessible into chrome-extension://invalid/: the page never asked for
    // options.html itself, as far as the browser is concerned.
    const fromWebPage = harness.requests.filter((r) => r.from.includes(probe.origin) && r.url.startsWith('chrome-extension:'));
    expect(new Set(fromWebPage.map((r) => r.url))).toEqual(new Set(['chrome-extension://invalid/']));

    expect(await storedSnapshots()).toHaveLength(1);
    expect(harness.pageErrors).toEqual([]);
    harness.assertNoForeignRequests([probe.origin, 'chrome-extension://invalid']);
  });
});
