/**
 * Gatekeeping for the message protocol, as pure functions (no browser
 * globals): who may send (classifySender) and what they may send
 * (validatePayload). The background runs both before any handler touches the
 * database.
 */
import * as v from 'valibot';
import {
  ACCOUNT_KINDS,
  CAPTURE_MEANINGS,
  Id,
  INCOME_KINDS,
  LAYERS,
  MoneySchema,
  ProvenanceSchema,
  Timestamp,
} from '@/utils/db/schema';
import { ITEM_KINDS } from '@/utils/capture/types';
import type { FieldIssue, MessageType } from './protocol';

// ---------------------------------------------------------------- sender

/** The parts of `runtime.MessageSender` the classification looks at. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type SenderClass =
  | { kind: 'extension-page' }
  | { kind: 'content-script'; tabUrl: string }
  | { kind: 'refused'; reason: string };

function isWebUrl(url: string): boolean {
  return url.startsWith('https://') || url.startsWith('http://');
}

/**
 * Decides whether a message comes from this extension's own pages (popup,
 * options, any page under the extension origin), from this extension's own
 * content script in a web page, or from anything else, which is refused.
 *
 * `extensionId` is `runtime.id`; `extensionOrigin` is `runtime.getURL('/')`
 * (chrome-extension://ID/ in Chromium, moz-extension://UUID/ in Firefox, where
 * the UUID differs from the id). Both must be given: an empty id would match a
 * sender without one.
 */
export function classifySender(
  sender: SenderLike,
  extensionId: string,
  extensionOrigin: string,
): SenderClass {
  if (!extensionId) return { kind: 'refused', reason: 'the extension id is unknown' };
  if (!/^[a-z-]+-extension:\/\/[^/]+\/?$/.test(extensionOrigin)) {
    return { kind: 'refused', reason: `"${extensionOrigin}" is not an extension origin` };
  }
  // "chrome-extension://abc" must not prefix-match "chrome-extension://abcd/".
  const origin = extensionOrigin.endsWith('/') ? extensionOrigin : extensionOrigin + '/';

  if (sender.id === undefined || sender.id === '') {
    return { kind: 'refused', reason: 'the sender has no extension id (a web page or an unknown context)' };
  }
  if (sender.id !== extensionId) {
    return { kind: 'refused', reason: `the sender is another extension (${sender.id})` };
  }

  const url = sender.url;
  // One of our own pages: popup, options, a page opened in a tab, or one of
  // our pages framed inside a web page (web-accessible resource).
  if (url !== undefined && url.startsWith(origin)) return { kind: 'extension-page' };

  if (sender.tab === undefined) {
    return {
      kind: 'refused',
      reason: `the sender is neither an extension page nor in a tab (url ${url ?? 'missing'})`,
    };
  }
  const tabUrl = sender.tab.url;
  // Every URL the browser reported must be a web page: a frame inside another
  // extension's page, a file:// page or an about:blank frame is not a site
  // Strata captures from.
  const reported = [url, tabUrl].filter((u): u is string => u !== undefined);
  if (reported.length === 0) {
    return { kind: 'refused', reason: 'the content script sender has no url' };
  }
  const notWeb = reported.find((u) => !isWebUrl(u));
  if (notWeb !== undefined) {
    return { kind: 'refused', reason: `the content script sender is not on a web page (${notWeb})` };
  }
  return { kind: 'content-script', tabUrl: tabUrl ?? (url as string) };
}

/** The web page a capture message comes from: its tab, and host and path from the browser's own URL. */
export interface CapturePage {
  tabId: number;
  /** "https://digital.fidelity.com" */
  origin: string;
  /** "digital.fidelity.com" (no port) */
  host: string;
  /** "/ftgw/digital/portfolio/summary" (no query string, no fragment) */
  path: string;
}

/** Longest page path a capture records (provenance keeps at most 1000 characters). */
const MAX_PATH = 1000;

/**
 * For submitReadings, saveTaughtRule, getTaughtRules: only this extension's
 * content script in the TOP frame (frameId 0) of a tab showing an http(s)
 * page. The page is the one the browser reports (sender.url, else
 * sender.tab.url); a frame URL and a tab URL of different origins are
 * refused (a navigation in between).
 */
