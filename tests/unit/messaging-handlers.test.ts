/**
 * The background's handlers called directly, with senders and payloads forged
 * the way a hostile or buggy caller would, against a real (fake-indexeddb)
 * database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StrataDB } from '@/utils/db/database';
import { createStore, type Store } from '@/utils/db/write';
import { DEFAULT_SETTINGS, type Account } from '@/utils/db/schema';
import { createHandlers, type Handlers } from '@/utils/messaging/handlers';
import type { SenderLike } from '@/utils/messaging/validate';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT_ORIGIN = `chrome-extension://${EXT_ID}/`;
const OTHER_ID = 'ponmlkjihgfedcbaponmlkjihgfedcba';
const FIDELITY = 'https://digital.fidelity.com/ftgw/digital/portfolio/summary';

const popup: SenderLike = { id: EXT_ID, url: `${EXT_ORIGIN}popup.html` };
const contentScript: SenderLike = { id: EXT_ID, url: FIDELITY, tab: { id: 42, url: FIDELITY }, frameId: 0 };

let db: StrataDB;
let store: Store;
let handlers: Handlers;
let fidelity: Account;
let wise: Account;
let oldBank: Account;
let dbCount = 0;

beforeEach(async () => {
  db = new StrataDB(`messaging-handlers-${++dbCount}`);
  store = createStore(db);
  handlers = createHandlers({ db, store, extensionId: EXT_ID, extensionOrigin: EXT_ORIGIN });
  fidelity = await store.addAccount({
    institution: 'Fidelity',
    name: 'Brokerage',
    kind: 'brokerage',
    layer: 'foundation',
    currency: 'USD',
    taxType: 'taxable',
    notes: 'joint account, opened 2019',
  });
  wise = await store.addAccount({
    institution: 'Wise',
    name: 'EUR balance',
    kind: 'cash',
    layer: 'foundation',
    currency: 'EUR',
    taxType: 'none',
  });
  oldBank = await store.addAccount({
    institution: 'Ally',
    name: 'Old savings',
    kind: 'hysa',
    layer: 'foundation',
    currency: 'USD',
    taxType: 'taxable',
  });
  await store.archiveAccount(oldBank.id);
});

afterEach(async () => {
  await db.delete();
});

const capture = () => ({
  accountId: fidelity.id,
  amount: { minor: 1234567, currency: 'USD' },
  at: Date.UTC(2025, 2, 14, 15, 30),
  provenance: {
    description: 'Captured from digital.fidelity.com',
    url: FIDELITY,
    label: 'Total account value',
    rawText: '$12,345.67',
  },
});

describe('forged senders are refused and nothing is written', () => {
  it.each<[string, SenderLike, RegExp]>([
    ["another extension's page", { id: OTHER_ID, url: `chrome-extension://${OTHER_ID}/popup.html` }, /another extension/],
    ["another extension's content script", { id: OTHER_ID, url: FIDELITY, tab: { id: 42, url: FIDELITY } }, /another extension/],
    ['a web page with no id', { url: 'https://evil.example/', tab: { id: 8, url: 'https://evil.example/' } }, /no extension id/],
    ['a sender with no id at all', {}, /no extension id/],
    [
      'our content script inside another extension page',
      { id: EXT_ID, url: FIDELITY, tab: { id: 3, url: `chrome-extension://${OTHER_ID}/page.html` } },
      /not on a web page/,
    ],
  ])('saveSnapshot from %s', async (_name, sender, reason) => {
    const result = await handlers.saveSnapshot(capture(), sender);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^saveSnapshot refused: /);
    expect(!result.ok && result.error).toMatch(reason);
    expect(await db.balanceSnapshots.count()).toBe(0);
  });

  it('listAccounts and getSettings reveal nothing to a web page', async () => {
    const evil: SenderLike = { url: 'https://evil.example/', tab: { id: 8, url: 'https://evil.example/' } };
    expect(await handlers.listAccounts(undefined, evil)).toEqual({
      ok: false,
      error: 'listAccounts refused: the sender has no extension id (a web page or an unknown context)',
    });
    const settings = await handlers.getSettings(undefined, evil);
    expect(settings.ok).toBe(false);
    expect('value' in settings).toBe(false);
  });
});

describe('forged payloads are refused with the field named and nothing is written', () => {
  it.each<[string, (base: ReturnType<typeof capture>) => unknown, string, RegExp]>([
    ['fractional minor units', (b) => ({ ...b, amount: { minor: 12.5, currency: 'USD' } }), 'amount.minor', /whole number/],
    ['a lower-case currency', (b) => ({ ...b, amount: { minor: 1250, currency: 'usd' } }), 'amount.currency', /ISO 4217/],
    ['an unknown account', (b) => ({ ...b, accountId: 'no-such-account' }), 'accountId', /no account with id "no-such-account"/],
    ['a missing provenance', ({ provenance: _, ...rest }) => rest, 'provenance', /provenance is required/],
    ['a source picked by the sender', (b) => ({ ...b, source: 'manual' }), 'source', /not a field/],
    ['EUR into a USD account', (b) => ({ ...b, amount: { minor: 1250, currency: 'EUR' } }), 'amount.currency', /is EUR but account "Brokerage" is in USD/],
  ])('%s', async (_name, forge, field, message) => {
    const result = await handlers.saveSnapshot(forge(capture()), contentScript);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues?.find((i) => i.field === field);
    expect(issue, JSON.stringify(result)).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(result.error).toContain(issue!.message);
    expect(await db.balanceSnapshots.count()).toBe(0);
  });

  it('listAccounts refuses data it does not take', async () => {
    const result = await handlers.listAccounts({ includeArchived: true }, popup);
    expect(result).toEqual({
      ok: false,
      error: 'listAccounts refused: data must be empty: this message takes no data',
      issues: [{ field: 'data', message: 'data must be empty: this message takes no data' }],
    });
  });
});

describe('valid messages', () => {
  it('a content script stores a snapshot with source "capture" and its provenance intact', async () => {
    const result = await handlers.saveSnapshot(capture(), contentScript);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await db.balanceSnapshots.toArray();
    expect(stored).toEqual([
      {
        id: result.value.id,
        accountId: fidelity.id,
        at: Date.UTC(2025, 2, 14, 15, 30),
        amount: { minor: 1234567, currency: 'USD' },
        source: 'capture',
        provenance: {
          description: 'Captured from digital.fidelity.com',
          url: FIDELITY,
          label: 'Total account value',
          rawText: '$12,345.67',
        },
      },
    ]);
  });

  it('an extension page stores a snapshot with source "manual"', async () => {
    const result = await handlers.saveSnapshot(
      {
        accountId: wise.id,
        amount: { minor: -4005, currency: 'EUR' },
        at: Date.UTC(2024, 11, 31),
        provenance: { description: 'Entered by hand' },
      },
      popup,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await db.balanceSnapshots.get(result.value.id)).toEqual({
      id: result.value.id,
      accountId: wise.id,
      at: Date.UTC(2024, 11, 31),
      amount: { minor: -4005, currency: 'EUR' },
      source: 'manual',
      provenance: { description: 'Entered by hand' },
    });
  });

  it('the options page opened in a tab is an extension page, so its entries are "manual"', async () => {
    const optionsTab: SenderLike = { id: EXT_ID, url: `${EXT_ORIGIN}options.html`, tab: { id: 12, url: `${EXT_ORIGIN}options.html` } };
    const result = await handlers.saveSnapshot(capture(), optionsTab);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await db.balanceSnapshots.get(result.value.id))?.source).toBe('manual');
  });

  it('listAccounts returns the summaries of unarchived accounts, sorted, without notes or tax details', async () => {
    const result = await handlers.listAccounts(undefined, contentScript);
    expect(result).toEqual({
      ok: true,
      value: [
        { id: fidelity.id, institution: 'Fidelity', name: 'Brokerage', kind: 'brokerage', layer: 'foundation', currency: 'USD' },
        { id: wise.id, institution: 'Wise', name: 'EUR balance', kind: 'cash', layer: 'foundation', currency: 'EUR' },
      ],
    });
  });

  it('getSettings returns the defaults, then what was saved', async () => {
    expect(await handlers.getSettings(undefined, contentScript)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    await store.saveSettings({ baseCurrency: 'EUR', rates: { USD: '0.92' }, locale: 'de-DE' });
    expect(await handlers.getSettings(undefined, popup)).toEqual({
      ok: true,
      value: {
        key: 'app',
        baseCurrency: 'EUR',
        rates: { USD: '0.92' },
        locale: 'de-DE',
        theme: 'system',
        captureJumpFactor: '3',
      },
    });
  });

  it('a failure of the database comes back as an error envelope, not a throw', async () => {
    db.close();
    const result = await handlers.listAccounts(undefined, popup);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^listAccounts failed: /);
  });
});
