/**
 * Shared setup for the capture handler tests: a fresh database, the real
 * handlers with the real adapters, a fixed clock in Berlin, senders as the
 * browser reports them, and readings written by hand.
 */
import { ALL_ADAPTERS } from '@/utils/capture/adapters';
import { ReadingsStore } from '@/utils/capture/readings-store';
import type { ExtractedItem, ExtractionResult } from '@/utils/capture/types';
import type { StrataDB } from '@/utils/db/database';
import { createStore, type Store } from '@/utils/db/write';
import { siteMatcher } from '@/utils/messaging/capture-handlers';
import { createHandlers, type Handlers } from '@/utils/messaging/handlers';
import type { SenderLike } from '@/utils/messaging/validate';
import { freshDb } from '../fixtures/db/records';

export const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXT_ORIGIN = `chrome-extension://${EXT_ID}/`;
export const OTHER_ID = 'ponmlkjihgfedcbaponmlkjihgfedcba';
export const FIDELITY_URL = 'https://digital.fidelity.com/ftgw/digital/portfolio/summary';
export const AMAZON_URL = 'https://affiliate-program.amazon.com/home';
export const CET = 60;
export const t = (iso: string) => Date.parse(iso);
export const usd = (minor: number) => ({ minor, currency: 'USD' });

/** This extension's content script in the top frame of tab `tabId` at `url`. */
export const contentScriptAt = (url: string, tabId = 42): SenderLike => ({ id: EXT_ID, url, tab: { id: tabId, url }, frameId: 0 });
/** The capture overlay, framed in tab `tabId`. */
export const overlayIn = (tabId = 42, url = FIDELITY_URL): SenderLike => ({
  id: EXT_ID,
  url: `${EXT_ORIGIN}capture-overlay.html`,
  tab: { id: tabId, url },
  frameId: 7,
});
export const popup: SenderLike = { id: EXT_ID, url: `${EXT_ORIGIN}popup.html` };

export function item(fields: Partial<ExtractedItem> & Pick<ExtractedItem, 'figureKey' | 'kind' | 'label'>): ExtractedItem {
  return { account: null, period: null, rawText: '', confidence: 0.9, path: 'main > section > span', ...fields };
}

/** What the Fidelity summary shows: the total and two accounts (one masked account is a problem). */
export function fidelityReadings(roth = 62_114_35): ExtractionResult {
  return {
    site: 'fidelity',
    adapterVersion: 1,
    items: [
      item({ figureKey: 'total-balance', kind: 'balance', label: 'Total balance', amount: usd(122_687_77 + roth), rawText: '$184,802.12', total: true }),
      item({ figureKey: 'account-balance', kind: 'balance', label: 'Balance', account: 'Individual - TOD', amount: usd(122_687_77), rawText: '$122,687.77' }),
      item({
        figureKey: 'account-balance',
        kind: 'balance',
        label: 'Balance',
        account: 'ROTH IRA',
        amount: usd(roth),
        rawText: `$${(roth / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
      }),
    ],
    problems: [{ figureKey: 'account-balance', label: 'Balance', account: 'Health Savings Account', reason: 'The amount is masked (••••)' }],
  };
}

export function amazonReadings(minor: number, period = 'This Month'): ExtractionResult {
  return {
    site: 'amazon-associates',
    adapterVersion: 1,
    items: [item({ figureKey: 'total-earnings', kind: 'earnings', label: 'Total Earnings', period, amount: usd(minor), rawText: `$${minor / 100}` })],
    problems: [],
  };
}

export interface Harness {
  db: StrataDB;
  store: Store;
  handlers: Handlers;
  readings: ReadingsStore;
  clock: { now: number };
}

export function harness(): Harness {
  const db = freshDb();
  const clock = { now: t('2026-11-24T09:00:00Z') };
  let ids = 0;
  const newId = () => `id-${++ids}`;
  const store = createStore(db, { now: () => clock.now, newId });
  let readingIds = 0;
  const readings = new ReadingsStore(() => `readings-${++readingIds}`);
  const handlers = createHandlers({
    db,
    store,
    extensionId: EXT_ID,
    extensionOrigin: EXT_ORIGIN,
    sites: siteMatcher(ALL_ADAPTERS),
    readings,
    now: () => clock.now,
    tzOffsetMinutes: () => CET,
    newId,
  });
  return { db, store, handlers, readings, clock };
}

/** Every row of every table: to show that a refused message wrote nothing. */
export async function everything(db: StrataDB) {
  const rows: Record<string, unknown[]> = {};
  for (const table of db.tables) rows[table.name] = await table.toArray();
  return rows;
}
