/**
 * The one gate every handler goes through: classify the sender, validate the
 * payload, run the body, and turn every refusal or failure into an error
 * envelope. Handlers never throw.
 */
import { NotFoundError, ValidationError } from '@/utils/db/errors';
import { ok, refused, type MessageType, type Result } from './protocol';
import { validatePayload, type Payload, type SenderLike } from './validate';

/** A handler takes the raw message data and the browser-reported sender. */
export type Handler<T> = (data: unknown, sender: SenderLike) => Promise<Result<T>>;

/** A refusal a handler body decides (no readings for this tab, already saved…): `<type> refused: <message>`. */
export class Refusal extends Error {
  override name = 'Refusal';
}

/** Who the sender is, for one kind of message, or why it is refused. */
export type SenderCheck<C> = (sender: SenderLike) => { ok: true; context: C } | { ok: false; reason: string };

export function failure(type: MessageType, error: unknown): Result<never> {
  if (error instanceof ValidationError) return refused(`${type} refused: ${error.message}`, error.issues);
  if (error instanceof NotFoundError || error instanceof Refusal) return refused(`${type} refused: ${error.message}`);
  const message = error instanceof Error ? error.message : String(error);
  return refused(`${type} failed: ${message}`);
}

/**
 * Runs `body` only for an accepted sender and a valid payload; any refusal
 * or thrown error becomes an error envelope.
 */
export function guard<T extends MessageType, C, R>(
  type: T,
  check: SenderCheck<C>,
  body: (payload: Payload<T>, context: C) => Promise<R>,
): Handler<R> {
  return async (data, sender) => {
    const from = check(sender ?? {});
    if (!from.ok) return refused(`${type} refused: ${from.reason}`);
    const payload = validatePayload(type, data);
    if (!payload.ok) return refused(payload.error, payload.issues);
    try {
      return ok(await body(payload.value, from.context));
    } catch (error) {
      return failure(type, error);
    }
  };
}
