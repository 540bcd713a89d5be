/**
 * Wires the handlers to the runtime message listener. Called once, from the
 * background's main.
 */
import { createHandlers, type HandlerDeps } from './handlers';
import { MESSAGE_TYPES, onMessage } from './protocol';

/**
 * Listens for every protocol message and answers it with its handler. The
 * sender handed to the handler is the one the browser reports
 * (`runtime.MessageSender`), never anything from the payload.
 *
 * @returns a function that stops listening (tests; a second registration in
 *   the same context would otherwise be refused by @webext-core/messaging)
 */
export function registerHandlers(deps: HandlerDeps): () => void {
  const handlers = createHandlers(deps);
  const stops = MESSAGE_TYPES.map((type) =>
    onMessage(type, (message) => handlers[type](message.data, message.sender)),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
