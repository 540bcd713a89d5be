/**
 * What the background does for each message. Every handler first classifies
 * the sender and validates the payload (./validate.ts); if either fails it
 * returns a refusal envelope and touches nothing. Handlers never throw: a
 * failure of the store (a ValidationError naming fields, an unknown account)
 * comes back as `{ ok: false, error, issues }` for the caller to show.
 */
import type { StrataDB } from '@/utils/db/database';
import { listAccounts as queryAccounts } from '@/utils/db/queries';
import type { Source, AppSettings } from '@/utils/db/schema';
import { NotFoundError, ValidationError, type Store } from '@/utils/db/write';
import { ok, refused, type AccountSummary, type MessageType, type Result } from './protocol';
import { classifySender, validatePayload, type Payload, type SenderClass, type SenderLike } from './validate';

export interface HandlerDeps {
  db: StrataDB;
  store: Pick<Store, 'addSnapshot' | 'getSettings'>;
  /** `runtime.id` of this extension. */
  extensionId: string;
  /** `runtime.getURL('/')`: chrome-extension://ID/ or moz-extension://UUID/. */
  extensionOrigin: string;
}

/** A handler takes the raw message data and the browser-reported sender. */
export type Handler<T> = (data: unknown, sender: SenderLike) => Promise<Result<T>>;

export interface Handlers {
  listAccounts: Handler<AccountSummary[]>;
  saveSnapshot: Handler<{ id: string }>;
  getSettings: Handler<AppSettings>;
}

/** The snapshot's source follows from who sent it, never from the payload. */
function sourceOf(sender: Exclude<SenderClass, { kind: 'refused' }>): Source {
  return sender.kind === 'content-script' ? 'capture' : 'manual';
}

function failure(type: MessageType, error: unknown): Result<never> {
  if (error instanceof ValidationError) return refused(`${type} refused: ${error.message}`, error.issues);
  if (error instanceof NotFoundError) return refused(`${type} refused: ${error.message}`);
  const message = error instanceof Error ? error.message : String(error);
  return refused(`${type} failed: ${message}`);
}

export function createHandlers(deps: HandlerDeps): Handlers {
  /**
   * Runs `body` only for an accepted sender and a valid payload; any refusal
   * or thrown error becomes an error envelope.
   */
  function guarded<T extends MessageType, R>(
    type: T,
    body: (payload: Payload<T>, sender: Exclude<SenderClass, { kind: 'refused' }>) => Promise<R>,
  ): Handler<R> {
    return async (data, sender) => {
      const from = classifySender(sender ?? {}, deps.extensionId, deps.extensionOrigin);
      if (from.kind === 'refused') return refused(`${type} refused: ${from.reason}`);
      const payload = validatePayload(type, data);
      if (!payload.ok) return refused(payload.error, payload.issues);
      try {
        return ok(await body(payload.value, from));
      } catch (error) {
        return failure(type, error);
      }
    };
  }

  return {
    listAccounts: guarded('listAccounts', async () => {
      const accounts = await queryAccounts(deps.db, { includeArchived: false });
      // Only what a picker shows: notes and tax details stay in the background.
      return accounts.map(
        ({ id, institution, name, kind, layer, currency }): AccountSummary => ({
          id,
          institution,
          name,
          kind,
          layer,
          currency,
        }),
      );
    }),

    saveSnapshot: guarded('saveSnapshot', async (input, from) => {
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

    getSettings: guarded('getSettings', () => deps.store.getSettings()),
  };
}
