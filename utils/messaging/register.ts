/**
 * Wires the handlers to the runtime message listener, and the per-tab
 * capture readings to the tabs' lifecycle. Called once, from the
 * background's main.
 */
import { ReadingsStore } from '@/utils/capture/readings-store';
import { createHandlers, type HandlerDeps } from './handlers';
import { MESSAGE_TYPES, onMessage } from './protocol';

/** The two tab events that end a tab's readings (the `browser.tabs` API fits). */
export interface TabEvents {
  onRemoved: {
    addListener(listener: (tabId: number) => void): void;
    removeListener(listener: (tabId: number) => void): void;
  };
  onUpdated: {
    addListener(listener: (tabId: number, change: { status?: string; url?: string }) => void): void;
    removeListener(listener: (tabId: number, change: { status?: string; url?: string }) => void): void;
  };
}

/**
 * Listens for every protocol message and answers it with its handler. The
 * sender handed to the handler is the one the browser reports
 * (`runtime.MessageSender`), never anything from the payload.
 *
 * A tab's capture readings are forgotten when the tab closes, or when it
 * starts loading another page (status "loading" with a url of another origin
 * or path). A "loading" status alone is not enough: Chromium also reports it
 * while a frame inside the page loads — the capture overlay's own iframe
 * among them — which must not drop the readings the overlay is about to ask
 * for. A reload keeps them until the reloaded page's content script submits
 * its own, which replace them.
 *
 * @returns a function that stops listening (tests; a second registration in
 *   the same context would otherwise be refused by @webext-core/messaging)
 */
export function registerHandlers(deps: HandlerDeps & { tabs?: TabEvents }): () => void {
  const readings = deps.readings ?? new ReadingsStore();
  const handlers = createHandlers({ ...deps, readings });
  const stops = MESSAGE_TYPES.map((type) =>
    onMessage(type, (message) => handlers[type](message.data, message.sender)),
  );
  const forget = (tabId: number) => readings.forgetTab(tabId);
  const forgetOnLoad = (tabId: number, change: { status?: string; url?: string }) => {
    if (change.status === 'loading' && change.url !== undefined) readings.forgetTabIfElsewhere(tabId, change.url);
  };
  deps.tabs?.onRemoved.addListener(forget);
  deps.tabs?.onUpdated.addListener(forgetOnLoad);
  return () => {
    for (const stop of stops) stop();
    deps.tabs?.onRemoved.removeListener(forget);
    deps.tabs?.onUpdated.removeListener(forgetOnLoad);
  };
}
