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
import type {
  Account,
  AppSettings,
  CaptureMeaning,
  CaptureRule,
  Layer,
  Provenance,
  Stream,
} from '@/utils/db/schema';
import type { FieldIssue } from '@/utils/db/errors';
import type { CaptureDecision, JumpToConfirm, SaveReport } from '@/utils/capture/ingest-types';
import type { ItemSuggestion } from '@/utils/capture/ingest-mappings';
import type { ExtractedItem, ExtractionProblem, ExtractionResult } from '@/utils/capture/types';

export type {
  CaptureDecision,
  JumpToConfirm,
  NewAccountChoice,
  NewStreamChoice,
  RefusedItem,
  SaveReport,
} from '@/utils/capture/ingest-types';
export type { ItemSuggestion } from '@/utils/capture/ingest-mappings';

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

/** What a "save to which stream?" picker needs to show of an income stream. */
export type StreamSummary = Pick<Stream, 'id' | 'name' | 'layer' | 'accountId'>;

// ---------------------------------------------------------------- capture

/**
 * What the capture content script read off its page. The background takes
 * the page (host, path, adapter) from the sender, never from here.
 */
export interface SubmitReadingsInput {
  result: ExtractionResult;
  /** document.title, at most 500 characters. */
  title: string;
}

export interface SubmitReadingsResult {
  /** Names these readings in confirmReadings (a later submit replaces them). */
  readingsId: string;
  /** Present when every figure was mapped with "Always save from this page" and was saved at once. */
  autoSaved?: SaveReport;
}

/** Only the popup (an extension page with no tab) names a tab; pages in a tab read their own. */
export interface TabChoice {
  tabId?: number;
}

/** What the overlay shows: the readings of its own tab, and what to pick from. */
export interface TabReadingsView {
  readingsId: string;
  /** The adapter's id; null on a page only taught rules cover. */
  site: string | null;
  /** "Fidelity", or the host on a taught page. */
  siteName: string;
  layer: Layer | null;
  host: string;
  path: string;
  title: string;
  /** As read, with their position: decisions name items by `index`. */
  items: (ExtractedItem & { index: number })[];
  problems: ExtractionProblem[];
  accounts: AccountSummary[];
  streams: StreamSummary[];
  /** One per item, same order: what to pre-select (null: nothing known). */
  suggestions: (ItemSuggestion | null)[];
  /** Set once these readings were saved (automatically or by the person). */
  saved: SaveReport | null;
}

export interface ConfirmReadingsInput extends TabChoice {
  readingsId: string;
  /** At most one per item; items without one are ignored. Amounts are never sent: the background has them. */
  decisions: CaptureDecision[];
  /** "Always save from this page". */
  always: boolean;
  /** The person confirmed the jumps listed by an earlier answer. */
  acceptJumps?: boolean;
}

export type ConfirmReadingsResult =
  | { status: 'saved'; report: SaveReport }
  | { status: 'needs-confirmation'; needsConfirmation: JumpToConfirm[] };

/**
 * A rule taught by clicking a number; the host and path come from the
 * sender. The account or stream it feeds is optional (at most one): without
 * one, the overlay asks where the figure goes and remembers the answer.
 */
export interface SaveTaughtRuleInput {
  label: string;
  fallbackPath: string;
  meaning: CaptureMeaning;
  accountId?: string;
  streamId?: string;
}

/** A taught rule as a content script gets it: without the account or stream it feeds. */
export type TaughtRule = Omit<CaptureRule, 'accountId' | 'streamId'>;

export interface ProtocolMap {
  /** Accounts that are not archived, in the order the database lists them. */
  listAccounts(): Result<AccountSummary[]>;
  saveSnapshot(input: SaveSnapshotInput): Result<{ id: string }>;
  getSettings(): Result<AppSettings>;
  /** Streams that are not archived, by name. */
  listStreams(): Result<StreamSummary[]>;
  /** Content script, top frame of a web page. */
  submitReadings(input: SubmitReadingsInput): Result<SubmitReadingsResult>;
  /** Extension page in the readings' tab (the overlay), or the popup naming a tab. */
  getTabReadings(input?: TabChoice): Result<TabReadingsView>;
  /** Same senders as getTabReadings. */
  confirmReadings(input: ConfirmReadingsInput): Result<ConfirmReadingsResult>;
  /** Content script (the teach picker), top frame of a web page. */
  saveTaughtRule(input: SaveTaughtRuleInput): Result<{ id: string }>;
  /** Content script, top frame: the rules taught for its own host. */
  getTaughtRules(): Result<TaughtRule[]>;
}

export type MessageType = keyof ProtocolMap;

export const MESSAGE_TYPES = [
  'listAccounts',
  'saveSnapshot',
  'getSettings',
  'listStreams',
  'submitReadings',
  'getTabReadings',
  'confirmReadings',
  'saveTaughtRule',
  'getTaughtRules',
] as const satisfies readonly MessageType[];

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
