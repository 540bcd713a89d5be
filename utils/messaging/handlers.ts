/**
 * What the background does for each message. Every handler first classifies
 * the sender and validates the payload (./validate.ts, through ./guard.ts);
 * if either fails it returns a refusal envelope and touches nothing. Handlers
 * never throw: a failure of the store (a ValidationError naming fields, an
 * unknown account) comes back as `{ ok: false, error, issues }` for the
 * caller to show.
 */
import type { StrataDB } from '@/utils/db/database';
import type { AppSettings, Source } from '@/utils/db/schema';
import type { Store } from '@/utils/db/write';
import type { ReadingsStore } from '@/utils/capture/readings-store';
import {
  accountSummaries,
  createCaptureHandlers,
  streamSummaries,
  type CaptureHandlers,
  type SiteMatcher,
} from './capture-handlers';
import { guard, type Handler, type SenderCheck } from './guard';
import type { AccountSummary, StreamSummary } from './protocol';
import { classifySender, type SenderClass } from './validate';

export type { Handler } from './guard';
export type { SiteMatcher } from './capture-handlers';

export interface HandlerDeps {
  db: StrataDB;
  store: Pick<
    Store,
    'addSnapshot' | 'getSettings' | 'addCaptureRule' | 'updateCaptureRule' | 'applyCaptureWrites'
  >;
  /** `runtime.id` of this extension. */
  extensionId: string;
  /** `runtime.getURL('/')`: chrome-extension://ID/ or moz-extension://UUID/. */
  extensionOrigin: string;
  /** Which adapter covers a page (default: none, so every page is a taught page). */
  sites?: SiteMatcher;
  /** The per-tab readings (default: a new, private one). */
  readings?: ReadingsStore;
  /** The clock (tests pass a fixed one). */
  now?: () => number;
  /** The local offset east of UTC, in minutes, at a moment (default: this machine's). */
  tzOffsetMinutes?: (at: number) => number;
  /** Ids of new accounts and streams a capture creates. */
  newId?: () => string;
}

export interface Handlers extends CaptureHandlers {
  listAccounts: Handler<AccountSummary[]>;
  saveSnapshot: Handler<{ id: string }>;
  getSettings: Handler<AppSettings>;
  listStreams: Handler<StreamSummary[]>;
}

type Accepted = Exclude<SenderClass, { kind: 'refused' }>;

/** The snapshot's source follows from who sent it, never from the payload. */
function sourceOf(sender: Accepted): Source {
  return sender.kind === 'content-script' ? 'capture' : 'manual';
}

export function createHandlers(deps: HandlerDeps): Handlers {
  /** This extension's pages and its content scripts in web pages. */
  const anyOfOurs: SenderCheck<Accepted> = (sender) => {
    const from = classifySender(sender, deps.extensionId, deps.extensionOrigin);
    return from.kind === 'refused' ? { ok: false, reason: from.reason } : { ok: true, context: from };
  };

  return {
    listAccounts: guard('listAccounts', anyOfOurs, () => accountSummaries(deps.db)),

    saveSnapshot: guard('saveSnapshot', anyOfOurs, async (input, from) => {
      // The store checks that the account exists and is in the same currency.
      const saved = await deps.store.addSnapshot({
        accountId: input.accountId,
        at: input.at,
        amount: input.amount,
        source: sourceOf(from),
        provenance: input.provenance,
      });
      return { id: saved.id };
    }),

    getSettings: guard('getSettings', anyOfOurs, () => deps.store.getSettings()),

    listStreams: guard('listStreams', anyOfOurs, () => streamSummaries(deps.db)),

    ...createCaptureHandlers(deps),
  };
}
