/**
 * The overlay's line to the capture content script of its own tab (close,
 * height, saved): tabs.sendMessage to the top frame. Only extension pages can
 * send this; the overlay never listens to window messages.
 */
import { browser } from 'wxt/browser';
import type { OverlayCommand } from '@/utils/capture/overlay-commands';

let tabId: Promise<number | undefined> | undefined;

/** The tab this overlay is framed in (undefined when opened on its own). */
export function overlayTabId(): Promise<number | undefined> {
  tabId ??= browser.tabs
    .getCurrent()
    .then((tab) => tab?.id)
    .catch(() => undefined);
  return tabId;
}

/**
 * True when this overlay was framed by Strata's content script: its fragment
 * holds the key that script made. A page that frames the overlay itself
 * cannot know the key.
 */
export async function framedByStrata(key: string | null): Promise<boolean> {
  const id = await overlayTabId();
  if (id === undefined || key === null) return false;
  const answer: unknown = await browser.tabs.sendMessage(id, { strataOverlay: 'hello', key }, { frameId: 0 }).catch(() => undefined);
  return typeof answer === 'object' && answer !== null && (answer as { framed?: unknown }).framed === true;
}

export async function tellPage(command: OverlayCommand): Promise<void> {
  const id = await overlayTabId();
  if (id === undefined) return;
  await browser.tabs.sendMessage(id, command, { frameId: 0 }).catch(() => undefined);
}
