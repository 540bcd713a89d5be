/**
 * The one typed message protocol between content scripts, extension pages
 * (popup, options) and the background service worker.
 *
 * Content scripts cannot open the extension's IndexedDB (Dexie there would
 * open the web page's), so they ask the background, which checks the sender
 * and the payload (./validate.ts) before it reads or writes (./handlers.ts).
 *
 * Every response is a Result envelope, never a thrown error, so a refusal
 * crosses the message boundary intact, field issues included:
 *
 *   const r = await sendMessage('saveSnapshot', input);
 *   if (!r.ok) showError(r.error, r.issues);
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Money } from '@/utils/money/types';
import type { Account, AppSettings, Provenance } from '@/utils/db/schema';
import type { FieldIssue } from '@/utils/db/errors';

/**
 * A problem with one field: `field` is a dot path ("amount.minor",
 * "accountId", or "data" for the payload as a whole), `message` a sentence
 * naming it. The same shape utils/db's ValidationError carries.
 */
export type { FieldIssue } from '@/utils/db/errors';

export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: string; issues?: FieldIssue[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function refused(error: string, issues?: FieldIssue[]): { ok: false; error: string; issues?: FieldIssue[] } {
  return issues === undefined || issues.length === 0 ? { ok: false, error } : { ok: false, error, issues };
}

/** What a "save to which account?" picker needs to show of an account. */
export type AccountSummary = Pick<Account, 'id' | 'institution' | 'name' | 'kind' | 'layer' | 'currency'>;

/**
 * A balance to record. No `source`: the background sets it from the sender
 * ('capture' from a content script, 'manual' from an extension page).
 */
export interface SaveSnapshotInput {
  accountId: string;
  amount: Money;
  /** Epoch milliseconds the balance was observed at. */
  at: number;
  provenance: Provenance;
}

export interface ProtocolMap {
  /** Accounts that are not archived, in the order the database lists them. */
  listAccounts(): Result<AccountSummary[]>;
  saveSnapshot(input: SaveSnapshotInput): Result<{ id: string }>;
  getSettings(): Result<AppSettings>;
}

export type MessageType = keyof ProtocolMap;

export const MESSAGE_TYPES = ['listAccounts', 'saveSnapshot', 'getSettings'] as const satisfies readonly MessageType[];

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
