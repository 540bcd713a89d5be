/**
 * Gatekeeping for the message protocol, as pure functions (no browser
 * globals): who may send (classifySender) and what they may send
 * (validatePayload). The background runs both before any handler touches the
 * database.
 */
import * as v from 'valibot';
import { Id, MoneySchema, ProvenanceSchema, Timestamp } from '@/utils/db/schema';
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

// ---------------------------------------------------------------- payloads

/** Readable messages for issues the shared schemas leave to valibot's default. */
function messageFor(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return 'is not a field of this message';
  }
  // A missing key, or one holding undefined (Chrome's JSON transport drops those).
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'is required';
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

export const PAYLOAD_SCHEMAS = {
  listAccounts: NoData,
  saveSnapshot: SaveSnapshotPayload,
  getSettings: NoData,
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