export function classifyCaptureSender(
  sender: SenderLike,
  extensionId: string,
  extensionOrigin: string,
): { ok: true; page: CapturePage } | { ok: false; reason: string } {
  const from = classifySender(sender, extensionId, extensionOrigin);
  if (from.kind === 'refused') return { ok: false, reason: from.reason };
  if (from.kind === 'extension-page') {
    return { ok: false, reason: 'only a content script in a web page sends this, not an extension page' };
  }
  if (sender.frameId !== 0) {
    return { ok: false, reason: `the sender is not the top frame of its tab (frame ${sender.frameId ?? 'unknown'})` };
  }
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || !Number.isSafeInteger(tabId) || tabId < 0) {
    return { ok: false, reason: 'the sender is not in a tab' };
  }
  let url: URL;
  try {
    url = new URL(sender.url ?? from.tabUrl);
  } catch {
    return { ok: false, reason: 'the sender has no readable url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `the sender is not on a web page (${url.protocol})` };
  }
  if (sender.url !== undefined && sender.tab?.url !== undefined) {
    let tabOrigin = '';
    try {
      tabOrigin = new URL(sender.tab.url).origin;
    } catch {
      // an unreadable tab url is a mismatch
    }
    if (tabOrigin !== url.origin) {
      return { ok: false, reason: `the frame (${url.origin}) and its tab (${sender.tab.url}) are on different sites` };
    }
  }
  if (!/^[a-z0-9.-]+$/.test(url.hostname)) {
    return { ok: false, reason: `the page's host (${url.hostname}) is not a host name Strata records` };
  }
  if (url.pathname.length > MAX_PATH) {
    return { ok: false, reason: `the page path is longer than ${MAX_PATH} characters` };
  }
  return { ok: true, page: { tabId, origin: url.origin, host: url.hostname, path: url.pathname } };
}

/**
 * For getTabReadings and confirmReadings: only this extension's own pages.
 * `tabId` is the tab the page is in (the overlay framed in the captured
 * page), or undefined for a page with no tab (the popup).
 */
export function classifyReadingsSender(
  sender: SenderLike,
  extensionId: string,
  extensionOrigin: string,
): { ok: true; tabId: number | undefined } | { ok: false; reason: string } {
  const from = classifySender(sender, extensionId, extensionOrigin);
  if (from.kind === 'refused') return { ok: false, reason: from.reason };
  if (from.kind !== 'extension-page') {
    return { ok: false, reason: 'only an extension page (the overlay) sends this, not a content script' };
  }
  if (sender.tab === undefined) return { ok: true, tabId: undefined };
  const tabId = sender.tab.id;
  if (typeof tabId !== 'number' || !Number.isSafeInteger(tabId) || tabId < 0) {
    return { ok: false, reason: 'the sender is in a tab without an id' };
  }
  return { ok: true, tabId };
}

// ---------------------------------------------------------------- payloads

/** Readable messages for issues the shared schemas leave to valibot's default. */
function messageFor(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return 'is not a field of this message';
  }
  // A missing key, or one holding undefined (Chrome's JSON transport drops those).
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'is required';
  // A variant's discriminator (a decision's action) with a value it does not know.
  if (issue.type === 'variant' && issue.expected) {
    return `must be ${issue.expected.replace(/^\((.*)\)$/, '$1').split(' | ').join(' or ')}, not ${issue.received}`;
  }
  if (issue.kind === 'schema') {
    switch (issue.expected) {
      case 'Object':
        return 'must be an object';
      case 'string':
        return 'must be text';
      case 'number':
        return 'must be a number';
      case 'undefined':
        return 'must be empty: this message takes no data';
    }
  }
  return issue.message;
}

/** The same shape as the shared schema, but refusing fields it does not know. */
const strict = <TEntries extends v.ObjectEntries>(entries: TEntries) =>
  v.strictObject(entries, messageFor);

/** What `saveSnapshot` accepts: a snapshot without id and source. */
export const SaveSnapshotPayload = strict({
  accountId: Id,
  amount: strict(MoneySchema.entries),
  at: Timestamp,
  provenance: strict(ProvenanceSchema.entries),
});

const NoData = v.undefined(messageFor);

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max, `is longer than ${max} characters`));
const RequiredText = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'is required'), v.maxLength(max, `is longer than ${max} characters`));
const WholeNumber = v.pipe(v.number(), v.safeInteger('must be a whole number'), v.minValue(0, 'cannot be negative'));
const MAX_ITEMS = 500;

/** One figure read off a page (utils/capture/types.ts ExtractedItem). */
export const ExtractedItemPayload = v.pipe(
  strict({
    figureKey: RequiredText(200),
    kind: v.picklist(ITEM_KINDS, 'must be one of: ' + ITEM_KINDS.join(', ')),
    label: Text(500),
    account: v.nullable(Text(500)),
    period: v.nullable(Text(100)),
    amount: v.optional(strict(MoneySchema.entries)),
    count: v.optional(WholeNumber),
    rawText: Text(500),
    confidence: v.pipe(v.number(), v.finite('must be a finite number'), v.minValue(0, 'must be at least 0'), v.maxValue(1, 'must be at most 1')),
    total: v.optional(v.boolean()),
    paper: v.optional(v.boolean()),
    metric: v.optional(Text(100)),
    incomeKind: v.optional(v.picklist(INCOME_KINDS, 'must be one of: ' + INCOME_KINDS.join(', '))),
    path: Text(1000),
  }),
  v.forward(
    v.check(
      (i) => (i.kind === 'count' ? i.count !== undefined && i.amount === undefined : i.amount !== undefined && i.count === undefined),
      'does not match the value: a count figure holds a count, every other figure an amount',
    ),
    ['kind'],
  ),
);

export const ExtractionResultPayload = strict({
  site: v.nullable(Text(100)),
  adapterVersion: v.nullable(WholeNumber),
  items: v.pipe(v.array(ExtractedItemPayload), v.maxLength(MAX_ITEMS, `has more than ${MAX_ITEMS} figures`)),
  problems: v.pipe(
    v.array(strict({ figureKey: Text(200), label: Text(500), account: v.nullable(Text(500)), reason: Text(500) })),
    v.maxLength(MAX_ITEMS, `has more than ${MAX_ITEMS} problems`),
  ),
});

export const SubmitReadingsPayload = strict({ result: ExtractionResultPayload, title: Text(500) });

const TabChoicePayload = v.optional(strict({ tabId: v.optional(WholeNumber) }));

const ItemIndex = v.pipe(v.number(), v.safeInteger('must be a whole number'), v.minValue(0, 'cannot be negative'), v.maxValue(MAX_ITEMS - 1));

const DecisionPayload = v.pipe(
  v.variant('action', [
    strict({ index: ItemIndex, action: v.literal('ignore') }),
    strict({
      index: ItemIndex,
      action: v.literal('save'),
      accountId: v.optional(Id),
      streamId: v.optional(Id),
      newAccount: v.optional(
        strict({
          institution: RequiredText(200),
          name: RequiredText(200),
          layer: v.optional(v.picklist(LAYERS)),
          kind: v.optional(v.picklist(ACCOUNT_KINDS)),
        }),
      ),
      newStream: v.optional(strict({ name: RequiredText(200), layer: v.optional(v.picklist(LAYERS)) })),
    }),
  ], messageFor),
  v.check(
    (d) =>
      d.action === 'ignore' ||
      [d.accountId, d.streamId, d.newAccount, d.newStream].filter((t) => t !== undefined).length === 1,
    'must name exactly one of accountId, streamId, newAccount, newStream',
  ),
);

export const ConfirmReadingsPayload = strict({
  tabId: v.optional(WholeNumber),
  readingsId: Id,
  decisions: v.pipe(v.array(DecisionPayload), v.maxLength(MAX_ITEMS, `has more than ${MAX_ITEMS} decisions`)),
  always: v.boolean(),
  acceptJumps: v.optional(v.boolean()),
});

export const SaveTaughtRulePayload = v.pipe(
  strict({
    label: RequiredText(200),
    fallbackPath: RequiredText(1000),
    meaning: v.picklist(CAPTURE_MEANINGS, 'must be one of: ' + CAPTURE_MEANINGS.join(', ')),
    accountId: v.optional(Id),
    streamId: v.optional(Id),
  }),
  v.forward(
    v.check((r) => r.accountId === undefined || r.streamId === undefined, 'cannot be given with streamId: a figure goes to one place'),
    ['accountId'],
  ),
  v.forward(
    v.check(
      (r) =>
        r.meaning === 'balance' || r.meaning === 'cash'
          ? r.streamId === undefined
          : r.meaning === 'earnings' || r.meaning === 'realized'
            ? r.accountId === undefined
            : true,
      'does not fit the target: a balance goes to an account, earnings to an income stream',
    ),
    ['meaning'],
  ),
);

export const PAYLOAD_SCHEMAS = {
  listAccounts: NoData,
  saveSnapshot: SaveSnapshotPayload,
  getSettings: NoData,
  listStreams: NoData,
  submitReadings: SubmitReadingsPayload,
  getTabReadings: TabChoicePayload,
  confirmReadings: ConfirmReadingsPayload,
  saveTaughtRule: SaveTaughtRulePayload,
  getTaughtRules: NoData,
} as const satisfies Record<MessageType, v.GenericSchema>;

export type Payload<T extends MessageType> = v.InferOutput<(typeof PAYLOAD_SCHEMAS)[T]>;

export type PayloadCheck<T extends MessageType> =
  | { ok: true; value: Payload<T> }
  | { ok: false; error: string; issues: FieldIssue[] };

/**
 * Checks a message's data against its schema. Every issue is reported with
 * the dotted field it concerns ("amount.minor"), or "data" for the payload as
 * a whole.
 */
export function validatePayload<T extends MessageType>(type: T, data: unknown): PayloadCheck<T> {
  const schema: v.GenericSchema = PAYLOAD_SCHEMAS[type];
  const result = v.safeParse(schema, data, { abortEarly: false, message: messageFor });
  if (result.success) return { ok: true, value: result.output as Payload<T> };
  const issues = result.issues.map((issue): FieldIssue => {
    const field = v.getDotPath(issue) ?? 'data';
    // Same style as utils/db's ValidationError: a sentence that names the field.
    const message = /^[a-z]/.test(issue.message) ? `${field} ${issue.message}` : issue.message;
    return { field, message };
  });
  return { ok: false, error: describeIssues(type, issues), issues };
}

/** "saveSnapshot refused: amount.minor must be a whole number …; provenance is required". */
export function describeIssues(type: string, issues: readonly FieldIssue[]): string {
  return `${type} refused: ${issues.map((i) => i.message).join('; ')}`;
}
